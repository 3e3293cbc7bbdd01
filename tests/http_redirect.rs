//! Redirects as postman-request follows them, and cookies across requests and redirect hops.

mod http_support;

use http_support::*;
use postie::collection::{Behavior, Body};
use postie::http::{prepare, Client, HttpOptions, Origin, RequestError};
use serde_json::json;

fn behavior(v: serde_json::Value) -> Behavior {
    Behavior(v.as_object().cloned().unwrap_or_default())
}

fn raw(text: &str) -> Option<Body> {
    Some(Body {
        mode: "raw".into(),
        raw: Some(text.into()),
        ..Body::default()
    })
}

/// `/r/<code>` redirects to `/end` (or to the `loc` query); `/end` answers 200.
async fn redirector() -> Server {
    serve(|c| {
        if let Some(rest) = c.target.strip_prefix("/r/") {
            let code = &rest[..3];
            let loc = rest
                .split_once("?loc=")
                .map(|(_, l)| l.to_string())
                .unwrap_or_else(|| "/end".into());
            resp(
                &format!("{code} Moved"),
                &[("Location", &loc), ("Set-Cookie", "hop=1; Path=/")],
                b"",
            )
        } else if c.target == "/loop" {
            resp("302 Found", &[("Location", "/loop")], b"")
        } else {
            ok("end")
        }
    })
    .await
}

async fn run(
    srv: &Server,
    method: &str,
    path: &str,
    b: Behavior,
    o: &HttpOptions,
) -> Result<postie::http::Exchange, RequestError> {
    let client = Client::new(o).unwrap();
    let r = req(method, &[("Authorization", "secret")], raw("payload"));
    let p = prepare(&srv.url(path), &r, None, &b, Origin::Item, o).unwrap();
    client.send(&p).await
}

#[tokio::test]
async fn post_302_becomes_get_without_body() {
    let srv = redirector().await;
    let ex = run(&srv, "POST", "/r/302", Behavior::default(), &opts())
        .await
        .unwrap();
    let reqs = srv.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(
        (reqs[0].method.as_str(), reqs[0].body.as_slice()),
        ("POST", &b"payload"[..])
    );
    assert_eq!(reqs[1].method, "GET");
    assert!(reqs[1].body.is_empty());
    assert_eq!(reqs[1].header("content-type"), None);
    assert_eq!(reqs[1].header("content-length"), None);
    assert_eq!(reqs[1].header("referer"), Some(srv.url("/r/302").as_str()));
    assert_eq!(
        reqs[1].header("authorization"),
        Some("secret"),
        "same host keeps Authorization"
    );
    assert_eq!(
        reqs[1].header("cookie"),
        Some("hop=1"),
        "cookie from the redirect hop"
    );
    assert_eq!(ex.redirects, vec![(302, srv.url("/end"))]);
    assert_eq!(ex.request.method, "GET");
    assert_eq!(ex.request.url, srv.url("/end"));
    assert_eq!(ex.response.code, 200);
}

#[tokio::test]
async fn code_307_and_follow_original_method_keep_method_and_body() {
    let srv = redirector().await;
    run(&srv, "POST", "/r/307", Behavior::default(), &opts())
        .await
        .unwrap();
    let r = srv.last();
    assert_eq!(
        (r.method.as_str(), r.body.as_slice()),
        ("POST", &b"payload"[..])
    );
    run(
        &srv,
        "PUT",
        "/r/301",
        behavior(json!({"followOriginalHttpMethod": true})),
        &opts(),
    )
    .await
    .unwrap();
    let r = srv.last();
    assert_eq!(
        (r.method.as_str(), r.body.as_slice()),
        ("PUT", &b"payload"[..])
    );
}

#[tokio::test]
async fn max_redirects_and_loops() {
    let srv = redirector().await;
    let err = run(&srv, "GET", "/loop", Behavior::default(), &opts())
        .await
        .unwrap_err();
    assert_eq!(
        err.info().message,
        format!(
            "Exceeded maxRedirects. Probably stuck in a redirect loop {}",
            srv.url("/loop")
        )
    );
    assert_eq!(srv.requests().len(), 11);
    let srv = redirector().await;
    let err = run(
        &srv,
        "GET",
        "/r/302",
        behavior(json!({"maxRedirects": 0})),
        &opts(),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, RequestError::TooManyRedirects(_)));
}

#[tokio::test]
async fn ignore_redirects_returns_the_3xx() {
    let srv = redirector().await;
    let o = HttpOptions {
        follow_redirects: false,
        ..opts()
    };
    let ex = run(&srv, "GET", "/r/302", Behavior::default(), &o)
        .await
        .unwrap();
    assert_eq!(ex.response.code, 302);
    assert_eq!(ex.response.header("location"), Some("/end"));
    let ex = run(
        &srv,
        "GET",
        "/r/301",
        behavior(json!({"followRedirects": false})),
        &opts(),
    )
    .await
    .unwrap();
    assert_eq!(ex.response.code, 301);
    assert_eq!(srv.requests().len(), 2);
}

#[tokio::test]
async fn cross_host_drops_authorization_unless_asked() {
    let srv = redirector().await;
    let other = format!("http://localhost:{}/end", srv.addr.port());
    let path = format!("/r/302?loc={other}");
    run(&srv, "GET", &path, Behavior::default(), &opts())
        .await
        .unwrap();
    let last = srv.last();
    assert_eq!(last.header("authorization"), None);
    assert_eq!(
        last.header("host"),
        Some(format!("localhost:{}", srv.addr.port()).as_str())
    );
    run(
        &srv,
        "GET",
        &path,
        behavior(json!({"followAuthorizationHeader": true})),
        &opts(),
    )
    .await
    .unwrap();
    assert_eq!(srv.last().header("authorization"), Some("secret"));
}

#[tokio::test]
async fn referer_can_be_removed() {
    let srv = redirector().await;
    run(
        &srv,
        "GET",
        "/r/302",
        behavior(json!({"removeRefererHeaderOnRedirect": true})),
        &opts(),
    )
    .await
    .unwrap();
    assert_eq!(srv.last().header("referer"), None);
}

#[tokio::test]
async fn cookies_across_requests_paths_and_disable_cookies() {
    let srv = serve(|c| match c.target.as_str() {
        "/set" => resp(
            "200 OK",
            &[
                ("Set-Cookie", "a=1; Path=/"),
                ("set-cookie", "deep=2; Path=/deep; HttpOnly"),
                ("Set-Cookie", "sec=3; Secure"),
            ],
            b"",
        ),
        _ => ok(""),
    })
    .await;
    let client = Client::new(&opts()).unwrap();
    let send = |path: &str, headers: Vec<(&'static str, &'static str)>, b: Behavior| {
        prepare(
            &srv.url(path),
            &req("GET", &headers, None),
            None,
            &b,
            Origin::Item,
            &opts(),
        )
        .unwrap()
    };
    client
        .send(&send("/set", vec![], Behavior::default()))
        .await
        .unwrap();
    let ex = client
        .send(&send("/deep/x", vec![], Behavior::default()))
        .await
        .unwrap();
    let c = srv.last();
    assert_eq!(
        c.header("cookie"),
        Some("deep=2; a=1"),
        "longest path first; Secure not sent over http"
    );
    assert_eq!(names(&c).last().map(String::as_str), Some("Cookie"));
    assert_eq!(
        ex.request.headers.last().map(|(k, _)| k.as_str()),
        Some("Cookie")
    );
    client
        .send(&send(
            "/other",
            vec![("Cookie", "mine=0")],
            Behavior::default(),
        ))
        .await
        .unwrap();
    assert_eq!(srv.last().header("cookie"), Some("mine=0; a=1"));
    client
        .send(&send(
            "/",
            vec![],
            behavior(json!({"disableCookies": true})),
        ))
        .await
        .unwrap();
    assert_eq!(srv.last().header("cookie"), None);
    let jar = client.cookies();
    assert_eq!(
        jar.get(&srv.url("/deep"), "deep").map(|c| c.http_only),
        Some(true)
    );
    let exported = jar.to_tough_json();
    assert_eq!(exported["cookies"].as_array().map(Vec::len), Some(3));
    let fresh = Client::new(&opts()).unwrap();
    fresh
        .cookies()
        .load_tough_json(exported.to_string().as_bytes())
        .unwrap();
    fresh
        .send(&send("/deep/y", vec![], Behavior::default()))
        .await
        .unwrap();
    assert_eq!(srv.last().header("cookie"), Some("deep=2; a=1"));
}
