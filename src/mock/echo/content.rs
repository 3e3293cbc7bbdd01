//! Content routes: `/response-headers?k=v`, `/type/xml`, `/type/html` and `/encoding/utf8`.

use serde_json::Value;

use super::{form, shape};
use crate::mock::http::Exchange;
use crate::mock::reply::{self, Reply, JSON_UTF8};

/// Headers `/response-headers` will not let a query set: framing is the server's business.
const RESERVED: &[&str] = &[
    "content-length",
    "transfer-encoding",
    "connection",
    "keep-alive",
];

const XML: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<catalog>
  <book id="1" available="true">
    <title>Offline Testing</title>
    <author>Postie</author>
    <price currency="EUR">12.50</price>
  </book>
  <book id="2" available="false">
    <title>Local Echoes</title>
    <author>Postie</author>
    <price currency="EUR">8.00</price>
  </book>
</catalog>
"#;

const HTML: &str = r#"<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>postie mock</title></head>
<body>
<h1>postie mock</h1>
<p>An HTML response from the local postman-echo stand-in.</p>
</body>
</html>
"#;

const UTF8: &str = r#"<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>UTF-8 text</title></head>
<body>
<ul>
<li>English: The quick brown fox jumps over the lazy dog.</li>
<li>Deutsch: Falsches Üben von Xylophonmusik quält jeden größeren Zwerg.</li>
<li>Ελληνικά: Ξεσκεπάζω την ψυχοφθόρα βδελυγμία.</li>
<li>Русский: Съешь же ещё этих мягких французских булок, да выпей чаю.</li>
<li>日本語: いろはにほへと ちりぬるを</li>
<li>中文: 我能吞下玻璃而不伤身体。</li>
<li>한국어: 다람쥐 헌 쳇바퀴에 타고파</li>
<li>עברית: דג סקרן שט בים מאוכזב ולפתע מצא חברה</li>
<li>Emoji: 📮 ✉️ 🍪</li>
</ul>
</body>
</html>
"#;

/// `/type/xml`.
pub(super) fn xml() -> Reply {
    reply::bytes(200, "application/xml; charset=utf-8", XML)
}

/// `/type/html`.
pub(super) fn html() -> Reply {
    reply::bytes(200, "text/html; charset=utf-8", HTML)
}

/// `/encoding/utf8`.
pub(super) fn utf8() -> Reply {
    reply::bytes(200, "text/html; charset=utf-8", UTF8)
}

/// `/response-headers?k=v…`: sets each pair as a response header and echoes the pairs as JSON. A
/// `Content-Type` is normalized the way Express does (`type; param=value`, charset utf-8).
pub(super) fn response_headers(ex: &Exchange) -> Reply {
    let pairs = form::parse_urlencoded(ex.query.as_deref().unwrap_or(""));
    let body = Value::Object(shape::pairs_object(pairs.clone()));
    let content_type = pairs
        .iter()
        .rev()
        .find(|(name, _)| name.eq_ignore_ascii_case("content-type"))
        .map(|(_, value)| normalize_content_type(value))
        .unwrap_or_else(|| JSON_UTF8.to_string());
    let mut reply = reply::bytes(200, &content_type, body.to_string());
    for (name, value) in &pairs {
        let lower = name.to_ascii_lowercase();
        if lower != "content-type" && !RESERVED.contains(&lower.as_str()) {
            reply::append_header(&mut reply, name, value);
        }
    }
    reply
}

/// Parses `type/subtype; k=v…`, sets `charset=utf-8`, and writes it back canonically: lower-case
/// type and parameter names, parameters sorted, one space after each `;`.
fn normalize_content_type(value: &str) -> String {
    let mut pieces = value.split(';');
    let media = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
    let mut params: Vec<(String, String)> = pieces
        .filter_map(|piece| {
            let (key, raw) = piece.split_once('=')?;
            let raw = raw.trim();
            let unquoted = raw
                .strip_prefix('"')
                .and_then(|r| r.strip_suffix('"'))
                .unwrap_or(raw);
            Some((key.trim().to_ascii_lowercase(), unquoted.to_string()))
        })
        .filter(|(key, _)| !key.is_empty() && key != "charset")
        .collect();
    params.push(("charset".into(), "utf-8".into()));
    params.sort();
    let mut out = media;
    for (key, value) in params {
        let token = !value.is_empty()
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
        let value = if token {
            value
        } else {
            format!("\"{}\"", value.replace('"', "\\\""))
        };
        out.push_str(&format!("; {key}={value}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_are_normalized_like_express() {
        assert_eq!(
            normalize_content_type("application/json;  charset=utf-8"),
            "application/json; charset=utf-8"
        );
        assert_eq!(
            normalize_content_type("Text/HTML"),
            "text/html; charset=utf-8"
        );
        assert_eq!(
            normalize_content_type("text/plain; Format=flowed ;charset=latin1; b=\"x y\""),
            "text/plain; b=\"x y\"; charset=utf-8; format=flowed"
        );
    }

    #[test]
    fn the_samples_are_well_formed_enough() {
        assert!(XML.starts_with("<?xml") && XML.trim_end().ends_with("</catalog>"));
        assert!(UTF8.contains("日本語"));
    }
}
