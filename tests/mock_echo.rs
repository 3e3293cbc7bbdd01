//! The postman-echo clone's core: method routes, the echo shape, body parsing, plain and TLS on one
//! port, HTTP/2, and what the request log records.

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;

use base64::Engine as _;
use reqwest::Method;
use serde_json::{json, Value};
use support::TestCa;

async fn send(request: reqwest::RequestBuilder) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
    let response = request.send().await.expect("request");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response.bytes().await.expect("body").to_vec();
    (status, headers, body)
}

fn json_of(body: &[u8]) -> Value {
    serde_json::from_slice(body).expect("JSON body")
}

#[tokio::test]
async fn get_echoes_args_headers_and_url() {
    let ca = TestCa::new();
    let server = support::echo_server();
    let client = support::client(&ca, &[]);
    let url = format!(
        "{}/get?foo=bar&hi=hello&hi=lolol&empty=&bare&&sp=a+b%20c",
        server.url()
    );
    let (status, headers, body) = send(client.get(&url).header("X-Custom", "yes")).await;

    assert_eq!(status, 200);
    assert_eq!(headers["content-type"], "application/json; charset=utf-8");
    let body = json_of(&body);
    let args =
        json!({"foo": "bar", "hi": ["hello", "lolol"], "empty": "", "bare": "", "sp": "a b c"});
    assert_eq!(body["args"], args);
    assert_eq!(body["url"], url);
    let echoed = &body["headers"];
    assert_eq!(echoed["host"], server.addr.to_string());
    assert_eq!(echoed["x-forwarded-proto"], "http");
    assert_eq!(echoed["x-forwarded-port"], "80");
    assert_eq!(echoed["x-custom"], "yes");
    assert_eq!(
        body.as_object().map(|o| o.len()),
        Some(3),
        "only args, headers, url: {body}"
    );

    let logged = server.log.last().expect("logged");
    assert_eq!(logged.method, "GET");
    assert_eq!(
        logged.target,
        "/get?foo=bar&hi=hello&hi=lolol&empty=&bare&&sp=a+b%20c"
    );
    assert_eq!(logged.header("x-custom"), Some("yes"));
    assert!(!logged.tls);
    assert_eq!(logged.sni, None);
}

#[tokio::test]
async fn plain_http_and_tls_share_one_port() {
    let ca = TestCa::new();
    let server = support::echo_server_tls(&ca);
    let client = support::client(&ca, &[("postman-echo.com", server.addr)]);
    let port = server.port();

    let tls_url = format!("https://postman-echo.com:{port}/get?via=tls");
    let (status, _, body) = send(client.get(&tls_url)).await;
    assert_eq!(status, 200);
    let body = json_of(&body);
    assert_eq!(body["url"], tls_url);
    assert_eq!(body["headers"]["x-forwarded-proto"], "https");
    assert_eq!(body["headers"]["x-forwarded-port"], "443");
    assert_eq!(body["headers"]["host"], format!("postman-echo.com:{port}"));

    let plain_url = format!("http://postman-echo.com:{port}/get?via=plain");
    let body = json_of(&send(client.get(&plain_url)).await.2);
    assert_eq!(body["url"], plain_url);
    assert_eq!(body["headers"]["x-forwarded-proto"], "http");

    let log = server.log.entries();
    assert_eq!(log.len(), 2);
    assert!(log[0].tls);
    assert_eq!(log[0].sni.as_deref(), Some("postman-echo.com"));
    assert_eq!(log[0].target, "/get?via=tls");
    assert!(!log[1].tls);
    assert_eq!(log[1].sni, None);
}

#[tokio::test]
async fn url_uses_the_host_header_the_client_sent() {
    let ca = TestCa::new();
    let server = support::echo_server_tls(&ca);
    let client = support::client(&ca, &[("postman-echo.com", server.addr)]);
    let url = format!(
        "https://postman-echo.com:{}/get?foo=%0Abar%0A",
        server.port()
    );
    let body = json_of(
        &send(client.get(&url).header("host", "postman-echo.com"))
            .await
            .2,
    );
    assert_eq!(body["url"], "https://postman-echo.com/get?foo=%0Abar%0A");
    assert_eq!(body["args"]["foo"], "\nbar\n");
    assert_eq!(
        server
            .log
            .last()
            .and_then(|r| r.header("host").map(str::to_owned)),
        Some("postman-echo.com".into())
    );
}

#[tokio::test]
async fn bodies_are_parsed_by_content_type() {
    let ca = TestCa::new();
    let server = support::echo_server();
    let client = support::client(&ca, &[]);
    let url = |path: &str| format!("{}{path}", server.url());

    let text = "x".repeat(256);
    let req = client
        .post(url("/post"))
        .header("content-type", "text/plain")
        .body(text.clone());
    let body = json_of(&send(req).await.2);
    assert_eq!(body["data"], text);
    assert_eq!(body["json"], Value::Null);
    assert_eq!(body["headers"]["content-type"], "text/plain");
    assert_eq!(body["headers"]["content-length"], "256");

    let req = client
        .put(url("/put"))
        .header("content-type", "application/json")
        .body(r#"{"a":[1,2],"b":null}"#);
    let body = json_of(&send(req).await.2);
    assert_eq!(body["json"], json!({"a": [1, 2], "b": null}));
    assert_eq!(body["data"], body["json"]);

    let form = "FriendlyName=a+b&RandomId=7&k=1&k=2&esc=hello%5Cworld";
    let req = client
        .patch(url("/patch"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form);
    let body = json_of(&send(req).await.2);
    let expected =
        json!({"FriendlyName": "a b", "RandomId": "7", "k": ["1", "2"], "esc": "hello\\world"});
    assert_eq!(body["form"], expected);
    assert_eq!(body["json"], expected);
    assert_eq!(body["data"], "");

    let body = json_of(&send(client.delete(url("/delete"))).await.2);
    assert_eq!((&body["data"], &body["json"]), (&json!({}), &Value::Null));
    for key in ["args", "data", "files", "form", "headers", "json", "url"] {
        assert!(body.get(key).is_some(), "{key} missing from {body}");
    }
    let methods: Vec<String> = server.log.entries().into_iter().map(|r| r.method).collect();
    assert_eq!(methods, ["POST", "PUT", "PATCH", "DELETE"]);
    assert_eq!(server.log.entries()[2].body, form.as_bytes());
}

#[tokio::test]
async fn multipart_fields_and_files() {
    let ca = TestCa::new();
    let server = support::echo_server();
    let client = support::client(&ca, &[]);
    let file = b"{\"a\": 1}\n\x00\xff";
    let mut multipart = Vec::new();
    multipart.extend_from_slice(
        b"--B0UND\r\nContent-Disposition: form-data; name=\"first\"\r\n\r\nAda\r\n",
    );
    multipart
        .extend_from_slice(b"--B0UND\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\nx\r\n");
    multipart
        .extend_from_slice(b"--B0UND\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\ny\r\n");
    multipart.extend_from_slice(
        b"--B0UND\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload-file.json\"\r\nContent-Type: application/json\r\n\r\n",
    );
    multipart.extend_from_slice(file);
    multipart.extend_from_slice(b"\r\n--B0UND--\r\n");
    let req = client
        .post(format!("{}/post", server.url()))
        .header("content-type", "multipart/form-data; boundary=B0UND")
        .body(multipart.clone());
    let body = json_of(&send(req).await.2);

    assert_eq!(body["form"], json!({"first": "Ada", "tag": ["x", "y"]}));
    let encoded = base64::engine::general_purpose::STANDARD.encode(file);
    let expected = format!("data:application/octet-stream;base64,{encoded}");
    assert_eq!(body["files"], json!({ "upload-file.json": expected }));
    assert_eq!(body["json"], Value::Null);
    assert_eq!(server.log.last().map(|r| r.body.to_vec()), Some(multipart));
}

#[tokio::test]
async fn methods_outside_a_route_and_head_and_options() {
    let ca = TestCa::new();
    let server = support::echo_server();
    let client = support::client(&ca, &[]);
    let url = |path: &str| format!("{}{path}", server.url());

    let (status, _, body) = send(client.get(url("/post"))).await;
    assert_eq!(
        (status, body.as_slice()),
        (404, b"Cannot GET /post".as_slice())
    );
    let (status, _, body) = send(client.head(url("/get"))).await;
    assert_eq!((status, body.len()), (200, 0));
    let (status, headers, body) = send(client.request(Method::OPTIONS, url("/get"))).await;
    assert_eq!((status, body.as_slice()), (200, b"GET,HEAD".as_slice()));
    assert_eq!(headers["allow"], "GET,HEAD");
    let (status, _, _) = send(client.get(url("/nope"))).await;
    assert_eq!(status, 404);

    let propfind = Method::from_bytes(b"PROPFIND").expect("method");
    let body = json_of(
        &send(
            client
                .request(propfind, url("/anything/x?q=1"))
                .body("<a/>"),
        )
        .await
        .2,
    );
    assert_eq!(body["method"], "PROPFIND");
    assert_eq!(body["data"], "<a/>");
    assert_eq!(body["args"], json!({"q": "1"}));
    assert_eq!(server.log.len(), 5);
    assert_eq!(
        server.log.last().map(|r| r.method),
        Some("PROPFIND".to_string())
    );
}

#[tokio::test]
async fn headers_route_follows_node_rules() {
    let ca = TestCa::new();
    let server = support::echo_server();
    let client = support::client(&ca, &[]);
    let req = client
        .get(format!("{}/headers", server.url()))
        .header("cookie", "a=1")
        .header("x-multi", "one")
        .header("X-Multi", "two");
    let body = json_of(&send(req).await.2);
    let headers = body["headers"].as_object().expect("headers object");
    assert_eq!(body.as_object().map(|o| o.len()), Some(1));
    let names: Vec<&str> = headers.keys().map(String::as_str).take(3).collect();
    assert_eq!(names, ["host", "x-forwarded-proto", "x-forwarded-port"]);
    assert_eq!(headers["x-multi"], "one, two");
    assert_eq!(headers["cookie"], "a=1");
    assert!(headers.keys().all(|k| k == &k.to_ascii_lowercase()));
    let logged = server.log.last().expect("logged");
    assert_eq!(logged.header_all("x-multi"), ["one", "two"]);
    assert_eq!(logged.target, "/headers");
}

/// Raw HTTP/1.1 on one keep-alive connection: header case and order are logged as sent, and a
/// body without a trailing newline or a chunked body does not hide the next request.
#[test]
fn log_keeps_wire_case_and_order_across_keep_alive() {
    let server = support::echo_server();
    let mut conn = TcpStream::connect(server.addr).expect("connect");
    let requests: &[&[u8]] = &[
        b"POST /post HTTP/1.1\r\nHost: a\r\nX-CuStOm: 1\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nabc",
        b"PUT /put?x=1 HTTP/1.1\r\nhost: a\r\nTransfer-Encoding: chunked\r\nZ-Last: z\r\n\r\n3\r\nxyz\r\n0\r\n\r\n",
        b"GET /get HTTP/1.1\r\nHOST: a\r\nConnection: close\r\n\r\n",
    ];
    for request in requests {
        conn.write_all(request).expect("write");
    }
    let mut answer = String::new();
    conn.read_to_string(&mut answer).expect("read");
    assert_eq!(answer.matches("HTTP/1.1 200 OK").count(), 3, "{answer}");

    let log = server.log.entries();
    let names = |i: usize| {
        log[i]
            .headers
            .iter()
            .map(|(n, _)| n.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(0),
        ["Host", "X-CuStOm", "Content-Type", "Content-Length"]
    );
    assert_eq!(log[0].body, "abc");
    assert_eq!(names(1), ["host", "Transfer-Encoding", "Z-Last"]);
    assert_eq!(
        (log[1].target.as_str(), &log[1].body[..]),
        ("/put?x=1", &b"xyz"[..])
    );
    assert_eq!(names(2), ["HOST", "Connection"]);
}

#[tokio::test]
async fn many_requests_on_keep_alive_are_all_logged_in_order() {
    let ca = TestCa::new();
    let server = support::echo_server_tls(&ca);
    let client = support::client(&ca, &[("postman-echo.com", server.addr)]);
    for i in 0..200 {
        let url = format!("https://postman-echo.com:{}/post?i={i}", server.port());
        let (status, _, body) = send(client.post(&url).body(format!("body {i}"))).await;
        assert_eq!(status, 200);
        assert_eq!(json_of(&body)["data"], format!("body {i}"));
    }
    let log = server.log.entries();
    assert_eq!(log.len(), 200);
    for (i, entry) in log.iter().enumerate() {
        assert_eq!(entry.target, format!("/post?i={i}"));
        assert_eq!(entry.body_text(), format!("body {i}"));
        assert!(entry.tls);
    }
}

#[tokio::test]
async fn http2_prior_knowledge_is_served_and_logged() {
    let ca = TestCa::new();
    let server = support::echo_server();
    let client = support::client_builder(&ca, &[])
        .http2_prior_knowledge()
        .build()
        .expect("client");
    let response = client
        .get(format!("{}/get?h2=1", server.url()))
        .header("X-Two", "2")
        .send()
        .await
        .expect("send");
    assert_eq!(response.version(), reqwest::Version::HTTP_2);
    let body = json_of(&response.bytes().await.expect("body"));
    assert_eq!(body["args"]["h2"], "1");
    assert_eq!(body["headers"]["host"], server.addr.to_string());
    let logged = server.log.last().expect("logged");
    assert_eq!(logged.header("x-two"), Some("2"));
    assert!(logged
        .headers
        .iter()
        .all(|(name, _)| name == &name.to_ascii_lowercase()));
}

/// A plain-HTTP proxy sends the absolute form; the echo answers like the origin would, so it can
/// stand in for a forward proxy in tests.
#[test]
fn absolute_form_targets_are_echoed_and_logged_as_sent() {
    let server = support::echo_server();
    let mut conn = TcpStream::connect(server.addr).expect("connect");
    let request = b"GET http://postman-echo.com/get?via=proxy HTTP/1.1\r\nHost: postman-echo.com\r\nConnection: close\r\n\r\n";
    conn.write_all(request).expect("write");
    let mut answer = String::new();
    conn.read_to_string(&mut answer).expect("read");
    let body = answer.split("\r\n\r\n").nth(1).expect("body");
    let body: Value = serde_json::from_str(body).expect("json");
    assert_eq!(body["url"], "http://postman-echo.com/get?via=proxy");
    assert_eq!(body["args"], json!({"via": "proxy"}));
    let logged = server.log.last().expect("logged");
    assert_eq!(logged.target, "http://postman-echo.com/get?via=proxy");
    assert_eq!(
        logged.headers[0],
        ("Host".to_string(), "postman-echo.com".to_string())
    );
}
