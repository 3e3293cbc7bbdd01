//! The statistics table printed after the run: rows iterations, requests, test-scripts,
//! prerequest-scripts and assertions (executed / failed), then full-width rows for the run
//! duration, data received and average timings. Laid out as Newman's cli-table3 table: first
//! column 25 wide, every cell right-aligned, full-width rows left-aligned and widening the
//! other two columns evenly when they need room.

use super::format::{filesize, prettyms, width};
use super::style::{Paint, Style, TableChars};
use crate::run::{RunSummary, Stat};

/// One row of the table.
enum Row {
    /// Three right-aligned cells.
    Cells([(String, Paint); 3]),
    /// One left-aligned cell spanning all three columns.
    Span(String),
}

/// Renders the table (no leading or trailing blank line).
pub fn render(summary: &RunSummary, chars: &TableChars, style: Style) -> String {
    let rows = rows(summary);
    let widths = column_widths(&rows);
    let mut out = String::new();
    let border = |s: String| style.paint(Paint::Gray, &s);
    let top = [chars.top_left, chars.top, chars.top_mid, chars.top_right];
    out.push_str(&border(rule(&widths, top, false)));
    out.push('\n');
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            let above_span = matches!(rows[i - 1], Row::Span(_));
            let joint = match (above_span, row) {
                (false, Row::Cells(_)) => chars.mid_mid,
                (false, Row::Span(_)) => chars.bottom_mid,
                (true, _) => chars.mid,
            };
            let line = [chars.left_mid, chars.mid, joint, chars.right_mid];
            out.push_str(&border(rule(&widths, line, false)));
            out.push('\n');
        }
        out.push_str(&row_line(row, &widths, chars, style));
        out.push('\n');
    }
    let bottom = [
        chars.bottom_left,
        chars.bottom,
        chars.bottom,
        chars.bottom_right,
    ];
    out.push_str(&border(rule(&widths, bottom, true)));
    out
}

fn rows(summary: &RunSummary) -> Vec<Row> {
    let stats = &summary.stats;
    let mut rows = vec![Row::Cells([
        (String::new(), Paint::Plain),
        ("executed".into(), Paint::Plain),
        ("  failed".into(), Paint::Plain),
    ])];
    let stat_rows: [(&str, &Stat); 5] = [
        ("iterations", &stats.iterations),
        ("requests", &stats.requests),
        ("test-scripts", &stats.test_scripts),
        ("prerequest-scripts", &stats.prerequest_scripts),
        ("assertions", &stats.assertions),
    ];
    for (label, stat) in stat_rows {
        let label_paint = match (stat.failed, stat.pending) {
            (f, _) if f > 0 => Paint::Red,
            (_, 0) => Paint::Green,
            _ => Paint::Plain,
        };
        let failed_paint = if stat.failed > 0 {
            Paint::Red
        } else {
            Paint::Plain
        };
        rows.push(Row::Cells([
            (label.into(), label_paint),
            (stat.total.to_string(), Paint::Plain),
            (stat.failed.to_string(), failed_paint),
        ]));
    }
    let t = &summary.timings;
    let duration = (t.completed - t.started).max(0) as f64;
    rows.push(Row::Span(format!(
        "total run duration: {}",
        prettyms(duration)
    )));
    rows.push(Row::Span(format!(
        "total data received: {} (approx)",
        filesize(summary.response_total)
    )));
    let averages = [
        (
            "average response time:",
            t.response_average,
            t.response_min,
            t.response_max,
            t.response_sd,
        ),
        (
            "average DNS lookup time:",
            t.dns_average,
            t.dns_min,
            t.dns_max,
            t.dns_sd,
        ),
        (
            "average first byte time:",
            t.first_byte_average,
            t.first_byte_min,
            t.first_byte_max,
            t.first_byte_sd,
        ),
    ];
    for (label, avg, min, max, sd) in averages {
        if avg != 0.0 {
            rows.push(Row::Span(format!(
                "{label} {} [min: {}, max: {}, s.d.: {}]",
                prettyms(avg),
                prettyms(min),
                prettyms(max),
                prettyms(sd)
            )));
        }
    }
    rows
}

/// Column widths including one space of padding on each side: the first is fixed at 25, the
/// others fit their cells, then grow (evenly, rounding up first) until each full-width row fits;
/// full-width rows are visited from the last up, as cli-table3 does.
fn column_widths(rows: &[Row]) -> [usize; 3] {
    let mut widths = [25, 0, 0];
    for row in rows {
        if let Row::Cells(cells) = row {
            for (col, (text, _)) in cells.iter().enumerate().skip(1) {
                widths[col] = widths[col].max(width(text) + 2);
            }
        }
    }
    for row in rows.iter().rev() {
        let Row::Span(text) = row else { continue };
        let desired = width(text) + 2;
        let mut existing = widths[0] + 1 + widths[1] + 1 + widths[2];
        let mut editable = 2usize;
        for col_width in widths.iter_mut().skip(1) {
            if desired <= existing {
                break;
            }
            let extra = desired - existing;
            let dif = (extra + editable / 2) / editable;
            *col_width += dif;
            existing += dif;
            editable -= 1;
        }
    }
    widths
}

/// A horizontal line: `[left, fill, joint, right]`. With `span` the joints are fill too.
fn rule(widths: &[usize; 3], [left, fill, joint, right]: [&str; 4], span: bool) -> String {
    let mut line = String::from(left);
    for (i, w) in widths.iter().enumerate() {
        if i > 0 {
            line.push_str(if span { fill } else { joint });
        }
        line.push_str(&fill.repeat(*w));
    }
    line.push_str(right);
    line
}

fn row_line(row: &Row, widths: &[usize; 3], chars: &TableChars, style: Style) -> String {
    let bar = |s: &str| style.paint(Paint::Gray, s);
    match row {
        Row::Cells(cells) => {
            let mut line = bar(chars.left);
            for (i, ((text, paint), w)) in cells.iter().zip(widths).enumerate() {
                if i > 0 {
                    line.push_str(&bar(chars.middle));
                }
                let pad = w.saturating_sub(width(text) + 2);
                line.push_str(&" ".repeat(pad + 1));
                line.push_str(&style.paint(*paint, text));
                line.push(' ');
            }
            line + &bar(chars.right)
        }
        Row::Span(text) => {
            let total = widths[0] + widths[1] + widths[2] + 2;
            let pad = total.saturating_sub(width(text) + 2);
            format!(
                "{} {text}{} {}",
                bar(chars.left),
                " ".repeat(pad),
                bar(chars.right)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::cli::style::Symbols;
    use crate::run::{Stats, Timings};

    fn stat(total: usize, failed: usize) -> Stat {
        Stat {
            total,
            pending: 0,
            failed,
        }
    }

    #[test]
    fn matches_newmans_table() {
        let summary = RunSummary {
            stats: Stats {
                iterations: stat(2, 0),
                requests: stat(6, 0),
                test_scripts: stat(12, 2),
                prerequest_scripts: stat(12, 0),
                assertions: stat(16, 5),
                ..Stats::default()
            },
            timings: Timings {
                response_average: 12.4,
                response_min: 4.0,
                response_max: 42.0,
                response_sd: 13.2,
                started: 1000,
                completed: 1484,
                ..Timings::default()
            },
            response_total: 1371,
            ..RunSummary::default()
        };
        let table = render(&summary, &Symbols::new(true).table, Style { color: false });
        let expected = "\
┌─────────────────────────┬──────────────────┬──────────────────┐
│                         │         executed │           failed │
├─────────────────────────┼──────────────────┼──────────────────┤
│              iterations │                2 │                0 │
├─────────────────────────┼──────────────────┼──────────────────┤
│                requests │                6 │                0 │
├─────────────────────────┼──────────────────┼──────────────────┤
│            test-scripts │               12 │                2 │
├─────────────────────────┼──────────────────┼──────────────────┤
│      prerequest-scripts │               12 │                0 │
├─────────────────────────┼──────────────────┼──────────────────┤
│              assertions │               16 │                5 │
├─────────────────────────┴──────────────────┴──────────────────┤
│ total run duration: 484ms                                     │
├───────────────────────────────────────────────────────────────┤
│ total data received: 1.37kB (approx)                          │
├───────────────────────────────────────────────────────────────┤
│ average response time: 12ms [min: 4ms, max: 42ms, s.d.: 13ms] │
└───────────────────────────────────────────────────────────────┘";
        assert_eq!(table, expected);
    }

    #[test]
    fn short_rows_keep_the_header_widths() {
        let widths = column_widths(&[Row::Span("x".into())]);
        assert_eq!(widths, [25, 0, 0]);
        let widths = column_widths(&[
            Row::Cells([
                (String::new(), Paint::Plain),
                ("executed".into(), Paint::Plain),
                ("  failed".into(), Paint::Plain),
            ]),
            Row::Span("y".repeat(50)),
        ]);
        assert_eq!(widths, [25, 13, 12]);
    }
}
