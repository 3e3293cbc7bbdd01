//! Async work inside scripts: pm.sendRequest (callback, promise, concurrency, errors) against a
//! real local server, timers, top-level await, and the order events come out in.

mod script_support;

use postie::script::{NoHost, ScriptEvent};
use postie::vars::Scopes;
use script_support::*;
use serde_json::json;

fn with_server(code: &str) -> (Ran, EchoServer, TestHost) {
    let server = EchoServer::start();
    let code = code.replace("{{URL}}", &server.url(""));
    let host = TestHost::default();
    let ran = run_with(
        &mut sandbox(),
        &host,
        &mut Scopes::default(),
        Script::test(&code),
    );
    (ran, server, host)
}

#[test]
fn send_request_callback_form() {
    let (ran, server, host) = with_server(
        "const r = pm.sendRequest('{{URL}}/get?a=1', function (err, res, history) {\n\
           pm.test('callback', () => {\n\
             if (err) throw err;\n\
             if (res.code !== 200 || res.status !== 'OK') throw new Error('status ' + res.code);\n\
             if (res.json().query !== 'a=1') throw new Error(res.text());\n\
             if (res.headers.get('x-echo') !== 'yes') throw new Error('header');\n\
             if (!Buffer.isBuffer(res.stream) || res.stream.toString() !== res.text()) throw new Error('stream');\n\
             if (typeof res.responseTime !== 'number' || !history || !history.cookies) throw new Error('meta');\n\
             if (this !== pm) throw new Error('this');\n\
           });\n\
         });\n\
         console.log(r === pm);",
    );
    let l = clean(&ran);
    assert_eq!(l[0], "log true");
    assert!(l[1].starts_with("request GET http://127.0.0.1:"), "{l:?}");
    assert_eq!(l[2], "ok 0 callback");
    assert_eq!(server.requests()[0].target, "/get?a=1");
    assert_eq!(host.sent.borrow()[0], json!(server.url("/get?a=1")));
}

#[test]
fn send_request_promise_form_with_a_request_object() {
    let (ran, server, host) = with_server(
        "const res = await pm.sendRequest({\n\
           url: '{{URL}}/post', method: 'post',\n\
           header: {'Content-Type': 'application/json', 'X-Var': '{{notReplaced}}'},\n\
           body: {mode: 'raw', raw: JSON.stringify({a: 1})}\n\
         });\n\
         pm.test('echoed', () => {\n\
           const j = res.json();\n\
           if (j.method !== 'POST' || j.body !== '{\"a\":1}') throw new Error(res.text());\n\
           if (j.headers['x-var'] !== '{{notReplaced}}') throw new Error('substituted');\n\
         });",
    );
    assert_eq!(
        lines(&ran.out).last().map(String::as_str),
        Some("ok 0 echoed"),
        "{:?}",
        lines(&ran.out)
    );
    let seen = &server.requests()[0];
    assert_eq!(seen.method, "POST");
    let sent = &host.sent.borrow()[0];
    assert_eq!(sent["method"], "POST");
    assert_eq!(sent["url"]["raw"], server.url("/post"));
    assert_eq!(
        sent["header"],
        json!([{"key": "Content-Type", "value": "application/json"}, {"key": "X-Var", "value": "{{notReplaced}}"}])
    );
    assert_eq!(sent["body"], json!({"mode": "raw", "raw": "{\"a\":1}"}));
}

#[test]
fn send_request_with_an_sdk_request_and_urlencoded_body() {
    let (ran, server, _) = with_server(
        "const req = pm.request.clone();\n\
         req.url = '{{URL}}/form'; req.method = 'PUT';\n\
         req.body = {mode: 'urlencoded', urlencoded: [{key: 'a', value: '1'}, {key: 'b', value: '2'}]};\n\
         pm.sendRequest(req, (err, res) => pm.test('form', () => { if (res.json().body !== 'a=1&b=2') throw new Error(res.text()); }));",
    );
    assert!(clean(&ran).contains(&"ok 0 form".to_string()));
    assert_eq!(server.requests()[0].method, "PUT");
}

#[test]
fn concurrent_send_requests_are_in_flight_together() {
    let (ran, server, _) = with_server(
        "const got = [];\n\
         for (let i = 0; i < 3; i++) pm.sendRequest('{{URL}}/together/3?i=' + i, (err, res) => { if (err) throw err; got.push(res.json().together); });\n\
         const all = await Promise.all([1, 2].map(i => pm.sendRequest('{{URL}}/get?p=' + i)));\n\
         pm.test('promise results', () => { if (all.length !== 2 || all[1].json().query !== 'p=2') throw new Error('x'); });\n\
         setTimeout(() => pm.test('overlapped', () => { if (got.join() !== 'true,true,true') throw new Error(got.join()); }), 0);",
    );
    let l = clean(&ran);
    assert_eq!(
        l.iter().filter(|x| x.starts_with("request GET")).count(),
        5,
        "{l:#?}"
    );
    assert!(l.contains(&"ok 0 promise results".to_string()), "{l:#?}");
    assert!(l.contains(&"ok 1 overlapped".to_string()), "{l:#?}");
    assert_eq!(server.requests().len(), 5);
}

#[test]
fn send_request_errors_reach_the_callback_and_the_promise() {
    let code = "pm.sendRequest('http://127.0.0.1:1/nothing', (err, res) => pm.test('cb err', () => {\n\
                  if (!(err instanceof Error) || res !== undefined) throw new Error('no error');\n\
                  if (!err.message.includes('ECONNREFUSED')) throw new Error(err.message);\n\
                }));\n\
                try { await pm.sendRequest('http://127.0.0.1:1/again'); } catch (e) { console.log('caught', e.name); }\n\
                pm.sendRequest(null, (err) => console.log(err.message));";
    let ran = run_with(
        &mut sandbox(),
        &TestHost::default(),
        &mut Scopes::default(),
        Script::test(code),
    );
    let l = clean(&ran);
    assert_eq!(
        l.iter()
            .filter(|x| x.starts_with("request-error http://127.0.0.1:1/"))
            .count(),
        2,
        "{l:#?}"
    );
    assert!(l.contains(&"ok 0 cb err".to_string()), "{l:#?}");
    assert!(l.contains(&"log 'caught', 'Error'".to_string()), "{l:#?}");
    assert!(
        l.contains(&"log 'sendrequest: nothing to request'".to_string()),
        "{l:#?}"
    );
    let failed = ran
        .out
        .events
        .iter()
        .filter(|e| matches!(e, ScriptEvent::Request(r) if r.is_err()))
        .count();
    assert_eq!(failed, 2);
}

#[test]
fn file_bodies_are_not_sent_from_scripts() {
    let (ran, _, host) = with_server(
        "await pm.sendRequest({url: '{{URL}}/up', method: 'POST', body: {mode: 'file', file: {src: '/etc/passwd'}}});",
    );
    assert_eq!(
        clean(&ran)[0],
        "warn 'uploading files from scripts is not allowed'"
    );
    assert!(host.sent.borrow()[0].get("body").is_none());
}

#[test]
fn an_error_in_a_send_request_callback_is_a_script_error() {
    let (ran, _, _) = with_server(
        "pm.test('before', () => {});\n\
         pm.sendRequest('{{URL}}/get', () => { throw new SyntaxError('in callback'); });",
    );
    let err = ran.out.error.clone().expect("script error");
    assert_eq!(
        (err.error.name.as_str(), err.error.message.as_str()),
        ("SyntaxError", "in callback")
    );
    assert_eq!(err.position.map(|p| p.0), Some(2));
    assert_eq!(lines(&ran.out)[0], "ok 0 before");
}

#[test]
fn send_request_response_bytes() {
    let (ran, _, _) = with_server(
        "const res = await pm.sendRequest('{{URL}}/bytes');\n\
         console.log(res.stream.length, res.stream[255], res.responseSize, res.contentInfo().mimeType);",
    );
    assert_eq!(
        clean(&ran).last().map(String::as_str),
        Some("log 256, 255, 256, 'unknown'")
    );
}

#[test]
fn timers_intervals_and_nesting() {
    // Each step is scheduled by the one before, so the order does not depend on timing.
    let (ran, _) = run(Script::test(
        "setTimeout((a, b) => {\n\
           console.log('args', a, b);\n\
           let n = 0;\n\
           const id = setInterval(() => {\n\
             n++; console.log('tick', n);\n\
             if (n === 3) {\n\
               clearInterval(id);\n\
               setTimeout(() => { console.log('outer'); setImmediate(() => { console.log('immediate'); setTimeout(() => console.log('inner'), 1); }); }, 0);\n\
             }\n\
           }, 2);\n\
         }, 0, 'x', 'y');\n\
         const never = setTimeout(() => console.log('cancelled'), 5); clearTimeout(never);",
    ));
    assert_eq!(
        clean(&ran),
        vec![
            "log 'args', 'x', 'y'",
            "log 'tick', 1",
            "log 'tick', 2",
            "log 'tick', 3",
            "log 'outer'",
            "log 'immediate'",
            "log 'inner'"
        ]
    );
}

#[test]
fn top_level_await_and_variables_set_late_are_seen() {
    let mut scopes = Scopes::default();
    let ran = run_with(
        &mut sandbox(),
        &NoHost,
        &mut scopes,
        Script::pre(
            "const v = await new Promise(r => setTimeout(() => r('late'), 5));\n\
             pm.environment.set('v', v);\n\
             new Promise(r => setTimeout(r, 10)).then(() => pm.variables.set('later', 1));",
        ),
    );
    clean(&ran);
    assert_eq!(scopes.environment.get("v"), Some(&json!("late")));
    assert_eq!(scopes.local.get("later"), Some(&json!(1)));
}

#[test]
fn events_interleave_as_they_happen() {
    let (ran, _, _) = with_server(
        "console.log('one');\n\
         pm.test('sync', () => {});\n\
         pm.sendRequest('{{URL}}/get', () => { console.log('three'); pm.test('in callback', () => {}); });\n\
         console.log('two');\n\
         tests['legacy last'] = true;",
    );
    let l: Vec<String> = clean(&ran)
        .into_iter()
        .filter(|x| !x.starts_with("warn"))
        .collect();
    assert_eq!(l.len(), 7, "{l:#?}");
    assert_eq!(&l[..3], &["log 'one'", "ok 0 sync", "log 'two'"]);
    assert!(l[3].starts_with("request GET"));
    assert_eq!(
        &l[4..],
        &["log 'three'", "ok 1 in callback", "ok 2 legacy last"]
    );
}

#[test]
fn unhandled_rejections_are_script_errors_but_handled_late_ones_are_not() {
    let (ran, _) = run(Script::test(
        "Promise.reject(new TypeError('nobody caught me'));",
    ));
    let err = ran.out.error.expect("error");
    assert_eq!(
        (err.error.name.as_str(), err.error.message.as_str()),
        ("TypeError", "nobody caught me")
    );
    let (ran, _) = run(Script::test(
        "const p = Promise.reject(new Error('caught later'));\n\
         await new Promise(r => setTimeout(r, 1));\n\
         p.catch(() => console.log('handled'));",
    ));
    assert_eq!(clean(&ran), vec!["log 'handled'"]);
    let (ran, _) = run(Script::test(
        "new Promise((_, reject) => setTimeout(() => reject('plain string'), 1));",
    ));
    assert_eq!(ran.out.error.expect("error").error.message, "plain string");
}

#[test]
fn an_error_in_a_timer_callback_is_a_script_error() {
    let (ran, _) = run(Script::test(
        "pm.test('first', () => {});\n\
         setTimeout(() => { undefinedInTimer(); }, 1);\n\
         setTimeout(() => pm.test('other timers still run', () => {}), 5);",
    ));
    let err = ran.out.error.clone().expect("error");
    assert_eq!(err.error.name, "ReferenceError");
    assert_eq!(err.position.map(|p| p.0), Some(2));
    assert_eq!(
        lines(&ran.out),
        vec!["ok 0 first", "ok 1 other timers still run"]
    );
}
