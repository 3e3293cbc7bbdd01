//! The harness of the library tables (`libs_table.rs`, `sugar_table.rs`): cases generated from
//! the real libraries under Node, each expression run in postie's sandbox and its value encoded
//! with tests/fixtures/libs/encode.js, which must equal the encoding the real library gave.

use postie::script::{Listen, NoHost, Sandbox, SandboxOptions, ScriptInfo, ScriptInput};
use postie::vars::Scopes;
use serde::Deserialize;

const ENCODE: &str = include_str!("../fixtures/libs/encode.js");

#[derive(Debug, Deserialize)]
pub struct Case {
    pub lib: String,
    pub name: String,
    pub code: String,
    pub expected: String,
}

/// The cases in `text` (a JSON list); with `$filter_var` set, only those whose library or name
/// contains its value.
pub fn parse_cases(text: &str, filter_var: &str) -> Vec<Case> {
    let all: Vec<Case> = serde_json::from_str(text).expect("cases parse");
    match std::env::var(filter_var) {
        Ok(f) => all
            .into_iter()
            .filter(|c| c.lib.contains(&f) || c.name.contains(&f))
            .collect(),
        Err(_) => all,
    }
}

/// Runs every case in one sandbox and fails listing each one whose value differs.
pub fn assert_all_match(cases: &[Case]) {
    // Date cases read and write local time: make local time UTC, as the generators do.
    std::env::set_var("TZ", "UTC");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let mut sandbox = Sandbox::new(&SandboxOptions::default()).expect("sandbox");
    assert!(!cases.is_empty(), "no cases");
    let mut failures = Vec::new();
    for case in cases {
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
