//! The echo server's utility routes: status, delay, stream, compression, response headers,
//! redirects, cookies and the fixed content types.

mod support;

use std::io::Read;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::TestCa;

struct Answer {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("JSON body")
    }

    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

async fn get(client: &reqwest::Client, url: String) -> Answer {
    let response = client.get(url).send().await.expect("request");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response.bytes().await.expect("body").to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

fn setup() -> (postie::mock::MockServer, reqwest::Client) {
    let ca = TestCa::new();
    let server = support::echo_server_tls(&ca);
    let client = support::client(&ca, &[("postman-echo.com", server.addr)]);
    (server, client)
}

fn targets(server: &postie::mock::MockServer) -> Vec<String> {
    server.log.entries().into_iter().map(|r| r.target).collect()
}

fn url(server: &postie::mock::MockServer, path: &str) -> String {
    format!("https://postman-echo.com:{}{path}", server.port())
}

#[tokio::test]
async fn status_codes() {
    let (server, client) = setup();
    for code in [200u16, 201, 404, 418, 500, 503] {
        let answer = get(&client, url(&server, &format!("/status/{code}"))).await;
        assert_eq!(answer.status, code);
        assert_eq!(answer.json(), json!({ "status": code }));
    }
    assert_eq!(
        get(&client, url(&server, "/status/204")).await.body.len(),
        0
    );
    assert_eq!(get(&client, url(&server, "/status/42")).await.status, 400);
    assert_eq!(server.log.len(), 8);
}

#[tokio::test]
async fn delay_waits_then_answers() {
    let (server, client) = setup();
    let answer = get(&client, url(&server, "/delay/0")).await;
    assert_eq!(answer.json(), json!({"delay": "0"}));
    let started = Instant::now();
    let answer = get(&client, url(&server, "/delay/1")).await;
    assert!(started.elapsed() >= Duration::from_secs(1));
    assert_eq!(answer.json(), json!({"delay": "1"}));
    assert_eq!(get(&client, url(&server, "/delay/soon")).await.status, 400);
    assert_eq!(targets(&server), ["/delay/0", "/delay/1", "/delay/soon"]);
}

#[tokio::test]
async fn stream_sends_chunked_json_lines() {
    let (server, client) = setup();
    let answer = get(&client, url(&server, "/stream/10?x=1")).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("transfer-encoding"), "chunked");
    let text = String::from_utf8(answer.body).expect("utf8");
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("line"))
        .collect();
    assert_eq!(lines.len(), 10);
    assert_eq!(lines[9]["id"], 9);
    assert_eq!(lines[0]["args"], json!({"x": "1"}));
    assert_eq!(targets(&server), ["/stream/10?x=1"]);
}

#[tokio::test]
async fn gzip_and_deflate_are_encoded_whatever_was_accepted() {
    let (server, client) = setup();
    let answer = get(&client, url(&server, "/gzip")).await;
    assert_eq!(answer.header("content-encoding"), "gzip");
    let mut text = String::new();
    flate2::read::GzDecoder::new(&answer.body[..])
        .read_to_string(&mut text)
        .expect("gunzip");
    let body: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(
        (&body["gzipped"], &body["method"]),
        (&json!(true), &json!("GET"))
    );
    assert_eq!(
        body["headers"]["host"],
        format!("postman-echo.com:{}", server.port())
    );

    let answer = get(&client, url(&server, "/deflate")).await;
    assert_eq!(answer.header("content-encoding"), "deflate");
    let mut text = String::new();
    flate2::read::ZlibDecoder::new(&answer.body[..])
        .read_to_string(&mut text)
        .expect("inflate");
    let body: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(body["deflated"], true);
    assert!(body["headers"].is_object());
    assert_eq!(targets(&server), ["/gzip", "/deflate"]);
    assert!(server
        .log
        .entries()
        .iter()
        .all(|r| r.tls && r.method == "GET"));
}

#[tokio::test]
async fn response_headers_are_set_from_the_query() {
    let (server, client) = setup();
    let answer = get(
        &client,
        url(
            &server,
            "/response-headers?Content-Type=text/html&Server=apibin&X-Two=a&X-Two=b",
        ),
    )
    .await;
    assert_eq!(answer.header("content-type"), "text/html; charset=utf-8");
    assert_eq!(answer.header("server"), "apibin");
    let twos: Vec<&str> = answer
        .headers
        .get_all("x-two")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    assert_eq!(twos, ["a", "b"]);
    assert_eq!(
        answer.json(),
        json!({"Content-Type": "text/html", "Server": "apibin", "X-Two": ["a", "b"]})
    );

    // Newman's semicolon-tests: two spaces in, Express's canonical form out.
    let path = "/response-headers?Content-Type=application%2Fjson%3B%20%20charset%3Dutf-8";
    let answer = get(&client, url(&server, path)).await;
    assert_eq!(
        answer.header("content-type"),
        "application/json; charset=utf-8"
    );
    let answer = get(
        &client,
        url(&server, "/response-headers?Content-Length=1&x=1"),
    )
    .await;
    assert_eq!(answer.json(), json!({"Content-Length": "1", "x": "1"}));
    assert_eq!(targets(&server)[1], path);
    assert_eq!(server.log.len(), 3);
}

#[tokio::test]
async fn redirect_routes() {
    let (server, client) = setup();
    let answer = get(
        &client,
        url(&server, "/redirect-to?url=https://postman-echo.com/get"),
    )
    .await;
    assert_eq!(answer.status, 302);
    assert_eq!(answer.header("location"), "https://postman-echo.com/get");
    assert_eq!(
        answer.body,
        b"Found. Redirecting to https://postman-echo.com/get"
    );
    let answer = get(
        &client,
        url(
            &server,
            "/redirect-to?url=%2Fget%3Fq%3D%7Babc%7D&status_code=307",
        ),
    )
    .await;
    assert_eq!(
        (answer.status, answer.header("location")),
        (307, "/get?q=%7Babc%7D")
    );
    assert_eq!(get(&client, url(&server, "/redirect-to")).await.status, 400);

    assert_eq!(
        get(&client, url(&server, "/redirect/3"))
            .await
            .header("location"),
        "/redirect/2"
    );
    assert_eq!(
        get(&client, url(&server, "/relative-redirect/1"))
            .await
            .header("location"),
        "/get"
    );
    let absolute = get(&client, url(&server, "/absolute-redirect/2")).await;
    assert_eq!(
        absolute.header("location"),
        url(&server, "/absolute-redirect/1")
    );

    let ca = TestCa::new();
    let tls_server = support::echo_server_tls(&ca);
    let following = support::client_builder(&ca, &[("postman-echo.com", tls_server.addr)])
        .redirect(reqwest::redirect::Policy::limited(10))
        .build()
        .expect("client");
    let answer = get(&following, url(&tls_server, "/redirect/4")).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.json()["url"], url(&tls_server, "/get"));
    let targets: Vec<String> = tls_server
        .log
        .entries()
        .into_iter()
        .map(|r| r.target)
        .collect();
    assert_eq!(
        targets,
        [
            "/redirect/4",
            "/redirect/3",
            "/redirect/2",
            "/redirect/1",
            "/get"
        ]
    );
}

#[tokio::test]
async fn cookies_set_list_and_delete() {
    let (server, client) = setup();
    let answer = get(&client, url(&server, "/cookies/set?foo1=bar1&foo2=b%20r")).await;
    assert_eq!(answer.status, 302);
    assert_eq!(answer.header("location"), "/cookies");
    assert_eq!(answer.body, b"Found. Redirecting to /cookies");
    let set: Vec<&str> = answer
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    assert_eq!(set, ["foo1=bar1; Path=/", "foo2=b%20r; Path=/"]);

    let request = client
        .get(url(&server, "/cookies"))
        .header("cookie", "foo1=bar1; foo2=b%20r");
    let body: Value = serde_json::from_slice(
        &request
            .send()
            .await
            .expect("send")
            .bytes()
            .await
            .expect("body"),
    )
    .expect("json");
    assert_eq!(body, json!({"cookies": {"foo1": "bar1", "foo2": "b r"}}));

    let answer = get(&client, url(&server, "/cookies/delete?foo1&foo2")).await;
    let deleted: Vec<&str> = answer
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    assert_eq!(deleted.len(), 2);
    assert!(
        deleted[0].starts_with("foo1=;")
            && deleted[0].contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT")
    );
    assert_eq!(
        get(&client, url(&server, "/cookies")).await.json(),
        json!({"cookies": {}})
    );
    assert_eq!(
        server.log.entries()[1].header("cookie"),
        Some("foo1=bar1; foo2=b%20r")
    );
}

#[tokio::test]
async fn fixed_content_routes() {
    let (server, client) = setup();
    let xml = get(&client, url(&server, "/type/xml")).await;
    assert_eq!(xml.header("content-type"), "application/xml; charset=utf-8");
    assert!(xml.body.starts_with(b"<?xml"));
    let html = get(&client, url(&server, "/type/html")).await;
    assert_eq!(html.header("content-type"), "text/html; charset=utf-8");
    assert!(String::from_utf8_lossy(&html.body).contains("<html>"));
    let utf8 = get(&client, url(&server, "/encoding/utf8")).await;
    assert!(String::from_utf8(utf8.body)
        .expect("valid UTF-8")
        .contains("日本語"));
    let now = get(&client, url(&server, "/time/now")).await;
    assert!(String::from_utf8_lossy(&now.body).ends_with(" GMT"));
    assert_eq!(
        get(&client, url(&server, "/ip")).await.json(),
        json!({"ip": "127.0.0.1"})
    );
    let expected = [
        "/type/xml",
        "/type/html",
        "/encoding/utf8",
        "/time/now",
        "/ip",
    ];
    assert_eq!(targets(&server), expected);
}
