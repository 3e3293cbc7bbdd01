//! Bad input: each gets one clear message on stderr (`error: …`, details, a hint where one
//! helps), exit code 1, and nothing on stdout; bad requests fail only themselves. No input
//! makes the binary panic.

mod support;

use serde_json::json;
use support::run::{closed_port, collection, request, Ran, Work};

/// A collection that would run fine if it got that far.
fn fine(work: &Work) -> String {
    work.json(
        "fine.json",
        &collection(
            "Fine",
            json!([request(
                "r",
                "GET",
                &format!("http://127.0.0.1:{}/", closed_port()),
                json!({})
            )]),
        ),
    )
}

#[track_caller]
fn fatal(ran: &Ran, expected: &str) {
    ran.expect_code(1);
    assert_eq!(ran.stderr, expected);
    assert_eq!(ran.stdout, "", "nothing runs, nothing is reported");
}

#[test]
fn a_missing_collection_file() {
    let work = Work::new();
    fatal(
        &work.run(&["run", "missing.json"]),
        "error: collection could not be loaded\n  unable to read data from file \"missing.json\"\n  \
         No such file or directory (os error 2)\n\
         hint: check the path; relative paths start from the current directory\n",
    );
}

#[test]
fn invalid_json_shows_file_line_column_and_the_parser_message() {
    let work = Work::new();
    work.file("bad.json", "{\n  \"info\": {\"name\": \"x\",}\n}");
    fatal(
        &work.run(&["run", "bad.json"]),
        "error: collection could not be loaded\n  the file at \"bad.json\" does not contain valid JSON data\n  \
         --> bad.json:2:24\n    |\n  2 |   \"info\": {\"name\": \"x\",}\n    |                        ^\n  \
         trailing comma\n\
         hint: JSON does not allow a comma after the last element of a list or object\n",
    );
}

#[test]
fn a_collection_that_is_not_a_collection_names_the_json_path() {
    let work = Work::new();
    let mut items: Vec<_> = (0..3)
        .map(|i| request(&format!("r{i}"), "GET", "http://127.0.0.1:9/", json!({})))
        .collect();
    items.push(json!({"name": "r3", "request": {"url": 42}}));
    work.json("c.json", &collection("Shape", json!(items)));
    fatal(
        &work.run(&["run", "c.json"]),
        "error: collection could not be loaded\n  the file at \"c.json\" is not a valid Postman collection\n  \
         --> c.json (item[3].request.url)\n  expected a string or an object, found a number\n",
    );
    work.json("plain.json", &json!({"hello": 1}));
    let ran = work.run(&["run", "plain.json"]);
    ran.expect_code(1);
    assert!(
        ran.stderr.contains("--> plain.json (top level)\n"),
        "{}",
        ran.stderr
    );
    assert!(
        ran.stderr
            .contains("hint: export the collection from Postman"),
        "{}",
        ran.stderr
    );
}

#[test]
fn an_environment_given_as_the_collection_gets_a_hint() {
    let work = Work::new();
    work.json(
        "env.json",
        &json!({"name": "E", "values": [{"key": "a", "value": "1"}]}),
    );
    let ran = work.run(&["run", "env.json"]);
    ran.expect_code(1);
    assert!(
        ran.stderr
            .ends_with("hint: this looks like an environment file; pass it with -e\n"),
        "{}",
        ran.stderr
    );
}

#[test]
fn bad_csv_names_the_line() {
    let work = Work::new();
    let c = fine(&work);
    work.file("bad.csv", "a,b\n1,2\n3,\"4\"x\n");
    fatal(
        &work.run(&["run", &c, "-d", "bad.csv"]),
        "error: iteration data could not be loaded\n  the file at \"bad.csv\" does not contain valid CSV data\n  \
         --> bad.csv:3:6\n    |\n  3 | 3,\"4\"x\n    |      ^\n  \
         expected ',' or a line break after the closing quote, found 'x'\n\
         hint: a field that starts with \" must end with \"; write a quote inside it as \"\"\n",
    );
    work.file("open.csv", "a\n1\n\"2\n3\n");
    let ran = work.run(&["run", &c, "-d", "open.csv"]);
    ran.expect_code(1);
    assert!(ran.stderr.contains("--> open.csv:3:1\n"), "{}", ran.stderr);
    assert!(
        ran.stderr.contains("this quoted field is never closed"),
        "{}",
        ran.stderr
    );
}

#[test]
fn json_data_that_is_not_a_list_of_objects() {
    let work = Work::new();
    let c = fine(&work);
    work.json("obj.json", &json!({"n": 1}));
    fatal(
        &work.run(&["run", &c, "-d", "obj.json"]),
        "error: iteration data could not be loaded\n  the file at \"obj.json\" is not valid iteration data\n  \
         --> obj.json (top level)\n  expected a list of objects (one per iteration), found an object\n\
         hint: wrap the object in [ ] to run one iteration with it\n",
    );
}

#[test]
fn a_missing_environment_or_globals_file() {
    let work = Work::new();
    let c = fine(&work);
    let ran = work.run(&["run", &c, "-e", "nope.json"]);
    ran.expect_code(1);
    assert!(ran.stderr.starts_with(
        "error: environment could not be loaded\n  unable to read data from file \"nope.json\"\n"
    ));
    let ran = work.run(&["run", &c, "-g", "nope.json"]);
    ran.expect_code(1);
    assert!(
        ran.stderr
            .starts_with("error: globals could not be loaded\n"),
        "{}",
        ran.stderr
    );
}

#[test]
fn a_bad_env_var() {
    let work = Work::new();
    let c = fine(&work);
    fatal(
        &work.run(&["run", &c, "--env-var", "=x"]),
        "error: invalid --env-var value \"=x\"\n  the key before '=' is empty\n\
         hint: write it as --env-var name=value\n",
    );
    let ran = work.run(&["run", &c, "--global-var", "=y"]);
    ran.expect_code(1);
    assert!(ran
        .stderr
        .starts_with("error: invalid --global-var value \"=y\"\n"));
    let ran = work.run(&["run", &c, "--env-var"]);
    ran.expect_code(1);
    assert!(ran.stderr.contains("--env-var"), "{}", ran.stderr);
}

#[test]
fn an_unknown_reporter() {
    let work = Work::new();
    let c = fine(&work);
    fatal(
        &work.run(&["run", &c, "-r", "cli,nope"]),
        "error: could not find \"nope\" reporter\n\
         hint: the built-in reporters are cli, json, junit, progress, emojitrain\n",
    );
    let ran = work.run(&["run", &c, "-r", "html"]);
    ran.expect_code(1);
    assert!(
        ran.stderr
            .starts_with("error: could not find \"html\" reporter\nhint: "),
        "{}",
        ran.stderr
    );
}

#[test]
fn an_unreachable_host_fails_its_request_and_the_run_goes_on() {
    let server = support::echo_server();
    let work = Work::new();
    let items = json!([
        request("down", "GET", "http://127.0.0.1:{{closed}}/x", json!({})),
        request("up", "GET", "{{base}}/get", json!({})),
    ]);
    let closed = format!("closed={}", closed_port());
    let base = format!("base={}", server.url());
    let (ran, report) = work.run_json(
        &collection("Down", items),
        &["--env-var", &closed, "--env-var", &base],
    );
    ran.expect_code(1);
    assert_eq!(server.log.len(), 1);
    let failures = report["run"]["failures"].as_array().unwrap();
    assert_eq!(failures.len(), 1);
    let message = failures[0]["error"]["message"].as_str().unwrap();
    assert_eq!(
        message,
        format!("connect ECONNREFUSED 127.0.0.1:{}", &closed[7..])
    );
    assert_eq!(report["run"]["executions"][1]["response"]["code"], 200);
}

#[test]
fn invalid_urls_after_substitution_fail_their_request_only() {
    let work = Work::new();
    let items = json!([
        request("port", "GET", "http://127.0.0.1:{{p}}/x", json!({})),
        request("space", "GET", "http://exa mple.com/", json!({})),
        request("scheme", "GET", "ftp://127.0.0.1/x", json!({})),
        request("big port", "GET", "http://127.0.0.1:99999/", json!({})),
    ]);
    let (ran, report) = work.run_json(&collection("URLs", items), &["--env-var", "p=abc"]);
    ran.expect_code(1);
    let messages: Vec<&str> = report["run"]["failures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["error"]["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        vec![
            "Invalid URI \"http://127.0.0.1:abc/x\"",
            "getaddrinfo ENOTFOUND exa mple.com",
            "Invalid protocol: ftp:",
            "Invalid URI \"http://127.0.0.1:99999/\"",
        ]
    );
    assert_eq!(report["run"]["stats"]["requests"]["total"], 4);
}

#[test]
fn no_input_makes_it_panic() {
    let work = Work::new();
    let c = fine(&work);
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let nested = format!(
        "{{\"info\":{{\"name\":\"x\"}},\"item\":{}[]{}}}",
        "[{\"item\":".repeat(3000),
        "}]".repeat(3000)
    );
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let inputs: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("null", b"null".to_vec()),
        ("list", b"[]".to_vec()),
        ("string", b"\"x\"".to_vec()),
        ("deep", deep.into_bytes()),
        ("nested", nested.into_bytes()),
        ("bytes", bytes),
        ("half-bom", vec![0xff, 0xfe, b'{']),
        (
            "items-wrong",
            br#"{"info":{"name":"x"},"item":{"a":1}}"#.to_vec(),
        ),
    ];
    for (name, content) in inputs {
        let path = work.file(name, &content);
        for args in [
            vec!["run", path.as_str()],
            vec!["run", c.as_str(), "-e", path.as_str()],
            vec!["run", c.as_str(), "-g", path.as_str()],
            vec!["run", c.as_str(), "-d", path.as_str()],
            vec!["run", c.as_str(), "--cookie-jar", path.as_str()],
        ] {
            let ran = work.run(&args);
            assert!(
                !ran.stderr.contains("panicked"),
                "{name} {args:?}: {}",
                ran.stderr
            );
            // Refused as input, or run into a failing request as Newman does (`[]` data, a `[]`
            // environment, an `item` object that is an item without a request).
            let refused = ran.stderr.starts_with("error: ") && ran.stdout.is_empty();
            let ran_anyway = ran.stderr.is_empty() && ran.stdout.contains(" [errored]\n");
            assert!(
                refused || ran_anyway,
                "{name} {args:?}:\n{}\n{}",
                ran.stdout,
                ran.stderr
            );
            ran.expect_code(1);
        }
    }
}
