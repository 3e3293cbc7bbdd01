//! One cookie jar per run: cookies set by responses (redirect hops included) go out with later
//! requests and iterations, scoped by path, deleted by expiry, kept out by `disableCookies`;
//! `--cookie-jar` starts from a tough-cookie file (as Newman writes it) and `--export-cookie-jar`
//! writes the final jar in the same shape. Compared with Newman 6.2.

mod support;

use serde_json::{json, Value};
use support::run::{collection, request, Work};

fn get(name: &str, path: &str) -> Value {
    request(name, "GET", &format!("{{{{base}}}}{path}"), json!({}))
}

/// (target, Cookie header) of every request the server received.
fn cookies_sent(log: &postie::mock::RequestLog) -> Vec<(String, Option<String>)> {
    log.entries()
        .into_iter()
        .map(|r| (r.target.clone(), r.header("cookie").map(String::from)))
        .collect()
}

fn c(target: &str, cookie: Option<&str>) -> (String, Option<String>) {
    (target.to_string(), cookie.map(String::from))
}

#[test]
fn cookies_go_out_on_later_hops_requests_and_iterations() {
    let server = support::echo_server();
    let work = Work::new();
    let items = json!([
        get("set", "/cookies/set?a=1&b=x y"),
        get("echo", "/headers")
    ]);
    let base = format!("base={}", server.url());
    work.run_collection(&collection("Jar", items), &["--env-var", &base, "-n", "2"])
        .expect_code(0);
    assert_eq!(
        cookies_sent(&server.log),
        vec![
            c("/cookies/set?a=1&b=x%20y", None),
            c("/cookies", Some("a=1; b=x%20y")), // the redirect hop
            c("/headers", Some("a=1; b=x%20y")),
            c("/cookies/set?a=1&b=x%20y", Some("a=1; b=x%20y")), // iteration 2
            c("/cookies", Some("a=1; b=x%20y")),
            c("/headers", Some("a=1; b=x%20y")),
        ]
    );
}

#[test]
fn path_scope_deletion_and_disable_cookies() {
    let server = support::echo_server();
    let work = Work::new();
    let mut off = get("off", "/headers?off");
    off["protocolProfileBehavior"] = json!({"disableCookies": true});
    let items = json!([
        get("set", "/cookies/set?a=1&b=2"),
        get(
            "path",
            "/response-headers?Set-Cookie=p%3D1%3B%20Path%3D%2Fanything"
        ),
        get("outside path", "/headers?out"),
        get("inside path", "/anything/x"),
        off,
        get("delete", "/cookies/delete?a"),
        get("after delete", "/headers?after"),
    ]);
    let base = format!("base={}", server.url());
    let ran = work.run_collection(
        &collection("Scope", items),
        &["--env-var", &base, "--export-cookie-jar", "jar.json"],
    );
    ran.expect_code(0);
    let sent = cookies_sent(&server.log);
    assert_eq!(sent[3], c("/headers?out", Some("a=1; b=2")));
    // Longest path first.
    assert_eq!(sent[4], c("/anything/x", Some("p=1; a=1; b=2")));
    assert_eq!(sent[5], c("/headers?off", None));
    assert_eq!(sent[8], c("/headers?after", Some("b=2")));
    let jar = work.read_json("jar.json");
    let names: Vec<&str> = jar["cookies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["b", "p"]);
}

#[test]
fn a_newman_jar_is_read_and_the_final_jar_written_in_its_shape() {
    let server = support::echo_server();
    let work = Work::new();
    // As Newman 6.2 writes it (tough-cookie 4.1.3-postman.1).
    let start = json!({
        "version": "tough-cookie@4.1.3-postman.1",
        "storeType": "MemoryCookieStore",
        "rejectPublicSuffixes": false,
        "enableLooseMode": true,
        "allowSpecialUseDomain": true,
        "prefixSecurity": "silent",
        "cookies": [
            {"key": "s", "value": "from-jar", "domain": "127.0.0.1", "path": "/", "hostOnly": true,
             "creation": "2024-01-01T00:00:00.000Z", "lastAccessed": "2024-01-01T00:00:00.000Z"},
            {"key": "elsewhere", "value": "1", "domain": "example.com", "path": "/", "hostOnly": false,
             "creation": "2024-01-01T00:00:00.000Z", "lastAccessed": "2024-01-01T00:00:00.000Z"},
            {"key": "old", "value": "1", "expires": "2001-01-01T00:00:00.000Z", "domain": "127.0.0.1",
             "path": "/", "hostOnly": true, "creation": "2000-01-01T00:00:00.000Z"}
        ]
    });
    let jar_in = work.json("in.json", &start);
    let items = json!([
        get("first", "/headers?1"),
        get(
            "keep",
            "/response-headers?Set-Cookie=k%3Dv%3B%20Max-Age%3D3600%3B%20HttpOnly"
        ),
    ]);
    let base = format!("base={}", server.url());
    work.run_collection(
        &collection("Jar file", items),
        &[
            "--env-var",
            &base,
            "--cookie-jar",
            &jar_in,
            "--export-cookie-jar",
            "out/jar.json",
        ],
    )
    .expect_code(0);
    assert_eq!(server.log.entries()[0].header("cookie"), Some("s=from-jar"));
    let out = work.read_json("out/jar.json");
    assert_eq!(out["storeType"], "MemoryCookieStore");
    assert!(out["version"]
        .as_str()
        .unwrap()
        .starts_with("tough-cookie@4"));
    let cookies = out["cookies"].as_array().unwrap();
    let keys: Vec<&str> = cookies.iter().map(|c| c["key"].as_str().unwrap()).collect();
    assert_eq!(keys, vec!["s", "elsewhere", "k"]);
    let s = cookies[0].as_object().unwrap();
    assert_eq!(s["value"], "from-jar");
    assert_eq!(s["creation"], "2024-01-01T00:00:00.000Z");
    assert_eq!(cookies[1]["domain"], "example.com");
    assert_eq!(cookies[1]["hostOnly"], false);
    let k = cookies[2].as_object().unwrap();
    assert_eq!(
        k.keys().map(String::as_str).collect::<Vec<_>>(),
        vec![
            "key",
            "value",
            "expires",
            "domain",
            "path",
            "httpOnly",
            "hostOnly",
            "creation",
            "lastAccessed"
        ]
    );
    assert_eq!(k["domain"], "127.0.0.1");
    let expires = chrono::DateTime::parse_from_rfc3339(k["expires"].as_str().unwrap()).unwrap();
    let in_an_hour = chrono::Utc::now() + chrono::Duration::seconds(3600);
    assert!((in_an_hour.timestamp() - expires.timestamp()).abs() < 60);
}

#[test]
fn a_bad_cookie_jar_is_a_load_error() {
    let work = Work::new();
    let items = json!([get("never", "/get")]);
    let ran = work.run_collection(
        &collection("Bad jar", items),
        &[
            "--env-var",
            "base=http://127.0.0.1:9",
            "--cookie-jar",
            "missing.json",
        ],
    );
    ran.expect_code(1);
    assert!(
        ran.stderr
            .starts_with("error: cookie jar could not be loaded\n"),
        "{}",
        ran.stderr
    );
    assert!(ran
        .stderr
        .contains("unable to read data from file \"missing.json\""));
    assert_eq!(ran.stdout, "");
}

#[test]
fn a_cookie_jar_that_is_not_json_names_the_file() {
    let work = Work::new();
    work.file("jar.json", "nope");
    let ran = work.run_collection(
        &collection("Bad jar", json!([get("never", "/get")])),
        &[
            "--env-var",
            "base=http://127.0.0.1:9",
            "--cookie-jar",
            "jar.json",
        ],
    );
    ran.expect_code(1);
    assert_eq!(
        ran.stderr,
        "error: cookie jar could not be loaded\n  the file at \"jar.json\" does not contain valid JSON data\n  \
         expected ident at line 1 column 2\n\
         hint: pass a jar written by --export-cookie-jar (tough-cookie JSON)\n"
    );
    assert_eq!(ran.stdout, "");
}
