use super::*;
use crate::collection::{Body, QueryParam};
use serde_json::json;

fn scopes() -> Scopes {
    let mut s = Scopes::default();
    for (scope, name) in [
        (&mut s.local, "local"),
        (&mut s.data, "data"),
        (&mut s.environment, "env"),
        (&mut s.collection, "collection"),
        (&mut s.globals, "global"),
    ] {
        scope.set("x", json!(name));
    }
    s
}

#[test]
fn precedence_local_data_env_collection_globals() {
    let mut s = scopes();
    assert_eq!(s.replace("{{x}}"), "local");
    s.local.unset("x");
    assert_eq!(s.replace("{{x}}"), "data");
    s.data.unset("x");
    assert_eq!(s.replace("{{x}}"), "env");
    s.environment.unset("x");
    assert_eq!(s.replace("{{x}}"), "collection");
    s.collection.unset("x");
    assert_eq!(s.replace("{{x}}"), "global");
    s.globals.unset("x");
    assert_eq!(s.replace("{{x}}"), "{{x}}");
}

#[test]
fn names_are_literal_and_unresolved_tokens_stay() {
    let mut s = Scopes::default();
    s.environment.set("a", json!("A"));
    s.environment.set(" b ", json!("B"));
    assert_eq!(
        s.replace("{{ a }}|{{ b }}|{{a}}|{{missing}}|{{}}|{a}"),
        "{{ a }}|B|A|{{missing}}|{{}}|{a}"
    );
    s.environment.set("fo/o", json!("slash"));
    s.environment.set("b\\ar", json!("backslash"));
    assert_eq!(
        s.replace("?foo={{fo/o}}&bar={{b\\ar}}"),
        "?foo=slash&bar=backslash"
    );
}

#[test]
fn disabled_variables_fall_through_to_lower_scopes() {
    let mut s = Scopes::default();
    s.globals.set("v", json!("global"));
    s.environment.values.push(crate::collection::Variable {
        enabled: false,
        ..crate::collection::Variable::new("v", "disabled env")
    });
    assert_eq!(s.replace("{{v}}"), "global");
}

fn chain(hops: usize) -> Scopes {
    let mut s = Scopes::default();
    for i in 1..hops {
        s.environment
            .set(&format!("v{i}"), json!(format!("{{{{v{}}}}}", i + 1)));
    }
    s.environment.set(&format!("v{hops}"), json!("end"));
    s
}

#[test]
fn nesting_resolves_19_hops_but_not_20() {
    assert_eq!(chain(19).replace("{{v1}}"), "end");
    assert_eq!(chain(20).replace("{{v1}}"), "{{v20}}");
    assert_eq!(chain(3).replace("a {{v1}} b {{v2}}"), "a end b end");
}

#[test]
fn self_reference_stops_at_the_limit() {
    let mut s = Scopes::default();
    s.environment.set("a", json!("{{a}}"));
    s.environment.set("b", json!("x{{b}}"));
    assert_eq!(s.replace("{{a}}"), "{{a}}");
    assert_eq!(
        s.replace("{{b}}"),
        format!("{}{{{{b}}}}", "x".repeat(SUBREPLACE_LIMIT))
    );
}

#[test]
fn values_print_like_javascript() {
    let mut s = Scopes::default();
    s.environment.set("n", json!(1.0));
    s.environment.set("f", json!(false));
    s.environment.set("z", json!(0));
    s.environment.set("e", json!(""));
    s.environment.set("o", json!({"a": 1}));
    s.environment.set("l", json!([1, 2]));
    s.environment.set("nul", Value::Null);
    assert_eq!(
        s.replace("{{n}}|{{f}}|{{z}}|{{e}}|{{o}}|{{l}}|{{nul}}"),
        "1|false|0||[object Object]|1,2|null"
    );
}

#[test]
fn data_null_is_unresolved_in_requests_only() {
    let mut s = Scopes::default();
    s.data.set("d", Value::Null);
    s.data.set("o", json!({"k": 1}));
    s.data.set("l", json!([1, [2, null], "x"]));
    s.environment.set("d", json!("env"));
    assert_eq!(
        s.replace("{{d}}|{{o}}|{{l}}"),
        "null|[object Object]|1,2,,x"
    );
    // Newman 6.2: only null stays a token in a request; objects and lists print.
    assert_eq!(
        s.replace_for_request("{{d}}|{{o}}|{{l}}"),
        "{{d}}|[object Object]|1,2,,x"
    );
}

#[test]
fn dynamic_variables_are_last_and_fresh() {
    let s = Scopes::default();
    let out = s.replace("{{$guid}} {{$guid}}");
    let (a, b) = out.split_once(' ').unwrap();
    assert_eq!((a.len(), b.len()), (36, 36));
    assert_ne!(a, b);
    assert!(s.replace("{{$randomInt}}").parse::<u32>().unwrap() <= 1000);
    assert_eq!(s.replace("{{$nope}}"), "{{$nope}}");
    let mut shadowed = Scopes::default();
    shadowed.globals.set("$guid", json!("mine"));
    assert_eq!(shadowed.replace("{{$guid}}"), "mine");
}

#[test]
fn vault_tokens_use_the_vault_only() {
    let mut s = Scopes::default();
    s.vault.set("api-key", json!("secret"));
    assert_eq!(
        s.replace("{{vault:api-key}}|{{api-key}}|{{vault:missing}}"),
        "secret|{{api-key}}|{{vault:missing}}"
    );
    s.environment.set("vault:api-key", json!("env wins"));
    assert_eq!(s.replace("{{vault:api-key}}"), "env wins");
}

#[test]
fn text_without_tokens_is_borrowed() {
    let s = scopes();
    assert!(matches!(
        s.substitute("plain text", Resolution::Request),
        Cow::Borrowed(_)
    ));
    assert!(matches!(
        s.substitute("{{missing}}", Resolution::Request),
        Cow::Borrowed(_)
    ));
}

fn request_scopes() -> Scopes {
    let mut s = Scopes::default();
    for (k, v) in [
        ("base", "https://api.example.com:8443/v1"),
        ("id", "42"),
        ("token", "t0k"),
        ("q", "a=1&b=2"),
        ("h", "X-Key"),
        ("file", "/tmp/f.txt"),
    ] {
        s.environment.set(k, json!(v));
    }
    s
}

#[test]
fn urls_are_resolved_as_strings_then_reparsed() {
    let req =
        Request::from_json(&json!({"url": "{{base}}/users/:id/items/:missing?{{q}}&x={{id}}"}))
            .unwrap();
    let mut req = req;
    req.url.variables = vec![
        crate::collection::Variable::new("id", "{{id}}"),
        crate::collection::Variable::new("missing", "{{nothing}}"),
    ];
    let resolved = resolve_request(&req, &request_scopes());
    assert_eq!(resolved.url.protocol.as_deref(), Some("https"));
    assert_eq!(resolved.url.port.as_deref(), Some("8443"));
    assert_eq!(
        resolved.url.path,
        vec!["v1", "users", "42", "items", "{{nothing}}"]
    );
    assert_eq!(
        resolved.url.query,
        vec![
            QueryParam {
                key: Some("a".into()),
                value: Some("1".into()),
                disabled: false
            },
            QueryParam {
                key: Some("b".into()),
                value: Some("2".into()),
                disabled: false
            },
            QueryParam {
                key: Some("x".into()),
                value: Some("42".into()),
                disabled: false
            },
        ]
    );
    assert_eq!(
        resolved.url.to_string(),
        "https://api.example.com:8443/v1/users/42/items/{{nothing}}?a=1&b=2&x=42"
    );
    // As after the runtime's re-parse, nothing is left to apply to `:name` segments.
    assert!(resolved.url.variables.is_empty());
}

/// Path variables apply before substitution (`Url#toString` first): `{{empty}}` is a non-empty
/// value there, so the segment becomes what it resolves to.
#[test]
fn path_variables_apply_before_substitution() {
    let mut req = Request::from_json(&json!("http://h/:id/:e.json")).unwrap();
    req.url.variables = vec![
        crate::collection::Variable::new("id", "{{id}}"),
        crate::collection::Variable::new("e", "{{empty}}"),
    ];
    let mut s = request_scopes();
    s.environment.set("empty", json!(""));
    assert_eq!(
        resolve_request(&req, &s).url.to_string(),
        "http://h/42/.json"
    );
}

#[test]
fn every_part_of_a_request_is_resolved() {
    let req = Request::from_json(&json!({
        "method": "post",
        "url": "http://h/{{id}}",
        "header": [{"key": "{{h}}", "value": "Bearer {{token}}"}],
        "body": {"mode": "formdata", "formdata": [
            {"key": "k{{id}}", "value": "v{{id}}"},
            {"key": "f", "type": "file", "src": "{{file}}", "contentType": "text/{{id}}"}]},
        "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}"}, {"key": "n", "value": 3}]}
    }))
    .unwrap();
    let r = resolve_request(&req, &request_scopes());
    assert_eq!(r.url.to_string(), "http://h/42");
    assert_eq!(
        (r.headers[0].key.as_str(), r.headers[0].value.as_str()),
        ("X-Key", "Bearer t0k")
    );
    let form = &r.body.as_ref().unwrap().formdata;
    assert_eq!(
        (form[0].key.as_str(), form[0].value.as_deref()),
        ("k42", Some("v42"))
    );
    assert_eq!(
        (form[1].src[0].as_str(), form[1].content_type.as_deref()),
        ("/tmp/f.txt", Some("text/42"))
    );
    let auth = r.auth.unwrap();
    assert_eq!(
        (auth.param("token").as_deref(), auth.params["n"].clone()),
        (Some("t0k"), json!(3))
    );
}

#[test]
fn raw_urlencoded_graphql_and_file_bodies() {
    let s = request_scopes();
    let body = |v: Value| {
        resolve_request(&Request::from_json(&json!({"body": v})).unwrap(), &s)
            .body
            .unwrap()
    };
    assert_eq!(
        body(json!({"mode": "raw", "raw": "{\"id\": {{id}}}"}))
            .raw
            .as_deref(),
        Some("{\"id\": 42}")
    );
    let b: Body =
        body(json!({"mode": "urlencoded", "urlencoded": [{"key": "{{h}}", "value": "{{token}}"}]}));
    assert_eq!(
        (
            b.urlencoded[0].key.as_str(),
            b.urlencoded[0].value.as_deref()
        ),
        ("X-Key", Some("t0k"))
    );
    let g = body(json!({"mode": "graphql", "graphql": {"query": "{ u(id: {{id}}) }", "variables": {"t": "{{token}}", "n": [ "{{id}}" ]}}}))
        .graphql
        .unwrap();
    assert_eq!(
        (g.query.as_str(), g.variables),
        ("{ u(id: 42) }", Some(json!({"t": "t0k", "n": ["42"]})))
    );
    let g = body(
        json!({"mode": "graphql", "graphql": {"query": "", "variables": "{\"t\": \"{{token}}\"}"}}),
    )
    .graphql
    .unwrap();
    assert_eq!(g.variables, Some(json!("{\"t\": \"t0k\"}")));
    assert_eq!(
        body(json!({"mode": "file", "file": {"src": "{{file}}"}}))
            .file
            .unwrap()
            .src
            .as_deref(),
        Some("/tmp/f.txt")
    );
}

#[test]
fn resolve_auth_substitutes_strings_only() {
    let auth = Auth {
        kind: "apikey".into(),
        params: [
            ("key".to_string(), json!("{{h}}")),
            ("in".to_string(), json!(true)),
        ]
        .into_iter()
        .collect(),
    };
    let r = resolve_auth(&auth, &request_scopes());
    assert_eq!(
        (r.params["key"].clone(), r.params["in"].clone()),
        (json!("X-Key"), json!(true))
    );
}

#[test]
fn runaway_growth_is_capped() {
    let mut s = Scopes::default();
    s.environment.set("a", json!("{{a}}{{a}}{{a}}{{a}}"));
    let out = s.replace("{{a}}");
    assert!(out.len() <= MAX_SUBSTITUTED_LEN, "{}", out.len());
    assert!(out.starts_with("{{a}}"));
}
