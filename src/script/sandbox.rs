//! The sandbox a run keeps for all its scripts: runs one script at a time in the shared context,
//! drives its async work (timers, `pm.sendRequest`, host services) until it is done or times out,
//! and returns what it did as a [`ScriptOutcome`].

mod drive;

use super::engine::{describe_error, Engine, EngineError, EngineLimits};
use super::host::ScriptHost;
use super::natives;
use super::outcome::{ErrorInfo, Listen};
use super::state::{NextRequest, ScriptEvent, ScriptInfo, State};
use crate::http::Response;
use crate::vars::Scopes;
use rquickjs::context::EvalOptions;
use rquickjs::{Ctx, Function, Persistent};
use serde_json::Value as Json;
use std::cell::RefCell;
use std::collections::HashMap;
use std::mem::take;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// How the sandbox is set up for a run.
#[derive(Debug, Clone, PartialEq)]
pub struct SandboxOptions {
    pub limits: EngineLimits,
    /// `--timeout-script`: the longest one script may take, sync and async parts together.
    pub timeout: Option<Duration>,
    /// The `breakLength` console arguments are inspected with. Newman's cli uses its log width
    /// minus 10: 68 without a terminal (the default here), terminal columns - 12 with one.
    pub console_break_length: usize,
    /// Real npm packages for `require`/`pm.require` (`--node-modules`).
    pub node_modules: Option<super::node_modules::NodeModules>,
}

impl Default for SandboxOptions {
    fn default() -> Self {
        SandboxOptions {
            limits: EngineLimits::default(),
            timeout: None,
            console_break_length: 68,
            node_modules: None,
        }
    }
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
    /// The cookies of the response's URL after the response (`pm.cookies`, `responseCookies`),
    /// each `{name, value, domain, path, expires, httpOnly, secure, hostOnly}`; empty before the
    /// request.
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

/// The run's sandbox: one engine, reused by every script.
pub struct Sandbox {
    // Declared first so the compiled functions are released before the engine drops.
    /// Compiled scripts by source text, per listen (pre-request, test).
    compiled: [HashMap<String, Persistent<Function<'static>>>; 2],
    state: Rc<RefCell<State>>,
    timeout: Option<Duration>,
    /// For the next `run`: builds `pm.request` lazily when the input's request is `null`.
    request_source: Option<super::state::RequestSource>,
    engine: Engine,
}

impl Sandbox {
    /// Starts the engine and evaluates the prelude.
    pub fn new(opts: &SandboxOptions) -> Result<Sandbox, EngineError> {
        let engine = Engine::new(&opts.limits)?;
        let state = Rc::new(RefCell::new(State::default()));
        let tracker_state = state.clone();
        engine.rt.set_host_promise_rejection_tracker(Some(Box::new(
            move |_ctx, promise, reason, handled| {
                track_rejection(&tracker_state, &promise, &reason, handled)
            },
        )));
        engine.ctx.with(|ctx| -> Result<(), EngineError> {
            natives::install(&ctx, &state, opts.console_break_length)
                .map_err(|e| EngineError(e.to_string()))?;
            if let Some(modules) = &opts.node_modules {
                super::node_modules::install(&ctx, modules)
                    .map_err(|e| EngineError(e.to_string()))?;
            }
            Engine::import(&ctx, "prelude/index.js")
                .map(drop)
                .map_err(|e| EngineError(describe_error(&ctx, e).message))
        })?;
        Ok(Sandbox {
            engine,
            state,
            timeout: opts.timeout,
            request_source: None,
            compiled: [HashMap::new(), HashMap::new()],
        })
    }

    /// For the next [`run`](Self::run) only: when its input's request is `null`, `pm.request` is
    /// built by `source` the first time the script (or a legacy global) reads it, so scripts that
    /// never look at the request do not pay for its JSON.
    pub fn set_request_source(&mut self, source: super::state::RequestSource) {
        self.request_source = Some(source);
    }

    /// Runs one script to completion (its async work included) and returns what it did.
    pub async fn run(&mut self, input: ScriptInput<'_>, host: &dyn ScriptHost) -> ScriptOutcome {
        let ScriptInput {
            listen,
            code,
            scopes,
            request,
            response,
            cookies,
            info,
        } = input;
        {
            let mut st = self.state.borrow_mut();
            *st = State {
                listen: Some(listen),
                scopes: take(scopes),
                request: take(request),
                request_source: self.request_source.take(),
                response: response.cloned(),
                cookies,
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
        if let Some(data) = st.data_backup.take() {
            st.scopes.data = data;
        }
        *scopes = take(&mut st.scopes);
        *request = take(&mut st.request);
        let failure = failure
            .or_else(|| match st.finished.take() {
                Some(Err(e)) => Some(failure_from_info(e)),
                _ => None,
            })
            .or_else(|| {
                st.unhandled
                    .drain(..)
                    .next()
                    .map(|(_, e)| failure_from_info(e))
            });
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
        if let Some(data) = st.data_backup.take() {
            st.scopes.data = data;
        }
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
                begin.call::<_, ()>((listen.as_str(), func, !opts_out_of_legacy(code)))
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
        let cache = &mut self.compiled[listen as usize];
        if let Some(f) = cache.get(code) {
            return Ok(f.clone());
        }
        let wrapped = format!("{WRAP_OPEN}{code}\n}})");
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
        self.compiled[listen as usize].insert(code.to_string(), compiled.clone());
        Ok(compiled)
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
                    self.state.borrow_mut().unhandled.push((None, info));
                    false
                }
            }
        })
    }
}

pub(super) fn timeout_failure(sync: bool) -> ScriptFailure {
    let kind = if sync { "synchronous" } else { "asynchronous" };
    ScriptFailure {
        error: ErrorInfo::new("Error", format!("sandbox: {kind} script execution timeout")),
        position: None,
    }
}

/// What a user script is wrapped in (its first line starts after it).
const WRAP_OPEN: &str = "(async function () {";

fn failure_from_info(mut error: ErrorInfo) -> ScriptFailure {
    let position = error.stack.as_deref().and_then(script_position);
    error.message = natives::v8_message(&error.name, error.message);
    error.stack = error.stack.as_deref().map(user_frames);
    ScriptFailure { error, position }
}

/// The stack without the prelude's own frames.
fn user_frames(stack: &str) -> String {
    stack
        .lines()
        .filter(|l| !l.contains("(prelude/"))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The property that tags a rejected promise with its entry in `State::unhandled`.
const REJECTION_KEY: &str = "__postie_rejection";

/// Records a promise rejection nobody handles, and withdraws it when a handler comes later.
fn track_rejection<'js>(
    state: &Rc<RefCell<State>>,
    promise: &rquickjs::Value<'js>,
    reason: &rquickjs::Value<'js>,
    handled: bool,
) {
    let Ok(mut st) = state.try_borrow_mut() else {
        return;
    };
    let tag = promise.as_object();
    if handled {
        let key = tag.and_then(|o| o.get::<_, Option<u32>>(REJECTION_KEY).ok().flatten());
        if let Some(key) = key {
            st.unhandled.retain(|(k, _)| *k != Some(key));
        }
        return;
    }
    if natives::is_skip(reason) {
        return;
    }
    let info = match reason.as_object() {
        Some(o) => natives::error_info(o),
        None => ErrorInfo::new("Error", natives::unhandled_text(reason)),
    };
    st.next_rejection = st.next_rejection.wrapping_add(1);
    let key = st.next_rejection;
    if let Some(o) = tag {
        let _ = o.set(REJECTION_KEY, key);
    }
    st.unhandled.push((Some(key), info));
}

/// True when the script starts with `'use sandbox2';` (or the double-quoted form): Newman then
/// gives it no legacy globals.
fn opts_out_of_legacy(code: &str) -> bool {
    code.starts_with("'use sandbox2';") || code.starts_with("\"use sandbox2\";")
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
            let mut col: u32 = parts.next().and_then(|c| c.parse().ok()).unwrap_or(0);
            if line == 1 {
                col = col.saturating_sub(WRAP_OPEN.len() as u32);
            }
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
