//! The sandbox a run keeps for all its scripts: runs one script at a time in the shared context,
//! drives its async work (timers, `pm.sendRequest`, host services) until it is done or times out,
//! and returns what it did as a [`ScriptOutcome`].

use super::engine::{describe_error, Engine, EngineError, EngineLimits};
use super::host::ScriptHost;
use super::natives;
use super::outcome::{ErrorInfo, Listen};
use super::state::{NextRequest, Op, ScriptEvent, ScriptInfo, State};
use crate::http::{Exchange, Response};
use crate::vars::Scopes;
use futures_util::future::LocalBoxFuture;
use futures_util::stream::{FuturesUnordered, StreamExt};
use rquickjs::context::EvalOptions;
use rquickjs::{Ctx, Function, Persistent};
use serde_json::Value as Json;
use std::cell::RefCell;
use std::collections::HashMap;
use std::mem::take;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// How the sandbox is set up for a run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SandboxOptions {
    pub limits: EngineLimits,
    /// `--timeout-script`: the longest one script may take, sync and async parts together.
    pub timeout: Option<Duration>,
}

/// One script to run, and the state it may read and change.
pub struct ScriptInput<'a> {
    pub listen: Listen,
    pub code: &'a str,
    pub scopes: &'a mut Scopes,
    /// `pm.request` in collection JSON shape: the item's request before a pre-request script,
    /// the request as sent for a test script. Scripts may change it (pre-request).
    pub request: &'a mut Json,
    /// The response, for test scripts.
    pub response: Option<&'a Response>,
    /// Cookies for `pm.cookies` (the response URL's, as `{name, value, domain, path, …}`).
    pub cookies: Vec<Json>,
    pub info: ScriptInfo,
}

/// Why a script failed, and where when known.
#[derive(Debug, Clone, PartialEq)]
pub struct ScriptFailure {
    pub error: ErrorInfo,
    /// Line and column in the script, when the error carries them.
    pub position: Option<(u32, u32)>,
}

/// What one script did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScriptOutcome {
    /// Console messages, assertions and `pm.sendRequest` exchanges, in order.
    pub events: Vec<ScriptEvent>,
    pub error: Option<ScriptFailure>,
    pub next_request: Option<NextRequest>,
    pub skip_request: bool,
    /// True when the script changed `pm.request`.
    pub request_changed: bool,
}

type OpFuture<'h> = LocalBoxFuture<'h, (u32, OpResult)>;

enum OpResult {
    Timer,
    Sent(Box<Result<Exchange, ErrorInfo>>, Json),
    Host(Result<Json, String>),
}

/// The run's sandbox: one engine, reused by every script.
pub struct Sandbox {
    // Declared first so the compiled functions are released before the engine drops.
    compiled: HashMap<(Listen, String), Persistent<Function<'static>>>,
    state: Rc<RefCell<State>>,
    timeout: Option<Duration>,
    engine: Engine,
}

impl Sandbox {
    /// Starts the engine and evaluates the prelude.
    pub fn new(opts: &SandboxOptions) -> Result<Sandbox, EngineError> {
        let engine = Engine::new(&opts.limits)?;
        let state = Rc::new(RefCell::new(State::default()));
        let tracker_state = state.clone();
        engine.rt.set_host_promise_rejection_tracker(Some(Box::new(
            move |_ctx, _promise, reason, handled| {
                if !handled {
                    let info = match reason.as_object() {
                        Some(o) => natives::error_info(o),
                        None => ErrorInfo::new("Error", "unhandled promise rejection"),
                    };
                    if let Ok(mut st) = tracker_state.try_borrow_mut() {
                        st.unhandled.push(info);
                    }
                }
            },
        )));
        engine.ctx.with(|ctx| -> Result<(), EngineError> {
            natives::install(&ctx, &state).map_err(|e| EngineError(e.to_string()))?;
            Engine::import(&ctx, "prelude/index.js")
                .map(drop)
                .map_err(|e| EngineError(describe_error(&ctx, e).message))
        })?;
        Ok(Sandbox {
            engine,
            state,
            timeout: opts.timeout,
            compiled: HashMap::new(),
        })
    }

    /// Runs one script to completion (its async work included) and returns what it did.
    pub async fn run(&mut self, input: ScriptInput<'_>, host: &dyn ScriptHost) -> ScriptOutcome {
        let ScriptInput {
            listen,
            code,
            scopes,
            request,
            response,
            cookies: _,
            info,
        } = input;
        {
            let mut st = self.state.borrow_mut();
            *st = State {
                listen: Some(listen),
                scopes: take(scopes),
                request: take(request),
                response: response.cloned(),
                info,
                ..State::default()
            };
        }
        let deadline = self.timeout.map(|t| Instant::now() + t);
        self.engine.set_deadline(deadline);
        let mut failure = self.start(listen, code);
        if failure.is_none() {
            failure = self.drive(host, deadline).await;
        }
        if failure.is_some() && self.engine.tripped() {
            self.drain_after_timeout();
        }
        let request_changed = self.end();
        self.engine.set_deadline(None);
        let mut st = self.state.borrow_mut();
        st.listen = None;
        *scopes = take(&mut st.scopes);
        *request = take(&mut st.request);
        let failure = failure
            .or_else(|| match st.finished.take() {
                Some(Err(e)) => Some(failure_from_info(e)),
                _ => None,
            })
            .or_else(|| st.unhandled.drain(..).next().map(failure_from_info));
        ScriptOutcome {
            events: take(&mut st.events),
            error: failure,
            next_request: st.next_request.take(),
            skip_request: st.skip_request,
            request_changed,
        }
    }

    /// The engine's memory figures (for tests and benchmarks).
    pub fn memory(&self) -> rquickjs::qjs::JSMemoryUsage {
        self.engine.rt.memory_usage()
    }

    /// After a run was cut short in the middle of a script (Ctrl-C, `--timeout`): resets the
    /// sandbox for reuse and gives back the scopes that script held.
    pub fn abandon(&mut self) -> Option<Scopes> {
        self.engine.set_deadline(None);
        let mut st = self.state.borrow_mut();
        st.listen?;
        let scopes = take(&mut st.scopes);
        *st = State::default();
        Some(scopes)
    }

    /// Compiles (or reuses) the script and calls it; its sync part runs here.
    fn start(&mut self, listen: Listen, code: &str) -> Option<ScriptFailure> {
        let func = match self.compile(listen, code) {
            Ok(f) => f,
            Err(f) => return Some(f),
        };
        let result = self.engine.ctx.with(|ctx| {
            let run = || -> rquickjs::Result<()> {
                let func = func.restore(&ctx)?;
                let begin: Function = ctx.globals().get("__postie_begin")?;
                begin.call::<_, ()>((listen.as_str(), func))
            };
            run().map_err(|e| describe_error(&ctx, e))
        });
        if self.engine.tripped() {
            return Some(timeout_failure(true));
        }
        result.err().map(failure_from_info)
    }

    fn compile(
        &mut self,
        listen: Listen,
        code: &str,
    ) -> Result<Persistent<Function<'static>>, ScriptFailure> {
        let key = (listen, code.to_string());
        if let Some(f) = self.compiled.get(&key) {
            return Ok(f.clone());
        }
        let wrapped = format!("(async function () {{{code}\n}})");
        let compiled = self.engine.ctx.with(|ctx| {
            let mut opts = EvalOptions::default();
            opts.global = true;
            opts.strict = false;
            opts.backtrace_barrier = true;
            opts.filename = Some(listen.script_name().to_string());
            ctx.eval_with_options::<Function, _>(wrapped, opts)
                .map(|f| Persistent::save(&ctx, f))
                .map_err(|e| failure_from_info(describe_error(&ctx, e)))
        })?;
        self.compiled.insert(key, compiled.clone());
        Ok(compiled)
    }

    /// Runs promise jobs and async ops until nothing is left to do, or the deadline passes.
    async fn drive(
        &mut self,
        host: &dyn ScriptHost,
        deadline: Option<Instant>,
    ) -> Option<ScriptFailure> {
        let mut inflight: FuturesUnordered<OpFuture<'_>> = FuturesUnordered::new();
        loop {
            self.engine.run_jobs();
            if self.engine.tripped() {
                return Some(timeout_failure(false));
            }
            let mut ready = Vec::new();
            let new_ops = take(&mut self.state.borrow_mut().new_ops);
            for (id, op) in new_ops {
                match op {
                    Op::Timer(at) => {
                        self.state.borrow_mut().timers.insert((at, id), ());
                    }
                    Op::Send(req) => inflight.push(Box::pin(async move {
                        let result = host.send_request(req.clone()).await;
                        (id, OpResult::Sent(Box::new(result), req))
                    })),
                    Op::Host(name, args) => {
                        ready.push((id, OpResult::Host(host.call(&name, args))))
                    }
                }
            }
            if !ready.is_empty() {
                for (id, result) in ready {
                    self.deliver(id, result);
                }
                continue;
            }
            let next_timer = self.next_timer();
            if next_timer.is_none() && inflight.is_empty() {
                return None;
            }
            let timer = async {
                match next_timer {
                    Some((at, _)) => tokio::time::sleep_until(at.into()).await,
                    None => std::future::pending().await,
                }
            };
            let limit = async {
                match deadline {
                    Some(at) => tokio::time::sleep_until(at.into()).await,
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                Some((id, result)) = inflight.next() => self.deliver(id, result),
                _ = timer => {
                    if let Some(key) = next_timer {
                        self.state.borrow_mut().timers.remove(&key);
                        self.deliver(key.1, OpResult::Timer);
                    }
                }
                _ = limit => return Some(timeout_failure(false)),
            }
        }
    }

    /// The earliest timer that was not cancelled (cancelled ones are dropped on the way).
    fn next_timer(&self) -> Option<(Instant, u32)> {
        let mut st = self.state.borrow_mut();
        loop {
            let key = st.timers.keys().next().copied()?;
            if st.cancelled.remove(&key.1) {
                st.timers.remove(&key);
                continue;
            }
            return Some(key);
        }
    }

    /// Hands an op's result to the JS callback waiting for it.
    fn deliver(&mut self, id: u32, result: OpResult) {
        self.engine.ctx.with(|ctx| {
            let call = || -> rquickjs::Result<()> {
                let deliver: Function = ctx.globals().get("__postie_deliver")?;
                match result {
                    OpResult::Timer => deliver.call::<_, ()>((id,)),
                    OpResult::Host(Ok(v)) => {
                        let v = super::convert::to_js(&ctx, &v)?;
                        deliver.call::<_, ()>((id, rquickjs::Null, v))
                    }
                    OpResult::Host(Err(msg)) => deliver.call::<_, ()>((id, msg)),
                    OpResult::Sent(result, req) => {
                        let result = *result;
                        let payload = match &result {
                            Ok(ex) => {
                                Ok(super::convert::to_js(&ctx, &response_json(&ex.response))?)
                            }
                            Err(e) => Err(e.message.clone()),
                        };
                        self.state
                            .borrow_mut()
                            .events
                            .push(ScriptEvent::Request(Box::new(result.map_err(|e| (req, e)))));
                        match payload {
                            Ok(v) => deliver.call::<_, ()>((id, rquickjs::Null, v)),
                            Err(msg) => deliver.call::<_, ()>((id, msg)),
                        }
                    }
                }
            };
            if let Err(e) = call() {
                let info = describe_error(&ctx, e);
                self.state.borrow_mut().unhandled.push(info);
            }
        });
    }

    /// Gives JS that a deadline interrupted a short grace period to settle its promises, so
    /// nothing of this script runs during the next one.
    fn drain_after_timeout(&self) {
        self.engine
            .set_deadline(Some(Instant::now() + Duration::from_millis(50)));
        self.engine.run_jobs();
        self.engine.set_deadline(None);
    }

    /// Lets the prelude flush what it records at the end (legacy `tests[…]`, unfinished tests)
    /// and tells whether the script changed `pm.request`.
    fn end(&mut self) -> bool {
        self.engine.ctx.with(|ctx: Ctx<'_>| {
            let end: rquickjs::Result<Function> = ctx.globals().get("__postie_end");
            match end.and_then(|f| f.call::<_, bool>(())) {
                Ok(changed) => changed,
                Err(e) => {
                    let info = describe_error(&ctx, e);
                    self.state.borrow_mut().unhandled.push(info);
                    false
                }
            }
        })
    }
}

/// The response as the prelude's `pm.sendRequest` callback receives it.
pub fn response_json(r: &Response) -> Json {
    let headers: Vec<[&str; 2]> = r
        .headers
        .iter()
        .map(|(k, v)| [k.as_str(), v.as_str()])
        .collect();
    serde_json::json!({
        "code": r.code,
        "status": r.status,
        "headers": headers,
        "body": String::from_utf8_lossy(&r.body),
        "responseTime": r.response_time.round(),
        "responseSize": r.body.len(),
        "url": r.url,
    })
}

fn timeout_failure(sync: bool) -> ScriptFailure {
    let kind = if sync { "synchronous" } else { "asynchronous" };
    ScriptFailure {
        error: ErrorInfo::new("Error", format!("sandbox: {kind} script execution timeout")),
        position: None,
    }
}

fn failure_from_info(error: ErrorInfo) -> ScriptFailure {
    let position = error.stack.as_deref().and_then(script_position);
    ScriptFailure { error, position }
}

/// `line:col` of the first stack frame in the user's script (`test-script:3:9`).
fn script_position(stack: &str) -> Option<(u32, u32)> {
    for name in ["prerequest-script:", "test-script:"] {
        if let Some(at) = stack.find(name) {
            let rest = &stack[at + name.len()..];
            let mut parts = rest
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty());
            let line = parts.next()?.parse().ok()?;
            let col = parts.next().and_then(|c| c.parse().ok()).unwrap_or(0);
            return Some((line, col));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_comes_from_the_first_user_frame() {
        let stack = "    at <anonymous> (test-script:3:9)\n    at foo (prelude/index.js:1:1)";
        assert_eq!(script_position(stack), Some((3, 9)));
        assert_eq!(script_position("at x (prelude/x.js:1:2)"), None);
    }
}
