//! Running one phase's scripts (pre-request or test) in the run's sandbox, in order, and turning
//! what they did into events, counters and failures.

use super::event::{ItemRef, RunEvent};
use super::host::RunHost;
use super::item::record_request;
use super::runner::{Plan, RunState};
use super::select::Runnable;
use super::summary::{Abort, Execution, Failure, FailureAt};
use crate::http::Response;
use crate::script::{
    ErrorInfo, Listen, NextRequest, RequestSource, ScriptEvent, ScriptInfo, ScriptInput,
    ScriptOutcome,
};
use serde_json::Value;

/// What a phase decided, collected across its scripts.
pub(super) struct Phase<'e> {
    pub exec: &'e mut Execution,
    pub listen: Listen,
    pub next: Option<NextRequest>,
    pub skipped: bool,
    pub changed: bool,
    pub abort: Option<Abort>,
}

impl<'e> Phase<'e> {
    pub fn new(exec: &'e mut Execution, listen: Listen) -> Self {
        Phase {
            exec,
            listen,
            next: None,
            skipped: false,
            changed: false,
            abort: None,
        }
    }
}

/// Runs `scripts` (owner name, code) in order; stops early on skipRequest or `--bail folder`.
#[allow(clippy::too_many_arguments)]
pub(super) async fn run_phase(
    plan: &Plan<'_>,
    st: &mut RunState<'_>,
    r: &Runnable<'_>,
    scripts: &[(&str, &str)],
    request: &mut Value,
    source: RequestSource,
    response: Option<&Response>,
    cookies: Vec<Value>,
    phase: &mut Phase<'_>,
) {
    for (owner, code) in scripts {
        let info = ScriptInfo {
            iteration: phase.exec.cursor.iteration,
            iteration_count: plan.cycles,
            request_name: r.item.name.clone(),
            request_id: r.item.id.clone(),
            location: location(plan, &r.item_ref),
            current: (*owner).to_string(),
        };
        let Some(sandbox) = st.sandbox.as_mut() else {
            return;
        };
        if request.is_null() {
            sandbox.set_request_source(source.clone());
        }
        let host = RunHost { client: &st.client };
        let input = ScriptInput {
            listen: phase.listen,
            code,
            scopes: &mut st.scopes,
            request,
            response,
            cookies: cookies.clone(),
            info,
        };
        let outcome = sandbox.run(input, &host).await;
        st.masker.refresh(&st.scopes);
        absorb(plan, st, &r.item_ref, outcome, phase);
        if phase.skipped || phase.abort.is_some() {
            return;
        }
    }
}

fn location(plan: &Plan<'_>, item: &ItemRef) -> Vec<String> {
    let mut loc = vec![plan.collection.info.name.clone()];
    loc.extend(item.folders.iter().cloned());
    loc.push(item.name.clone());
    loc
}

/// Turns one script's outcome into events, counters, failures and phase decisions.
fn absorb(
    plan: &Plan<'_>,
    st: &mut RunState<'_>,
    item: &ItemRef,
    outcome: ScriptOutcome,
    phase: &mut Phase<'_>,
) {
    let listen = phase.listen;
    let cursor = phase.exec.cursor.clone();
    let mut first_failed: Option<String> = None;
    for event in outcome.events {
        match event {
            ScriptEvent::Console(mut message) => {
                for m in &mut message.messages {
                    *m = st.masker.text(m).into_owned();
                }
                st.emit(RunEvent::Console {
                    item,
                    listen,
                    message: &message,
                });
            }
            ScriptEvent::Assertion(mut a) => {
                st.masker.assertion(&mut a);
                st.tally.assertion(a.skipped, a.error.is_some());
                if a.error.is_some() && first_failed.is_none() {
                    first_failed = Some(a.name.clone());
                }
                let failure_number = a.error.as_ref().map(|e| {
                    st.failures.push(Failure {
                        error: e.clone(),
                        test: Some(a.name.clone()),
                        at: FailureAt::Assertion {
                            index: a.index,
                            listen,
                        },
                        item: item.clone(),
                        cursor: cursor.clone(),
                    });
                    st.failures.len()
                });
                st.emit(RunEvent::Assertion {
                    item,
                    cursor: &cursor,
                    assertion: &a,
                    failure_number,
                });
                phase.exec.assertions.push(a);
            }
            ScriptEvent::Request(result) => {
                let result = (*result).map_err(|(req, e)| (script_request(&req), e));
                record_request(plan, st, item, &cursor, result, phase.exec, true);
            }
        }
    }
    // Under `--bail` Newman's runtime also fails the script itself on a failed assertion:
    // `AssertionFailure` named after the test (and `--bail folder` then aborts with it).
    let error = outcome.error.map(|f| f.error).or_else(|| {
        first_failed
            .filter(|_| plan.opts.bail.failure)
            .map(|name| ErrorInfo::new("AssertionFailure", name))
    });
    st.tally.script(listen == Listen::Test, error.is_some());
    if let Some(mut error) = error {
        st.masker.error(&mut error);
        st.failures.push(Failure {
            error: error.clone(),
            test: None,
            // Newman 6.2 says `test-script` with no `:line:col`: the errors its sandbox hands
            // back carry no stacktrace. The position stays in the error's stack.
            at: FailureAt::Script {
                listen,
                position: None,
            },
            item: item.clone(),
            cursor: cursor.clone(),
        });
        let number = st.failures.len();
        st.emit(RunEvent::ScriptError {
            item,
            listen,
            error: &error,
            failure_number: number,
        });
        match listen {
            Listen::Prerequest => phase.exec.prerequest_errors.push(error.clone()),
            Listen::Test => phase.exec.test_errors.push(error.clone()),
        }
        if plan.opts.bail.folder {
            phase.abort = Some(Abort::Error(error));
        }
    }
    if let Some(next) = outcome.next_request {
        if listen == Listen::Test {
            if let NextRequest::To(target) = &next {
                st.emit(RunEvent::NextRequest { item, target });
            }
        }
        phase.next = Some(next);
    }
    phase.skipped |= outcome.skip_request;
    phase.changed |= outcome.request_changed;
}

/// A best-effort description of a request a script tried to send (for the report line).
fn script_request(req: &Value) -> crate::http::SentRequest {
    let url = match req {
        Value::String(s) => s.clone(),
        Value::Object(o) => match o.get("url") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Object(u)) => u
                .get("raw")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
            _ => String::new(),
        },
        _ => String::new(),
    };
    let method = req
        .get("method")
        .and_then(Value::as_str)
        .unwrap_or("GET")
        .to_uppercase();
    crate::http::SentRequest {
        method,
        url,
        ..crate::http::SentRequest::default()
    }
}
