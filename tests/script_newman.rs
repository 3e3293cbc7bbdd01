//! Real-world scripts from Newman's own integration suites (../shared/compat/newman/integration,
//! or $POSTIE_SHARED_DIR/compat/…),
//! run against responses shaped like the ones those suites get from postman-echo. Skipped (with a
//! note) when ../shared is absent.

mod script_support;

use postie::http::Response;
use postie::script::{Listen, NextRequest};
use postie::vars::Scopes;
use script_support::*;
use serde_json::{json, Value};
use std::path::PathBuf;

/// `$POSTIE_SHARED_DIR`, or ../shared next to the repository.
fn shared_dir() -> PathBuf {
    std::env::var_os("POSTIE_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

#[allow(clippy::print_stderr)] // the skip note the repo rules ask for
fn suite(name: &str) -> Option<Value> {
    let path = shared_dir().join("compat/newman/integration").join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(serde_json::from_str(&text).expect("suite JSON")),
        Err(_) => {
            eprintln!("note: {} is absent; skipping", path.display());
            None
        }
    }
}

/// The items of a collection, flattened, in order.
fn items(coll: &Value) -> Vec<Value> {
    fn walk(list: &Value, out: &mut Vec<Value>) {
        for it in list.as_array().into_iter().flatten() {
            if it.get("item").is_some() {
                walk(&it["item"], out);
            } else {
                out.push(it.clone());
            }
        }
    }
    let mut out = Vec::new();
    walk(&coll["item"], &mut out);
    out
}

fn script(item: &Value, listen: &str) -> String {
    item["event"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["listen"] == listen)
        .map(|e| match &e["script"]["exec"] {
            Value::Array(lines) => lines
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("\n"),
            Value::String(s) => s.clone(),
            _ => String::new(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn echo(body: Value) -> Response {
    json_response(200, "OK", &body.to_string())
}

fn run_item(
    sb: &mut postie::script::Sandbox,
    scopes: &mut Scopes,
    item: &Value,
    response: Response,
    cookies: Vec<Value>,
) -> Vec<String> {
    let mut out = Vec::new();
    let request = item["request"].clone();
    let mut info = info();
    info.request_name = item["name"].as_str().unwrap_or("").to_string();
    for (listen, code) in [
        (Listen::Prerequest, script(item, "prerequest")),
        (Listen::Test, script(item, "test")),
    ] {
        if code.is_empty() {
            continue;
        }
        let s = Script {
            listen,
            code: &code,
            request: request.clone(),
            response: (listen == Listen::Test).then(|| response.clone()),
            cookies: cookies.clone(),
            info: info.clone(),
        };
        let ran = run_with(sb, &TestHost::default(), scopes, s);
        out.extend(clean(&ran));
    }
    out
}

fn assertions(l: &[String]) -> Vec<String> {
    l.iter()
        .filter(|x| x.starts_with("ok ") || x.starts_with("FAIL "))
        .cloned()
        .collect()
}

#[test]
fn clear_vars_sandbox() {
    let Some(coll) = suite("clear-vars-sandbox.postman_collection.json") else {
        return;
    };
    let items = items(&coll);
    let mut sb = sandbox();
    let mut scopes = Scopes::default();
    // What postman-echo answers for ?a={{e}}&b={{g}}, given the scopes before each request.
    let args = |s: &Scopes| {
        let v = |x: Option<&Value>, raw: &str| x.and_then(Value::as_str).unwrap_or(raw).to_string();
        json!({"args": {"a": v(s.environment.get("e"), "{{e}}"), "b": v(s.globals.get("g"), "{{g}}")}})
    };
    let mut all = Vec::new();
    for item in &items {
        let pre = script(item, "prerequest");
        if !pre.is_empty() {
            let ran = run_with(
                &mut sb,
                &TestHost::default(),
                &mut scopes,
                Script::pre(&pre),
            );
            clean(&ran);
        }
        let response = echo(args(&scopes));
        let code = script(item, "test");
        let mut s = Script::test(&code);
        s.response = Some(response);
        all.extend(clean(&run_with(
            &mut sb,
            &TestHost::default(),
            &mut scopes,
            s,
        )));
    }
    let a = assertions(&all);
    assert_eq!(a.len(), 7, "{all:#?}");
    assert!(a.iter().all(|x| x.starts_with("ok ")), "{all:#?}");
}

#[test]
fn case_insensitive_header_and_cookie_getters() {
    let Some(headers) = suite("case-insen-header-sandbox.postman_collection.json") else {
        return;
    };
    let mut sb = sandbox();
    let l = run_item(
        &mut sb,
        &mut Scopes::default(),
        &items(&headers)[0],
        echo(json!({})),
        vec![],
    );
    assert_eq!(
        assertions(&l),
        vec!["ok 0 Case-insensitive header checking"]
    );

    let Some(jar) = suite("cookie-jar.postman_collection.json") else {
        return;
    };
    let cookie = json!({"name": "foo", "value": "bar", "domain": "postman-echo.com", "path": "/",
                        "expires": null, "httpOnly": false, "secure": false, "hostOnly": true});
    let l = run_item(
        &mut sb,
        &mut Scopes::default(),
        &items(&jar)[1],
        echo(json!({"cookies": {"foo": "bar"}})),
        vec![cookie],
    );
    assert_eq!(
        assertions(&l),
        vec![
            "ok 0 Status code is 200",
            "ok 1 Cookie `foo` exists and has the value bar"
        ]
    );
}

#[test]
fn request_name_and_description_in_legacy_request() {
    let Some(coll) = suite("request-name-in-script.postman_collection.json") else {
        return;
    };
    let mut sb = sandbox();
    let item = &items(&coll)[0];
    let l = run_item(
        &mut sb,
        &mut Scopes::default(),
        item,
        echo(json!({})),
        vec![],
    );
    assert_eq!(
        assertions(&l),
        vec!["ok 0 correct request name and description"]
    );
}

#[test]
fn var_replacement_and_set_next_request() {
    let Some(coll) = suite("var-replacement.postman_collection.json") else {
        return;
    };
    let mut sb = sandbox();
    let mut scopes = Scopes::default();
    let item = &items(&coll)[0];
    let l = run_item(
        &mut sb,
        &mut scopes,
        item,
        echo(json!({"args": {"var": "replaced", "novar": "{{novar}}"}})),
        vec![],
    );
    assert_eq!(
        assertions(&l),
        vec![
            "ok 0 Variable substitution",
            "ok 1 No blank variable substitution"
        ]
    );
    assert_eq!(scopes.environment.get("var"), Some(&json!("replaced")));

    let Some(snr) = suite("set-next-request.postman_collection.json") else {
        return;
    };
    let post = &items(&snr)[0];
    let code = script(post, "test");
    let mut s = Script::test(&code);
    s.response = Some(echo(json!({})));
    let mut scopes = Scopes::default();
    let ran = run_with(&mut sb, &TestHost::default(), &mut scopes, s);
    let l = clean(&ran);
    assert_eq!(ran.out.next_request, Some(NextRequest::To("method".into())));
    assert!(
        l.contains(&"log 'Environment is now: ', { method: 'get', count: '1' }".to_string()),
        "{l:#?}"
    );
}

#[test]
fn pm_expect_scripts_with_semicolon_headers() {
    let Some(coll) = suite("semicolon-tests.postman_collection.json") else {
        return;
    };
    let mut sb = sandbox();
    let l = run_item(
        &mut sb,
        &mut Scopes::default(),
        &items(&coll)[0],
        echo(json!({})),
        vec![],
    );
    assert_eq!(assertions(&l).len(), 2);
    assert!(
        assertions(&l).iter().all(|x| x.starts_with("ok ")),
        "{l:#?}"
    );
}
