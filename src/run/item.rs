//! One item: pre-request scripts (collection → folders → item), the request built and sent as
//! Newman builds it, test scripts in the same order, and the events in between.

use super::event::{Cursor, ItemRef, RequestEvent, ResponseSummary, RunEvent};
use super::runner::{Plan, RunState};
use super::scripts::{run_phase, Phase};
use super::select::Runnable;
use super::summary::{Abort, Execution, Failure, FailureAt};
use crate::collection::{Auth, Behavior, Event, Request};
use crate::http::{self, Exchange, Origin};
use crate::script::{ConsoleMessage, ErrorInfo, Listen, NextRequest, RequestSource};
use crate::vars;
use serde_json::Value;

/// How an item ended, for the run loop.
#[derive(Debug, Default)]
pub(super) struct ItemOutcome {
    pub next: Option<NextRequest>,
    pub failed: bool,
    pub abort: Option<Abort>,
}

/// The scripts of one phase, outermost owner first: (owner name, code).
pub(super) fn scripts<'c>(
    plan: &Plan<'c>,
    r: &Runnable<'c>,
    listen: Listen,
) -> Vec<(&'c str, &'c str)> {
    let pick = |events: &'c [Event], owner: &'c str, out: &mut Vec<(&'c str, &'c str)>| {
        for e in events {
            if e.listen == listen.as_str() && !e.disabled && !e.script.exec.trim().is_empty() {
                out.push((owner, &*e.script.exec));
            }
        }
    };
    let mut out = Vec::new();
    pick(
        &plan.collection.events,
        &plan.collection.info.name,
        &mut out,
    );
    for f in &r.folders {
        pick(&f.events, &f.name, &mut out);
    }
    pick(&r.item.events, &r.item.name, &mut out);
    out
}

/// The auth in effect: the request's own, else the nearest folder's, else the collection's;
/// `noauth` on the way means none. An explicit `"type": "inherit"` (the Postman app's "Inherit
/// auth from parent") is the same as no auth on that level.
pub(super) fn effective_auth<'c>(
    plan: &Plan<'c>,
    r: &Runnable<'c>,
    req: &'c Request,
) -> Option<&'c Auth> {
    let own = |a: &'c Option<Auth>| a.as_ref().filter(|a| a.kind != "inherit");
    let found = own(&req.auth)
        .or_else(|| r.folders.iter().rev().find_map(|f| own(&f.auth)))
        .or_else(|| own(&plan.collection.auth))?;
    (found.kind != "noauth").then_some(found)
}

fn behavior(plan: &Plan<'_>, r: &Runnable<'_>) -> Behavior {
    let mut b = plan.collection.protocol_profile_behavior.clone();
    for f in &r.folders {
        b = b.merged(&f.protocol_profile_behavior);
    }
    b.merged(&r.item.protocol_profile_behavior)
}

pub(super) async fn run_item(
    plan: &Plan<'_>,
    st: &mut RunState<'_>,
    position: usize,
    iteration: usize,
) -> ItemOutcome {
    let r = &plan.runnables[position];
    let cursor = Cursor {
        iteration,
        position,
        length: plan.runnables.len(),
        cycles: plan.cycles,
        ref_id: uuid::Uuid::new_v4().to_string(),
    };
    st.emit(RunEvent::BeforeItem {
        item: &r.item_ref,
        cursor: &cursor,
    });
    if !plan.opts.delay_request.is_zero() {
        tokio::time::sleep(plan.opts.delay_request).await;
    }
    let mut exec = Execution {
        item: r.item_ref.clone(),
        cursor: cursor.clone(),
        ..Execution::default()
    };
    let failures_before = st.failures.len();
    st.tally.stats.prerequests.total += 1;
    let pre = scripts(plan, r, Listen::Prerequest);
    // `pm.request` is built only if a script reads it (most never do).
    let mut request_json = Value::Null;
    let mut phase = Phase::new(&mut exec, Listen::Prerequest);
    if !pre.is_empty() {
        let item_request = std::rc::Rc::new(r.item.request.clone());
        let source: RequestSource = std::rc::Rc::new(move || item_request.to_json());
        let json = &mut request_json;
        run_phase(
            plan,
            st,
            r,
            &pre,
            json,
            source,
            None,
            Vec::new(),
            &mut phase,
        )
        .await;
    }
    let Phase {
        next,
        skipped,
        changed,
        abort,
        ..
    } = phase;
    if abort.is_some() || skipped {
        exec.skipped = skipped;
        return finish(plan, st, exec, next, failures_before, abort);
    }
    let mutated = match changed {
        true => Request::from_json(&request_json).ok(),
        false => None,
    };
    let request = mutated.as_ref().unwrap_or(&r.item.request);
    let sent = send(plan, st, r, request, &mut exec).await;
    st.tally.stats.tests.total += 1;
    let tests = scripts(plan, r, Listen::Test);
    let mut outcome_next = next;
    let mut abort = None;
    if !tests.is_empty() {
        let resolved = std::rc::Rc::new(sent.resolved);
        let as_sent_request = sent.exchange.as_ref().map(|x| x.request.clone());
        let source: RequestSource = std::rc::Rc::new(move || {
            let mut json = resolved.to_json();
            if let Some(sent) = &as_sent_request {
                as_sent(&mut json, sent);
            }
            json
        });
        let mut json = Value::Null;
        let cookies = sent.cookies;
        let mut phase = Phase::new(&mut exec, Listen::Test);
        let response = sent.exchange.as_ref().map(|x| &x.response);
        run_phase(
            plan, st, r, &tests, &mut json, source, response, cookies, &mut phase,
        )
        .await;
        if phase.next.is_some() {
            outcome_next = phase.next.take();
        }
        abort = phase.abort.take();
    }
    finish(plan, st, exec, outcome_next, failures_before, abort)
}

fn finish(
    plan: &Plan<'_>,
    st: &mut RunState<'_>,
    exec: Execution,
    next: Option<NextRequest>,
    failures_before: usize,
    abort: Option<Abort>,
) -> ItemOutcome {
    st.emit(RunEvent::Item(&exec));
    if plan.opts.keep_executions {
        st.executions.push(exec);
    }
    let failed = st.failures.len() > failures_before;
    ItemOutcome {
        next,
        failed,
        abort,
    }
}

/// `pm.request` in test scripts is the request as it went out (Newman's): the headers actually
/// sent (system headers, auth, cookies included) and the URL as encoded on the wire.
fn as_sent(json: &mut Value, sent: &http::SentRequest) {
    let headers: Vec<Value> = sent
        .headers
        .iter()
        .map(|(k, v)| serde_json::json!({"key": k, "value": v}))
        .collect();
    if let Value::Object(obj) = json {
        obj.insert("header".into(), Value::Array(headers));
        obj.insert("url".into(), Value::String(sent.url.clone()));
    }
}

/// What sending produced: the resolved request (for test scripts), the exchange if any.
struct Sent {
    resolved: Request,
    exchange: Option<Exchange>,
    cookies: Vec<Value>,
}

async fn send(
    plan: &Plan<'_>,
    st: &mut RunState<'_>,
    r: &Runnable<'_>,
    request: &Request,
    exec: &mut Execution,
) -> Sent {
    let mut resolved = vars::resolve_request(request, &st.scopes);
    let auth = effective_auth(plan, r, request).map(|a| vars::resolve_auth(a, &st.scopes));
    resolved.auth = auth.clone();
    let url = resolved.url.to_string();
    let behavior = behavior(plan, r);
    // Auth round trips (digest, NTLM, OAuth 2.0 tokens) and --retry happen inside `perform`.
    let outcome = st
        .client
        .perform(&http::Call {
            url: &url,
            request: &resolved,
            auth: auth.as_ref(),
            behavior: &behavior,
            origin: Origin::Item,
        })
        .await;
    for warning in &outcome.warnings {
        let msg = ConsoleMessage {
            level: "warn".into(),
            messages: vec![inspect_string(warning)],
        };
        st.emit(RunEvent::Console {
            item: &r.item_ref,
            listen: Listen::Prerequest,
            message: &msg,
        });
    }
    let sent = outcome.sent;
    let result = outcome.result.map_err(|e| (sent, e.info()));
    let cookies = match &result {
        Ok(x) => super::cookies::for_url(st.client.cookies(), &x.response.url),
        Err(_) => Vec::new(),
    };
    let cursor = exec.cursor.clone();
    let exchange = record_request(plan, st, &r.item_ref, &cursor, result, exec, false);
    // Test scripts see the request as it went out: with the headers auth and the system added
    // (Newman's `pm.request.to.have.header('Authorization')`, `…('host')`).
    if let Some(x) = &exchange {
        resolved.headers = x
            .request
            .headers
            .iter()
            .map(|(key, value)| crate::collection::Header {
                key: key.clone(),
                value: value.clone(),
                disabled: false,
            })
            .collect();
    }
    Sent {
        resolved,
        exchange,
        cookies,
    }
}

/// Emits a request event (masked), counts it, and records it on the execution when it is the
/// item's own request. Returns the exchange for the scripts that follow.
pub(super) fn record_request(
    plan: &Plan<'_>,
    st: &mut RunState<'_>,
    item: &ItemRef,
    cursor: &Cursor,
    result: Result<Exchange, (http::SentRequest, ErrorInfo)>,
    exec: &mut Execution,
    from_script: bool,
) -> Option<Exchange> {
    // OAuth 2.0 tokens fetched by the client are secrets too.
    for secret in st.client.take_secrets() {
        st.masker.add_secret(secret);
    }
    let (mut request, outcome, exchange) = match result {
        Ok(x) => {
            let summary = response_summary(&x, plan.opts.keep_bodies, plan.opts.timings);
            (x.request.clone(), Ok(summary), Some(x))
        }
        Err((req, err)) => (req, Err(err), None),
    };
    st.masker.request(&mut request);
    let mut outcome = outcome;
    match outcome.as_mut() {
        Ok(resp) => {
            st.masker.headers(&mut resp.headers);
            if let Some(masked) = resp.body.as_deref().and_then(|b| st.masker.body(b)) {
                resp.body = Some(masked);
            }
        }
        Err(e) => st.masker.error(e),
    }
    st.tally.request(outcome.as_ref().ok().map(|r| {
        let phases = r.phases.as_ref();
        (
            r.response_time,
            r.response_size,
            phases.and_then(|p| p.dns),
            phases.and_then(|p| p.first_byte),
        )
    }));
    let event = RequestEvent {
        item: item.clone(),
        cursor: cursor.clone(),
        request,
        outcome,
        from_script,
    };
    if !from_script {
        exec.request = Some(event.request.clone());
        match &event.outcome {
            Ok(resp) => exec.response = Some(resp.clone()),
            Err(e) => {
                exec.request_error = Some(e.clone());
                st.failures.push(Failure {
                    error: e.clone(),
                    test: None,
                    at: FailureAt::Request,
                    item: item.clone(),
                    cursor: cursor.clone(),
                });
            }
        }
    }
    st.emit(RunEvent::Request(&event));
    exchange
}

/// A string as Node's `util.inspect` shows it in console output (Newman prints the runtime's
/// warnings that way): quoted with the first of `'`, `"`, `` ` `` it does not contain.
fn inspect_string(text: &str) -> String {
    match ['\'', '"', '`'].into_iter().find(|q| !text.contains(*q)) {
        Some(q) => format!("{q}{text}{q}"),
        None => format!("'{}'", text.replace('\'', "\\'")),
    }
}

fn response_summary(x: &Exchange, keep_body: bool, timings: bool) -> ResponseSummary {
    let r = &x.response;
    ResponseSummary {
        code: r.code,
        status: r.status.clone(),
        headers: r.headers.clone(),
        response_time: r.response_time,
        response_size: r.body.len(),
        body: keep_body.then(|| r.body.clone()),
        phases: timings.then(|| r.phases.clone()),
        retries: x.retries,
    }
}

#[cfg(test)]
mod tests {
    use super::inspect_string;

    #[test]
    fn strings_are_quoted_as_util_inspect_quotes_them() {
        assert_eq!(inspect_string("Form param `k`"), "'Form param `k`'");
        assert_eq!(inspect_string("it's"), "\"it's\"");
        assert_eq!(inspect_string("it's \"x\""), "`it's \"x\"`");
        assert_eq!(inspect_string("'\"`"), "'\\'\"`'");
    }
}
