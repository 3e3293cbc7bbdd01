//! The built-in libraries against the real ones: every case in tests/fixtures/libs/cases.json
//! (written by tests/fixtures/libs/generate.js from lodash, moment, ajv, tv4, xml2js, cheerio …
//! under Node) runs in postie's sandbox and must give the same encoded value.
//! `POSTIE_LIBS_CASES=<file>` runs another case file; `POSTIE_LIBS_FILTER=<text>` only the
//! cases whose library or name contains the text.

use postie::script::{Listen, NoHost, Sandbox, SandboxOptions, ScriptInfo, ScriptInput};
use postie::vars::Scopes;
use serde::Deserialize;
use std::path::PathBuf;

const ENCODE: &str = include_str!("fixtures/libs/encode.js");

#[derive(Debug, Deserialize)]
struct Case {
    lib: String,
    name: String,
    code: String,
    expected: String,
}

fn cases() -> Vec<Case> {
    let path = std::env::var("POSTIE_LIBS_CASES").map_or_else(
        |_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/libs/cases.json"),
        PathBuf::from,
    );
    let text = std::fs::read_to_string(&path).expect("cases file");
    let all: Vec<Case> = serde_json::from_str(&text).expect("cases parse");
    match std::env::var("POSTIE_LIBS_FILTER") {
        Ok(f) => all
            .into_iter()
            .filter(|c| c.lib.contains(&f) || c.name.contains(&f))
            .collect(),
        Err(_) => all,
    }
}

/// Runs one case's expression in the sandbox and returns the encoded result.
fn run_case(sandbox: &mut Sandbox, rt: &tokio::runtime::Runtime, case: &Case) -> String {
    let code = format!(
        "{ENCODE}\npm.environment.set('out', __run(function () {{ return ({}\n); }}));",
        case.code
    );
    let mut scopes = Scopes::default();
    let mut request = serde_json::json!({"url": "http://example.com/", "method": "GET"});
    let input = ScriptInput {
        listen: Listen::Test,
        code: &code,
        scopes: &mut scopes,
        request: &mut request,
        response: None,
        cookies: Vec::new(),
        info: ScriptInfo::default(),
    };
    let outcome = rt.block_on(sandbox.run(input, &NoHost));
    if let Some(err) = outcome.error {
        return format!("script error: {} {}", err.error.name, err.error.message);
    }
    match scopes.environment.get("out") {
        Some(serde_json::Value::String(s)) => s.clone(),
        other => format!("no output: {other:?}"),
    }
}

#[test]
fn built_in_libraries_match_the_real_ones() {
    // moment cases read dates in local time: make local time UTC, as the generator does.
    std::env::set_var("TZ", "UTC");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let mut sandbox = Sandbox::new(&SandboxOptions::default()).expect("sandbox");
    let cases = cases();
    assert!(!cases.is_empty(), "no cases");
    let mut failures = Vec::new();
    for case in &cases {
        let got = run_case(&mut sandbox, &rt, case);
        if got != case.expected {
            failures.push(format!(
                "[{}] {}\n    code:     {}\n    expected: {}\n    got:      {}",
                case.lib, case.name, case.code, case.expected, got
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
