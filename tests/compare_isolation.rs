//! Variants share nothing: a cookie, environment/global/collection variables and JS globals set
//! by one variant are never seen by another, even when they run one after the other on the
//! same worker (`--parallel 1`). And `--parallel 1` gives the same comparison as running all
//! variants at once.

mod compare_support;
mod support;

use compare_support::*;
use serde_json::{json, Value};
use std::path::Path;

/// Variant `a` sets a cookie and variables of every scope; every variant then checks that it
/// sees them exactly when it is `a`.
fn leak_collection(dir: &Path) -> String {
    let c = json!({
        "info": {"name": "Leaks", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "variable": [{"key": "coll", "value": "start"}],
        "item": [
            {
                "name": "Set",
                "event": [
                    {"listen": "prerequest", "script": {"exec": [
                        "const a = pm.environment.get('variant') === 'a';",
                        "pm.variables.set('path', a ? '/cookies/set?leak=1' : '/get');"
                    ]}},
                    {"listen": "test", "script": {"exec": [
                        "if (pm.environment.get('variant') === 'a') {",
                        "  pm.environment.set('leaked_env', 'a');",
                        "  pm.globals.set('leaked_global', 'a');",
                        "  pm.collectionVariables.set('coll', 'a');",
                        "  globalThis.leaked = 'a';",
                        "}"
                    ]}}
                ],
                "request": {"method": "GET", "url": "{{baseUrl}}{{path}}"}
            },
            {
                "name": "Check",
                "event": [{"listen": "test", "script": {"exec": [
                    "const mine = pm.environment.get('variant') === 'a';",
                    "const cookies = pm.response.json().cookies;",
                    "pm.test('cookie only where set', () => pm.expect(cookies.leak === '1').to.eql(mine));",
                    "pm.test('environment only where set', () => pm.expect(pm.environment.has('leaked_env')).to.eql(mine));",
                    "pm.test('globals only where set', () => pm.expect(pm.globals.has('leaked_global')).to.eql(mine));",
                    "pm.test('collection variable only where set', () => pm.expect(pm.collectionVariables.get('coll')).to.eql(mine ? 'a' : 'start'));",
                    "pm.test('no JS globals from another variant', () => { if (!mine) pm.expect(typeof globalThis.leaked).to.eql('undefined'); });"
                ]}}],
                "request": {"method": "GET", "url": "{{baseUrl}}/cookies"}
            }
        ]
    });
    write(dir, "leaks.postman_collection.json", &c)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn nothing_leaks_between_variants() {
    let echo = support::echo_server();
    let dir = tempfile::tempdir().unwrap();
    let c = leak_collection(dir.path());
    let base = format!("baseUrl={}", echo.url());
    for parallel in [&["--parallel", "1"][..], &[][..]] {
        // `a` first: with one worker it has finished before `b` starts.
        let mut args = vec![
            "compare",
            &c,
            "--env-var",
            &base,
            "--matrix",
            "variant=a,b,c",
            "--export-compare",
            "cmp.json",
            "--color",
            "off",
        ];
        args.extend_from_slice(parallel);
        let out = postie(dir.path(), &args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}{}",
            stdout(&out),
            stderr(&out)
        );
        let doc = read_json(&dir.path().join("cmp.json"));
        let rows = doc["rows"].as_array().unwrap();
        assert_eq!(rows.len(), 5);
        for row in rows {
            for v in ["variant=a", "variant=b", "variant=c"] {
                assert_eq!(row["results"][v]["status"], "pass", "{row}");
            }
        }
        // `a` passing "cookie only where set" means its cookie was set, so a shared jar
        // would have failed `b` and `c`.
        assert_eq!(rows[0]["assertion"], "cookie only where set");
        // Variables a script set show up as differences, masked or not.
        let names: Vec<&str> = doc["variables"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["leaked_env", "coll", "leaked_global"]);
    }
}

/// The export without response times (they vary run to run).
fn without_times(mut doc: Value) -> Value {
    for r in doc["requests"].as_array_mut().unwrap() {
        r.as_object_mut().unwrap().remove("time_ms");
    }
    doc
}

#[test]
fn one_at_a_time_gives_the_same_comparison_as_all_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let regions = Regions::start(dir.path());
    let c = regions.collection.to_str().unwrap();
    let mut docs = Vec::new();
    for parallel in ["1", "2", "8"] {
        let file = format!("cmp-{parallel}.json");
        postie(
            dir.path(),
            &[
                "compare",
                c,
                "-e",
                "us.json",
                "-e",
                "eu.json",
                "-e",
                "us.json",
                "--name",
                "one",
                "--name",
                "two",
                "--name",
                "three",
                "--parallel",
                parallel,
                "--export-compare",
                &file,
            ],
        );
        docs.push(without_times(read_json(&dir.path().join(file))));
    }
    let default = {
        postie(
            dir.path(),
            &[
                "compare",
                c,
                "-e",
                "us.json",
                "-e",
                "eu.json",
                "-e",
                "us.json",
                "--name",
                "one",
                "--name",
                "two",
                "--name",
                "three",
                "--export-compare",
                "cmp.json",
            ],
        );
        without_times(read_json(&dir.path().join("cmp.json")))
    };
    assert_eq!(default["variants"], json!(["one", "two", "three"]));
    assert_eq!(default["summary"]["differing_requests"], 3);
    for doc in docs {
        // Tokens differ per run; they are masked, so the documents match exactly.
        assert_eq!(doc, default);
    }
}
