//! Per-script cost of the sandbox: a typical test script (parse a 2 KB JSON body with
//! `pm.response.json()`, 5 checks, 3 `pm.environment.set`) run through `Sandbox::run` in a warm
//! sandbox. Target: < 0.12 ms median in release (`cargo bench --bench script`).

use bytes::Bytes;
use criterion::{criterion_group, criterion_main, Criterion};
use postie::http::Response;
use postie::script::{Listen, NoHost, Sandbox, SandboxOptions, ScriptInfo, ScriptInput};
use postie::vars::Scopes;
use std::hint::black_box;

const SCRIPT: &str = r#"
const body = pm.response.json();
pm.test("status is 200", function () {
    if (pm.response.code !== 200) throw new Error("status " + pm.response.code);
});
pm.test("has users", function () {
    if (!Array.isArray(body.users) || body.users.length !== 20) throw new Error("users");
});
pm.test("first user is active", function () {
    if (body.users[0].active !== true) throw new Error("inactive");
});
pm.test("content type is json", function () {
    if (!pm.response.headers.get("Content-Type").includes("json")) throw new Error("type");
});
pm.test("total matches", function () {
    if (body.total !== body.users.length) throw new Error("total");
});
pm.environment.set("firstId", body.users[0].id);
pm.environment.set("firstName", body.users[0].name);
pm.environment.set("count", body.users.length);
"#;

fn body() -> String {
    let users: Vec<String> = (0..20)
        .map(|i| {
            format!(
                r#"{{"id":{i},"name":"user number {i}","email":"user.number.{i}@example.com","active":true,"tags":["a","b"]}}"#
            )
        })
        .collect();
    format!(r#"{{"total":20,"users":[{}]}}"#, users.join(","))
}

fn response(body: &str) -> Response {
    Response {
        code: 200,
        status: "OK".into(),
        headers: vec![
            (
                "Content-Type".into(),
                "application/json; charset=utf-8".into(),
            ),
            ("Content-Length".into(), body.len().to_string()),
            ("Date".into(), "Mon, 01 Jan 2024 00:00:00 GMT".into()),
        ],
        body: Bytes::from(body.to_string()),
        response_time: 12.0,
        url: "http://localhost/users".into(),
        ..Response::default()
    }
}

fn bench(c: &mut Criterion) {
    let body = body();
    assert!(
        body.len() > 1900 && body.len() < 2600,
        "body is {} bytes",
        body.len()
    );
    let response = response(&body);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let mut sandbox = Sandbox::new(&SandboxOptions::default()).expect("sandbox");
    let mut scopes = Scopes::default();
    let mut request = serde_json::json!({
        "url": "http://localhost/users", "method": "GET",
        "header": [{"key": "Accept", "value": "application/json"}]
    });
    let info = ScriptInfo {
        iteration: 0,
        iteration_count: 1,
        request_name: "Users".into(),
        request_id: "1".into(),
        location: vec!["Bench".into(), "Users".into()],
        current: "Users".into(),
    };
    let mut run = || {
        let input = ScriptInput {
            listen: Listen::Test,
            code: SCRIPT,
            scopes: &mut scopes,
            request: &mut request,
            response: Some(&response),
            cookies: Vec::new(),
            info: info.clone(),
        };
        rt.block_on(sandbox.run(input, &NoHost))
    };
    let out = run();
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(out.events.len(), 5, "{:?}", out.events);
    c.bench_function("typical test script", |b| b.iter(|| black_box(run())));
}

criterion_group!(benches, bench);
criterion_main!(benches);
