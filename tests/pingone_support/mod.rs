//! Shared by the PingOne tests: a plain HTTP/1.1 client over `std::net` (so every header,
//! cookie included, is exactly what the test wrote), form and JWT helpers, the demo key, and
//! running a workflow collection through the `postie` binary against a `PingOneServer`.
#![allow(dead_code)]

pub mod flow;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use postie::mock::pingone::PingOneServer;
use postie::mock::RecordedRequest;
use serde_json::Value;

/// An answer: status, headers in order, body text.
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The value of cookie `name` set by this response.
    pub fn set_cookie(&self, name: &str) -> Option<String> {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
            .filter_map(|(_, v)| v.split(';').next()?.split_once('='))
            .find(|(k, _)| k.trim() == name)
            .map(|(_, v)| v.to_string())
    }
}

/// Sends one request (`Connection: close`) and reads the whole answer.
pub fn http(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Resp {
    let mut conn = TcpStream::connect(addr).expect("connect");
    let mut head = format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    conn.write_all(head.as_bytes()).expect("write head");
    conn.write_all(body.as_bytes()).expect("write body");
    let mut raw = Vec::new();
    conn.read_to_end(&mut raw).expect("read");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").expect("a complete answer");
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Resp {
        status,
        headers,
        body: body.to_string(),
    }
}

/// The pairs of a urlencoded body.
pub fn form(body: &str) -> Vec<(String, String)> {
    url::form_urlencoded::parse(body.as_bytes())
        .into_owned()
        .collect()
}

/// The first value of `name` in a urlencoded body.
pub fn field(body: &str, name: &str) -> Option<String> {
    form(body)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// A JWT's (header, claims, signing input, signature bytes).
pub fn jwt_parts(token: &str) -> (Value, Value, String, Vec<u8>) {
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3, "a compact JWS: {token}");
    let decode = |p: &str| URL_SAFE_NO_PAD.decode(p).expect("base64url");
    let json = |p: &str| serde_json::from_slice(&decode(p)).expect("JSON");
    (
        json(parts[0]),
        json(parts[1]),
        format!("{}.{}", parts[0], parts[1]),
        decode(parts[2]),
    )
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A value of the demo environment.
pub fn demo_value(key: &str) -> String {
    let text =
        std::fs::read_to_string(root().join("environments/pingone-demo.postman_environment.json"))
            .expect("demo environment");
    let env: Value = serde_json::from_str(&text).expect("JSON");
    env["values"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|v| v["key"] == key)
        .and_then(|v| v["value"].as_str())
        .map(str::to_owned)
        .unwrap_or_else(|| panic!("no {key} in the demo environment"))
}

/// The built binary in `dir`, `NO_COLOR=1`.
pub fn postie_in(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_postie"));
    command
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("POSTMAN_API_KEY");
    command
}

/// `postie run collections/<name>.postman_collection.json` with the template environment and
/// `--env-var`s for `server` (plus `privateKey`), JSON report in `report`.
pub fn run_collection(server: &PingOneServer, name: &str, report: &Path) -> Output {
    let mut cmd = postie_in(&root());
    cmd.arg("run")
        .arg(format!("collections/{name}.postman_collection.json"))
        .args([
            "-e",
            "environments/pingone-template.postman_environment.json",
        ]);
    let mut vars = server.env_vars();
    vars.push(("privateKey".into(), demo_value("privateKey")));
    for (k, v) in vars {
        cmd.arg("--env-var").arg(format!("{k}={v}"));
    }
    cmd.args(["-r", "cli,json", "--reporter-json-export"])
        .arg(report);
    cmd.output().expect("run postie")
}

/// Fails the test with the run's output unless it exited 0.
pub fn assert_passed(out: &Output) {
    assert!(
        out.status.success(),
        "postie exited {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The requests the server received whose path contains `part`.
pub fn requests_to(server: &PingOneServer, method: &str, part: &str) -> Vec<RecordedRequest> {
    server
        .log
        .entries()
        .into_iter()
        .filter(|r| {
            r.method == method && r.target.split('?').next().is_some_and(|p| p.contains(part))
        })
        .collect()
}

/// A big-endian unsigned integer as JWK wants it: base64url without leading zero bytes.
pub fn jwk_uint(bytes: &[u8]) -> String {
    let start = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    URL_SAFE_NO_PAD.encode(&bytes[start..])
}
