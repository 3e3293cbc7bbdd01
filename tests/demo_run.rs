//! `postie demo` from a fresh folder: exits 0, prints the cli report, and writes
//! `postie-demo/junit.xml` and `postie-demo/report.json` for the five workflows (60 requests).

use std::process::Command;

use serde_json::Value;

#[test]
fn demo_runs_the_library_offline_and_writes_both_reports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_postie"))
        .arg("demo")
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("HTTPS_PROXY", "http://127.0.0.1:9")
        .env("HTTP_PROXY", "http://127.0.0.1:9")
        .env("NO_PROXY", "127.0.0.1")
        .output()
        .expect("run postie demo");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "exit {:?}\n{stdout}\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    for method in [
        "CLIENT_SECRET_BASIC",
        "CLIENT_SECRET_POST",
        "CLIENT_SECRET_JWT",
        "PRIVATE_KEY_JWT",
        "NONE",
    ] {
        assert!(
            stdout.contains(&format!("PingOne Workflow Library: {method}")),
            "{method} in the cli report"
        );
    }

    let report =
        std::fs::read_to_string(dir.path().join("postie-demo/report.json")).expect("report.json");
    let report: Value = serde_json::from_str(&report).expect("JSON");
    let stats = &report["run"]["stats"];
    assert_eq!(stats["requests"]["total"], 60, "{stats}");
    assert_eq!(stats["requests"]["failed"], 0, "{stats}");
    assert_eq!(stats["assertions"]["total"], 121, "{stats}");
    assert_eq!(stats["assertions"]["failed"], 0, "{stats}");
    assert_eq!(report["run"]["failures"].as_array().map(Vec::len), Some(0));

    let junit =
        std::fs::read_to_string(dir.path().join("postie-demo/junit.xml")).expect("junit.xml");
    let doc = roxmltree::Document::parse(&junit).expect("XML");
    let suites: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites.len(), 60, "one testsuite per request");
    let cases = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .count();
    assert_eq!(cases, 121);
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("failure"))
            .count(),
        0
    );
    for file in [
        "pingone-workflow-library.postman_collection.json",
        "pingone-template.postman_environment.json",
    ] {
        assert!(
            dir.path().join("postie-demo").join(file).is_file(),
            "{file}"
        );
    }
}
