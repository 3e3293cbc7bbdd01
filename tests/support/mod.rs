//! Shared by every integration test (`mod support;`):
//!
//! - [`TestCa`]: a throw-away CA and a server certificate for chosen names, as PEM, as a rustls
//!   server config (for the mock servers) and as a client config (for reqwest or postie).
//! - Mock servers ([`echo_server`], [`raw_server`], [`redirect_server`], optionally with TLS), each
//!   on `127.0.0.1:0` in a background thread, stopped on drop.
//! - [`client`]: a reqwest client that trusts a [`TestCa`], resolves chosen names to local servers
//!   and never follows redirects or proxies.
//! - [`postie`] / [`postie_in`]: the built binary as a `Command` with `NO_COLOR=1`.
//! - [`shared_dir`]: `../shared`, or `None` (with a note) when it is absent so the test can skip;
//!   [`compat`]: local stand-ins for the hosts Newman's own tests call.
//! - [`run`]: collections, a working directory that runs the binary, report readers (for
//!   `tests/run_*.rs`).
//!
//! Helpers panic on setup failure: in a test that is the clearest report.
#![allow(dead_code)]

pub mod compat;
pub mod run;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use postie::mock::{MockOptions, MockServer};
use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair, KeyUsagePurpose,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

/// Names the default [`TestCa::new`] certificate covers.
pub const DEFAULT_NAMES: &[&str] = &["postman-echo.com", "localhost", "127.0.0.1"];

/// A certificate authority and one server certificate it signed.
pub struct TestCa {
    ca_pem: String,
    ca_der: CertificateDer<'static>,
    server_der: CertificateDer<'static>,
    server_key: Vec<u8>,
}

impl TestCa {
    /// A CA plus a server certificate for [`DEFAULT_NAMES`].
    pub fn new() -> Self {
        Self::for_names(DEFAULT_NAMES)
    }

    /// A CA plus a server certificate for `names` (DNS names or IP addresses).
    pub fn for_names(names: &[&str]) -> Self {
        Self::build(names, false)
    }

    /// Like [`for_names`](Self::for_names), but the server certificate expired in 2020.
    pub fn expired_for_names(names: &[&str]) -> Self {
        Self::build(names, true)
    }

    fn build(names: &[&str], expired: bool) -> Self {
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("ca params");
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        ca_params
            .distinguished_name
            .push(DnType::CommonName, "postie test CA");
        let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().expect("ca key"))
            .expect("ca");

        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        let mut params = CertificateParams::new(names).expect("server params");
        params
            .distinguished_name
            .push(DnType::CommonName, "postie test server");
        if expired {
            params.not_before = rcgen::date_time_ymd(2019, 1, 1);
            params.not_after = rcgen::date_time_ymd(2020, 1, 1);
        }
        let key = KeyPair::generate().expect("server key");
        let cert = params.signed_by(&key, &ca).expect("server cert");
        Self {
            ca_pem: ca.pem(),
            ca_der: ca.der().clone(),
            server_der: cert.der().clone(),
            server_key: key.serialize_der(),
        }
    }

    /// The CA certificate as PEM.
    pub fn ca_pem(&self) -> &str {
        &self.ca_pem
    }

    /// Writes the CA certificate to `dir/test-ca.pem` and returns that path.
    pub fn write_ca(&self, dir: &Path) -> PathBuf {
        let path = dir.join("test-ca.pem");
        std::fs::write(&path, &self.ca_pem).expect("write CA");
        path
    }

    /// A server config presenting the server certificate (ring provider, ALPN `http/1.1`).
    pub fn server_config(&self) -> Arc<rustls::ServerConfig> {
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(self.server_key.clone()));
        let mut config = rustls::ServerConfig::builder_with_provider(ring())
            .with_safe_default_protocol_versions()
            .expect("protocol versions")
            .with_no_client_auth()
            .with_single_cert(vec![self.server_der.clone(), self.ca_der.clone()], key)
            .expect("server config");
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Arc::new(config)
    }

    /// A client config that trusts only this CA (ring provider).
    pub fn client_config(&self) -> rustls::ClientConfig {
        let mut roots = rustls::RootCertStore::empty();
        roots.add(self.ca_der.clone()).expect("add CA");
        rustls::ClientConfig::builder_with_provider(ring())
            .with_safe_default_protocol_versions()
            .expect("protocol versions")
            .with_root_certificates(roots)
            .with_no_client_auth()
    }

    /// Mock options serving TLS with this CA's server certificate.
    pub fn mock_options(&self) -> MockOptions {
        MockOptions {
            tls: Some(self.server_config()),
            ..MockOptions::default()
        }
    }
}

impl Default for TestCa {
    fn default() -> Self {
        Self::new()
    }
}

fn ring() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The postman-echo clone, plain HTTP only.
pub fn echo_server() -> MockServer {
    MockServer::start_echo(MockOptions::default()).expect("start echo server")
}

/// The postman-echo clone, plain HTTP and TLS on one port.
pub fn echo_server_tls(ca: &TestCa) -> MockServer {
    MockServer::start_echo(ca.mock_options()).expect("start echo server")
}

/// Newman's raw echo, answering at once.
pub fn raw_server() -> MockServer {
    MockServer::start_raw_echo(MockOptions::default()).expect("start raw echo server")
}

/// Newman's raw echo with TLS as well.
pub fn raw_server_tls(ca: &TestCa) -> MockServer {
    MockServer::start_raw_echo(ca.mock_options()).expect("start raw echo server")
}

/// Newman's redirect+echo server.
pub fn redirect_server() -> MockServer {
    MockServer::start_redirect(MockOptions::default()).expect("start redirect server")
}

/// Newman's redirect+echo server with TLS as well.
pub fn redirect_server_tls(ca: &TestCa) -> MockServer {
    MockServer::start_redirect(ca.mock_options()).expect("start redirect server")
}

/// A reqwest client trusting `ca`, resolving each `(name, addr)` to `addr`, following no
/// redirects and using no proxy.
pub fn client(ca: &TestCa, resolve: &[(&str, SocketAddr)]) -> reqwest::Client {
    client_builder(ca, resolve).build().expect("reqwest client")
}

/// [`client`]'s builder, for tests that need one more setting.
pub fn client_builder(ca: &TestCa, resolve: &[(&str, SocketAddr)]) -> reqwest::ClientBuilder {
    let mut builder = reqwest::Client::builder()
        .tls_backend_preconfigured(ca.client_config())
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy();
    for (name, addr) in resolve {
        builder = builder.resolve(name, *addr);
    }
    builder
}

/// The built `postie` binary, run from the crate root with `NO_COLOR=1`.
pub fn postie() -> Command {
    postie_in(Path::new(env!("CARGO_MANIFEST_DIR")))
}

/// The built `postie` binary, run from `dir` with `NO_COLOR=1`.
pub fn postie_in(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_postie"));
    command.current_dir(dir).env("NO_COLOR", "1");
    command
}

/// `../shared` next to the crate (or `$POSTIE_SHARED_DIR`); `None`, with a note on stderr, when
/// absent: the calling test should then return early.
#[allow(clippy::print_stderr)]
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("POSTIE_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("note: {} not found; skipping this test", dir.display());
        None
    }
}
