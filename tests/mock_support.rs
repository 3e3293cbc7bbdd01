//! The shared test support itself: the CA file it writes is usable on its own, certificates cover
//! exactly the names asked for, and the binary helper runs the built `postie`.

mod support;

use std::sync::Arc;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::CertificateDer;
use support::TestCa;

/// A client whose only trust anchor is the PEM file at `path`.
fn client_trusting_file(
    path: &std::path::Path,
    name: &str,
    addr: std::net::SocketAddr,
) -> reqwest::Client {
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_file_iter(path).expect("read PEM") {
        roots.add(cert.expect("certificate")).expect("add root");
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    reqwest::Client::builder()
        .tls_backend_preconfigured(config)
        .resolve(name, addr)
        .no_proxy()
        .build()
        .expect("client")
}

#[tokio::test]
async fn the_written_ca_file_verifies_the_mock_server() {
    let ca = TestCa::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = ca.write_ca(dir.path());
    assert_eq!(std::fs::read_to_string(&path).expect("read"), ca.ca_pem());
    assert!(ca.ca_pem().starts_with("-----BEGIN CERTIFICATE-----"));

    let server = support::echo_server_tls(&ca);
    let client = client_trusting_file(&path, "postman-echo.com", server.addr);
    let url = format!("https://postman-echo.com:{}/get", server.port());
    let response = client.get(url).send().await.expect("TLS request");
    assert_eq!(response.status(), 200);
    assert!(server.log.last().is_some_and(|r| r.tls));
}

#[tokio::test]
async fn certificates_cover_only_the_names_asked_for() {
    let ca = TestCa::for_names(&["only.example"]);
    let server = support::echo_server_tls(&ca);
    let client = support::client(
        &ca,
        &[
            ("only.example", server.addr),
            ("postman-echo.com", server.addr),
        ],
    );
    let ok = client
        .get(format!("https://only.example:{}/get", server.port()))
        .send()
        .await;
    assert_eq!(ok.expect("trusted name").status(), 200);
    let other = client
        .get(format!("https://postman-echo.com:{}/get", server.port()))
        .send()
        .await;
    assert!(
        other.is_err(),
        "a name outside the certificate must fail verification"
    );

    let stranger = TestCa::new();
    let untrusting = support::client(&stranger, &[("only.example", server.addr)]);
    let foreign = untrusting
        .get(format!("https://only.example:{}/get", server.port()))
        .send()
        .await;
    assert!(foreign.is_err(), "another CA must not verify this server");
    assert_eq!(server.log.len(), 1);
}

#[test]
fn postie_runs_the_built_binary() {
    let status = support::postie()
        .arg("--help")
        .status()
        .expect("spawn postie");
    assert!(status.code().is_some());
    let dir = tempfile::tempdir().expect("tempdir");
    let output = support::postie_in(dir.path())
        .output()
        .expect("spawn postie");
    assert!(output.status.code().is_some());
}
