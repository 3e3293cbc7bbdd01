//! `--export-environment`, `--export-globals`, `--export-collection`: the final state of the run
//! in Postman's file shapes. Unlike Newman, entries keep their `type` and `enabled` (#3067) and
//! the exported collection carries the final collection variables (#2680). Cookie-jar exports
//! are in `run_cookies.rs`.

mod support;

use serde_json::{json, Value};
use support::run::{collection_with, request, test_script, Work};

fn collection() -> Value {
    let mut item = request("r", "GET", "{{base}}/get?cv={{cv}}", json!({}));
    item["id"] = json!("item-1");
    item["event"] = test_script(&[
        "pm.collectionVariables.set('cv', 'c1');",
        "pm.collectionVariables.set('new', 'n1');",
        "pm.environment.set('e', 'e1');",
        "pm.environment.unset('gone');",
        "pm.globals.set('g', 'g1');",
    ]);
    collection_with(
        "Exports",
        json!([item]),
        json!({"variable": [{"key": "cv", "value": "c0"}, {"key": "keep", "value": "k", "type": "string"}]}),
    )
}

/// (key, value, type, enabled) of each entry of an exported scope.
fn entries(scope: &Value) -> Vec<(String, Value, String, bool)> {
    scope["values"]
        .as_array()
        .expect("values")
        .iter()
        .map(|v| {
            (
                v["key"].as_str().unwrap().to_string(),
                v["value"].clone(),
                v["type"].as_str().unwrap().to_string(),
                v["enabled"].as_bool().unwrap(),
            )
        })
        .collect()
}

fn e(key: &str, value: &str, kind: &str, enabled: bool) -> (String, Value, String, bool) {
    (key.into(), json!(value), kind.into(), enabled)
}

/// Runs the export collection; returns the server's request targets.
fn run(work: &Work, args: &[&str]) -> Vec<String> {
    let server = support::echo_server();
    let env = work.json(
        "env.json",
        &json!({"id": "env-id-1", "name": "Staging", "_postman_variable_scope": "environment", "values": [
            {"key": "gone", "value": "x", "type": "default", "enabled": true},
            {"key": "s", "value": "sv", "type": "secret", "enabled": true},
            {"key": "off", "value": "o", "enabled": false}
        ]}),
    );
    let base = format!("base={}", server.url());
    let mut all = vec!["-e", env.as_str(), "--env-var", base.as_str()];
    all.extend_from_slice(args);
    work.run_collection(&collection(), &all).expect_code(0);
    server.log.entries().into_iter().map(|r| r.target).collect()
}

#[test]
fn the_environment_export_is_the_final_environment() {
    let work = Work::new();
    let targets = run(&work, &["--export-environment", "out/env.json"]);
    assert_eq!(targets, vec!["/get?cv=c0"]);
    let out = work.read_json("out/env.json");
    assert_eq!(out["id"], "env-id-1");
    assert_eq!(out["name"], "Staging");
    assert_eq!(out["_postman_variable_scope"], "environment");
    assert_eq!(
        out["_postman_exported_using"],
        concat!("postie/", env!("CARGO_PKG_VERSION"))
    );
    assert!(
        chrono::DateTime::parse_from_rfc3339(out["_postman_exported_at"].as_str().unwrap()).is_ok()
    );
    let values = entries(&out);
    assert_eq!(values.len(), 4);
    assert_eq!(values[0], e("s", "sv", "secret", true));
    assert_eq!(values[1], e("off", "o", "default", false));
    assert_eq!(values[2].0, "base");
    assert_eq!(values[3], e("e", "e1", "default", true));
}

#[test]
fn the_globals_export_has_flags_files_and_script_changes() {
    let work = Work::new();
    let globals = work.json(
        "g.json",
        &json!({"id": "g-id", "name": "My globals", "values": [{"key": "fromfile", "value": "f"}]}),
    );
    run(
        &work,
        &[
            "-g",
            &globals,
            "--global-var",
            "gv=1",
            "--export-globals",
            "g-out.json",
        ],
    );
    let out = work.read_json("g-out.json");
    assert_eq!(out["id"], "g-id");
    assert_eq!(out["_postman_variable_scope"], "globals");
    assert_eq!(
        entries(&out),
        vec![
            e("fromfile", "f", "default", true),
            e("gv", "1", "default", true),
            e("g", "g1", "default", true)
        ]
    );
}

#[test]
fn the_collection_export_carries_final_collection_variables() {
    let work = Work::new();
    run(&work, &["--export-collection", "c-out.json"]);
    let out = work.read_json("c-out.json");
    assert_eq!(out["info"]["name"], "Exports");
    assert_eq!(
        out["info"]["_postman_id"],
        "c0ffee00-0000-4000-8000-000000000001"
    );
    assert_eq!(out["item"][0]["id"], "item-1");
    assert_eq!(out["item"][0]["request"]["url"], "{{base}}/get?cv={{cv}}");
    assert_eq!(
        out["variable"],
        json!([
            {"key": "cv", "value": "c1"},
            {"key": "keep", "value": "k", "type": "string"},
            {"key": "new", "value": "n1"}
        ])
    );
}

#[test]
fn an_existing_directory_gets_newmans_file_name() {
    let work = Work::new();
    std::fs::create_dir(work.join("exports")).unwrap();
    run(
        &work,
        &[
            "--export-environment",
            "exports",
            "--export-globals",
            "exports",
            "--export-collection",
            "exports",
        ],
    );
    let mut names: Vec<String> = std::fs::read_dir(work.join("exports"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let pattern = regex::Regex::new(
        r"^newman-(collection|environment|globals)-\d{4}(-\d{2}){5}-\d{3}-0\.json$",
    )
    .unwrap();
    assert_eq!(names.len(), 3, "{names:?}");
    for (name, stem) in names.iter().zip(["collection", "environment", "globals"]) {
        assert!(pattern.is_match(name), "{name}");
        assert!(name.starts_with(&format!("newman-{stem}-")), "{name}");
    }
}

#[test]
fn exports_are_written_when_the_run_fails() {
    let work = Work::new();
    let items = json!([request(
        "down",
        "GET",
        "http://127.0.0.1:{{port}}/",
        json!({})
    )]);
    let port = format!("port={}", support::run::closed_port());
    work.run_collection(
        &collection_with(
            "Fails",
            items,
            json!({"variable": [{"key": "v", "value": "1"}]}),
        ),
        &[
            "--env-var",
            &port,
            "--export-environment",
            "env.json",
            "--export-collection",
            "c.json",
        ],
    )
    .expect_code(1);
    assert_eq!(entries(&work.read_json("env.json"))[0].0, "port");
    assert_eq!(
        work.read_json("c.json")["variable"],
        json!([{"key": "v", "value": "1"}])
    );
}
