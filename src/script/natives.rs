//! The native functions our JS prelude calls, on a hidden global `__postie`: async ops (timers,
//! sendRequest, host services), events (console, assertions, control flow), and — in the
//! submodules — variables and vault ([`vars`]), request/response/cookies/info ([`data`]).
//! Each borrows the shared [`State`] briefly and never calls back into JS while borrowed.

mod data;
mod vars;

pub use data::response_object;

use super::convert::from_js;
use super::engine::Engine;
use super::outcome::{AssertionResult, ConsoleMessage, ErrorInfo};
use super::state::{NextRequest, Op, ScriptEvent, State};
use rquickjs::function::Opt;
use rquickjs::{Ctx, Function, Object, Value};
use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

pub(crate) type Shared = Rc<RefCell<State>>;

/// Installs `globalThis.__postie` with every native function; `break_length` is the width console
/// messages are inspected for.
pub(crate) fn install<'js>(
    ctx: &Ctx<'js>,
    state: &Shared,
    break_length: usize,
) -> rquickjs::Result<()> {
    let obj = Object::new(ctx.clone())?;
    ops(ctx, &obj, state)?;
    vars::install(ctx, &obj, state)?;
    events(ctx, &obj, state)?;
    data::install(ctx, &obj, state)?;
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
    obj.set("breakLength", break_length as f64)?;
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
    let text = |k: &str| {
        o.get::<_, Option<rquickjs::Coerced<String>>>(k)
            .ok()
            .flatten()
    };
    let name = text("name").map(|c| c.0).unwrap_or_else(|| "Error".into());
    let message = text("message").map(|c| c.0).unwrap_or_default();
    ErrorInfo {
        message: v8_message(&name, message),
        name,
        stack: o
            .get::<_, Option<String>>("stack")
            .ok()
            .flatten()
            .filter(|s| !s.is_empty()),
    }
}

/// QuickJS's wording of the commonest TypeErrors, in V8's words as Newman reports them
/// (`cannot read property 'x' of undefined` → `Cannot read properties of undefined (reading
/// 'x')`); other messages pass through.
pub fn v8_message(name: &str, message: String) -> String {
    if name != "TypeError" {
        return message;
    }
    for (quickjs, v8, verb) in [
        (
            "cannot read property ",
            "Cannot read properties of ",
            "reading",
        ),
        (
            "cannot set property ",
            "Cannot set properties of ",
            "setting",
        ),
    ] {
        let Some(rest) = message.strip_prefix(quickjs) else {
            continue;
        };
        let Some((prop, target)) = rest.rsplit_once(" of ") else {
            continue;
        };
        if target == "undefined" || target == "null" {
            return format!("{v8}{target} ({verb} {prop})");
        }
    }
    if message.starts_with('\'') && message.ends_with("' is read-only") {
        return "Assignment to constant variable.".into();
    }
    message
}

/// True for the value `pm.execution.skipRequest()` throws to unwind a script.
pub(crate) fn is_skip(value: &Value<'_>) -> bool {
    value
        .as_object()
        .is_some_and(|o| o.contains_key("__postie_skip").unwrap_or(false))
}

fn events<'js>(ctx: &Ctx<'js>, obj: &Object<'js>, state: &Shared) -> rquickjs::Result<()> {
    let s = state.clone();
    obj.set(
        "console",
        Function::new(ctx.clone(), move |level: String, messages: Vec<String>| {
            let mut st = s.borrow_mut();
            if !st.skip_request {
                let msg = ConsoleMessage { level, messages };
                st.events.push(ScriptEvent::Console(msg));
            }
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "assertion",
        Function::new(
            ctx.clone(),
            move |name: String, index: f64, skipped: bool, error: Value<'js>| {
                let error = error.as_object().map(error_info);
                let mut st = s.borrow_mut();
                if st.skip_request {
                    return;
                }
                let a = AssertionResult {
                    name,
                    index: index.max(0.0) as usize,
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
        Function::new(ctx.clone(), move |target: Opt<Value<'js>>| {
            let next = match target.0 {
                None => None,
                Some(t) if t.is_undefined() => None,
                Some(t) if t.is_null() => Some(NextRequest::Stop),
                Some(t) => Some(NextRequest::To(
                    t.as_string()
                        .and_then(|t| t.to_string().ok())
                        .unwrap_or_default(),
                )),
            };
            s.borrow_mut().next_request = next;
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
            if is_skip(&error) {
                return;
            }
            let info = match error.as_object() {
                Some(o) => error_info(o),
                None => ErrorInfo::new("Error", unhandled_text(&error)),
            };
            s.borrow_mut().unhandled.push((None, info));
        })?,
    )?;
    Ok(())
}

/// The message of a thrown or rejected non-object value (`throw 'x'`).
pub(crate) fn unhandled_text(value: &Value<'_>) -> String {
    if let Some(s) = value.as_string().and_then(|s| s.to_string().ok()) {
        return s;
    }
    if let Some(n) = value.as_number() {
        return n.to_string();
    }
    if let Some(b) = value.as_bool() {
        return b.to_string();
    }
    if value.is_null() {
        return "null".into();
    }
    "undefined".into()
}

#[cfg(test)]
mod tests {
    use super::v8_message;

    #[test]
    fn property_access_messages_read_like_v8() {
        let m = |name: &str, text: &str| v8_message(name, text.to_string());
        assert_eq!(
            m("TypeError", "cannot read property 'id' of undefined"),
            "Cannot read properties of undefined (reading 'id')"
        );
        assert_eq!(
            m("TypeError", "cannot set property 'x' of null"),
            "Cannot set properties of null (setting 'x')"
        );
        assert_eq!(
            m("TypeError", "'k' is read-only"),
            "Assignment to constant variable."
        );
        assert_eq!(m("TypeError", "not a function"), "not a function");
        assert_eq!(
            m("Error", "cannot read property 'id' of undefined"),
            "cannot read property 'id' of undefined"
        );
    }
}
