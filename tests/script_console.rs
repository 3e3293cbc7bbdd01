//! Console messages: each argument formatted as Node's util.inspect does with Newman's cli
//! settings (breakLength 68 without a terminal), levels, and functions shown as Newman's sandbox
//! passes them ('[Function: name]').

mod script_support;

use postie::script::{Sandbox, SandboxOptions, ScriptEvent};
use postie::vars::Scopes;
use script_support::*;

/// The messages of the one console call `code` makes, in a sandbox with `break_length`.
fn logged_with(break_length: usize, code: &str) -> Vec<String> {
    let mut sb = Sandbox::new(&SandboxOptions {
        console_break_length: break_length,
        ..SandboxOptions::default()
    })
    .expect("sandbox");
    let ran = run_with(
        &mut sb,
        &TestHost::default(),
        &mut Scopes::default(),
        Script::test(code),
    );
    assert!(ran.out.error.is_none(), "{:?}", ran.out.error);
    match ran.out.events.as_slice() {
        [ScriptEvent::Console(c)] => c.messages.clone(),
        other => panic!("{other:?}"),
    }
}

fn logged(value: &str) -> String {
    logged_with(68, &format!("console.log({value});")).join("\n---\n")
}

#[test]
fn primitives_and_strings() {
    assert_eq!(
        logged_with(
            68,
            "console.log('hi', 1, -0, NaN, 10n, true, null, undefined, Symbol('s'))"
        ),
        vec![
            "'hi'",
            "1",
            "-0",
            "NaN",
            "10n",
            "true",
            "null",
            "undefined",
            "Symbol(s)"
        ]
    );
    assert_eq!(logged(r#""it's""#), r#""it's""#);
    assert_eq!(logged(r#"'both \' and "'"#), r#"`both ' and "`"#);
    assert_eq!(
        logged(r"'tab\there\nnl \\ \x01'"),
        r"'tab\there\nnl \\ \x01'"
    );
}

#[test]
fn objects_and_arrays_on_one_line_when_short() {
    assert_eq!(
        logged("{a: 1, b: 'two', c: [1, 2, 3], d: {e: null}}"),
        "{ a: 1, b: 'two', c: [ 1, 2, 3 ], d: { e: null } }"
    );
    assert_eq!(logged("{}"), "{}");
    assert_eq!(logged("[]"), "[]");
    assert_eq!(
        logged("{'a-b': 1, '1x': 2, $d: 3, _ok: 4}"),
        "{ 'a-b': 1, '1x': 2, '$d': 3, _ok: 4 }"
    );
    assert_eq!(logged("{[Symbol('k')]: 1}"), "{ [Symbol(k)]: 1 }");
    assert_eq!(logged("[1, , 3]"), "[ 1, <1 empty item>, 3 ]");
    assert_eq!(logged("[undefined, null, NaN]"), "[ undefined, null, NaN ]");
}

#[test]
fn long_objects_break_over_lines() {
    assert_eq!(
        logged("{alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccccccccc', delta: 'dddddddddd'}"),
        "{\n  alpha: 'aaaaaaaaaa',\n  beta: 'bbbbbbbbbb',\n  gamma: 'cccccccccc',\n  delta: 'dddddddddd'\n}"
    );
    assert_eq!(
        logged("{list: [{id: 1, name: 'first item here'}, {id: 2, name: 'second item here'}], total: 2}"),
        "{\n  list: [\n    { id: 1, name: 'first item here' },\n    { id: 2, name: 'second item here' }\n  ],\n  total: 2\n}"
    );
    // The same fits on one line at Node's default width of 80.
    assert_eq!(
        logged_with(
            80,
            "console.log({alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccccccccc'})"
        ),
        vec!["{ alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccccccccc' }"]
    );
}

#[test]
fn long_arrays_of_short_items_are_grouped() {
    assert_eq!(
        logged("[1, 2, 3, 4, 5, 6, 7]"),
        "[\n  1, 2, 3, 4,\n  5, 6, 7\n]"
    );
    assert_eq!(logged("[1, 2, 3, 4, 5, 6]"), "[ 1, 2, 3, 4, 5, 6 ]");
    let hundred = logged_with(80, "console.log(Array.from({length: 100}, (_, i) => i))").remove(0);
    let lines: Vec<&str> = hundred.lines().collect();
    assert_eq!(lines[0], "[");
    assert_eq!(
        lines[1],
        "   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,"
    );
    assert_eq!(lines[9], "  96, 97, 98, 99");
    assert_eq!(lines[10], "]");
    let words = logged("['apple', 'banana', 'cherry', 'dates', 'elder', 'figs', 'grape']");
    assert_eq!(
        words,
        "[\n  'apple',  'banana',\n  'cherry', 'dates',\n  'elder',  'figs',\n  'grape'\n]"
    );
    let many = logged_with(80, "console.log(new Array(120).fill(7))").remove(0);
    assert!(many.ends_with("  ... 20 more items\n]"), "{many}");
}

#[test]
fn depth_limit_and_circular_references() {
    assert_eq!(
        logged("{a: {b: {c: {d: 1}}}}"),
        "{ a: { b: { c: [Object] } } }"
    );
    assert_eq!(logged("[[[[1]]]]"), "[ [ [ [Array] ] ] ]");
    let circular =
        "console.log((() => { const o = {name: 'root'}; o.self = o; o.list = [o]; return o; })())";
    assert_eq!(
        logged_with(80, circular),
        vec!["<ref *1> { name: 'root', self: [Circular *1], list: [ [Circular *1] ] }"]
    );
    assert_eq!(
        logged_with(68, circular),
        vec!["<ref *1> {\n  name: 'root',\n  self: [Circular *1],\n  list: [ [Circular *1] ]\n}"]
    );
}

#[test]
fn built_in_types_and_class_instances() {
    assert_eq!(
        logged("new Map([['a', 1], ['b', {c: 2}]])"),
        "Map(2) { 'a' => 1, 'b' => { c: 2 } }"
    );
    assert_eq!(logged("new Set([1, 'x'])"), "Set(2) { 1, 'x' }");
    assert_eq!(logged("new Map()"), "Map(0) {}");
    assert_eq!(
        logged("new Date(Date.UTC(2020, 0, 2, 3, 4, 5))"),
        "2020-01-02T03:04:05.000Z"
    );
    assert_eq!(logged("/ab+c/gi"), "/ab+c/gi");
    assert_eq!(
        logged("new Uint8Array([1, 2, 3])"),
        "Uint8Array(3) [ 1, 2, 3 ]"
    );
    assert_eq!(
        logged("new (class Foo { constructor() { this.x = 1; } })()"),
        "Foo { x: 1 }"
    );
    assert_eq!(logged("new (class Bar {})()"), "Bar {}");
    assert_eq!(logged("Object.create(null)"), "[Object: null prototype] {}");
    assert_eq!(
        logged("Object.assign(Object.create(null), {a: 1})"),
        "[Object: null prototype] { a: 1 }"
    );
    assert_eq!(logged("Promise.resolve(1)"), "Promise { <pending> }");
    assert_eq!(logged("new Number(3)"), "[Number: 3]");
}

#[test]
fn errors_show_their_stack() {
    let text = logged("new TypeError('boom')");
    assert!(text.starts_with("TypeError: boom\n    at "), "{text}");
    assert!(text.contains("test-script:1:"), "{text}");
    let nested = logged("{e: new Error('inner')}");
    assert!(
        nested.starts_with("{\n  e: Error: inner\n      at "),
        "{nested}"
    );
}

#[test]
fn functions_arrive_as_newmans_strings() {
    assert_eq!(logged("function foo() {}"), "'[Function: foo]'");
    assert_eq!(
        logged("{f: () => 1, g: async function named() {}}"),
        "{ f: '[Function: f]', g: '[AsyncFunction: named]' }"
    );
    assert_eq!(logged("[function () {}][0]"), "'[Function]'");
}

#[test]
fn long_strings_with_newlines_split_like_node() {
    let text = logged("'line one is here\\n' + 'x'.repeat(60)");
    assert_eq!(
        text,
        format!("'line one is here\\n' +\n  '{}'", "x".repeat(60))
    );
}

#[test]
fn levels_and_no_printf_formatting() {
    let (ran, _) = run(Script::test(
        "console.log('a %s', 'b'); console.info(1); console.warn(2); console.error(3); console.debug(4); console.clear();",
    ));
    assert_eq!(
        clean(&ran),
        vec![
            "log 'a %s', 'b'",
            "info 1",
            "warn 2",
            "error 3",
            "debug 4",
            "clear "
        ]
    );
}
