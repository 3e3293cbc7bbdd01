//! System headers, their order and `disabledSystemHeaders`, duplicate user headers, URL encoding
//! on the wire, and auth (basic, bearer, apikey header/query, unsupported types).

mod http_support;

use http_support::*;
use postie::collection::{Auth, Behavior};
use postie::http::{prepare, Client, Origin, RequestError};
use serde_json::json;

fn behavior(v: serde_json::Value) -> Behavior {
    Behavior(v.as_object().cloned().unwrap_or_default())
}

fn auth(kind: &str, params: serde_json::Value) -> Auth {
    Auth {
        kind: kind.into(),
        params: params
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    }
}

#[tokio::test]
async fn system_headers_in_newman_order() {
    let srv = serve(|_| ok("hi")).await;
    let client = Client::new(&opts()).unwrap();
    let r = req("GET", &[("X-First", "1")], None);
    let p = prepare(
        &srv.url("/a"),
        &r,
        None,
        &Behavior::default(),
        Origin::Item,
        &opts(),
    )
    .unwrap();
    let ex = client.send(&p).await.unwrap();
    let c = srv.last();
    assert_eq!(
        names(&c),
        [
            "X-First",
            "User-Agent",
            "Accept",
            "Cache-Control",
            "Postman-Token",
            "Host",
            "Accept-Encoding",
            "Connection"
        ]
    );
    assert_eq!(c.header("user-agent"), Some("PostmanRuntime/7.39.1"));
    assert_eq!(c.header("accept"), Some("*/*"));
    assert_eq!(
        c.header("host"),
        Some(format!("127.0.0.1:{}", srv.addr.port()).as_str())
    );
    assert_eq!(c.header("accept-encoding"), Some("gzip, deflate, br"));
    assert_eq!(c.header("connection"), Some("keep-alive"));
    assert_eq!(c.header("postman-token").map(str::len), Some(36));
    assert!(c.head().starts_with("GET /a HTTP/1.1\r\n"));
    assert_eq!(ex.request.headers.len(), 8);
    assert_eq!(ex.response.code, 200);
    assert_eq!(&ex.response.body[..], b"hi");
}

#[tokio::test]
async fn user_headers_win_and_disabled_system_headers_vanish() {
    let srv = serve(|_| ok("")).await;
    let client = Client::new(&opts()).unwrap();
    let r = req(
        "GET",
        &[("user-agent", "mine"), ("X-Dup", "a"), ("X-Dup", "b")],
        None,
    );
    let b = behavior(json!({"disabledSystemHeaders": {
        "cache-control": true, "postman-token": true, "accept-encoding": true, "connection": true
    }}));
    let p = prepare(&srv.url("/"), &r, None, &b, Origin::Item, &opts()).unwrap();
    client.send(&p).await.unwrap();
    let c = srv.last();
    assert_eq!(
        names(&c),
        ["User-Agent", "X-Dup", "X-Dup", "Accept", "Host"]
    );
    assert_eq!(c.header("user-agent"), Some("mine"));
    let dups: Vec<_> = c
        .headers
        .iter()
        .filter(|(k, _)| k == "X-Dup")
        .map(|(_, v)| v.as_str())
        .collect();
    assert_eq!(dups, ["a", "b"]);
}

#[tokio::test]
async fn query_encoding_on_the_wire() {
    let srv = serve(|_| ok("")).await;
    let client = Client::new(&opts()).unwrap();
    let url = format!(
        "127.0.0.1:{}/p a/{{x}}?q=a b&e=é&plus=+&pct=%41&flag&eq=a=b",
        srv.addr.port()
    );
    let p = prepare(
        &url,
        &req("GET", &[], None),
        None,
        &Behavior::default(),
        Origin::Item,
        &opts(),
    )
    .unwrap();
    assert!(p.href.starts_with("http://127.0.0.1:"));
    client.send(&p).await.unwrap();
    // Newman encodes the query string as a whole: `=` inside a value stays.
    assert_eq!(
        srv.last().target,
        "/p%20a/%7Bx%7D?q=a%20b&e=%C3%A9&plus=+&pct=%41&flag&eq=a=b"
    );
}

#[tokio::test]
async fn invalid_url_names_the_url() {
    let r = req("GET", &[], None);
    let err = prepare(
        "http://",
        &r,
        None,
        &Behavior::default(),
        Origin::Item,
        &opts(),
    )
    .unwrap_err();
    assert_eq!(err, RequestError::InvalidUrl("http:///".into()));
    assert_eq!(err.info().message, "Invalid URI \"http:///\"");
}

#[tokio::test]
async fn basic_bearer_apikey() {
    let srv = serve(|_| ok("")).await;
    let client = Client::new(&opts()).unwrap();
    let send = |a: Auth, headers: Vec<(&'static str, &'static str)>| {
        let r = req("GET", &headers, None);
        prepare(
            &srv.url("/?a=1&key=old"),
            &r,
            Some(&a),
            &Behavior::default(),
            Origin::Item,
            &opts(),
        )
        .unwrap()
    };
    client
        .send(&send(
            auth("basic", json!({"username": "u", "password": "p"})),
            vec![],
        ))
        .await
        .unwrap();
    assert_eq!(srv.last().header("authorization"), Some("Basic dTpw"));
    client
        .send(&send(
            auth("bearer", json!({"token": "t0k"})),
            vec![("Authorization", "x")],
        ))
        .await
        .unwrap();
    let c = srv.last();
    assert_eq!(c.header("authorization"), Some("Bearer t0k"));
    assert_eq!(names(&c)[0], "Authorization");
    client
        .send(&send(
            auth("apikey", json!({"key": "X-Key", "value": "v"})),
            vec![("x-key", "old"), ("Y", "1")],
        ))
        .await
        .unwrap();
    let c = srv.last();
    assert_eq!(&names(&c)[..2], ["Y", "X-Key"]);
    assert_eq!(c.header("x-key"), Some("v"));
    client
        .send(&send(
            auth(
                "apikey",
                json!({"key": "key", "value": "n v", "in": "query"}),
            ),
            vec![],
        ))
        .await
        .unwrap();
    assert_eq!(srv.last().target, "/?a=1&key=n%20v");
    client
        .send(&send(auth("noauth", json!({})), vec![]))
        .await
        .unwrap();
    assert_eq!(srv.last().header("authorization"), None);
}

#[tokio::test]
async fn unsupported_auth_is_an_error() {
    let a = auth("kerberos", json!({"username": "u"}));
    let err = prepare(
        "http://x/",
        &req("GET", &[], None),
        Some(&a),
        &Behavior::default(),
        Origin::Item,
        &opts(),
    )
    .unwrap_err();
    assert!(
        err.info()
            .message
            .starts_with("unsupported auth type `kerberos` (postie supports noauth, basic, bearer, apikey, digest"),
        "{}",
        err.info().message
    );
}

#[tokio::test]
async fn url_userinfo_becomes_basic_auth() {
    let srv = serve(|_| ok("")).await;
    let client = Client::new(&opts()).unwrap();
    let url = format!("http://us%20er:pa@127.0.0.1:{}/", srv.addr.port());
    let p = prepare(
        &url,
        &req("GET", &[], None),
        None,
        &Behavior::default(),
        Origin::Item,
        &opts(),
    )
    .unwrap();
    client.send(&p).await.unwrap();
    let c = srv.last();
    assert_eq!(c.header("authorization"), Some("Basic dXMgZXI6cGE="));
    assert_eq!(names(&c).last().map(String::as_str), Some("Authorization"));
}
