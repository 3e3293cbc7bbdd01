//! The built-in modules as a script reaches them: every name `require()` accepts, the globals
//! Postman defines, and that library code loads only when a script touches it.

#[path = "fixtures/crypto/support.rs"]
mod support;

const MODULES: &[&str] = &[
    "crypto-js",
    "crypto",
    "uuid",
    "buffer",
    "url",
    "querystring",
    "util",
    "path",
    "events",
    "assert",
    "string_decoder",
    "timers",
    "punycode",
    "stream",
    "os",
    "fs",
    "atob",
    "btoa",
];

#[test]
fn every_module_loads_by_name_and_with_the_node_prefix() {
    let exprs: Vec<String> = MODULES
        .iter()
        .flat_map(|m| {
            [
                format!("typeof require('{m}')"),
                format!("require('node:{m}') === require('{m}')"),
            ]
        })
        .collect();
    let got = support::eval_all(&exprs);
    for (expr, result) in exprs.iter().zip(&got) {
        assert!(
            result == "object" || result == "function" || result == "true",
            "{expr} gave {result}"
        );
    }
}

#[test]
fn library_globals_stay_unloaded_until_touched() {
    let lazy = "['CryptoJS', 'Buffer', 'crypto', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'structuredClone', 'atob', 'btoa']\n\
        .filter((n) => typeof Object.getOwnPropertyDescriptor(globalThis, n).get === 'function').length";
    assert_eq!(support::eval(lazy), "10");
    // Touching one loads it; the others stay getters. (The global itself stays an accessor: legacy
    // scripts get it through Newman's deprecation warning, as in Newman.)
    let code = format!("const before = {lazy};\nconst md5 = CryptoJS.MD5('x').toString();\npm.environment.set('r', before + '/' + md5);");
    let (error, scopes) = support::run(&code);
    assert!(error.is_none(), "{error:?}");
    assert_eq!(
        support::env(&scopes, "r").as_deref(),
        Some("10/9dd4e461268c8034f5c8564e155c67a6")
    );
}

#[test]
fn globals_are_the_module_exports() {
    let got = support::eval_all(&[
        "Buffer === require('buffer').Buffer".into(),
        "URL === require('url').URL".into(),
        "crypto.subtle === require('crypto').subtle".into(),
        "typeof crypto.getRandomValues + typeof crypto.randomUUID".into(),
        // Legacy scripts see library globals through Newman's deprecation warning (a wrapper,
        // as in Newman, where `CryptoJS === require('crypto-js')` is false too); their members
        // are the module's own.
        "CryptoJS.MD5 === require('crypto-js').MD5".into(),
        "atob('eA==') === require('atob')('eA==')".into(),
    ]);
    assert_eq!(
        got,
        vec!["true", "true", "true", "functionfunction", "true", "true"]
    );
}

#[test]
fn errors_name_the_problem() {
    let got = support::eval_all(&[
        "require('crypto').createHash('nope')".into(),
        "require('no-such-module')".into(),
        "CryptoJS.AES.encrypt('x', CryptoJS.enc.Utf8.parse('short'), { mode: CryptoJS.mode.ECB })"
            .into(),
        "CryptoJS.AES.encrypt('x', CryptoJS.enc.Hex.parse('000102030405060708090a0b0c0d0e0f'))"
            .into(),
        "CryptoJS.enc.Utf8.stringify(CryptoJS.enc.Hex.parse('ff'))".into(),
        "require('crypto').timingSafeEqual(Buffer.from('a'), Buffer.from('ab'))".into(),
        "require('crypto').createSign('RSA-SHA256').update('x').sign('not a key')".into(),
    ]);
    assert_eq!(got[0], "THROW Error: Digest method not supported");
    assert_eq!(got[1], "THROW Error: Cannot find module 'no-such-module'");
    assert_eq!(
        got[2],
        "THROW Error: invalid AES key length: 5 bytes (use 16, 24 or 32)"
    );
    assert_eq!(got[3], "THROW Error: the CBC mode needs an iv");
    assert_eq!(got[4], "THROW Error: Malformed UTF-8 data");
    assert_eq!(
        got[5],
        "THROW RangeError: Input buffers must have the same byte length"
    );
    assert_eq!(got[6], "THROW Error: no PEM block found");
}

#[test]
fn sha256_of_a_short_string_is_cheap() {
    // Not a timing assertion: a thousand hashes and HMACs must simply all agree.
    let code = "let ok = true;\n\
        for (let i = 0; i < 1000; i++) {\n\
          ok = ok && CryptoJS.SHA256('abc').toString() === 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';\n\
          ok = ok && require('crypto').createHmac('sha256', 'k').update('m').digest('hex') === 'b60090e3052297aeb5a080889ce2fc4bca957e756faeb4df7d31800ca1e771ec';\n\
        }\n\
        pm.environment.set('ok', ok);";
    let (error, scopes) = support::run(code);
    assert!(error.is_none(), "{error:?}");
    assert_eq!(support::env(&scopes, "ok").as_deref(), Some("true"));
}
