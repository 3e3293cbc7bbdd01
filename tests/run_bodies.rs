//! `postie run` sends every body mode as Newman does: raw (comment stripping, Content-Type from
//! the language), urlencoded, multipart formdata with files, binary file, graphql, pruning of GET
//! bodies, disabled bodies. Asserted on what the echo server received (checked against Newman
//! 6.2 with a raw echo: same bytes apart from the multipart boundary and User-Agent).

mod support;

use postie::mock::RecordedRequest;
use serde_json::{json, Value};
use support::run::{collection, request, Work};

/// Runs `items` against a fresh echo server with `x=vx`; returns the requests it received.
fn sent(work: &Work, items: Value, args: &[&str]) -> Vec<RecordedRequest> {
    let server = support::echo_server();
    let base = format!("base={}", server.url());
    let mut all = vec!["--env-var", base.as_str(), "--env-var", "x=vx"];
    all.extend_from_slice(args);
    work.run_collection(&collection("Bodies", items), &all)
        .expect_code(0);
    server.log.entries()
}

fn raw(language: Option<&str>, text: &str) -> Value {
    match language {
        Some(l) => json!({"mode": "raw", "raw": text, "options": {"raw": {"language": l}}}),
        None => json!({"mode": "raw", "raw": text}),
    }
}

#[test]
fn raw_json_loses_its_comments_and_gets_a_content_type() {
    let work = Work::new();
    let body = raw(Some("json"), "{\"a\": 1, // c\n \"b\": \"{{x}}\" /* d */}");
    let got = sent(
        &work,
        json!([request("j", "POST", "{{base}}/post", json!({"body": body}))]),
        &[],
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].body_text(), "{\"a\": 1, \n \"b\": \"vx\" }");
    assert_eq!(got[0].header("content-type"), Some("application/json"));
    assert_eq!(got[0].header("content-length"), Some("22"));
}

#[test]
fn raw_languages_choose_the_content_type_and_a_user_header_wins() {
    let work = Work::new();
    let mut items = Vec::new();
    for (i, lang) in [
        Some("json"),
        Some("xml"),
        Some("html"),
        Some("javascript"),
        Some("text"),
        None,
    ]
    .iter()
    .enumerate()
    {
        let body = raw(*lang, "<p>{{x}}</p> // kept");
        items.push(request(
            &format!("r{i}"),
            "POST",
            "{{base}}/post",
            json!({"body": body}),
        ));
    }
    items.push(request(
        "own type",
        "PUT",
        "{{base}}/put",
        json!({
            "header": [{"key": "content-type", "value": "application/vnd.x+json"}],
            "body": raw(Some("json"), "{\"k\": 1 // c\n}")
        }),
    ));
    let got = sent(&work, Value::Array(items), &[]);
    let types: Vec<_> = got.iter().map(|r| r.header("content-type")).collect();
    assert_eq!(
        types,
        vec![
            Some("application/json"),
            Some("application/xml"),
            Some("text/html"),
            Some("application/javascript"),
            Some("text/plain"),
            Some("text/plain"),
            Some("application/vnd.x+json"),
        ]
    );
    // Only the json language strips comments.
    assert_eq!(got[0].body_text(), "<p>vx</p> ");
    assert_eq!(got[1].body_text(), "<p>vx</p> // kept");
    assert_eq!(got[5].body_text(), "<p>vx</p> // kept");
    assert_eq!(got[6].body_text(), "{\"k\": 1 \n}");
    assert_eq!(got[6].header_all("content-type").len(), 1);
}

#[test]
fn urlencoded_keeps_duplicates_drops_disabled_and_encodes() {
    let work = Work::new();
    let fields = json!([
        {"key": "a", "value": "1 2"},
        {"key": "a", "value": "{{x}}"},
        {"key": "off", "value": "no", "disabled": true},
        {"key": "s&p", "value": "x=y+z"}
    ]);
    let got = sent(
        &work,
        json!([request(
            "u",
            "POST",
            "{{base}}/post",
            json!({"body": {"mode": "urlencoded", "urlencoded": fields}})
        )]),
        &[],
    );
    assert_eq!(got[0].body_text(), "a=1%202&a=vx&s%26p=x%3Dy%2Bz");
    assert_eq!(
        got[0].header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(got[0].header("content-length"), Some("28"));
}

#[test]
fn formdata_sends_text_and_file_parts_from_the_working_dir() {
    let work = Work::new();
    work.file("files/f.txt", "hello file\n");
    let fields = json!([
        {"key": "t", "value": "{{x}}", "type": "text"},
        {"key": "off", "value": "no", "type": "text", "disabled": true},
        {"key": "f", "type": "file", "src": "f.txt"}
    ]);
    let dir = work.join("files");
    let got = sent(
        &work,
        json!([request(
            "m",
            "POST",
            "{{base}}/post",
            json!({"body": {"mode": "formdata", "formdata": fields}})
        )]),
        &["--working-dir", dir.to_str().unwrap()],
    );
    let ct = got[0].header("content-type").unwrap();
    let boundary = ct
        .strip_prefix("multipart/form-data; boundary=")
        .unwrap_or_else(|| panic!("content type {ct}"));
    assert_eq!(boundary.len(), 50, "Newman's boundary shape: {boundary}");
    assert!(boundary.starts_with("--------------------------"));
    let expected = format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\nvx\r\n\
         --{b}\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f.txt\"\r\n\
         Content-Type: text/plain\r\n\r\nhello file\n\r\n--{b}--\r\n",
        b = boundary
    );
    assert_eq!(got[0].body_text(), expected);
    assert_eq!(
        got[0].header("content-length"),
        Some(expected.len().to_string().as_str())
    );
}

#[test]
fn binary_file_body_is_sent_byte_for_byte() {
    let work = Work::new();
    let bytes: Vec<u8> = vec![0, 1, 2, 0xff, b'b', b'i', b'n'];
    work.file("blob.bin", &bytes);
    let got = sent(
        &work,
        json!([request(
            "f",
            "POST",
            "{{base}}/post",
            json!({"body": {"mode": "file", "file": {"src": "blob.bin"}}})
        )]),
        &[],
    );
    assert_eq!(got[0].body.as_ref(), bytes.as_slice());
    assert_eq!(got[0].header("content-length"), Some("7"));
    assert_eq!(
        got[0].header("content-type"),
        Some("application/octet-stream")
    );
}

#[test]
fn graphql_becomes_a_json_document_with_resolved_variables() {
    let work = Work::new();
    let gql = json!({
        "mode": "graphql",
        "graphql": {"query": "query Q($id: ID) { user(id: $id) { name } }", "variables": "{\"id\": \"{{x}}\"}"}
    });
    let got = sent(
        &work,
        json!([request("g", "POST", "{{base}}/post", json!({"body": gql}))]),
        &[],
    );
    assert_eq!(got[0].header("content-type"), Some("application/json"));
    let doc: Value = serde_json::from_slice(&got[0].body).expect("json body");
    assert_eq!(
        doc,
        json!({"query": "query Q($id: ID) { user(id: $id) { name } }", "variables": {"id": "vx"}})
    );
}

#[test]
fn get_bodies_are_pruned_unless_pruning_is_disabled() {
    let work = Work::new();
    let mut kept = request(
        "kept",
        "GET",
        "{{base}}/anything",
        json!({"body": raw(Some("text"), "kept")}),
    );
    kept["protocolProfileBehavior"] = json!({"disableBodyPruning": true});
    let items = json!([
        request(
            "pruned",
            "GET",
            "{{base}}/get",
            json!({"body": raw(Some("json"), "gone")})
        ),
        kept,
        request(
            "head",
            "HEAD",
            "{{base}}/get",
            json!({"body": raw(None, "gone")})
        ),
        request(
            "disabled",
            "POST",
            "{{base}}/post",
            json!({"body": {"mode": "raw", "raw": "nope", "disabled": true}})
        ),
    ]);
    let got = sent(&work, items, &[]);
    assert_eq!(got.len(), 4);
    assert!(got[0].body.is_empty());
    assert_eq!(got[0].header("content-type"), None);
    assert_eq!(got[0].header("content-length"), None);
    assert_eq!(got[1].body_text(), "kept");
    assert_eq!(got[1].header("content-type"), Some("text/plain"));
    assert_eq!((got[2].method.as_str(), got[2].body.len()), ("HEAD", 0));
    assert!(got[3].body.is_empty());
    assert_eq!(got[3].header("content-length"), Some("0"));
    assert_eq!(got[3].header("content-type"), None);
}

#[test]
fn a_missing_form_file_is_skipped_and_the_request_still_goes() {
    let work = Work::new();
    let fields = json!([
        {"key": "t", "value": "v", "type": "text"},
        {"key": "f", "type": "file", "src": "no-such-file.txt"}
    ]);
    let got = sent(
        &work,
        json!([request(
            "m",
            "POST",
            "{{base}}/post",
            json!({"body": {"mode": "formdata", "formdata": fields}})
        )]),
        &[],
    );
    let body = got[0].body_text();
    assert!(body.contains("name=\"t\"\r\n\r\nv\r\n"), "{body}");
    assert!(!body.contains("name=\"f\""), "{body}");
}

#[test]
fn compressed_responses_are_decoded_for_scripts_and_reports() {
    let server = support::echo_server();
    let work = Work::new();
    let mut items = Vec::new();
    for (route, field) in [("gzip", "gzipped"), ("deflate", "deflated")] {
        let mut item = request(route, "GET", &format!("{{{{base}}}}/{route}"), json!({}));
        item["event"] = support::run::test_script(&[&format!(
            "pm.test('{field}', function () {{ pm.expect(pm.response.json().{field}).to.eql(true); }});"
        )]);
        items.push(item);
    }
    let base = format!("base={}", server.url());
    let (ran, report) = work.run_json(
        &collection("Compressed", Value::Array(items)),
        &["--env-var", &base],
    );
    ran.expect_code(0);
    for (i, e) in support::run::executions(&report).iter().enumerate() {
        assert!(
            e["assertions"][0].get("error").is_none(),
            "{}",
            e["assertions"]
        );
        let encoding = support::run::report_header(&e["response"]["header"], "content-encoding");
        assert_eq!(encoding, Some(["gzip", "deflate"][i]));
        // The size is the decoded body's, larger than what came over the wire.
        let wire: u64 = support::run::report_header(&e["response"]["header"], "content-length")
            .map_or(0, |v| v.parse().unwrap());
        assert!(e["response"]["responseSize"].as_u64().unwrap() > wire);
    }
    let sent = server.log.entries();
    assert_eq!(sent[0].header("accept-encoding"), Some("gzip, deflate, br"));
}
