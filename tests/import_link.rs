//! `postie import`: the two seed "Run in Postman" links (verbatim, Markdown escapes included)
//! become the template environment byte for byte; with an API key the collection comes from a
//! local stand-in for the Postman API; `postie run UID -e UID` loads both through that API.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

use serde_json::{json, Value};

const CLIENT_SECRET_BASIC: &str = r"https://god.gw.postman.com/run-collection/3468883-9f96a27d-8425-4b45-bbd2-13452eea2a40?action=collection%2Ffork\&source=rip_markdown\&collection-url=entityId%3D3468883-9f96a27d-8425-4b45-bbd2-13452eea2a40%26entityType%3Dcollection%26workspaceId%3D3550b170-7818-4801-b1eb-dcb7b3f64263#?env%5BPingOne%20Workflow%20Library%20Template%20%28release%3A%202025-04-17%29%5D=W3sia2V5IjoidGxkIiwidmFsdWUiOiJjb20iLCJlbmFibGVkIjp0cnVlLCJ0eXBlIjoiZGVmYXVsdCJ9LHsia2V5IjoiYXV0aFBhdGgiLCJ2YWx1ZSI6Imh0dHBzOi8vYXV0aC5waW5nb25lLnt7dGxkfX0iLCJlbmFibGVkIjp0cnVlLCJ0eXBlIjoiZGVmYXVsdCJ9LHsia2V5IjoiYXBpUGF0aCIsInZhbHVlIjoiaHR0cHM6Ly9hcGkucGluZ29uZS57e3RsZH19L3YxIiwiZW5hYmxlZCI6dHJ1ZSwidHlwZSI6ImRlZmF1bHQifSx7ImtleSI6ImFkbWluRW52SUQiLCJ2YWx1ZSI6IiIsImVuYWJsZWQiOnRydWUsInR5cGUiOiJkZWZhdWx0In0seyJrZXkiOiJhZG1pbkFwcElEIiwidmFsdWUiOiIiLCJlbmFibGVkIjp0cnVlLCJ0eXBlIjoiZGVmYXVsdCJ9LHsia2V5IjoiYWRtaW5BcHBTZWNyZXQiLCJ2YWx1ZSI6IiIsImVuYWJsZWQiOnRydWUsInR5cGUiOiJkZWZhdWx0In0seyJrZXkiOiJlbnZJRCIsInZhbHVlIjoiIiwiZW5hYmxlZCI6dHJ1ZSwidHlwZSI6ImRlZmF1bHQifV0=";

const NONE: &str = r"https://god.gw.postman.com/run-collection/3468883-3a41d47d-f80d-48fa-9d4e-3ce1649a0dbf?action=collection%2Ffork\&source=rip_markdown\&collection-url=entityId%3D3468883-3a41d47d-f80d-48fa-9d4e-3ce1649a0dbf%26entityType%3Dcollection%26workspaceId%3D3550b170-7818-4801-b1eb-dcb7b3f64263#?env%5BPingOne%20Workflow%20Library%20Template%20%28release%3A%202025-04-17%29%5D=W3sia2V5IjoidGxkIiwidmFsdWUiOiJjb20iLCJlbmFibGVkIjp0cnVlLCJ0eXBlIjoiZGVmYXVsdCJ9LHsia2V5IjoiYXV0aFBhdGgiLCJ2YWx1ZSI6Imh0dHBzOi8vYXV0aC5waW5nb25lLnt7dGxkfX0iLCJlbmFibGVkIjp0cnVlLCJ0eXBlIjoiZGVmYXVsdCJ9LHsia2V5IjoiYXBpUGF0aCIsInZhbHVlIjoiaHR0cHM6Ly9hcGkucGluZ29uZS57e3RsZH19L3YxIiwiZW5hYmxlZCI6dHJ1ZSwidHlwZSI6ImRlZmF1bHQifSx7ImtleSI6ImFkbWluRW52SUQiLCJ2YWx1ZSI6IiIsImVuYWJsZWQiOnRydWUsInR5cGUiOiJkZWZhdWx0In0seyJrZXkiOiJhZG1pbkFwcElEIiwidmFsdWUiOiIiLCJlbmFibGVkIjp0cnVlLCJ0eXBlIjoiZGVmYXVsdCJ9LHsia2V5IjoiYWRtaW5BcHBTZWNyZXQiLCJ2YWx1ZSI6IiIsImVuYWJsZWQiOnRydWUsInR5cGUiOiJkZWZhdWx0In0seyJrZXkiOiJlbnZJRCIsInZhbHVlIjoiIiwiZW5hYmxlZCI6dHJ1ZSwidHlwZSI6ImRlZmF1bHQifV0=";

const ENV_FILE: &str =
    "pingone-workflow-library-template-release-2025-04-17.postman_environment.json";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn template() -> String {
    std::fs::read_to_string(root().join("environments/pingone-template.postman_environment.json"))
        .expect("template environment")
}

fn postie_in(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_postie"));
    command
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("POSTMAN_API_KEY");
    command
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn assert_ok(out: &Output) {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    );
}

#[test]
fn both_seed_links_give_the_template_environment_exactly() {
    for (link, id) in [
        (
            CLIENT_SECRET_BASIC,
            "3468883-9f96a27d-8425-4b45-bbd2-13452eea2a40",
        ),
        (NONE, "3468883-3a41d47d-f80d-48fa-9d4e-3ce1649a0dbf"),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = postie_in(dir.path())
            .args(["import", link])
            .output()
            .expect("run");
        assert_ok(&out);
        assert_eq!(text(&out.stdout), format!("{id}\n"));
        let written = std::fs::read_to_string(dir.path().join(ENV_FILE)).expect("environment file");
        assert_eq!(written, template());
        let files = std::fs::read_dir(dir.path()).expect("dir").count();
        assert_eq!(
            files, 1,
            "only the environment is written without an API key"
        );
    }
}

#[test]
fn the_template_has_the_links_values() {
    let env: Value = serde_json::from_str(&template()).expect("JSON");
    assert_eq!(
        env["name"],
        "PingOne Workflow Library Template (release: 2025-04-17)"
    );
    let pairs: Vec<(&str, &str)> = env["values"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| {
            (
                v["key"].as_str().unwrap_or(""),
                v["value"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("tld", "com"),
            ("authPath", "https://auth.pingone.{{tld}}"),
            ("apiPath", "https://api.pingone.{{tld}}/v1"),
            ("adminEnvID", ""),
            ("adminAppID", ""),
            ("adminAppSecret", ""),
            ("envID", "")
        ]
    );
}

#[test]
fn a_link_wrapped_as_the_issue_quotes_it_and_output_to_a_chosen_file() {
    // The issue text wraps the link and quotes it with "> ".
    let (head, tail) = CLIENT_SECRET_BASIC.split_at(CLIENT_SECRET_BASIC.len() - 56);
    let wrapped = format!("{head}\n> {tail}");
    let dir = tempfile::tempdir().expect("temp dir");
    let out = postie_in(dir.path())
        .args(["import", &wrapped, "--output", "env.json"])
        .output()
        .expect("run");
    assert_ok(&out);
    let written = std::fs::read_to_string(dir.path().join("env.json")).expect("env.json");
    assert_eq!(written, template());
}

#[test]
fn a_link_without_an_environment_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let link = CLIENT_SECRET_BASIC.split('#').next().unwrap_or_default();
    let out = postie_in(dir.path())
        .args(["import", link])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("not a \"Run in Postman\" link") && err.contains("no environment"),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}

/// A stand-in for the Postman API: `GET /collections/{uid}` and `GET /environments/{uid}`
/// answered from `routes` when `X-Api-Key` is `KEY`; records `(target, X-Api-Key)`.
struct Api {
    addr: SocketAddr,
    seen: Seen,
}

/// `(request target, X-Api-Key)` of every request, in order.
type Seen = Arc<Mutex<Vec<(String, Option<String>)>>>;

const KEY: &str = "PMAK-test-key";

impl Api {
    fn start(routes: Vec<(String, Value)>) -> Api {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let mut reader = BufReader::new(stream);
                let mut line = String::new();
                let _ = reader.read_line(&mut line);
                let target = line.split(' ').nth(1).unwrap_or("").to_string();
                let mut key = None;
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
                        break;
                    }
                    if let Some((k, v)) = header.split_once(':') {
                        if k.eq_ignore_ascii_case("x-api-key") {
                            key = Some(v.trim().to_string());
                        }
                    }
                }
                let found = routes.iter().find(|(path, _)| *path == target);
                let (status, body) = match (found, key.as_deref()) {
                    (_, k) if k != Some(KEY) => (
                        "401 Unauthorized",
                        json!({"error": {"name": "AuthenticationError", "message": "Invalid API Key. Every request requires a valid API Key to be sent."}}),
                    ),
                    (Some((_, body)), _) => ("200 OK", body.clone()),
                    (None, _) => (
                        "404 Not Found",
                        json!({"error": {"name": "instanceNotFoundError", "message": "We could not find the collection you are looking for"}}),
                    ),
                };
                if let Ok(mut seen) = log.lock() {
                    seen.push((target, key));
                }
                let body = body.to_string();
                let answer = format!("HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
                let mut stream = reader.into_inner();
                let _ = stream.write_all(answer.as_bytes());
                let _ = stream.flush();
                let mut rest = Vec::new();
                let _ = stream.set_read_timeout(Some(std::time::Duration::from_millis(50)));
                let _ = stream.read_to_end(&mut rest);
            }
        });
        Api { addr, seen }
    }

    fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn seen(&self) -> Vec<(String, Option<String>)> {
        self.seen.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

fn basic_collection() -> Value {
    let text = std::fs::read_to_string(
        root().join("collections/pingone-client-secret-basic.postman_collection.json"),
    )
    .expect("collection");
    serde_json::from_str(&text).expect("JSON")
}

#[test]
fn with_an_api_key_the_collection_is_downloaded() {
    let uid = "3468883-9f96a27d-8425-4b45-bbd2-13452eea2a40";
    let api = Api::start(vec![(
        format!("/collections/{uid}"),
        json!({"collection": basic_collection()}),
    )]);
    let dir = tempfile::tempdir().expect("temp dir");
    let out = postie_in(dir.path())
        .args([
            "import",
            CLIENT_SECRET_BASIC,
            "--postman-api-url",
            &api.url(),
        ])
        .env("POSTMAN_API_KEY", KEY)
        .output()
        .expect("run");
    assert_ok(&out);
    assert_eq!(
        api.seen(),
        vec![(format!("/collections/{uid}"), Some(KEY.to_string()))]
    );
    let name = "pingone-workflow-library-client-secret-basic.postman_collection.json";
    let written: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join(name)).expect("collection file"),
    )
    .expect("JSON");
    assert_eq!(
        written,
        basic_collection(),
        "the API's wrapper is removed, the rest kept"
    );
    assert!(text(&out.stderr).contains(name));
    assert_eq!(
        std::fs::read_to_string(dir.path().join(ENV_FILE)).expect("env"),
        template()
    );
}

#[test]
fn a_refused_api_key_fails_with_the_status() {
    let api = Api::start(Vec::new());
    let dir = tempfile::tempdir().expect("temp dir");
    let out = postie_in(dir.path())
        .args([
            "import",
            NONE,
            "--postman-api-key",
            "wrong",
            "--postman-api-url",
            &api.url(),
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("the collection could not be downloaded") && err.contains("401"),
        "{err}"
    );
    assert_eq!(api.seen()[0].1.as_deref(), Some("wrong"));
}

#[test]
fn run_takes_collection_and_environment_uids_through_the_api() {
    let target = Api::start(vec![("/ping".to_string(), json!({"pong": true}))]);
    let collection = json!({
        "info": {"name": "by uid", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{
            "name": "ping",
            "request": {"method": "GET", "url": "{{base}}/ping", "header": [{"key": "X-Api-Key", "value": KEY}]},
            "event": [{"listen": "test", "script": {"exec": [
                "pm.test('the environment came from the API', function () { pm.expect(pm.environment.get('base')).to.eql(pm.environment.get('expected')); });",
                "pm.test('the target answered', function () { pm.response.to.have.status(200); });"
            ]}}]
        }]
    });
    let environment = json!({"environment": {"id": "e", "name": "by uid", "values": [
        {"key": "base", "value": target.url(), "enabled": true},
        {"key": "expected", "value": target.url(), "enabled": true}
    ]}});
    let col_uid = "12345-0f1c8aea-9946-461a-8908-5360cf66f9f5";
    let env_uid = "12345-5b0c2a3e-2f11-4a8e-9b1c-6d7e8f9a0b1c";
    let api = Api::start(vec![
        (
            format!("/collections/{col_uid}"),
            json!({"collection": collection}),
        ),
        (format!("/environments/{env_uid}"), environment),
    ]);
    let dir = tempfile::tempdir().expect("temp dir");
    let out = postie_in(dir.path())
        .args([
            "run",
            col_uid,
            "-e",
            env_uid,
            "--postman-api-key",
            KEY,
            "--postman-api-url",
            &api.url(),
        ])
        .output()
        .expect("run");
    assert_ok(&out);
    let seen: Vec<String> = api.seen().into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        seen,
        [
            format!("/collections/{col_uid}"),
            format!("/environments/{env_uid}")
        ]
    );
    assert!(api.seen().iter().all(|(_, k)| k.as_deref() == Some(KEY)));
    assert_eq!(target.seen().len(), 1);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("the environment came from the API"),
        "{stdout}"
    );
}
