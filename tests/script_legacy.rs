//! The legacy globals (Newman's sandbox 4 "postman legacy interface"), their deprecation
//! warnings, and `'use sandbox2'`.

mod script_support;

use postie::vars::Scopes;
use script_support::*;
use serde_json::json;

fn warnings(l: &[String]) -> Vec<String> {
    l.iter()
        .filter(|x| x.starts_with("warn "))
        .cloned()
        .collect()
}

fn logs(l: &[String]) -> Vec<String> {
    l.iter()
        .filter(|x| !x.starts_with("warn "))
        .cloned()
        .collect()
}

#[test]
fn response_globals_in_test_scripts() {
    let (ran, _) = run(Script::test(
        "console.log(responseBody);\n\
         console.log(responseCode.code, responseCode.name, responseCode.detail);\n\
         console.log(responseHeaders['Content-Type'], responseHeaders['X-Thing']);\n\
         console.log(responseTime, iteration);\n\
         console.log(postman.getResponseHeader('content-TYPE'), postman.getResponseHeader('nope'));",
    ));
    assert_eq!(
        logs(&clean(&ran)),
        vec![
            r#"log '{"ok":true}'"#,
            "log 200, 'OK', 'OK'",
            "log 'application/json; charset=utf-8', 'one'",
            "log 12, 0",
            "log 'application/json; charset=utf-8', undefined",
        ]
    );
}

#[test]
fn request_global_is_the_request_as_the_script_started() {
    let mut s = Script::pre(
        "pm.request.headers.add({key: 'Late', value: 'x'});\n\
         console.log(request.id, request.name, request.method, request.url);\n\
         console.log(request.headers, request.data, request.description);",
    );
    s.request = json!({
        "url": "http://h/p?q=1", "method": "POST", "description": "About",
        "header": [{"key": "X-A", "value": "1"}, {"key": "x-a", "value": "2"}, {"key": "Off", "value": "0", "disabled": true}],
        "body": {"mode": "formdata", "formdata": [{"key": "f", "value": "1", "type": "text"}, {"key": "g", "value": "2", "disabled": true}]}
    });
    let (ran, _) = run(s);
    assert_eq!(
        logs(&clean(&ran)),
        vec![
            "log 'req-1', 'Get thing', 'POST', 'http://h/p?q=1'",
            "log { 'x-a': [ '1', '2' ] }, { f: '1' }, 'About'",
        ]
    );
    let mut s = Script::pre("console.log(request.data)");
    s.request =
        json!({"url": "http://h/", "method": "POST", "body": {"mode": "raw", "raw": "text body"}});
    let (ran, _) = run(s);
    assert_eq!(logs(&clean(&ran)), vec!["log 'text body'"]);
}

#[test]
fn environment_and_globals_are_snapshots_kept_in_step_by_postman_calls() {
    let mut scopes = Scopes::default();
    scopes.environment.set("e", json!("1"));
    scopes.globals.set("g", json!("1"));
    scopes.data.set("d", json!("row"));
    let code = "pm.environment.set('late', 'x');\n\
                console.log(environment.e, environment.late, globals.g, data.d);\n\
                postman.setEnvironmentVariable('n', 5); postman.setGlobalVariable('b', false);\n\
                postman.setEnvironmentVariable('nul', null);\n\
                console.log(environment.n, typeof pm.environment.get('n'), globals.b, pm.globals.get('b'));\n\
                console.log(postman.getEnvironmentVariable('n'), postman.getGlobalVariable('g'));\n\
                postman.clearEnvironmentVariable('e'); postman.clearGlobalVariables();\n\
                console.log(environment.e, pm.environment.has('e'), Object.keys(globals).length, pm.globals.toObject());\n\
                environment.direct = 1;\n\
                postman.clearEnvironmentVariables();\n\
                console.log(Object.keys(environment), pm.environment.toObject());";
    let ran = run_with(
        &mut sandbox(),
        &TestHost::default(),
        &mut scopes,
        Script::test(code),
    );
    assert_eq!(
        logs(&clean(&ran)),
        vec![
            "log '1', undefined, '1', 'row'",
            "log '5', 'string', false, false",
            "log '5', '1'",
            "log undefined, false, 0, {}",
            "log [], {}",
        ]
    );
    assert!(scopes.environment.values.is_empty());
}

#[test]
fn deprecation_warnings_once_per_script_at_first_use() {
    let (ran, _) = run(Script::test(
        "console.log('start');\n\
         tests['a'] = true; tests['b'] = true;\n\
         const c = responseCode.code + responseBody.length + responseTime + iteration;\n\
         postman.setEnvironmentVariable('x', '1'); postman.setEnvironmentVariable('y', '2');\n\
         postman.getEnvironmentVariable('x');\n\
         environment.x; globals; data.nope; request.url; responseHeaders.a; responseCookies.count();\n\
         atob('YQ==');",
    ));
    assert_eq!(
        clean(&ran),
        vec![
            "log 'start'",
            r#"warn 'Using "tests" is deprecated. Use "pm.test()" instead.'"#,
            r#"warn 'Using "responseCode" is deprecated. Use "pm.response.code" instead.'"#,
            r#"warn 'Using "postman.setEnvironmentVariable" is deprecated. Use "pm.environment.set()" instead.'"#,
            r#"warn 'Using "postman.getEnvironmentVariable" is deprecated. Use "pm.environment.get()" instead.'"#,
            r#"warn 'Using "environment" is deprecated. Use "pm.environment" instead.'"#,
            r#"warn 'Using "data" is deprecated. Use "pm.iterationData" instead.'"#,
            r#"warn 'Using "request" is deprecated. Use "pm.request" instead.'"#,
            r#"warn 'Using "responseHeaders" is deprecated. Use "pm.response.headers" instead.'"#,
            r#"warn 'Using "responseCookies" is deprecated. Use "pm.cookies" instead.'"#,
            r#"warn `Using "atob" is deprecated. Use "require('atob')" instead.`"#,
            "ok 0 a",
            "ok 1 b",
        ]
    );
}

#[test]
fn warnings_start_again_in_the_next_script() {
    let mut sb = sandbox();
    let host = TestHost::default();
    let mut scopes = Scopes::default();
    for _ in 0..2 {
        let ran = run_with(&mut sb, &host, &mut scopes, Script::test("tests['t'] = 1;"));
        assert_eq!(warnings(&clean(&ran)).len(), 1);
    }
}

#[test]
fn prerequest_scripts_have_no_response_globals() {
    let (ran, _) = run(Script::pre("responseBody"));
    let err = ran.out.error.expect("error");
    assert_eq!(
        (err.error.name.as_str(), err.error.message.as_str()),
        ("ReferenceError", "responseBody is not defined")
    );
    let (ran, _) = run(Script::pre("postman.getResponseHeader('a')"));
    assert_eq!(ran.out.error.expect("error").error.name, "TypeError");
    let (ran, _) = run(Script::pre(
        "console.log(typeof tests, typeof postman.setNextRequest)",
    ));
    assert_eq!(logs(&clean(&ran)), vec!["log 'object', 'function'"]);
}

#[test]
fn use_sandbox2_turns_the_legacy_globals_off() {
    for marker in ["'use sandbox2';", "\"use sandbox2\";"] {
        let code = format!(
            "{marker}\nconsole.log(typeof tests, typeof postman, typeof responseBody, typeof environment, atob('YQ=='));"
        );
        let (ran, _) = run(Script::test(&code));
        assert_eq!(
            clean(&ran),
            vec!["log 'undefined', 'undefined', 'undefined', 'undefined', 'a'"]
        );
    }
    let mut sb = sandbox();
    let host = TestHost::default();
    let mut scopes = Scopes::default();
    let off = run_with(
        &mut sb,
        &host,
        &mut scopes,
        Script::test("'use sandbox2';\ntests['x'] = 1;"),
    );
    assert_eq!(
        off.out.error.expect("error").error.message,
        "tests is not defined"
    );
    let on = run_with(&mut sb, &host, &mut scopes, Script::test("tests['x'] = 1;"));
    assert_eq!(lines(&on.out).last().map(String::as_str), Some("ok 0 x"));
}

#[test]
fn legacy_names_can_be_declared_and_assigned() {
    all_pass(
        "let data = {a: 1}; const request = 2; var responseBody = 'mine';\n\
         pm.test('shadowed', () => { if (data.a !== 1 || request !== 2 || responseBody !== 'mine') throw new Error('x'); });",
    );
    all_pass(
        "responseCode = 5; iteration = 'i';\n\
         pm.test('assigned', () => { if (responseCode !== 5 || iteration !== 'i') throw new Error('x'); });",
    );
}

#[test]
fn get_response_cookie_returns_the_cookie() {
    let mut s = Script::test("const c = postman.getResponseCookie('sid'); console.log(c.value, c.httpOnly, postman.getResponseCookie('none'));");
    s.cookies = vec![
        json!({"name": "sid", "value": "v1", "domain": "example.com", "path": "/", "expires": null,
                            "httpOnly": true, "secure": false, "hostOnly": true}),
    ];
    let (ran, _) = run(s);
    assert_eq!(logs(&clean(&ran)), vec!["log 'v1', true, undefined"]);
}

#[test]
fn snapshots_ignore_writes_made_before_their_first_use() {
    let mut scopes = Scopes::default();
    scopes.environment.set("kept", json!("old"));
    scopes.environment.set("gone", json!("here"));
    scopes.data.set("d", json!(1));
    let code = "pm.environment.set('kept', 'new'); pm.environment.unset('gone'); pm.environment.set('added', 1);\n\
                pm.iterationData.set('d', 2);\n\
                console.log(environment.kept, environment.gone, 'added' in environment, data.d);\n\
                pm.globals.set('g', 1); pm.globals.clear();\n\
                console.log(globals.g);";
    let ran = run_with(
        &mut sandbox(),
        &TestHost::default(),
        &mut scopes,
        Script::test(code),
    );
    assert_eq!(
        logs(&clean(&ran)),
        vec!["log 'old', 'here', false, 1", "log undefined"]
    );
    assert_eq!(scopes.environment.get("kept"), Some(&json!("new")));
    assert!(!scopes.environment.has("gone"));
}

#[test]
fn lazily_loaded_library_globals_warn_only_in_legacy_scripts() {
    let mut sb = sandbox();
    let host = TestHost::default();
    let mut scopes = Scopes::default();
    let mut run = |code: &str| clean(&run_with(&mut sb, &host, &mut scopes, Script::test(code)));
    // A library global the way the library modules install theirs: a getter that loads the
    // library on first use and replaces itself with the value.
    run("'use sandbox2';\n\
         let loads = 0;\n\
         Object.defineProperty(globalThis, '_', { configurable: true, get() {\n\
           loads++; const lib = { loads: () => loads, id: (x) => x };\n\
           Object.defineProperty(globalThis, '_', { value: lib, writable: true, configurable: true });\n\
           return lib; } });");
    assert_eq!(
        run("console.log(_.id(1), _.loads());"),
        vec![
            "warn `Using \"_\" is deprecated. Use \"require('lodash')\" instead.`",
            "log 1, 1"
        ]
    );
    assert_eq!(
        run("'use sandbox2';\nconsole.log(_.loads());"),
        vec!["log 1"]
    );
    assert_eq!(run("console.log(_.loads());").len(), 2);
}
