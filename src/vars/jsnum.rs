//! The few JavaScript number conversions Newman's CSV auto-casting relies on: `Number(string)`
//! (ToNumber), `parseFloat` and the `isInt`/`isFloat` tests of `csvAutoParse`.

use serde_json::Value;

/// JS `StrWhiteSpaceChar`: white space and line terminators.
fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{b}'
            | '\u{c}'
            | ' '
            | '\u{a0}'
            | '\u{feff}'
            | '\n'
            | '\r'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

fn digits_len(s: &[u8]) -> usize {
    s.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// Length of the longest prefix of `s` that is a `StrDecimalLiteral` without `Infinity`
/// (`[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`), or 0.
fn decimal_prefix_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let int = digits_len(b.get(i..).unwrap_or_default());
    i += int;
    let mut frac = 0;
    if b.get(i) == Some(&b'.') {
        frac = digits_len(b.get(i + 1..).unwrap_or_default());
        if int > 0 || frac > 0 {
            i += 1 + frac;
        }
    }
    if int == 0 && frac == 0 {
        return 0;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp = digits_len(b.get(j..).unwrap_or_default());
        if exp > 0 {
            i = j + exp;
        }
    }
    i
}

fn parse_decimal(s: &str) -> f64 {
    s.parse::<f64>().unwrap_or(f64::NAN)
}

/// `Number(s)` for a string.
pub(crate) fn to_number(s: &str) -> f64 {
    let t = s.trim_matches(is_js_space);
    if t.is_empty() {
        return 0.0;
    }
    match t {
        "Infinity" | "+Infinity" => return f64::INFINITY,
        "-Infinity" => return f64::NEG_INFINITY,
        _ => {}
    }
    for (prefix, radix) in [
        ("0x", 16),
        ("0X", 16),
        ("0o", 8),
        ("0O", 8),
        ("0b", 2),
        ("0B", 2),
    ] {
        if let Some(digits) = t.strip_prefix(prefix) {
            if digits.is_empty() {
                return f64::NAN;
            }
            return digits
                .chars()
                .try_fold(0.0, |acc, c| {
                    c.to_digit(radix)
                        .map(|d| acc * f64::from(radix) + f64::from(d))
                })
                .unwrap_or(f64::NAN);
        }
    }
    if decimal_prefix_len(t) == t.len() {
        parse_decimal(t)
    } else {
        f64::NAN
    }
}

/// `parseFloat(s)`.
pub(crate) fn parse_float(s: &str) -> f64 {
    let t = s.trim_start_matches(is_js_space);
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    if unsigned.starts_with("Infinity") {
        return if t.starts_with('-') {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    match decimal_prefix_len(t) {
        0 => f64::NAN,
        n => parse_decimal(t.get(..n).unwrap_or("")),
    }
}

/// Newman's `isInt`: `/^(-|\+)?([1-9]+[0-9]*)$/`.
pub(crate) fn is_int(s: &str) -> bool {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    let mut chars = digits.chars();
    matches!(chars.next(), Some('1'..='9')) && chars.all(|c| c.is_ascii_digit())
}

/// Newman's `isFloat`: `(value - parseFloat(value) + 1) >= 0`.
pub(crate) fn is_float(s: &str) -> bool {
    to_number(s) - parse_float(s) + 1.0 >= 0.0
}

/// A JS number as JSON: integral values that JS holds exactly become integers.
pub(crate) fn number_value(f: f64) -> Value {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if f.fract() == 0.0 && f.abs() <= EXACT {
        return Value::from(f as i64);
    }
    serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)
}

/// Newman's `csvAutoParse` for an unquoted field: integer, float, or the string itself.
pub(crate) fn auto_cast(s: &str) -> Value {
    if is_int(s) {
        return match s.parse::<i64>() {
            Ok(i) if i.unsigned_abs() <= 1 << 53 => Value::from(i),
            _ => number_value(parse_decimal(s)),
        };
    }
    if is_float(s) {
        return number_value(parse_float(s));
    }
    Value::String(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn to_number_follows_js() {
        for (s, n) in [
            ("", 0.0),
            ("  12 ", 12.0),
            ("0x10", 16.0),
            ("1e5", 1e5),
            (".5", 0.5),
            ("5.", 5.0),
            ("-0", -0.0),
            ("\u{a0}7\n", 7.0),
        ] {
            assert_eq!(to_number(s), n, "{s:?}");
        }
        for s in ["abc", "1.2.3", "0x", "-0x10", "1e", "inf", "NaN", "12abc"] {
            assert!(to_number(s).is_nan(), "{s:?}");
        }
        assert_eq!(to_number("-Infinity"), f64::NEG_INFINITY);
    }

    #[test]
    fn parse_float_takes_the_longest_prefix() {
        for (s, n) in [
            ("007", 7.0),
            ("1e5", 1e5),
            ("0x10", 0.0),
            ("1.2.3", 1.2),
            ("12abc", 12.0),
            ("  -3.5e-2x", -0.035),
            ("1e", 1.0),
            ("+.5", 0.5),
            ("-Infinityx", f64::NEG_INFINITY),
        ] {
            assert_eq!(parse_float(s), n, "{s:?}");
        }
        for s in ["", "abc", ".", "-", "e5"] {
            assert!(parse_float(s).is_nan(), "{s:?}");
        }
    }

    #[test]
    fn csv_auto_casting_matches_newman() {
        assert_eq!(auto_cast("7890"), json!(7890));
        assert_eq!(auto_cast("-7890"), json!(-7890));
        assert_eq!(auto_cast("+5"), json!(5));
        assert_eq!(auto_cast("007"), json!(7));
        assert_eq!(auto_cast("1e5"), json!(100000));
        assert_eq!(auto_cast("0x10"), json!(0));
        assert_eq!(auto_cast("0"), json!(0));
        assert_eq!(auto_cast("1.5"), json!(1.5));
        assert_eq!(auto_cast(""), json!(""));
        assert_eq!(auto_cast("abc"), json!("abc"));
        assert_eq!(auto_cast("12abc"), json!("12abc"));
        assert_eq!(auto_cast("Infinity"), json!("Infinity"));
        assert_eq!(auto_cast("1.2.3"), json!("1.2.3"));
        assert_eq!(
            auto_cast("89111702272002019559"),
            json!(89111702272002019559.0)
        );
    }
}
