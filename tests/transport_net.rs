//! Network transport options against local servers: proxies (`--proxy` with credentials,
//! `--no-proxy`, CONNECT tunnels for https, 407s explained), HTTP/2 (`--http2`: ALPN over TLS,
//! prior knowledge over cleartext; HTTP/1.1 by default), `--retry` (one outcome, its retry
//! count; connection failures and 5xx), and the response size limit.

mod auth_support;
mod http_support;
mod transport_support;

use auth_support::{opts, perform_with, request};
use http_support::{ok, resp, serve};
use postie::collection::Behavior;
use postie::http::{Client, HostOverride, HttpOptions, Outcome, Retry};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use transport_support::*;

async fn get(client: &Client, url: &str) -> Outcome {
    perform_with(
        client,
        url,
        &request("GET", &[], None),
        None,
        &Behavior::default(),
    )
    .await
}

fn body(out: &Outcome) -> String {
    match &out.result {
        Ok(x) => String::from_utf8_lossy(&x.response.body).into_owned(),
        Err(e) => panic!("request failed: {e}"),
    }
}

#[tokio::test]
async fn proxy_with_credentials_for_http_and_https() {
    let pki = Pki::new();
    let tls = tls_server(pki.server_config(
        &["secure.test"],
        false,
        rustls::ALL_VERSIONS,
        &[b"http/1.1"],
    ))
    .await;
    let plain = serve(|c| ok(&c.target)).await;
    // One proxy per destination (the test proxy reaches a fixed upstream).
    let p_tls = proxy(Some("user:p@ss"), tls.addr).await;
    let p_plain = proxy(Some("user:p@ss"), plain.addr).await;

    let o = HttpOptions {
        proxy: Some(p_tls.url("user:p%40ss@")),
        extra_ca_certs: vec![pki.ca_pem.clone()],
        ..opts()
    };
    let out = get(&Client::new(&o).unwrap(), "https://secure.test/path").await;
    assert_eq!(body(&out), "ok");
    let connect = p_tls.seen.lock().unwrap()[0].clone();
    assert!(
        connect.starts_with("CONNECT secure.test:443 HTTP/1.1\r\n"),
        "{connect}"
    );
    assert!(
        connect.contains("Proxy-Authorization: Basic dXNlcjpwQHNz"),
        "{connect}"
    );
    assert_eq!(tls.last().sni.as_deref(), Some("secure.test"));

    let o = HttpOptions {
        proxy: Some(p_plain.url("user:p%40ss@")),
        ..opts()
    };
    let out = get(&Client::new(&o).unwrap(), "http://plain.test:8080/a?b=1").await;
    assert_eq!(body(&out), "http://plain.test:8080/a?b=1");
    let head = p_plain.seen.lock().unwrap()[0].clone();
    assert!(
        head.starts_with("GET http://plain.test:8080/a?b=1 HTTP/1.1\r\n"),
        "{head}"
    );
    assert!(
        head.contains("Proxy-Authorization: Basic dXNlcjpwQHNz"),
        "{head}"
    );
}

#[tokio::test]
async fn proxy_407_is_explained_and_no_proxy_bypasses() {
    let plain = serve(|_| ok("direct")).await;
    let p = proxy(Some("user:pass"), plain.addr).await;
    let o = HttpOptions {
        proxy: Some(p.url("")),
        ..opts()
    };
    let client = Client::new(&o).unwrap();
    let err = get(&client, "https://secure.test/")
        .await
        .result
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("tunneling socket could not be established, statusCode=407"),
        "{err}"
    );
    assert!(err.contains("wants credentials"), "{err}");
    let out = get(&client, "http://plain.test/").await;
    assert_eq!(out.result.as_ref().map(|x| x.response.code).ok(), Some(407));
    assert!(
        out.warnings.iter().any(|w| w.contains("answered 407")),
        "{:?}",
        out.warnings
    );

    let o = HttpOptions {
        proxy: Some(p.url("")),
        no_proxy: Some("127.0.0.1, .internal.test".into()),
        host_overrides: vec![],
        ..opts()
    };
    let seen_before = p.seen.lock().unwrap().len();
    let out = get(&Client::new(&o).unwrap(), &plain.url("/")).await;
    assert_eq!(body(&out), "direct");
    assert_eq!(
        p.seen.lock().unwrap().len(),
        seen_before,
        "NO_PROXY host went direct"
    );
}

#[tokio::test]
async fn http2_by_alpn_and_prior_knowledge_http1_by_default() {
    let pki = Pki::new();
    let cfg = pki.server_config(
        &["h2.test"],
        false,
        rustls::ALL_VERSIONS,
        &[b"h2", b"http/1.1"],
    );
    let tls = h2_server(Some(cfg)).await;
    let over = HostOverride {
        host: "h2.test".into(),
        port: Some(443),
        to_host: "127.0.0.1".into(),
        to_port: Some(tls.addr.port()),
    };
    let base = HttpOptions {
        extra_ca_certs: vec![pki.ca_pem.clone()],
        host_overrides: vec![over],
        ..opts()
    };
    let out = get(&Client::new(&base).unwrap(), "https://h2.test/").await;
    assert!(body(&out).starts_with("HTTP/1.1 "), "{}", body(&out));

    let h2 = HttpOptions {
        http2: true,
        ..base
    };
    let client = Client::new(&h2).unwrap();
    for _ in 0..2 {
        let out = get(&client, "https://h2.test/x").await;
        let x = out.result.as_ref().unwrap();
        assert_eq!(x.response.http_version, "HTTP/2");
        let text = body(&out);
        assert!(text.starts_with("HTTP/2.0 "), "{text}");
        assert!(
            !text.contains("connection") && text.contains("user-agent"),
            "{text}"
        );
        assert!(!x
            .request
            .headers
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case("connection")));
    }
    assert_eq!(tls.versions.lock().unwrap().len(), 3);

    let clear = h2_server(None).await;
    let o = HttpOptions {
        http2: true,
        ..opts()
    };
    let out = get(
        &Client::new(&o).unwrap(),
        &format!("http://127.0.0.1:{}/", clear.addr.port()),
    )
    .await;
    assert_eq!(out.result.as_ref().unwrap().response.http_version, "HTTP/2");
}

fn retrying(count: u32, on_5xx: bool, on_connection: bool) -> HttpOptions {
    HttpOptions {
        retry: Retry {
            count,
            delay: Duration::from_millis(5),
            on_5xx,
            on_connection,
        },
        ..opts()
    }
}

#[tokio::test]
async fn retries_connection_failures_and_5xx() {
    let n = Arc::new(AtomicUsize::new(0));
    let m = n.clone();
    // Closes the first two connections without answering, then answers.
    let srv = serve(move |_| match m.fetch_add(1, Ordering::SeqCst) {
        0 | 1 => Vec::new(),
        _ => ok("finally"),
    })
    .await;
    let out = get(
        &Client::new(&retrying(3, true, true)).unwrap(),
        &srv.url("/"),
    )
    .await;
    assert_eq!(body(&out), "finally");
    assert_eq!(out.result.as_ref().unwrap().retries, 2);
    assert_eq!(srv.requests().len(), 3);

    let n = Arc::new(AtomicUsize::new(0));
    let m = n.clone();
    let srv = serve(move |_| match m.fetch_add(1, Ordering::SeqCst) {
        0 => resp("503 Service Unavailable", &[], b""),
        _ => ok("up"),
    })
    .await;
    let only_conn = get(
        &Client::new(&retrying(3, false, true)).unwrap(),
        &srv.url("/"),
    )
    .await;
    assert_eq!(only_conn.result.as_ref().unwrap().response.code, 503);
    let out = get(
        &Client::new(&retrying(3, true, false)).unwrap(),
        &srv.url("/"),
    )
    .await;
    assert_eq!(body(&out), "up");
    assert_eq!(
        out.result.as_ref().unwrap().retries,
        0,
        "the 503 went to the other client"
    );

    let always = serve(|_| resp("502 Bad Gateway", &[], b"")).await;
    let out = get(
        &Client::new(&retrying(2, true, true)).unwrap(),
        &always.url("/"),
    )
    .await;
    let x = out.result.as_ref().unwrap();
    assert_eq!((x.response.code, x.retries), (502, 2));
    assert_eq!(always.requests().len(), 3);

    let refused = get(
        &Client::new(&retrying(2, true, true)).unwrap(),
        "http://127.0.0.1:1/",
    )
    .await;
    let err = refused.result.unwrap_err().to_string();
    assert_eq!(err, "connect ECONNREFUSED 127.0.0.1:1 (tried 3 times)");
}

#[tokio::test]
async fn response_size_limit_fails_the_request() {
    let srv = serve(|_| ok(&"x".repeat(2048))).await;
    let o = HttpOptions {
        max_response_size: 1024,
        ..opts()
    };
    let err = get(&Client::new(&o).unwrap(), &srv.url("/"))
        .await
        .result
        .unwrap_err();
    assert_eq!(err.to_string(), "Maximum response size reached");
}
