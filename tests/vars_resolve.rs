//! Resolving requests loaded from files against environment, collection, globals and data
//! scopes: what the send stage gets.

use postie::collection::{
    parse_collection, parse_environment, Collection, Item, Request, Variable,
};
use postie::vars::{parse_data, resolve_request, Scopes, VariableScope};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/collection")
        .join(name)
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Requests of a collection in run order (depth-first).
fn requests(items: &[Item], out: &mut Vec<(String, Request)>) {
    for item in items {
        match item {
            Item::Request(r) => out.push((r.name.clone(), r.request.clone())),
            Item::Folder(f) => requests(&f.items, out),
        }
    }
}

fn find(c: &Collection, name: &str) -> Request {
    let mut all = Vec::new();
    requests(&c.items, &mut all);
    all.into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, r)| r)
        .unwrap()
}

fn shop_scopes() -> (Collection, Scopes) {
    let c = parse_collection(&read(&fixture("v21.postman_collection.json")), "v21").unwrap();
    let env = parse_environment(
        &read(&fixture("environment.postman_environment.json")),
        "env",
    )
    .unwrap();
    let data = parse_data(&read(&fixture("data.csv")), "data.csv").unwrap();
    let mut scopes = Scopes {
        collection: VariableScope::new(c.variables.clone()),
        environment: VariableScope::new(env.values),
        ..Scopes::default()
    };
    scopes.data = VariableScope::new(
        data[0]
            .iter()
            .map(|(k, v)| Variable::new(k.clone(), v.clone()))
            .collect(),
    );
    scopes.globals.set("uploadPath", json!("/tmp/{{name}}.txt"));
    (c, scopes)
}

#[test]
fn environment_beats_collection_and_url_variables_resolve() {
    let (c, mut scopes) = shop_scopes();
    scopes.environment.set("userId", json!("99"));
    let r = resolve_request(&find(&c, "Get user"), &scopes);
    assert_eq!(
        r.url.to_string(),
        "http://127.0.0.1:3000/users/99?expand=orders&debug"
    );
    assert_eq!(
        (r.url.host_string(), r.url.port.as_deref()),
        ("127.0.0.1".to_string(), Some("3000"))
    );
    assert_eq!(r.url.path_string(), "/users/99");
}

#[test]
fn data_rows_win_over_the_environment() {
    let (c, scopes) = shop_scopes();
    let r = resolve_request(&find(&c, "Create user"), &scopes);
    let raw = r.body.unwrap().raw.unwrap();
    let body: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(
        body["name"], "Ada",
        "the data row (Ada) wins over the environment (Grace)"
    );
    assert_eq!(
        body["id"].as_str().unwrap().len(),
        36,
        "{{$guid}} generated"
    );
}

#[test]
fn nested_variables_in_form_file_paths() {
    let (c, scopes) = shop_scopes();
    let r = resolve_request(&find(&c, "Upload"), &scopes);
    let form = r.body.unwrap().formdata;
    assert_eq!(form[1].src, vec!["/tmp/Ada.txt".to_string()]);
    assert_eq!(
        form[0].value.as_deref(),
        Some("{{note}}"),
        "unresolved stays verbatim"
    );
}

#[test]
fn csv_values_substitute_as_javascript_prints_them() {
    let data = parse_data(&read(&fixture("data.csv")), "data.csv").unwrap();
    assert_eq!(
        Value::Object(data[0].clone().into_iter().collect()),
        json!({"name": "Ada", "zip": 7, "code": "007", "quoted": "42", "exp": 100000, "hex": 0, "neg": -7890, "empty": ""})
    );
    assert_eq!(
        Value::Object(data[1].clone().into_iter().collect()),
        json!({"name": "Lovelace, Ada", "zip": "say \"hi\"", "code": "12abc", "quoted": "spaced", "exp": 1.5, "hex": 0, "neg": 3, "empty": ""})
    );
    let mut scopes = Scopes::default();
    for (k, v) in &data[0] {
        scopes.data.set(k, v.clone());
    }
    assert_eq!(
        scopes.replace_for_request("{{zip}}|{{code}}|{{exp}}|{{hex}}|{{neg}}|{{empty}}|{{ name }}"),
        "7|007|100000|0|-7890||{{ name }}"
    );
}

#[test]
fn csv_with_a_byte_order_mark() {
    let data = parse_data(&read(&fixture("data-bom.csv")), "data-bom.csv").unwrap();
    assert_eq!(data.len(), 1);
    assert_eq!(
        Value::Object(data[0].clone().into_iter().collect()),
        json!({"c1": "123", "c2": "foo \"bar\" baz"})
    );
}

#[test]
fn json_data_null_leaves_request_tokens() {
    let data = parse_data(&read(&fixture("data.json")), "data.json").unwrap();
    let mut scopes = Scopes::default();
    for (k, v) in &data[1] {
        scopes.data.set(k, v.clone());
    }
    scopes.environment.set("nothing", json!("from env"));
    assert_eq!(
        scopes.replace_for_request("{{user}} {{n}} {{nothing}}"),
        "bob 2 {{nothing}}"
    );
    assert_eq!(scopes.replace("{{nothing}}"), "null");
}

#[test]
fn disabled_environment_entries_are_skipped() {
    let env = parse_environment(
        &read(&fixture("environment.postman_environment.json")),
        "env",
    )
    .unwrap();
    let mut scopes = Scopes {
        environment: VariableScope::new(env.values),
        ..Scopes::default()
    };
    scopes.globals.set("old", json!("global"));
    assert_eq!(
        scopes.replace("{{old}} {{gone}} {{token}}"),
        "global {{gone}} s3cr3t"
    );
}

#[test]
fn nineteen_hops_resolve_and_twenty_do_not() {
    let chain = |hops: usize| {
        let values: Vec<Value> = (1..=hops)
            .map(|i| {
                let value = if i == hops {
                    "end".to_string()
                } else {
                    format!("{{{{h{}}}}}", i + 1)
                };
                json!({"key": format!("h{i}"), "value": value})
            })
            .collect();
        let env =
            parse_environment(json!({"values": values}).to_string().as_bytes(), "chain").unwrap();
        Scopes {
            environment: VariableScope::new(env.values),
            ..Scopes::default()
        }
    };
    assert_eq!(chain(19).replace_for_request("{{h1}}"), "end");
    assert_eq!(chain(20).replace_for_request("{{h1}}"), "{{h20}}");
}

/// Newman's `slashed-variable-names` and `data-file-var-replacement` suites, resolved.
#[test]
#[allow(clippy::print_stderr)]
fn newman_suites_resolve() {
    let root = Path::new("/work/shared/compat/newman/integration");
    if !root.is_dir() {
        eprintln!("note: {} is absent; skipping", root.display());
        return;
    }
    let dir = root.join("slashed-variable-names");
    let c = parse_collection(
        &read(&dir.join("slashed-variable-names.postman_collection.json")),
        "c",
    )
    .unwrap();
    let env = parse_environment(
        &read(&dir.join("slashed-variable-names.postman_environment.json")),
        "e",
    )
    .unwrap();
    let scopes = Scopes {
        environment: VariableScope::new(env.values),
        ..Scopes::default()
    };
    let r = resolve_request(&find(&c, "Slashed variable names test"), &scopes);
    assert_eq!(
        r.url.to_string(),
        "https://postman-echo.com/get?foo=alpha&bar=beta"
    );

    let dir = root.join("data-file-var-replacement");
    let c = parse_collection(
        &read(&dir.join("data-file-var-replacement.postman_collection.json")),
        "c",
    )
    .unwrap();
    let env = parse_environment(
        &read(&dir.join("data-file-var-replacement.postman_environment.json")),
        "e",
    )
    .unwrap();
    let data = parse_data(
        &read(&dir.join("data-file-var-replacement.postman_data.json")),
        "d",
    )
    .unwrap();
    let mut scopes = Scopes {
        environment: VariableScope::new(env.values),
        ..Scopes::default()
    };
    for (k, v) in &data[1] {
        scopes.data.set(k, v.clone());
    }
    let r = resolve_request(&find(&c, "https://postman-echo.com/post"), &scopes);
    assert_eq!(r.url.to_string(), "https://postman-echo.com/post");
    let form = r.body.unwrap().formdata;
    assert_eq!(form[0].value.as_deref(), Some("value2"));
    assert_eq!(form[1].value.as_deref(), Some("sampleKey"));
    assert_eq!(form[2].value.as_deref(), Some("{{dataVar2}}"));
}
