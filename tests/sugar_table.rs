//! sugar.js 1.4 against the real one: every case in tests/fixtures/sugar/cases.json (written by
//! tests/fixtures/sugar/generate.js from sugar@1.4.1 under Node) runs in postie's sandbox and
//! must give the same encoded value. `POSTIE_SUGAR_FILTER=<text>` runs only the cases whose
//! group or name contains the text.

use postie::script::{Listen, NoHost, Sandbox, SandboxOptions, ScriptInfo, ScriptInput};
use postie::vars::Scopes;
use serde::Deserialize;

const ENCODE: &str = include_str!("fixtures/libs/encode.js");
const CASES: &str = include_str!("fixtures/sugar/cases.json");

#[derive(Debug, Deserialize)]
struct Case {
    lib: String,
    name: String,
    code: String,
    expected: String,
}

fn cases() -> Vec<Case> {
    let all: Vec<Case> = serde_json::from_str(CASES).expect("cases parse");
    match std::env::var("POSTIE_SUGAR_FILTER") {
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
fn sugar_matches_the_real_one() {
    // Date cases read and write local time: make local time UTC, as the generator does.
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
