//! The failure list printed after the summary table: `#`, `failure` (error name, iteration
//! when the run has several) and `detail` (test name, message, `at …`, `inside "…"`), laid out
//! as Newman's borderless table: columns sized to their longest line, a blank line between
//! entries. Unlike Newman, request errors name their item (`inside "Folder / Request"`), and
//! lines carry no trailing spaces.

use super::format::{pad_left, width};
use super::style::{Paint, Style};
use crate::run::Failure;

type Cell = Vec<(String, Paint)>;

/// Renders the list (no leading or trailing blank line); empty when there are no failures.
pub fn render(failures: &[Failure], style: Style) -> String {
    if failures.is_empty() {
        return String::new();
    }
    let digits = failures.len().to_string().len();
    let mut rows: Vec<[Cell; 3]> = vec![[
        vec![("#".into(), Paint::RedUnderline)],
        vec![("failure".into(), Paint::RedUnderline)],
        vec![("detail".into(), Paint::RedUnderline)],
    ]];
    for (i, failure) in failures.iter().enumerate() {
        rows.push(entry(i + 1, digits, failure));
    }
    let widths = column_widths(&rows);
    let mut lines: Vec<String> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        let height = row.iter().map(Vec::len).max().unwrap_or(1);
        for n in 0..height {
            lines.push(row_line(row, n, &widths, style));
        }
    }
    lines.join("\n")
}

fn entry(number: usize, digits: usize, failure: &Failure) -> [Cell; 3] {
    let mut name = vec![(failure.error.name.clone(), Paint::Plain)];
    if failure.cursor.cycles > 1 {
        let iteration = format!("iteration: {}", failure.cursor.iteration + 1);
        name.push((iteration, Paint::Gray));
    }
    let mut detail = vec![(failure.test.clone().unwrap_or_default(), Paint::Plain)];
    for line in failure.error.message.split('\n') {
        detail.push((line.to_string(), Paint::Gray));
    }
    detail.push((format!("at {}", failure.at), Paint::Gray));
    detail.push((format!("inside \"{}\"", failure.item.path()), Paint::Gray));
    [
        vec![(format!("{}.", pad_left(number, digits)), Paint::Plain)],
        name,
        detail,
    ]
}

/// Widest line of each column plus one space of padding on each side.
fn column_widths(rows: &[[Cell; 3]]) -> [usize; 3] {
    let mut widths = [0; 3];
    for row in rows {
        for (col, cell) in row.iter().enumerate() {
            for (text, _) in cell {
                widths[col] = widths[col].max(width(text) + 2);
            }
        }
    }
    widths
}

/// Line `n` of a row: the first column right-aligned, the others left-aligned.
fn row_line(row: &[Cell; 3], n: usize, widths: &[usize; 3], style: Style) -> String {
    let mut line = String::new();
    for (col, cell) in row.iter().enumerate() {
        let (text, paint) = cell
            .get(n)
            .map(|(t, p)| (t.as_str(), *p))
            .unwrap_or(("", Paint::Plain));
        let pad = " ".repeat(widths[col].saturating_sub(width(text) + 2));
        let painted = style.paint(paint, text);
        if col == 0 {
            line.push_str(&format!(" {pad}{painted} "));
        } else {
            line.push_str(&format!(" {painted}{pad} "));
        }
    }
    line.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::{Cursor, ErrorInfo, FailureAt, ItemRef, Listen};

    fn failure(cycles: usize, test: Option<&str>, at: FailureAt) -> Failure {
        Failure {
            error: ErrorInfo::new("ReferenceError", "undefinedFn is not defined"),
            test: test.map(String::from),
            at,
            item: ItemRef {
                id: "1".into(),
                name: "Broken script".into(),
                folders: vec!["Users".into()],
            },
            cursor: Cursor {
                cycles,
                ..Cursor::default()
            },
        }
    }

    #[test]
    fn lays_out_like_newman() {
        let at = FailureAt::Script {
            listen: Listen::Test,
            position: None,
        };
        let text = render(&[failure(2, None, at)], Style { color: false });
        let expected = "  #  failure         detail\n\
                        \n \
                        1.  ReferenceError\n     \
                        iteration: 1    undefinedFn is not defined\n                     \
                        at test-script\n                     \
                        inside \"Users / Broken script\"";
        assert_eq!(text, expected);
    }

    #[test]
    fn assertion_failures_show_the_test_name_first() {
        let at = FailureAt::Assertion {
            index: 0,
            listen: Listen::Test,
        };
        let text = render(
            &[failure(1, Some("status is 200"), at)],
            Style { color: false },
        );
        assert!(
            text.contains(" 1.  ReferenceError  status is 200\n"),
            "{text}"
        );
        assert!(text.contains("at assertion:0 in test-script"));
        assert!(!text.contains("iteration:"));
        assert_eq!(render(&[], Style { color: true }), "");
    }
}
