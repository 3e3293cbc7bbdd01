//! The table of library cases: every expression in tests/fixtures/crypto/cases.json runs in
//! postie's sandbox and must give exactly what the real library gave (crypto-js 3.3.0 as
//! Postman bundles it, Node 20's Buffer/url/querystring/util…, uuid 9). The expected values come
//! from tests/fixtures/crypto/generate.js.

#[path = "fixtures/crypto/support.rs"]
mod support;

use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    group: String,
    code: String,
    expected: String,
}

fn cases() -> Vec<Case> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/crypto/cases.json"
    );
    let text = std::fs::read_to_string(path).expect("cases.json");
    serde_json::from_str(&text).expect("cases.json parses")
}

/// Long key material cut down for the failure report.
fn short(s: &str) -> String {
    if s.chars().count() <= 300 {
        return s.to_string();
    }
    let head: String = s.chars().take(200).collect();
    let tail: String = s
        .chars()
        .rev()
        .take(80)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("{head} … {tail}")
}

#[test]
fn every_case_matches_the_real_library() {
    let cases = cases();
    assert!(cases.len() >= 150, "only {} cases", cases.len());
    let exprs: Vec<String> = cases.iter().map(|c| c.code.clone()).collect();
    let got = support::eval_all(&exprs);
    let mut failures = Vec::new();
    for (case, got) in cases.iter().zip(&got) {
        if *got != case.expected {
            failures.push(format!(
                "[{}] {}\n   expected: {:?}\n        got: {:?}",
                case.group,
                short(&case.code),
                short(&case.expected),
                short(got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_table_covers_every_group() {
    let cases = cases();
    for group in [
        "hash",
        "hmac",
        "enc",
        "kdf",
        "cipher",
        "passphrase",
        "webcrypto",
        "node-crypto",
        "buffer",
        "encoding",
        "url",
        "querystring",
        "util",
        "path",
        "events",
        "assert",
        "string_decoder",
        "punycode",
        "uuid",
        "misc",
    ] {
        assert!(cases.iter().any(|c| c.group == group), "no {group} cases");
    }
}
