//! The pm API surfaces through the public Sandbox API: scopes, info, execution, request (read and
//! changed), response, cookies, vault, visualizer, pm.test variants.

mod script_support;

use postie::collection::Variable;
use postie::script::{Listen, NextRequest, NoHost};
use postie::vars::Scopes;
use script_support::*;
use serde_json::json;

/// `eq(actual, expected)` compares JSON forms; `t(name, fn)` is pm.test.
const EQ: &str = "const eq = (a, b) => { const x = JSON.stringify(a), y = JSON.stringify(b); \
                  if (x !== y) throw new Error(x + ' !== ' + y); };\n";

fn code(body: &str) -> String {
    format!("{EQ}{body}")
}

#[test]
fn scopes_keep_js_types_and_reach_rust() {
    let mut scopes = Scopes::default();
    scopes.environment.name = Some("Staging".into());
    scopes.environment.set("host", json!("api.test"));
    scopes.globals.set("g", json!("G"));
    scopes.collection.set("c", json!("C"));
    scopes.data.set("row", json!("R"));
    let c = code(
        "pm.test('types', () => {\n\
           pm.environment.set('n', 3); pm.environment.set('b', false); pm.environment.set('o', {a: [1]});\n\
           eq(pm.environment.get('n'), 3); eq(typeof pm.environment.get('b'), 'boolean'); eq(pm.environment.get('o'), {a: [1]});\n\
           eq(pm.environment.name, 'Staging'); eq(pm.globals.name, undefined);\n\
           eq(pm.environment.has('host'), true); eq(pm.environment.has('nope'), false);\n\
         });\n\
         pm.test('unset and toObject', () => {\n\
           pm.globals.set('tmp', 'x'); pm.globals.unset('tmp'); eq(pm.globals.toObject(), {g: 'G'});\n\
           pm.collectionVariables.set('c2', 'C2'); eq(pm.collectionVariables.toObject(), {c: 'C', c2: 'C2'});\n\
           eq(pm.collectionVariables.toJSON().values.map(v => v.key), ['c', 'c2']);\n\
         });\n\
         pm.test('merged view and local writes', () => {\n\
           eq(pm.variables.get('row'), 'R'); eq(pm.variables.get('g'), 'G'); eq(pm.variables.has('c'), true);\n\
           pm.variables.set('g', 'local'); eq(pm.variables.get('g'), 'local'); eq(pm.globals.get('g'), 'G');\n\
           eq(pm.variables.toObject().g, 'local');\n\
         });\n\
         pm.test('replaceIn', () => {\n\
           eq(pm.variables.replaceIn('https://{{host}}/{{row}}/{{missing}}'), 'https://api.test/R/{{missing}}');\n\
           eq(pm.environment.replaceIn('{{host}}-{{g}}'), 'api.test-{{g}}');\n\
           eq(pm.variables.replaceIn({u: '{{host}}', n: [ '{{c}}', 2 ]}), {u: 'api.test', n: ['C', 2]});\n\
         });\n\
         pm.test('iterationData', () => {\n\
           eq(pm.iterationData.get('row'), 'R'); eq(pm.iterationData.toObject(), {row: 'R'});\n\
           pm.iterationData.set('row', 'changed'); eq(pm.iterationData.get('row'), 'changed');\n\
         });\n\
         pm.environment.clear();",
    );
    let ran = run_with(
        &mut sandbox(),
        &TestHost::default(),
        &mut scopes,
        Script::test(&c),
    );
    let l = clean(&ran);
    assert!(l.iter().all(|x| x.starts_with("ok")), "{l:#?}");
    assert!(scopes.environment.values.is_empty());
    assert_eq!(scopes.local.get("g"), Some(&json!("local")));
    assert_eq!(scopes.collection.get("c2"), Some(&json!("C2")));
    // pm.iterationData writes last for the script that made them only.
    assert_eq!(scopes.data.get("row"), Some(&json!("R")));
}

#[test]
fn secret_typed_set_keeps_its_type() {
    let mut scopes = Scopes::default();
    let ran = run_with(
        &mut sandbox(),
        &TestHost::default(),
        &mut scopes,
        Script::test("pm.environment.set('k', 'v', 'secret');"),
    );
    clean(&ran);
    assert!(scopes.environment.is_secret("k"));
}

#[test]
fn info_and_execution_location() {
    all_pass(&code(
        "pm.test('info', () => {\n\
           eq([pm.info.eventName, pm.info.iteration, pm.info.iterationCount, pm.info.requestName, pm.info.requestId],\n\
              ['test', 0, 2, 'Get thing', 'req-1']);\n\
           eq(JSON.stringify(pm.info), '{}');\n\
           pm.info.iteration = 9; eq(pm.info.iteration, 0);\n\
         });\n\
         pm.test('location', () => {\n\
           eq(Array.from(pm.execution.location), ['Coll', 'Folder', 'Get thing']);\n\
           eq(pm.execution.location.current, 'Get thing');\n\
         });",
    ));
}

#[test]
fn set_next_request_last_call_wins_and_null_stops() {
    let (ran, _) = run(Script::test(
        "pm.execution.setNextRequest('A'); postman.setNextRequest('B');",
    ));
    assert_eq!(ran.out.next_request, Some(NextRequest::To("B".into())));
    let (ran, _) = run(Script::pre("pm.execution.setNextRequest(null);"));
    assert_eq!(ran.out.next_request, Some(NextRequest::Stop));
    let (ran, _) = run(Script::test(
        "pm.execution.setNextRequest('A'); pm.execution.setNextRequest();",
    ));
    assert_eq!(ran.out.next_request, None);
    let (ran, _) = run(Script::test("console.log('no jump')"));
    assert_eq!(ran.out.next_request, None);
}

#[test]
fn skip_request_stops_a_prerequest_script_at_once() {
    let (ran, _) = run(Script::pre(
        "console.log('before'); pm.test('counted', () => {});\n\
         setTimeout(() => console.log('timer never fires'), 1);\n\
         pm.execution.skipRequest();\n\
         console.log('after');",
    ));
    assert!(ran.out.skip_request);
    assert!(ran.out.error.is_none(), "{:?}", ran.out.error);
    assert_eq!(lines(&ran.out), vec!["log 'before'", "ok 0 counted"]);
}

#[test]
fn skip_request_is_not_a_function_in_test_scripts() {
    let (ran, _) = run(Script::test("pm.execution.skipRequest();"));
    let err = ran.out.error.expect("error");
    assert_eq!(err.error.name, "TypeError");
    assert_eq!(
        err.error.message,
        "pm.execution.skipRequest is not a function"
    );
    assert!(!ran.out.skip_request);
}

#[test]
fn skip_request_from_async_code() {
    let (ran, _) = run(Script::pre(
        "await new Promise(r => setTimeout(r, 1)); pm.execution.skipRequest(); console.log('no');",
    ));
    assert!(ran.out.skip_request);
    assert!(ran.out.error.is_none(), "{:?}", ran.out.error);
    assert!(ran.out.events.is_empty());
}

fn full_request() -> serde_json::Value {
    json!({
        "url": {
            "raw": "https://{{host}}:8443/v1/:id?q=1&flag&off=x",
            "protocol": "https", "host": ["{{host}}"], "port": "8443", "path": ["v1", ":id"],
            "query": [{"key": "q", "value": "1"}, {"key": "flag", "value": null},
                      {"key": "off", "value": "x", "disabled": true}],
            "variable": [{"key": "id", "value": "42"}]
        },
        "method": "POST",
        "header": [{"key": "Content-Type", "value": "application/json"},
                   {"key": "X-Off", "value": "no", "disabled": true}],
        "body": {"mode": "raw", "raw": "{\"a\":1}"},
        "auth": {"type": "apikey", "apikey": [{"key": "key", "value": "k", "type": "string"},
                                               {"key": "value", "value": "v", "type": "string"}]},
        "description": "Creates a thing"
    })
}

#[test]
fn request_reads_like_the_sdk() {
    let c = code(
        "pm.test('url', () => {\n\
           const u = pm.request.url;\n\
           eq(u.toString(), 'https://{{host}}:8443/v1/42?q=1&flag');\n\
           eq(u.getHost(), '{{host}}'); eq(u.getPath(), '/v1/42'); eq(u.getPath(true), '/v1/:id');\n\
           eq(u.getPathWithQuery(), '/v1/42?q=1&flag'); eq(u.getQueryString(), 'q=1&flag');\n\
           eq(u.getRemote(), '{{host}}:8443'); eq(u.port, '8443'); eq(u.protocol, 'https');\n\
           eq(u.query.get('q'), '1'); eq(u.query.has('flag'), true); eq(u.query.count(), 3);\n\
           eq(u.query.toObject(), {q: '1', flag: null, off: 'x'}); eq(u.variables.get('id'), '42');\n\
           eq(u.query.all().map(p => p.key), ['q', 'flag', 'off']); eq(u.query.idx(0).value, '1');\n\
           eq(u.query.map(p => p.key + '=' + p.value), ['q=1', 'flag=null', 'off=x']);\n\
           eq(u.query.filter(p => p.disabled).length, 1); eq(u.query.find(p => p.key === 'q').value, '1');\n\
           let n = 0; u.query.each(() => n++); eq(n, 3);\n\
         });\n\
         pm.test('headers', () => {\n\
           const h = pm.request.headers;\n\
           eq(h.get('content-type'), 'application/json'); eq(h.has('CONTENT-TYPE'), true);\n\
           eq(h.count(), 2); eq(h.toObject(), {'content-type': 'application/json', 'x-off': 'no'});\n\
           eq(pm.request.getHeaders({enabled: true}), {'Content-Type': 'application/json'});\n\
           eq(pm.request.getHeaders({ignoreCase: true, enabled: true}), {'content-type': 'application/json'});\n\
           eq(pm.request.header === h, true); eq(h.all()[1].disabled, true);\n\
           let keys = []; h.each(x => keys.push(x.key)); eq(keys, ['Content-Type', 'X-Off']);\n\
         });\n\
         pm.test('body, auth, method', () => {\n\
           eq(pm.request.method, 'POST'); eq(pm.request.body.mode, 'raw'); eq(pm.request.body.raw, '{\"a\":1}');\n\
           eq(pm.request.body.toString(), '{\"a\":1}'); eq(pm.request.body.isEmpty(), false);\n\
           eq(pm.request.auth.type, 'apikey'); eq(pm.request.auth.parameters().get('value'), 'v');\n\
           eq(pm.request.auth.apikey.toObject(), {key: 'k', value: 'v'});\n\
           eq(pm.request.description, 'Creates a thing');\n\
         });\n\
         pm.test('toJSON round trip', () => {\n\
           const j = pm.request.toJSON();\n\
           eq(j.url.raw, 'https://{{host}}:8443/v1/:id?q=1&flag'); eq(j.url.path, ['v1', ':id']);\n\
           eq(j.header.length, 2); eq(j.body, {mode: 'raw', raw: '{\"a\":1}'}); eq(j.auth.type, 'apikey');\n\
           eq(pm.request.clone().url.toString(), pm.request.url.toString());\n\
         });",
    );
    let mut s = Script::test(&c);
    s.request = full_request();
    let (ran, _) = run(s);
    let l = clean(&ran);
    assert!(l.iter().all(|x| x.starts_with("ok")), "{l:#?}");
    assert!(!ran.out.request_changed);
}

#[test]
fn prerequest_mutations_come_back_as_collection_json() {
    let mut s = Script::pre(
        "pm.request.headers.add({key: 'X-Added', value: 'yes'});\n\
         pm.request.headers.upsert({key: 'content-type', value: 'text/plain'});\n\
         pm.request.removeHeader('X-Off');\n\
         pm.request.addQueryParams([{key: 'page', value: '2'}]);\n\
         pm.request.removeQueryParams('q');\n\
         pm.request.url.query.upsert({key: 'flag', value: 'on'});\n\
         pm.request.url.variables.upsert({key: 'id', value: '43'});\n\
         pm.request.body.update({mode: 'urlencoded', urlencoded: [{key: 'a', value: 'b'}]});\n\
         pm.request.auth.update([{key: 'value', value: 'new'}]);\n\
         pm.request.method = 'PUT';",
    );
    s.request = full_request();
    let (ran, _) = run(s);
    clean(&ran);
    assert!(ran.out.request_changed);
    let r = &ran.request;
    assert_eq!(r["method"], "PUT");
    assert_eq!(
        r["url"]["raw"],
        "https://{{host}}:8443/v1/:id?flag=on&page=2"
    );
    assert_eq!(
        r["url"]["query"],
        json!([{"key": "flag", "value": "on"}, {"key": "off", "value": "x", "disabled": true},
               {"key": "page", "value": "2"}])
    );
    assert_eq!(r["url"]["variable"][0]["value"], "43");
    assert_eq!(
        r["header"],
        // The SDK's upsert updates the key too.
        json!([{"key": "content-type", "value": "text/plain"}, {"key": "X-Added", "value": "yes"}])
    );
    assert_eq!(
        r["body"],
        json!({"mode": "urlencoded", "urlencoded": [{"key": "a", "value": "b"}]})
    );
    assert_eq!(
        r["auth"]["apikey"],
        json!([{"key": "key", "value": "k", "type": "string"}, {"key": "value", "value": "new", "type": "string"}])
    );
}

#[test]
fn replacing_the_url_and_using_another_auth() {
    let mut s = Script::pre(
        "pm.request.url = 'http://localhost:3000/other?x=1';\n\
         pm.request.authorizeUsing('bearer', {token: 'abc'});\n\
         pm.request.upsertHeader({key: 'Accept', value: '*/*'});",
    );
    s.request = full_request();
    let (ran, _) = run(s);
    clean(&ran);
    assert!(ran.out.request_changed);
    assert_eq!(ran.request["url"]["raw"], "http://localhost:3000/other?x=1");
    assert_eq!(ran.request["url"]["host"], json!(["localhost"]));
    assert_eq!(ran.request["url"]["port"], "3000");
    assert_eq!(ran.request["auth"]["type"], "bearer");
    assert_eq!(
        ran.request["auth"]["bearer"][0],
        json!({"key": "token", "value": "abc", "type": "string"})
    );
    assert_eq!(
        ran.request["header"][2],
        json!({"key": "Accept", "value": "*/*"})
    );
}

#[test]
fn reading_the_request_is_not_a_change() {
    let mut s = Script::pre(
        "pm.request.url.toString(); pm.request.headers.toObject(); pm.request.toJSON();",
    );
    s.request = full_request();
    let (ran, _) = run(s);
    clean(&ran);
    assert!(!ran.out.request_changed);
    assert_eq!(ran.request, full_request());
}

#[test]
fn string_urls_parse_like_the_sdk() {
    all_pass(&code(
        "const { url } = pm.request;\n\
         pm.test('parse', () => {\n\
           url.update('https://user:pw@sub.example.com:8080/a/b/?x=1&y=#frag');\n\
           eq([url.protocol, url.auth, url.host, url.port, url.path, url.hash],\n\
              ['https', {user: 'user', password: 'pw'}, ['sub', 'example', 'com'], '8080', ['a', 'b', ''], 'frag']);\n\
           eq(url.query.toObject(), {x: '1', y: ''}); eq(url.toString(), 'https://user:pw@sub.example.com:8080/a/b/?x=1&y=#frag');\n\
           url.update('{{base}}/items/{{id}}'); eq(url.host, ['{{base}}']); eq(url.path, ['items', '{{id}}']);\n\
           url.update('localhost'); eq(url.toString(), 'localhost'); eq(url.toString(true), 'http://localhost');\n\
           url.update('http://h/p'); eq(url.getOAuth1BaseUrl(), 'http://h/p'); eq(url.getRemote(true), 'h:80');\n\
         });",
    ));
}

#[test]
fn response_reads_like_the_sdk() {
    let c = code(
        "const r = pm.response;\n\
         pm.test('basics', () => {\n\
           eq([r.code, r.status, r.reason(), r.responseTime, r.responseSize], [201, 'Created', 'Created', 12, 25]);\n\
           eq(r.text(), '{\"id\":7,\"tags\":[\"a\",\"b\"]}'); eq(r.json().id, 7); eq(r.json((k, v) => k === 'id' ? v * 2 : v).id, 14);\n\
           eq(r.headers.get('content-type'), 'application/json; charset=utf-8'); eq(r.headers.has('X-THING'), true);\n\
           eq(r.headers.get('nope'), undefined); eq(r.headers.count(), 3);\n\
           eq(r.details(), {name: 'Created', detail: 'Created', code: 201, standardName: 'Created'});\n\
           eq(r.size(), {body: 25, header: 110, total: 135});\n\
           eq(r.contentInfo().mimeType, 'text'); eq(r.contentInfo().mimeFormat, 'json'); eq(r.contentInfo().charset, 'utf-8');\n\
           eq(r.contentInfo().fileName, 'response.json');\n\
           eq(r.stream instanceof Uint8Array, true); eq(r.stream.length, 25); eq(r.stream[0], 123);\n\
           eq(Buffer.isBuffer(r.stream), true); eq(r.stream.toString(), r.text());\n\
           eq(r._postman_propertyName, 'Response');\n\
         });",
    );
    let mut s = Script::test(&c);
    s.response = Some(json_response(
        201,
        "Created",
        r#"{"id":7,"tags":["a","b"]}"#,
    ));
    let (ran, _) = run(s);
    let l = clean(&ran);
    assert!(l.iter().all(|x| x.starts_with("ok")), "{l:#?}");
}

#[test]
fn response_json_tolerates_a_bom_and_reads_jsonp() {
    let c = code(
        "pm.test('bom', () => { eq(pm.response.json(), {a: 1}); });\n\
         pm.test('strict', () => { let e; try { pm.response.json(null, true); } catch (x) { e = x; }\n\
           eq([e.name, e.message], ['JSONError', 'Unexpected byte order mark found in first 1 character(s)']); });",
    );
    let mut s = Script::test(&c);
    s.response = Some(json_response(200, "OK", "\u{feff}{\"a\": 1}"));
    let (ran, _) = run(s);
    assert!(
        clean(&ran).iter().all(|x| x.starts_with("ok")),
        "{:?}",
        lines(&ran.out)
    );
    let c = code("pm.test('jsonp', () => eq(pm.response.jsonp(), {b: 2}));");
    let mut s = Script::test(&c);
    s.response = Some(json_response(200, "OK", "callback({\"b\": 2});"));
    let (ran, _) = run(s);
    assert!(clean(&ran).iter().all(|x| x.starts_with("ok")));
}

#[test]
fn response_json_errors_point_at_the_offending_character() {
    let cases = [
        (
            "<!DOCTYPE html>\n<html></html>",
            "Unexpected token '<' at 1:1\n<!DOCTYPE html>\n^",
        ),
        ("", "Unexpected end of input at 1:1\n\n^"),
        (
            "{\"a\": 1,\n  \"b\": tru }",
            "Unexpected token 't' at 2:8\n  \"b\": tru }\n       ^",
        ),
        ("[1, 2", "Unexpected end of input at 1:6\n[1, 2\n     ^"),
        (
            "{\"a\": 1} x",
            "Unexpected token 'x' at 1:10\n{\"a\": 1} x\n         ^",
        ),
        ("{'a': 1}", "Unexpected token '\\'' at 1:2\n{'a': 1}\n ^"),
        ("Not Found", "Unexpected token 'N' at 1:1\nNot Found\n^"),
    ];
    for (body, message) in cases {
        let mut s = Script::test("pm.test('json', () => pm.response.json());");
        s.response = Some(json_response(404, "Not Found", body));
        let (ran, _) = run(s);
        let expected = format!("FAIL 0 json: JSONError: {message}");
        assert_eq!(clean(&ran), vec![expected], "{body:?}");
    }
}

#[test]
fn response_is_undefined_in_prerequest_scripts() {
    let (ran, _) = run(Script::pre(
        "console.log(pm.response === undefined, typeof responseBody);",
    ));
    assert_eq!(clean(&ran), vec!["log true, 'undefined'"]);
}

#[test]
fn cookies_of_the_response_url() {
    let c = code(
        "pm.test('list', () => {\n\
           eq(pm.cookies.get('session'), 'abc'); eq(pm.cookies.has('session'), true); eq(pm.cookies.has('nope'), false);\n\
           eq(pm.cookies.count(), 2); eq(pm.cookies.toObject(), {session: 'abc', theme: 'dark'});\n\
           eq(pm.cookies.one('theme').httpOnly, true); eq(pm.cookies.all().map(c => c.name), ['session', 'theme']);\n\
           eq(pm.response.cookies.get('theme'), 'dark');\n\
           eq(postman.getResponseCookie('session').value, 'abc');\n\
           eq(responseCookies.count(), 2);\n\
         });",
    );
    let mut s = Script::test(&c);
    s.cookies = vec![
        json!({"name": "session", "value": "abc", "domain": "example.com", "path": "/",
               "expires": null, "httpOnly": false, "secure": false, "hostOnly": true}),
        json!({"name": "theme", "value": "dark", "domain": "example.com", "path": "/",
               "expires": "2030-01-01T00:00:00.000Z", "httpOnly": true, "secure": false, "hostOnly": true}),
    ];
    let (ran, _) = run(s);
    let l = clean(&ran);
    assert!(
        l.iter().filter(|x| x.starts_with("ok")).count() == 1,
        "{l:#?}"
    );
}

#[test]
fn cookie_jar_callbacks_and_promises_go_through_the_host() {
    let host = TestHost::default();
    let c = code(
        "const jar = pm.cookies.jar();\n\
         const url = 'http://example.com/x';\n\
         jar.set(url, 'a', '1', (err, cookie) => {\n\
           pm.test('set cb', () => { eq(err, null); eq(cookie.name, 'a'); eq(cookie.value, '1'); });\n\
           jar.get(url, 'a', (err, value) => pm.test('get cb', () => eq(value, '1')));\n\
         });\n\
         await jar.set(url, {name: 'b', value: '2', httpOnly: true});\n\
         pm.test('getAll promise', async () => eq((await jar.getAll(url)).toObject(), {a: '1', b: '2'}));\n\
         const noHttp = await jar.getAll(url, {http: false});\n\
         pm.test('getAll http:false', () => eq(noHttp.toObject(), {a: '1'}));\n\
         await jar.unset(url, 'a');\n\
         pm.test('unset', async () => eq(await jar.get(url, 'a'), null));\n\
         jar.clear(url, (err) => pm.test('clear cb', () => eq(err, null)));\n\
         pm.test('bad url throws', () => { let e; try { jar.get(null, 'a', () => {}); } catch (x) { e = x; } eq(e.message, 'CookieJar.get() requires a valid url'); });",
    );
    let ran = run_with(
        &mut sandbox(),
        &host,
        &mut Scopes::default(),
        Script::test(&c),
    );
    let l = clean(&ran);
    assert_eq!(
        l.iter().filter(|x| x.starts_with("ok")).count(),
        7,
        "{l:#?}"
    );
    assert!(host.jar.borrow().is_empty());
    let ops: Vec<String> = host
        .calls
        .borrow()
        .iter()
        .map(|(op, _)| op.clone())
        .collect();
    assert_eq!(
        ops,
        vec![
            "cookies.set",
            "cookies.set",
            "cookies.get",
            "cookies.getAll",
            "cookies.getAll",
            "cookies.unset",
            "cookies.get",
            "cookies.clear"
        ]
    );
    let calls = host.calls.borrow();
    assert_eq!(
        calls[0].1,
        json!({"url": "http://example.com/x", "cookie": {"name": "a", "value": "1"}})
    );
    assert_eq!(calls[1].1["cookie"]["httpOnly"], true);
    assert_eq!(
        calls[4].1,
        json!({"url": "http://example.com/x", "http": false})
    );
}

#[test]
fn cookie_jar_errors_reach_the_callback_and_the_promise() {
    let c = "pm.cookies.jar().get('http://h/', 'x', (err) => pm.test('cb', () => { if (err.message !== 'cookies.get is not available here') throw err; }));\n\
             let caught; try { await pm.cookies.jar().set('http://h/', 'a', 'b'); } catch (e) { caught = e; }\n\
             pm.test('promise', () => { if (!(caught instanceof Error)) throw new Error(String(caught)); });";
    let ran = run_with(
        &mut sandbox(),
        &NoHost,
        &mut Scopes::default(),
        Script::test(c),
    );
    assert_eq!(clean(&ran), vec!["ok 0 cb", "ok 1 promise"]);
}

#[test]
fn vault_reads_and_writes_the_vault_scope() {
    let mut scopes = Scopes::default();
    scopes.vault.values.push(Variable::new("apiKey", "s3cr3t"));
    let c = code(
        "pm.test('get', async () => { eq(await pm.vault.get('apiKey'), 's3cr3t'); eq(await pm.vault.get('none'), undefined); });\n\
         await pm.vault.set('token', 'tok'); await pm.vault.unset('apiKey');\n\
         pm.test('not a plain variable', () => eq(pm.variables.get('token'), undefined));",
    );
    let ran = run_with(
        &mut sandbox(),
        &TestHost::default(),
        &mut scopes,
        Script::test(&c),
    );
    let l = clean(&ran);
    assert!(l.iter().all(|x| x.starts_with("ok")), "{l:#?}");
    assert_eq!(scopes.vault.get("token"), Some(&json!("tok")));
    assert!(!scopes.vault.has("apiKey"));
}

#[test]
fn visualizer_is_accepted_and_checks_its_arguments() {
    let (ran, _) = run(Script::test(
        "pm.visualizer.set('<b>{{x}}</b>', {x: 1}); pm.visualizer.clear();",
    ));
    clean(&ran);
    let (ran, _) = run(Script::test("pm.visualizer.set(1);"));
    assert_eq!(
        ran.out.error.expect("error").error.message,
        "Invalid template. Template must be of type string, found number"
    );
}

#[test]
fn pm_test_variants_report_in_completion_order_with_declaration_indexes() {
    let (ran, _) = run(Script::test(
        "pm.test('sync pass', () => {});\n\
         pm.test('sync fail', () => { throw new TypeError('bad'); });\n\
         const tick = () => new Promise(r => setTimeout(r, 0));\n\
         pm.test('done later', (done) => setTimeout(() => setTimeout(() => done(), 0), 0));\n\
         pm.test('done with error', (done) => setTimeout(() => done(new Error('late')), 0));\n\
         pm.test('async pass', async () => { await tick(); await tick(); await tick(); });\n\
         pm.test('async fail', async () => { throw new RangeError('nope'); });\n\
         pm.test('no function');\n\
         pm.test.skip('skipped', () => { throw new Error('never runs'); });\n\
         console.log(pm.test.index());\n\
         pm.test('with options', {}, () => {});",
    ));
    assert_eq!(
        clean(&ran),
        vec![
            "ok 0 sync pass",
            "FAIL 1 sync fail: TypeError: bad",
            "ok 6 no function",
            "skip 7 skipped",
            "log 8",
            "ok 8 with options",
            "FAIL 5 async fail: RangeError: nope",
            "FAIL 3 done with error: Error: late",
            "ok 2 done later",
            "ok 4 async pass",
        ]
    );
}

#[test]
fn pm_test_is_chainable_and_legacy_tests_follow_it() {
    let (ran, _) = run(Script::test(
        "pm.test('a', () => {}).test('b', () => {});\n\
         tests['legacy'] = 1; tests['legacy fail'] = '';",
    ));
    let l: Vec<String> = lines(&ran.out)
        .into_iter()
        .filter(|x| !x.starts_with("warn"))
        .collect();
    assert_eq!(
        l,
        vec![
            "ok 0 a",
            "ok 1 b",
            "ok 2 legacy",
            "FAIL 3 legacy fail: AssertionError: expected  to be truthy"
        ]
    );
}

#[test]
fn expect_is_wired_to_response_and_request() {
    all_pass(
        "pm.test('status', () => pm.response.to.have.status(200));\n\
         pm.test('header', () => pm.response.to.have.header('X-Thing', 'one'));\n\
         pm.test('json', () => pm.response.to.be.json);\n\
         pm.test('request header', () => pm.expect(pm.request).to.be.a.postmanRequest);\n\
         pm.test('expect', () => pm.expect(pm.response.json()).to.eql({ok: true}));",
    );
    let (ran, _) = run(Script::test(
        "pm.test('bad status', () => pm.response.to.have.status(404));",
    ));
    assert_eq!(
        lines(&ran.out),
        vec!["FAIL 0 bad status: AssertionError: expected response to have status code 404 but got 200"]
    );
}

#[test]
fn the_same_listen_runs_in_one_sandbox_without_leaking_pm_state() {
    let mut sb = sandbox();
    let mut scopes = Scopes::default();
    let host = TestHost::default();
    let first = run_with(
        &mut sb,
        &host,
        &mut scopes,
        Script::test("pm.test('one', () => {}); pm.foo = 1;"),
    );
    clean(&first);
    let second = run_with(
        &mut sb,
        &host,
        &mut scopes,
        Script::test("pm.test('index restarts', () => { if (pm.test.index() !== 1 || pm.foo !== undefined) throw new Error('leak'); });"),
    );
    assert_eq!(clean(&second), vec!["ok 0 index restarts"]);
    let pre = run_with(
        &mut sb,
        &host,
        &mut scopes,
        Script {
            listen: Listen::Prerequest,
            ..Script::pre("console.log(pm.info.eventName)")
        },
    );
    assert_eq!(clean(&pre), vec!["log 'prerequest'"]);
}

#[test]
fn replace_in_expands_dynamic_variables_and_vault_references() {
    let mut scopes = Scopes::default();
    scopes.vault.values.push(Variable::new("key", "v4ult"));
    let c = code(
        "pm.test('dynamic', () => {\n\
           const id = pm.variables.replaceIn('{{$guid}}');\n\
           if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)) throw new Error(id);\n\
           eq(Number(pm.variables.replaceIn('{{$randomInt}}')) <= 1000, true);\n\
           eq(pm.variables.replaceIn('{{vault:key}}'), 'v4ult');\n\
         });",
    );
    let ran = run_with(
        &mut sandbox(),
        &TestHost::default(),
        &mut scopes,
        Script::test(&c),
    );
    assert_eq!(clean(&ran), vec!["ok 0 dynamic"]);
}

#[test]
fn empty_query_parameters_keep_their_separators() {
    let c = code("pm.test('seps', () => eq(pm.request.url.toString(), 'https://h/get?&'));");
    let mut s = Script::test(&c);
    s.request = json!({"url": {"raw": "https://h/get?&", "protocol": "https", "host": ["h"], "path": ["get"],
                               "query": [{"key": null, "value": null}, {"key": null, "value": null}]}});
    assert_eq!(clean(&run(s).0), vec!["ok 0 seps"]);
    let c = code("pm.test('one', () => eq(pm.request.url.toString(), 'https://h/get?'));");
    let mut s = Script::test(&c);
    s.request = json!({"url": {"raw": "https://h/get?", "protocol": "https", "host": ["h"], "path": ["get"],
                               "query": [{"key": null, "value": null}]}});
    assert_eq!(clean(&run(s).0), vec!["ok 0 one"]);
    let c = code("pm.test('disabled', () => eq(pm.request.url.toString(), 'https://h/get'));");
    let mut s = Script::test(&c);
    s.request = json!({"url": {"raw": "https://h/get", "protocol": "https", "host": ["h"], "path": ["get"],
                               "query": [{"key": "foo", "value": null, "disabled": true}]}});
    assert_eq!(clean(&run(s).0), vec!["ok 0 disabled"]);
}
