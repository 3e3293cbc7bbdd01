//! Test harness for the sandbox: a fresh sandbox, one script, the outcome and the scopes after.

use super::host::NoHost;
use super::outcome::Listen;
use super::sandbox::{Sandbox, SandboxOptions, ScriptInput, ScriptOutcome};
use super::state::ScriptInfo;
use crate::http::Response;
use crate::vars::Scopes;

/// Runs `code` in `sandbox` with the given scopes and response, on a current-thread runtime.
pub fn run_in(
    sandbox: &mut Sandbox,
    listen: Listen,
    code: &str,
    scopes: &mut Scopes,
    response: Option<&Response>,
) -> ScriptOutcome {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let mut request =
        serde_json::json!({"url": "http://example.com/x", "method": "GET", "header": []});
    let input = ScriptInput {
        listen,
        code,
        scopes,
        request: &mut request,
        response,
        cookies: Vec::new(),
        info: ScriptInfo {
            iteration_count: 1,
            request_name: "req".into(),
            request_id: "id-1".into(),
            location: vec!["Collection".into(), "req".into()],
            current: "req".into(),
            ..ScriptInfo::default()
        },
    };
    rt.block_on(sandbox.run(input, &NoHost))
}

/// A sandbox with default options.
pub fn sandbox() -> Sandbox {
    Sandbox::new(&SandboxOptions::default()).expect("sandbox starts")
}

/// Runs one test script in a fresh sandbox with empty scopes.
pub fn run(code: &str) -> (ScriptOutcome, Scopes) {
    let mut scopes = Scopes::default();
    let out = run_in(&mut sandbox(), Listen::Test, code, &mut scopes, None);
    (out, scopes)
}
