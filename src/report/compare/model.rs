//! The comparison: the variants' executions lined up side by side. Requests are matched by
//! (iteration, item, how many times the item ran before in that iteration), checks within a
//! request by (kind, name, occurrence); both keep run order, with anything only some variants
//! ran slotted in after what it followed there. Then each row says whether the variants agree.

use super::merge::merge_orders;
use super::record::{Check, CheckKind, ExecRecord, Outcome, Status};
use super::shape::BodyShape;
use super::variables::{looks_secret, VariableSnapshot};
use serde_json::Value;
use std::collections::HashMap;

/// One variant's run, as the comparison takes it.
#[derive(Debug, Clone, Default)]
pub struct VariantRun {
    pub name: String,
    pub executions: Vec<ExecRecord>,
    pub variables: VariableSnapshot,
    /// True when the variant had a failure (exit code 1).
    pub failed: bool,
    /// Why the run stopped early, when it did (`interrupted`, `--bail`, `--timeout`).
    pub stopped: Option<String>,
}

/// One check (assertion or error) in one variant.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckCell {
    pub status: Status,
    pub message: Option<String>,
}

/// One (request, assertion) row.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckRow {
    pub kind: CheckKind,
    pub name: String,
    /// One cell per variant, in variant order.
    pub cells: Vec<CheckCell>,
    pub differs: bool,
}

/// A request as one variant ran it (`None` in [`RequestRow::cells`] when it did not).
#[derive(Debug, Clone, PartialEq)]
pub struct RequestCell {
    pub outcome: Outcome,
    pub shape: Option<BodyShape>,
}

impl RequestCell {
    pub fn code(&self) -> Option<u16> {
        match self.outcome {
            Outcome::Response { code, .. } => Some(code),
            _ => None,
        }
    }
    pub fn time_ms(&self) -> Option<f64> {
        match self.outcome {
            Outcome::Response { time_ms, .. } => Some(time_ms),
            _ => None,
        }
    }
}

/// One item execution across the variants, with its checks.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestRow {
    /// 0-based.
    pub iteration: usize,
    pub item: String,
    pub path: String,
    pub cells: Vec<Option<RequestCell>>,
    pub checks: Vec<CheckRow>,
    /// The status codes differ (a missing response counts as a value).
    pub code_differs: bool,
    /// It ran in some variants and not in others.
    pub ran_differs: bool,
    /// The responses' top-level JSON keys or value types differ.
    pub body_shape_differs: bool,
}

impl RequestRow {
    /// Any difference: code, ran or not, body shape.
    pub fn differs(&self) -> bool {
        self.code_differs || self.ran_differs || self.body_shape_differs
    }
    /// A difference `--fail-on-diff` fails on: status code or whether it ran.
    pub fn fatal(&self) -> bool {
        self.code_differs || self.ran_differs
    }
}

/// The final value of a variable a script set, per variant (`None`: not defined there).
#[derive(Debug, Clone, PartialEq)]
pub struct VariableRow {
    pub name: String,
    /// Shown only as equal / different.
    pub masked: bool,
    pub values: Vec<Option<Value>>,
    pub differs: bool,
}

/// Per-variant totals for the closing lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VariantTotals {
    pub requests: usize,
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
    pub run_failed: bool,
    pub stopped: Option<String>,
}

/// Everything `postie compare` shows and exports.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    pub collection: String,
    pub variants: Vec<String>,
    /// True when some variant ran more than one iteration.
    pub iterations: bool,
    pub requests: Vec<RequestRow>,
    pub variables: Vec<VariableRow>,
    pub totals: Vec<VariantTotals>,
}

impl Comparison {
    /// Lines the variants up. `show_secrets` (`--reporter-show-secrets`) unmasks variables.
    pub fn build(collection: &str, runs: &[VariantRun], show_secrets: bool) -> Comparison {
        Comparison {
            collection: collection.to_string(),
            variants: runs.iter().map(|r| r.name.clone()).collect(),
            iterations: runs
                .iter()
                .any(|r| r.executions.iter().any(|e| e.iteration > 0)),
            requests: requests(runs),
            variables: variables(runs, show_secrets),
            totals: runs.iter().map(totals).collect(),
        }
    }

    pub fn rows(&self) -> impl Iterator<Item = (&RequestRow, &CheckRow)> {
        self.requests
            .iter()
            .flat_map(|r| r.checks.iter().map(move |c| (r, c)))
    }

    pub fn row_count(&self) -> usize {
        self.requests.iter().map(|r| r.checks.len()).sum()
    }
    pub fn differing_rows(&self) -> usize {
        self.rows().filter(|(_, c)| c.differs).count()
    }
    pub fn differing_requests(&self) -> usize {
        self.requests.iter().filter(|r| r.differs()).count()
    }
    pub fn differing_variables(&self) -> usize {
        self.variables.iter().filter(|v| v.differs).count()
    }
    /// True when some request's status code, or the set of requests that ran, differs.
    pub fn fatal_differences(&self) -> bool {
        self.requests.iter().any(RequestRow::fatal)
    }
    /// True when any variant had a failure.
    pub fn any_failed(&self) -> bool {
        self.totals.iter().any(|t| t.run_failed)
    }
}

/// True when every item equals the first.
fn all_equal<T: PartialEq>(mut items: impl Iterator<Item = T>) -> bool {
    match items.next() {
        None => true,
        Some(first) => items.all(|x| x == first),
    }
}

/// (iteration, item id, earlier runs of that item in the iteration).
type ExecKey = (usize, String, usize);

fn exec_keys(execs: &[ExecRecord]) -> Vec<ExecKey> {
    let mut seen: HashMap<(usize, &str), usize> = HashMap::new();
    execs
        .iter()
        .map(|e| {
            let n = seen.entry((e.iteration, &e.item_id)).or_default();
            *n += 1;
            (e.iteration, e.item_id.clone(), *n - 1)
        })
        .collect()
}

fn requests(runs: &[VariantRun]) -> Vec<RequestRow> {
    let keyed: Vec<Vec<ExecKey>> = runs.iter().map(|r| exec_keys(&r.executions)).collect();
    let index: Vec<HashMap<&ExecKey, &ExecRecord>> = keyed
        .iter()
        .zip(runs)
        .map(|(keys, run)| keys.iter().zip(&run.executions).collect())
        .collect();
    merge_orders(&keyed)
        .iter()
        .map(|key| {
            let execs: Vec<Option<&ExecRecord>> =
                index.iter().map(|m| m.get(key).copied()).collect();
            request_row(key.0, &execs)
        })
        .collect()
}

fn request_row(iteration: usize, execs: &[Option<&ExecRecord>]) -> RequestRow {
    let first = execs.iter().flatten().next();
    let cells: Vec<Option<RequestCell>> = execs
        .iter()
        .map(|e| {
            e.map(|e| RequestCell {
                outcome: e.outcome.clone(),
                shape: e.shape.clone(),
            })
        })
        .collect();
    let code_differs = !all_equal(cells.iter().map(|c| c.as_ref().and_then(RequestCell::code)));
    let ran_differs = !all_equal(cells.iter().map(Option::is_some));
    let body_shape_differs = !all_equal(cells.iter().flatten().filter_map(|c| c.shape.as_ref()));
    RequestRow {
        iteration,
        item: first.map(|e| e.item.clone()).unwrap_or_default(),
        path: first.map(|e| e.path.clone()).unwrap_or_default(),
        checks: check_rows(execs),
        cells,
        code_differs,
        ran_differs,
        body_shape_differs,
    }
}

/// (kind, name, earlier checks of that name in the execution).
type CheckKey = (CheckKind, String, usize);

fn check_keys(checks: &[Check]) -> Vec<CheckKey> {
    let mut seen: HashMap<(CheckKind, &str), usize> = HashMap::new();
    checks
        .iter()
        .map(|c| {
            let n = seen.entry((c.kind, &c.name)).or_default();
            *n += 1;
            (c.kind, c.name.clone(), *n - 1)
        })
        .collect()
}

fn check_rows(execs: &[Option<&ExecRecord>]) -> Vec<CheckRow> {
    let keyed: Vec<Vec<CheckKey>> = execs
        .iter()
        .map(|e| e.map_or_else(Vec::new, |e| check_keys(&e.checks)))
        .collect();
    let index: Vec<HashMap<&CheckKey, &Check>> = keyed
        .iter()
        .zip(execs)
        .map(|(keys, e)| match e {
            Some(e) => keys.iter().zip(&e.checks).collect(),
            None => HashMap::new(),
        })
        .collect();
    merge_orders(&keyed)
        .into_iter()
        .map(|key| {
            let cells: Vec<CheckCell> = execs
                .iter()
                .zip(&index)
                .map(|(exec, checks)| check_cell(&key, exec.is_some(), checks.get(&key)))
                .collect();
            CheckRow {
                differs: !all_equal(cells.iter().map(|c| c.status)),
                kind: key.0,
                name: key.1,
                cells,
            }
        })
        .collect()
}

fn check_cell(key: &CheckKey, ran: bool, check: Option<&&Check>) -> CheckCell {
    match check {
        Some(c) => CheckCell {
            status: c.status,
            message: c.message.clone(),
        },
        // An item that ran without this error passed it.
        None if ran && key.0 == CheckKind::Error => CheckCell {
            status: Status::Pass,
            message: None,
        },
        None => CheckCell {
            status: Status::NotRun,
            message: None,
        },
    }
}

fn variables(runs: &[VariantRun], show_secrets: bool) -> Vec<VariableRow> {
    let changed: Vec<Vec<String>> = runs.iter().map(|r| r.variables.changed.clone()).collect();
    merge_orders(&changed)
        .into_iter()
        .map(|name| {
            let finals: Vec<_> = runs.iter().map(|r| r.variables.values.get(&name)).collect();
            let secret = finals.iter().flatten().any(|v| v.secret) || looks_secret(&name);
            let values: Vec<Option<Value>> =
                finals.iter().map(|v| v.map(|v| v.value.clone())).collect();
            VariableRow {
                masked: secret && !show_secrets,
                differs: !all_equal(values.iter()),
                name,
                values,
            }
        })
        .collect()
}

fn totals(run: &VariantRun) -> VariantTotals {
    let mut t = VariantTotals {
        requests: run.executions.len(),
        run_failed: run.failed,
        stopped: run.stopped.clone(),
        ..VariantTotals::default()
    };
    for c in run.executions.iter().flat_map(|e| &e.checks) {
        match c.status {
            Status::Pass => t.passed += 1,
            Status::Fail => t.failed += 1,
            Status::Skipped => t.skipped += 1,
            Status::NotRun => {}
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::super::variables::FinalValue;
    use super::*;

    fn check(name: &str, status: Status) -> Check {
        Check {
            kind: CheckKind::Assertion,
            name: name.into(),
            status,
            message: (status == Status::Fail).then(|| format!("{name} failed")),
        }
    }

    fn exec(id: &str, code: u16, body: &str, checks: Vec<Check>) -> ExecRecord {
        ExecRecord {
            iteration: 0,
            item_id: id.into(),
            item: id.to_uppercase(),
            path: format!("F / {}", id.to_uppercase()),
            outcome: Outcome::Response { code, time_ms: 5.0 },
            shape: Some(BodyShape::of(body.as_bytes())),
            checks,
        }
    }

    fn run(name: &str, executions: Vec<ExecRecord>) -> VariantRun {
        VariantRun {
            name: name.into(),
            executions,
            ..VariantRun::default()
        }
    }

    #[test]
    fn rows_differ_on_status_code_shape_and_what_ran() {
        let a = run(
            "us",
            vec![
                exec("t", 200, r#"{"e": 3600}"#, vec![check("ok", Status::Pass)]),
                exec("p", 200, "{}", vec![check("p", Status::Pass)]),
            ],
        );
        let b = run(
            "eu",
            vec![exec(
                "t",
                201,
                r#"{"e": "1800"}"#,
                vec![check("ok", Status::Fail), check("extra", Status::Pass)],
            )],
        );
        let c = Comparison::build("C", &[a, b], false);
        assert_eq!(c.variants, ["us", "eu"]);
        assert_eq!(c.requests.len(), 2);
        let t = &c.requests[0];
        assert!(t.code_differs && t.body_shape_differs && !t.ran_differs);
        let names: Vec<_> = t
            .checks
            .iter()
            .map(|r| (r.name.as_str(), r.differs))
            .collect();
        assert_eq!(names, [("ok", true), ("extra", true)]);
        assert_eq!(t.checks[1].cells[0].status, Status::NotRun);
        let p = &c.requests[1];
        assert!(p.ran_differs && p.code_differs && !p.body_shape_differs);
        assert_eq!(p.cells[1], None);
        assert_eq!(p.checks[0].cells[1].status, Status::NotRun);
        assert_eq!(
            (c.row_count(), c.differing_rows(), c.differing_requests()),
            (3, 3, 2)
        );
        assert!(c.fatal_differences());
    }

    #[test]
    fn an_error_row_is_a_pass_where_the_item_ran_cleanly() {
        let err = Check {
            kind: CheckKind::Error,
            name: super::super::record::TEST_ERROR.into(),
            status: Status::Fail,
            message: Some("boom".into()),
        };
        let a = run("a", vec![exec("t", 200, "{}", vec![err])]);
        let b = run("b", vec![exec("t", 200, "{}", vec![])]);
        let c = Comparison::build("C", &[a, b], false);
        let row = &c.requests[0].checks[0];
        assert_eq!(row.cells[1].status, Status::Pass);
        assert!(row.differs);
        assert!(!c.fatal_differences());
    }

    #[test]
    fn repeated_items_are_matched_by_occurrence() {
        let a = run(
            "a",
            vec![exec("t", 200, "{}", vec![]), exec("t", 200, "{}", vec![])],
        );
        let b = run("b", vec![exec("t", 200, "{}", vec![])]);
        let c = Comparison::build("C", &[a, b], false);
        assert_eq!(c.requests.len(), 2);
        assert!(!c.requests[0].differs());
        assert!(c.requests[1].ran_differs);
    }

    #[test]
    fn variables_are_masked_by_type_or_name() {
        let snap = |pairs: &[(&str, &str, bool)]| VariableSnapshot {
            changed: pairs.iter().map(|p| p.0.to_string()).collect(),
            values: pairs
                .iter()
                .map(|(k, v, s)| {
                    (
                        k.to_string(),
                        FinalValue {
                            value: Value::from(*v),
                            secret: *s,
                        },
                    )
                })
                .collect(),
        };
        let mut a = run("a", vec![]);
        a.variables = snap(&[
            ("access_token", "x", false),
            ("k", "1", true),
            ("r", "us", false),
        ]);
        let mut b = run("b", vec![]);
        b.variables = snap(&[("access_token", "y", false), ("k", "1", false)]);
        let c = Comparison::build("C", &[a.clone(), b.clone()], false);
        let rows: Vec<_> = c
            .variables
            .iter()
            .map(|v| (v.name.as_str(), v.masked, v.differs))
            .collect();
        assert_eq!(
            rows,
            [
                ("access_token", true, true),
                ("k", true, false),
                ("r", false, true)
            ]
        );
        assert_eq!(c.variables[2].values, [Some(Value::from("us")), None]);
        let shown = Comparison::build("C", &[a, b], true);
        assert!(shown.variables.iter().all(|v| !v.masked));
    }
}
