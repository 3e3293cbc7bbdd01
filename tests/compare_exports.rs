//! `postie compare`'s files: `--export-compare` (every field of the issue's JSON shape), `-r
//! junit` (one file, suites prefixed `[variant] `), `-r json` and `--export-*` (one file per
//! variant, the variant's name inserted before the extension).

mod compare_support;

use compare_support::*;
use serde_json::{json, Value};

fn row<'a>(rows: &'a [Value], item: &str, assertion: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["item"] == item && r["assertion"] == assertion)
        .unwrap_or_else(|| panic!("no row {item} / {assertion}"))
}

#[test]
fn the_compare_export_has_the_issues_shape() {
    let dir = tempfile::tempdir().unwrap();
    let regions = Regions::start(dir.path());
    let out = regions.compare(dir.path(), &["--export-compare", "out/compare.json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc = read_json(&dir.path().join("out/compare.json"));
    let keys: Vec<&String> = doc.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        ["variants", "rows", "requests", "variables", "summary"]
    );
    assert_eq!(doc["variants"], json!(["US", "EU"]));

    let rows = doc["rows"].as_array().unwrap();
    let order: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["item"].as_str().unwrap(),
                r["assertion"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            ("Get Token", "status is 200"),
            ("Get Token", "has an access token"),
            ("Get Token", "expires in an hour"),
            ("Create User", "created"),
            ("Get Profile", "has an id"),
            ("Audit", "audit ok"),
        ]
    );
    for r in rows {
        let keys: Vec<&String> = r.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "iteration",
                "item",
                "path",
                "assertion",
                "results",
                "differs"
            ]
        );
        assert_eq!(r["iteration"], 1);
    }
    assert_eq!(
        *row(rows, "Get Token", "expires in an hour"),
        json!({
            "iteration": 1, "item": "Get Token", "path": "Auth / Get Token",
            "assertion": "expires in an hour",
            "results": {
                "US": {"status": "pass", "message": null},
                "EU": {"status": "fail", "message": "expected 1800 to deeply equal 3600"}
            },
            "differs": true
        })
    );
    assert_eq!(
        *row(rows, "Audit", "audit ok"),
        json!({
            "iteration": 1, "item": "Audit", "path": "Users / Audit", "assertion": "audit ok",
            "results": {
                "US": {"status": "pass", "message": null},
                "EU": {"status": "not-run", "message": null}
            },
            "differs": true
        })
    );
    assert_eq!(row(rows, "Create User", "created")["differs"], false);

    let requests = doc["requests"].as_array().unwrap();
    assert_eq!(requests.len(), 4);
    let summary: Vec<Value> = requests
        .iter()
        .map(|r| json!([r["path"], r["code"], r["body_shape_differs"], r["differs"]]))
        .collect();
    assert_eq!(
        summary,
        [
            json!(["Auth / Get Token", {"US": 200, "EU": 200}, false, false]),
            json!(["Users / Create User", {"US": 201, "EU": 200}, false, true]),
            json!(["Users / Get Profile", {"US": 200, "EU": 200}, true, true]),
            json!(["Users / Audit", {"US": 200, "EU": null}, false, true]),
        ]
    );
    for r in requests {
        let keys: Vec<&String> = r.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "iteration",
                "item",
                "path",
                "code",
                "time_ms",
                "body_shape_differs",
                "differs"
            ]
        );
        assert!(r["time_ms"]["US"].is_u64(), "{r}");
    }
    assert!(requests[0]["time_ms"]["EU"].is_u64());
    assert_eq!(requests[3]["time_ms"]["EU"], Value::Null);

    assert_eq!(
        doc["variables"],
        json!([
            {"name": "access_token", "differs": true,
             "values": {"US": "<masked>", "EU": "<masked>"}},
            {"name": "lifetime", "differs": true, "values": {"US": 3600, "EU": 1800}}
        ])
    );
    assert_eq!(
        doc["summary"],
        json!({"rows": 6, "differing_rows": 2, "differing_requests": 3, "differing_variables": 2})
    );
    let text = std::fs::read_to_string(dir.path().join("out/compare.json")).unwrap();
    assert!(
        !text.contains("token-us"),
        "a secret leaked into the export"
    );
}

#[test]
fn show_secrets_unmasks_variables_in_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let regions = Regions::start(dir.path());
    regions.compare(
        dir.path(),
        &["--export-compare", "c.json", "--reporter-show-secrets"],
    );
    let doc = read_json(&dir.path().join("c.json"));
    let us = doc["variables"][0]["values"]["US"].as_str().unwrap();
    assert!(us.starts_with("token-us-"), "{us}");
}

fn attr<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> &'a str {
    node.attribute(name).unwrap_or_default()
}

#[test]
fn junit_is_one_file_with_variant_prefixed_suites() {
    let dir = tempfile::tempdir().unwrap();
    let regions = Regions::start(dir.path());
    regions.compare(
        dir.path(),
        &[
            "-r",
            "cli,junit",
            "--reporter-junit-export",
            "reports/compare.xml",
        ],
    );
    let files: Vec<_> = std::fs::read_dir(dir.path().join("reports"))
        .unwrap()
        .collect();
    assert_eq!(files.len(), 1);
    let text = std::fs::read_to_string(dir.path().join("reports/compare.xml")).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(attr(root, "name"), "Token Flow");
    assert_eq!(attr(root, "tests"), "11");
    assert_eq!(attr(root, "failures"), "1");
    let suites: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    let names: Vec<&str> = suites.iter().map(|s| attr(*s, "name")).collect();
    assert_eq!(
        names,
        [
            "[US] Auth / Get Token",
            "[US] Users / Create User",
            "[US] Users / Get Profile",
            "[US] Users / Audit",
            "[EU] Auth / Get Token",
            "[EU] Users / Create User",
            "[EU] Users / Get Profile",
        ]
    );
    let eu_token = suites[4];
    assert_eq!(attr(eu_token, "failures"), "1");
    let failure = eu_token
        .descendants()
        .find(|n| n.has_tag_name("failure"))
        .expect("a failure");
    assert_eq!(
        attr(failure, "message"),
        "expected 1800 to deeply equal 3600"
    );
    let failed_case = failure.parent().unwrap();
    assert_eq!(attr(failed_case, "name"), "expires in an hour");
}

#[test]
fn json_reports_and_exports_are_written_once_per_variant() {
    let dir = tempfile::tempdir().unwrap();
    let regions = Regions::start(dir.path());
    regions.compare(
        dir.path(),
        &[
            "-r",
            "json",
            "--reporter-json-export",
            "out/run.json",
            "--export-environment",
            "out/env.json",
            "--export-globals",
            "out/",
        ],
    );
    // No table without `cli`.
    let mut files: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 6, "{files:?}");
    assert_eq!(&files[0..2], ["env-eu.json", "env-us.json"]);
    assert!(files[2].starts_with("newman-globals-") && files[2].ends_with("-0-eu.json"));
    assert!(files[3].starts_with("newman-globals-") && files[3].ends_with("-0-us.json"));
    assert_eq!(&files[4..], ["run-eu.json", "run-us.json"]);

    let us = read_json(&dir.path().join("out/run-us.json"));
    let eu = read_json(&dir.path().join("out/run-eu.json"));
    assert_eq!(us["run"]["executions"].as_array().unwrap().len(), 4);
    assert_eq!(eu["run"]["executions"].as_array().unwrap().len(), 3);
    assert_eq!(us["environment"]["name"], "US");
    assert_eq!(eu["run"]["failures"].as_array().unwrap().len(), 1);

    let env = read_json(&dir.path().join("out/env-eu.json"));
    let values = env["values"].as_array().unwrap();
    let token = values.iter().find(|v| v["key"] == "access_token").unwrap();
    assert!(token["value"].as_str().unwrap().starts_with("token-eu-"));
    assert_eq!(env["name"], "EU");
}

#[test]
fn json_report_without_a_path_goes_to_newman_with_the_variant_in_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let regions = Regions::start(dir.path());
    let out = regions.compare(dir.path(), &["-r", "json"]);
    assert_eq!(stdout(&out), "");
    let files: Vec<String> = std::fs::read_dir(dir.path().join("newman"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 2);
    for f in files {
        assert!(f.starts_with("newman-run-report-"), "{f}");
        assert!(
            f.ends_with("-0-us.json") || f.ends_with("-0-eu.json"),
            "{f}"
        );
    }
}
