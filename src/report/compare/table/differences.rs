//! The end of the compare table: the "Differences" section (every disagreement again, with
//! the failure messages, status codes, body shapes and variable values) and one totals line
//! per variant.

use super::super::model::{CheckRow, Comparison, RequestCell};
use super::super::record::Outcome;
use super::paint::{cell, width, Paint, Painter};
use super::value_text;

fn describe_request(x: Option<&RequestCell>) -> String {
    match x.map(|x| &x.outcome) {
        None => "not run".into(),
        Some(Outcome::Response { code, .. }) => code.to_string(),
        Some(Outcome::Error(m)) => format!("error ({m})"),
        Some(Outcome::NotSent) => "not sent".into(),
    }
}

fn joined(c: &Comparison, texts: impl Iterator<Item = String>) -> String {
    c.variants
        .iter()
        .zip(texts)
        .map(|(v, t)| format!("{v} {t}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The "Differences" section.
pub(super) fn differences(p: &Painter, c: &Comparison) -> String {
    let mut out = String::new();
    let (rows, reqs, vars) = (
        c.differing_rows(),
        c.differing_requests(),
        c.differing_variables(),
    );
    if rows + reqs + vars == 0 {
        out.push_str(&p.paint(&cell("No differences.", Paint::Bold)));
        out.push('\n');
        return out;
    }
    let title = format!(
        "Differences: {rows} of {} rows, {reqs} of {} requests, {vars} of {} variables",
        c.row_count(),
        c.requests.len(),
        c.variables.len()
    );
    out.push_str(&p.paint(&cell(title, Paint::Bold)));
    out.push('\n');
    for req in &c.requests {
        let rows: Vec<&CheckRow> = req.checks.iter().filter(|r| r.differs).collect();
        if rows.is_empty() && !req.differs() {
            continue;
        }
        let mut head = req.path.clone();
        if c.iterations {
            head.push_str(&format!(" [iteration {}]", req.iteration + 1));
        }
        out.push_str(&format!("  {}\n", p.paint(&cell(head, Paint::Bold))));
        for row in rows {
            let texts = row.cells.iter().map(|x| {
                let mark = p.paint(&p.status(x.status));
                match &x.message {
                    Some(m) => format!("{mark} {}", m.replace('\n', " ")),
                    None => mark,
                }
            });
            out.push_str(&format!("    {}: {}\n", row.name, joined(c, texts)));
        }
        if req.code_differs || req.ran_differs {
            let texts = req.cells.iter().map(|x| describe_request(x.as_ref()));
            out.push_str(&format!("    status: {}\n", joined(c, texts)));
        }
        if req.body_shape_differs {
            let texts = req
                .cells
                .iter()
                .map(|x| match x.as_ref().and_then(|x| x.shape.as_ref()) {
                    Some(s) => s.to_string(),
                    None => p.none().to_string(),
                });
            out.push_str(&format!("    body: {}\n", joined(c, texts)));
        }
    }
    for v in c.variables.iter().filter(|v| v.differs) {
        let text = if v.masked {
            "different (masked)".to_string()
        } else {
            let texts = v.values.iter().map(|x| match x {
                Some(x) => value_text(x),
                None => "undefined".into(),
            });
            joined(c, texts)
        };
        out.push_str(&format!("  variable {}: {text}\n", v.name));
    }
    out
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// One line per variant: requests, passed, failed, skipped, and why it stopped early.
pub(super) fn totals(p: &Painter, c: &Comparison) -> String {
    let w = c.variants.iter().map(|v| width(v)).max().unwrap_or(0);
    let mut out = String::new();
    for (name, t) in c.variants.iter().zip(&c.totals) {
        let failed = cell(
            format!("{} failed", t.failed),
            if t.failed > 0 {
                Paint::Red
            } else {
                Paint::Plain
            },
        );
        let mut line = format!(
            "{}{}  {}, {} passed, {}",
            p.paint(&cell(name, Paint::Bold)),
            " ".repeat(w - width(name)),
            plural(t.requests, "request"),
            t.passed,
            p.paint(&failed),
        );
        if t.skipped > 0 {
            line.push_str(&format!(", {} skipped", t.skipped));
        }
        if let Some(why) = &t.stopped {
            line.push_str(&format!(" ({why})"));
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}
