mod script_support;
use postie::script::{Listen, NoHost, ScriptInput};
use postie::vars::Scopes;
use script_support::*;

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

#[test]
fn scratch() {
    let code = std::env::var("SCRATCH_CODE").unwrap_or_else(|_| SCRIPT.to_string());
    let n: usize = std::env::var("SCRATCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    let users: Vec<String> = (0..20).map(|i| format!(r#"{{"id":{i},"name":"user number {i}","email":"user.number.{i}@example.com","active":true,"tags":["a","b"]}}"#)).collect();
    let response = json_response(
        200,
        "OK",
        &format!(r#"{{"total":20,"users":[{}]}}"#, users.join(",")),
    );
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut sb = sandbox();
    let mut scopes = Scopes::default();
    let mut request =
        serde_json::json!({"url": "http://localhost/users", "method": "GET", "header": []});
    let t = std::time::Instant::now();
    for _ in 0..n {
        let input = ScriptInput {
            listen: Listen::Test,
            code: &code,
            scopes: &mut scopes,
            request: &mut request,
            response: Some(&response),
            cookies: Vec::new(),
            info: info(),
        };
        let out = rt.block_on(sb.run(input, &NoHost));
        assert!(out.error.is_none(), "{:?}", out.error);
    }
    let per = t.elapsed() / n as u32;
    assert!(per.as_secs() < 1, "{per:?}");
    std::fs::write("/tmp/scratch_time", format!("{per:?}")).unwrap();
}
