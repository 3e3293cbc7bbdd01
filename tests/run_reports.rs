//! Every reporter's output from a real run (two iterations from CSV; passing, failing and
//! skipped assertions; a script error; a refused connection; a 500): the JUnit XML parsed back,
//! the JSON report's Newman fields, default report paths, the cli layout, emojitrain and
//! progress. Secrets masking lives in `run_secrets.rs`.

mod support;

use regex::Regex;
use serde_json::Value;
use support::run::{closed_port, executions, fixture, junit, Ran, Work};

/// Runs the reports fixture with `args` (plus the data file and server variables).
fn run_fixture(work: &Work, args: &[&str]) -> Ran {
    let server = support::echo_server();
    let base = format!("base={}", server.url());
    let down = format!("down=http://127.0.0.1:{}", closed_port());
    let collection = fixture("reports.postman_collection.json");
    let data = fixture("q.csv");
    let mut all = vec![
        "run",
        collection.to_str().unwrap(),
        "-d",
        data.to_str().unwrap(),
        "--env-var",
        &base,
        "--env-var",
        &down,
    ];
    all.extend_from_slice(args);
    work.run(&all)
}

#[test]
fn junit_has_one_suite_per_execution_and_parses_back() {
    let work = Work::new();
    run_fixture(
        &work,
        &["-r", "junit", "--reporter-junit-export", "out/r.xml"],
    )
    .expect_code(1);
    let xml = work.read("out/r.xml");
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
    let doc = junit::parse(&xml);
    assert_eq!(doc.attr("name"), "Reports");
    assert_eq!(
        (
            doc.attr("tests"),
            doc.attr("failures"),
            doc.attr("errors"),
            doc.attr("skipped")
        ),
        ("12", "1", "4", "2")
    );
    assert_eq!(
        doc.names(),
        vec![
            "Users / Get user [iteration 1]",
            "Users / Broken [iteration 1]",
            "Down [iteration 1]",
            "No tests [iteration 1]",
            "Users / Get user [iteration 2]",
            "Users / Broken [iteration 2]",
            "Down [iteration 2]",
            "No tests [iteration 2]",
        ]
    );
    let get1 = &doc.suites[0];
    assert_eq!(get1.attr("id"), "aaaaaaaa-0000-0000-0000-000000000001");
    assert_eq!((get1.attr("tests"), get1.attr("failures")), ("3", "0"));
    let cases: Vec<_> = get1
        .cases
        .iter()
        .map(|c| (c.attr("name"), c.attr("classname")))
        .collect();
    assert_eq!(
        cases,
        vec![
            ("status is 200", "Users.Get user"),
            ("query echoed", "Users.Get user"),
            ("skipped one", "Users.Get user")
        ]
    );
    assert!(get1.cases[0].outcome.is_none());
    assert_eq!(get1.cases[2].outcome.as_ref().unwrap().0, "skipped");
    // Every testcase carries the request's response time, as the suite does.
    assert_eq!(get1.cases[0].attr("time"), get1.attr("time"));
    assert!(Regex::new(r"^\d+\.\d{3}$")
        .unwrap()
        .is_match(get1.attr("time")));

    let get2 = &doc.suites[4];
    assert_eq!((get2.attr("failures"), get2.attr("errors")), ("1", "0"));
    let (kind, message, text) = get2.cases[1].outcome.clone().unwrap();
    assert_eq!(
        (kind.as_str(), message.as_str()),
        ("failure", "expected 'v2' to deeply equal 'v1'")
    );
    assert!(text.contains("Test: query echoed"), "{text}");

    let broken = &doc.suites[1];
    assert_eq!(broken.attr("errors"), "1");
    assert_eq!(broken.cases[1].attr("name"), "test-script");
    let (kind, message, _) = broken.cases[1].outcome.clone().unwrap();
    assert_eq!(
        (kind.as_str(), message.as_str()),
        ("error", "undefinedFn is not defined")
    );

    let down = &doc.suites[2];
    assert_eq!(down.cases.len(), 1);
    assert_eq!(down.cases[0].attr("name"), "request");
    assert_eq!(down.cases[0].attr("classname"), "Down");
    let (kind, message, _) = down.cases[0].outcome.clone().unwrap();
    assert_eq!(kind, "error");
    assert!(
        message.starts_with("connect ECONNREFUSED 127.0.0.1:"),
        "{message}"
    );

    let no_tests = &doc.suites[3];
    assert_eq!((no_tests.attr("tests"), no_tests.cases.len()), ("0", 0));
}

#[test]
fn json_report_has_the_fields_newman_writes() {
    let work = Work::new();
    run_fixture(&work, &["-r", "json", "--reporter-json-export", "r.json"]).expect_code(1);
    let report: Value = work.read_json("r.json");
    assert_eq!(report["collection"]["info"]["name"], "Reports");
    assert_eq!(
        report["collection"]["info"]["_postman_id"],
        "11111111-2222-3333-4444-555555555555"
    );
    let run = &report["run"];
    let stat = |k: &str| {
        (
            run["stats"][k]["total"].as_u64().unwrap(),
            run["stats"][k]["failed"].as_u64().unwrap(),
        )
    };
    assert_eq!(stat("iterations"), (2, 0));
    assert_eq!(stat("items"), (8, 0));
    assert_eq!(stat("requests"), (8, 2));
    assert_eq!(stat("assertions"), (8, 1));
    assert_eq!(stat("testScripts"), (4, 2));
    assert_eq!(stat("prerequestScripts"), (0, 0));
    let timings = &run["timings"];
    assert!(timings["started"].as_i64().unwrap() <= timings["completed"].as_i64().unwrap());
    assert!(timings["responseMin"].as_f64().unwrap() <= timings["responseMax"].as_f64().unwrap());

    let execs = executions(&report);
    assert_eq!(execs.len(), 8);
    let refs: std::collections::HashSet<&str> = execs
        .iter()
        .map(|e| e["cursor"]["ref"].as_str().unwrap())
        .collect();
    assert_eq!(refs.len(), 8, "a fresh cursor.ref per execution");
    let shape: Vec<(u64, u64, &str)> = execs
        .iter()
        .map(|e| {
            (
                e["cursor"]["iteration"].as_u64().unwrap(),
                e["cursor"]["position"].as_u64().unwrap(),
                e["item"]["name"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        &shape[..4],
        &[
            (0, 0, "Get user"),
            (0, 1, "Broken"),
            (0, 2, "Down"),
            (0, 3, "No tests")
        ]
    );
    assert_eq!(shape[4], (1, 0, "Get user"));

    let get2 = &execs[4];
    assert_eq!(get2["item"]["id"], "aaaaaaaa-0000-0000-0000-000000000001");
    assert_eq!(get2["request"]["method"], "GET");
    assert!(get2["request"]["url"]["raw"]
        .as_str()
        .unwrap()
        .ends_with("/get?q=v2"));
    assert_eq!(get2["response"]["code"], 200);
    assert_eq!(get2["response"]["status"], "OK");
    assert!(get2["response"]["responseTime"].as_f64().unwrap() > 0.0);
    let size = get2["response"]["responseSize"].as_u64().unwrap();
    let length =
        support::run::report_header(&get2["response"]["header"], "content-length").unwrap();
    assert_eq!(size.to_string(), length);
    assert!(
        get2["response"].get("stream").is_none(),
        "no bodies unless asked"
    );
    let asserts: Vec<(&str, bool, Option<&str>)> = get2["assertions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["assertion"].as_str().unwrap(),
                a["skipped"].as_bool().unwrap(),
                a["error"]["message"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        asserts,
        vec![
            ("status is 200", false, None),
            (
                "query echoed",
                false,
                Some("expected 'v2' to deeply equal 'v1'")
            ),
            ("skipped one", true, None)
        ]
    );
    assert_eq!(get2["assertions"][1]["error"]["name"], "AssertionError");
    assert_eq!(execs[3]["request"]["method"], "POST");
    assert_eq!(execs[3]["response"]["code"], 500);
    assert_eq!(execs[3]["response"]["status"], "Internal Server Error");

    let failures = run["failures"].as_array().unwrap();
    let list: Vec<(&str, &str, &str, u64)> = failures
        .iter()
        .map(|f| {
            (
                f["error"]["name"].as_str().unwrap(),
                f["at"].as_str().unwrap(),
                f["source"]["name"].as_str().unwrap(),
                f["cursor"]["iteration"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        list,
        vec![
            ("ReferenceError", "test-script", "Broken", 0),
            ("Error", "request", "Down", 0),
            (
                "AssertionError",
                "assertion:1 in test-script",
                "Get user",
                1
            ),
            ("ReferenceError", "test-script", "Broken", 1),
            ("Error", "request", "Down", 1),
        ]
    );
    assert_eq!(
        failures[0]["source"]["id"],
        "aaaaaaaa-0000-0000-0000-000000000002"
    );
    assert_eq!(failures[2]["error"]["test"], "query echoed");
    assert!(run["error"].is_null());
}

#[test]
fn json_bodies_only_with_the_flag() {
    let work = Work::new();
    run_fixture(
        &work,
        &[
            "-r",
            "json",
            "--reporter-json-export",
            "r.json",
            "--reporter-json-bodies",
            "--folder",
            "Get user",
            "-n",
            "1",
        ],
    )
    .expect_code(0);
    let report = work.read_json("r.json");
    let data: Vec<u8> = executions(&report)[0]["response"]["stream"]["data"]
        .as_array()
        .expect("stream.data")
        .iter()
        .map(|b| b.as_u64().unwrap() as u8)
        .collect();
    let body: Value = serde_json::from_slice(&data).unwrap();
    assert_eq!(body["args"]["q"], "v1");
}

#[test]
fn reports_go_to_newmans_default_paths() {
    let work = Work::new();
    std::fs::create_dir(work.join("dir")).unwrap();
    run_fixture(&work, &["-r", "json,junit", "-n", "1"]).expect_code(1);
    run_fixture(
        &work,
        &["-r", "json", "-n", "1", "--reporter-json-export", "dir"],
    )
    .expect_code(1);
    let name =
        Regex::new(r"^newman-run-report-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-\d{3}-0\.(json|xml)$")
            .unwrap();
    let mut files: Vec<String> = std::fs::read_dir(work.join("newman"))
        .expect("newman/ created in the cwd")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files.iter().all(|f| name.is_match(f)), "{files:?}");
    assert!(files[0].ends_with(".json") && files[1].ends_with(".xml"));
    assert_eq!(
        files[0].trim_end_matches(".json"),
        files[1].trim_end_matches(".xml")
    );
    junit::parse(&work.read(&format!("newman/{}", files[1])));
    let in_dir: Vec<String> = std::fs::read_dir(work.join("dir"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(in_dir.len(), 1);
    assert!(name.is_match(&in_dir[0]), "{in_dir:?}");
}

#[test]
fn cli_prints_newmans_layout() {
    let work = Work::new();
    let ran = run_fixture(&work, &["--color", "off"]);
    ran.expect_code(1);
    let out = &ran.stdout;
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("postie"));
    assert_eq!(lines.next(), Some(""));
    assert_eq!(lines.next(), Some("Reports"));
    for expected in [
        "\nIteration 1/2\n\n❏ Users\n↳ Get user\n  GET http://127.0.0.1:",
        "\n  ✓  status is 200\n  ✓  query echoed\n  -  [skipped] skipped one\n",
        "\n  ✓  before error\n  1⠄ ReferenceError in test-script\n",
        "\n→ Down\n  GET http://127.0.0.1:",
        "/nothing [errored]\n     connect ECONNREFUSED 127.0.0.1:",
        "\n→ No tests\n  POST http://127.0.0.1:",
        "/status/500 [500 Internal Server Error, ",
        "\n  ✓  status is 200\n  3. query echoed\n",
        "│              iterations │",
        "\n  #  failure         detail\n",
        "\n 3.  AssertionError  query echoed\n     iteration: 2    expected 'v2' to deeply equal 'v1'\n                     at assertion:1 in test-script\n                     inside \"Users / Get user\"\n",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
    let row = |label: &str| {
        let line = out
            .lines()
            .find(|l| l.contains(&format!(" {label} │")))
            .unwrap();
        line.split('│')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(row("requests"), vec!["requests", "8", "2"]);
    assert_eq!(row("test-scripts"), vec!["test-scripts", "4", "2"]);
    assert_eq!(row("assertions"), vec!["assertions", "8", "1"]);
    assert!(!out.contains('\x1b'), "no colour with --color off");
}

#[test]
fn cli_switches_silent_plain_and_no_summary() {
    let work = Work::new();
    let silent = run_fixture(&work, &["--silent"]);
    silent.expect_code(1);
    assert_eq!(silent.stdout, "");
    let plain = run_fixture(
        &work,
        &["--disable-unicode", "-n", "1", "--reporter-cli-no-summary"],
    );
    assert!(
        plain
            .stdout
            .contains("\nFolder Users\nSub-folder Get user\n"),
        "{}",
        plain.stdout
    );
    assert!(
        plain.stdout.contains("  Pass  status is 200\n"),
        "{}",
        plain.stdout
    );
    assert!(!plain.stdout.contains("iterations"), "{}", plain.stdout);
    assert!(plain.stdout.contains("\n  #  failure"), "{}", plain.stdout);
    let json_only = run_fixture(&work, &["-r", "json", "--reporter-json-export", "j.json"]);
    assert_eq!(json_only.stdout, "", "-r without cli prints no cli report");
}

#[test]
fn emojitrain_and_progress() {
    let work = Work::new();
    let ran = run_fixture(&work, &["-r", "emojitrain"]);
    ran.expect_code(1);
    // Per execution: ok, script error, request error, ok; then the second iteration's failure.
    assert_eq!(ran.stdout, "😀 😢 😢 😀 😢 😢 😢 😀  😭\n");
    let ran = run_fixture(&work, &["-r", "progress"]);
    ran.expect_code(1);
    assert_eq!(ran.stdout, "", "progress draws only on a terminal");
}

#[test]
fn cli_shows_urls_without_the_implied_protocol_as_newman_does() {
    // Newman prints the request URL as written (`127.0.0.1:PORT/get`), before `http://` is
    // filled in for sending; a URL with its protocol keeps it.
    let server = support::echo_server();
    let host = server.addr.to_string();
    let c = support::run::collection(
        "no protocol",
        serde_json::json!([
            support::run::request("bare", "GET", "{{host}}/get?a=1", serde_json::json!({})),
            support::run::request(
                "unresolved",
                "GET",
                "{{nothere}}/get",
                serde_json::json!({})
            ),
            support::run::request("full", "GET", "http://{{host}}/get", serde_json::json!({})),
        ]),
    );
    let work = Work::new();
    let ran = work.run_collection(
        &c,
        &["--env-var", &format!("host={host}"), "--color", "off"],
    );
    ran.expect_code(1);
    let out = &ran.stdout;
    for expected in [
        format!("\n  GET {host}/get?a=1 [200 OK, "),
        "\n  GET {{nothere}}/get [errored]\n".to_string(),
        format!("\n  GET http://{host}/get [200 OK, "),
    ] {
        assert!(out.contains(&expected), "missing {expected:?} in\n{out}");
    }
    // The server saw the bare URL as an http request.
    assert_eq!(server.log.len(), 2);
}
