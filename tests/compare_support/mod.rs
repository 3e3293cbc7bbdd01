//! Shared by the `compare_*` tests: a tiny "region" API server (hyper, on `127.0.0.1:0`, in a
//! background thread, stopped on drop) whose answers differ per region on purpose, the
//! collection that exercises it, environment files, and a runner for `postie compare`.
#![allow(dead_code)]

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response};
use serde_json::{json, Value};
use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::sync::oneshot;

/// How one region answers.
#[derive(Debug, Clone, Copy)]
pub struct Region {
    pub name: &'static str,
    /// `expires_in` of `POST /as/token`.
    pub expires_in: u64,
    /// Status of `POST /users`.
    pub create_status: u16,
    /// `GET /profile` sends `id` as a string instead of a number.
    pub id_as_string: bool,
}

/// The reference region: 3600 s tokens, 201 on create, numeric ids.
pub const US: Region = Region {
    name: "us",
    expires_in: 3600,
    create_status: 201,
    id_as_string: false,
};

/// The region that differs: 1800 s tokens, 200 on create, string ids.
pub const EU: Region = Region {
    name: "eu",
    expires_in: 1800,
    create_status: 200,
    id_as_string: true,
};

/// A running region server.
pub struct RegionServer {
    pub addr: SocketAddr,
    /// Requests served.
    pub hits: Arc<AtomicUsize>,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl RegionServer {
    pub fn start(region: Region) -> RegionServer {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.set_nonblocking(true).expect("nonblocking");
        let addr = listener.local_addr().expect("addr");
        let hits = Arc::new(AtomicUsize::new(0));
        let (stop, stopped) = oneshot::channel::<()>();
        let counter = hits.clone();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                tokio::select! {
                    _ = accept(listener, region, counter) => {}
                    _ = stopped => {}
                }
            });
        });
        RegionServer {
            addr,
            hits,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for RegionServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

async fn accept(listener: tokio::net::TcpListener, region: Region, hits: Arc<AtomicUsize>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let hits = hits.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                hits.fetch_add(1, Ordering::SeqCst);
                answer(region, req)
            });
            let io = hyper_util::rt::TokioIo::new(stream);
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(io, service)
                .await;
        });
    }
}

async fn answer(
    region: Region,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let (status, body) = match (req.method().as_str(), req.uri().path()) {
        ("POST", "/as/token") => (
            200,
            json!({
                "access_token": format!("token-{}-{}", region.name, std::process::id()),
                "token_type": "Bearer",
                "expires_in": region.expires_in,
            }),
        ),
        ("POST", "/users") => (region.create_status, json!({"created": true})),
        ("GET", "/profile") => {
            let id = if region.id_as_string {
                json!("42")
            } else {
                json!(42)
            };
            (200, json!({"id": id, "name": "Ada"}))
        }
        ("GET", "/audit") => (200, json!({"ok": true})),
        _ => (404, json!({"error": "not found"})),
    };
    let mut resp = Response::new(Full::new(Bytes::from(body.to_string())));
    *resp.status_mut() = hyper::StatusCode::from_u16(status).unwrap_or_default();
    resp.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("application/json"),
    );
    Ok(resp)
}

fn request(name: &str, method: &str, path: &str, tests: &[&str]) -> Value {
    json!({
        "name": name,
        "request": {"method": method, "url": format!("{{{{baseUrl}}}}{path}")},
        "event": [{"listen": "test", "script": {"exec": tests}}],
    })
}

/// "Token Flow": `Auth / Get Token` (3 assertions; the eu region fails "expires in an hour";
/// sets `access_token` and `lifetime`), `Users / Create User` (201 vs 200; the assertion
/// accepts both), `Users / Get Profile` (id number vs string; stops the run unless the
/// environment says `audit=on`), `Users / Audit` (so it runs where `audit` is on only).
pub fn token_flow() -> Value {
    json!({
        "info": {
            "name": "Token Flow",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
        },
        "item": [
            {"name": "Auth", "item": [request("Get Token", "POST", "/as/token", &[
                "const body = pm.response.json();",
                "pm.test('status is 200', () => pm.response.to.have.status(200));",
                "pm.test('has an access token', () => pm.expect(body.access_token).to.be.a('string'));",
                "pm.test('expires in an hour', () => pm.expect(body.expires_in).to.eql(3600));",
                "pm.environment.set('access_token', body.access_token);",
                "pm.environment.set('lifetime', body.expires_in);",
            ])]},
            {"name": "Users", "item": [
                request("Create User", "POST", "/users", &[
                    "pm.test('created', () => pm.expect(pm.response.code).to.be.oneOf([200, 201]));",
                ]),
                request("Get Profile", "GET", "/profile", &[
                    "pm.test('has an id', () => pm.expect(pm.response.json()).to.have.property('id'));",
                    "if (pm.environment.get('audit') !== 'on') { pm.execution.setNextRequest(null); }",
                ]),
                request("Audit", "GET", "/audit", &[
                    "pm.test('audit ok', () => pm.response.to.have.status(200));",
                ]),
            ]},
        ],
    })
}

/// An environment file's JSON.
pub fn environment(name: Option<&str>, vars: &[(&str, &str)]) -> Value {
    let values: Vec<Value> = vars
        .iter()
        .map(|(k, v)| json!({"key": k, "value": v, "enabled": true}))
        .collect();
    let mut env = json!({"values": values, "_postman_variable_scope": "environment"});
    if let Some(n) = name {
        env["name"] = json!(n);
    }
    env
}

/// Writes `value` as JSON to `dir/file` (creating directories) and returns the path.
pub fn write(dir: &Path, file: &str, value: &Value) -> PathBuf {
    let path = dir.join(file);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&path, serde_json::to_string_pretty(value).expect("json")).expect("write");
    path
}

/// Runs the built `postie` with `args` in `dir` (with `NO_COLOR=1`).
pub fn postie(dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_postie"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("run postie")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Reads a JSON file.
pub fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("valid JSON")
}

/// Two region servers and environments `us.json` / `eu.json` (names "US" / "EU") in `dir`
/// pointing at them; the us one has `audit=on`.
pub struct Regions {
    pub us: RegionServer,
    pub eu: RegionServer,
    pub collection: PathBuf,
}

impl Regions {
    /// `postie compare COLLECTION -e us.json -e eu.json --color off EXTRA…`, run in `dir`.
    pub fn compare(&self, dir: &Path, extra: &[&str]) -> Output {
        let mut args = vec![
            "compare",
            self.collection.to_str().unwrap(),
            "-e",
            "us.json",
            "-e",
            "eu.json",
            "--color",
            "off",
        ];
        args.extend_from_slice(extra);
        postie(dir, &args)
    }

    pub fn start(dir: &Path) -> Regions {
        let us = RegionServer::start(US);
        let eu = RegionServer::start(EU);
        write(
            dir,
            "us.json",
            &environment(Some("US"), &[("baseUrl", &us.url()), ("audit", "on")]),
        );
        write(
            dir,
            "eu.json",
            &environment(Some("EU"), &[("baseUrl", &eu.url())]),
        );
        let collection = write(dir, "flow.postman_collection.json", &token_flow());
        Regions { us, eu, collection }
    }
}
