//! Harness for the sandbox tests: a hyper echo server on 127.0.0.1:0, a ScriptHost that sends
//! `pm.sendRequest` requests to it over a real connection and keeps a fake cookie jar, and
//! helpers to run one script and read its events.
#![allow(dead_code)]

use bytes::Bytes;
use futures_util::future::LocalBoxFuture;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use postie::http::{Exchange, Response, SentRequest};
use postie::script::{
    ErrorInfo, Listen, Sandbox, SandboxOptions, ScriptEvent, ScriptHost, ScriptInfo, ScriptInput,
    ScriptOutcome,
};
use postie::vars::Scopes;
use serde_json::{json, Value};
use std::cell::RefCell;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::net::{TcpListener, TcpStream};

/// A request the echo server saw.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

/// The echo server: answers every request with JSON describing it. Paths:
/// `/status/<code>` answers with that status; `/set-cookie?k=v` sets a cookie;
/// `/together/<n>` answers only once n such requests are in flight (or after 5 s, with
/// `"together": false`); `/xml` answers an XML body; `/bytes` answers 0..=255.
pub struct EchoServer {
    pub addr: SocketAddr,
    pub seen: Arc<Mutex<Vec<Seen>>>,
}

impl EchoServer {
    pub fn start() -> EchoServer {
        let (tx, rx) = std::sync::mpsc::channel();
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let log = seen.clone();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("server runtime");
            rt.block_on(serve(tx, log));
        });
        let addr = rx.recv().expect("server address");
        EchoServer { addr, seen }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{}", self.addr.port(), path)
    }

    pub fn requests(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

async fn serve(tx: std::sync::mpsc::Sender<SocketAddr>, log: Arc<Mutex<Vec<Seen>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    tx.send(listener.local_addr().expect("addr"))
        .expect("send addr");
    let waiting: Arc<(Mutex<usize>, tokio::sync::Notify)> = Arc::default();
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let log = log.clone();
        let waiting = waiting.clone();
        tokio::spawn(async move {
            let svc = service_fn(move |req| answer(req, log.clone(), waiting.clone()));
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), svc)
                .await;
        });
    }
}

async fn answer(
    req: hyper::Request<Incoming>,
    log: Arc<Mutex<Vec<Seen>>>,
    waiting: Arc<(Mutex<usize>, tokio::sync::Notify)>,
) -> Result<hyper::Response<Full<Bytes>>, hyper::Error> {
    let method = req.method().to_string();
    let target = req.uri().to_string();
    let headers: Vec<(String, String)> = req
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    let body = req.into_body().collect().await?.to_bytes();
    let body = String::from_utf8_lossy(&body).into_owned();
    log.lock().unwrap().push(Seen {
        method: method.clone(),
        target: target.clone(),
        headers: headers.clone(),
        body: body.clone(),
    });
    let path = target.split('?').next().unwrap_or("").to_string();
    let query = target.split_once('?').map(|(_, q)| q.to_string());
    let mut builder = hyper::Response::builder().header("X-Echo", "yes");
    let mut status = 200u16;
    let mut extra = json!(null);
    if let Some(code) = path.strip_prefix("/status/") {
        status = code.parse().unwrap_or(500);
    } else if path == "/set-cookie" {
        for pair in query.clone().unwrap_or_default().split('&') {
            builder = builder.header("Set-Cookie", format!("{pair}; Path=/"));
        }
    } else if let Some(n) = path.strip_prefix("/together/") {
        let n: usize = n.parse().unwrap_or(1);
        let (count, notify) = &*waiting;
        *count.lock().unwrap() += 1;
        notify.notify_waiters();
        let deadline = Instant::now() + Duration::from_secs(5);
        let together = loop {
            let note = notify.notified();
            if *count.lock().unwrap() >= n {
                break true;
            }
            if tokio::time::timeout_at(deadline.into(), note)
                .await
                .is_err()
            {
                break false;
            }
        };
        extra = json!(together);
    } else if path == "/xml" {
        let body = "<a><b>1</b></a>";
        return Ok(builder
            .header("Content-Type", "application/xml")
            .body(Full::new(Bytes::from(body)))
            .expect("response"));
    } else if path == "/bytes" {
        let body: Vec<u8> = (0..=255u8).collect();
        return Ok(builder
            .header("Content-Type", "application/octet-stream")
            .body(Full::new(Bytes::from(body)))
            .expect("response"));
    }
    let header_map: serde_json::Map<String, Value> = headers
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    let out = json!({
        "method": method, "path": path, "query": query, "headers": header_map, "body": body,
        "together": extra,
    });
    Ok(builder
        .status(status)
        .header("Content-Type", "application/json; charset=utf-8")
        .body(Full::new(Bytes::from(out.to_string())))
        .expect("response"))
}

/// A cookie in the fake jar.
#[derive(Debug, Clone, PartialEq)]
pub struct JarCookie {
    pub name: String,
    pub value: String,
    pub domain: String,
    pub path: String,
    pub http_only: bool,
    pub secure: bool,
}

impl JarCookie {
    fn json(&self) -> Value {
        json!({"name": self.name, "value": self.value, "domain": self.domain, "path": self.path,
               "expires": null, "httpOnly": self.http_only, "secure": self.secure,
               "hostOnly": true})
    }
}

/// The test host: sendRequest over a real connection, a fake cookie jar keyed by host.
#[derive(Default)]
pub struct TestHost {
    pub jar: RefCell<Vec<JarCookie>>,
    pub calls: RefCell<Vec<(String, Value)>>,
    pub sent: RefCell<Vec<Value>>,
}

fn host_of(url: &str) -> Option<String> {
    url::Url::parse(url).ok()?.host_str().map(str::to_string)
}

impl TestHost {
    fn jar_call(&self, op: &str, args: &Value) -> Result<Value, String> {
        let url = args["url"].as_str().ok_or("no url")?;
        let host = host_of(url).ok_or_else(|| format!("bad url {url}"))?;
        let mut jar = self.jar.borrow_mut();
        match op {
            "cookies.get" => {
                let name = args["name"].as_str().unwrap_or("");
                Ok(jar
                    .iter()
                    .find(|c| c.domain == host && c.name == name)
                    .map(JarCookie::json)
                    .unwrap_or(Value::Null))
            }
            "cookies.getAll" => Ok(Value::Array(
                jar.iter()
                    .filter(|c| c.domain == host)
                    .filter(|c| args["http"].as_bool() != Some(false) || !c.http_only)
                    .map(JarCookie::json)
                    .collect(),
            )),
            "cookies.set" => {
                let c = &args["cookie"];
                let name = c["name"].as_str().ok_or("cookie without a name")?;
                let cookie = JarCookie {
                    name: name.to_string(),
                    value: c["value"].as_str().unwrap_or("").to_string(),
                    domain: c["domain"].as_str().unwrap_or(&host).to_string(),
                    path: c["path"].as_str().unwrap_or("/").to_string(),
                    http_only: c["httpOnly"].as_bool().unwrap_or(false),
                    secure: c["secure"].as_bool().unwrap_or(false),
                };
                jar.retain(|x| !(x.domain == cookie.domain && x.name == cookie.name));
                let out = cookie.json();
                jar.push(cookie);
                Ok(out)
            }
            "cookies.unset" => {
                let name = args["name"].as_str().unwrap_or("");
                jar.retain(|c| !(c.domain == host && c.name == name));
                Ok(Value::Null)
            }
            "cookies.clear" => {
                jar.retain(|c| c.domain != host);
                Ok(Value::Null)
            }
            other => Err(format!("unknown op {other}")),
        }
    }
}

impl ScriptHost for TestHost {
    fn send_request(&self, request: Value) -> LocalBoxFuture<'_, Result<Exchange, ErrorInfo>> {
        self.sent.borrow_mut().push(request.clone());
        Box::pin(send(request))
    }

    fn call(&self, op: &str, args: Value) -> Result<Value, String> {
        self.calls.borrow_mut().push((op.to_string(), args.clone()));
        self.jar_call(op, &args)
    }
}

/// The URL of a sendRequest request (a string, or a v2.1 object whose `raw` the prelude fills).
fn url_of(request: &Value) -> String {
    match request {
        Value::String(s) => s.clone(),
        other => match &other["url"] {
            Value::String(s) => s.clone(),
            u => u["raw"].as_str().unwrap_or("").to_string(),
        },
    }
}

async fn send(request: Value) -> Result<Exchange, ErrorInfo> {
    let url = url_of(&request);
    let parsed = url::Url::parse(&url).map_err(|e| ErrorInfo::new("Error", e.to_string()))?;
    let addr = format!(
        "{}:{}",
        parsed.host_str().unwrap_or(""),
        parsed.port_or_known_default().unwrap_or(80)
    );
    let stream = TcpStream::connect(&addr)
        .await
        .map_err(|e| ErrorInfo::new("Error", format!("connect ECONNREFUSED {addr} ({e})")))?;
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| ErrorInfo::new("Error", e.to_string()))?;
    tokio::task::spawn_local(conn);
    let method = request["method"].as_str().unwrap_or("GET").to_string();
    let target = match parsed.query() {
        Some(q) => format!("{}?{q}", parsed.path()),
        None => parsed.path().to_string(),
    };
    let mut builder = hyper::Request::builder()
        .method(method.as_str())
        .uri(target)
        .header("Host", addr.clone());
    let mut headers = Vec::new();
    if let Some(list) = request["header"].as_array() {
        for h in list {
            let (k, v) = (
                h["key"].as_str().unwrap_or(""),
                h["value"].as_str().unwrap_or(""),
            );
            builder = builder.header(k, v);
            headers.push((k.to_string(), v.to_string()));
        }
    }
    let body = match request["body"]["mode"].as_str() {
        Some("raw") => request["body"]["raw"].as_str().unwrap_or("").to_string(),
        Some("urlencoded") => request["body"]["urlencoded"]
            .as_array()
            .map(|l| {
                l.iter()
                    .map(|p| {
                        format!(
                            "{}={}",
                            p["key"].as_str().unwrap_or(""),
                            p["value"].as_str().unwrap_or("")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("&")
            })
            .unwrap_or_default(),
        _ => String::new(),
    };
    let started = Instant::now();
    let req = builder
        .body(Full::new(Bytes::from(body.clone())))
        .map_err(|e| ErrorInfo::new("Error", e.to_string()))?;
    let res = sender
        .send_request(req)
        .await
        .map_err(|e| ErrorInfo::new("Error", e.to_string()))?;
    let code = res.status().as_u16();
    let status = res.status().canonical_reason().unwrap_or("").to_string();
    let res_headers: Vec<(String, String)> = res
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    let bytes = res
        .into_body()
        .collect()
        .await
        .map_err(|e| ErrorInfo::new("Error", e.to_string()))?
        .to_bytes();
    Ok(Exchange {
        request: SentRequest {
            method,
            url: url.clone(),
            scheme_implied: false,
            headers,
            body: Some(body),
        },
        response: Response {
            code,
            status,
            headers: res_headers,
            body: bytes,
            response_time: started.elapsed().as_secs_f64() * 1000.0,
            url,
            ..Response::default()
        },
        redirects: Vec::new(),
        ..Exchange::default()
    })
}

/// What a test gives one script.
pub struct Script<'a> {
    pub listen: Listen,
    pub code: &'a str,
    pub request: Value,
    pub response: Option<Response>,
    pub cookies: Vec<Value>,
    pub info: ScriptInfo,
}

impl<'a> Script<'a> {
    pub fn test(code: &'a str) -> Self {
        Script {
            listen: Listen::Test,
            code,
            request: json!({"url": "http://example.com/path?a=1", "method": "GET", "header": []}),
            response: Some(json_response(200, "OK", r#"{"ok":true}"#)),
            cookies: Vec::new(),
            info: info(),
        }
    }
    pub fn pre(code: &'a str) -> Self {
        Script {
            listen: Listen::Prerequest,
            response: None,
            ..Script::test(code)
        }
    }
}

pub fn info() -> ScriptInfo {
    ScriptInfo {
        iteration: 0,
        iteration_count: 2,
        request_name: "Get thing".into(),
        request_id: "req-1".into(),
        location: vec!["Coll".into(), "Folder".into(), "Get thing".into()],
        current: "Get thing".into(),
    }
}

pub fn json_response(code: u16, status: &str, body: &str) -> Response {
    Response {
        code,
        status: status.into(),
        headers: vec![
            (
                "Content-Type".into(),
                "application/json; charset=utf-8".into(),
            ),
            ("X-Thing".into(), "one".into()),
            ("Set-Cookie".into(), "a=1; Path=/".into()),
        ],
        body: Bytes::from(body.to_string()),
        response_time: 12.4,
        url: "http://example.com/path?a=1".into(),
        ..Response::default()
    }
}

/// One script's outcome, and the request JSON after it.
pub struct Ran {
    pub out: ScriptOutcome,
    pub request: Value,
}

/// Runs one script in `sb` on a fresh current-thread runtime (inside a LocalSet, for the
/// connection tasks of the test host).
pub fn run_with(
    sb: &mut Sandbox,
    host: &dyn ScriptHost,
    scopes: &mut Scopes,
    s: Script<'_>,
) -> Ran {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let local = tokio::task::LocalSet::new();
    let mut request = s.request;
    let input = ScriptInput {
        listen: s.listen,
        code: s.code,
        scopes,
        request: &mut request,
        response: s.response.as_ref(),
        cookies: s.cookies,
        info: s.info,
    };
    let out = local.block_on(&rt, sb.run(input, host));
    Ran { out, request }
}

pub fn sandbox() -> Sandbox {
    Sandbox::new(&SandboxOptions::default()).expect("sandbox")
}

/// Runs one script in a fresh sandbox with empty scopes and a default host.
pub fn run(s: Script<'_>) -> (Ran, Scopes) {
    let mut scopes = Scopes::default();
    let ran = run_with(&mut sandbox(), &TestHost::default(), &mut scopes, s);
    (ran, scopes)
}

/// The events as short lines: `log 'x'`, `ok 0 name`, `FAIL 1 name: Error: msg`, `skip 2 name`,
/// `request GET url -> 200`, `request-error url: msg`.
pub fn lines(out: &ScriptOutcome) -> Vec<String> {
    out.events
        .iter()
        .map(|e| match e {
            ScriptEvent::Console(c) => format!("{} {}", c.level, c.messages.join(", ")),
            ScriptEvent::Assertion(a) if a.skipped => format!("skip {} {}", a.index, a.name),
            ScriptEvent::Assertion(a) => match &a.error {
                None => format!("ok {} {}", a.index, a.name),
                Some(err) => format!("FAIL {} {}: {}: {}", a.index, a.name, err.name, err.message),
            },
            ScriptEvent::Request(r) => match &**r {
                Ok(x) => format!(
                    "request {} {} -> {}",
                    x.request.method, x.request.url, x.response.code
                ),
                Err((req, e)) => format!("request-error {}: {}", url_of(req), e.message),
            },
        })
        .collect()
}

/// Asserts the script ran without a script error and returns its event lines.
#[track_caller]
pub fn clean(ran: &Ran) -> Vec<String> {
    assert!(
        ran.out.error.is_none(),
        "script error: {:?}\nevents: {:#?}",
        ran.out.error,
        lines(&ran.out)
    );
    lines(&ran.out)
}

/// Runs a test script that only reports through pm.test, and asserts every test passed.
#[track_caller]
pub fn all_pass(code: &str) -> Vec<String> {
    let (ran, _) = run(Script::test(code));
    let l = clean(&ran);
    let failed: Vec<&String> = l.iter().filter(|x| x.starts_with("FAIL")).collect();
    assert!(failed.is_empty(), "failed: {failed:#?}");
    assert!(
        l.iter().any(|x| x.starts_with("ok ")),
        "no test ran: {l:#?}"
    );
    l
}
