//! Secrets stay out of every report unless `--reporter-show-secrets`: Authorization and Cookie
//! header values, and the values of secret-typed variables wherever they show up (URLs, headers,
//! kept response bodies, assertion names and messages, console output, the JSON report's
//! environment). Exports are state, not reports: they keep the real values.

mod support;

use serde_json::{json, Value};
use support::run::{collection_with, executions, report_header, request, Work};

const TOKEN: &str = "tok-secret-1";
const KEY: &str = "key-secret-1";

fn collection() -> Value {
    let test = support::run::test_script(&[
        "pm.test('key ' + pm.environment.get('apikey'), function () { pm.expect(pm.environment.get('apikey')).to.eql('x'); });",
        "console.log('token is', pm.environment.get('token'));",
    ]);
    let mut usage = request(
        "use",
        "POST",
        "{{base}}/post?key={{apikey}}",
        json!({
            "header": [{"key": "X-Key", "value": "{{apikey}}"}],
            "body": {"mode": "raw", "raw": "{\"k\": \"{{apikey}}\"}"}
        }),
    );
    usage["event"] = test;
    collection_with(
        "Secrets",
        json!([
            request(
                "set",
                "GET",
                "{{base}}/response-headers?Set-Cookie=sess%3Dc1",
                json!({})
            ),
            usage
        ]),
        json!({"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}"}]}}),
    )
}

/// Runs with every reporter and bodies kept; returns (cli output, JSON report, JUnit XML).
fn run(work: &Work, extra: &[&str]) -> (String, Value, String) {
    let server = support::echo_server();
    let env = work.json(
        "env.json",
        &json!({"name": "S", "values": [
            {"key": "token", "value": TOKEN, "type": "secret"},
            {"key": "apikey", "value": KEY, "type": "secret"},
            {"key": "plain", "value": "plain-value"}
        ]}),
    );
    let base = format!("base={}", server.url());
    let path = work.json("c.json", &collection());
    let mut args = vec![
        "run",
        &path,
        "-e",
        &env,
        "--env-var",
        &base,
        "-r",
        "cli,json,junit",
        "--reporter-json-export",
        "r.json",
        "--reporter-junit-export",
        "r.xml",
        "--verbose",
        "--reporter-json-bodies",
        "--export-environment",
        "env-out.json",
    ];
    args.extend_from_slice(extra);
    let ran = work.run(&args);
    ran.expect_code(1);
    // The secrets did go on the wire.
    let sent = server.log.last().unwrap();
    assert_eq!(sent.header("authorization"), Some("Bearer tok-secret-1"));
    assert_eq!(sent.header("cookie"), Some("sess=c1"));
    (ran.stdout, work.read_json("r.json"), work.read("r.xml"))
}

#[test]
fn no_report_shows_a_secret() {
    let work = Work::new();
    let (cli, report, xml) = run(&work, &[]);
    let json_text = report.to_string();
    for secret in [TOKEN, KEY] {
        assert!(!cli.contains(secret), "{secret} in cli output:\n{cli}");
        assert!(!json_text.contains(secret), "{secret} in the JSON report");
        assert!(
            !xml.contains(secret),
            "{secret} in the JUnit report:\n{xml}"
        );
    }
    let exec = &executions(&report)[1];
    let headers = &exec["request"]["header"];
    assert_eq!(report_header(headers, "authorization"), Some("********"));
    assert_eq!(report_header(headers, "cookie"), Some("********"));
    assert_eq!(report_header(headers, "x-key"), Some("********"));
    assert!(exec["request"]["url"]["raw"]
        .as_str()
        .unwrap()
        .ends_with("/post?key=********"));
    assert_eq!(exec["assertions"][0]["assertion"], "key ********");
    let set = &executions(&report)[0];
    assert_eq!(
        report_header(&set["response"]["header"], "set-cookie"),
        Some("********")
    );
    let env: Vec<(&str, &str)> = report["environment"]["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["key"].as_str().unwrap(), v["value"].as_str().unwrap()))
        .collect();
    assert_eq!(
        env[..3],
        [
            ("token", "********"),
            ("apikey", "********"),
            ("plain", "plain-value")
        ]
    );
    assert!(cli.contains("'token is', '********'"), "{cli}");
    // The export is the run's state, not a report.
    let exported = work.read("env-out.json");
    assert!(
        exported.contains(TOKEN) && exported.contains(KEY),
        "{exported}"
    );
}

#[test]
fn show_secrets_shows_them() {
    let work = Work::new();
    let (cli, report, xml) = run(&work, &["--reporter-show-secrets"]);
    let exec = &executions(&report)[1];
    let headers = &exec["request"]["header"];
    assert_eq!(
        report_header(headers, "authorization"),
        Some("Bearer tok-secret-1")
    );
    assert_eq!(report_header(headers, "cookie"), Some("sess=c1"));
    assert_eq!(exec["assertions"][0]["assertion"], "key key-secret-1");
    assert_eq!(report["environment"]["values"][0]["value"], TOKEN);
    assert!(cli.contains("'token is', 'tok-secret-1'"), "{cli}");
    assert!(xml.contains("key key-secret-1"));
}
