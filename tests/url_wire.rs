//! URLs byte for byte: every case of `tests/fixtures/url/newman_cases.json` (what Newman 6 put on
//! the wire, recorded once against a raw echo server) runs through postie's whole pipeline —
//! collection parsing, variable resolution, encoding, sending — against the raw echo mock, which
//! answers with the request's exact bytes. Each case checks the request target (byte for byte),
//! the `Host` header, the `Authorization` header Newman derives from URL userinfo, and the URL the
//! reports show; or, for URLs Newman refuses, the same request error.

mod support;

use postie::collection::parse_collection;
use postie::http::{HostOverride, HttpOptions, SentRequest};
use postie::run::{run, ResponseSummary, RunEvent, RunOptions};
use postie::script::ErrorInfo;
use serde_json::{json, Map, Value};
use std::path::Path;
use support::TestCa;

/// One recorded case.
struct Case {
    name: String,
    url: Value,
    behavior: Option<Value>,
    vars: Map<String, Value>,
    expected: Expected,
    report_url: String,
}

enum Expected {
    Sent {
        /// Each character is one byte on the wire.
        target: String,
        host: String,
        authorization: Option<String>,
    },
    Error(String),
}

fn load_cases() -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/url/newman_cases.json");
    let text = std::fs::read_to_string(&path).expect("fixture");
    let doc: Value = serde_json::from_str(&text).expect("fixture JSON");
    let text_of = |c: &Value, k: &str| c[k].as_str().map(str::to_string);
    doc["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| Case {
            name: text_of(c, "name").expect("name"),
            url: c["url"].clone(),
            behavior: c.get("behavior").cloned(),
            vars: c["vars"].as_object().cloned().unwrap_or_default(),
            expected: match text_of(c, "error") {
                Some(message) => Expected::Error(message),
                None => Expected::Sent {
                    target: text_of(c, "target").expect("target"),
                    host: text_of(c, "host").expect("host"),
                    authorization: text_of(c, "authorization"),
                },
            },
            report_url: text_of(c, "report_url").expect("report_url"),
        })
        .collect()
}

/// One item per case (named by its index), the cases' variables as collection variables.
fn collection_json(cases: &[Case]) -> Value {
    let items: Vec<Value> = cases
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut item =
                json!({"name": i.to_string(), "request": {"method": "GET", "url": c.url}});
            if let Some(b) = &c.behavior {
                item["protocolProfileBehavior"] = b.clone();
            }
            item
        })
        .collect();
    let variables: Vec<Value> = cases
        .iter()
        .flat_map(|c| c.vars.iter())
        .map(|(k, v)| json!({"key": k, "value": v}))
        .collect();
    json!({
        "info": {"name": "url cases", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": items,
        "variable": variables,
    })
}

type Outcome = (SentRequest, Result<ResponseSummary, ErrorInfo>);

/// Runs every case, every host and port sent to the raw echo (plain and TLS on one port).
async fn run_cases(cases: &[Case]) -> Vec<Option<Outcome>> {
    let ca = TestCa::for_names(&["localhost", "secure.test"]);
    let server = support::raw_server_tls(&ca);
    let bytes = serde_json::to_vec(&collection_json(cases)).expect("collection");
    let collection = parse_collection(&bytes, "url cases").expect("parse collection");
    let opts = RunOptions {
        http: HttpOptions {
            insecure: true,
            follow_redirects: false,
            host_overrides: vec![HostOverride {
                host: String::new(),
                port: None,
                to_host: "127.0.0.1".into(),
                to_port: Some(server.port()),
            }],
            ..HttpOptions::default()
        },
        keep_bodies: true,
        ..RunOptions::default()
    };
    let mut outcomes: Vec<Option<Outcome>> = vec![None; cases.len()];
    let mut listen = |event: &RunEvent<'_>| {
        if let RunEvent::Request(ev) = event {
            if let Ok(i) = ev.item.name.parse::<usize>() {
                outcomes[i] = Some((ev.request.clone(), ev.outcome.clone()));
            }
        }
    };
    run(&collection, &opts, &mut listen).await.expect("run");
    outcomes
}

/// The request line target and a header of a raw request.
fn parse_raw(raw: &[u8]) -> (Vec<u8>, Vec<(String, String)>) {
    let head_end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(raw.len());
    let mut lines = raw[..head_end].split(|&b| b == b'\n');
    let line = lines.next().unwrap_or_default();
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let start = line.iter().position(|&b| b == b' ').map_or(0, |i| i + 1);
    let end = line.iter().rposition(|&b| b == b' ').unwrap_or(line.len());
    let target = line.get(start..end).unwrap_or_default().to_vec();
    let headers = lines
        .filter_map(|l| {
            let l = String::from_utf8_lossy(l);
            let (k, v) = l.split_once(':')?;
            Some((k.to_string(), v.trim().to_string()))
        })
        .collect();
    (target, headers)
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// What differs between postie's outcome and Newman's for one case.
fn differences(case: &Case, outcome: Option<&Outcome>) -> Vec<String> {
    let Some((request, result)) = outcome else {
        return vec!["no request event".into()];
    };
    let mut diffs = Vec::new();
    let check = |diffs: &mut Vec<String>, what: &str, got: String, want: &str| {
        if got != want {
            diffs.push(format!("{what}: got {got:?}, Newman {want:?}"));
        }
    };
    match (&case.expected, result) {
        (
            Expected::Sent {
                target,
                host,
                authorization,
            },
            Ok(response),
        ) => {
            let raw = response.body.as_deref().unwrap_or_default();
            let (sent_target, headers) = parse_raw(raw);
            let want_target: Vec<u8> = target.chars().map(|c| c as u32 as u8).collect();
            if sent_target != want_target {
                diffs.push(format!(
                    "target: got {:?}, Newman {:?}",
                    String::from_utf8_lossy(&sent_target),
                    String::from_utf8_lossy(&want_target)
                ));
            }
            check(
                &mut diffs,
                "Host",
                header(&headers, "host").unwrap_or("<none>").into(),
                host,
            );
            check(
                &mut diffs,
                "Authorization",
                header(&headers, "authorization").unwrap_or("<none>").into(),
                authorization.as_deref().unwrap_or("<none>"),
            );
            check(
                &mut diffs,
                "report URL",
                request.url.clone(),
                &case.report_url,
            );
        }
        (Expected::Error(message), Err(err)) => {
            check(&mut diffs, "error", err.message.clone(), message)
        }
        (Expected::Sent { .. }, Err(err)) => diffs.push(format!("failed: {}", err.message)),
        (Expected::Error(message), Ok(_)) => diffs.push(format!("sent; Newman: {message}")),
    }
    diffs
}

#[tokio::test]
async fn every_recorded_url_goes_out_as_newman_sent_it() {
    let cases = load_cases();
    assert!(cases.len() >= 60, "the table keeps at least 60 cases");
    let outcomes = run_cases(&cases).await;
    let failures: Vec<String> = cases
        .iter()
        .zip(&outcomes)
        .filter_map(|(case, outcome)| {
            let diffs = differences(case, outcome.as_ref());
            (!diffs.is_empty()).then(|| format!("{}:\n    {}", case.name, diffs.join("\n    ")))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} URL cases differ from Newman:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn raw_request_parsing_finds_target_and_headers() {
    let (target, headers) = parse_raw(b"GET /a b?\xe9 HTTP/1.1\r\nHost: h:1\r\nX: y\r\n\r\nbody");
    assert_eq!(target, b"/a b?\xe9");
    assert_eq!(header(&headers, "host"), Some("h:1"));
    assert_eq!(header(&headers, "authorization"), None);
}
