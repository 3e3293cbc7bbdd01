//! Local stand-ins for the hosts Newman's own tests call (../shared/compat/newman): postman-echo.com
//! and friends at our echo server with a test CA, Newman's ports 4041/4042 at the raw and redirect
//! servers, expired.badssl.com at a server with an expired certificate; and the `--connect-to`
//! flags that point postie at them.

use super::TestCa;
use postie::mock::{MockKind, MockOptions, MockServer};
use std::path::{Path, PathBuf};

/// The running stand-ins (stopped on drop).
pub struct Stands {
    pub ca_file: PathBuf,
    pub echo: MockServer,
    pub raw: MockServer,
    pub redirect: MockServer,
    pub expired: MockServer,
}

pub fn stand_ins(dir: &Path) -> Stands {
    let ca = TestCa::for_names(&[
        "postman-echo.com",
        "localhost",
        "127.0.0.1",
        "google.com",
        "www.google.com",
        "github.com",
        "httpbin.org",
    ]);
    let expired = TestCa::expired_for_names(&["expired.badssl.com"]);
    Stands {
        ca_file: ca.write_ca(dir),
        echo: MockServer::start_echo(ca.mock_options()).expect("echo"),
        raw: MockServer::start_raw_echo(MockOptions::default()).expect("raw echo"),
        redirect: MockServer::start_redirect(MockOptions::default()).expect("redirect"),
        expired: MockServer::start(
            MockKind::Echo,
            "127.0.0.1:0".parse().expect("addr"),
            expired.mock_options(),
        )
        .expect("expired echo"),
    }
}

pub fn connect_args(s: &Stands) -> Vec<String> {
    let echo = s.echo.port();
    let mut args = Vec::new();
    let mut to = |from: &str, port: u16| {
        args.push("--connect-to".to_string());
        args.push(format!("{from}:127.0.0.1:{port}"));
    };
    for host in [
        "postman-echo.com",
        "google.com",
        "www.google.com",
        "github.com",
        "httpbin.org",
    ] {
        to(&format!("{host}:443"), echo);
        to(&format!("{host}:80"), echo);
    }
    to("localhost:4041", s.raw.port());
    to("127.0.0.1:4041", s.raw.port());
    to("localhost:4042", s.redirect.port());
    to("127.0.0.1:4042", s.redirect.port());
    to("expired.badssl.com:443", s.expired.port());
    args.push("--ssl-extra-ca-certs".into());
    args.push(s.ca_file.display().to_string());
    args
}
