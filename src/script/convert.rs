//! Moving values across the JS/Rust boundary: serde_json ⇄ JS through JSON text (QuickJS's own
//! parser and stringifier are fast), and a display string for any thrown value.

use rquickjs::{Ctx, Value};

/// A serde value as a JS value.
pub fn to_js<'js>(ctx: &Ctx<'js>, value: &serde_json::Value) -> rquickjs::Result<Value<'js>> {
    match value {
        serde_json::Value::Null => Ok(Value::new_null(ctx.clone())),
        serde_json::Value::Bool(b) => Ok(Value::new_bool(ctx.clone(), *b)),
        serde_json::Value::String(s) => {
            Ok(rquickjs::String::from_str(ctx.clone(), s)?.into_value())
        }
        other => ctx.json_parse(other.to_string()),
    }
}

/// A JS value as a serde value (`undefined` and functions become `null`, as JSON.stringify
/// would drop them).
pub fn from_js<'js>(ctx: &Ctx<'js>, value: Value<'js>) -> rquickjs::Result<serde_json::Value> {
    if let Some(s) = value.as_string() {
        return Ok(serde_json::Value::String(s.to_string()?));
    }
    if let Some(b) = value.as_bool() {
        return Ok(serde_json::Value::Bool(b));
    }
    match ctx.json_stringify(value)? {
        Some(text) => Ok(serde_json::from_str(&text.to_string()?).unwrap_or_default()),
        None => Ok(serde_json::Value::Null),
    }
}

/// `String(value)` for a thrown non-Error value.
pub fn display_value<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> String {
    let string_fn: rquickjs::Result<rquickjs::Function> = ctx.globals().get("String");
    string_fn
        .and_then(|f| f.call::<_, String>((value.clone(),)))
        .unwrap_or_else(|_| "[unprintable value]".into())
}
