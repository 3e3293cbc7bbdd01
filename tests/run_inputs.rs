//! Inputs in every shape Newman takes: v1 and v2.0 collections, the Postman API wrappers,
//! UTF-16 files with a byte order mark, and the collection, environment, globals and data
//! loaded from http URLs (served by a test server). Wire results compared with Newman 6.2.

mod support;

use serde_json::json;
use support::run::{collection, executions, fixture, request, utf16, FileServer, Work};

#[test]
fn a_v1_collection_is_converted_and_runs() {
    let server = support::echo_server();
    let work = Work::new();
    let base = format!("base={}", server.url());
    let path = fixture("v1.postman_collection.json");
    let ran = work.run(&[
        "run",
        path.to_str().unwrap(),
        "--env-var",
        &base,
        "--env-var",
        "one=1",
    ]);
    ran.expect_code(0);
    assert!(
        ran.stdout.contains("Legacy v1\n\n❏ A\n↳ Raw\n"),
        "{}",
        ran.stdout
    );
    assert!(ran.stdout.contains("  ✓  status\n"), "{}", ran.stdout);
    assert!(
        ran.stderr.contains("the collection is in the v1 format"),
        "Newman warns about v1 collections; so does postie: {}",
        ran.stderr
    );
    let got = server.log.entries();
    let targets: Vec<_> = got
        .iter()
        .map(|r| (r.method.as_str(), r.target.as_str()))
        .collect();
    assert_eq!(
        targets,
        vec![("POST", "/post?v=1"), ("PUT", "/put"), ("GET", "/get?top")]
    );
    assert_eq!(got[0].body_text(), "{\"a\": \"1\"}");
    assert_eq!(got[0].header("content-type"), Some("application/json"));
    assert_eq!(got[0].header("x-one"), Some("1"));
    assert_eq!(got[0].header("x-disabled"), None);
    assert_eq!(got[1].body_text(), "a=1");
    assert_eq!(got[1].header("authorization"), Some("Basic dTpw"));
}

#[test]
fn a_v20_collection_with_object_auth_parameters() {
    let server = support::echo_server();
    let work = Work::new();
    let base = format!("base={}", server.url());
    let path = work.file(
        "v20.json",
        std::fs::read(fixture("v20.postman_collection.json")).unwrap(),
    );
    let ran = work.run(&[
        "run",
        path.as_str(),
        "--env-var",
        &base,
        "--env-var",
        "user=postman",
        "-r",
        "json",
        "--reporter-json-export",
        "r.json",
    ]);
    ran.expect_code(0);
    assert!(!ran.stderr.contains("v1 format"), "{}", ran.stderr);
    let report = work.read_json("r.json");
    let codes: Vec<_> = executions(&report)
        .iter()
        .map(|e| e["response"]["code"].as_u64().unwrap())
        .collect();
    assert_eq!(
        codes,
        vec![200, 200],
        "postman:password is accepted by /basic-auth"
    );
    assert_eq!(
        server.log.entries()[1].header("authorization"),
        Some("Bearer t0k")
    );
}

#[test]
fn postman_api_wrappers_are_unwrapped() {
    let server = support::echo_server();
    let work = Work::new();
    let inner = collection(
        "Wrapped",
        json!([request("r", "GET", "{{base}}/get?w={{w}}", json!({}))]),
    );
    let c = work.json("c.json", &json!({"collection": inner}));
    let env = work.json(
        "e.json",
        &json!({"environment": {"name": "E", "values": [{"key": "base", "value": server.url()}, {"key": "w", "value": "env"}]}}),
    );
    let ran = work.run(&["run", &c, "-e", &env]);
    ran.expect_code(0);
    assert!(ran.stdout.contains("\nWrapped\n"), "{}", ran.stdout);
    assert_eq!(server.log.last().unwrap().target, "/get?w=env");
}

#[test]
fn utf16_files_with_a_byte_order_mark() {
    let server = support::echo_server();
    let work = Work::new();
    let c = collection(
        "Grüße 😀",
        json!([request(
            "é",
            "GET",
            "{{base}}/get?n={{name}}&d={{d}}",
            json!({"header": [{"key": "X-Name", "value": "{{name}}"}]})
        )]),
    );
    let c = work.file("c.json", utf16(&c.to_string(), true));
    let env = json!({"name": "E", "values": [{"key": "base", "value": server.url()}, {"key": "name", "value": "Zoë"}]});
    let env = work.file("e.json", utf16(&env.to_string(), false));
    let data = work.file("d.csv", utf16("d\nçà\n", true));
    let ran = work.run(&["run", &c, "-e", &env, "-d", &data]);
    ran.expect_code(0);
    assert!(ran.stdout.contains("\nGrüße 😀\n\n→ é\n"), "{}", ran.stdout);
    let r = server.log.last().unwrap();
    assert_eq!(r.target, "/get?n=Zo%C3%AB&d=%C3%A7%C3%A0");
    // "ë" goes out as the single byte 0xEB (latin1, as Node writes header values), which the
    // log's UTF-8 view shows as U+FFFD; UTF-8 bytes would have read back as "Zoë".
    assert_eq!(r.header("x-name"), Some("Zo\u{FFFD}"));
}

#[test]
fn inputs_load_from_http_urls() {
    let server = support::echo_server();
    let c = collection(
        "Remote",
        json!([request(
            "r",
            "GET",
            "{{base}}/get?e={{e}}&g={{g}}&d={{d}}",
            json!({})
        )]),
    );
    let env = json!({"name": "Remote env", "values": [{"key": "base", "value": server.url()}, {"key": "e", "value": "env"}]});
    let globals = json!({"name": "G", "values": [{"key": "g", "value": "glob"}]});
    let files = FileServer::start(vec![
        ("/c.json", c.to_string().into_bytes()),
        ("/e.json", env.to_string().into_bytes()),
        ("/g.json", globals.to_string().into_bytes()),
        ("/d.csv", b"d\n1\n2\n".to_vec()),
    ]);
    let work = Work::new();
    let ran = work.run(&[
        "run",
        &files.url("/c.json"),
        "-e",
        &files.url("/e.json"),
        "-g",
        &files.url("/g.json"),
        "-d",
        &files.url("/d.csv"),
        "-r",
        "json",
        "--reporter-json-export",
        "r.json",
    ]);
    ran.expect_code(0);
    let targets: Vec<_> = server.log.entries().into_iter().map(|r| r.target).collect();
    assert_eq!(
        targets,
        vec!["/get?e=env&g=glob&d=1", "/get?e=env&g=glob&d=2"]
    );
    let report = work.read_json("r.json");
    assert_eq!(report["collection"]["info"]["name"], "Remote");
    assert_eq!(report["environment"]["name"], "Remote env");
}

#[test]
fn a_url_that_does_not_serve_a_collection() {
    let files = FileServer::start(vec![]);
    let work = Work::new();
    let url = files.url("/missing.json");
    let ran = work.run(&["run", &url]);
    ran.expect_code(1);
    assert!(
        ran.stderr
            .starts_with("error: collection could not be loaded\n"),
        "{}",
        ran.stderr
    );
    assert!(ran.stderr.contains(&url), "{}", ran.stderr);
    let port = support::run::closed_port();
    let ran = work.run(&["run", &format!("http://127.0.0.1:{port}/c.json")]);
    ran.expect_code(1);
    assert!(
        ran.stderr
            .starts_with("error: collection could not be loaded\n"),
        "{}",
        ran.stderr
    );
    assert!(ran.stderr.contains("ECONNREFUSED"), "{}", ran.stderr);
}
