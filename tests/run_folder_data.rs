//! `--folder` selection (folders and requests, by name or id, nested anywhere, several in
//! collection order, unknown ones fatal) and iterations with `-n`, CSV and JSON data (Newman's
//! number casting, quoting, BOM, reuse of the last row). Orders and values compared with Newman.

mod support;

use serde_json::{json, Value};
use support::run::{collection, executions, fixture, request, Work};

fn folders() -> Value {
    json!([
        {"name": "A", "id": "id-a", "item": [
            request("a1", "GET", "{{base}}/get?a1", json!({})),
            {"name": "Deep", "item": [
                {"name": "d1", "id": "id-d1", "request": {"url": "{{base}}/get?d1"}}
            ]}
        ]},
        {"name": "B", "item": [
            request("b1", "GET", "{{base}}/get?b1", json!({})),
            request("a1", "GET", "{{base}}/get?b-a1", json!({}))
        ]},
        request("r1", "GET", "{{base}}/get?r1", json!({}))
    ])
}

/// Runs the folder collection with `args`; returns the targets the server received.
fn selected(args: &[&str]) -> Vec<String> {
    let server = support::echo_server();
    let work = Work::new();
    let base = format!("base={}", server.url());
    let mut all = vec!["--env-var", base.as_str()];
    all.extend_from_slice(args);
    work.run_collection(&collection("Folders", folders()), &all)
        .expect_code(0);
    server.log.entries().into_iter().map(|r| r.target).collect()
}

#[test]
fn folder_selects_a_nested_folder_a_request_or_an_id() {
    assert_eq!(selected(&["--folder", "Deep"]), vec!["/get?d1"]);
    assert_eq!(selected(&["--folder", "A"]), vec!["/get?a1", "/get?d1"]);
    // The first match in breadth-first order of the first group that has it.
    assert_eq!(selected(&["--folder", "a1"]), vec!["/get?a1"]);
    assert_eq!(selected(&["--folder", "id-d1"]), vec!["/get?d1"]);
    assert_eq!(selected(&["--folder", "r1"]), vec!["/get?r1"]);
}

#[test]
fn several_folders_run_in_collection_order_once() {
    assert_eq!(
        selected(&["--folder", "B", "--folder", "A"]),
        vec!["/get?a1", "/get?d1", "/get?b1", "/get?b-a1"]
    );
    assert_eq!(
        selected(&["--folder", "r1", "--folder", "A", "--folder", "A", "--folder", "Deep"]),
        vec!["/get?a1", "/get?d1", "/get?r1"]
    );
}

#[test]
fn an_unknown_folder_is_fatal() {
    let work = Work::new();
    for args in [
        vec!["--folder", "Nope"],
        vec!["--folder", "A", "--folder", "Nope"],
    ] {
        let mut all = vec!["--env-var", "base=http://127.0.0.1:9"];
        all.extend(args);
        let ran = work.run_collection(&collection("Folders", folders()), &all);
        ran.expect_code(1);
        assert_eq!(
            ran.stderr,
            "error: Unable to find a folder or request: \"Nope\"\n"
        );
        assert_eq!(ran.stdout, "");
    }
}

#[test]
fn ancestors_auth_still_applies_under_folder() {
    let server = support::echo_server();
    let work = Work::new();
    let items = json!([{"name": "Outer", "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "t"}]}, "item": [
        {"name": "Inner", "item": [request("x", "GET", "{{base}}/get", json!({}))]}
    ]}]);
    let base = format!("base={}", server.url());
    work.run_collection(
        &collection("Auth", items),
        &["--env-var", &base, "--folder", "Inner"],
    )
    .expect_code(0);
    assert_eq!(
        server.log.last().unwrap().header("authorization"),
        Some("Bearer t")
    );
}

fn data_collection() -> Value {
    collection(
        "Data",
        json!([request(
            "r",
            "GET",
            "{{base}}/get?n={{n}}&s={{s}}&f={{f}}&e={{e}}&q={{q}}&z={{z}}",
            json!({})
        )]),
    )
}

/// Runs the data collection; returns the targets and the JSON report.
fn with_data(work: &Work, args: &[&str]) -> (Vec<String>, Value) {
    let server = support::echo_server();
    let base = format!("base={}", server.url());
    let mut all = vec!["--env-var", base.as_str()];
    all.extend_from_slice(args);
    let (ran, report) = work.run_json(&data_collection(), &all);
    ran.expect_code(0);
    (
        server.log.entries().into_iter().map(|r| r.target).collect(),
        report,
    )
}

#[test]
fn csv_rows_become_iterations_with_newman_casting() {
    let work = Work::new();
    let data = fixture("data.csv");
    let (targets, report) = with_data(&work, &["-d", data.to_str().unwrap()]);
    assert_eq!(
        targets,
        vec![
            "/get?n=7&s=007&f=1.5&e=100&q=a,b%20%22c%22&z=-3",
            "/get?n=8&s=x%20y&f=0&e=&q=multi%0Aline&z=4",
        ]
    );
    assert_eq!(report["run"]["stats"]["iterations"]["total"], 2);
    let iterations: Vec<_> = executions(&report)
        .iter()
        .map(|e| e["cursor"]["iteration"].as_u64().unwrap())
        .collect();
    assert_eq!(iterations, vec![0, 1]);
}

#[test]
fn more_iterations_than_rows_reuse_the_last_row_and_fewer_use_the_first() {
    let work = Work::new();
    let data = fixture("data.csv");
    let (targets, report) = with_data(&work, &["-d", data.to_str().unwrap(), "-n", "3"]);
    assert_eq!(targets.len(), 3);
    assert_eq!(targets[1], targets[2]);
    assert_eq!(report["run"]["executions"][2]["cursor"]["cycles"], 3);
    let (targets, _) = with_data(&work, &["-d", data.to_str().unwrap(), "-n", "1"]);
    assert_eq!(
        targets,
        vec!["/get?n=7&s=007&f=1.5&e=100&q=a,b%20%22c%22&z=-3"]
    );
}

#[test]
fn json_data_rows_and_iterations_without_data() {
    let work = Work::new();
    let data = work.json(
        "rows.json",
        &json!([{"n": 1, "s": "one", "f": true}, {"n": 2.5, "s": null, "q": {"k": 1}}]),
    );
    let (targets, _) = with_data(&work, &["-d", &data]);
    assert_eq!(
        targets,
        vec![
            "/get?n=1&s=one&f=true&e={{e}}&q={{q}}&z={{z}}",
            // null leaves the token, an object is "[object Object]" as Postman prints it
            "/get?n=2.5&s={{s}}&f={{f}}&e={{e}}&q=[object%20Object]&z={{z}}",
        ]
    );
    let (targets, report) = with_data(&work, &["-n", "2"]);
    assert_eq!(targets.len(), 2);
    assert_eq!(report["run"]["stats"]["iterations"]["total"], 2);
}

#[test]
fn data_rows_change_between_iterations_while_the_environment_stays() {
    let server = support::echo_server();
    let work = Work::new();
    let data = work.file("d.csv", "n\n1\n2\n");
    let items = json!([request(
        "r",
        "GET",
        "{{base}}/get?n={{n}}&s={{s}}",
        json!({})
    )]);
    let base = format!("base={}", server.url());
    work.run_collection(
        &collection("Rows", items),
        &[
            "--env-var",
            &base,
            "--env-var",
            "s=env",
            "--env-var",
            "n=env",
            "-d",
            &data,
        ],
    )
    .expect_code(0);
    let targets: Vec<_> = server.log.entries().into_iter().map(|r| r.target).collect();
    assert_eq!(targets, vec!["/get?n=1&s=env", "/get?n=2&s=env"]);
}
