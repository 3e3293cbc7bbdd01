//! `--export-compare FILE.json`: the comparison as JSON.
//!
//! ```text
//! {"variants": [name…],
//!  "rows": [{"iteration", "item", "path", "assertion",
//!            "results": {variant: {"status": "pass"|"fail"|"skipped"|"not-run", "message"}},
//!            "differs"}],
//!  "requests": [{"iteration", "item", "path", "code": {variant: int|null},
//!                "time_ms": {variant: int|null}, "body_shape_differs", "differs"}],
//!  "variables": [{"name", "differs", "values": {variant: value|"<masked>"|null}}],
//!  "summary": {"rows", "differing_rows", "differing_requests", "differing_variables"}}
//! ```
//! `iteration` is 1-based; `message` is null unless the check failed; `time_ms` is rounded to
//! whole milliseconds; a variable a variant does not define is null there.

use super::model::Comparison;
use crate::report::export::create_report_file;
use crate::report::ReportError;
use serde_json::{json, Map, Value};
use std::io::Write;
use std::path::Path;

/// What a masked variable's value becomes.
pub const MASKED: &str = "<masked>";

/// The comparison as the export's JSON document.
pub fn to_json(c: &Comparison) -> Value {
    json!({
        "variants": c.variants,
        "rows": rows(c),
        "requests": requests(c),
        "variables": variables(c),
        "summary": {
            "rows": c.row_count(),
            "differing_rows": c.differing_rows(),
            "differing_requests": c.differing_requests(),
            "differing_variables": c.differing_variables(),
        },
    })
}

/// One entry per variant, in order.
fn per_variant(c: &Comparison, values: impl Iterator<Item = Value>) -> Value {
    let map: Map<String, Value> = c.variants.iter().cloned().zip(values).collect();
    Value::Object(map)
}

fn rows(c: &Comparison) -> Vec<Value> {
    c.rows()
        .map(|(req, row)| {
            let results = per_variant(
                c,
                row.cells
                    .iter()
                    .map(|cell| json!({"status": cell.status.as_str(), "message": cell.message})),
            );
            json!({
                "iteration": req.iteration + 1,
                "item": req.item,
                "path": req.path,
                "assertion": row.name,
                "results": results,
                "differs": row.differs,
            })
        })
        .collect()
}

fn requests(c: &Comparison) -> Vec<Value> {
    c.requests
        .iter()
        .map(|req| {
            let cells = || req.cells.iter().map(Option::as_ref);
            let code = per_variant(c, cells().map(|cell| json!(cell.and_then(|x| x.code()))));
            let time = per_variant(
                c,
                cells().map(|cell| json!(cell.and_then(|x| x.time_ms()).map(|t| t.round() as u64))),
            );
            json!({
                "iteration": req.iteration + 1,
                "item": req.item,
                "path": req.path,
                "code": code,
                "time_ms": time,
                "body_shape_differs": req.body_shape_differs,
                "differs": req.differs(),
            })
        })
        .collect()
}

fn variables(c: &Comparison) -> Vec<Value> {
    c.variables
        .iter()
        .map(|var| {
            let values = var.values.iter().map(|v| match v {
                None => Value::Null,
                Some(_) if var.masked => Value::String(MASKED.into()),
                Some(v) => v.clone(),
            });
            json!({
                "name": var.name,
                "differs": var.differs,
                "values": per_variant(c, values),
            })
        })
        .collect()
}

/// Writes the export to `path` (creating missing directories).
pub fn write(path: &Path, c: &Comparison) -> Result<(), ReportError> {
    let mut text = serde_json::to_string_pretty(&to_json(c)).unwrap_or_default();
    text.push('\n');
    create_report_file(path)
        .and_then(|mut file| {
            file.write_all(text.as_bytes())?;
            file.flush()
        })
        .map_err(|source| ReportError {
            reporter: "compare",
            path: path.display().to_string(),
            source,
        })
}

#[cfg(test)]
mod tests {
    use super::super::model::{
        CheckCell, CheckRow, Comparison, RequestCell, RequestRow, VariableRow,
    };
    use super::super::record::{CheckKind, Outcome, Status};
    use super::*;

    #[test]
    fn the_issues_shape() {
        let c = Comparison {
            variants: vec!["us".into(), "eu".into()],
            requests: vec![RequestRow {
                iteration: 0,
                item: "Get Token".into(),
                path: "Auth / Get Token".into(),
                cells: vec![
                    Some(RequestCell {
                        outcome: Outcome::Response {
                            code: 200,
                            time_ms: 4.6,
                        },
                        shape: None,
                    }),
                    None,
                ],
                checks: vec![CheckRow {
                    kind: CheckKind::Assertion,
                    name: "ok".into(),
                    cells: vec![
                        CheckCell {
                            status: Status::Fail,
                            message: Some("no".into()),
                        },
                        CheckCell {
                            status: Status::NotRun,
                            message: None,
                        },
                    ],
                    differs: true,
                }],
                code_differs: true,
                ran_differs: true,
                body_shape_differs: false,
            }],
            variables: vec![VariableRow {
                name: "token".into(),
                masked: true,
                values: vec![Some("a".into()), None],
                differs: true,
            }],
            ..Comparison::default()
        };
        let v = to_json(&c);
        assert_eq!(
            v,
            json!({
                "variants": ["us", "eu"],
                "rows": [{"iteration": 1, "item": "Get Token", "path": "Auth / Get Token",
                          "assertion": "ok",
                          "results": {"us": {"status": "fail", "message": "no"},
                                      "eu": {"status": "not-run", "message": null}},
                          "differs": true}],
                "requests": [{"iteration": 1, "item": "Get Token", "path": "Auth / Get Token",
                              "code": {"us": 200, "eu": null}, "time_ms": {"us": 5, "eu": null},
                              "body_shape_differs": false, "differs": true}],
                "variables": [{"name": "token", "differs": true,
                               "values": {"us": "<masked>", "eu": null}}],
                "summary": {"rows": 1, "differing_rows": 1, "differing_requests": 1,
                            "differing_variables": 1}
            })
        );
    }
}
