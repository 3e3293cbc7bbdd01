//! Auth as sent on the wire: basic, bearer, apikey (header and query), noauth, inheritance from
//! folders and the collection (explicit `inherit` too), v2.0 object parameters, variables in
//! parameters, and an unsupported type failing only its request. Headers checked against
//! Newman 6.2 on a raw echo.

mod support;

use serde_json::{json, Value};
use support::run::{collection_with, request, Work};

fn basic(user: &str, pass: &str) -> Value {
    json!({"type": "basic", "basic": [{"key": "username", "value": user}, {"key": "password", "value": pass}]})
}

fn bearer(token: &str) -> Value {
    json!({"type": "bearer", "bearer": [{"key": "token", "value": token}]})
}

fn get(name: &str, path: &str, auth: Option<Value>) -> Value {
    let more = match auth {
        Some(a) => json!({"auth": a}),
        None => json!({}),
    };
    request(name, "GET", &format!("{{{{base}}}}{path}"), more)
}

/// Runs the collection against an echo server; returns (target, Authorization) per request.
fn authorizations(
    items: Value,
    collection_auth: Value,
    code: i32,
) -> Vec<(String, Option<String>)> {
    let server = support::echo_server();
    let work = Work::new();
    let doc = collection_with("Auth", items, json!({"auth": collection_auth}));
    let base = format!("base={}", server.url());
    work.run_collection(
        &doc,
        &[
            "--env-var",
            &base,
            "--env-var",
            "x=vx",
            "--env-var",
            "user=me",
        ],
    )
    .expect_code(code);
    server
        .log
        .entries()
        .into_iter()
        .map(|r| {
            (
                r.target.clone(),
                r.header("authorization").map(String::from),
            )
        })
        .collect()
}

fn pair(target: &str, auth: Option<&str>) -> (String, Option<String>) {
    (target.to_string(), auth.map(String::from))
}

#[test]
fn inheritance_runs_request_then_folders_then_collection() {
    let items = json!([
        get("collection", "/get?c", None),
        {"name": "F", "auth": bearer("tok-{{x}}"), "item": [
            get("folder", "/get?f", None),
            {"name": "Inner", "item": [{"name": "nested", "request": {"url": "{{base}}/get?n", "auth": null}}]},
            get("explicit inherit", "/get?i", Some(json!({"type": "inherit"}))),
            get("own", "/get?o", Some(basic("a", "b"))),
            get("noauth", "/get?none", Some(json!({"type": "noauth"}))),
        ]},
        {"name": "Open", "auth": {"type": "noauth"}, "item": [get("under noauth", "/get?nf", None)]},
        {"name": "Pass", "auth": {"type": "inherit"}, "item": [get("through inherit folder", "/get?p", None)]},
    ]);
    let got = authorizations(items, basic("{{user}}", "p:w"), 0);
    assert_eq!(
        got,
        vec![
            pair("/get?c", Some("Basic bWU6cDp3")), // me:p:w
            pair("/get?f", Some("Bearer tok-vx")),
            pair("/get?n", Some("Bearer tok-vx")),
            pair("/get?i", Some("Bearer tok-vx")),
            pair("/get?o", Some("Basic YTpi")),
            pair("/get?none", None),
            pair("/get?nf", None),
            pair("/get?p", Some("Basic bWU6cDp3")),
        ]
    );
}

#[test]
fn basic_auth_is_accepted_by_the_server() {
    let server = support::echo_server();
    let work = Work::new();
    let items = json!([{
        "name": "login",
        "request": {"url": "{{base}}/basic-auth", "auth": basic("postman", "{{pw}}")},
        "event": support::run::test_script(&["tests['authenticated'] = responseCode.code === 200;"])
    }]);
    let base = format!("base={}", server.url());
    let ran = work.run_collection(
        &collection_with("Basic", items, json!({})),
        &["--env-var", &base, "--env-var", "pw=password"],
    );
    ran.expect_code(0);
    assert!(ran.stdout.contains("✓  authenticated"), "{}", ran.stdout);
    assert_eq!(
        server.log.last().unwrap().header("authorization"),
        Some("Basic cG9zdG1hbjpwYXNzd29yZA==")
    );
}

#[test]
fn auth_replaces_a_user_authorization_header() {
    // Newman (and Postman) let the auth helper win over a hand-written Authorization header.
    let items = json!([request(
        "h",
        "GET",
        "{{base}}/get",
        json!({"header": [{"key": "Authorization", "value": "Custom abc"}]})
    )]);
    let got = authorizations(items, bearer("t1"), 0);
    assert_eq!(got, vec![pair("/get", Some("Bearer t1"))]);
}

#[test]
fn apikey_in_a_header_replaces_the_same_header() {
    let server = support::echo_server();
    let work = Work::new();
    let auth = json!({"type": "apikey", "apikey": [
        {"key": "key", "value": "X-Api-Key"}, {"key": "value", "value": "{{x}}"}, {"key": "in", "value": "header"}
    ]});
    let items = json!([request(
        "k",
        "GET",
        "{{base}}/headers",
        json!({"header": [{"key": "x-api-key", "value": "old"}], "auth": auth})
    )]);
    let base = format!("base={}", server.url());
    work.run_collection(
        &collection_with("Key", items, json!({})),
        &["--env-var", &base, "--env-var", "x=vx"],
    )
    .expect_code(0);
    let r = server.log.last().unwrap();
    assert_eq!(r.header_all("x-api-key"), vec!["vx"]);
    assert_eq!(r.header("authorization"), None);
}

#[test]
fn apikey_in_the_query_replaces_the_same_parameter() {
    let auth = json!({"type": "apikey", "apikey": [
        {"key": "key", "value": "k"}, {"key": "value", "value": "v 1"}, {"key": "in", "value": "query"}
    ]});
    let items = json!([get("q", "/get?a=1&k=old", Some(auth))]);
    let got = authorizations(items, json!(null), 0);
    assert_eq!(got, vec![pair("/get?a=1&k=v%201", None)]);
}

#[test]
fn v20_object_parameters_work_as_v21_lists() {
    let items = json!([
        get(
            "v20 basic",
            "/get?b",
            Some(json!({"type": "basic", "basic": {"username": "u", "password": "{{x}}"}}))
        ),
        get(
            "v20 bearer",
            "/get?t",
            Some(json!({"type": "bearer", "bearer": {"token": "{{user}}"}}))
        ),
    ]);
    let got = authorizations(items, json!(null), 0);
    assert_eq!(
        got,
        vec![
            pair("/get?b", Some("Basic dTp2eA==")),
            pair("/get?t", Some("Bearer me"))
        ]
    );
}

#[test]
fn an_unsupported_type_fails_its_request_only() {
    let server = support::echo_server();
    let work = Work::new();
    // Every Postman type is supported since the auth work; an unknown one still fails.
    let unknown = json!({"type": "kerberos", "kerberos": [{"key": "username", "value": "u"}]});
    let items = json!([
        get("unsupported", "/get?d", Some(unknown)),
        get("fine", "/get?ok", None)
    ]);
    let base = format!("base={}", server.url());
    let (ran, report) = work.run_json(
        &collection_with("Kerberos", items, json!({})),
        &["--env-var", &base],
    );
    ran.expect_code(1);
    // Only the second request reached the server.
    let targets: Vec<String> = server.log.entries().into_iter().map(|r| r.target).collect();
    assert_eq!(targets, vec!["/get?ok"]);
    let failures = report["run"]["failures"].as_array().unwrap();
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0]["at"], "request");
    assert_eq!(failures[0]["source"]["name"], "unsupported");
    let message = failures[0]["error"]["message"].as_str().unwrap_or("");
    assert!(
        message.starts_with("unsupported auth type `kerberos` (postie supports noauth, basic, bearer, apikey, digest"),
        "{message}"
    );
    assert_eq!(report["run"]["stats"]["requests"]["total"], 2);
    assert_eq!(report["run"]["stats"]["requests"]["failed"], 1);
}
