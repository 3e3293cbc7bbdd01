//! A collection written for https://postman-echo.com runs against the local TLS echo server:
//! `--connect-to`/`--resolve` send it to 127.0.0.1 while the Host header and TLS SNI stay
//! postman-echo.com, `--ssl-extra-ca-certs` trusts the test CA, `-k` skips verification, and
//! an untrusted certificate fails only its request.

mod support;

use serde_json::json;
use support::run::{collection, executions, request, test_script, Work};
use support::TestCa;

fn echo_collection() -> serde_json::Value {
    let mut get = request("get", "GET", "https://postman-echo.com/get?q=1", json!({}));
    get["event"] = test_script(&[
        "pm.test('echoed url', function () { pm.expect(pm.response.json().url).to.eql('https://postman-echo.com/get?q=1'); });",
    ]);
    collection(
        "Echo",
        json!([
            get,
            request(
                "post",
                "POST",
                "https://postman-echo.com/post",
                json!({"body": {"mode": "raw", "raw": "hi"}})
            ),
        ]),
    )
}

#[test]
fn connect_to_keeps_host_and_sni_and_trusts_the_extra_ca() {
    let ca = TestCa::new();
    let server = support::echo_server_tls(&ca);
    let work = Work::new();
    let ca_file = ca.write_ca(work.path());
    let connect = format!("postman-echo.com:443:127.0.0.1:{}", server.port());
    let (ran, report) = work.run_json(
        &echo_collection(),
        &[
            "--connect-to",
            &connect,
            "--ssl-extra-ca-certs",
            ca_file.to_str().unwrap(),
        ],
    );
    ran.expect_code(0);
    let got = server.log.entries();
    assert_eq!(got.len(), 2);
    for r in &got {
        assert!(r.tls);
        assert_eq!(r.sni.as_deref(), Some("postman-echo.com"));
        assert_eq!(r.header("host"), Some("postman-echo.com"));
    }
    assert_eq!(got[1].body_text(), "hi");
    let e = executions(&report);
    assert_eq!(e[0]["assertions"][0]["assertion"], "echoed url");
    assert!(e[0]["assertions"][0].get("error").is_none(), "{}", e[0]);
    assert_eq!(
        e[0]["request"]["url"]["raw"],
        "https://postman-echo.com/get?q=1"
    );
}

#[test]
fn resolve_sends_a_host_and_port_to_an_address() {
    let ca = TestCa::new();
    let server = support::echo_server_tls(&ca);
    let work = Work::new();
    let ca_file = ca.write_ca(work.path());
    let port = server.port();
    let c = collection(
        "Resolve",
        json!([request(
            "get",
            "GET",
            &format!("https://postman-echo.com:{port}/get"),
            json!({})
        )]),
    );
    let resolve = format!("postman-echo.com:{port}:127.0.0.1");
    work.run_collection(
        &c,
        &[
            "--resolve",
            &resolve,
            "--ssl-extra-ca-certs",
            ca_file.to_str().unwrap(),
        ],
    )
    .expect_code(0);
    let r = server.log.last().unwrap();
    assert_eq!(r.sni.as_deref(), Some("postman-echo.com"));
    assert_eq!(
        r.header("host"),
        Some(format!("postman-echo.com:{port}").as_str())
    );
}

#[test]
fn an_untrusted_certificate_fails_its_request_unless_insecure() {
    let ca = TestCa::new();
    let server = support::echo_server_tls(&ca);
    let work = Work::new();
    let connect = format!("postman-echo.com:443:127.0.0.1:{}", server.port());
    let (ran, report) = work.run_json(&echo_collection(), &["--connect-to", &connect]);
    ran.expect_code(1);
    assert!(server.log.is_empty());
    let failures = report["run"]["failures"].as_array().unwrap();
    let request_errors: Vec<&str> = failures
        .iter()
        .filter(|f| f["at"] == "request")
        .map(|f| f["error"]["message"].as_str().unwrap())
        .collect();
    assert_eq!(request_errors.len(), 2);
    // The test server sends its CA along: Node's words for that chain.
    assert_eq!(
        request_errors[0],
        "self-signed certificate in certificate chain"
    );

    let (ran, _) = work.run_json(&echo_collection(), &["--connect-to", &connect, "-k"]);
    ran.expect_code(0);
    assert_eq!(server.log.len(), 2);
}

#[test]
fn a_bad_connect_to_entry_is_an_input_error() {
    let work = Work::new();
    let ran = work.run_collection(
        &echo_collection(),
        &["--connect-to", "postman-echo.com:443"],
    );
    ran.expect_code(1);
    assert_eq!(
        ran.stderr,
        "error: invalid --connect-to entry \"postman-echo.com:443\"\n\
         hint: write it as HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT, e.g. postman-echo.com:443:127.0.0.1:8443\n"
    );
    let ran = work.run_collection(&echo_collection(), &["--resolve", "h:x:127.0.0.1"]);
    ran.expect_code(1);
    assert!(
        ran.stderr.contains("\"x\" is not a port number"),
        "{}",
        ran.stderr
    );
}
