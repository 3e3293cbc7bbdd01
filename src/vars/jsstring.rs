//! JavaScript's `String(value)` for JSON values, which is how Postman turns a variable's value into
//! the text that replaces `{{name}}`: numbers as JS prints them (`1`, `0.1`, `1e+21`), arrays
//! joined with `,`, objects as `[object Object]`.

use serde_json::{Number, Value};

/// `String(v)` in JavaScript.
pub fn to_js_string(v: &Value) -> String {
    match v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number_to_js(n),
        Value::String(s) => s.clone(),
        Value::Array(items) => join_array(items),
        Value::Object(_) => "[object Object]".to_string(),
    }
}

/// `Array.prototype.join(",")`: `null` elements are empty, nested arrays are joined too.
fn join_array(items: &[Value]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match item {
            Value::Null => {}
            Value::Array(inner) => out.push_str(&join_array(inner)),
            other => out.push_str(&to_js_string(other)),
        }
    }
    out
}

fn number_to_js(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        i.to_string()
    } else if let Some(u) = n.as_u64() {
        u.to_string()
    } else {
        js_number_to_string(n.as_f64().unwrap_or(f64::NAN))
    }
}

/// `Number.prototype.toString()` (ECMA-262 Number::toString, radix 10).
pub fn js_number_to_string(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f == 0.0 {
        return "0".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    let sign = if f < 0.0 { "-" } else { "" };
    // Rust prints the shortest round-tripping digits, as JS does: `d.ddde±x`.
    let exp_form = format!("{:e}", f.abs());
    let (mantissa, exponent) = exp_form.split_once('e').unwrap_or((&exp_form, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let k = digits.len() as i64;
    let n = exponent.parse::<i64>().unwrap_or(0) + 1;
    let body = if k <= n && n <= 21 {
        format!("{digits}{}", "0".repeat((n - k) as usize))
    } else if 0 < n && n <= 21 {
        let (int, frac) = digits.split_at(n as usize);
        format!("{int}.{frac}")
    } else if -6 < n && n <= 0 {
        format!("0.{}{digits}", "0".repeat((-n) as usize))
    } else {
        let e = n - 1;
        let e_sign = if e >= 0 { "+" } else { "-" };
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        format!("{first}{frac}e{e_sign}{}", e.abs())
    };
    format!("{sign}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_print_like_javascript() {
        let cases = [
            (1.0, "1"),
            (0.1, "0.1"),
            (-1.5, "-1.5"),
            (1e21, "1e+21"),
            (1e20, "100000000000000000000"),
            (123456789012345680000.0, "123456789012345680000"),
            (1.5e-7, "1.5e-7"),
            (0.000001, "0.000001"),
            (1e-7, "1e-7"),
            (-0.0, "0"),
            (2.5e300, "2.5e+300"),
            (89111702272002020000.0, "89111702272002020000"),
            (0.1 + 0.2, "0.30000000000000004"),
            (f64::NAN, "NaN"),
            (f64::NEG_INFINITY, "-Infinity"),
        ];
        for (f, s) in cases {
            assert_eq!(js_number_to_string(f), s, "{f}");
        }
    }

    #[test]
    fn values_stringify_like_string_of() {
        assert_eq!(to_js_string(&json!(1.0)), "1");
        assert_eq!(to_js_string(&json!(42)), "42");
        assert_eq!(to_js_string(&json!(true)), "true");
        assert_eq!(to_js_string(&json!(null)), "null");
        assert_eq!(to_js_string(&json!("s")), "s");
        assert_eq!(
            to_js_string(&json!([1, [2, [3, null]], null, "x", {}])),
            "1,2,3,,,x,[object Object]"
        );
        assert_eq!(to_js_string(&json!([])), "");
        assert_eq!(to_js_string(&json!({"a": 1})), "[object Object]");
    }
}
