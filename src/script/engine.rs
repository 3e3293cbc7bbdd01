//! The QuickJS runtime and context of a run, configured once: memory and stack limits, the
//! interrupt deadline behind `--timeout-script`, the module loader over our precompiled bundle.
//! The only place that configures the runtime.

use super::bundle::MODULES;
use rquickjs::loader::bundle::Bundle;
use rquickjs::{CatchResultExt, CaughtError, Context, Ctx, Runtime};
use std::cell::Cell;
use std::rc::Rc;
use std::time::Instant;

/// Limits for the JS engine.
#[derive(Debug, Clone, PartialEq)]
pub struct EngineLimits {
    /// Heap limit in bytes (`--script-memory-limit`, default 512 MiB).
    pub memory: usize,
    /// JS stack limit in bytes (a stack overflow is a script error, not a crash).
    pub stack: usize,
}

impl Default for EngineLimits {
    fn default() -> Self {
        EngineLimits {
            memory: 512 * 1024 * 1024,
            stack: 1024 * 1024,
        }
    }
}

/// Why the engine could not start.
#[derive(Debug, thiserror::Error)]
#[error("the script engine could not start: {0}")]
pub struct EngineError(pub String);

/// One runtime + one context, for a whole run.
pub struct Engine {
    pub(crate) rt: Runtime,
    pub(crate) ctx: Context,
    deadline: Rc<Cell<Option<Instant>>>,
    tripped: Rc<Cell<bool>>,
}

impl Engine {
    pub fn new(limits: &EngineLimits) -> Result<Engine, EngineError> {
        let err = |e: rquickjs::Error| EngineError(e.to_string());
        let rt = Runtime::new().map_err(err)?;
        rt.set_memory_limit(limits.memory);
        rt.set_max_stack_size(limits.stack);
        rt.set_loader(Bundle(MODULES), Bundle(MODULES));
        let deadline: Rc<Cell<Option<Instant>>> = Rc::new(Cell::new(None));
        let tripped = Rc::new(Cell::new(false));
        let (d, t) = (deadline.clone(), tripped.clone());
        rt.set_interrupt_handler(Some(Box::new(move || {
            let over = d.get().is_some_and(|end| Instant::now() >= end);
            if over {
                t.set(true);
            }
            over
        })));
        let ctx = Context::full(&rt).map_err(err)?;
        Ok(Engine {
            rt,
            ctx,
            deadline,
            tripped,
        })
    }

    /// Interrupts any JS still running after `at` (None: no limit).
    pub fn set_deadline(&self, at: Option<Instant>) {
        self.tripped.set(false);
        self.deadline.set(at);
    }

    /// True when the deadline interrupted JS since the last `set_deadline`.
    pub fn tripped(&self) -> bool {
        self.tripped.get()
    }

    /// Runs queued promise jobs until none is left. Job errors are left to the rejection tracking
    /// of the code that created them.
    pub fn run_jobs(&self) {
        while self.rt.is_job_pending() {
            if self.rt.execute_pending_job().is_err() {
                continue;
            }
        }
    }

    /// Evaluates one of our bundled modules and returns its namespace's `default` export (or the
    /// namespace itself when there is no default).
    pub fn import<'js>(ctx: &Ctx<'js>, name: &str) -> rquickjs::Result<rquickjs::Value<'js>> {
        let promise = rquickjs::Module::import(ctx, name)?;
        let ns: rquickjs::Object = promise.finish()?;
        let default: rquickjs::Value = ns.get("default")?;
        if default.is_undefined() {
            Ok(ns.into_value())
        } else {
            Ok(default)
        }
    }
}

/// A thrown JS value turned into name/message/stack.
pub fn describe_error(ctx: &Ctx<'_>, err: rquickjs::Error) -> super::outcome::ErrorInfo {
    use super::outcome::ErrorInfo;
    let caught = Err::<(), _>(err).catch(ctx);
    match caught {
        Ok(()) => ErrorInfo::new("Error", "unknown error"),
        Err(CaughtError::Exception(ex)) => {
            let name = ex
                .get::<_, Option<String>>("name")
                .ok()
                .flatten()
                .unwrap_or_else(|| "Error".into());
            ErrorInfo {
                name,
                message: ex.message().unwrap_or_default(),
                stack: ex.stack(),
            }
        }
        Err(CaughtError::Value(v)) => match v.as_object() {
            // Thrown objects that are not native Errors (chai's AssertionError) still carry
            // name/message/stack.
            Some(o) if o.contains_key("message").unwrap_or(false) => super::natives::error_info(o),
            _ => ErrorInfo::new("Error", super::convert::display_value(ctx, &v)),
        },
        Err(CaughtError::Error(e)) => ErrorInfo::new("Error", e.to_string()),
    }
}
