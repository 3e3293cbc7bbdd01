//! Newman's two local test servers (raw echo, redirect+echo) and a replay of every concrete
//! postman-echo.com request in Newman's integration suites against the echo clone.

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

use postie::mock::{MockOptions, MockServer};
use serde_json::Value;
use support::TestCa;

/// Sends `request` on a fresh connection and reads until the server closes it.
fn exchange(server: &MockServer, request: &[u8]) -> Vec<u8> {
    let mut conn = TcpStream::connect(server.addr).expect("connect");
    conn.write_all(request).expect("write");
    let mut answer = Vec::new();
    conn.read_to_end(&mut answer).expect("read");
    answer
}

/// Splits an answer into its head (as text) and body.
fn split(answer: &[u8]) -> (String, Vec<u8>) {
    let end = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("head end")
        + 4;
    (
        String::from_utf8_lossy(&answer[..end]).into_owned(),
        answer[end..].to_vec(),
    )
}

fn raw_request_header(head: &str) -> String {
    let line = head
        .lines()
        .find(|l| l.starts_with("raw-request: "))
        .expect("raw-request header");
    serde_json::from_str(&line["raw-request: ".len()..]).expect("JSON string")
}

#[test]
fn raw_echo_returns_the_exact_bytes_of_a_custom_method_request() {
    let server = support::raw_server();
    let request = b"POSTMAN / HTTP/1.1\r\nContent-Type: application/json\r\nHost: localhost:4041\r\nContent-Length: 16\r\n\r\n{ \"foo\": \"bar\" }";
    let (head, body) = split(&exchange(&server, request));
    assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
    assert!(head.contains("Content-Type: text/plain\r\n"));
    assert_eq!(body, request);
    assert_eq!(raw_request_header(&head).as_bytes(), request);

    let logged = server.log.last().expect("logged");
    assert_eq!(
        (logged.method.as_str(), logged.target.as_str()),
        ("POSTMAN", "/")
    );
    assert_eq!(
        logged.headers[0],
        ("Content-Type".to_string(), "application/json".to_string())
    );
    assert_eq!(logged.body, "{ \"foo\": \"bar\" }");
}

#[test]
fn raw_echo_keeps_targets_a_strict_parser_refuses() {
    let server = support::raw_server();
    let target = "/!/\"/$/%/&/'/(/)/*/+/,/-/.///0/:/;/</=/>/@/[/]/^/_/`/{/|/}/~/й";
    let request = format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1:4041\r\n\r\n");
    let (head, body) = split(&exchange(&server, request.as_bytes()));
    assert_eq!(body, request.as_bytes());
    assert_eq!(raw_request_header(&head), request);
    assert_eq!(
        server.log.last().map(|r| r.target),
        Some(target.to_string())
    );
}

#[test]
fn raw_echo_head_gets_the_header_but_no_body() {
    let server = support::raw_server();
    let form =
        "--b\r\nContent-Disposition: form-data; name=\"dataKey\"\r\n\r\nFormDataValue\r\n--b--\r\n";
    let request = format!(
        "HEAD / HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: {}\r\n\r\n{form}",
        form.len()
    );
    let (head, body) = split(&exchange(&server, request.as_bytes()));
    assert!(body.is_empty());
    let echoed = raw_request_header(&head);
    assert!(
        echoed.starts_with("HEAD / HTTP/1.1") && echoed.contains("FormDataValue"),
        "{echoed}"
    );
    assert_eq!(
        server.log.last().map(|r| r.body_text()),
        Some(form.to_string())
    );
}

#[tokio::test]
async fn raw_echo_over_tls_with_a_chunked_body_and_a_delay() {
    let ca = TestCa::new();
    let opts = MockOptions {
        raw_delay: Duration::from_millis(300),
        ..ca.mock_options()
    };
    let server = MockServer::start_raw_echo(opts).expect("server");
    let client = support::client(&ca, &[("localhost", server.addr)]);
    let chunks: Vec<Result<&'static str, std::io::Error>> = vec![Ok("hello "), Ok("world")];
    let body = reqwest::Body::wrap_stream(futures_util::stream::iter(chunks));
    let started = Instant::now();
    let response = client
        .put(format!("https://localhost:{}/up?x=1", server.port()))
        .body(body)
        .send()
        .await
        .expect("send");
    assert!(started.elapsed() >= Duration::from_millis(300));
    let echoed = response.headers()["raw-request"]
        .to_str()
        .expect("ascii")
        .to_string();
    let text = response.text().await.expect("body");
    assert!(text.starts_with("PUT /up?x=1 HTTP/1.1\r\n"), "{text}");
    assert!(text.contains("transfer-encoding: chunked\r\n"), "{text}");
    assert!(text.ends_with("0\r\n\r\n"), "{text}");
    assert_eq!(
        serde_json::from_str::<String>(&echoed).expect("JSON string"),
        text
    );
    let logged = server.log.last().expect("logged");
    assert!(logged.tls);
    assert_eq!(logged.sni.as_deref(), Some("localhost"));
    assert_eq!(logged.body, "hello world");
}

async fn json_of(response: reqwest::Response) -> Value {
    serde_json::from_slice(&response.bytes().await.expect("body")).expect("JSON")
}

#[tokio::test]
async fn redirect_server_chains_and_statuses() {
    let ca = TestCa::new();
    let server = support::redirect_server();
    let manual = support::client(&ca, &[]);
    let following = support::client_builder(&ca, &[])
        .redirect(reqwest::redirect::Policy::limited(11))
        .build()
        .expect("client");

    let response = manual
        .get(format!("{}/3", server.url()))
        .send()
        .await
        .expect("send");
    assert_eq!(
        (
            response.status().as_u16(),
            response.headers()["location"].to_str().ok()
        ),
        (302, Some("/2"))
    );

    let response = following
        .get(format!("{}/1", server.url()))
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let body = json_of(response).await;
    assert_eq!(
        (&body["url"], &body["method"], &body["data"]),
        (&"/".into(), &"GET".into(), &"".into())
    );
    assert_eq!(body["headers"]["referer"], format!("{}/1", server.url()));

    server.log.clear();
    let response = following
        .post(format!("{}/11", server.url()))
        .send()
        .await
        .expect("send");
    assert_eq!(json_of(response).await["method"], "GET");
    let targets: Vec<String> = server.log.entries().into_iter().map(|r| r.target).collect();
    assert_eq!(targets.len(), 12);
    assert_eq!(
        (
            targets[0].as_str(),
            targets[10].as_str(),
            targets[11].as_str()
        ),
        ("/11", "/1", "/")
    );
}

#[tokio::test]
async fn redirect_server_307_and_308_keep_method_and_body() {
    let ca = TestCa::new();
    let server = support::redirect_server_tls(&ca);
    let client = support::client_builder(&ca, &[("localhost", server.addr)])
        .redirect(reqwest::redirect::Policy::limited(5))
        .build()
        .expect("client");
    let url = |path: &str| format!("https://localhost:{}{path}", server.port());

    let body = json_of(
        client
            .put(url("/status/307"))
            .body("POSTMAN")
            .send()
            .await
            .expect("send"),
    )
    .await;
    assert_eq!(
        (&body["url"], &body["method"], &body["data"]),
        (&"/".into(), &"PUT".into(), &"POSTMAN".into())
    );

    let form = "--z\r\nContent-Disposition: form-data; name=\"key1\"\r\n\r\nPOSTMAN\r\n--z--\r\n";
    let request = client
        .post(url("/status/308"))
        .header("content-type", "multipart/form-data; boundary=z")
        .body(form);
    let body = json_of(request.send().await.expect("send")).await;
    assert_eq!(body["method"], "POST");
    assert_eq!(body["data"], form);
    let log = server.log.entries();
    assert_eq!(log.len(), 4);
    assert!(log.iter().all(|r| r.tls));
    assert_eq!(log[3].body, form);
}

/// Every request in Newman's suites that names postman-echo.com without variables, as (method, URL).
fn suite_requests(dir: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(
                std::fs::read_dir(&path)
                    .expect("read dir")
                    .map(|e| e.expect("entry").path()),
            );
        } else if path.to_string_lossy().ends_with(".postman_collection.json") {
            let text = std::fs::read(&path).expect("read collection");
            let text = String::from_utf8_lossy(&text);
            if let Ok(json) = serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}')) {
                collect(&json, &mut found);
            }
        }
    }
    found
}

fn collect(node: &Value, found: &mut Vec<(String, String)>) {
    match node {
        Value::Object(object) => {
            let request = object
                .get("request")
                .filter(|_| object.contains_key("name") || object.contains_key("request"));
            let (method, url) = match request {
                Some(Value::String(url)) => (None, Some(url.clone())),
                Some(Value::Object(r)) => (
                    r.get("method").and_then(Value::as_str),
                    url_of(r.get("url")),
                ),
                _ => (None, None),
            };
            if let Some(url) = url.filter(|u| u.contains("postman-echo.com") && !u.contains("{{")) {
                found.push((method.unwrap_or("GET").to_string(), url));
            }
            object.values().for_each(|v| collect(v, found));
        }
        Value::Array(items) => items.iter().for_each(|v| collect(v, found)),
        _ => {}
    }
}

fn url_of(url: Option<&Value>) -> Option<String> {
    match url? {
        Value::String(raw) => Some(raw.clone()),
        Value::Object(parts) => parts.get("raw").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    }
}

#[tokio::test]
async fn every_concrete_echo_request_in_newmans_suites_has_a_route() {
    let Some(shared) = support::shared_dir() else {
        return;
    };
    let suites = shared.join("compat/newman/integration");
    let requests = suite_requests(&suites);
    assert!(
        requests.len() > 40,
        "found only {} requests",
        requests.len()
    );

    let ca = TestCa::new();
    let server = support::echo_server_tls(&ca);
    let client = support::client(&ca, &[("postman-echo.com", server.addr)]);
    let mut sent = 0;
    for (method, raw) in requests {
        let with_scheme = if raw.starts_with("http") {
            raw.clone()
        } else {
            format!("https://{raw}")
        };
        let Ok(mut url) = url::Url::parse(&with_scheme) else {
            continue;
        };
        if url.host_str() != Some("postman-echo.com")
            || url.scheme() != "https"
            || url.set_port(Some(server.port())).is_err()
        {
            continue;
        }
        if url.path().starts_with("/delay/") {
            url.set_path("/delay/0"); // the route, not the wait, is under test
        }
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap_or(reqwest::Method::GET);
        let response = client
            .request(method.clone(), url.as_str())
            .send()
            .await
            .expect("send");
        let status = response.status().as_u16();
        assert!(
            status != 404 && status < 500,
            "{method} {raw} answered {status}"
        );
        sent += 1;
    }
    assert!(sent > 40, "sent only {sent}");
    assert_eq!(server.log.len(), sent);
}
