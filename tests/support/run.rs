//! Helpers for the `postie run` integration tests (`tests/run_*.rs`):
//!
//! - [`collection`] / [`collection_with`]: a v2.1 collection document from items (and extra
//!   top-level fields such as `auth`, `variable`, `event`).
//! - [`request`]: a request item (`name`, `method`, `url`, more request fields).
//! - [`Work`]: a temporary working directory holding the inputs; [`Work::run`] runs the real
//!   binary there (cwd and `HOME` = the directory, no proxy variables, `NO_COLOR=1`) and returns a
//!   [`Ran`] with the exit code and both output streams.
//! - [`fixture`]: a path under `tests/fixtures/run/`.
//! - [`junit`]: reads a JUnit XML report back into plain structs.
//! - [`FileServer`]: serves fixed files over HTTP (collections, environments, data by URL);
//!   [`utf16`] encodes text with a BOM; [`closed_port`] is a port that refuses connections.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The v2.1 schema URL.
pub const V21: &str = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

/// A v2.1 collection named `name` with `items`.
pub fn collection(name: &str, items: Value) -> Value {
    collection_with(name, items, json!({}))
}

/// A v2.1 collection with extra top-level fields (`auth`, `variable`, `event`, …).
pub fn collection_with(name: &str, items: Value, extra: Value) -> Value {
    let mut doc = json!({
        "info": {"_postman_id": "c0ffee00-0000-4000-8000-000000000001", "name": name, "schema": V21},
        "item": items,
    });
    if let (Some(obj), Value::Object(more)) = (doc.as_object_mut(), extra) {
        obj.extend(more);
    }
    doc
}

/// A request item: `{"name", "request": {"method", "url", ...more}}`.
pub fn request(name: &str, method: &str, url: &str, more: Value) -> Value {
    let mut req = json!({"method": method, "url": url});
    if let (Some(obj), Value::Object(more)) = (req.as_object_mut(), more) {
        obj.extend(more);
    }
    json!({"name": name, "request": req})
}

/// A test script event from lines of JavaScript.
pub fn test_script(lines: &[&str]) -> Value {
    json!([{"listen": "test", "script": {"type": "text/javascript", "exec": lines}}])
}

/// `tests/fixtures/run/<name>`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/run")
        .join(name)
}

/// What a run of the binary gave.
#[derive(Debug)]
pub struct Ran {
    /// Exit code (-1 when killed by a signal).
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Ran {
    fn from(out: Output) -> Self {
        Ran {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Panics, showing both streams, unless the exit code is `code`.
    #[track_caller]
    pub fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

/// A temporary directory to run in: inputs are written here, reports land here.
pub struct Work {
    dir: tempfile::TempDir,
}

impl Default for Work {
    fn default() -> Self {
        Self::new()
    }
}

impl Work {
    pub fn new() -> Self {
        Work {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `dir/rel`.
    pub fn join(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes `bytes` to `dir/rel` (creating folders) and returns the path as a string.
    pub fn file(&self, rel: &str, bytes: impl AsRef<[u8]>) -> String {
        let path = self.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create dir");
        }
        std::fs::write(&path, bytes).expect("write file");
        path.to_string_lossy().into_owned()
    }

    /// Writes `value` as JSON to `dir/rel` and returns the path as a string.
    pub fn json(&self, rel: &str, value: &Value) -> String {
        self.file(rel, serde_json::to_vec_pretty(value).expect("json"))
    }

    /// Reads `dir/rel` as JSON.
    #[track_caller]
    pub fn read_json(&self, rel: &str) -> Value {
        let text =
            std::fs::read_to_string(self.join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{rel} is not JSON: {e}"))
    }

    /// Reads `dir/rel` as text.
    #[track_caller]
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// The binary as a command in this directory (`HOME` here too, no proxy variables).
    pub fn command(&self) -> Command {
        let mut cmd = super::postie_in(self.path());
        cmd.env("HOME", self.path());
        for var in [
            "HTTP_PROXY",
            "http_proxy",
            "HTTPS_PROXY",
            "https_proxy",
            "ALL_PROXY",
            "all_proxy",
            "NO_PROXY",
            "no_proxy",
        ] {
            cmd.env_remove(var);
        }
        cmd
    }

    /// Runs `postie <args>` here and waits for it.
    pub fn run(&self, args: &[&str]) -> Ran {
        Ran::from(self.command().args(args).output().expect("run postie"))
    }

    /// Writes `collection` to `collection.json` and runs `postie run collection.json <args>`.
    pub fn run_collection(&self, collection: &Value, args: &[&str]) -> Ran {
        let path = self.json("collection.json", collection);
        let mut all = vec!["run", path.as_str()];
        all.extend_from_slice(args);
        self.run(&all)
    }

    /// Runs `postie run <collection> <args> -r json --reporter-json-export report.json` and
    /// returns the outcome with the JSON report.
    pub fn run_json(&self, collection: &Value, args: &[&str]) -> (Ran, Value) {
        let path = self.json("collection.json", collection);
        let mut all = vec!["run", path.as_str()];
        all.extend_from_slice(args);
        all.extend_from_slice(&["-r", "json", "--reporter-json-export", "report.json"]);
        let ran = self.run(&all);
        let report = if self.join("report.json").exists() {
            self.read_json("report.json")
        } else {
            Value::Null
        };
        (ran, report)
    }
}

/// The executions of a JSON report.
pub fn executions(report: &Value) -> &Vec<Value> {
    report["run"]["executions"]
        .as_array()
        .expect("run.executions")
}

/// The value of header `name` (case-insensitive) in a report's `[{key, value}]` list.
pub fn report_header<'v>(headers: &'v Value, name: &str) -> Option<&'v str> {
    headers.as_array()?.iter().find_map(|h| {
        h["key"]
            .as_str()
            .filter(|k| k.eq_ignore_ascii_case(name))
            .and(h["value"].as_str())
    })
}

/// A JUnit report read back.
pub mod junit {
    /// `<testsuites>`.
    #[derive(Debug)]
    pub struct Suites {
        pub attrs: Vec<(String, String)>,
        pub suites: Vec<Suite>,
    }

    /// `<testsuite>`.
    #[derive(Debug)]
    pub struct Suite {
        pub attrs: Vec<(String, String)>,
        pub cases: Vec<Case>,
        pub system_err: Option<String>,
    }

    /// `<testcase>` and what it holds.
    #[derive(Debug)]
    pub struct Case {
        pub attrs: Vec<(String, String)>,
        /// (`failure`/`error`/`skipped`, message attribute, text).
        pub outcome: Option<(String, String, String)>,
    }

    fn attrs(node: roxmltree::Node<'_, '_>) -> Vec<(String, String)> {
        node.attributes()
            .map(|a| (a.name().to_string(), a.value().to_string()))
            .collect()
    }

    fn get<'a>(attrs: &'a [(String, String)], name: &str) -> &'a str {
        attrs
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    impl Suites {
        pub fn attr(&self, name: &str) -> &str {
            get(&self.attrs, name)
        }
        pub fn names(&self) -> Vec<&str> {
            self.suites.iter().map(|s| s.attr("name")).collect()
        }
    }
    impl Suite {
        pub fn attr(&self, name: &str) -> &str {
            get(&self.attrs, name)
        }
    }
    impl Case {
        pub fn attr(&self, name: &str) -> &str {
            get(&self.attrs, name)
        }
    }

    /// Parses `xml` (panics when it is not well-formed JUnit).
    #[track_caller]
    pub fn parse(xml: &str) -> Suites {
        let doc =
            roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("invalid XML: {e}\n{xml}"));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "testsuites");
        let suites = root
            .children()
            .filter(|n| n.has_tag_name("testsuite"))
            .map(|s| Suite {
                attrs: attrs(s),
                system_err: s
                    .children()
                    .find(|n| n.has_tag_name("system-err"))
                    .map(|n| n.text().unwrap_or_default().to_string()),
                cases: s
                    .children()
                    .filter(|n| n.has_tag_name("testcase"))
                    .map(|c| Case {
                        attrs: attrs(c),
                        outcome: c.children().find(|n| n.is_element()).map(|n| {
                            (
                                n.tag_name().name().to_string(),
                                n.attribute("message").unwrap_or_default().to_string(),
                                n.text().unwrap_or_default().to_string(),
                            )
                        }),
                    })
                    .collect(),
            })
            .collect();
        Suites {
            attrs: attrs(root),
            suites,
        }
    }
}

/// A local port nothing listens on (bound, then released): connections to it are refused.
pub fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

/// A tiny HTTP/1.1 server on `127.0.0.1:0` answering `GET <path>` with fixed bodies (404
/// otherwise), one connection at a time, `Connection: close`; for inputs loaded from a URL.
/// Stops when dropped.
pub struct FileServer {
    pub addr: std::net::SocketAddr,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl FileServer {
    /// Serves each `(path, body)`.
    pub fn start(files: Vec<(&str, Vec<u8>)>) -> FileServer {
        use std::io::{BufRead, BufReader, Write};
        let files: Vec<(String, Vec<u8>)> =
            files.into_iter().map(|(p, b)| (p.to_string(), b)).collect();
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopped = stop.clone();
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(std::sync::atomic::Ordering::SeqCst) {
                    return;
                }
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().expect("clone"));
                let mut first = String::new();
                let _ = reader.read_line(&mut first);
                let mut line = String::new();
                while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                    line.clear();
                }
                let path = first.split(' ').nth(1).unwrap_or("");
                let (status, body) = match files.iter().find(|(p, _)| p == path) {
                    Some((_, b)) => ("200 OK", b.clone()),
                    None => ("404 Not Found", b"not found".to_vec()),
                };
                let head = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&body);
            }
        });
        FileServer {
            addr,
            stop,
            thread: Some(thread),
        }
    }

    /// `http://127.0.0.1:PORT<path>`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

impl Drop for FileServer {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        let _ = std::net::TcpStream::connect(self.addr);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// `text` as UTF-16 with a byte order mark (little- or big-endian).
pub fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut out = if little_endian {
        vec![0xff, 0xfe]
    } else {
        vec![0xfe, 0xff]
    };
    for unit in text.encode_utf16() {
        let bytes = if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        };
        out.extend_from_slice(&bytes);
    }
    out
}
