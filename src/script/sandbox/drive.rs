//! The async half of a script: runs promise jobs, fires timers, sends `pm.sendRequest` requests
//! (all in flight at once) and answers host calls, handing each result to the JS callback waiting
//! for it, until nothing is pending, the script skipped its request, or the deadline passes.

use super::{timeout_failure, Sandbox, ScriptFailure};
use crate::http::Exchange;
use crate::script::convert::to_js;
use crate::script::engine::describe_error;
use crate::script::host::ScriptHost;
use crate::script::natives::response_object;
use crate::script::outcome::ErrorInfo;
use crate::script::state::{Op, ScriptEvent};
use futures_util::future::LocalBoxFuture;
use futures_util::stream::{FuturesUnordered, StreamExt};
use rquickjs::{Ctx, Function, Object, Value};
use serde_json::Value as Json;
use std::mem::take;
use std::time::{Duration, Instant};

type OpFuture<'h> = LocalBoxFuture<'h, (u32, OpResult)>;

pub(super) enum OpResult {
    Timer,
    Sent(Box<Result<Exchange, ErrorInfo>>, Json),
    Host(Result<Json, String>),
}

impl Sandbox {
    /// Runs promise jobs and async ops until nothing is left to do, or the deadline passes.
    pub(super) async fn drive(
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
            if self.state.borrow().skip_request {
                return None;
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
                        let v = to_js(&ctx, &v)?;
                        deliver.call::<_, ()>((id, rquickjs::Null, v))
                    }
                    OpResult::Host(Err(msg)) => deliver.call::<_, ()>((id, msg)),
                    OpResult::Sent(result, req) => {
                        let result = *result;
                        let payload = match &result {
                            Ok(ex) => Ok(response_object(&ctx, &ex.response, true)?),
                            Err(e) => Err(error_object(&ctx, e)?),
                        };
                        self.state
                            .borrow_mut()
                            .events
                            .push(ScriptEvent::Request(Box::new(result.map_err(|e| (req, e)))));
                        match payload {
                            Ok(v) => deliver.call::<_, ()>((id, rquickjs::Null, v)),
                            Err(e) => deliver.call::<_, ()>((id, e)),
                        }
                    }
                }
            };
            if let Err(e) = call() {
                let info = describe_error(&ctx, e);
                self.state.borrow_mut().unhandled.push((None, info));
            }
        });
    }

    /// Gives JS that a deadline interrupted a short grace period to settle its promises, so
    /// nothing of this script runs during the next one.
    pub(super) fn drain_after_timeout(&self) {
        self.engine
            .set_deadline(Some(Instant::now() + Duration::from_millis(50)));
        self.engine.run_jobs();
        self.engine.set_deadline(None);
    }
}

/// A request error as the JS side receives it: `{name, message}`.
fn error_object<'js>(ctx: &Ctx<'js>, e: &ErrorInfo) -> rquickjs::Result<Value<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set("name", e.name.as_str())?;
    o.set("message", e.message.as_str())?;
    Ok(o.into_value())
}
