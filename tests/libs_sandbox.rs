//! The built-in libraries as scripts meet them: lazy globals, legacy `xml2Json`/`cheerio`/`tv4`
//! on a response body, `require` errors, and `require('chai')` sharing the sandbox's expect.

use postie::http::Response;
use postie::script::{
    Listen, NoHost, Sandbox, SandboxOptions, ScriptInfo, ScriptInput, ScriptOutcome,
};
use postie::vars::Scopes;
use serde_json::json;

fn run(
    sandbox: &mut Sandbox,
    code: &str,
    scopes: &mut Scopes,
    response: Option<&Response>,
) -> ScriptOutcome {
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
        response,
        cookies: Vec::new(),
        info: ScriptInfo::default(),
    };
    rt.block_on(sandbox.run(input, &NoHost))
}

fn env(scopes: &Scopes, key: &str) -> serde_json::Value {
    scopes
        .environment
        .get(key)
        .cloned()
        .unwrap_or(serde_json::Value::Null)
}

#[test]
fn library_globals_load_on_first_touch_only() {
    let mut sandbox = Sandbox::new(&SandboxOptions::default()).expect("sandbox");
    let mut scopes = Scopes::default();
    // Which of the globals' modules `require` has loaded so far.
    let probe = "const d = (m) => __postie_loaded().includes(m) ? 'loaded' : 'lazy';\n\
                 pm.environment.set('state', ['lodash3/index', 'tv4', 'cheerio', 'xml2js'].map(d).join(','));";
    let out = run(&mut sandbox, probe, &mut scopes, None);
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(env(&scopes, "state"), json!("lazy,lazy,lazy,lazy"));
    let out = run(
        &mut sandbox,
        "pm.environment.set('v', _.VERSION);",
        &mut scopes,
        None,
    );
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(env(&scopes, "v"), json!("3.10.2"));
    let out = run(&mut sandbox, probe, &mut scopes, None);
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(env(&scopes, "state"), json!("loaded,lazy,lazy,lazy"));
}

#[test]
fn a_script_can_replace_a_library_global() {
    let mut sandbox = Sandbox::new(&SandboxOptions::default()).expect("sandbox");
    let mut scopes = Scopes::default();
    let code = "_ = require('lodash'); pm.environment.set('v', _.VERSION);";
    let out = run(&mut sandbox, code, &mut scopes, None);
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(env(&scopes, "v"), json!("4.17.21"));
}

#[test]
fn legacy_library_globals_read_a_response() {
    let mut sandbox = Sandbox::new(&SandboxOptions::default()).expect("sandbox");
    let mut scopes = Scopes::default();
    let response = Response {
        code: 200,
        status: "OK".into(),
        headers: vec![("Content-Type".into(), "text/xml".into())],
        body: "<order id=\"7\"><item sku=\"a\">2</item><item sku=\"b\">3</item></order>".into(),
        ..Response::default()
    };
    let code = r#"
        const doc = xml2Json(responseBody);
        pm.environment.set('id', doc.order.$.id);
        pm.environment.set('skus', doc.order.item.map((i) => i.$.sku).join(','));
        const $ = cheerio.load('<ul><li>a</li><li class="x">b</li></ul>');
        pm.environment.set('li', $('li.x').text());
        pm.environment.set('valid', tv4.validate({a: 1}, {properties: {a: {type: 'string'}}}));
        pm.environment.set('error', tv4.error.message);
        pm.test('sum', () => { if (_.sum([1, 2]) !== 3) throw new Error('bad sum'); });
    "#;
    let out = run(&mut sandbox, code, &mut scopes, Some(&response));
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(env(&scopes, "id"), json!("7"));
    assert_eq!(env(&scopes, "skus"), json!("a,b"));
    assert_eq!(env(&scopes, "li"), json!("b"));
    assert_eq!(env(&scopes, "valid"), json!(false));
    assert_eq!(
        env(&scopes, "error"),
        json!("Invalid type: number (expected string)")
    );
}

#[test]
fn an_unknown_module_fails_the_script_with_nodes_message() {
    let mut sandbox = Sandbox::new(&SandboxOptions::default()).expect("sandbox");
    let mut scopes = Scopes::default();
    let out = run(&mut sandbox, "require('left-pad');", &mut scopes, None);
    let err = out.error.expect("script fails");
    assert_eq!(err.error.message, "Cannot find module 'left-pad'");
}

#[test]
fn schema_hook_reports_ajv_texts() {
    let mut sandbox = Sandbox::new(&SandboxOptions::default()).expect("sandbox");
    let mut scopes = Scopes::default();
    let code = "const r = __postie_validateSchema({properties: {alpha: {type: 'boolean'}}}, {alpha: 1});\n\
                pm.environment.set('r', JSON.stringify(r));\n\
                pm.environment.set('hidden', Object.keys(globalThis).includes('__postie_validateSchema'));";
    let out = run(&mut sandbox, code, &mut scopes, None);
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(
        env(&scopes, "r"),
        json!(r#"{"valid":false,"errors":["data.alpha should be boolean"]}"#)
    );
    assert_eq!(env(&scopes, "hidden"), json!(false));
}

#[test]

fn chai_shares_the_sandbox_expect() {
    let mut sandbox = Sandbox::new(&SandboxOptions::default()).expect("sandbox");
    let mut scopes = Scopes::default();
    let code = "const chai = require('chai');\n\
                pm.environment.set('same', chai.expect === pm.expect);\n\
                chai.expect(1).to.equal(1);\n\
                try { chai.expect(1).to.equal(2); } catch (e) { pm.environment.set('msg', e.name + ': ' + e.message); }";
    let out = run(&mut sandbox, code, &mut scopes, None);
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(env(&scopes, "same"), json!(true));
    assert_eq!(
        env(&scopes, "msg"),
        json!("AssertionError: expected 1 to equal 2")
    );
}
