//! Ctrl-C: SIGINT while a slow request is in flight stops the run cleanly; the process exits
//! with 1 and the JSON and JUnit reports exist, are valid, and hold what ran.
#![cfg(unix)]

mod support;

use serde_json::json;
use std::process::Stdio;
use std::time::{Duration, Instant};
use support::run::{collection, executions, junit, request, Work};

#[test]
fn sigint_during_a_request_still_writes_every_report() {
    let server = support::echo_server();
    let work = Work::new();
    let items = json!([
        request("fast", "GET", "{{base}}/get", json!({})),
        request("slow", "GET", "{{base}}/delay/3", json!({})),
        request("never", "GET", "{{base}}/get?never", json!({})),
    ]);
    let path = work.json("c.json", &collection("Interrupted", items));
    let base = format!("base={}", server.url());
    let child = work
        .command()
        .args([
            "run",
            &path,
            "--env-var",
            &base,
            "-r",
            "cli,json,junit",
            "--reporter-json-export",
            "r.json",
            "--reporter-junit-export",
            "r.xml",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn postie");

    // Wait until the slow request has reached the server.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !server.log.entries().iter().any(|r| r.target == "/delay/3") {
        assert!(Instant::now() < deadline, "the slow request never arrived");
        std::thread::sleep(Duration::from_millis(10));
    }
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let out = child.wait_with_output().expect("wait");

    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr, "error: interrupted\n  the reports show what ran\n");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("→ fast\n"), "{stdout}");
    assert!(
        stdout.contains("│              iterations │"),
        "the summary is printed: {stdout}"
    );
    let targets: Vec<_> = server.log.entries().into_iter().map(|r| r.target).collect();
    assert_eq!(
        targets,
        vec!["/get", "/delay/3"],
        "nothing runs after Ctrl-C"
    );

    let report = work.read_json("r.json");
    let names: Vec<&str> = executions(&report)
        .iter()
        .map(|e| e["item"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["fast"]);
    assert_eq!(report["run"]["stats"]["requests"]["total"], 1);
    assert_eq!(report["run"]["error"]["message"], "run interrupted");
    let xml = junit::parse(&work.read("r.xml"));
    assert_eq!(xml.names(), vec!["fast"]);
}
