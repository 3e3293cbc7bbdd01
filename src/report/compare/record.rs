//! One variant's run as `postie compare` keeps it: per item execution its status code, time,
//! body shape and the outcome of every assertion and script error; nothing else. Fed by the
//! run's events (a [`Reporter`]); the body of a response is reduced to its shape at its
//! `Request` event and then dropped.

use super::shape::BodyShape;
use crate::report::{ReportError, Reporter};
use crate::run::{Execution, RunEvent, RunSummary};

/// The outcome of one check in one variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pass,
    Fail,
    Skipped,
    /// The check (or its whole request) did not run in this variant.
    NotRun,
}

impl Status {
    /// The word the JSON export uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Skipped => "skipped",
            Status::NotRun => "not-run",
        }
    }
}

/// What a check is: an assertion (`pm.test`), or a script or request error shown as a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CheckKind {
    Assertion,
    /// An error row: where its absence in a variant that ran the item means "pass".
    Error,
}

/// One assertion, or one error, of an execution.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub kind: CheckKind,
    pub name: String,
    pub status: Status,
    /// The failure message, for failures.
    pub message: Option<String>,
}

/// What became of an item's own request.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A response came back.
    Response { code: u16, time_ms: f64 },
    /// The request failed (connection refused, timeout, …): the message.
    Error(String),
    /// The request was not sent (`pm.execution.skipRequest`, or it could not be built).
    NotSent,
}

/// One item execution.
#[derive(Debug, Clone, PartialEq)]
pub struct ExecRecord {
    /// 0-based iteration.
    pub iteration: usize,
    pub item_id: String,
    pub item: String,
    /// `Folder / Sub / Request`.
    pub path: String,
    pub outcome: Outcome,
    /// The body's shape, when a response with a body came back.
    pub shape: Option<BodyShape>,
    pub checks: Vec<Check>,
}

/// Names of the error rows.
pub const PREREQUEST_ERROR: &str = "[prerequest-script error]";
pub const TEST_ERROR: &str = "[test-script error]";
pub const REQUEST_ERROR: &str = "[request error]";

/// Records a variant's executions from the run's events.
#[derive(Debug, Default)]
pub struct Recorder {
    executions: Vec<ExecRecord>,
    /// The shape of the current item's response, between its `Request` and `Item` events.
    pending_shape: Option<BodyShape>,
}

impl Recorder {
    pub fn new() -> Self {
        Recorder::default()
    }

    /// The executions in run order.
    pub fn into_executions(self) -> Vec<ExecRecord> {
        self.executions
    }

    fn item(&mut self, exec: &Execution) {
        let outcome = match (&exec.response, &exec.request_error) {
            (Some(r), _) => Outcome::Response {
                code: r.code,
                time_ms: r.response_time,
            },
            (None, Some(e)) => Outcome::Error(e.message.clone()),
            (None, None) => Outcome::NotSent,
        };
        let shape = self
            .pending_shape
            .take()
            .filter(|_| exec.response.is_some());
        self.executions.push(ExecRecord {
            iteration: exec.cursor.iteration,
            item_id: exec.item.id.clone(),
            item: exec.item.name.clone(),
            path: exec.item.path(),
            outcome,
            shape,
            checks: checks(exec),
        });
    }
}

fn error_check(name: &str, message: &str) -> Check {
    Check {
        kind: CheckKind::Error,
        name: name.to_string(),
        status: Status::Fail,
        message: Some(message.to_string()),
    }
}

/// The checks of an execution in the order the junit report lists them.
fn checks(exec: &Execution) -> Vec<Check> {
    let mut out = Vec::new();
    for e in &exec.prerequest_errors {
        out.push(error_check(PREREQUEST_ERROR, &e.message));
    }
    if let Some(e) = &exec.request_error {
        out.push(error_check(REQUEST_ERROR, &e.message));
    }
    for a in &exec.assertions {
        let (status, message) = match (&a.error, a.skipped) {
            (_, true) => (Status::Skipped, None),
            (Some(e), false) => (Status::Fail, Some(e.message.clone())),
            (None, false) => (Status::Pass, None),
        };
        out.push(Check {
            kind: CheckKind::Assertion,
            name: a.name.clone(),
            status,
            message,
        });
    }
    for e in &exec.test_errors {
        out.push(error_check(TEST_ERROR, &e.message));
    }
    out
}

impl Reporter for Recorder {
    fn on_event(&mut self, event: &RunEvent<'_>) -> Result<(), ReportError> {
        match event {
            RunEvent::BeforeItem { .. } => self.pending_shape = None,
            RunEvent::Request(req) if !req.from_script => {
                self.pending_shape = req
                    .outcome
                    .as_ref()
                    .ok()
                    .and_then(|r| r.body.as_ref())
                    .map(|b| BodyShape::of(b));
            }
            RunEvent::Item(exec) => self.item(exec),
            _ => {}
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &RunSummary) -> Result<(), ReportError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::*;

    fn item() -> ItemRef {
        ItemRef {
            id: "i1".into(),
            name: "Get Token".into(),
            folders: vec!["Auth".into()],
        }
    }

    fn response(body: &str) -> ResponseSummary {
        ResponseSummary {
            code: 201,
            status: "Created".into(),
            response_time: 12.0,
            body: Some(bytes::Bytes::from(body.to_string())),
            ..ResponseSummary::default()
        }
    }

    fn request_event(body: &str, from_script: bool) -> RequestEvent {
        RequestEvent {
            item: item(),
            cursor: Cursor::default(),
            request: SentRequest {
                method: "GET".into(),
                url: "http://x/".into(),
                scheme_implied: false,
                headers: vec![],
                body: None,
            },
            outcome: Ok(response(body)),
            from_script,
        }
    }

    #[test]
    fn keeps_code_time_shape_and_checks_of_the_items_own_request() {
        let mut rec = Recorder::new();
        let own = request_event(r#"{"expires_in": 1800}"#, false);
        let script = request_event("[]", true);
        let exec = Execution {
            item: item(),
            response: Some(response("")),
            assertions: vec![
                AssertionResult {
                    name: "ok".into(),
                    index: 0,
                    skipped: false,
                    error: None,
                },
                AssertionResult {
                    name: "bad".into(),
                    index: 1,
                    skipped: false,
                    error: Some(ErrorInfo {
                        name: "AssertionError".into(),
                        message: "expected 1800 to equal 3600".into(),
                        ..ErrorInfo::default()
                    }),
                },
            ],
            test_errors: vec![ErrorInfo {
                message: "boom".into(),
                ..ErrorInfo::default()
            }],
            ..Execution::default()
        };
        rec.on_event(&RunEvent::Request(&own)).unwrap();
        rec.on_event(&RunEvent::Request(&script)).unwrap();
        rec.on_event(&RunEvent::Item(&exec)).unwrap();
        let execs = rec.into_executions();
        assert_eq!(execs.len(), 1);
        let e = &execs[0];
        assert_eq!(e.path, "Auth / Get Token");
        assert_eq!(
            e.outcome,
            Outcome::Response {
                code: 201,
                time_ms: 12.0
            }
        );
        assert_eq!(
            e.shape.as_ref().unwrap().to_string(),
            "{expires_in: number}"
        );
        let names: Vec<(&str, Status)> = e
            .checks
            .iter()
            .map(|c| (c.name.as_str(), c.status))
            .collect();
        assert_eq!(
            names,
            [
                ("ok", Status::Pass),
                ("bad", Status::Fail),
                (TEST_ERROR, Status::Fail)
            ]
        );
        assert_eq!(
            e.checks[1].message.as_deref(),
            Some("expected 1800 to equal 3600")
        );
    }

    #[test]
    fn a_skipped_request_has_no_shape() {
        let mut rec = Recorder::new();
        rec.on_event(&RunEvent::Request(&request_event("{}", false)))
            .unwrap();
        let exec = Execution {
            item: item(),
            skipped: true,
            ..Execution::default()
        };
        rec.on_event(&RunEvent::Item(&exec)).unwrap();
        let e = &rec.into_executions()[0];
        assert_eq!(e.outcome, Outcome::NotSent);
        assert_eq!(e.shape, None);
    }
}
