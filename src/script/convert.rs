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
    if let Some(n) = value.as_int() {
        return Ok(serde_json::Value::from(n));
    }
    if let Some(number) = value.as_float().and_then(number_from_f64) {
        return Ok(number);
    }
    match ctx.json_stringify(value)? {
        Some(text) => Ok(serde_json::from_str(&text.to_string()?).unwrap_or_default()),
        None => Ok(serde_json::Value::Null),
    }
}

/// A JS number as `JSON.stringify` + parse gives it, without the round trip: integral values
/// within ±2^53 as integers (`3`, not `3.0`; `-0` as `0`), NaN and ±Infinity as null, other
/// fractions as floats. `None` for larger integral values (left to the JSON path, which renders
/// them as JS does).
fn number_from_f64(f: f64) -> Option<serde_json::Value> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if !f.is_finite() {
        return Some(serde_json::Value::Null);
    }
    if f.fract() != 0.0 {
        return serde_json::Number::from_f64(f).map(serde_json::Value::Number);
    }
    if f.abs() <= EXACT {
        // Exact: an integral f64 within ±2^53 converts to i64 without loss.
        #[allow(clippy::cast_possible_truncation)]
        return Some(serde_json::Value::from(f as i64));
    }
    None
}

/// `String(value)` for a thrown non-Error value.
pub fn display_value<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> String {
    let string_fn: rquickjs::Result<rquickjs::Function> = ctx.globals().get("String");
    string_fn
        .and_then(|f| f.call::<_, String>((value.clone(),)))
        .unwrap_or_else(|_| "[unprintable value]".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rquickjs::{Context, Runtime};

    #[test]
    fn numbers_convert_as_the_json_round_trip_does() {
        let rt = Runtime::new().unwrap();
        let ctx = Context::full(&rt).unwrap();
        ctx.with(|ctx| {
            for expr in [
                "0",
                "-0",
                "3",
                "-7",
                "2 ** 31",
                "6 / 3",
                "2 ** 53",
                "-(2 ** 53)",
                "2 ** 53 + 2",
                "1e19",
                "1e21",
                "1.5",
                "0.1 + 0.2",
                "1 / 3",
                "-2.5e-7",
                "NaN",
                "Infinity",
                "-Infinity",
                "Number.MAX_VALUE",
                "Number.MIN_VALUE",
            ] {
                let value: Value = ctx.eval(expr).unwrap();
                let text = ctx
                    .json_stringify(value.clone())
                    .unwrap()
                    .unwrap()
                    .to_string()
                    .unwrap();
                let via_json: serde_json::Value = serde_json::from_str(&text).unwrap();
                let fast = from_js(&ctx, value).unwrap();
                assert_eq!(fast, via_json, "{expr}");
                assert_eq!(fast.to_string(), via_json.to_string(), "{expr}");
            }
        });
    }
}
