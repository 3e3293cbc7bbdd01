//! Script errors: what ends a script, what it reports (name, message, stack, position), timeouts,
//! memory and stack limits, and that the sandbox keeps working afterwards.

mod script_support;

use postie::script::{EngineLimits, Sandbox, SandboxOptions};
use postie::vars::Scopes;
use script_support::*;
use serde_json::json;
use std::time::Duration;

#[test]
fn a_throw_ends_only_that_script_and_earlier_tests_stand() {
    let mut sb = sandbox();
    let host = TestHost::default();
    let mut scopes = Scopes::default();
    let ran = run_with(
        &mut sb,
        &host,
        &mut scopes,
        Script::test(
            "pm.test('before', () => {});\n\
             pm.environment.set('kept', 1);\n\
             \x20 missing.call();\n\
             pm.test('after', () => {});",
        ),
    );
    let err = ran.out.error.clone().expect("error");
    assert_eq!(err.error.name, "ReferenceError");
    assert_eq!(err.error.message, "missing is not defined");
    assert_eq!(err.position, Some((3, 3)));
    let stack = err.error.stack.expect("stack");
    assert!(stack.contains("test-script:3:3"), "{stack}");
    assert!(!stack.contains("prelude/"), "{stack}");
    assert_eq!(lines(&ran.out), vec!["ok 0 before"]);
    assert_eq!(scopes.environment.get("kept"), Some(&json!(1)));
    let next = run_with(
        &mut sb,
        &host,
        &mut scopes,
        Script::test("pm.test('next script', () => {});"),
    );
    assert_eq!(clean(&next), vec!["ok 0 next script"]);
}

#[test]
fn positions_on_the_first_line_are_in_the_users_columns() {
    let (ran, _) = run(Script::test("undefinedFn();"));
    assert_eq!(ran.out.error.expect("error").position, Some((1, 1)));
    let (ran, _) = run(Script::pre("let x = ;"));
    let err = ran.out.error.expect("error");
    assert_eq!(err.error.name, "SyntaxError");
    assert_eq!(err.position, Some((1, 9)));
}

#[test]
fn thrown_non_errors() {
    let cases = [
        ("throw 'text'", "Error", "text"),
        ("throw 42", "Error", "42"),
        (
            "throw {name: 'Custom', message: 'from object'}",
            "Custom",
            "from object",
        ),
        (
            "await Promise.reject(new RangeError('async'))",
            "RangeError",
            "async",
        ),
    ];
    for (code, name, message) in cases {
        let (ran, _) = run(Script::test(code));
        let err = ran.out.error.expect(code);
        assert_eq!(
            (err.error.name.as_str(), err.error.message.as_str()),
            (name, message),
            "{code}"
        );
    }
}

#[test]
fn test_failures_are_not_script_errors() {
    let (ran, _) = run(Script::test(
        "pm.test('obj', () => { throw {message: 'plain'}; });\n\
         pm.test('str', () => { throw 'just text'; });\n\
         pm.test('v8 wording', () => { const body = {}; body.data.id; });",
    ));
    assert_eq!(
        clean(&ran),
        vec![
            "FAIL 0 obj: Error: plain",
            "FAIL 1 str: Error: just text",
            "FAIL 2 v8 wording: TypeError: Cannot read properties of undefined (reading 'id')"
        ]
    );
}

fn with_timeout(ms: u64) -> Sandbox {
    Sandbox::new(&SandboxOptions {
        timeout: Some(Duration::from_millis(ms)),
        ..SandboxOptions::default()
    })
    .expect("sandbox")
}

#[test]
fn sync_and_async_timeouts_have_newmans_messages() {
    let mut sb = with_timeout(80);
    let host = TestHost::default();
    let mut scopes = Scopes::default();
    let cases = [
        (
            "while (true) {}",
            "sandbox: synchronous script execution timeout",
        ),
        (
            "for (;;) { try { while (true) {} } catch (e) {} }",
            "sandbox: synchronous script execution timeout",
        ),
        (
            "setTimeout(() => {}, 60000)",
            "sandbox: asynchronous script execution timeout",
        ),
        (
            "setTimeout(() => { while (true) {} }, 1)",
            "sandbox: asynchronous script execution timeout",
        ),
        (
            "setInterval(() => {}, 5)",
            "sandbox: asynchronous script execution timeout",
        ),
    ];
    for (code, message) in cases {
        let ran = run_with(&mut sb, &host, &mut scopes, Script::test(code));
        assert_eq!(ran.out.error.expect(code).error.message, message, "{code}");
    }
    let ran = run_with(
        &mut sb,
        &host,
        &mut scopes,
        Script::test("pm.test('alive', () => {})"),
    );
    assert_eq!(clean(&ran), vec!["ok 0 alive"]);
}

#[test]
fn a_never_resolved_promise_without_a_timeout_just_ends() {
    let (ran, _) = run(Script::test(
        "pm.test('t', () => {}); await new Promise(() => {}); console.log('never');",
    ));
    assert_eq!(clean(&ran), vec!["ok 0 t"]);
}

#[test]
fn memory_bombs_and_stack_overflows_are_script_errors() {
    let mut sb = Sandbox::new(&SandboxOptions {
        limits: EngineLimits {
            memory: 48 * 1024 * 1024,
            ..EngineLimits::default()
        },
        ..SandboxOptions::default()
    })
    .expect("sandbox");
    let host = TestHost::default();
    let mut scopes = Scopes::default();
    let bomb = run_with(
        &mut sb,
        &host,
        &mut scopes,
        Script::test("const a = []; for (;;) a.push('x'.repeat(1 << 20) + a.length);"),
    );
    assert!(bomb.out.error.is_some());
    let deep = run_with(
        &mut sb,
        &host,
        &mut scopes,
        Script::test("const f = (n) => f(n + 1) + 1; f(0);"),
    );
    assert_eq!(deep.out.error.expect("overflow").error.name, "RangeError");
    let json = run_with(
        &mut sb,
        &host,
        &mut scopes,
        Script::test("JSON.parse('['.repeat(1e6) + ']'.repeat(1e6));"),
    );
    assert!(json.out.error.is_some());
    let ran = run_with(
        &mut sb,
        &host,
        &mut scopes,
        Script::test("pm.test('still fine', () => {})"),
    );
    assert_eq!(clean(&ran), vec!["ok 0 still fine"]);
}

#[test]
fn an_error_after_an_await_is_reported_with_its_line() {
    let (ran, _) = run(Script::test(
        "await new Promise(r => setTimeout(r, 1));\n\
         pm.test('ran', () => {});\n\
         null.boom;",
    ));
    let err = ran.out.error.clone().expect("error");
    assert_eq!(err.error.name, "TypeError");
    assert_eq!(
        err.error.message,
        "Cannot read properties of null (reading 'boom')"
    );
    assert_eq!(err.position.map(|p| p.0), Some(3));
    assert_eq!(lines(&ran.out), vec!["ok 0 ran"]);
}
