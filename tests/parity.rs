//! The parity collections (tests/fixtures/parity, compared with Newman 6.2.2 by vs-newman: see
//! the README there) run through postie against the local echo server, every outcome checked.

mod support;

use serde_json::Value;
use support::{echo_server, postie_in};

/// (item, assertion, outcome) for every assertion of the JSON report, and the run failures.
fn run(collection: &str) -> (Vec<(String, String, String)>, Vec<String>, i32) {
    let server = echo_server();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parity")
        .join(collection);
    let out = postie_in(dir.path())
        .arg("run")
        .arg(&path)
        .args(["--env-var", &format!("base={}", server.url())])
        .args(["-r", "json", "--reporter-json-export", "r.json"])
        .output()
        .expect("run");
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("r.json")).expect("report"))
            .expect("json");
    let mut outcomes = Vec::new();
    for e in report["run"]["executions"].as_array().expect("executions") {
        for a in e["assertions"].as_array().into_iter().flatten() {
            let outcome = if a["skipped"] == true {
                "skipped".to_string()
            } else if let Some(msg) = a["error"]["message"].as_str() {
                format!("fail: {msg}")
            } else {
                "pass".to_string()
            };
            outcomes.push((
                e["item"]["name"].as_str().unwrap_or("").to_string(),
                a["assertion"].as_str().unwrap_or("").to_string(),
                outcome,
            ));
        }
    }
    let failures = report["run"]["failures"]
        .as_array()
        .expect("failures")
        .iter()
        .filter(|f| !f["at"].as_str().unwrap_or("").starts_with("assertion"))
        .map(|f| {
            format!(
                "{}: {}",
                f["error"]["name"].as_str().unwrap_or(""),
                f["error"]["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    (outcomes, failures, out.status.code().unwrap_or(-1))
}

#[test]
fn library_collection_passes_every_assertion() {
    let (outcomes, failures, code) = run("libraries.postman_collection.json");
    let failed: Vec<_> = outcomes.iter().filter(|o| o.2 != "pass").collect();
    assert!(failed.is_empty(), "{failed:#?}");
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(outcomes.len(), 24);
    assert_eq!(code, 0);
}

#[test]
fn pm_api_collection_matches_newman_outcomes() {
    let (outcomes, failures, code) = run("pm-api.postman_collection.json");
    let not_passed: Vec<(String, String)> = outcomes
        .iter()
        .filter(|o| o.2 != "pass")
        .map(|o| (o.1.clone(), o.2.clone()))
        .collect();
    assert_eq!(
        not_passed,
        vec![
            ("skipped one".to_string(), "skipped".to_string()),
            (
                "failing on purpose".to_string(),
                "fail: expected { a: 1 } to have property 'b'".to_string()
            ),
            (
                "deep equal failure".to_string(),
                "fail: expected [ 1, { x: 'y' } ] to deeply equal [ 1, { x: 'z' } ]".to_string()
            ),
        ]
    );
    assert!(
        !outcomes.iter().any(|o| o.0 == "never runs"),
        "setNextRequest skipped it"
    );
    assert_eq!(outcomes.len(), 27);
    assert_eq!(
        failures,
        vec!["ReferenceError: undefinedFunction is not defined".to_string()]
    );
    assert_eq!(code, 1);
}
