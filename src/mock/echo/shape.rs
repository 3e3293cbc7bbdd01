//! The JSON postman-echo answers with: `args`, `data`, `files`, `form`, `headers`, `json`, `url`.
//!
//! `headers` follows Node's rules (lower-case names; repeated fields joined with `, `, `cookie` with
//! `; `, single-valued fields keep their first value) and puts `host`, `x-forwarded-proto` and
//! `x-forwarded-port` first, as postman-echo's load balancer does.

use base64::Engine as _;
use serde_json::{json, Map, Value};

use super::form;
use crate::mock::http::Exchange;

/// Fields Node keeps only once (later duplicates are dropped).
const SINGLE_VALUED: &[&str] = &[
    "age",
    "authorization",
    "content-length",
    "content-type",
    "etag",
    "expires",
    "from",
    "host",
    "if-modified-since",
    "if-unmodified-since",
    "last-modified",
    "location",
    "max-forwards",
    "proxy-authorization",
    "referer",
    "retry-after",
    "server",
    "user-agent",
];

/// Pairs as an object; a repeated key becomes an array of its values.
pub(crate) fn pairs_object(pairs: Vec<(String, String)>) -> Map<String, Value> {
    let mut object = Map::new();
    for (key, value) in pairs {
        match object.get_mut(&key) {
            None => {
                object.insert(key, Value::String(value));
            }
            Some(Value::Array(values)) => values.push(Value::String(value)),
            Some(existing) => {
                let first = existing.take();
                *existing = Value::Array(vec![first, Value::String(value)]);
            }
        }
    }
    object
}

/// Header fields as Node's `req.headers` shows them.
pub(crate) fn node_headers(fields: &[(String, String)]) -> Map<String, Value> {
    let mut object = Map::new();
    for (name, value) in fields {
        let name = name.to_ascii_lowercase();
        match object.get_mut(&name) {
            None => {
                object.insert(name, Value::String(value.clone()));
            }
            Some(Value::String(existing)) if !SINGLE_VALUED.contains(&name.as_str()) => {
                existing.push_str(if name == "cookie" { "; " } else { ", " });
                existing.push_str(value);
            }
            Some(_) => {}
        }
    }
    object
}

/// The query string as `args`.
pub(crate) fn args(ex: &Exchange) -> Value {
    Value::Object(pairs_object(form::parse_urlencoded(
        ex.query.as_deref().unwrap_or(""),
    )))
}

/// The request headers as postman-echo reports them.
pub(crate) fn headers(ex: &Exchange) -> Value {
    let port = if ex.tls { "443" } else { "80" };
    let mut fields = vec![
        ("host".to_string(), ex.host()),
        ("x-forwarded-proto".to_string(), ex.scheme().to_string()),
        ("x-forwarded-port".to_string(), port.to_string()),
    ];
    let own = ["host", "x-forwarded-proto", "x-forwarded-port"];
    fields.extend(
        ex.headers
            .iter()
            .filter(|(name, _)| !own.iter().any(|o| name.eq_ignore_ascii_case(o)))
            .cloned(),
    );
    Value::Object(node_headers(&fields))
}

/// The URL as postman-echo reports it: scheme from the connection, host from `Host` without the
/// scheme's default port (`postman-echo.com:443` → `postman-echo.com`), target as sent with its
/// leading slashes collapsed to one (`//get` is routed and reported as `/get`, as the httpbin
/// the integration suites also call redirects it).
pub(crate) fn url(ex: &Exchange) -> String {
    if !ex.target.starts_with('/') {
        return ex.target.clone();
    }
    let scheme = ex.scheme();
    let host = ex.host();
    let default_port = if scheme == "https" { ":443" } else { ":80" };
    let host = host.strip_suffix(default_port).unwrap_or(&host);
    let path = format!("/{}", ex.target.trim_start_matches('/'));
    format!("{scheme}://{host}{path}")
}

/// `/get`: `{args, headers, url}`.
pub(crate) fn without_body(ex: &Exchange) -> Value {
    json!({ "args": args(ex), "headers": headers(ex), "url": url(ex) })
}

/// `/post` and friends: `{args, data, files, form, headers, json, url}`.
pub(crate) fn with_body(ex: &Exchange) -> Value {
    let body = parse_body(ex);
    json!({
        "args": args(ex),
        "data": body.data,
        "files": body.files,
        "form": body.form,
        "headers": headers(ex),
        "json": body.json,
        "url": url(ex),
    })
}

/// The body fields of an echo.
pub(crate) struct BodyFields {
    pub data: Value,
    pub files: Map<String, Value>,
    pub form: Map<String, Value>,
    pub json: Value,
}

/// Reads the body by its `Content-Type`: urlencoded → `form` (and `json`), multipart → `form` +
/// `files`, JSON → `data` and `json`, anything else → `data` as text.
pub(crate) fn parse_body(ex: &Exchange) -> BodyFields {
    let content_type = ex.header("content-type").unwrap_or("");
    let mime = media_type(content_type);
    let text = || String::from_utf8_lossy(&ex.body).into_owned();
    let mut fields = BodyFields {
        data: Value::Object(Map::new()),
        files: Map::new(),
        form: Map::new(),
        json: Value::Null,
    };
    if mime == "application/x-www-form-urlencoded" {
        fields.form = pairs_object(form::parse_urlencoded(&text()));
        fields.data = Value::String(String::new());
        fields.json = Value::Object(fields.form.clone());
    } else if mime.starts_with("multipart/") {
        let boundary = form::header_param(content_type, "boundary").unwrap_or_default();
        (fields.form, fields.files) = multipart_fields(&ex.body, &boundary);
    } else if ex.body.is_empty() {
        // Nothing to show: postman-echo answers `data: {}` and `json: null`.
    } else if is_json(&mime) {
        match serde_json::from_slice::<Value>(&ex.body) {
            Ok(value) => (fields.data, fields.json) = (value.clone(), value),
            Err(_) => fields.data = Value::String(text()),
        }
    } else {
        fields.data = Value::String(text());
    }
    fields
}

/// Multipart text parts → `form`; file parts → `files` keyed by file name, as data URLs.
fn multipart_fields(body: &[u8], boundary: &str) -> (Map<String, Value>, Map<String, Value>) {
    let mut texts = Vec::new();
    let mut files = Map::new();
    for part in form::parse_multipart(body, boundary) {
        match part.filename {
            Some(filename) => {
                let encoded = base64::engine::general_purpose::STANDARD.encode(&part.data);
                let url = format!("data:application/octet-stream;base64,{encoded}");
                files.insert(filename, Value::String(url));
            }
            None => texts.push((part.name, String::from_utf8_lossy(&part.data).into_owned())),
        }
    }
    (pairs_object(texts), files)
}

/// `type/subtype` in lower case, parameters dropped.
pub(crate) fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn is_json(mime: &str) -> bool {
    mime == "application/json" || mime.ends_with("+json")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn repeated_keys_become_arrays() {
        let object = pairs_object(pairs(&[
            ("hi", "hello"),
            ("x", "1"),
            ("hi", "lolol"),
            ("hi", "3"),
        ]));
        assert_eq!(
            Value::Object(object),
            json!({"hi": ["hello", "lolol", "3"], "x": "1"})
        );
    }

    #[test]
    fn node_header_rules() {
        let fields = pairs(&[
            ("Accept", "a"),
            ("Cookie", "a=1"),
            ("ACCEPT", "b"),
            ("cookie", "b=2"),
            ("User-Agent", "first"),
            ("user-agent", "second"),
        ]);
        let expected = json!({"accept": "a, b", "cookie": "a=1; b=2", "user-agent": "first"});
        assert_eq!(Value::Object(node_headers(&fields)), expected);
    }

    #[test]
    fn media_types() {
        assert_eq!(
            media_type(" Application/JSON ; charset=utf-8"),
            "application/json"
        );
        assert!(is_json("application/vnd.api+json"));
        assert!(!is_json("text/json5"));
    }
}
