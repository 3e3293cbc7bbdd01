//! The transport and auth flags through the `postie` binary: `--proxy` and the proxy
//! variables, `--retry` (scripts run once, the retries are reported), `--max-response-size`,
//! timing phases in the JSON report with `--verbose`, `--http2`, `--ssl-client-cert-list`, and
//! fetched OAuth 2.0 tokens kept out of the reports.

mod http_support;
mod support;
mod transport_support;

use http_support::{ok, serve};
use serde_json::{json, Value};
use std::process::Output;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// A collection with one request to `url`, optional auth and a test script.
fn collection(url: &str, auth: Option<Value>, test: &str) -> Value {
    let mut request = json!({"method": "GET", "url": url});
    if let Some(a) = auth {
        request["auth"] = a;
    }
    json!({
        "info": {"name": "transport", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{
            "name": "one",
            "request": request,
            "event": [
                {"listen": "prerequest", "script": {"exec": ["pm.globals.set('pre', (pm.globals.get('pre') || 0) + 1);"]}},
                {"listen": "test", "script": {"exec": [test]}}
            ]
        }]
    })
}

struct Run {
    out: Output,
    report: Value,
    report_text: String,
}

async fn run(col: Value, args: &[&str], env: &[(&str, &str)]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.json");
    std::fs::write(&path, col.to_string()).unwrap();
    let report = dir.path().join("r.json");
    let mut cmd = support::postie();
    cmd.arg("run")
        .arg(&path)
        .args(["-r", "cli,json", "--reporter-json-export"])
        .arg(&report)
        .args(args)
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("HTTPS_PROXY")
        .env_remove("https_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .env_remove("NO_PROXY")
        .env_remove("no_proxy");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = tokio::task::spawn_blocking(move || cmd.output().unwrap())
        .await
        .unwrap();
    let report_text = std::fs::read_to_string(&report).unwrap_or_default();
    let report = serde_json::from_str(&report_text).unwrap_or(Value::Null);
    Run {
        out,
        report,
        report_text,
    }
}

fn explain(r: &Run) -> String {
    format!(
        "exit {:?}\n{}\n{}",
        r.out.status.code(),
        String::from_utf8_lossy(&r.out.stdout),
        String::from_utf8_lossy(&r.out.stderr)
    )
}

fn response(r: &Run) -> &Value {
    &r.report["run"]["executions"][0]["response"]
}

#[tokio::test]
async fn proxy_flag_and_proxy_variables() {
    let upstream = serve(|c| ok(&c.target)).await;
    let p = transport_support::proxy(None, upstream.addr).await;
    let col = collection(
        "http://example.test/via",
        None,
        "pm.test('ok', () => pm.response.to.have.status(200));",
    );
    let r = run(col.clone(), &["--proxy", &p.url("")], &[]).await;
    assert!(r.out.status.success(), "{}", explain(&r));
    let r = run(col, &[], &[("HTTP_PROXY", &p.url(""))]).await;
    assert!(r.out.status.success(), "{}", explain(&r));
    let seen = p.seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 2);
    assert!(seen
        .iter()
        .all(|h| h.starts_with("GET http://example.test/via HTTP/1.1")));
}

#[tokio::test]
async fn retry_reports_once_and_runs_scripts_once() {
    let n = Arc::new(AtomicUsize::new(0));
    let m = n.clone();
    let srv = serve(move |_| match m.fetch_add(1, Ordering::SeqCst) {
        0 | 1 => Vec::new(),
        _ => ok("third time"),
    })
    .await;
    let col = collection(
        &srv.url("/flaky"),
        None,
        "pm.test('body', () => pm.expect(pm.response.text()).to.equal('third time'));",
    );
    let r = run(col, &["--retry", "2", "--retry-delay", "1"], &[]).await;
    assert!(r.out.status.success(), "{}", explain(&r));
    assert_eq!(srv.requests().len(), 3);
    assert_eq!(
        r.report["run"]["executions"].as_array().map(Vec::len),
        Some(1)
    );
    assert_eq!(r.report["run"]["stats"]["requests"]["total"], 1);
    assert_eq!(r.report["run"]["stats"]["prerequestScripts"]["total"], 1);
    assert_eq!(r.report["run"]["stats"]["assertions"]["total"], 1);
    assert_eq!(response(&r)["retries"], 2);

    let r = run(
        collection("http://127.0.0.1:1/", None, ""),
        &["--retry", "1", "--retry-delay", "1"],
        &[],
    )
    .await;
    assert!(!r.out.status.success());
    assert!(
        r.report_text
            .contains("connect ECONNREFUSED 127.0.0.1:1 (tried 2 times)"),
        "{}",
        explain(&r)
    );
}

#[tokio::test]
async fn max_response_size_and_timing_phases() {
    let srv = serve(|_| ok(&"y".repeat(3000))).await;
    let col = collection(&srv.url("/big"), None, "");
    let r = run(col.clone(), &["--max-response-size", "2K"], &[]).await;
    assert!(!r.out.status.success(), "{}", explain(&r));
    assert!(
        r.report_text.contains("Maximum response size reached"),
        "{}",
        explain(&r)
    );

    let r = run(col, &["--verbose"], &[]).await;
    assert!(r.out.status.success(), "{}", explain(&r));
    let phases = &response(&r)["timingPhases"];
    for key in ["dns", "tcp", "firstByte", "download", "total"] {
        assert!(phases[key].is_number(), "{key}: {phases}");
    }
    assert!(phases["secureHandshake"].is_null(), "plain http: {phases}");
    assert!(response(&r).get("retries").is_none());
    let stdout = String::from_utf8_lossy(&r.out.stdout);
    assert!(
        stdout.contains("dns-lookup") && stdout.contains("transfer-start"),
        "{stdout}"
    );
}

#[tokio::test]
async fn http2_flag_reaches_an_http2_only_server() {
    let h2 = transport_support::h2_server(None).await;
    let url = format!("http://127.0.0.1:{}/", h2.addr.port());
    let col = collection(
        &url,
        None,
        "pm.test('h2', () => pm.expect(pm.response.text()).to.match(/^HTTP\\/2/));",
    );
    let r = run(col.clone(), &["--http2"], &[]).await;
    assert!(r.out.status.success(), "{}", explain(&r));
    let r = run(col, &[], &[]).await;
    assert!(
        !r.out.status.success(),
        "HTTP/1.1 is the default: {}",
        explain(&r)
    );
}

#[tokio::test]
async fn ssl_client_cert_list_flag() {
    let pki = transport_support::Pki::new();
    let cfg = pki.server_config(&["mtls.test"], true, rustls::ALL_VERSIONS, &[b"http/1.1"]);
    let srv = transport_support::tls_server(cfg).await;
    let (cert, key) = pki.client_files("listed");
    let list = pki.path("list.json");
    std::fs::write(
        &list,
        json!([{"name": "m", "matches": ["https://mtls.test/*"], "cert": {"src": cert}, "key": {"src": key}}]).to_string(),
    )
    .unwrap();
    let col = collection("https://mtls.test/", None, "");
    let connect = format!("mtls.test:443:127.0.0.1:{}", srv.addr.port());
    let args = [
        "--connect-to",
        &connect,
        "--ssl-extra-ca-certs",
        pki.ca_pem.to_str().unwrap(),
        "--ssl-client-cert-list",
        list.to_str().unwrap(),
    ];
    let r = run(col, &args, &[]).await;
    assert!(r.out.status.success(), "{}", explain(&r));
    assert_eq!(srv.last().client_cn().as_deref(), Some("listed"));
}

#[tokio::test]
async fn fetched_oauth2_tokens_are_masked() {
    let echo = support::echo_server();
    let auth = json!({
        "type": "oauth2",
        "oauth2": [
            {"key": "grant_type", "value": "client_credentials"},
            {"key": "accessTokenUrl", "value": format!("{}/oauth2/token", echo.url())},
            {"key": "clientId", "value": postie::mock::creds::OAUTH2_CLIENT_ID},
            {"key": "clientSecret", "value": postie::mock::creds::OAUTH2_CLIENT_SECRET},
            {"key": "addTokenTo", "value": "queryParams"}
        ]
    });
    let col = collection(
        &format!("{}/get", echo.url()),
        Some(auth),
        "pm.test('sent', () => pm.expect(pm.response.json().args.access_token).to.be.a('string'));",
    );
    let r = run(col, &["--verbose", "--reporter-json-bodies"], &[]).await;
    assert!(r.out.status.success(), "{}", explain(&r));
    let token = postie::mock::creds::OAUTH2_ACCESS_TOKEN;
    let url = r.report["run"]["executions"][0]["request"]["url"].to_string();
    assert!(url.contains("access_token=********"), "{url}");
    assert!(
        !r.report_text.contains(token),
        "the token leaked into the JSON report"
    );
    // The echoed response body is masked too.
    let stream = &r.report["run"]["executions"][0]["response"]["stream"]["data"];
    let body: Vec<u8> = stream
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|b| b.as_u64())
                .map(|b| b as u8)
                .collect()
        })
        .unwrap_or_default();
    let body = String::from_utf8_lossy(&body);
    assert!(body.contains("\"access_token\":\"********\""), "{body}");
    // The verbose body is boxed and wrapped; join its lines before looking.
    let stdout = String::from_utf8_lossy(&r.out.stdout).replace("\n  │ ", "");
    assert!(stdout.contains("/get?access_token=********"), "{stdout}");
    assert!(
        !stdout.contains(token),
        "the token leaked into the cli output"
    );
    let sent = echo.log.entries();
    assert!(
        sent.iter().any(|e| e.target.contains(token)),
        "the request itself carried the token"
    );
}
