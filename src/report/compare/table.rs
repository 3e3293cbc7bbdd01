//! The terminal view of a comparison: one row per (request, assertion) in run order, one column
//! per variant (✓ / ✗ / ○ skipped / – not run), then per request its status code and time; rows
//! where the variants disagree carry a `≠` in the left gutter. Then the variables scripts set,
//! a "Differences" section listing every disagreement again, and one totals line per variant.

mod differences;
mod paint;

use super::model::{CheckRow, Comparison, RequestRow, VariableRow};
use paint::{cell, clip, width, Cell, Paint, Painter};
use serde_json::Value;

/// How to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableOptions {
    pub color: bool,
    /// Unicode symbols; false for `--disable-unicode`.
    pub unicode: bool,
    /// `--verbose`: each failure's message under its row.
    pub verbose: bool,
}

/// Longest label before it is cut with `…`.
const MAX_LABEL: usize = 56;
/// Longest variable value shown.
const MAX_VALUE: usize = 32;

enum Line {
    /// A table row: gutter mark, indented label, one cell per variant.
    Row {
        marked: bool,
        indent: usize,
        label: Cell,
        cells: Vec<Cell>,
    },
    /// Free text (headings, failure messages), not part of the column layout.
    Text(Cell),
}

/// The whole terminal report.
pub fn render(c: &Comparison, opts: TableOptions) -> String {
    let p = Painter { opts };
    let mut lines = vec![
        Line::Text(cell(
            format!("{}: {} variants compared", c.collection, c.variants.len()),
            Paint::Bold,
        )),
        Line::Text(cell("", Paint::Plain)),
    ];
    lines.push(header(c, "request / assertion"));
    let mut iteration = None;
    for req in &c.requests {
        if c.iterations && iteration != Some(req.iteration) {
            iteration = Some(req.iteration);
            lines.push(Line::Text(cell(
                format!("Iteration {}", req.iteration + 1),
                Paint::Bold,
            )));
        }
        request_lines(&p, c, req, &mut lines);
    }
    if !c.variables.is_empty() {
        lines.push(Line::Text(cell("", Paint::Plain)));
        lines.push(header(c, "variables set by scripts"));
        lines.extend(c.variables.iter().map(|v| variable_line(&p, v)));
    }
    let mut out = layout(&p, &lines);
    out.push('\n');
    out.push_str(&differences::differences(&p, c));
    out.push('\n');
    out.push_str(&differences::totals(&p, c));
    out
}

fn header(c: &Comparison, label: &str) -> Line {
    Line::Row {
        marked: false,
        indent: 0,
        label: cell(label, Paint::Dim),
        cells: c.variants.iter().map(|v| cell(v, Paint::Bold)).collect(),
    }
}

fn request_lines(p: &Painter, c: &Comparison, req: &RequestRow, lines: &mut Vec<Line>) {
    lines.push(Line::Row {
        marked: false,
        indent: 0,
        label: cell(&req.path, Paint::Bold),
        cells: Vec::new(),
    });
    for row in &req.checks {
        lines.push(Line::Row {
            marked: row.differs,
            indent: 2,
            label: cell(&row.name, Paint::Plain),
            cells: row.cells.iter().map(|x| p.status(x.status)).collect(),
        });
        if p.opts.verbose {
            messages(c, row, lines);
        }
    }
    let label = if p.opts.unicode {
        "status · time"
    } else {
        "status, time"
    };
    lines.push(Line::Row {
        marked: req.differs(),
        indent: 2,
        label: cell(label, Paint::Dim),
        cells: req.cells.iter().map(|x| p.request(x.as_ref())).collect(),
    });
}

fn messages(c: &Comparison, row: &CheckRow, lines: &mut Vec<Line>) {
    for (name, x) in c.variants.iter().zip(&row.cells) {
        if let Some(m) = &x.message {
            lines.push(Line::Text(cell(
                format!("        {name}: {}", m.replace('\n', " ")),
                Paint::Red,
            )));
        }
    }
}

pub(super) fn value_text(v: &Value) -> String {
    clip(&v.to_string(), MAX_VALUE)
}

fn variable_line(p: &Painter, v: &VariableRow) -> Line {
    let cells = if v.masked {
        let word = if v.differs { "different" } else { "equal" };
        vec![cell(format!("(masked) {word}"), Paint::Dim)]
    } else {
        v.values
            .iter()
            .map(|x| match x {
                Some(x) => cell(value_text(x), Paint::Plain),
                None => cell(p.none(), Paint::Dim),
            })
            .collect()
    };
    Line::Row {
        marked: v.differs,
        indent: 0,
        label: cell(&v.name, Paint::Plain),
        cells,
    }
}

/// Lays rows out in columns: gutter, label, then one column per variant.
fn layout(p: &Painter, lines: &[Line]) -> String {
    let mut label_w = 0;
    let mut cols: Vec<usize> = Vec::new();
    for line in lines {
        if let Line::Row {
            indent,
            label,
            cells,
            ..
        } = line
        {
            label_w = label_w.max(indent + width(&clip(&label.text, MAX_LABEL)));
            // A single cell on a row of several columns (masked variables) spans them.
            if cells.len() > 1 || cols.is_empty() {
                for (i, c) in cells.iter().enumerate() {
                    if cols.len() <= i {
                        cols.push(0);
                    }
                    cols[i] = cols[i].max(width(&c.text));
                }
            }
        }
    }
    let mut out = String::new();
    for line in lines {
        match line {
            Line::Text(c) => out.push_str(&p.paint(c)),
            Line::Row {
                marked,
                indent,
                label,
                cells,
            } => {
                let gutter = if *marked { p.mark() } else { " " };
                out.push_str(&p.paint(&cell(gutter, Paint::Yellow)));
                out.push_str("   ");
                let text = clip(&label.text, MAX_LABEL);
                let pad = label_w - indent - width(&text);
                out.push_str(&" ".repeat(*indent));
                out.push_str(&p.paint(&cell(text, label.paint)));
                out.push_str(&" ".repeat(pad));
                for (i, c) in cells.iter().enumerate() {
                    out.push_str("  ");
                    out.push_str(&p.paint(c));
                    let w = cols.get(i).copied().unwrap_or(0);
                    if i + 1 < cells.len() {
                        out.push_str(&" ".repeat(w.saturating_sub(width(&c.text))));
                    }
                }
            }
        }
        while out.ends_with(' ') {
            out.pop();
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::model::{CheckCell, RequestCell, VariantTotals};
    use super::super::record::{CheckKind, Outcome, Status};
    use super::*;

    fn sample() -> Comparison {
        let ok = |s| CheckCell {
            status: s,
            message: (s == Status::Fail).then(|| "expected 1800 to equal 3600".to_string()),
        };
        Comparison {
            collection: "Flow".into(),
            variants: vec!["us".into(), "eu".into()],
            iterations: false,
            requests: vec![RequestRow {
                iteration: 0,
                item: "Get Token".into(),
                path: "Auth / Get Token".into(),
                cells: vec![
                    Some(RequestCell {
                        outcome: Outcome::Response {
                            code: 200,
                            time_ms: 3.2,
                        },
                        shape: None,
                    }),
                    Some(RequestCell {
                        outcome: Outcome::Response {
                            code: 201,
                            time_ms: 11.0,
                        },
                        shape: None,
                    }),
                ],
                checks: vec![
                    CheckRow {
                        kind: CheckKind::Assertion,
                        name: "has a token".into(),
                        cells: vec![ok(Status::Pass), ok(Status::Pass)],
                        differs: false,
                    },
                    CheckRow {
                        kind: CheckKind::Assertion,
                        name: "expires in an hour".into(),
                        cells: vec![ok(Status::Pass), ok(Status::Fail)],
                        differs: true,
                    },
                ],
                code_differs: true,
                ran_differs: false,
                body_shape_differs: false,
            }],
            variables: vec![VariableRow {
                name: "access_token".into(),
                masked: true,
                values: vec![Some("a".into()), Some("b".into())],
                differs: true,
            }],
            totals: vec![
                VariantTotals {
                    requests: 1,
                    passed: 2,
                    ..VariantTotals::default()
                },
                VariantTotals {
                    requests: 1,
                    passed: 1,
                    failed: 1,
                    run_failed: true,
                    ..VariantTotals::default()
                },
            ],
        }
    }

    #[test]
    fn plain_table() {
        let text = render(
            &sample(),
            TableOptions {
                color: false,
                unicode: true,
                verbose: true,
            },
        );
        let expected = "\
Flow: 2 variants compared

    request / assertion       us         eu
    Auth / Get Token
      has a token             ✓          ✓
≠     expires in an hour      ✓          ✗
        eu: expected 1800 to equal 3600
≠     status · time           200 · 3ms  201 · 11ms

    variables set by scripts  us         eu
≠   access_token              (masked) different

Differences: 1 of 2 rows, 1 of 1 requests, 1 of 1 variables
  Auth / Get Token
    expires in an hour: us ✓, eu ✗ expected 1800 to equal 3600
    status: us 200, eu 201
  variable access_token: different (masked)

us  1 request, 2 passed, 0 failed
eu  1 request, 1 passed, 1 failed
";
        assert_eq!(text, expected);
    }
}
