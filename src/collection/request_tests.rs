use super::*;
use serde_json::json;

fn req(v: Value) -> Request {
    request(&v, &Path::Root).unwrap()
}

#[test]
fn a_string_request_is_a_get() {
    let r = req(json!("https://example.com/a?b=1"));
    assert_eq!(r.method, "GET");
    assert_eq!(r.url.to_string(), "https://example.com/a?b=1");
    assert_eq!(req(Value::Null), Request::default());
}

#[test]
fn methods_are_upper_cased_and_default_to_get() {
    assert_eq!(req(json!({"method": "patch"})).method, "PATCH");
    assert_eq!(req(json!({"method": ""})).method, "GET");
    assert_eq!(req(json!({"method": "PROPFIND"})).method, "PROPFIND");
}

#[test]
fn url_objects_win_over_raw() {
    let r = req(json!({"url": {
        "raw": "http://ignored/",
        "protocol": "https",
        "host": "{{sub.domain}}.example.com",
        "port": 8443,
        "path": "/v1/:id",
        "query": [{"key": "a", "value": null}, {"key": "b", "value": "2", "disabled": true}, {"key": null, "value": "x"}],
        "hash": "",
        "variable": [{"id": "id", "value": "7"}]
    }}));
    assert_eq!(r.url.host, vec!["{{sub.domain}}", "example", "com"]);
    assert_eq!(r.url.port.as_deref(), Some("8443"));
    // An empty hash is still a hash (`Url#toString` checks the type, not the length).
    assert_eq!(r.url.hash.as_deref(), Some(""));
    assert_eq!(r.url.variables[0].key, "id");
    assert_eq!(
        r.url.to_string(),
        "https://{{sub.domain}}.example.com:8443/v1/7?a&=x#"
    );
}

#[test]
fn url_objects_with_only_raw_parse_raw() {
    let r =
        req(json!({"url": {"raw": "http://h/x?y=1", "variable": [{"key": "k", "value": "v"}]}}));
    assert_eq!(r.url.host, vec!["h"]);
    assert_eq!(r.url.variables.len(), 1);
}

#[test]
fn path_segments_may_be_objects() {
    let r = req(
        json!({"url": {"host": ["h"], "path": ["a", {"type": "string", "value": "b"}, 3, null]}}),
    );
    assert_eq!(r.url.path, vec!["a", "b", "3"]);
}

#[test]
fn headers_in_every_shape() {
    let list = req(
        json!({"header": [{"key": "A", "value": "1"}, {"key": "B", "value": 2, "disabled": true}, "C: 3"]}),
    );
    assert_eq!(list.headers.len(), 3);
    assert_eq!(
        (list.headers[1].value.as_str(), list.headers[1].disabled),
        ("2", true)
    );
    assert_eq!(list.headers[2].key, "C");
    let raw = req(json!({"header": "A: 1\r\nB:two: parts\n\n  C  \n"}));
    let pairs: Vec<(&str, &str)> = raw
        .headers
        .iter()
        .map(|h| (h.key.as_str(), h.value.as_str()))
        .collect();
    assert_eq!(pairs, [("A", "1"), ("B", "two: parts"), ("C", "")]);
    let object = req(json!({"header": {"X-Token": "t", "X-N": 1}}));
    assert_eq!(object.headers[1].value, "1");
}

#[test]
fn every_body_mode() {
    let r = req(
        json!({"body": {"mode": "raw", "raw": "{\"a\":1}", "options": {"raw": {"language": "json"}}}}),
    );
    let body = r.body.unwrap();
    assert_eq!(body.raw_language(), Some("json"));
    let r = req(json!({"body": {"mode": "raw", "raw": {"a": 1}}}));
    assert_eq!(r.body.unwrap().raw.as_deref(), Some("{\"a\":1}"));
    let r = req(
        json!({"body": {"mode": "urlencoded", "urlencoded": [{"key": "a", "value": "1", "enabled": false}]}}),
    );
    assert!(r.body.unwrap().urlencoded[0].disabled);
    let r = req(json!({"body": {"mode": "urlencoded", "urlencoded": "a=1&b"}}));
    assert_eq!(r.body.unwrap().urlencoded[1].value, None);
    let r = req(json!({"body": {"mode": "formdata", "formdata": [
        {"key": "f", "type": "file", "src": "a.txt", "contentType": "text/plain"},
        {"key": "g", "type": "file", "src": ["b", "c"]},
        {"key": "t", "value": "v"}]}}));
    let form = r.body.unwrap().formdata;
    assert_eq!(
        (form[0].src.clone(), form[0].content_type.as_deref()),
        (vec!["a.txt".to_string()], Some("text/plain"))
    );
    assert_eq!(form[1].src.len(), 2);
    assert_eq!(form[2].kind, "text");
    let r = req(json!({"body": {"mode": "file", "file": {"src": "bin.dat"}, "disabled": true}}));
    let body = r.body.unwrap();
    assert!(body.disabled);
    assert_eq!(body.file.unwrap().src.as_deref(), Some("bin.dat"));
    let r = req(
        json!({"body": {"mode": "graphql", "graphql": {"query": "{a}", "variables": "{\"x\":1}"}}}),
    );
    assert_eq!(
        r.body.unwrap().graphql.unwrap().variables,
        Some(json!("{\"x\":1}"))
    );
    let r = req(
        json!({"body": {"mode": "graphql", "graphql": {"query": "{a}", "variables": {"x": 1}, "operationName": "Op"}}}),
    );
    let g = r.body.unwrap().graphql.unwrap();
    assert_eq!(
        (g.variables, g.operation_name.as_deref()),
        (Some(json!({"x": 1})), Some("Op"))
    );
}

#[test]
fn wrong_types_are_reported_at_their_path() {
    let err = request(&json!({"url": [1]}), &Path::Root).unwrap_err();
    assert_eq!(
        (err.path.as_str(), err.message.as_str()),
        ("url", "expected a string or an object, found a list")
    );
    let err = request(&json!({"header": [{"key": "a"}, 5]}), &Path::Root).unwrap_err();
    assert_eq!(err.path, "header[1]");
    let err = request(
        &json!({"body": {"mode": "formdata", "formdata": [{"key": "a", "src": {}}]}}),
        &Path::Root,
    )
    .unwrap_err();
    assert_eq!(err.path, "body.formdata[0].src");
    let err = request(&json!({"url": {"host": {"a": 1}}}), &Path::Root).unwrap_err();
    assert_eq!(err.path, "url.host");
    let err = request(&json!({"url": 42}), &Path::Root).unwrap_err();
    assert_eq!(
        (err.path.as_str(), err.message.as_str()),
        ("url", "expected a string or an object, found a number")
    );
}

#[test]
fn from_json_accepts_what_scripts_send() {
    let r = Request::from_json(&json!("http://h/x")).unwrap();
    assert_eq!(r.url.to_string(), "http://h/x");
    let r = Request::from_json(&json!({
        "url": "http://h/post", "method": "post",
        "header": {"Content-Type": "application/json"},
        "body": {"mode": "raw", "raw": "{}"},
        "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "t"}]}
    }))
    .unwrap();
    assert_eq!(r.method, "POST");
    assert_eq!(r.headers[0].key, "Content-Type");
    assert_eq!(r.auth.unwrap().param("token").as_deref(), Some("t"));
    let err = Request::from_json(&json!({"url": "http://h/", "body": 3})).unwrap_err();
    assert_eq!(err.title(), "the request given by the script is not valid");
    assert_eq!(err.location_text().as_deref(), Some("the script (body)"));
    let err = Request::from_json(&json!({"url": true})).unwrap_err();
    assert_eq!(err.location_text().as_deref(), Some("the script (url)"));
}

#[test]
fn to_json_round_trips() {
    let original = json!({
        "method": "POST",
        "header": [{"key": "A", "value": "1"}, {"key": "B", "value": "2", "disabled": true}],
        "body": {"mode": "urlencoded", "urlencoded": [{"key": "k", "value": "v", "type": "text"}]},
        "url": {"raw": "https://h.io:1/a/:id?q=1#x", "protocol": "https", "host": ["h", "io"], "port": "1",
                "path": ["a", ":id"], "query": [{"key": "q", "value": "1"}], "hash": "x",
                "variable": [{"key": "id", "value": "5", "type": "default"}]},
        "auth": {"type": "basic", "basic": [{"key": "username", "value": "u", "type": "string"}]}
    });
    let r = Request::from_json(&original).unwrap();
    let again = Request::from_json(&r.to_json()).unwrap();
    assert_eq!(r, again);
    assert_eq!(r.to_json()["url"]["raw"], "https://h.io:1/a/:id?q=1#x");
    assert_eq!(r.to_json()["auth"], original["auth"]);
}
