//! sugar.js as scripts meet it: loaded only when a script touches one of its methods, invisible
//! to `for … in` and JSON, natives left in place, assignments over its names, and the timer
//! methods (delay, debounce, throttle, lazy, every, cancel) running inside the script.

use postie::script::{
    Listen, NoHost, Sandbox, SandboxOptions, ScriptInfo, ScriptInput, ScriptOutcome,
};
use postie::vars::Scopes;
use serde_json::{json, Value};

fn run(sandbox: &mut Sandbox, code: &str, scopes: &mut Scopes) -> ScriptOutcome {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let mut request = json!({"url": "http://example.com/", "method": "GET"});
    let input = ScriptInput {
        listen: Listen::Test,
        code,
        scopes,
        request: &mut request,
        response: None,
        cookies: Vec::new(),
        info: ScriptInfo::default(),
    };
    rt.block_on(sandbox.run(input, &NoHost))
}

/// Runs `code` in `sandbox` and returns the environment variable `out` (set by the script).
fn out(sandbox: &mut Sandbox, code: &str) -> Value {
    let mut scopes = Scopes::default();
    let outcome = run(sandbox, code, &mut scopes);
    assert!(outcome.error.is_none(), "{code}\n{:?}", outcome.error);
    scopes
        .environment
        .get("out")
        .cloned()
        .unwrap_or(Value::Null)
}

fn fresh() -> Sandbox {
    Sandbox::new(&SandboxOptions::default()).expect("sandbox")
}

const LOADED: &str = "pm.environment.set('out', __postie_loaded().includes('sugar/index'));";

#[test]
fn sugar_loads_only_when_a_script_touches_it() {
    let mut sandbox = fresh();
    // A busy script that uses no sugar method: pm, expect, console, natives, lodash, moment.
    let busy = "pm.test('t', function () { pm.expect([1, 2]).to.include(2); pm.expect({ a: 1 }).to.eql({ a: 1 }); });\n\
        console.log([1, 2, 3], { a: [1, 'x'] }, new Date(0), function named() {}, 5, 'text', /re/g);\n\
        var a = [3, 1, 2].map(function (x) { return x * 2; }).filter(function (x) { return x > 2; }).sort();\n\
        var s = 'Hello'.toUpperCase().startsWith('HE') && 'abc'.endsWith('c') && 'a'.repeat(3) === 'aaa';\n\
        var k = Object.keys({ a: 1 }).concat(Object.values({ b: 2 }));\n\
        var j = JSON.stringify({ list: a, when: new Date(0), s: s, k: k });\n\
        var l = _.map([1, 2], function (x) { return x + 1; });\n\
        var m = require('moment').utc(0).format('YYYY');\n\
        for (var key in [1]) {} for (key in 'ab') {} for (key in { x: 1 }) {}\n";
    let code = format!("{busy}\n{LOADED}");
    assert_eq!(out(&mut sandbox, &code), json!(false));
    assert_eq!(
        out(
            &mut sandbox,
            "pm.environment.set('out', 'diabetes'.has('betes'));"
        ),
        json!(true)
    );
    assert_eq!(out(&mut sandbox, LOADED), json!(true));
}

#[test]
fn native_iterators_stay_native_until_a_shortcut_is_used() {
    let mut sandbox = fresh();
    let code = format!(
        "var r = [1, 2].map(function (x) {{ return x * 2; }}).concat([1, 2, 3].find(function (x) {{ return x > 1; }}));\n\
         var e; try {{ [1].map(); }} catch (err) {{ e = err.name; }}\n\
         if (r.join() !== '2,4,2' || e !== 'TypeError') throw new Error(r + ' ' + e);\n{LOADED}"
    );
    assert_eq!(out(&mut sandbox, &code), json!(false));
    let code = "pm.environment.set('out', [[{ a: 1 }, { a: 2 }].map('a'), __postie_loaded().includes('sugar/index')]);";
    assert_eq!(out(&mut sandbox, code), json!([[1, 2], true]));
}

#[test]
fn for_in_and_json_see_no_sugar_methods() {
    let mut sandbox = fresh();
    let probe = "var seen = [];\n\
        [[], '', {}, new Date(0), function () {}, 5, /x/].forEach(function (v) { for (var k in v) seen.push(k); });\n\
        for (var k in Object) seen.push(k);\n\
        seen.push(JSON.stringify([1, [2], { a: [3] }]), JSON.stringify({ d: new Date(0), n: 1.5 }), Object.keys([7]).join());\n\
        pm.environment.set('out', seen);";
    let expected = json!([
        "[1,[2],{\"a\":[3]}]",
        "{\"d\":\"1970-01-01T00:00:00.000Z\",\"n\":1.5}",
        "0"
    ]);
    // Before sugar is loaded (accessors) and after (methods).
    assert_eq!(out(&mut sandbox, probe), expected);
    assert_eq!(
        out(&mut sandbox, "pm.environment.set('out', [1, 2].average());"),
        json!(1.5)
    );
    assert_eq!(out(&mut sandbox, probe), expected);
}

#[test]
fn every_lazy_name_becomes_a_method_and_no_method_is_missing_from_the_table() {
    let mut sandbox = fresh();
    let code = "var targets = { 'Array#': Array.prototype, 'Array.': Array, 'String#': String.prototype,\n\
          'Number#': Number.prototype, 'Number.': Number, 'Function#': Function.prototype, 'Date#': Date.prototype,\n\
          'Date.': Date, 'Object.': Object, 'RegExp#': RegExp.prototype, 'RegExp.': RegExp };\n\
        function snapshot() {\n\
          var names = {};\n\
          Object.keys(targets).forEach(function (t) {\n\
            Object.getOwnPropertyNames(targets[t]).forEach(function (n) {\n\
              var d = Object.getOwnPropertyDescriptor(targets[t], n);\n\
              names[t + n] = d.get ? (d.get.name === 'get' ? 'accessor' : 'native') : d.enumerable ? 'enumerable' : 'value';\n\
            });\n\
          });\n\
          return names;\n\
        }\n\
        // The lazy accessors' getters are named 'get'; native ones 'get flags' and the like.\n\
        var before = snapshot();\n\
        var lazy = Object.keys(before).filter(function (n) { return before[n] === 'accessor'; });\n\
        'x'.has('x');\n\
        var after = snapshot();\n\
        var problems = [];\n\
        lazy.forEach(function (n) { if (after[n] !== 'value') problems.push('still ' + after[n] + ': ' + n); });\n\
        Object.keys(after).forEach(function (n) { if (!(n in before)) problems.push('not in the table: ' + n); });\n\
        pm.environment.set('out', [lazy.length, problems]);";
    assert_eq!(out(&mut sandbox, code), json!([398, []]));
}

#[test]
fn natives_are_kept() {
    let mut sandbox = fresh();
    let code = "var natives = [String.prototype.startsWith, String.prototype.endsWith, String.prototype.repeat,\n\
          String.prototype.at, String.prototype.trim, Array.prototype.at, Array.prototype.includes, Object.keys,\n\
          Object.values, Array.prototype.map];\n\
        [1, 2].sum();\n\
        var now = [String.prototype.startsWith, String.prototype.endsWith, String.prototype.repeat,\n\
          String.prototype.at, String.prototype.trim, Array.prototype.at, Array.prototype.includes, Object.keys,\n\
          Object.values, Array.prototype.map];\n\
        pm.environment.set('out', [natives.every(function (f, i) { return f === now[i]; }), 'abc'.at(5), [1, 2].at(4),\n\
          'jumpy'.endsWith('MPY'), RegExp.escape('yes.')]);";
    assert_eq!(
        out(&mut sandbox, code),
        json!([true, null, null, false, "yes\\."])
    );
}

#[test]
fn scripts_may_assign_over_sugar_names() {
    let mut sandbox = fresh();
    // Before loading: an instance gets its own property; a prototype keeps the script's method.
    let code = "var a = [1]; a.first = 'own';\n\
        var f = function () {}; f.delay = 3;\n\
        String.prototype.has = function () { return 'mine'; };\n\
        pm.environment.set('out', [a.first, Object.keys(a), f.delay, 'x'.has('y'), [5, 6].first()]);";
    assert_eq!(
        out(&mut sandbox, code),
        json!(["own", ["0", "first"], 3, "mine", 5])
    );
    // After loading the script's String#has is still there.
    assert_eq!(
        out(&mut sandbox, "pm.environment.set('out', 'x'.has('x'));"),
        json!("mine")
    );
}

#[test]
fn timer_methods_run_within_the_script() {
    let mut sandbox = fresh();
    let code = "var log = [];\n\
        (function (x) { log.push('delay:' + x); }).delay(20, 'a');\n\
        var g = function (x) { log.push('debounce:' + x); }.debounce(30);\n\
        g(1); g(2); setTimeout(function () { g(3); }, 10);\n\
        var t = function (x) { log.push('throttle:' + x); return x; }.throttle(30);\n\
        log.push('t1=' + t(1)); log.push('t2=' + t(2));\n\
        var l = function (x) { log.push('lazy:' + x); }.lazy(10, false, 2);\n\
        l(1); l(2); l(3); l(4);\n\
        var c = function () { log.push('cancelled!'); }; c.delay(10); c.cancel();\n\
        var n = 0; var e = function () { n++; log.push('every' + n); if (n === 3) e.cancel(); }; e.every(10);\n\
        setTimeout(function () {\n\
          var kinds = {};\n\
          log.forEach(function (entry) { var k = entry.split(/[:=0-9]/)[0]; kinds[k] = (kinds[k] || []).concat(entry); });\n\
          pm.environment.set('out', kinds);\n\
        }, 200);";
    assert_eq!(
        out(&mut sandbox, code),
        json!({
            "delay": ["delay:a"],
            "debounce": ["debounce:3"],
            "throttle": ["throttle:1"],
            "t": ["t1=1", "t2=1"],
            "lazy": ["lazy:1", "lazy:2"],
            "every": ["every1", "every2", "every3"]
        })
    );
}
