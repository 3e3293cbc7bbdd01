//! `--matrix`: one variant per value from a single environment, the cross product with several
//! `-e`, the naming rules (environment name, file stem where names are equal, `--name`, ` VAR=
//! value`), and what file stems the variants get.

mod compare_support;
mod support;

use compare_support::*;
use serde_json::{json, Value};
use std::path::Path;

/// One request echoing `{{region}}` back, asserting it is `us`.
fn echo_collection(dir: &Path) -> String {
    let c = json!({
        "info": {"name": "Echo", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{
            "name": "Where",
            "request": {"method": "GET", "url": "{{baseUrl}}/get?region={{region}}"},
            "event": [{"listen": "test", "script": {"exec": [
                "const region = pm.response.json().args.region;",
                "pm.environment.set('seen', region);",
                "pm.test('region is us', () => pm.expect(region).to.eql('us'));"
            ]}}]
        }]
    });
    write(dir, "echo.postman_collection.json", &c)
        .to_string_lossy()
        .into_owned()
}

fn export(dir: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend_from_slice(&[
        "--export-compare",
        "cmp.json",
        "-r",
        "json",
        "--reporter-json-export",
        "runs/r.json",
    ]);
    let out = postie(dir, &all);
    assert!(out.status.code().is_some(), "{}", stderr(&out));
    read_json(&dir.join("cmp.json"))
}

fn seen(doc: &Value) -> Value {
    doc["variables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == "seen")
        .map(|v| v["values"].clone())
        .unwrap_or(Value::Null)
}

fn run_files(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir.join("runs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    files
}

#[test]
fn a_matrix_makes_one_variant_per_value_from_one_environment() {
    let echo = support::echo_server();
    let dir = tempfile::tempdir().unwrap();
    let c = echo_collection(dir.path());
    write(
        dir.path(),
        "staging.json",
        &environment(
            Some("Staging"),
            &[("baseUrl", &echo.url()), ("region", "xx")],
        ),
    );
    let doc = export(
        dir.path(),
        &[
            "compare",
            &c,
            "-e",
            "staging.json",
            "--matrix",
            "region=us,eu,ca",
        ],
    );
    assert_eq!(
        doc["variants"],
        json!([
            "Staging region=us",
            "Staging region=eu",
            "Staging region=ca"
        ])
    );
    // The matrix value reached each variant's requests (over the file's `xx`).
    assert_eq!(
        seen(&doc),
        json!({"Staging region=us": "us", "Staging region=eu": "eu", "Staging region=ca": "ca"})
    );
    let results = &doc["rows"][0]["results"];
    assert_eq!(results["Staging region=us"]["status"], "pass");
    assert_eq!(results["Staging region=eu"]["status"], "fail");
    assert_eq!(
        run_files(dir.path()),
        [
            "r-staging-region-ca.json",
            "r-staging-region-eu.json",
            "r-staging-region-us.json"
        ]
    );
}

#[test]
fn a_matrix_wins_over_env_var_and_works_without_an_environment() {
    let echo = support::echo_server();
    let dir = tempfile::tempdir().unwrap();
    let c = echo_collection(dir.path());
    let base = format!("baseUrl={}", echo.url());
    let doc = export(
        dir.path(),
        &[
            "compare",
            &c,
            "--env-var",
            &base,
            "--env-var",
            "region=zz",
            "--matrix",
            "region=us,eu",
        ],
    );
    assert_eq!(doc["variants"], json!(["region=us", "region=eu"]));
    assert_eq!(seen(&doc), json!({"region=us": "us", "region=eu": "eu"}));
}

#[test]
fn several_environments_times_a_matrix_is_the_cross_product() {
    let echo = support::echo_server();
    let dir = tempfile::tempdir().unwrap();
    let c = echo_collection(dir.path());
    // Equal names: the variants take the file stems.
    for stem in ["prod-a", "prod-b"] {
        write(
            dir.path(),
            &format!("envs/{stem}.postman_environment.json"),
            &environment(Some("Prod"), &[("baseUrl", &echo.url())]),
        );
    }
    let doc = export(
        dir.path(),
        &[
            "compare",
            &c,
            "-e",
            "envs/prod-a.postman_environment.json",
            "-e",
            "envs/prod-b.postman_environment.json",
            "--matrix",
            "region=us,eu",
            "--matrix",
            "tier=1,2",
        ],
    );
    let names: Vec<&str> = doc["variants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "prod-a region=us tier=1",
            "prod-a region=us tier=2",
            "prod-a region=eu tier=1",
            "prod-a region=eu tier=2",
            "prod-b region=us tier=1",
            "prod-b region=us tier=2",
            "prod-b region=eu tier=1",
            "prod-b region=eu tier=2",
        ]
    );
    assert_eq!(seen(&doc)["prod-b region=eu tier=2"], "eu");
    let files = run_files(dir.path());
    assert_eq!(files.len(), 8);
    assert!(
        files.contains(&"r-prod-b-region-eu-tier-2.json".to_string()),
        "{files:?}"
    );
}

#[test]
fn name_overrides_and_duplicate_names() {
    let echo = support::echo_server();
    let dir = tempfile::tempdir().unwrap();
    let c = echo_collection(dir.path());
    write(
        dir.path(),
        "one/env.json",
        &environment(None, &[("baseUrl", &echo.url())]),
    );
    write(
        dir.path(),
        "two/env.json",
        &environment(None, &[("baseUrl", &echo.url())]),
    );
    write(
        dir.path(),
        "three.json",
        &environment(Some("Three"), &[("baseUrl", &echo.url())]),
    );
    let doc = export(
        dir.path(),
        &[
            "compare",
            &c,
            "-e",
            "one/env.json",
            "-e",
            "two/env.json",
            "-e",
            "three.json",
        ],
    );
    // Unnamed environments take their stems; equal stems are numbered.
    assert_eq!(doc["variants"], json!(["env", "env (2)", "Three"]));
    assert_eq!(
        run_files(dir.path()),
        ["r-env-2.json", "r-env.json", "r-three.json"]
    );

    let doc = export(
        dir.path(),
        &[
            "compare",
            &c,
            "-e",
            "one/env.json",
            "-e",
            "two/env.json",
            "--name",
            "Frankfurt",
            "--name",
            "Dublin",
            "--matrix",
            "region=us",
        ],
    );
    assert_eq!(
        doc["variants"],
        json!(["Frankfurt region=us", "Dublin region=us"])
    );
}
