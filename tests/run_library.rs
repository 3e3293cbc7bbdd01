//! The library without the binary: `postie::run::run` in a current-thread runtime, events
//! collected in order, and the returned `RunSummary` (stats, failures, executions, final
//! scopes, cookies, why the run stopped).

mod support;

use postie::collection::{parse_collection, Collection, Variable};
use postie::run::{self, Abort, RunEvent, RunOptions, RunSummary};
use serde_json::{json, Value};
use support::run::{collection_with, request, test_script};

fn load(doc: &Value) -> Collection {
    parse_collection(doc.to_string().as_bytes(), "test.json").expect("collection")
}

/// Runs `collection` with `opts`, returning the summary and one line per event.
fn run_collecting(collection: &Collection, opts: &RunOptions) -> (RunSummary, Vec<String>) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let mut log = Vec::new();
    let mut listener = |e: &RunEvent<'_>| log.push(describe(e));
    let summary = rt
        .block_on(run::run(collection, opts, &mut listener))
        .expect("run starts");
    (summary, log)
}

fn describe(e: &RunEvent<'_>) -> String {
    match e {
        RunEvent::Start {
            iterations, items, ..
        } => format!("start {iterations}x{items}"),
        RunEvent::BeforeIteration { iteration, .. } => format!("iteration {iteration}"),
        RunEvent::BeforeItem { item, .. } => format!("item {}", item.path()),
        RunEvent::Console { message, .. } => format!("console {}", message.messages.join(" ")),
        RunEvent::Request(r) => match &r.outcome {
            Ok(resp) => format!("request {} {}", r.request.method, resp.code),
            Err(e) => format!("request {} error {}", r.request.method, e.message),
        },
        RunEvent::Assertion {
            assertion,
            failure_number,
            ..
        } => {
            format!("assertion {} {:?}", assertion.name, failure_number)
        }
        RunEvent::ScriptError { error, .. } => format!("script error {}", error.message),
        RunEvent::NextRequest { target, .. } => format!("next {target}"),
        RunEvent::Item(x) => format!("done {}", x.item.name),
        RunEvent::Iteration { iteration } => format!("end {iteration}"),
    }
}

fn sample(server_url: &str) -> Collection {
    let mut get = request("get", "GET", "{{base}}/get?n={{n}}", json!({}));
    get["event"] = json!([
        {"listen": "prerequest", "script": {"exec": ["console.log('pre', pm.iterationData.get('n'));"]}},
        {"listen": "test", "script": {"exec": [
            "pm.test('ok', function () { pm.response.to.have.status(200); });",
            "pm.test('n is 1', function () { pm.expect(pm.response.json().args.n).to.eql('1'); });",
            "pm.environment.set('seen', pm.response.json().args.n);"
        ]}}
    ]);
    let mut cookie = request("cookie", "GET", "{{base}}/cookies/set?c=v", json!({}));
    cookie["event"] = test_script(&["pm.collectionVariables.set('cv', 'after');"]);
    load(&collection_with(
        "Library",
        json!([{"name": "F", "item": [get]}, cookie, request("down", "GET", "http://127.0.0.1:{{closed}}/", json!({}))]),
        json!({"variable": [
            {"key": "base", "value": server_url},
            {"key": "cv", "value": "before"},
            {"key": "closed", "value": support::run::closed_port().to_string()}
        ]}),
    ))
}

fn data_rows() -> Vec<indexmap::IndexMap<String, Value>> {
    [1, 2]
        .into_iter()
        .map(|n| [("n".to_string(), json!(n))].into_iter().collect())
        .collect()
}

#[test]
fn events_arrive_in_newmans_order() {
    let server = support::echo_server();
    let opts = RunOptions {
        data: data_rows(),
        ..RunOptions::default()
    };
    let (_, log) = run_collecting(&sample(&server.url()), &opts);
    let refused = log
        .iter()
        .position(|l| l.starts_with("request GET error connect ECONNREFUSED 127.0.0.1:"))
        .expect("the refused request");
    let first: Vec<&str> = log[..16].iter().map(String::as_str).collect();
    assert_eq!(
        first,
        vec![
            "start 2x3",
            "iteration 0",
            "item F / get",
            "console 'pre' 1",
            "request GET 200",
            "assertion ok None",
            "assertion n is 1 None",
            "done get",
            "item cookie",
            "request GET 200",
            "done cookie",
            "item down",
            log[refused].as_str(),
            "done down",
            "end 0",
            "iteration 1",
        ],
        "{log:#?}"
    );
    let second: Vec<&str> = log[16..].iter().map(String::as_str).collect();
    assert_eq!(second.len(), 13);
    assert_eq!(second[1], "console 'pre' 2");
    assert_eq!(
        second[4], "assertion n is 1 Some(2)",
        "the run's second failure"
    );
    assert_eq!(second.last(), Some(&"end 1"));
}

#[test]
fn the_summary_has_stats_failures_executions_and_final_scopes() {
    let server = support::echo_server();
    let opts = RunOptions {
        data: data_rows(),
        keep_executions: true,
        export_cookies: true,
        environment: postie::vars::VariableScope::new(vec![Variable::new("env", "e")]),
        ..RunOptions::default()
    };
    let (summary, _) = run_collecting(&sample(&server.url()), &opts);
    let s = &summary.stats;
    assert_eq!(
        (s.iterations.total, s.requests.total, s.requests.failed),
        (2, 6, 2)
    );
    assert_eq!((s.assertions.total, s.assertions.failed), (4, 1));
    assert_eq!((s.test_scripts.total, s.prerequest_scripts.total), (4, 2));
    let failures: Vec<(String, String, usize)> = summary
        .failures
        .iter()
        .map(|f| (f.at.to_string(), f.item.name.clone(), f.cursor.iteration))
        .collect();
    assert_eq!(
        failures,
        vec![
            ("request".to_string(), "down".to_string(), 0),
            (
                "assertion:1 in test-script".to_string(),
                "get".to_string(),
                1
            ),
            ("request".to_string(), "down".to_string(), 1),
        ]
    );
    assert_eq!(summary.failures[1].test.as_deref(), Some("n is 1"));
    assert_eq!(summary.executions.len(), 6);
    assert_eq!(summary.executions[0].item.folders, vec!["F"]);
    assert_eq!(
        summary.executions[0].response.as_ref().map(|r| r.code),
        Some(200)
    );
    assert!(summary.executions[2].request_error.is_some());
    assert!(summary.failed());
    assert_eq!(summary.abort, None);
    let env: Vec<(String, Value)> = summary
        .scopes
        .environment
        .iter()
        .map(|v| (v.key.clone(), v.value.clone()))
        .collect();
    assert_eq!(
        env,
        vec![
            ("env".to_string(), json!("e")),
            ("seen".to_string(), json!("2"))
        ]
    );
    let cv = summary
        .scopes
        .collection
        .iter()
        .find(|v| v.key == "cv")
        .unwrap();
    assert_eq!(cv.value, json!("after"));
    let cookies = summary.scopes.cookies.as_ref().expect("cookie jar kept");
    assert_eq!(cookies["cookies"][0]["key"], "c");
    assert_eq!(summary.collection_name, "Library");
    assert_eq!(
        server.log.len(),
        6,
        "two hops per cookie request, one get, per iteration"
    );
}

#[test]
fn cancel_and_timeout_stop_the_run_with_a_reason() {
    let server = support::echo_server();
    let slow = load(&collection_with(
        "Slow",
        json!([
            request("slow", "GET", "{{base}}/delay/3", json!({})),
            request("after", "GET", "{{base}}/get", json!({}))
        ]),
        json!({"variable": [{"key": "base", "value": server.url()}]}),
    ));
    let opts = RunOptions {
        timeout: Some(std::time::Duration::from_millis(150)),
        ..RunOptions::default()
    };
    let (summary, log) = run_collecting(&slow, &opts);
    assert_eq!(summary.abort, Some(Abort::Timeout { after_ms: 150 }));
    assert!(summary.failed());
    assert_eq!(log.last().map(String::as_str), Some("item slow"));

    let opts = RunOptions::default();
    opts.cancel.cancel();
    let (summary, log) = run_collecting(&slow, &opts);
    assert_eq!(summary.abort, Some(Abort::Interrupted));
    assert_eq!(log, vec!["start 1x2"]);
    assert_eq!(server.log.len(), 1, "only the timed-out request went out");
}

#[test]
fn an_unknown_folder_is_an_error_before_anything_runs() {
    let server = support::echo_server();
    let opts = RunOptions {
        folders: vec!["Nope".into()],
        ..RunOptions::default()
    };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut events = 0;
    let mut listener = |_: &RunEvent<'_>| events += 1;
    let err = rt
        .block_on(run::run(&sample(&server.url()), &opts, &mut listener))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Unable to find a folder or request: \"Nope\""
    );
    assert_eq!(events, 0);
    assert!(server.log.is_empty());
}
