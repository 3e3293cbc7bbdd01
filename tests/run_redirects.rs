//! Redirects as postman-request follows them, checked on the wire and in the reports: default
//! follow (301/302/303 → GET, 307/308 keep method and body), `--ignore-redirects`, and the
//! per-item/folder/collection `protocolProfileBehavior` options `followRedirects`,
//! `maxRedirects`, `followOriginalHttpMethod`, `followAuthorizationHeader`,
//! `removeRefererHeaderOnRedirect`. Every case here was compared with Newman 6.2.

mod support;

use postie::mock::RecordedRequest;
use serde_json::{json, Value};
use support::run::{collection_with, executions, request, Work};

fn raw_body() -> Value {
    json!({"mode": "raw", "raw": "hi"})
}

/// An item with `protocolProfileBehavior`.
fn with_ppb(mut item: Value, ppb: Value) -> Value {
    item["protocolProfileBehavior"] = ppb;
    item
}

/// Runs `items` against an echo server (`{{base}}`) and a second one (`{{other}}`, on
/// `localhost`); returns the JSON report and the requests each server received.
fn run(
    items: Value,
    extra: Value,
    args: &[&str],
    code: i32,
) -> (Value, Vec<RecordedRequest>, Vec<RecordedRequest>) {
    let server = support::echo_server();
    let other = support::echo_server();
    let work = Work::new();
    let base = format!("base={}", server.url());
    let other_url = format!("other=http://localhost:{}", other.port());
    let mut all = vec!["--env-var", base.as_str(), "--env-var", other_url.as_str()];
    all.extend_from_slice(args);
    let (ran, report) = work.run_json(&collection_with("Redirects", items, extra), &all);
    ran.expect_code(code);
    (report, server.log.entries(), other.log.entries())
}

fn summary(r: &RecordedRequest) -> (String, String, String) {
    (r.method.clone(), r.target.clone(), r.body_text())
}

fn s(method: &str, target: &str, body: &str) -> (String, String, String) {
    (method.into(), target.into(), body.into())
}

#[test]
fn methods_change_as_postman_request_changes_them() {
    let items = json!([
        request(
            "302",
            "POST",
            "{{base}}/redirect-to?url=/anything&status_code=302",
            json!({"body": raw_body()})
        ),
        request(
            "301",
            "POST",
            "{{base}}/redirect-to?url=/anything&status_code=301",
            json!({"body": raw_body()})
        ),
        request(
            "303",
            "PUT",
            "{{base}}/redirect-to?url=/anything&status_code=303",
            json!({"body": raw_body()})
        ),
        request(
            "307",
            "POST",
            "{{base}}/redirect-to?url=/anything&status_code=307",
            json!({"body": raw_body()})
        ),
        request(
            "308",
            "PATCH",
            "{{base}}/redirect-to?url=/anything&status_code=308",
            json!({"body": raw_body()})
        ),
        with_ppb(
            request(
                "302 original",
                "POST",
                "{{base}}/redirect-to?url=/anything&status_code=302",
                json!({"body": raw_body()})
            ),
            json!({"followOriginalHttpMethod": true})
        ),
    ]);
    let (report, got, _) = run(items, json!({}), &[], 0);
    let hops: Vec<_> = got.iter().map(summary).collect();
    assert_eq!(
        hops,
        vec![
            s("POST", "/redirect-to?url=/anything&status_code=302", "hi"),
            s("GET", "/anything", ""),
            s("POST", "/redirect-to?url=/anything&status_code=301", "hi"),
            s("GET", "/anything", ""),
            s("PUT", "/redirect-to?url=/anything&status_code=303", "hi"),
            s("GET", "/anything", ""),
            s("POST", "/redirect-to?url=/anything&status_code=307", "hi"),
            s("POST", "/anything", "hi"),
            s("PATCH", "/redirect-to?url=/anything&status_code=308", "hi"),
            s("PATCH", "/anything", "hi"),
            s("POST", "/redirect-to?url=/anything&status_code=302", "hi"),
            s("POST", "/anything", "hi"),
        ]
    );
    // A GET hop drops the body's headers.
    assert_eq!(got[1].header("content-type"), None);
    assert_eq!(got[1].header("content-length"), None);
    assert_eq!(got[7].header("content-type"), Some("text/plain"));
    // The report keeps the request as first sent (Newman's), with the final response.
    let first = &executions(&report)[0];
    assert_eq!(first["request"]["method"], "POST");
    assert!(first["request"]["url"]["raw"]
        .as_str()
        .unwrap()
        .ends_with("/redirect-to?url=/anything&status_code=302"));
    assert_eq!(first["response"]["code"], 200);
}

#[test]
fn ignore_redirects_and_follow_redirects_false_return_the_3xx() {
    let items = json!([
        request("flag", "GET", "{{base}}/redirect/1", json!({})),
        with_ppb(
            request("item says follow", "GET", "{{base}}/redirect/1", json!({})),
            json!({"followRedirects": true})
        ),
    ]);
    let (report, got, _) = run(items, json!({}), &["--ignore-redirects"], 0);
    let targets: Vec<_> = got.iter().map(|r| r.target.as_str()).collect();
    assert_eq!(targets, vec!["/redirect/1", "/redirect/1", "/get"]);
    let codes: Vec<_> = executions(&report)
        .iter()
        .map(|e| e["response"]["code"].as_u64().unwrap())
        .collect();
    assert_eq!(codes, vec![302, 200]);
    let location =
        support::run::report_header(&executions(&report)[0]["response"]["header"], "location");
    assert_eq!(location, Some("/get"));
}

#[test]
fn behaviour_merges_collection_folder_and_item() {
    // The collection says do not follow; a folder says follow at most once; an item overrides.
    let items = json!([
        {"name": "F", "protocolProfileBehavior": {"followRedirects": true, "maxRedirects": 1}, "item": [
            request("folder follows", "GET", "{{base}}/redirect/1", json!({})),
            request("folder max", "GET", "{{base}}/redirect/2", json!({})),
        ]},
        request("collection", "GET", "{{base}}/redirect/1", json!({})),
    ]);
    let (report, got, _) = run(
        items,
        json!({"protocolProfileBehavior": {"followRedirects": false}}),
        &[],
        1,
    );
    let targets: Vec<_> = got.iter().map(|r| r.target.as_str()).collect();
    assert_eq!(
        targets,
        vec![
            "/redirect/1",
            "/get",
            "/redirect/2",
            "/redirect/1",
            "/redirect/1"
        ]
    );
    let failures = report["run"]["failures"].as_array().unwrap();
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0]["source"]["name"], "folder max");
    let message = failures[0]["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with(
            "Exceeded maxRedirects. Probably stuck in a redirect loop http://127.0.0.1:"
        ),
        "{message}"
    );
    assert!(message.ends_with("/redirect/1"), "{message}");
    assert_eq!(executions(&report)[2]["response"]["code"], 302);
}

#[test]
fn ten_redirects_are_followed_and_eleven_are_too_many() {
    let items = json!([
        request("ten", "GET", "{{base}}/redirect/10", json!({})),
        request("eleven", "GET", "{{base}}/redirect/11", json!({})),
    ]);
    let (report, got, _) = run(items, json!({}), &[], 1);
    // 10 hops + /get, then 11 requests before giving up.
    assert_eq!(got.len(), 11 + 11);
    assert_eq!(got[10].target, "/get");
    let e = executions(&report);
    assert_eq!(e[0]["response"]["code"], 200);
    assert!(e[1].get("response").is_none(), "{}", e[1]);
    assert_eq!(e[1]["requestError"]["name"], "Error");
    assert_eq!(report["run"]["stats"]["requests"]["failed"], 1);
}

#[test]
fn authorization_stays_on_the_same_host_only_unless_asked() {
    let bearer = json!({"type": "bearer", "bearer": [{"key": "token", "value": "T"}]});
    let items = json!([
        request(
            "cross",
            "GET",
            "{{base}}/redirect-to?url={{other}}/headers",
            json!({"auth": bearer})
        ),
        with_ppb(
            request(
                "cross kept",
                "GET",
                "{{base}}/redirect-to?url={{other}}/headers",
                json!({"auth": bearer})
            ),
            json!({"followAuthorizationHeader": true})
        ),
        request(
            "same host",
            "GET",
            "{{base}}/redirect-to?url=/headers",
            json!({"auth": bearer})
        ),
    ]);
    let (_, here, there) = run(items, json!({}), &[], 0);
    assert_eq!(there.len(), 2);
    assert_eq!(there[0].header("authorization"), None);
    assert_eq!(there[1].header("authorization"), Some("Bearer T"));
    assert_eq!(here.len(), 4);
    assert_eq!(here[3].target, "/headers");
    assert_eq!(here[3].header("authorization"), Some("Bearer T"));
}

#[test]
fn referer_is_the_previous_url_unless_removed() {
    let items = json!([
        request(
            "referer",
            "GET",
            "{{base}}/redirect-to?url=/headers%3Fq%3D1",
            json!({})
        ),
        with_ppb(
            request(
                "no referer",
                "GET",
                "{{base}}/redirect-to?url=/headers",
                json!({})
            ),
            json!({"removeRefererHeaderOnRedirect": true})
        ),
        request("chain", "GET", "{{base}}/redirect/2", json!({})),
    ]);
    let server = support::echo_server();
    let work = Work::new();
    let base = format!("base={}", server.url());
    work.run_collection(
        &collection_with("Referer", items, json!({})),
        &["--env-var", &base],
    )
    .expect_code(0);
    let got = server.log.entries();
    let url = server.url();
    assert_eq!(got[0].header("referer"), None);
    assert_eq!(got[1].target, "/headers?q=1");
    assert_eq!(
        got[1].header("referer"),
        Some(format!("{url}/redirect-to?url=/headers%3Fq%3D1").as_str())
    );
    assert_eq!(got[3].header("referer"), None);
    // Each hop of a chain refers to the one before.
    let chain: Vec<_> = got[4..]
        .iter()
        .map(|r| (r.target.clone(), r.header("referer").map(String::from)))
        .collect();
    assert_eq!(
        chain,
        vec![
            ("/redirect/2".to_string(), None),
            ("/redirect/1".to_string(), Some(format!("{url}/redirect/2"))),
            ("/get".to_string(), Some(format!("{url}/redirect/1"))),
        ]
    );
}

#[test]
fn the_cli_shows_the_request_as_first_sent() {
    let server = support::echo_server();
    let work = Work::new();
    let items = json!([request(
        "p",
        "POST",
        "{{base}}/redirect-to?url=/get&status_code=302",
        json!({"body": raw_body()})
    )]);
    let base = format!("base={}", server.url());
    let ran = work.run_collection(
        &collection_with("Cli", items, json!({})),
        &["--env-var", &base, "--reporter-cli-no-summary"],
    );
    ran.expect_code(0);
    let line = format!(
        "  POST {}/redirect-to?url=/get&status_code=302 [200 OK, ",
        server.url()
    );
    assert!(ran.stdout.contains(&line), "{}", ran.stdout);
}
