//! Run flags: rc files (`./.newmanrc`, `~/.postman/newmanrc`, keyed by `run` or not; the
//! command line wins; a repeated single-value flag takes its last value), `-v/--version`,
//! `--no-insecure-file-read`, `--delay-request`, `--bail` and its modifiers, `-x`, `--timeout`
//! (reports still written, exit 1) and `--timeout-request`. Bail and file-read behaviour
//! compared with Newman 6.2.

mod support;

use serde_json::{json, Value};
use support::run::{collection, request, test_script, Work};

fn get(name: &str, query: &str) -> Value {
    request(name, "GET", &format!("{{{{base}}}}/get?{query}"), json!({}))
}

fn targets(log: &postie::mock::RequestLog) -> Vec<String> {
    log.entries().into_iter().map(|r| r.target).collect()
}

#[test]
fn newmanrc_options_apply_and_the_command_line_wins() {
    let server = support::echo_server();
    let work = Work::new();
    work.json(
        ".newmanrc",
        &json!({"run": {
            "envVar": [{"key": "base", "value": server.url()}, {"key": "x", "value": "rc"}],
            "iterationCount": 2,
            "reporters": ["json"],
            "reporter": {"json": {"export": "rc-report.json"}}
        }}),
    );
    work.json(
        ".postman/newmanrc",
        &json!({"run": {"envVar": [{"key": "x", "value": "home"}, {"key": "y", "value": "home"}]}}),
    );
    let c = collection("Rc", json!([get("r", "x={{x}}&y={{y}}")]));
    let ran = work.run_collection(&c, &[]);
    ran.expect_code(0);
    assert_eq!(ran.stdout, "", "rc reporters: json only");
    assert_eq!(targets(&server.log), vec!["/get?x=rc&y=home"; 2]);
    assert_eq!(
        work.read_json("rc-report.json")["run"]["stats"]["iterations"]["total"],
        2
    );

    server.log.clear();
    work.run_collection(
        &c,
        &[
            "-n",
            "1",
            "--env-var",
            "x=cli",
            "--reporter-json-export",
            "cli-report.json",
        ],
    )
    .expect_code(0);
    assert_eq!(targets(&server.log), vec!["/get?x=cli&y=home"]);
    assert!(work.join("cli-report.json").exists());
}

#[test]
fn an_rc_file_without_run_and_a_broken_one() {
    let server = support::echo_server();
    let work = Work::new();
    work.json(
        ".newmanrc",
        &json!({"iterationCount": 3, "envVar": [{"key": "base", "value": server.url()}]}),
    );
    work.run_collection(&collection("Rc", json!([get("r", "a")])), &[])
        .expect_code(0);
    assert_eq!(server.log.len(), 3);
    work.file(".newmanrc", "{\"run\": {");
    let ran = work.run_collection(&collection("Rc", json!([get("r", "a")])), &[]);
    ran.expect_code(1);
    assert!(
        ran.stderr.starts_with(&format!(
            "error: could not read options from {}: invalid JSON at 1:",
            work.join(".newmanrc").display()
        )),
        "{}",
        ran.stderr
    );
}

#[test]
fn a_repeated_single_value_flag_takes_its_last_value() {
    let server = support::echo_server();
    let work = Work::new();
    let first = work.json(
        "a.json",
        &json!({"name": "A", "values": [{"key": "v", "value": "a"}]}),
    );
    let second = work.json(
        "b.json",
        &json!({"name": "B", "values": [{"key": "v", "value": "b"}]}),
    );
    let base = format!("base={}", server.url());
    let ran = work.run_collection(
        &collection("Last", json!([get("r", "v={{v}}")])),
        &[
            "--env-var",
            &base,
            "-n",
            "3",
            "-n",
            "2",
            "-e",
            &first,
            "-e",
            &second,
            "--color",
            "on",
            "--color",
            "off",
        ],
    );
    ran.expect_code(0);
    assert_eq!(targets(&server.log), vec!["/get?v=b"; 2]);
    assert!(!ran.stdout.contains('\x1b'));
}

#[test]
fn version() {
    let work = Work::new();
    let expected = format!("postie {}\n", env!("CARGO_PKG_VERSION"));
    for flag in ["-v", "--version"] {
        let ran = work.run(&[flag]);
        ran.expect_code(0);
        assert_eq!(ran.stdout, expected);
    }
}

#[test]
fn no_insecure_file_read_refuses_files_outside_the_working_dir() {
    let server = support::echo_server();
    let work = Work::new();
    work.file("wd/in.txt", "inside");
    work.file("out.txt", "outside");
    let form = json!({"mode": "formdata", "formdata": [
        {"key": "in", "type": "file", "src": "in.txt"},
        {"key": "out", "type": "file", "src": "../out.txt"}
    ]});
    let items = json!([
        request("form", "POST", "{{base}}/post", json!({"body": form})),
        request(
            "file",
            "POST",
            "{{base}}/post",
            json!({"body": {"mode": "file", "file": {"src": "../out.txt"}}})
        ),
    ]);
    let base = format!("base={}", server.url());
    let wd = work.join("wd");
    let c = collection("Files", items);
    let ran = work.run_collection(
        &c,
        &[
            "--env-var",
            &base,
            "--working-dir",
            wd.to_str().unwrap(),
            "--no-insecure-file-read",
        ],
    );
    ran.expect_code(0);
    let got = server.log.entries();
    let form_body = got[0].body_text();
    assert!(form_body.contains("\r\n\r\ninside\r\n"), "{form_body}");
    assert!(!form_body.contains("outside"), "{form_body}");
    assert!(got[1].body.is_empty());
    assert!(
        ran.stdout.contains("  │ 'Form param `out`, file load error: PPERM: insecure fi\n  │ le access outside working directory'\n"),
        "{}",
        ran.stdout
    );
    assert!(
        ran.stdout
            .contains("  │ 'Binary file load error: PPERM: insecure file access o\n"),
        "{}",
        ran.stdout
    );
    // Without the flag, Newman's default: files outside are read.
    server.log.clear();
    work.run_collection(
        &c,
        &["--env-var", &base, "--working-dir", wd.to_str().unwrap()],
    )
    .expect_code(0);
    assert_eq!(server.log.entries()[1].body_text(), "outside");
}

#[test]
fn delay_request_waits_before_every_request() {
    let server = support::echo_server();
    let work = Work::new();
    let base = format!("base={}", server.url());
    let started = std::time::Instant::now();
    work.run_collection(
        &collection("Delay", json!([get("a", "1"), get("b", "2")])),
        &["--env-var", &base, "-n", "2", "--delay-request", "60"],
    )
    .expect_code(0);
    // Four requests, each preceded by 60 ms: a lower bound only.
    assert!(started.elapsed() >= std::time::Duration::from_millis(240));
    assert_eq!(server.log.len(), 4);
}

fn bail_collection() -> Value {
    let mut fails = get("fails", "2");
    fails["event"] = test_script(&[
        "pm.test('a', function () { pm.expect(1).to.eql(2); });",
        "pm.test('b', function () {});",
    ]);
    let mut throws = get("throws", "3");
    throws["event"] = test_script(&["throw new Error('boom');"]);
    collection(
        "Bail",
        json!([get("one", "1"), fails, throws, get("last", "4")]),
    )
}

/// Runs the bail collection twice over with `args`; returns (targets, JSON report, run).
fn bail(args: &[&str]) -> (Vec<String>, Value, support::run::Ran) {
    let server = support::echo_server();
    let work = Work::new();
    let base = format!("base={}", server.url());
    let mut all = vec!["--env-var", base.as_str(), "-n", "2"];
    all.extend_from_slice(args);
    let (ran, report) = work.run_json(&bail_collection(), &all);
    (targets(&server.log), report, ran)
}

#[test]
fn bail_stops_after_the_first_failing_item() {
    for flag in [vec!["--bail"], vec!["--bail", "failure"]] {
        let (got, report, ran) = bail(&flag);
        ran.expect_code(1);
        assert_eq!(got, vec!["/get?1", "/get?2"], "{flag:?}");
        // As Newman's runtime does: the failed assertion also fails its script.
        let failures: Vec<(&str, &str, &str)> = report["run"]["failures"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["error"]["name"].as_str().unwrap(),
                    f["error"]["message"].as_str().unwrap(),
                    f["at"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            failures,
            vec![
                (
                    "AssertionError",
                    "expected 1 to deeply equal 2",
                    "assertion:0 in test-script"
                ),
                ("AssertionFailure", "a", "test-script"),
            ]
        );
        assert_eq!(report["run"]["stats"]["testScripts"]["failed"], 1);
    }
}

#[test]
fn bail_folder_aborts_on_a_script_error() {
    let (got, report, ran) = bail(&["--bail", "folder"]);
    ran.expect_code(1);
    assert_eq!(got, vec!["/get?1", "/get?2", "/get?3"]);
    assert!(ran.stderr.ends_with("error: boom\n"), "{}", ran.stderr);
    assert_eq!(report["run"]["error"]["message"], "boom");
    let (got, _, ran) = bail(&["--bail", "folder,failure"]);
    assert_eq!(got, vec!["/get?1", "/get?2"]);
    assert!(ran.stderr.ends_with("error: a\n"), "{}", ran.stderr);
}

#[test]
fn bail_stops_at_a_request_error_too() {
    let server = support::echo_server();
    let work = Work::new();
    let items = json!([
        request("down", "GET", "http://127.0.0.1:{{closed}}/", json!({})),
        get("never", "1")
    ]);
    let base = format!("base={}", server.url());
    let closed = format!("closed={}", support::run::closed_port());
    work.run_collection(
        &collection("Down", items),
        &["--env-var", &base, "--env-var", &closed, "--bail"],
    )
    .expect_code(1);
    assert!(server.log.is_empty());
}

#[test]
fn suppress_exit_code_makes_every_failure_exit_zero() {
    let (_, _, ran) = bail(&["-x"]);
    ran.expect_code(0);
    assert!(ran.stdout.is_empty());
    let work = Work::new();
    let ran = work.run(&["run", "missing.json", "-x"]);
    ran.expect_code(0);
    assert!(ran
        .stderr
        .starts_with("error: collection could not be loaded\n"));
}

#[test]
fn timeout_stops_the_run_and_still_writes_the_reports() {
    let server = support::echo_server();
    let work = Work::new();
    let items = json!([
        get("fast", "1"),
        request("slow", "GET", "{{base}}/delay/3", json!({})),
        get("never", "2")
    ]);
    let base = format!("base={}", server.url());
    let ran = work.run_collection(
        &collection("Timeout", items),
        &[
            "--env-var",
            &base,
            "--timeout",
            "300",
            "-r",
            "cli,json,junit",
            "--reporter-json-export",
            "t.json",
            "--reporter-junit-export",
            "t.xml",
        ],
    );
    ran.expect_code(1);
    assert_eq!(
        ran.stderr,
        "error: callback timed out\n  the run did not finish within --timeout 300 ms; the reports show what ran\n"
    );
    assert_eq!(targets(&server.log), vec!["/get?1", "/delay/3"]);
    let report = work.read_json("t.json");
    assert_eq!(report["run"]["error"]["message"], "callback timed out");
    let names: Vec<&str> = support::run::executions(&report)
        .iter()
        .map(|e| e["item"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["fast"]);
    let xml = support::run::junit::parse(&work.read("t.xml"));
    assert_eq!(xml.names(), vec!["fast"]);
    assert!(
        ran.stdout.contains("│              iterations │"),
        "the cli summary is printed"
    );
}

#[test]
fn timeout_request_fails_that_request_and_goes_on() {
    let server = support::echo_server();
    let work = Work::new();
    let items = json!([
        request("slow", "GET", "{{base}}/delay/2", json!({})),
        get("after", "1")
    ]);
    let base = format!("base={}", server.url());
    let (ran, report) = work.run_json(
        &collection("Request timeout", items),
        &["--env-var", &base, "--timeout-request", "200"],
    );
    ran.expect_code(1);
    let failures = report["run"]["failures"].as_array().unwrap();
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0]["error"]["message"], "ESOCKETTIMEDOUT");
    assert_eq!(failures[0]["source"]["name"], "slow");
    assert_eq!(
        support::run::executions(&report)[1]["response"]["code"],
        200
    );
}
