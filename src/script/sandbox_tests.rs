//! Tests of the sandbox driver: assertions, variables, async work, errors, limits.

use super::outcome::Listen;
use super::sandbox::SandboxOptions;
use super::state::ScriptEvent;
use super::testing::{run, run_in, sandbox};
use super::Sandbox;
use crate::vars::Scopes;
use serde_json::json;
use std::time::Duration;

fn assertions(events: &[ScriptEvent]) -> Vec<(String, bool)> {
    events
        .iter()
        .filter_map(|e| match e {
            ScriptEvent::Assertion(a) => Some((a.name.clone(), a.passed())),
            _ => None,
        })
        .collect()
}

#[test]
fn tests_pass_and_fail_in_order() {
    let (out, _) = run("pm.test('a', () => {}); pm.test('b', () => { throw new Error('no'); });");
    assert_eq!(
        assertions(&out.events),
        vec![("a".into(), true), ("b".into(), false)]
    );
    assert!(out.error.is_none());
}

#[test]
fn environment_changes_reach_the_scopes() {
    let (out, scopes) = run("pm.environment.set('token', 'abc'); pm.globals.set('n', 3);");
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(scopes.environment.get("token"), Some(&json!("abc")));
    assert_eq!(scopes.globals.get("n"), Some(&json!(3)));
}

#[test]
fn timers_run_before_the_script_ends() {
    let (out, scopes) = run(
        "setTimeout(() => { pm.environment.set('late', 'yes'); }, 20);\n\
         const t = setTimeout(() => pm.environment.set('never', 1), 10); clearTimeout(t);",
    );
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(scopes.environment.get("late"), Some(&json!("yes")));
    assert!(!scopes.environment.has("never"));
}

#[test]
fn top_level_await_works() {
    let (out, scopes) =
        run("await new Promise(r => setTimeout(r, 5)); pm.environment.set('after', true);");
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(scopes.environment.get("after"), Some(&json!(true)));
}

#[test]
fn a_thrown_error_is_reported_with_its_position_and_earlier_tests_stand() {
    let (out, _) = run("pm.test('first', () => {});\n\nundefinedFn();");
    let err = out.error.expect("error");
    assert_eq!(err.error.name, "ReferenceError");
    assert_eq!(err.error.message, "undefinedFn is not defined");
    assert_eq!(err.position.map(|p| p.0), Some(3));
    assert_eq!(assertions(&out.events), vec![("first".into(), true)]);
}

#[test]
fn a_syntax_error_is_a_script_error() {
    let (out, _) = run("let = ;");
    assert_eq!(out.error.expect("error").error.name, "SyntaxError");
}

#[test]
fn let_data_does_not_clash_with_the_legacy_global() {
    let (out, _) = run("let data = 1; const tests = 2; var responseBody = 3;");
    assert!(out.error.is_none(), "{:?}", out.error);
}

#[test]
fn legacy_tests_become_assertions() {
    let (out, _) = run("tests['ok'] = true; tests['bad'] = 0;");
    assert_eq!(
        assertions(&out.events),
        vec![("ok".into(), true), ("bad".into(), false)]
    );
}

#[test]
fn console_messages_are_inspected() {
    let (out, _) = run("console.log('hi', {a: 1, b: [1, 'x']}, 2);");
    let ScriptEvent::Console(msg) = &out.events[0] else {
        panic!("{:?}", out.events)
    };
    assert_eq!(msg.level, "log");
    assert_eq!(msg.messages, vec!["'hi'", "{ a: 1, b: [ 1, 'x' ] }", "2"]);
}

#[test]
fn a_runaway_script_times_out_and_the_next_one_runs() {
    let mut sb = Sandbox::new(&SandboxOptions {
        timeout: Some(Duration::from_millis(100)),
        ..SandboxOptions::default()
    })
    .expect("sandbox");
    let mut scopes = Scopes::default();
    let out = run_in(&mut sb, Listen::Test, "while (true) {}", &mut scopes, None);
    let err = out.error.expect("timeout");
    assert_eq!(
        err.error.message,
        "sandbox: synchronous script execution timeout"
    );
    let out = run_in(
        &mut sb,
        Listen::Test,
        "setTimeout(() => {}, 10000)",
        &mut scopes,
        None,
    );
    assert_eq!(
        out.error.expect("timeout").error.message,
        "sandbox: asynchronous script execution timeout"
    );
    let out = run_in(
        &mut sb,
        Listen::Test,
        "pm.environment.set('x', 1)",
        &mut scopes,
        None,
    );
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(scopes.environment.get("x"), Some(&json!(1)));
}

#[test]
fn a_memory_bomb_is_a_script_error() {
    let mut sb = Sandbox::new(&SandboxOptions {
        limits: super::EngineLimits {
            memory: 64 * 1024 * 1024,
            ..super::EngineLimits::default()
        },
        ..SandboxOptions::default()
    })
    .expect("sandbox");
    let mut scopes = Scopes::default();
    let out = run_in(
        &mut sb,
        Listen::Test,
        "let a = []; while (true) { a.push('x'.repeat(1e6)); }",
        &mut scopes,
        None,
    );
    assert!(out.error.is_some());
    let out = run_in(
        &mut sb,
        Listen::Test,
        "pm.test('fine', () => {})",
        &mut scopes,
        None,
    );
    assert_eq!(assertions(&out.events), vec![("fine".into(), true)]);
}

#[test]
fn deep_recursion_is_a_range_error() {
    let (out, _) = run("function f() { return f() + 1; } f();");
    assert_eq!(out.error.expect("error").error.name, "RangeError");
}

#[test]
fn set_next_request_and_skip() {
    let mut sb = sandbox();
    let mut scopes = Scopes::default();
    let out = run_in(
        &mut sb,
        Listen::Test,
        "pm.execution.setNextRequest('Login')",
        &mut scopes,
        None,
    );
    assert_eq!(
        out.next_request,
        Some(super::NextRequest::To("Login".into()))
    );
    let out = run_in(
        &mut sb,
        Listen::Test,
        "postman.setNextRequest(null)",
        &mut scopes,
        None,
    );
    assert_eq!(out.next_request, Some(super::NextRequest::Stop));
    let out = run_in(
        &mut sb,
        Listen::Prerequest,
        "pm.execution.skipRequest()",
        &mut scopes,
        None,
    );
    assert!(out.skip_request);
}

#[test]
fn done_callback_tests_wait_for_timers() {
    let (out, _) = run(
        "pm.test('later', function (done) { setTimeout(() => done(), 5); });\n\
                        pm.test('never', function (done) {});",
    );
    assert_eq!(
        assertions(&out.events),
        vec![("later".into(), true), ("never".into(), false)]
    );
}

#[test]
fn expect_failures_carry_chai_messages() {
    let (out, _) = run("pm.test('eq', () => pm.expect({a: 1}).to.have.property('b'));");
    let ScriptEvent::Assertion(a) = &out.events[0] else {
        panic!("{:?}", out.events)
    };
    let err = a.error.as_ref().expect("failed");
    assert_eq!(err.name, "AssertionError");
    assert_eq!(err.message, "expected { a: 1 } to have property 'b'");
}
