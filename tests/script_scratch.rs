mod script_support;
use script_support::*;

#[test]
fn scratch() {
    let code = std::fs::read_to_string("/tmp/scratch.js").unwrap();
    let mut s = Script::pre(&code);
    s.request = serde_json::json!({"url": {"raw": "http://{{host}}/a/:id?x=1", "protocol": "http", "host": ["{{host}}"], "path": ["a", ":id"], "query": [{"key":"x","value":"1"}], "variable": [{"key":"id","value":"7"}]}, "method": "POST", "header": [{"key":"A","value":"1"},{"key":"B","value":"2","disabled":true}], "body": {"mode":"urlencoded","urlencoded":[{"key":"f","value":"g"},{"key":"f","value":"h"}]}, "auth": {"type":"bearer","bearer":[{"key":"token","value":"t","type":"string"}]}});
    let (ran, scopes) = run(s);
    for l in lines(&ran.out) { println!("{l}"); }
    println!("error: {:?}", ran.out.error);
    println!("changed: {} skip {} {}", ran.out.request_changed, ran.out.skip_request, serde_json::to_string_pretty(&ran.request).unwrap());
    println!("env: {:?}", scopes.environment.to_object());
}
