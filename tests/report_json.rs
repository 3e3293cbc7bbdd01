//! The json reporter's file, parsed back and checked field by field against Newman's shape and
//! against what `vs-newman` reads (its `normalize()` is mirrored here, and run for real when
//! ../shared and python3 are there).

mod report_support;

use postie::report::json::JsonReporter;
use postie::report::{JsonOptions, Reporter, ReporterOptions};
use postie::run::Abort;
use report_support::{drive, fixture, Shape};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn options(bodies: bool) -> ReporterOptions {
    ReporterOptions {
        reporters: vec!["json".into()],
        json: JsonOptions {
            export: None,
            bodies,
        },
        collection: json!({"info": {"name": "Sample API Tests"}, "item": []})
            .to_string()
            .into(),
        environment_name: Some("ignored: the summary names it".into()),
        globals_name: Some("My globals".into()),
        ..ReporterOptions::default()
    }
}

fn write_report(dir: &Path, shape: Shape, limit: Option<usize>) -> (PathBuf, Value) {
    let path = dir.join("out/report.json");
    let fx = fixture(shape);
    let mut reporter = JsonReporter::new(path.clone(), &options(shape.bodies));
    drive(&mut reporter, &fx, limit);
    let mut summary = fx.summary.clone();
    if limit.is_some() {
        summary.abort = Some(Abort::Interrupted);
    }
    reporter.finish(&summary).expect("report written");
    let text = std::fs::read_to_string(&path).expect("report exists");
    (path, serde_json::from_str(&text).expect("valid JSON"))
}

fn report(shape: Shape) -> Value {
    let dir = tempfile::tempdir().unwrap();
    write_report(dir.path(), shape, None).1
}

#[test]
fn top_level_shape() {
    let r = report(Shape::default());
    assert_eq!(r["collection"]["info"]["name"], "Sample API Tests");
    assert_eq!(r["environment"]["name"], "Staging");
    assert_eq!(r["environment"]["id"], "env-1");
    assert_eq!(
        r["environment"]["values"],
        json!([
            {"key": "token", "value": "abc", "type": "default", "enabled": true},
            {"key": "off", "value": "x", "type": "default", "enabled": false}
        ])
    );
    assert_eq!(r["globals"]["name"], "My globals");
    assert_eq!(r["globals"]["values"][0]["value"], 1);
    assert_eq!(r["run"]["transfers"]["responseTotal"], 1371);
    assert_eq!(r["run"]["error"], Value::Null);
    assert_eq!(r["run"]["timings"]["started"], 1_700_000_000_000i64);
    assert_eq!(r["run"]["timings"]["responseAverage"], 27.0);
}

#[test]
fn stats_have_every_newman_counter() {
    let r = report(Shape::default());
    let stats = &r["run"]["stats"];
    for key in [
        "iterations",
        "items",
        "scripts",
        "prerequests",
        "requests",
        "tests",
        "assertions",
        "testScripts",
        "prerequestScripts",
    ] {
        for field in ["total", "pending", "failed"] {
            assert!(stats[key][field].is_u64(), "stats.{key}.{field}");
        }
    }
    assert_eq!(
        stats["requests"],
        json!({"total": 6, "pending": 0, "failed": 2})
    );
    assert_eq!(stats["assertions"]["failed"], 1);
}

#[test]
fn executions_carry_cursor_item_request_response_assertions() {
    let r = report(Shape::default());
    let execs = r["run"]["executions"].as_array().unwrap();
    assert_eq!(execs.len(), 6);
    let first = &execs[0];
    assert_eq!(first["cursor"]["iteration"], 0);
    assert_eq!(first["cursor"]["position"], 0);
    assert_eq!(first["cursor"]["length"], 3);
    assert_eq!(first["cursor"]["cycles"], 2);
    assert_eq!(first["cursor"]["ref"], "ref-0-0");
    assert_eq!(first["cursor"]["bof"], true);
    assert_eq!(first["cursor"]["eof"], false);
    assert_eq!(
        first["item"],
        json!({"id": "id-get-user", "name": "Get user"})
    );
    assert_eq!(first["id"], "id-get-user");
    assert_eq!(first["request"]["method"], "GET");
    assert_eq!(
        first["request"]["url"]["host"],
        json!(["127", "0", "0", "1"])
    );
    assert_eq!(
        first["request"]["url"]["query"],
        json!([{"key": "q", "value": "v1"}])
    );
    assert_eq!(
        first["request"]["header"],
        json!([{"key": "Accept", "value": "*/*"}])
    );
    assert_eq!(first["response"]["code"], 200);
    assert_eq!(first["response"]["status"], "OK");
    assert_eq!(first["response"]["responseTime"], 42.0);
    assert_eq!(first["response"]["responseSize"], 19);
    assert!(
        first["response"].get("stream").is_none(),
        "no body by default"
    );
    assert_eq!(
        first["assertions"],
        json!([
            {"assertion": "status is 200", "skipped": false},
            {"assertion": "query echoed", "skipped": false},
            {"assertion": "skipped one", "skipped": true}
        ])
    );
    let failed = &execs[3]["assertions"][1]["error"];
    assert_eq!(failed["name"], "AssertionError");
    assert_eq!(failed["message"], "expected 'v2' to deeply equal 'v1'");
    assert_eq!(failed["test"], "query echoed");
    assert_eq!(failed["index"], 1);
    assert_eq!(
        execs[1]["request"]["body"],
        json!({"mode": "raw", "raw": "{\"a\":1}"})
    );
    assert_eq!(execs[1]["testScript"][0]["error"]["name"], "ReferenceError");
    assert_eq!(
        execs[2]["requestError"]["message"],
        "connect ECONNREFUSED 127.0.0.1:1"
    );
    assert!(execs[2].get("response").is_none());
}

#[test]
fn bodies_only_when_asked() {
    let r = report(Shape {
        bodies: true,
        single: true,
    });
    let stream = &r["run"]["executions"][0]["response"]["stream"];
    assert_eq!(stream["type"], "Buffer");
    let bytes: Vec<u8> = stream["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b.as_u64().unwrap() as u8)
        .collect();
    assert_eq!(bytes, br#"{"args":{"q":"v1"}}"#);
}

#[test]
fn failures_name_error_place_and_item() {
    let r = report(Shape::default());
    let failures = r["run"]["failures"].as_array().unwrap();
    assert_eq!(failures.len(), 5);
    let script = &failures[0];
    assert_eq!(script["at"], "test-script");
    assert_eq!(
        script["source"],
        json!({"id": "id-broken", "name": "Broken script"})
    );
    assert_eq!(script["parent"], json!({"name": "Admin"}));
    assert_eq!(script["error"]["name"], "ReferenceError");
    assert_eq!(script["error"]["message"], "undefinedFn is not defined");
    assert_eq!(script["cursor"]["iteration"], 0);
    assert_eq!(failures[1]["at"], "request");
    assert_eq!(failures[1]["source"]["name"], "Root ping");
    assert!(failures[1].get("parent").is_none());
    assert_eq!(failures[2]["at"], "assertion:1 in test-script");
    assert_eq!(failures[2]["error"]["test"], "query echoed");
    assert_eq!(failures[2]["cursor"]["iteration"], 1);
}

/// (iteration, item name, response code, [(assertion, outcome, message)]).
type Normalized<'a> = (Value, Value, Value, Vec<(Value, &'a str, Value)>);

/// vs-newman's `normalize()`, in Rust: what it compares must be readable from our report.
#[test]
fn vs_newman_normalize_reads_it() {
    let r = report(Shape::default());
    let run = &r["run"];
    let execs: Vec<Normalized> = run["executions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let asserts = e["assertions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| {
                    let err = &a["error"];
                    let outcome = if a["skipped"] == true {
                        "skipped"
                    } else if err.is_object() {
                        "fail"
                    } else {
                        "pass"
                    };
                    (a["assertion"].clone(), outcome, err["message"].clone())
                })
                .collect();
            (
                e["cursor"]["iteration"].clone(),
                e["item"]["name"].clone(),
                e["response"]["code"].clone(),
                asserts,
            )
        })
        .collect();
    assert_eq!(execs[3].0, 1);
    assert_eq!(execs[3].1, "Get user");
    assert_eq!(execs[3].2, 200);
    assert_eq!(
        execs[3].3[1],
        (
            json!("query echoed"),
            "fail",
            json!("expected 'v2' to deeply equal 'v1'")
        )
    );
    assert_eq!(execs[3].3[2].1, "skipped");
    assert_eq!(execs[2].2, Value::Null);
    let errors: Vec<_> = run["failures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| !f["at"].as_str().unwrap().starts_with("assertion:"))
        .map(|f| {
            (
                f["cursor"]["iteration"].clone(),
                f["source"]["name"].clone(),
                f["at"].clone(),
            )
        })
        .collect();
    assert_eq!(errors.len(), 4);
    assert_eq!(
        errors[0],
        (json!(0), json!("Broken script"), json!("test-script"))
    );
    for key in [
        "iterations",
        "requests",
        "assertions",
        "testScripts",
        "prerequestScripts",
    ] {
        assert!(run["stats"][key]["total"].is_u64() && run["stats"][key]["failed"].is_u64());
    }
}

/// Runs the real `normalize()` from ../shared/tools/vs-newman on our report.
#[test]
#[allow(clippy::print_stderr)]
fn vs_newman_itself_reads_it() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Some(tool) = [
        manifest.join("../shared/tools/vs-newman"),
        manifest.join("../../shared/tools/vs-newman"),
    ]
    .into_iter()
    .find(|p| p.is_file()) else {
        eprintln!("note: ../shared/tools/vs-newman is absent; skipping");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = write_report(dir.path(), Shape::default(), None);
    let script = "import sys, json\n\
        from importlib.machinery import SourceFileLoader\n\
        m = SourceFileLoader('vsn', sys.argv[1]).load_module()\n\
        execs, errors, stats = m.normalize(sys.argv[2])\n\
        print(json.dumps({'execs': execs, 'errors': errors, 'stats': stats}))\n";
    let out = match std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&tool)
        .arg(&path)
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            eprintln!("note: python3 not runnable ({e}); skipping");
            return;
        }
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(seen["execs"].as_array().unwrap().len(), 6);
    assert_eq!(seen["execs"][3]["item"], "Get user");
    assert_eq!(seen["execs"][3]["code"], 200);
    assert_eq!(
        seen["execs"][3]["assertions"][1],
        json!(["query echoed", "fail", "expected 'v2' to deeply equal 'v1'"])
    );
    assert_eq!(
        seen["errors"][0],
        json!([
            0,
            "Broken script",
            "test-script",
            "ReferenceError",
            "undefinedFn is not defined"
        ])
    );
    assert_eq!(seen["stats"]["requests"], json!([6, 2]));
    assert_eq!(seen["stats"].as_object().unwrap().len(), 5);
}

#[test]
fn an_interrupted_run_still_writes_valid_json() {
    let dir = tempfile::tempdir().unwrap();
    let (_, r) = write_report(dir.path(), Shape::default(), Some(12));
    let execs = r["run"]["executions"].as_array().unwrap();
    assert_eq!(execs.len(), 1, "only the first item finished");
    assert_eq!(r["run"]["error"]["message"], "run interrupted");
    // finish before any event at all
    let path = dir.path().join("empty.json");
    let mut reporter = JsonReporter::new(path.clone(), &options(false));
    reporter.finish(&fixture(Shape::default()).summary).unwrap();
    let r: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(r["run"]["executions"], json!([]));
}

#[test]
fn an_unwritable_path_is_a_report_error() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    let mut reporter = JsonReporter::new(blocker.join("report.json"), &options(false));
    let err = reporter
        .finish(&fixture(Shape::default()).summary)
        .unwrap_err();
    assert_eq!(err.reporter, "json");
    assert!(
        err.to_string()
            .starts_with("could not write the json report to "),
        "{err}"
    );
}
