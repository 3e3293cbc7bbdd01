//! The pieces of Newman's JSON report, as serde views over `run`'s data (borrowed, nothing
//! copied but small strings): cursor, item, request, response, assertions, errors, failures,
//! stats, timings, variable scopes.

use crate::collection::Variable;
use crate::run::{
    Abort, AssertionResult, Cursor, ErrorInfo, Execution, Failure, FailureAt, ItemRef,
    ResponseSummary, SentRequest, Stat, Stats, Timings,
};
use serde::Serialize;
use serde_json::{json, Value};

/// Newman's `cursor` (position in the run, plus the flags postman-runtime adds).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CursorJson<'a> {
    position: usize,
    iteration: usize,
    length: usize,
    cycles: usize,
    empty: bool,
    eof: bool,
    bof: bool,
    cr: bool,
    #[serde(rename = "ref")]
    ref_id: &'a str,
    http_request_id: &'a str,
}

impl<'a> CursorJson<'a> {
    pub fn new(cursor: &'a Cursor) -> Self {
        CursorJson {
            position: cursor.position,
            iteration: cursor.iteration,
            length: cursor.length,
            cycles: cursor.cycles,
            empty: cursor.length == 0,
            eof: cursor.length > 0 && cursor.position + 1 >= cursor.length,
            bof: cursor.position == 0,
            cr: false,
            ref_id: &cursor.ref_id,
            http_request_id: &cursor.ref_id,
        }
    }
}

#[derive(Serialize)]
pub struct ItemJson<'a> {
    id: &'a str,
    name: &'a str,
}

impl<'a> ItemJson<'a> {
    pub fn new(item: &'a ItemRef) -> Self {
        ItemJson {
            id: &item.id,
            name: &item.name,
        }
    }
}

#[derive(Serialize)]
pub struct HeaderJson<'a> {
    key: &'a str,
    value: &'a str,
}

fn headers(list: &[(String, String)]) -> Vec<HeaderJson<'_>> {
    list.iter()
        .map(|(key, value)| HeaderJson { key, value })
        .collect()
}

/// `{name, message, stack?, test?, index?}`.
#[derive(Serialize)]
pub struct ErrorJson<'a> {
    name: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    stack: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    test: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<usize>,
}

impl<'a> ErrorJson<'a> {
    pub fn new(error: &'a ErrorInfo) -> Self {
        ErrorJson {
            name: &error.name,
            message: &error.message,
            stack: error.stack.as_deref(),
            test: None,
            index: None,
        }
    }
}

/// The request as sent: `url` as postman-collection's Url JSON (plus `raw`).
#[derive(Serialize)]
pub struct RequestJson<'a> {
    url: Value,
    method: &'a str,
    header: Vec<HeaderJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<Value>,
}

impl<'a> RequestJson<'a> {
    pub fn new(request: &'a SentRequest) -> Self {
        RequestJson {
            url: url_json(&request.url),
            method: &request.method,
            header: headers(&request.headers),
            body: request
                .body
                .as_ref()
                .map(|raw| json!({"mode": "raw", "raw": raw})),
        }
    }
}

/// `{protocol, auth?, host:[…], port?, path:[…], query:[{key, value}], hash?, raw}`.
fn url_json(raw: &str) -> Value {
    let Ok(url) = url::Url::parse(raw) else {
        return json!({ "raw": raw });
    };
    let mut out = serde_json::Map::new();
    out.insert("raw".into(), raw.into());
    out.insert("protocol".into(), url.scheme().into());
    if !url.username().is_empty() {
        out.insert(
            "auth".into(),
            json!({"user": url.username(), "password": url.password().unwrap_or("")}),
        );
    }
    let host: Vec<&str> = url.host_str().unwrap_or("").split('.').collect();
    out.insert("host".into(), json!(host));
    if let Some(port) = url.port() {
        out.insert("port".into(), port.to_string().into());
    }
    let path: Vec<&str> = url.path().trim_start_matches('/').split('/').collect();
    out.insert("path".into(), json!(path));
    let query: Vec<Value> = url
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => json!({"key": k, "value": v}),
            None => json!({"key": pair, "value": null}),
        })
        .collect();
    out.insert("query".into(), query.into());
    if let Some(hash) = url.fragment() {
        out.insert("hash".into(), hash.into());
    }
    out.insert("variable".into(), json!([]));
    Value::Object(out)
}

/// A response body as Node's `Buffer.toJSON()`: `{"type":"Buffer","data":[…bytes]}`.
pub struct BufferJson<'a>(&'a [u8]);

impl Serialize for BufferJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("type", "Buffer")?;
        map.serialize_entry("data", self.0)?;
        map.end()
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseJson<'a> {
    id: String,
    status: &'a str,
    code: u16,
    header: Vec<HeaderJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stream: Option<BufferJson<'a>>,
    cookie: [(); 0],
    response_time: f64,
    response_size: usize,
    /// With `--verbose`: the phases as postman-collection's `timingPhases` names them.
    #[serde(skip_serializing_if = "Option::is_none")]
    timing_phases: Option<Value>,
    /// With `--retry`: how many times the request was sent again (left out when 0).
    #[serde(skip_serializing_if = "is_zero")]
    retries: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl<'a> ResponseJson<'a> {
    pub fn new(response: &'a ResponseSummary, bodies: bool) -> Self {
        ResponseJson {
            id: uuid::Uuid::new_v4().to_string(),
            status: &response.status,
            code: response.code,
            header: headers(&response.headers),
            stream: response.body.as_deref().filter(|_| bodies).map(BufferJson),
            cookie: [],
            response_time: response.response_time,
            response_size: response.response_size,
            timing_phases: response.phases.as_ref().map(|p| {
                json!({
                    "dns": p.dns,
                    "tcp": p.connect,
                    "secureHandshake": p.tls,
                    "firstByte": p.first_byte,
                    "download": p.download,
                    "total": p.total,
                })
            }),
            retries: response.retries,
        }
    }
}

#[derive(Serialize)]
pub struct AssertionJson<'a> {
    assertion: &'a str,
    skipped: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorJson<'a>>,
}

impl<'a> AssertionJson<'a> {
    pub fn new(assertion: &'a AssertionResult) -> Self {
        let error = assertion.error.as_ref().map(|e| ErrorJson {
            test: Some(&assertion.name),
            index: Some(assertion.index),
            ..ErrorJson::new(e)
        });
        AssertionJson {
            assertion: &assertion.name,
            skipped: assertion.skipped,
            error,
        }
    }
}

/// `{"error": {...}}`, one per failed script of an execution.
#[derive(Serialize)]
pub struct ScriptErrorJson<'a> {
    error: ErrorJson<'a>,
}

fn script_errors(errors: &[ErrorInfo]) -> Option<Vec<ScriptErrorJson<'_>>> {
    (!errors.is_empty()).then(|| {
        errors
            .iter()
            .map(|e| ScriptErrorJson {
                error: ErrorJson::new(e),
            })
            .collect()
    })
}

/// One entry of `run.executions`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExecutionJson<'a> {
    cursor: CursorJson<'a>,
    item: ItemJson<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    request: Option<RequestJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    response: Option<ResponseJson<'a>>,
    id: &'a str,
    assertions: Vec<AssertionJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    request_error: Option<ErrorJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    prerequest_script: Option<Vec<ScriptErrorJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    test_script: Option<Vec<ScriptErrorJson<'a>>>,
}

impl<'a> ExecutionJson<'a> {
    pub fn new(execution: &'a Execution, bodies: bool) -> Self {
        ExecutionJson {
            cursor: CursorJson::new(&execution.cursor),
            item: ItemJson::new(&execution.item),
            request: execution.request.as_ref().map(RequestJson::new),
            response: execution
                .response
                .as_ref()
                .map(|r| ResponseJson::new(r, bodies)),
            id: &execution.item.id,
            assertions: execution
                .assertions
                .iter()
                .map(AssertionJson::new)
                .collect(),
            request_error: execution.request_error.as_ref().map(ErrorJson::new),
            prerequest_script: script_errors(&execution.prerequest_errors),
            test_script: script_errors(&execution.test_errors),
        }
    }
}

/// One entry of `run.failures`.
#[derive(Serialize)]
pub struct FailureJson<'a> {
    error: ErrorJson<'a>,
    at: String,
    source: ItemJson<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<Value>,
    cursor: CursorJson<'a>,
}

impl<'a> FailureJson<'a> {
    pub fn new(failure: &'a Failure) -> Self {
        let index = match failure.at {
            FailureAt::Assertion { index, .. } => Some(index),
            _ => None,
        };
        FailureJson {
            error: ErrorJson {
                test: failure.test.as_deref(),
                index,
                ..ErrorJson::new(&failure.error)
            },
            at: failure.at.to_string(),
            source: ItemJson::new(&failure.item),
            parent: failure
                .item
                .folders
                .last()
                .map(|name| json!({ "name": name })),
            cursor: CursorJson::new(&failure.cursor),
        }
    }
}

fn stat(s: &Stat) -> Value {
    json!({"total": s.total, "pending": s.pending, "failed": s.failed})
}

/// `run.stats`.
pub fn stats(s: &Stats) -> Value {
    json!({
        "iterations": stat(&s.iterations),
        "items": stat(&s.items),
        "scripts": stat(&s.scripts),
        "prerequests": stat(&s.prerequests),
        "requests": stat(&s.requests),
        "tests": stat(&s.tests),
        "assertions": stat(&s.assertions),
        "testScripts": stat(&s.test_scripts),
        "prerequestScripts": stat(&s.prerequest_scripts),
    })
}

/// `run.timings`.
pub fn timings(t: &Timings) -> Value {
    json!({
        "responseAverage": t.response_average,
        "responseMin": t.response_min,
        "responseMax": t.response_max,
        "responseSd": t.response_sd,
        "dnsAverage": t.dns_average,
        "dnsMin": t.dns_min,
        "dnsMax": t.dns_max,
        "dnsSd": t.dns_sd,
        "firstByteAverage": t.first_byte_average,
        "firstByteMin": t.first_byte_min,
        "firstByteMax": t.first_byte_max,
        "firstByteSd": t.first_byte_sd,
        "started": t.started,
        "completed": t.completed,
    })
}

/// `run.error`: why the run stopped early, or null (`--bail` is not an error).
pub fn run_error(abort: Option<&Abort>) -> Value {
    match abort {
        None | Some(Abort::Bail) => Value::Null,
        Some(Abort::Timeout { after_ms }) => json!({
            "name": "Error",
            "message": "callback timed out",
            "timeout": after_ms,
        }),
        Some(Abort::Interrupted) => json!({"name": "Error", "message": "run interrupted"}),
        Some(Abort::Error(e)) => serde_json::to_value(ErrorJson::new(e)).unwrap_or(Value::Null),
    }
}

/// `{id, name?, values: [{key, value, type, enabled}]}` of an environment or globals scope.
pub fn scope(id: Option<&str>, name: Option<&str>, values: &[Variable]) -> Value {
    let values: Vec<Value> = values
        .iter()
        .map(|v| json!({"key": v.key, "value": v.value, "type": v.kind, "enabled": v.enabled}))
        .collect();
    let mut out = serde_json::Map::new();
    out.insert("id".into(), id.map_or(Value::Null, Value::from));
    if let Some(name) = name {
        out.insert("name".into(), name.into());
    }
    out.insert("values".into(), values.into());
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_json_splits_like_postman() {
        let url = url_json("http://u:p@127.0.0.1:3456/a/b?q=v1&flag#top");
        assert_eq!(url["protocol"], "http");
        assert_eq!(url["host"], json!(["127", "0", "0", "1"]));
        assert_eq!(url["port"], "3456");
        assert_eq!(url["path"], json!(["a", "b"]));
        assert_eq!(
            url["query"],
            json!([{"key": "q", "value": "v1"}, {"key": "flag", "value": null}])
        );
        assert_eq!(url["hash"], "top");
        assert_eq!(url["auth"]["user"], "u");
        assert_eq!(url_json("not a url"), json!({"raw": "not a url"}));
    }

    #[test]
    fn buffers_serialize_like_node() {
        let text = serde_json::to_string(&BufferJson(b"hi")).unwrap();
        assert_eq!(text, r#"{"type":"Buffer","data":[104,105]}"#);
    }
}
