//! The per-request pieces of the v1 → v2.1 conversion (see [`super`]).

use super::{is_empty, list, param_type, parse_header_lines, str_of, url_to_json, Url};
use serde_json::{json, Map, Value};
use std::collections::HashSet;

/// `currentHelper` names of v1 → v2 auth types.
fn auth_type(helper: &str) -> &str {
    match helper {
        "apikeyAuth" => "apikey",
        "basicAuth" => "basic",
        "bearerAuth" => "bearer",
        "digestAuth" => "digest",
        "hawkAuth" => "hawk",
        "oAuth1" => "oauth1",
        "oAuth2" => "oauth2",
        "ntlmAuth" => "ntlm",
        "awsSigV4" => "awsv4",
        "jwtAuth" => "jwt",
        "asapAuth" => "asap",
        "edgegridAuth" => "edgegrid",
        other => other,
    }
}

/// Legacy `helperAttributes` names → v2 parameter names, per helper.
fn legacy_param_names(helper: &str) -> &'static [(&'static str, &'static str)] {
    match helper {
        "basicAuth" => &[("username", "username"), ("password", "password")],
        "bearerAuth" => &[("token", "token")],
        "digestAuth" => &[
            ("algorithm", "algorithm"),
            ("username", "username"),
            ("realm", "realm"),
            ("password", "password"),
            ("nonce", "nonce"),
            ("nonceCount", "nonceCount"),
            ("clientNonce", "clientNonce"),
            ("opaque", "opaque"),
            ("qop", "qop"),
            ("disableRetryRequest", "disableRetryRequest"),
        ],
        "oAuth1" => &[
            ("consumerKey", "consumerKey"),
            ("consumerSecret", "consumerSecret"),
            ("token", "token"),
            ("tokenSecret", "tokenSecret"),
            ("signatureMethod", "signatureMethod"),
            ("timestamp", "timestamp"),
            ("nonce", "nonce"),
            ("version", "version"),
            ("realm", "realm"),
            ("header", "addParamsToHeader"),
            ("auto", "autoAddParam"),
            ("includeEmpty", "addEmptyParamsToSign"),
        ],
        "hawkAuth" => &[
            ("hawk_id", "authId"),
            ("hawk_key", "authKey"),
            ("algorithm", "algorithm"),
            ("user", "user"),
            ("nonce", "nonce"),
            ("ext", "extraData"),
            ("app", "appId"),
            ("dlg", "delegation"),
            ("timestamp", "timestamp"),
        ],
        "ntlmAuth" => &[
            ("username", "username"),
            ("password", "password"),
            ("domain", "domain"),
            ("workstation", "workstation"),
            ("disableRetryRequest", "disableRetryRequest"),
        ],
        "oAuth2" => &[
            ("accessToken", "accessToken"),
            ("addTokenTo", "addTokenTo"),
            ("tokenType", "tokenType"),
            ("headerPrefix", "headerPrefix"),
        ],
        _ => &[],
    }
}

fn params_list(params: &Map<String, Value>) -> Value {
    Value::Array(
        params
            .iter()
            .map(|(k, v)| json!({"key": k, "value": v, "type": param_type(v)}))
            .collect(),
    )
}

/// `auth` (newer v1 exports) or `currentHelper` + `helperAttributes`. On the collection, `noauth`
/// means nothing.
pub(super) fn auth(v1: &Map<String, Value>, top_level: bool) -> Option<Value> {
    let legacy = v1.contains_key("currentHelper") || v1.get("helperAttributes").is_some();
    if !legacy {
        let auth = v1.get("auth")?.as_object()?;
        let kind = str_of(auth, "type")?;
        if kind == "noauth" && top_level {
            return None;
        }
        return Some(Value::Object(auth.clone()));
    }
    let helper = str_of(v1, "currentHelper").filter(|h| *h != "normal")?;
    let kind = auth_type(helper);
    let attributes = match v1.get("helperAttributes") {
        Some(Value::String(s)) => serde_json::from_str(s).ok(),
        Some(v @ Value::Object(_)) => Some(v.clone()),
        _ => None,
    };
    let mut out = Map::new();
    out.insert("type".into(), json!(kind));
    if let Some(Value::Object(attrs)) = attributes {
        let params: Map<String, Value> = if helper == "awsSigV4" {
            attrs
        } else {
            legacy_param_names(helper)
                .iter()
                .filter_map(|(old, new)| Some((new.to_string(), attrs.get(*old)?.clone())))
                .collect()
        };
        out.insert(kind.to_string(), params_list(&params));
    }
    Some(Value::Object(out))
}

/// `events` (when there are no legacy scripts) or `tests`/`preRequestScript` strings.
pub(super) fn events(v1: &Map<String, Value>) -> Vec<Value> {
    let script = |listen: &str, text: &Value| {
        let exec: Vec<Value> = match text {
            Value::String(s) => s.split('\n').map(|l| json!(l)).collect(),
            Value::Array(lines) => lines.clone(),
            _ => Vec::new(),
        };
        json!({"listen": listen, "script": {"type": "text/javascript", "exec": exec}})
    };
    let tests = v1.get("tests").filter(|t| !is_empty(t));
    let pre = v1.get("preRequestScript").filter(|t| !is_empty(t));
    if tests.is_none() && pre.is_none() {
        return list(v1, "events")
            .iter()
            .filter_map(Value::as_object)
            .map(|e| {
                let mut e = e.clone();
                e.entry("listen").or_insert_with(|| json!("test"));
                Value::Object(e)
            })
            .collect();
    }
    let mut out = Vec::new();
    if let Some(t) = tests {
        out.push(script("test", t));
    }
    if let Some(p) = pre {
        out.push(script("prerequest", p));
    }
    out
}

/// `variables` / `variable` → `[{key, value, type, disabled?, description?}]`.
pub(super) fn variables(v1: &Map<String, Value>) -> Vec<Value> {
    let source = match v1.get("variables") {
        Some(Value::Array(v)) => v.as_slice(),
        _ => list(v1, "variable"),
    };
    source
        .iter()
        .filter_map(Value::as_object)
        .map(|v| {
            let value = v.get("value").cloned().unwrap_or(Value::Null);
            let kind = match str_of(v, "type") {
                Some("text") => "string".to_string(),
                Some(t) => t.to_string(),
                None => match param_type(&value) {
                    "string" | "boolean" | "number" => param_type(&value).to_string(),
                    _ => "any".to_string(),
                },
            };
            let mut out = Map::new();
            out.insert(
                "key".into(),
                v.get("key")
                    .or_else(|| v.get("id"))
                    .cloned()
                    .unwrap_or(json!("")),
            );
            out.insert("value".into(), value);
            out.insert("type".into(), json!(kind));
            if v.get("disabled").and_then(Value::as_bool) == Some(true) {
                out.insert("disabled".into(), json!(true));
            }
            if let Some(d) = v.get("description") {
                out.insert("description".into(), d.clone());
            }
            Value::Object(out)
        })
        .collect()
}

/// `headers` as a list, else `headerData` plus the `headers` string (keys not already given).
pub(super) fn headers(v1: &Map<String, Value>) -> Vec<Value> {
    if let Some(Value::Array(list)) = v1.get("headers") {
        return list.clone();
    }
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for h in list(v1, "headerData").iter().filter_map(Value::as_object) {
        let mut h = h.clone();
        let key = str_of(&h, "key").unwrap_or("").to_string();
        let commented = key.starts_with("//");
        if commented || h.get("enabled").and_then(Value::as_bool) == Some(false) {
            h.insert("disabled".into(), json!(true));
            h.insert("key".into(), json!(key.trim_start_matches("//").trim()));
        }
        h.remove("enabled");
        seen.insert(str_of(&h, "key").unwrap_or("").to_string());
        out.push(Value::Object(h));
    }
    if let Some(text) = str_of(v1, "headers") {
        for line in text.lines() {
            let commented = line.trim_start().starts_with("//");
            let line = line.trim_start().trim_start_matches("//");
            for h in parse_header_lines(line) {
                if seen.contains(&h.key) {
                    continue;
                }
                let mut header = json!({"key": h.key, "value": h.value});
                if commented {
                    header["disabled"] = json!(true);
                }
                out.push(header);
            }
        }
    }
    out
}

/// The body, by `dataMode` (or inferred from `data`/`rawModeData`).
pub(super) fn body(v1: &Map<String, Value>) -> Option<Value> {
    let mode = match str_of(v1, "dataMode") {
        Some("urlencoded") => Some("urlencoded"),
        Some("params") => Some("formdata"),
        Some("raw") => Some("raw"),
        Some("binary") => Some("file"),
        Some("graphql") => Some("graphql"),
        _ => None,
    };
    let data = v1.get("data").filter(|d| !is_empty(d));
    let raw_mode_data = match v1.get("rawModeData") {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(Value::Array(a)) if a.len() == 1 => {
            a.first().and_then(Value::as_str).map(str::to_string)
        }
        _ => None,
    };
    if mode.is_none() && data.is_none() && raw_mode_data.is_none() {
        return None;
    }
    let mode = mode.unwrap_or(
        if raw_mode_data.is_none() && data.is_some_and(Value::is_array) {
            "formdata"
        } else {
            "raw"
        },
    );
    let mut body = Map::new();
    body.insert("mode".into(), json!(mode));
    let content = match mode {
        "raw" => json!(raw_mode_data
            .or_else(|| data.and_then(Value::as_str).map(str::to_string))
            .unwrap_or_default()),
        "file" => json!({ "src": raw_mode_data }),
        "graphql" => v1.get("graphqlModeData").cloned().unwrap_or(json!({})),
        _ => Value::Array(form_params(data)),
    };
    body.insert(mode.into(), content);
    if let Some(options) = v1.get("dataOptions").filter(|o| o.is_object()) {
        body.insert("options".into(), options.clone());
    }
    if v1.get("dataDisabled").and_then(Value::as_bool) == Some(true) {
        body.insert("disabled".into(), json!(true));
    }
    Some(Value::Object(body))
}

/// `data` params: entries without a key dropped; `type: file` values become `src`;
/// `enabled: false` becomes `disabled: true`.
fn form_params(data: Option<&Value>) -> Vec<Value> {
    let Some(Value::Array(params)) = data else {
        return Vec::new();
    };
    params
        .iter()
        .filter_map(Value::as_object)
        .filter(|p| p.get("key").is_some_and(|k| !is_empty(k)))
        .map(|p| {
            let mut p = p.clone();
            if str_of(&p, "type") == Some("file") {
                if let Some(value) = p.remove("value") {
                    p.insert(
                        "src".into(),
                        if value.is_string() {
                            value
                        } else {
                            Value::Null
                        },
                    );
                }
            }
            if p.remove("enabled").and_then(|e| e.as_bool()) == Some(false) {
                p.insert("disabled".into(), json!(true));
            }
            Value::Object(p)
        })
        .collect()
}

/// The URL: a string, or an object when there are `queryParams` or path variables.
pub(super) fn url(v1: &Map<String, Value>) -> Value {
    let raw = str_of(v1, "url").unwrap_or("");
    let parsed = Url::parse(raw);
    let mut query = Vec::new();
    let mut seen = HashSet::new();
    for q in list(v1, "queryParams").iter().filter_map(Value::as_object) {
        let mut q = q.clone();
        if q.remove("enabled").and_then(|e| e.as_bool()) == Some(false) {
            q.insert("disabled".into(), json!(true));
        }
        if let Some(equals) = q.remove("equals").and_then(|e| e.as_bool()) {
            match (equals, q.get("value")) {
                (true, Some(Value::Null) | None) => {
                    q.insert("value".into(), json!(""));
                }
                (false, Some(Value::String(s))) if s.is_empty() => {
                    q.insert("value".into(), Value::Null);
                }
                _ => {}
            }
        }
        seen.insert(
            q.get("key")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
        );
        query.push(Value::Object(q));
    }
    for q in &parsed.query {
        if !seen.contains(q.key.as_deref().unwrap_or("")) {
            query.push(json!({"key": q.key, "value": q.value}));
        }
    }
    let mut variables = Vec::new();
    let mut seen = HashSet::new();
    for v in list(v1, "pathVariableData")
        .iter()
        .filter_map(Value::as_object)
    {
        seen.insert(
            v.get("key")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
        );
        variables.push(Value::Object(v.clone()));
    }
    if let Some(Value::Object(map)) = v1.get("pathVariables") {
        for (k, value) in map {
            if !seen.contains(k) {
                variables.push(json!({"key": k, "value": value}));
            }
        }
    }
    if list(v1, "queryParams").is_empty() && variables.is_empty() {
        return json!(raw);
    }
    let mut out = url_to_json(&parsed);
    if let Value::Object(obj) = &mut out {
        if !query.is_empty() {
            obj.insert("query".into(), Value::Array(query));
        }
        if !variables.is_empty() {
            obj.insert("variable".into(), Value::Array(variables));
        }
    }
    out
}
