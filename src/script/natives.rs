//! The native functions our JS prelude calls, on a hidden global `__postie`: variables, events,
//! request/response data, async ops (timers, sendRequest, host services) and `require`.
//! Each borrows the shared [`State`] briefly and never calls back into JS while borrowed.

use super::convert::{from_js, to_js};
use super::engine::Engine;
use super::outcome::{AssertionResult, ConsoleMessage, ErrorInfo};
use super::state::{NextRequest, Op, ScriptEvent, State};
use crate::vars::{Scopes, VariableScope};
use rquickjs::{Ctx, Function, Object, Value};
use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

type Shared = Rc<RefCell<State>>;

/// Installs `globalThis.__postie` with every native function.
pub(crate) fn install<'js>(ctx: &Ctx<'js>, state: &Shared) -> rquickjs::Result<()> {
    let obj = Object::new(ctx.clone())?;
    ops(ctx, &obj, state)?;
    variables(ctx, &obj, state)?;
    events(ctx, &obj, state)?;
    data(ctx, &obj, state)?;
    obj.set(
        "require",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, name: String| {
            Engine::import(&ctx, &name)
        })?,
    )?;
    obj.set(
        "hasModule",
        Function::new(ctx.clone(), |name: String| super::bundle::contains(&name))?,
    )?;
    super::lib::install(ctx, &obj)?;
    ctx.globals().set("__postie", obj)?;
    Ok(())
}

fn ops<'js>(ctx: &Ctx<'js>, obj: &Object<'js>, state: &Shared) -> rquickjs::Result<()> {
    let s = state.clone();
    obj.set(
        "timer",
        Function::new(ctx.clone(), move |ms: f64| {
            let ms = if ms.is_finite() && ms > 0.0 { ms } else { 0.0 };
            let at = Instant::now() + Duration::from_micros((ms * 1000.0) as u64);
            s.borrow_mut().push_op(Op::Timer(at))
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "cancel",
        Function::new(ctx.clone(), move |id: u32| {
            s.borrow_mut().cancelled.insert(id);
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "send",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, req: Value<'js>| {
            let req = from_js(&ctx, req)?;
            Ok::<_, rquickjs::Error>(s.borrow_mut().push_op(Op::Send(req)))
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "host",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, op: String, args: Value<'js>| {
                let args = from_js(&ctx, args)?;
                Ok::<_, rquickjs::Error>(s.borrow_mut().push_op(Op::Host(op, args)))
            },
        )?,
    )?;
    let s = state.clone();
    obj.set(
        "done",
        Function::new(ctx.clone(), move |error: Value<'js>| {
            let result = match error.as_object() {
                None => Ok(()),
                Some(o) => Err(error_info(o)),
            };
            s.borrow_mut().finished = Some(result);
        })?,
    )?;
    Ok(())
}

/// `{name, message, stack}` from a JS error-like object.
pub fn error_info(o: &Object<'_>) -> ErrorInfo {
    let text = |k: &str| o.get::<_, Option<String>>(k).ok().flatten();
    ErrorInfo {
        name: text("name").unwrap_or_else(|| "Error".into()),
        message: text("message").unwrap_or_default(),
        stack: text("stack"),
    }
}

fn scope_mut<'a>(scopes: &'a mut Scopes, name: &str) -> Option<&'a mut VariableScope> {
    Some(match name {
        "environment" => &mut scopes.environment,
        "globals" => &mut scopes.globals,
        "collectionVariables" => &mut scopes.collection,
        "variables" => &mut scopes.local,
        "iterationData" => &mut scopes.data,
        "vault" => &mut scopes.vault,
        _ => return None,
    })
}

fn scope_ref<'a>(scopes: &'a Scopes, name: &str) -> Option<&'a VariableScope> {
    Some(match name {
        "environment" => &scopes.environment,
        "globals" => &scopes.globals,
        "collectionVariables" => &scopes.collection,
        "variables" => &scopes.local,
        "iterationData" => &scopes.data,
        "vault" => &scopes.vault,
        _ => return None,
    })
}

fn variables<'js>(ctx: &Ctx<'js>, obj: &Object<'js>, state: &Shared) -> rquickjs::Result<()> {
    let s = state.clone();
    obj.set(
        "varGet",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, scope: String, key: String| {
                let st = s.borrow();
                let found = if scope == "merged" {
                    st.scopes.get(&key)
                } else {
                    scope_ref(&st.scopes, &scope).and_then(|sc| sc.get(&key))
                };
                match found {
                    Some(v) => to_js(&ctx, v),
                    None => Ok(Value::new_undefined(ctx.clone())),
                }
            },
        )?,
    )?;
    let s = state.clone();
    obj.set(
        "varHas",
        Function::new(ctx.clone(), move |scope: String, key: String| {
            let st = s.borrow();
            if scope == "merged" {
                st.scopes.has(&key)
            } else {
                scope_ref(&st.scopes, &scope).is_some_and(|sc| sc.has(&key))
            }
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "varSet",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  scope: String,
                  key: String,
                  value: Value<'js>,
                  kind: rquickjs::function::Opt<String>| {
                let value = from_js(&ctx, value)?;
                let mut st = s.borrow_mut();
                if let Some(sc) = scope_mut(&mut st.scopes, &scope) {
                    match kind.0 {
                        Some(kind) => sc.set_typed(&key, value, &kind),
                        None => sc.set(&key, value),
                    }
                }
                Ok::<_, rquickjs::Error>(())
            },
        )?,
    )?;
    let s = state.clone();
    obj.set(
        "varUnset",
        Function::new(ctx.clone(), move |scope: String, key: String| {
            if let Some(sc) = scope_mut(&mut s.borrow_mut().scopes, &scope) {
                sc.unset(&key);
            }
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "varClear",
        Function::new(ctx.clone(), move |scope: String| {
            if let Some(sc) = scope_mut(&mut s.borrow_mut().scopes, &scope) {
                sc.clear();
            }
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "varObject",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, scope: String| {
            let st = s.borrow();
            let map = if scope == "merged" {
                st.scopes.to_object()
            } else {
                scope_ref(&st.scopes, &scope)
                    .map(VariableScope::to_object)
                    .unwrap_or_default()
            };
            to_js(&ctx, &serde_json::to_value(map).unwrap_or_default())
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "scopeName",
        Function::new(ctx.clone(), move |scope: String| {
            let st = s.borrow();
            scope_ref(&st.scopes, &scope).and_then(|sc| sc.name.clone())
        })?,
    )?;
    Ok(())
}

fn events<'js>(ctx: &Ctx<'js>, obj: &Object<'js>, state: &Shared) -> rquickjs::Result<()> {
    let s = state.clone();
    obj.set(
        "console",
        Function::new(ctx.clone(), move |level: String, messages: Vec<String>| {
            let msg = ConsoleMessage { level, messages };
            s.borrow_mut().events.push(ScriptEvent::Console(msg));
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "assertion",
        Function::new(
            ctx.clone(),
            move |name: String, skipped: bool, error: Value<'js>| {
                let error = error.as_object().map(error_info);
                let mut st = s.borrow_mut();
                let index = st.assertions;
                st.assertions += 1;
                let a = AssertionResult {
                    name,
                    index,
                    skipped,
                    error,
                };
                st.events.push(ScriptEvent::Assertion(a));
            },
        )?,
    )?;
    let s = state.clone();
    obj.set(
        "nextRequest",
        Function::new(ctx.clone(), move |target: Value<'js>| {
            let next = if target.is_null() || target.is_undefined() {
                NextRequest::Stop
            } else {
                let text = target
                    .as_string()
                    .and_then(|t| t.to_string().ok())
                    .unwrap_or_default();
                NextRequest::To(text)
            };
            s.borrow_mut().next_request = Some(next);
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "skipRequest",
        Function::new(ctx.clone(), move || {
            s.borrow_mut().skip_request = true;
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "unhandled",
        Function::new(ctx.clone(), move |error: Value<'js>| {
            let info = match error.as_object() {
                Some(o) => error_info(o),
                None => ErrorInfo::new("Error", "unhandled promise rejection"),
            };
            s.borrow_mut().unhandled.push(info);
        })?,
    )?;
    Ok(())
}

fn data<'js>(ctx: &Ctx<'js>, obj: &Object<'js>, state: &Shared) -> rquickjs::Result<()> {
    let s = state.clone();
    obj.set(
        "request",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| {
            to_js(&ctx, &s.borrow().request)
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "setRequest",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, value: Value<'js>| {
            let value = from_js(&ctx, value)?;
            s.borrow_mut().request = value;
            Ok::<_, rquickjs::Error>(())
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "response",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| {
            let st = s.borrow();
            match &st.response {
                None => Ok(Value::new_undefined(ctx.clone())),
                Some(r) => {
                    let headers: Vec<[&str; 2]> = r
                        .headers
                        .iter()
                        .map(|(k, v)| [k.as_str(), v.as_str()])
                        .collect();
                    let v = serde_json::json!({
                        "code": r.code,
                        "status": r.status,
                        "headers": headers,
                        "responseTime": r.response_time.round(),
                        "responseSize": r.body.len(),
                        "url": r.url,
                    });
                    to_js(&ctx, &v)
                }
            }
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "responseText",
        Function::new(ctx.clone(), move || {
            let st = s.borrow();
            st.response
                .as_ref()
                .map(|r| String::from_utf8_lossy(&r.body).into_owned())
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "info",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| {
            let st = s.borrow();
            let i = &st.info;
            let v = serde_json::json!({
                "eventName": st.listen.map(|l| l.as_str()),
                "iteration": i.iteration,
                "iterationCount": i.iteration_count,
                "requestName": i.request_name,
                "requestId": i.request_id,
                "location": i.location,
                "current": i.current,
            });
            to_js(&ctx, &v)
        })?,
    )?;
    Ok(())
}
