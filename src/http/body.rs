//! Request bodies per mode, as Newman's body builder and postman-request produce them: raw (with
//! a Content-Type from `options.raw.language` and JSON comments stripped), urlencoded (Node
//! querystring encoding, duplicate keys grouped as a JS object groups them), form-data
//! ([`super::multipart`]), binary file, and GraphQL.

use super::files;
use super::jsonc;
use super::multipart::{self, Multipart};
use super::types::HttpOptions;
use super::urlenc::percent_encode;
use crate::collection::{Body, FormParam, GraphQl};
use base64::Engine;
use bytes::Bytes;

/// A built body and the Content-Type rule that goes with its mode.
pub(crate) enum Built {
    /// raw and graphql: `Content-Type` added (if absent) before the system headers.
    Text {
        bytes: Bytes,
        content_type: &'static str,
    },
    /// urlencoded: `Content-Type: application/x-www-form-urlencoded` unless the user's matches.
    UrlEncoded(Bytes),
    /// form-data.
    Multipart(Multipart),
    /// binary from a file: Content-Length and a Content-Type from the extension go after Cookie.
    File {
        bytes: Bytes,
        content_type: &'static str,
    },
    /// binary from base64 `content`: only Content-Length.
    Binary(Bytes),
}

impl Built {
    pub fn bytes(&self) -> &Bytes {
        match self {
            Built::Text { bytes, .. } | Built::File { bytes, .. } => bytes,
            Built::UrlEncoded(b) | Built::Binary(b) => b,
            Built::Multipart(m) => &m.bytes,
        }
    }
}

/// Inputs the body builder needs besides the body.
pub(crate) struct Ctx<'a> {
    /// The user's `Content-Type` header (last enabled one), if any.
    pub user_content_type: Option<&'a str>,
    /// False for `pm.sendRequest`: file bodies and file parts are dropped.
    pub files_allowed: bool,
    pub opts: &'a HttpOptions,
}

/// Builds `body`; `None` for disabled, empty, unknown-mode bodies (and all-failed uploads).
pub(crate) fn build(body: &Body, ctx: &Ctx<'_>, warnings: &mut Vec<String>) -> Option<Built> {
    if body.disabled {
        return None;
    }
    match body.mode.as_str() {
        "raw" => raw(body, ctx),
        "urlencoded" => urlencoded(&body.urlencoded).map(Built::UrlEncoded),
        "formdata" => {
            let boundary = ctx
                .user_content_type
                .and_then(multipart::user_boundary)
                .unwrap_or_else(multipart::new_boundary);
            multipart::build(
                &body.formdata,
                boundary,
                ctx.files_allowed,
                ctx.opts,
                warnings,
            )
            .map(Built::Multipart)
        }
        "file" => file(body, ctx, warnings),
        "graphql" => body
            .graphql
            .as_ref()
            .and_then(graphql)
            .map(|b| Built::Text {
                bytes: b,
                content_type: "application/json",
            }),
        _ => None,
    }
}

fn raw(body: &Body, ctx: &Ctx<'_>) -> Option<Built> {
    let text = body.raw.as_deref().filter(|s| !s.is_empty())?;
    let lang = body.raw_language();
    let content_type = match lang.unwrap_or("text") {
        "json" => "application/json",
        "xml" => "application/xml",
        "html" => "text/html",
        "javascript" => "application/javascript",
        _ => "text/plain",
    };
    let json = match lang {
        Some(l) => l == "json",
        None => ctx
            .user_content_type
            .is_some_and(|ct| ct.to_ascii_lowercase().contains("json")),
    };
    let bytes = if json {
        match jsonc::strip_comments(text) {
            std::borrow::Cow::Borrowed(s) => Bytes::copy_from_slice(s.as_bytes()),
            std::borrow::Cow::Owned(s) => Bytes::from(s),
        }
    } else {
        Bytes::copy_from_slice(text.as_bytes())
    };
    Some(Built::Text {
        bytes,
        content_type,
    })
}

/// `k=v&k2=v2` as Node's `querystring.stringify` of the JS object Newman builds: duplicate keys
/// grouped at their first position, integer-like keys first in ascending order, then RFC 3986
/// escaping (only `A-Z a-z 0-9 - . _ ~` stay literal).
pub(crate) fn urlencoded(params: &[FormParam]) -> Option<Bytes> {
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for p in params.iter().filter(|p| !p.disabled) {
        let v = p.value.as_deref().unwrap_or("");
        match groups.iter_mut().find(|(k, _)| *k == p.key) {
            Some((_, vs)) => vs.push(v),
            None => groups.push((&p.key, vec![v])),
        }
    }
    if groups.is_empty() {
        return None;
    }
    let mut indexed: Vec<(u32, usize)> = groups
        .iter()
        .enumerate()
        .filter_map(|(i, (k, _))| array_index(k).map(|n| (n, i)))
        .collect();
    indexed.sort_unstable();
    let order = indexed
        .iter()
        .map(|&(_, i)| i)
        .chain((0..groups.len()).filter(|&i| array_index(groups[i].0).is_none()));
    let mut out = String::new();
    for i in order {
        let (k, vs) = &groups[i];
        for v in vs {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(&percent_encode(k, form_set));
            out.push('=');
            out.push_str(&percent_encode(v, form_set));
        }
    }
    Some(Bytes::from(out))
}

/// JS canonical array index (`0`, `7`, `42`; not `07`, `-1`).
fn array_index(k: &str) -> Option<u32> {
    if k.is_empty() || (k.len() > 1 && k.starts_with('0')) || !k.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    k.parse::<u32>().ok().filter(|&n| n != u32::MAX)
}

fn form_set(b: u8) -> bool {
    !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
}

fn file(body: &Body, ctx: &Ctx<'_>, warnings: &mut Vec<String>) -> Option<Built> {
    let f = body.file.as_ref()?;
    if let Some(src) = f.src.as_deref().filter(|s| !s.is_empty()) {
        if !ctx.files_allowed {
            return None;
        }
        return match files::read(ctx.opts, src) {
            Ok((path, bytes)) => Some(Built::File {
                bytes: Bytes::from(bytes),
                content_type: files::mime_for(&path),
            }),
            Err(e) => {
                warnings.push(format!("Binary file load error: {e}"));
                None
            }
        };
    }
    let content = f.content.as_deref().filter(|s| !s.is_empty())?;
    match base64::engine::general_purpose::STANDARD.decode(content.trim()) {
        Ok(bytes) => Some(Built::Binary(Bytes::from(bytes))),
        Err(_) => Some(Built::Binary(Bytes::copy_from_slice(content.as_bytes()))),
    }
}

/// `{"query":…,"operationName":…,"variables":…}`; string variables are inserted as written
/// (Newman does not re-serialise them); absent fields are left out.
fn graphql(g: &GraphQl) -> Option<Bytes> {
    if g.query.is_empty() && g.variables.is_none() && g.operation_name.is_none() {
        return None;
    }
    let mut out = String::from("{");
    out.push_str("\"query\":");
    out.push_str(&serde_json::Value::from(g.query.as_str()).to_string());
    if let Some(op) = &g.operation_name {
        out.push_str(",\"operationName\":");
        out.push_str(&serde_json::Value::from(op.as_str()).to_string());
    }
    match &g.variables {
        Some(serde_json::Value::String(s)) if !s.is_empty() => {
            out.push_str(",\"variables\":");
            out.push_str(s);
        }
        Some(serde_json::Value::String(_)) | None => {}
        Some(v) => {
            out.push_str(",\"variables\":");
            out.push_str(&v.to_string());
        }
    }
    out.push('}');
    Some(Bytes::from(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kv(k: &str, v: &str) -> FormParam {
        FormParam {
            key: k.into(),
            value: Some(v.into()),
            ..FormParam::default()
        }
    }

    #[test]
    fn urlencoded_like_node_querystring() {
        let b = urlencoded(&[kv("a b", "c&d=é"), kv("x", "!*'()~"), kv("a b", "2")]).unwrap();
        assert_eq!(&b[..], b"a%20b=c%26d%3D%C3%A9&a%20b=2&x=%21%2A%27%28%29~");
        let b = urlencoded(&[kv("b", "1"), kv("10", "x"), kv("2", "y"), kv("02", "z")]).unwrap();
        assert_eq!(&b[..], b"2=y&10=x&b=1&02=z");
        assert!(urlencoded(&[FormParam {
            disabled: true,
            ..kv("a", "b")
        }])
        .is_none());
    }

    #[test]
    fn graphql_shapes() {
        let g = GraphQl {
            query: "{ a }".into(),
            variables: Some(serde_json::json!({"x": 1})),
            operation_name: None,
        };
        assert_eq!(
            &graphql(&g).unwrap()[..],
            br#"{"query":"{ a }","variables":{"x":1}}"#
        );
        let g = GraphQl {
            query: "q".into(),
            variables: Some(serde_json::Value::String("{\"y\": 2}".into())),
            operation_name: Some("Op".into()),
        };
        assert_eq!(
            &graphql(&g).unwrap()[..],
            br#"{"query":"q","operationName":"Op","variables":{"y": 2}}"#
        );
    }
}
