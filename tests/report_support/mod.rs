//! A realistic run for the reporter tests, as events and a summary: collection "Sample API
//! Tests", 2 iterations of 3 items (`Users / Get user`, `Users / Admin / Broken script`,
//! `Root ping`), a console message, passing, failing and skipped assertions, a test-script
//! error, a `setNextRequest`, a request error.

#![allow(dead_code)]

use bytes::Bytes;
use postie::collection::Variable;
use postie::report::Reporter;
use postie::run::*;
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

/// A writer tests can read back.
#[derive(Clone, Default)]
pub struct Captured(Rc<RefCell<Vec<u8>>>);

impl Captured {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.borrow()).into_owned()
    }
}

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Knobs for the fixture.
#[derive(Clone, Copy, Default)]
pub struct Shape {
    /// Keep response bodies and timing phases (for `--verbose` and `--reporter-json-bodies`).
    pub bodies: bool,
    /// Run a single iteration instead of two.
    pub single: bool,
}

pub struct Fixture {
    pub iterations: usize,
    pub items: Vec<ItemRef>,
    pub executions: Vec<Execution>,
    pub failures: Vec<Failure>,
    pub summary: RunSummary,
}

pub fn item(id: &str, name: &str, folders: &[&str]) -> ItemRef {
    ItemRef {
        id: id.into(),
        name: name.into(),
        folders: folders.iter().map(|s| s.to_string()).collect(),
    }
}

fn cursor(iteration: usize, position: usize, cycles: usize) -> Cursor {
    Cursor {
        iteration,
        position,
        length: 3,
        cycles,
        ref_id: format!("ref-{iteration}-{position}"),
    }
}

fn pass(name: &str, index: usize) -> AssertionResult {
    AssertionResult {
        name: name.into(),
        index,
        skipped: false,
        error: None,
    }
}

fn response(code: u16, status: &str, body: &str, time: f64, shape: Shape) -> ResponseSummary {
    ResponseSummary {
        code,
        status: status.into(),
        headers: vec![
            (
                "Content-Type".into(),
                "application/json; charset=utf-8".into(),
            ),
            ("Content-Length".into(), body.len().to_string()),
        ],
        response_time: time,
        response_size: body.len(),
        body: shape.bodies.then(|| Bytes::from(body.to_string())),
        phases: shape.bodies.then_some(Phases {
            dns: Some(0.0),
            connect: Some(0.42),
            tls: None,
            first_byte: Some(time - 2.0),
            download: Some(1.0),
            total: time,
        }),
        retries: 0,
    }
}

fn get_user(iteration: usize, cycles: usize, shape: Shape) -> Execution {
    let query = if iteration == 0 { "v1" } else { "v2" };
    let mut echoed = pass("query echoed", 1);
    if iteration == 1 {
        echoed.error = Some(ErrorInfo::new(
            "AssertionError",
            "expected 'v2' to deeply equal 'v1'",
        ));
    }
    Execution {
        item: item("id-get-user", "Get user", &["Users"]),
        cursor: cursor(iteration, 0, cycles),
        request: Some(SentRequest {
            method: "GET".into(),
            url: format!("http://127.0.0.1:3456/get?q={query}"),
            scheme_implied: false,
            headers: vec![("Accept".into(), "*/*".into())],
            body: None,
        }),
        response: Some(response(200, "OK", r#"{"args":{"q":"v1"}}"#, 42.0, shape)),
        request_error: None,
        assertions: vec![
            pass("status is 200", 0),
            echoed,
            AssertionResult {
                name: "skipped one".into(),
                index: 2,
                skipped: true,
                error: None,
            },
        ],
        prerequest_errors: vec![],
        test_errors: vec![],
        skipped: false,
    }
}

fn broken_script(iteration: usize, cycles: usize, shape: Shape) -> Execution {
    Execution {
        item: item("id-broken", "Broken script", &["Users", "Admin"]),
        cursor: cursor(iteration, 1, cycles),
        request: Some(SentRequest {
            method: "POST".into(),
            url: "http://127.0.0.1:3456/post".into(),
            scheme_implied: false,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: Some(r#"{"a":1}"#.into()),
        }),
        response: Some(response(201, "Created", r#"{"json":{"a":1}}"#, 12.0, shape)),
        request_error: None,
        assertions: vec![pass("before error", 0)],
        prerequest_errors: vec![],
        test_errors: vec![ErrorInfo::new(
            "ReferenceError",
            "undefinedFn is not defined",
        )],
        skipped: false,
    }
}

fn root_ping(iteration: usize, cycles: usize) -> Execution {
    Execution {
        item: item("id-ping", "Root ping", &[]),
        cursor: cursor(iteration, 2, cycles),
        request: Some(SentRequest {
            method: "GET".into(),
            url: "http://127.0.0.1:1/nothing".into(),
            scheme_implied: false,
            headers: vec![],
            body: None,
        }),
        response: None,
        request_error: Some(ErrorInfo::new("Error", "connect ECONNREFUSED 127.0.0.1:1")),
        assertions: vec![],
        prerequest_errors: vec![],
        test_errors: vec![],
        skipped: false,
    }
}

fn stat(total: usize, failed: usize) -> Stat {
    Stat {
        total,
        pending: 0,
        failed,
    }
}

pub fn fixture(shape: Shape) -> Fixture {
    let cycles = if shape.single { 1 } else { 2 };
    let mut executions = Vec::new();
    let mut failures = Vec::new();
    for iteration in 0..cycles {
        for exec in [
            get_user(iteration, cycles, shape),
            broken_script(iteration, cycles, shape),
            root_ping(iteration, cycles),
        ] {
            failures.extend(failures_of(&exec));
            executions.push(exec);
        }
    }
    let assertions_failed = failures.iter().filter(|f| f.test.is_some()).count();
    let summary = RunSummary {
        collection_name: "Sample API Tests".into(),
        collection_id: "11111111-2222-3333-4444-555555555555".into(),
        stats: Stats {
            iterations: stat(cycles, 0),
            items: stat(3 * cycles, 0),
            scripts: stat(4 * cycles, cycles),
            prerequests: stat(3 * cycles, 0),
            requests: stat(3 * cycles, cycles),
            tests: stat(3 * cycles, 0),
            assertions: stat(4 * cycles, assertions_failed),
            test_scripts: stat(2 * cycles, cycles),
            prerequest_scripts: stat(cycles, 0),
        },
        timings: Timings {
            response_average: 27.0,
            response_min: 12.0,
            response_max: 42.0,
            response_sd: 15.0,
            started: 1_700_000_000_000,
            completed: 1_700_000_000_484,
            ..Timings::default()
        },
        failures: failures.clone(),
        executions: vec![],
        response_total: 1371,
        abort: None,
        scopes: FinalScopes {
            environment: vec![
                Variable::new("token", "abc"),
                Variable {
                    enabled: false,
                    ..Variable::new("off", "x")
                },
            ],
            environment_name: Some("Staging".into()),
            environment_id: Some("env-1".into()),
            globals: vec![Variable::new("g", 1)],
            globals_id: Some("globals-1".into()),
            collection: vec![],
            cookies: None,
        },
    };
    Fixture {
        iterations: cycles,
        items: executions.iter().take(3).map(|e| e.item.clone()).collect(),
        executions,
        failures,
        summary,
    }
}

fn failures_of(exec: &Execution) -> Vec<Failure> {
    let mut out = Vec::new();
    let base = |error: &ErrorInfo, test: Option<String>, at: FailureAt| Failure {
        error: error.clone(),
        test,
        at,
        item: exec.item.clone(),
        cursor: exec.cursor.clone(),
    };
    for a in &exec.assertions {
        if let Some(e) = &a.error {
            let at = FailureAt::Assertion {
                index: a.index,
                listen: Listen::Test,
            };
            out.push(base(e, Some(a.name.clone()), at));
        }
    }
    for e in &exec.test_errors {
        out.push(base(
            e,
            None,
            FailureAt::Script {
                listen: Listen::Test,
                position: None,
            },
        ));
    }
    if let Some(e) = &exec.request_error {
        out.push(base(e, None, FailureAt::Request));
    }
    out
}

/// Sends the fixture's events in Newman's order; stops after `limit` events when given.
pub fn drive(reporter: &mut dyn Reporter, fx: &Fixture, limit: Option<usize>) {
    let console = ConsoleMessage {
        level: "log".into(),
        messages: vec!["'collection pre'".into(), "'Get user'".into()],
    };
    let warn = ConsoleMessage {
        level: "warn".into(),
        messages: vec!["{ a: 1 }".into()],
    };
    let mut sent = 0usize;
    let mut send = |reporter: &mut dyn Reporter, event: RunEvent<'_>| {
        if limit.is_some_and(|l| sent >= l) {
            return;
        }
        sent += 1;
        reporter.on_event(&event).expect("event accepted");
    };
    send(
        reporter,
        RunEvent::Start {
            collection_name: "Sample API Tests",
            collection_id: "11111111-2222-3333-4444-555555555555",
            iterations: fx.iterations,
            items: 3,
        },
    );
    let mut failure_no = 0;
    for iteration in 0..fx.iterations {
        send(
            reporter,
            RunEvent::BeforeIteration {
                iteration,
                cycles: fx.iterations,
            },
        );
        for exec in fx
            .executions
            .iter()
            .filter(|e| e.cursor.iteration == iteration)
        {
            let (item, cursor) = (&exec.item, &exec.cursor);
            send(reporter, RunEvent::BeforeItem { item, cursor });
            if exec.cursor.position == 0 {
                for message in [&console, &warn] {
                    send(
                        reporter,
                        RunEvent::Console {
                            item,
                            listen: Listen::Prerequest,
                            message,
                        },
                    );
                }
            }
            let request_event = RequestEvent {
                item: item.clone(),
                cursor: cursor.clone(),
                request: exec.request.clone().unwrap_or_default(),
                outcome: match (&exec.response, &exec.request_error) {
                    (_, Some(e)) => Err(e.clone()),
                    (Some(r), None) => Ok(r.clone()),
                    (None, None) => Err(ErrorInfo::new("Error", "no response")),
                },
                from_script: false,
            };
            send(reporter, RunEvent::Request(&request_event));
            let own: Vec<&Failure> = fx
                .failures
                .iter()
                .filter(|f| f.cursor.ref_id == cursor.ref_id)
                .collect();
            let mut own = own.into_iter();
            if exec.request_error.is_some() {
                failure_no += 1;
                own.next();
            }
            for assertion in &exec.assertions {
                let failure_number = assertion.error.as_ref().map(|_| {
                    failure_no += 1;
                    failure_no
                });
                send(
                    reporter,
                    RunEvent::Assertion {
                        item,
                        cursor,
                        assertion,
                        failure_number,
                    },
                );
                if failure_number.is_some() {
                    own.next();
                }
            }
            for error in &exec.test_errors {
                failure_no += 1;
                let listen = Listen::Test;
                send(
                    reporter,
                    RunEvent::ScriptError {
                        item,
                        listen,
                        error,
                        failure_number: failure_no,
                    },
                );
                own.next();
                send(
                    reporter,
                    RunEvent::NextRequest {
                        item,
                        target: "Root ping",
                    },
                );
            }
            send(reporter, RunEvent::Item(exec));
        }
        send(reporter, RunEvent::Iteration { iteration });
    }
}
