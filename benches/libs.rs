//! Cost of loading each built-in library from bytecode: a fresh sandbox runs one script that
//! `require`s the library and touches it (the sandbox itself is built outside the measurement).
//! `cargo bench --bench libs`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use postie::script::{Listen, NoHost, Sandbox, SandboxOptions, ScriptInfo, ScriptInput};
use postie::vars::Scopes;
use std::hint::black_box;

const LIBRARIES: &[(&str, &str)] = &[
    ("nothing", "1"),
    ("lodash", "require('lodash').VERSION"),
    ("_ (lodash 3)", "_.VERSION"),
    ("moment", "require('moment').version"),
    (
        "ajv",
        "new (require('ajv'))().validate({type: 'object'}, {})",
    ),
    ("tv4", "tv4.validate({}, {type: 'object'})"),
    ("xml2js", "xml2Json('<a>1</a>')"),
    ("cheerio", "cheerio.load('<p>x</p>')('p').text()"),
    ("csv-parse", "require('csv-parse/lib/sync')('a,b')"),
    (
        "postman-collection",
        "new (require('postman-collection').Url)('http://x.com')",
    ),
];

fn run(sandbox: &mut Sandbox, rt: &tokio::runtime::Runtime, code: &str) {
    let mut scopes = Scopes::default();
    let mut request = serde_json::json!({"url": "http://example.com/", "method": "GET"});
    let input = ScriptInput {
        listen: Listen::Test,
        code,
        scopes: &mut scopes,
        request: &mut request,
        response: None,
        cookies: Vec::new(),
        info: ScriptInfo::default(),
    };
    let out = rt.block_on(sandbox.run(input, &NoHost));
    assert!(out.error.is_none(), "{code}: {:?}", out.error);
    black_box(out);
}

fn load(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let mut group = c.benchmark_group("load");
    for (name, expr) in LIBRARIES {
        let code = format!("pm.environment.set('x', String({expr}));");
        group.bench_function(*name, |b| {
            b.iter_batched(
                || Sandbox::new(&SandboxOptions::default()).expect("sandbox"),
                |mut sandbox| run(&mut sandbox, &rt, &code),
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
