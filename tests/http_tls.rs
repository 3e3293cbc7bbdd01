//! TLS: trusting an extra CA, `--connect-to`/`--resolve` keeping Host and SNI, `-k`, Node-worded
//! certificate errors, and a client certificate.

mod http_support;

use http_support::*;
use postie::collection::Behavior;
use postie::http::{prepare, Client, ClientCert, HostOverride, HttpOptions, Origin, RequestError};
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
use rustls_pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use std::path::PathBuf;
use std::sync::Arc;

struct Pki {
    dir: tempfile::TempDir,
    ca_pem: PathBuf,
    ca_der: CertificateDer<'static>,
    issuer: Issuer<'static, KeyPair>,
}

fn pki() -> Pki {
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params
        .distinguished_name
        .push(DnType::CommonName, "postie test CA");
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let key = KeyPair::generate().unwrap();
    let ca = params.self_signed(&key).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let ca_pem = dir.path().join("ca.pem");
    std::fs::write(&ca_pem, ca.pem()).unwrap();
    Pki {
        ca_pem,
        ca_der: ca.der().clone(),
        issuer: Issuer::new(params, key),
        dir,
    }
}

fn leaf(pki: &Pki, name: &str) -> (CertificateDer<'static>, KeyPair) {
    let key = KeyPair::generate().unwrap();
    let cert = CertificateParams::new(vec![name.to_string()])
        .unwrap()
        .signed_by(&key, &pki.issuer)
        .unwrap();
    (cert.der().clone(), key)
}

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn server_config(
    cert: CertificateDer<'static>,
    key: &KeyPair,
    client_ca: Option<&Pki>,
) -> Arc<rustls::ServerConfig> {
    let b = rustls::ServerConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .unwrap();
    let b = match client_ca {
        Some(p) => {
            let mut roots = rustls::RootCertStore::empty();
            roots.add(p.ca_der.clone()).unwrap();
            let v = rustls::server::WebPkiClientVerifier::builder_with_provider(
                Arc::new(roots),
                provider(),
            )
            .allow_unauthenticated()
            .build()
            .unwrap();
            b.with_client_cert_verifier(v)
        }
        None => b.with_no_client_auth(),
    };
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    Arc::new(b.with_single_cert(vec![cert], key).unwrap())
}

async fn tls_server(cfg: Arc<rustls::ServerConfig>) -> Server {
    serve_with(Arc::new(|_: &Captured| ok("secure")), Some(cfg)).await
}

async fn get(o: &HttpOptions, url: &str) -> Result<postie::http::Exchange, RequestError> {
    let client = Client::new(o).unwrap();
    let p = prepare(
        url,
        &req("GET", &[], None),
        None,
        &Behavior::default(),
        Origin::Item,
        o,
    )
    .unwrap();
    client.send(&p).await
}

fn over(host: &str, port: Option<u16>, to_host: &str, to_port: Option<u16>) -> HostOverride {
    HostOverride {
        host: host.into(),
        port,
        to_host: to_host.into(),
        to_port,
    }
}

#[tokio::test]
async fn connect_to_keeps_host_and_sni() {
    let pki = pki();
    let (cert, key) = leaf(&pki, "postman-echo.com");
    let srv = tls_server(server_config(cert, &key, None)).await;
    let o = HttpOptions {
        extra_ca_certs: vec![pki.ca_pem.clone()],
        host_overrides: vec![over(
            "postman-echo.com",
            Some(443),
            "127.0.0.1",
            Some(srv.addr.port()),
        )],
        ..opts()
    };
    let ex = get(&o, "https://postman-echo.com/get?x=1").await.unwrap();
    assert_eq!(&ex.response.body[..], b"secure");
    let c = srv.last();
    assert_eq!(c.sni.as_deref(), Some("postman-echo.com"));
    assert_eq!(c.header("host"), Some("postman-echo.com"));
    assert_eq!(c.target, "/get?x=1");
}

#[tokio::test]
async fn resolve_keeps_the_port_and_connect_to_rewrites_an_explicit_port() {
    let pki = pki();
    let (cert, key) = leaf(&pki, "postman-echo.com");
    let srv = tls_server(server_config(cert, &key, None)).await;
    let port = srv.addr.port();
    let o = HttpOptions {
        extra_ca_certs: vec![pki.ca_pem.clone()],
        host_overrides: vec![over("postman-echo.com", Some(port), "127.0.0.1", None)],
        ..opts()
    };
    get(&o, &format!("https://postman-echo.com:{port}/"))
        .await
        .unwrap();
    assert_eq!(
        srv.last().header("host"),
        Some(format!("postman-echo.com:{port}").as_str())
    );
    let plain = serve(|_| ok("plain")).await;
    let o = HttpOptions {
        host_overrides: vec![over(
            "localhost",
            Some(4041),
            "127.0.0.1",
            Some(plain.addr.port()),
        )],
        ..opts()
    };
    let ex = get(&o, "http://localhost:4041/x").await.unwrap();
    assert_eq!(&ex.response.body[..], b"plain");
    assert_eq!(plain.last().header("host"), Some("localhost:4041"));
}

#[tokio::test]
async fn untrusted_certificates_fail_in_node_words_and_insecure_accepts_them() {
    let pki = pki();
    let (cert, key) = leaf(&pki, "postman-echo.com");
    let srv = tls_server(server_config(cert, &key, None)).await;
    let route = vec![over(
        "postman-echo.com",
        None,
        "127.0.0.1",
        Some(srv.addr.port()),
    )];
    let o = HttpOptions {
        host_overrides: route.clone(),
        ..opts()
    };
    let err = get(&o, "https://postman-echo.com/").await.unwrap_err();
    assert_eq!(err.info().message, "unable to verify the first certificate");
    let o = HttpOptions {
        host_overrides: route.clone(),
        insecure: true,
        ..opts()
    };
    get(&o, "https://postman-echo.com/").await.unwrap();

    let self_key = KeyPair::generate().unwrap();
    let self_cert = CertificateParams::new(vec!["postman-echo.com".to_string()])
        .unwrap()
        .self_signed(&self_key)
        .unwrap();
    let srv = tls_server(server_config(self_cert.der().clone(), &self_key, None)).await;
    let o = HttpOptions {
        host_overrides: vec![over(
            "postman-echo.com",
            None,
            "127.0.0.1",
            Some(srv.addr.port()),
        )],
        ..opts()
    };
    let err = get(&o, "https://postman-echo.com/").await.unwrap_err();
    assert_eq!(err.info().message, "self-signed certificate");
    let strict_off = Behavior(
        serde_json::json!({"strictSSL": false})
            .as_object()
            .cloned()
            .unwrap(),
    );
    let client = Client::new(&o).unwrap();
    let p = prepare(
        "https://postman-echo.com/",
        &req("GET", &[], None),
        None,
        &strict_off,
        Origin::Item,
        &o,
    )
    .unwrap();
    client.send(&p).await.unwrap();
}

#[tokio::test]
async fn wrong_host_name_is_reported() {
    let pki = pki();
    let (cert, key) = leaf(&pki, "other.test");
    let srv = tls_server(server_config(cert, &key, None)).await;
    let o = HttpOptions {
        extra_ca_certs: vec![pki.ca_pem.clone()],
        host_overrides: vec![over(
            "postman-echo.com",
            None,
            "127.0.0.1",
            Some(srv.addr.port()),
        )],
        ..opts()
    };
    let err = get(&o, "https://postman-echo.com/").await.unwrap_err();
    assert!(err
        .info()
        .message
        .starts_with("Hostname/IP does not match certificate's altnames: Host: postman-echo.com."));
}

#[tokio::test]
async fn client_certificate_is_presented() {
    let pki = pki();
    let (cert, key) = leaf(&pki, "postman-echo.com");
    let srv = tls_server(server_config(cert, &key, Some(&pki))).await;
    let (ccert, ckey) = leaf(&pki, "client.test");
    let cert_path = pki.dir.path().join("client.pem");
    let key_path = pki.dir.path().join("client.key");
    std::fs::write(&cert_path, pem("CERTIFICATE", &ccert)).unwrap();
    std::fs::write(&key_path, ckey.serialize_pem()).unwrap();
    let base = HttpOptions {
        extra_ca_certs: vec![pki.ca_pem.clone()],
        host_overrides: vec![over(
            "postman-echo.com",
            None,
            "127.0.0.1",
            Some(srv.addr.port()),
        )],
        ..opts()
    };
    get(&base, "https://postman-echo.com/").await.unwrap();
    assert!(!srv.last().client_cert);
    let o = HttpOptions {
        client_cert: Some(ClientCert {
            cert: cert_path.clone(),
            key: Some(key_path),
            passphrase: None,
        }),
        ..base.clone()
    };
    get(&o, "https://postman-echo.com/").await.unwrap();
    assert!(srv.last().client_cert);

    let enc = pki.dir.path().join("enc.key");
    std::fs::write(
        &enc,
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n",
    )
    .unwrap();
    let bad = HttpOptions {
        client_cert: Some(ClientCert {
            cert: cert_path,
            key: Some(enc),
            passphrase: Some("pw".into()),
        }),
        ..base
    };
    let err = Client::new(&bad)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    // A broken encrypted key (decrypted with the passphrase since the auth work) is reported
    // against its file.
    assert!(err.contains("enc.key"), "{err}");
}

fn pem(label: &str, der: &[u8]) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let lines: Vec<&str> = b64
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    format!(
        "-----BEGIN {label}-----\n{}\n-----END {label}-----\n",
        lines.join("\n")
    )
}
