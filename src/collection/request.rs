//! Decoding a request from JSON: the v2.0/v2.1 `request` (string or object), its URL (string or
//! object), headers (list, raw `K: V` string or, from scripts, a `{name: value}` object) and body
//! (every mode). Lenient where Postman is: scalars become strings, unknown fields are ignored,
//! `null` is absent.

use super::decode::{auth, variables};
use super::json::{
    description, expected, field, is_disabled, opt_list, opt_string, scalar_string, Path,
    ShapeError, Shaped,
};
use super::model::{Body, FileRef, FormParam, GraphQl, Header, QueryParam, Request, Url, UrlAuth};
use super::url::{parse_query_params, split_host, split_path};
use serde_json::{Map, Value};

/// A `request`: a URL string (GET), an object, or `null` (an empty GET).
pub(crate) fn request(value: &Value, path: &Path<'_>) -> Shaped<Request> {
    let obj = match value {
        Value::Null => return Ok(Request::default()),
        Value::String(s) => {
            return Ok(Request {
                url: Url::parse(s),
                ..Request::default()
            })
        }
        Value::Object(obj) => obj,
        other => return Err(expected(path, "a URL string or a request object", other)),
    };
    let method = opt_string(obj, "method", path)?
        .filter(|m| !m.is_empty())
        .map_or_else(|| "GET".to_string(), |m| m.to_uppercase());
    Ok(Request {
        url: match field(obj, "url") {
            Some(v) => url(v, &path.key("url"))?,
            None => Url::default(),
        },
        method,
        headers: match field(obj, "header") {
            Some(v) => headers(v, &path.key("header"))?,
            None => Vec::new(),
        },
        body: match field(obj, "body") {
            Some(v) => Some(body(v, &path.key("body"))?),
            None => None,
        },
        auth: match field(obj, "auth") {
            Some(v) => auth(v, &path.key("auth"))?,
            None => None,
        },
        description: description(obj),
    })
}

/// A URL: a string (parsed) or an object whose components win over `raw`.
pub(crate) fn url(value: &Value, path: &Path<'_>) -> Shaped<Url> {
    match value {
        Value::Object(obj) => url_object(obj, path),
        // Not scalars in general: `"url": 42` would become the address 0.0.0.42 (Newman sends
        // nothing: "request url is empty").
        Value::String(s) => Ok(Url::parse(s)),
        other => Err(expected(path, "a string or an object", other)),
    }
}

const URL_COMPONENTS: [&str; 6] = ["protocol", "host", "port", "path", "query", "hash"];

fn url_object(obj: &Map<String, Value>, path: &Path<'_>) -> Shaped<Url> {
    let raw = opt_string(obj, "raw", path)?.unwrap_or_default();
    let variables = variables(
        opt_list(obj, "variable", path)?,
        &path.key("variable"),
        false,
    )?;
    // An object with nothing but `raw` (hand-written collections): parse `raw`.
    if !URL_COMPONENTS.iter().any(|k| field(obj, k).is_some()) {
        return Ok(Url {
            variables,
            ..Url::parse(&raw)
        });
    }
    Ok(Url {
        raw,
        protocol: opt_string(obj, "protocol", path)?,
        auth: url_auth(obj),
        host: match field(obj, "host") {
            Some(v) => host(v, &path.key("host"))?,
            None => Vec::new(),
        },
        port: opt_string(obj, "port", path)?,
        path: match field(obj, "path") {
            Some(v) => segments(v, &path.key("path"))?,
            None => Vec::new(),
        },
        query: match field(obj, "query") {
            Some(v) => query(v, &path.key("query"))?,
            None => Vec::new(),
        },
        hash: opt_string(obj, "hash", path)?,
        variables,
    })
}

/// `{user, password}`; `None` when neither is there (`{}` prints no `@`, as in the SDK).
fn url_auth(obj: &Map<String, Value>) -> Option<UrlAuth> {
    let auth = field(obj, "auth")?.as_object()?;
    let user = field(auth, "user").and_then(scalar_string);
    let password = field(auth, "password").and_then(scalar_string);
    if user.is_none() && password.is_none() {
        return None;
    }
    Some(UrlAuth {
        user: user.unwrap_or_default(),
        password,
    })
}

/// Each element of a list as a string (scalars stringified, `null` skipped).
fn string_list(items: &[Value], path: &Path<'_>) -> Shaped<Vec<String>> {
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Null => {}
            other => out.push(
                scalar_string(other).ok_or_else(|| expected(&path.index(i), "a string", other))?,
            ),
        }
    }
    Ok(out)
}

fn host(value: &Value, path: &Path<'_>) -> Shaped<Vec<String>> {
    match value {
        Value::Array(items) => string_list(items, path),
        other => match scalar_string(other) {
            Some(s) => Ok(split_host(&s)),
            None => Err(expected(path, "a string or a list of strings", other)),
        },
    }
}

/// Path segments: a string, or a list of strings and `{type, value}` objects.
fn segments(value: &Value, path: &Path<'_>) -> Shaped<Vec<String>> {
    let items = match value {
        Value::Array(items) => items,
        other => {
            return match scalar_string(other) {
                Some(s) => Ok(split_path(&s)),
                None => Err(expected(path, "a string or a list of strings", other)),
            }
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Null => {}
            Value::Object(seg) => out.push(
                field(seg, "value")
                    .and_then(scalar_string)
                    .unwrap_or_default(),
            ),
            other => out.push(
                scalar_string(other).ok_or_else(|| expected(&path.index(i), "a string", other))?,
            ),
        }
    }
    Ok(out)
}

fn query(value: &Value, path: &Path<'_>) -> Shaped<Vec<QueryParam>> {
    match value {
        Value::String(s) => {
            let parts: Vec<String> = s.split('&').map(str::to_string).collect();
            Ok(parse_query_params(&parts))
        }
        Value::Object(map) => Ok(map
            .iter()
            .map(|(k, v)| QueryParam {
                key: Some(k.clone()),
                value: scalar_string(v),
                disabled: false,
            })
            .collect()),
        Value::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let here = path.index(i);
                let Value::Object(p) = item else {
                    return Err(expected(&here, "an object with key and value", item));
                };
                out.push(QueryParam {
                    key: opt_string(p, "key", &here)?,
                    value: opt_string(p, "value", &here)?,
                    disabled: is_disabled(p),
                });
            }
            Ok(out)
        }
        other => Err(expected(path, "a list of query parameters", other)),
    }
}

/// Headers: a list of `{key, value, disabled}` (or `"K: V"` strings), a raw `"K: V\nK2: V2"`
/// string, or a `{name: value}` object (what scripts pass to `pm.sendRequest`).
pub(crate) fn headers(value: &Value, path: &Path<'_>) -> Shaped<Vec<Header>> {
    match value {
        Value::String(s) => Ok(parse_header_lines(s)),
        Value::Object(map) => Ok(map
            .iter()
            .map(|(k, v)| Header {
                key: k.clone(),
                value: scalar_string(v).unwrap_or_default(),
                disabled: false,
            })
            .collect()),
        Value::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let here = path.index(i);
                match item {
                    Value::Object(h) => out.push(Header {
                        key: opt_string(h, "key", &here)?.unwrap_or_default(),
                        value: opt_string(h, "value", &here)?.unwrap_or_default(),
                        disabled: is_disabled(h),
                    }),
                    Value::String(line) => out.extend(parse_header_lines(line)),
                    Value::Null => {}
                    other => return Err(expected(&here, "an object with key and value", other)),
                }
            }
            Ok(out)
        }
        other => Err(expected(path, "a list of headers or a string", other)),
    }
}

/// `"K: V\r\nK2: V2"`: one header a line, split at the first `:`, both sides trimmed.
pub(crate) fn parse_header_lines(text: &str) -> Vec<Header> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let (key, value) = line.split_once(':').unwrap_or((line, ""));
            Header {
                key: key.trim().to_string(),
                value: value.trim().to_string(),
                disabled: false,
            }
        })
        .collect()
}

fn body(value: &Value, path: &Path<'_>) -> Shaped<Body> {
    let Value::Object(obj) = value else {
        return Err(expected(path, "an object with a mode", value));
    };
    Ok(Body {
        mode: opt_string(obj, "mode", path)?.unwrap_or_default(),
        raw: field(obj, "raw").map(|v| scalar_string(v).unwrap_or_else(|| v.to_string())),
        urlencoded: match field(obj, "urlencoded") {
            Some(v) => params(v, &path.key("urlencoded"))?,
            None => Vec::new(),
        },
        formdata: match field(obj, "formdata") {
            Some(v) => params(v, &path.key("formdata"))?,
            None => Vec::new(),
        },
        file: match field(obj, "file") {
            Some(v) => Some(file(v, &path.key("file"))?),
            None => None,
        },
        graphql: match field(obj, "graphql") {
            Some(v) => Some(graphql(v, &path.key("graphql"))?),
            None => None,
        },
        options: field(obj, "options").filter(|o| o.is_object()).cloned(),
        disabled: is_disabled(obj),
    })
}

/// `urlencoded`/`formdata` parameters: a list, an `a=1&b=2` string, or a `{key: value}` object.
fn params(value: &Value, path: &Path<'_>) -> Shaped<Vec<FormParam>> {
    let text_param = |key: &str, value: Option<String>| FormParam {
        key: key.to_string(),
        value,
        kind: "text".into(),
        ..FormParam::default()
    };
    match value {
        Value::String(s) => Ok(s
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| match p.split_once('=') {
                Some((k, v)) => text_param(k, Some(v.to_string())),
                None => text_param(p, None),
            })
            .collect()),
        Value::Object(map) => Ok(map
            .iter()
            .map(|(k, v)| text_param(k, scalar_string(v)))
            .collect()),
        Value::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let here = path.index(i);
                let Value::Object(p) = item else {
                    return Err(expected(&here, "an object with key and value", item));
                };
                out.push(form_param(p, &here)?);
            }
            Ok(out)
        }
        other => Err(expected(path, "a list of parameters", other)),
    }
}

fn form_param(p: &Map<String, Value>, path: &Path<'_>) -> Shaped<FormParam> {
    let src = match field(p, "src") {
        None => Vec::new(),
        Some(Value::Array(items)) => string_list(items, &path.key("src"))?,
        Some(v) => vec![scalar_string(v).ok_or_else(|| expected(&path.key("src"), "a path", v))?],
    };
    Ok(FormParam {
        key: opt_string(p, "key", path)?.unwrap_or_default(),
        value: field(p, "value").map(|v| scalar_string(v).unwrap_or_else(|| v.to_string())),
        kind: opt_string(p, "type", path)?.unwrap_or_else(|| "text".into()),
        src,
        content_type: opt_string(p, "contentType", path)?,
        disabled: is_disabled(p),
    })
}

fn file(value: &Value, path: &Path<'_>) -> Shaped<FileRef> {
    match value {
        Value::Object(f) => Ok(FileRef {
            src: opt_string(f, "src", path)?,
            content: opt_string(f, "content", path)?,
        }),
        Value::String(s) => Ok(FileRef {
            src: Some(s.clone()),
            content: None,
        }),
        other => Err(expected(path, "an object with src", other)),
    }
}

fn graphql(value: &Value, path: &Path<'_>) -> Shaped<GraphQl> {
    let Value::Object(g) = value else {
        return Err(expected(path, "an object with query and variables", value));
    };
    Ok(GraphQl {
        query: opt_string(g, "query", path)?.unwrap_or_default(),
        variables: field(g, "variables").cloned(),
        operation_name: opt_string(g, "operationName", path)?,
    })
}

impl Request {
    /// A request from JSON: the v2.1 `request` shape, or what scripts pass to `pm.sendRequest`
    /// (a URL string, or `{url, method, header: object-or-list, body: {mode, …}, auth}`).
    pub fn from_json(value: &Value) -> Result<Request, super::LoadError> {
        request(value, &Path::Root).map_err(|e: ShapeError| {
            e.into_load_error(super::error::Subject::ScriptRequest, "the script")
        })
    }
}

#[cfg(test)]
#[path = "request_tests.rs"]
mod tests;
