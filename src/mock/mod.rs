//! Local stand-ins for the servers Postman collections talk to, so tests, benchmarks and Newman's
//! own integration suites run offline.
//!
//! Three servers, each bound to a caller-supplied [`tokio::net::TcpListener`]:
//!
//! - [`serve_echo`]: a postman-echo.com clone (`/get`, `/post`, auth checks, cookies, …). It speaks
//!   plain HTTP and TLS on the same port (the first byte decides), HTTP/1.1 and HTTP/2.
//! - [`serve_raw_echo`]: Newman's raw TCP echo (its test port 4041): answers `200 text/plain` with
//!   the raw request bytes as body and as a JSON-string `raw-request` header.
//! - [`serve_redirect`]: Newman's redirect+echo server (its test port 4042).
//!
//! Every request is recorded in a [`RequestLog`] (method, raw target, headers in wire order and case,
//! body, TLS, SNI) before it is answered. [`MockServer`] runs any of them on a background thread for
//! tests that drive the `postie` binary as a subprocess.
//!
//! This module is a leaf: it depends on nothing else in postie and nothing in the run pipeline
//! depends on it. See `docs/mock.md` for routes and shapes.

mod echo;
mod head;
mod http;
mod log;
pub mod pingone;
mod raw;
mod redirect;
mod reply;
mod server;
mod transport;

use std::sync::Arc;
use std::time::Duration;

pub use log::{RecordedRequest, RequestLog};
pub use server::MockServer;

/// Credentials the echo server accepts: the values postman-echo.com documents.
pub mod creds {
    /// `/basic-auth` and `/digest-auth` user name.
    pub const USERNAME: &str = "postman";
    /// `/basic-auth` and `/digest-auth` password.
    pub const PASSWORD: &str = "password";
    /// Realm of the `/digest-auth` (and `/basic-auth`) challenge.
    pub const DIGEST_REALM: &str = "Users";
    /// Hawk key id accepted by `/auth/hawk`.
    pub const HAWK_ID: &str = "dh37fgj492je";
    /// Hawk key (algorithm sha256) accepted by `/auth/hawk`.
    pub const HAWK_KEY: &str = "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn";
    /// OAuth 1.0 consumer key documented for `/oauth1`.
    pub const OAUTH1_CONSUMER_KEY: &str = "RKCGzna7bv9YD57c";
    /// OAuth 1.0 consumer secret `/oauth1` signs with (the token secret is always empty).
    pub const OAUTH1_CONSUMER_SECRET: &str = "D+EdQ-gs$-%@2Nu7";
    /// OAuth 2.0 client id accepted by `/oauth2/token`.
    pub const OAUTH2_CLIENT_ID: &str = "abc123";
    /// OAuth 2.0 client secret accepted by `/oauth2/token`.
    pub const OAUTH2_CLIENT_SECRET: &str = "ssh-secret";
    /// The access token `/oauth2/token` issues and `/oauth2/user/info` accepts.
    pub const OAUTH2_ACCESS_TOKEN: &str =
        "vp7jxTwqgczoFHs0uIdOvv4VdBWmvCkbVbNBCuaTQ3JZplPS40BaNV47HD1zt7MztQPILJvqYsOs6PfJpFYBgwbaE3CVEKOj";
}

/// How a mock server runs.
#[derive(Clone, Debug, Default)]
pub struct MockOptions {
    /// TLS configuration. When set, connections whose first byte is a TLS handshake (0x16) are
    /// served over TLS with it; everything else on the same port is plain HTTP.
    pub tls: Option<Arc<rustls::ServerConfig>>,
    /// How long the raw echo server waits before answering (Newman's used 1 s; tests use 0).
    pub raw_delay: Duration,
}

/// Which server to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MockKind {
    /// The postman-echo.com clone ([`serve_echo`]).
    Echo,
    /// Newman's raw TCP echo ([`serve_raw_echo`]).
    RawEcho,
    /// Newman's redirect+echo server ([`serve_redirect`]).
    Redirect,
}

/// Serves the postman-echo.com clone on `listener` until the task is dropped.
pub async fn serve_echo(
    listener: tokio::net::TcpListener,
    opts: MockOptions,
    log: RequestLog,
) -> std::io::Result<()> {
    http::serve(listener, opts.tls, log, http::App::Echo).await
}

/// Serves Newman's raw TCP echo on `listener` until the task is dropped.
pub async fn serve_raw_echo(
    listener: tokio::net::TcpListener,
    opts: MockOptions,
    log: RequestLog,
) -> std::io::Result<()> {
    raw::serve(listener, opts, log).await
}

/// Serves Newman's redirect+echo server on `listener` until the task is dropped.
pub async fn serve_redirect(
    listener: tokio::net::TcpListener,
    opts: MockOptions,
    log: RequestLog,
) -> std::io::Result<()> {
    http::serve(listener, opts.tls, log, http::App::Redirect).await
}

/// Serves the server of the given kind on `listener` until the task is dropped.
pub async fn serve(
    kind: MockKind,
    listener: tokio::net::TcpListener,
    opts: MockOptions,
    log: RequestLog,
) -> std::io::Result<()> {
    match kind {
        MockKind::Echo => serve_echo(listener, opts, log).await,
        MockKind::RawEcho => serve_raw_echo(listener, opts, log).await,
        MockKind::Redirect => serve_redirect(listener, opts, log).await,
    }
}
