//! Servers and certificates for the transport tests:
//!
//! - [`Pki`]: a CA made for the test, server certificates for chosen names, client
//!   certificates (PEM files, and PKCS#12 files made with the `openssl` tool when it exists).
//! - [`tls_server`]: a TLS server (rustls) that records, per request, the SNI, the client
//!   certificate's DER, the protocol version and cipher suite, and answers like `http_support`.
//! - [`proxy`]: an HTTP proxy that forwards absolute-form requests, tunnels `CONNECT`, checks
//!   `Proxy-Authorization` and records what it saw.
//! - [`h2_server`]: hyper's HTTP/2 (and HTTP/1.1) server, over TLS with ALPN or cleartext.
#![allow(dead_code)]

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

pub struct Pki {
    pub dir: tempfile::TempDir,
    pub ca_pem: PathBuf,
    pub ca_der: CertificateDer<'static>,
    issuer: Issuer<'static, KeyPair>,
}

impl Pki {
    pub fn new() -> Pki {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params
            .distinguished_name
            .push(DnType::CommonName, "transport test CA");
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
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

    /// A certificate for DNS `names` with common name `cn`: (DER, key).
    pub fn leaf(&self, cn: &str, names: &[&str]) -> (CertificateDer<'static>, KeyPair) {
        let mut params =
            CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>())
                .unwrap();
        params.distinguished_name.push(DnType::CommonName, cn);
        let key = KeyPair::generate().unwrap();
        let cert = params.signed_by(&key, &self.issuer).unwrap();
        (cert.der().clone(), key)
    }

    /// A client certificate written as `<cn>.crt` / `<cn>.key` PEM files.
    pub fn client_files(&self, cn: &str) -> (PathBuf, PathBuf) {
        let (der, key) = self.leaf(cn, &[]);
        let cert = self.dir.path().join(format!("{cn}.crt"));
        let key_path = self.dir.path().join(format!("{cn}.key"));
        std::fs::write(&cert, pem("CERTIFICATE", &der)).unwrap();
        std::fs::write(&key_path, key.serialize_pem()).unwrap();
        (cert, key_path)
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A server config for `names`, optionally requiring client certificates from this CA.
    pub fn server_config(
        &self,
        names: &[&str],
        client_auth: bool,
        versions: &[&'static rustls::SupportedProtocolVersion],
        alpn: &[&[u8]],
    ) -> Arc<rustls::ServerConfig> {
        let (cert, key) = self.leaf("server", names);
        let b = rustls::ServerConfig::builder_with_provider(provider())
            .with_protocol_versions(versions)
            .unwrap();
        let b = if client_auth {
            let mut roots = rustls::RootCertStore::empty();
            roots.add(self.ca_der.clone()).unwrap();
            let v = rustls::server::WebPkiClientVerifier::builder_with_provider(
                Arc::new(roots),
                provider(),
            )
            .build()
            .unwrap();
            b.with_client_cert_verifier(v)
        } else {
            b.with_no_client_auth()
        };
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
        let mut cfg = b.with_single_cert(vec![cert], key).unwrap();
        cfg.alpn_protocols = alpn.iter().map(|a| a.to_vec()).collect();
        Arc::new(cfg)
    }
}

pub fn pem(label: &str, der: &[u8]) -> String {
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

/// Runs the `openssl` tool; `None` (with a note) when it is not installed.
#[allow(clippy::print_stderr)]
pub fn openssl(args: &[&str], dir: &Path) -> Option<()> {
    match Command::new("openssl").args(args).current_dir(dir).output() {
        Ok(o) if o.status.success() => Some(()),
        Ok(o) => panic!(
            "openssl {args:?} failed: {}",
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(_) => {
            eprintln!("note: openssl not found; skipping the parts that need it");
            None
        }
    }
}

/// One request as a TLS server saw it.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    pub head: String,
    pub sni: Option<String>,
    pub client_cert: Option<Vec<u8>>,
    pub version: Option<String>,
    pub suite: Option<String>,
}

impl Seen {
    /// The client certificate's common name, found as a UTF8String/PrintableString after the
    /// CN attribute OID in the DER.
    pub fn client_cn(&self) -> Option<String> {
        let der = self.client_cert.as_ref()?;
        let oid = [0x06, 0x03, 0x55, 0x04, 0x03];
        let positions: Vec<usize> = der
            .windows(oid.len())
            .enumerate()
            .filter(|(_, w)| *w == oid)
            .map(|(i, _)| i + oid.len())
            .collect();
        // The issuer comes first, the subject's CN last.
        let at = *positions.last()?;
        let len = *der.get(at + 1)? as usize;
        Some(String::from_utf8_lossy(der.get(at + 2..at + 2 + len)?).into_owned())
    }
}

pub struct TlsServer {
    pub addr: SocketAddr,
    pub seen: Arc<Mutex<Vec<Seen>>>,
}

impl TlsServer {
    pub fn last(&self) -> Seen {
        self.seen
            .lock()
            .unwrap()
            .last()
            .cloned()
            .expect("a request")
    }
}

/// A TLS server answering every request `200 OK` with body `ok`.
pub async fn tls_server(cfg: Arc<rustls::ServerConfig>) -> TlsServer {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            let (cfg, log) = (cfg.clone(), log.clone());
            tokio::spawn(async move {
                let Ok(mut s) = tokio_rustls::TlsAcceptor::from(cfg).accept(sock).await else {
                    return;
                };
                let (_, conn) = s.get_ref();
                let base = Seen {
                    sni: conn.server_name().map(str::to_string),
                    client_cert: conn
                        .peer_certificates()
                        .and_then(|c| c.first())
                        .map(|c| c.to_vec()),
                    version: conn.protocol_version().map(|v| format!("{v:?}")),
                    suite: conn
                        .negotiated_cipher_suite()
                        .map(|s| format!("{:?}", s.suite())),
                    ..Seen::default()
                };
                let mut buf = Vec::new();
                while let Some(head) = read_head(&mut s, &mut buf).await {
                    log.lock().unwrap().push(Seen {
                        head,
                        ..base.clone()
                    });
                    let answer = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
                    if s.write_all(answer).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    TlsServer { addr, seen }
}

/// Reads one request head (bodies are not expected here).
async fn read_head<S: tokio::io::AsyncRead + Unpin>(
    s: &mut S,
    buf: &mut Vec<u8>,
) -> Option<String> {
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(p) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head: Vec<u8> = buf.drain(..p + 4).collect();
            return Some(String::from_utf8_lossy(&head).into_owned());
        }
        let n = s.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// What the proxy saw: request heads (CONNECT lines and absolute-form requests).
pub struct Proxy {
    pub addr: SocketAddr,
    pub seen: Arc<Mutex<Vec<String>>>,
}

impl Proxy {
    pub fn url(&self, credentials: &str) -> String {
        format!("http://{credentials}127.0.0.1:{}", self.addr.port())
    }
}

/// An HTTP proxy. With `credentials` (`user:pass`), requests without the matching
/// `Proxy-Authorization` get `407`. Every destination is reached at `to` (the test servers).
pub async fn proxy(credentials: Option<&'static str>, to: SocketAddr) -> Proxy {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let log = log.clone();
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let Some(head) = read_head(&mut sock, &mut buf).await else {
                    return;
                };
                log.lock().unwrap().push(head.clone());
                if let Some(c) = credentials {
                    use base64::Engine;
                    let want = format!(
                        "proxy-authorization: basic {}",
                        base64::engine::general_purpose::STANDARD.encode(c)
                    );
                    if !head
                        .to_ascii_lowercase()
                        .contains(&want.to_ascii_lowercase())
                    {
                        let _ = sock
                            .write_all(b"HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"p\"\r\nContent-Length: 0\r\n\r\n")
                            .await;
                        return;
                    }
                }
                let Ok(mut upstream) = TcpStream::connect(to).await else {
                    return;
                };
                if head.starts_with("CONNECT ") {
                    if sock
                        .write_all(b"HTTP/1.1 200 Connection Established\r\n\r\n")
                        .await
                        .is_err()
                    {
                        return;
                    }
                } else {
                    // Forward the request as it came (the test servers accept absolute form).
                    let _ = upstream.write_all(head.as_bytes()).await;
                }
                let _ = upstream.write_all(&buf).await;
                let _ = tokio::io::copy_bidirectional(&mut sock, &mut upstream).await;
            });
        }
    });
    Proxy { addr, seen }
}

/// Versions the h2 server saw, and the header names of the last request.
pub struct H2Server {
    pub addr: SocketAddr,
    pub versions: Arc<Mutex<Vec<String>>>,
}

/// hyper's server: HTTP/1.1 and HTTP/2 (auto) over TLS with `tls`, or cleartext HTTP/2 only
/// (prior knowledge) without. Answers `version=<…>` with the request's headers echoed.
pub async fn h2_server(tls: Option<Arc<rustls::ServerConfig>>) -> H2Server {
    use http_body_util::Full;
    use hyper::body::Bytes;
    use hyper_util::rt::{TokioExecutor, TokioIo};
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let versions = Arc::new(Mutex::new(Vec::new()));
    let log = versions.clone();
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            let (tls, log) = (tls.clone(), log.clone());
            tokio::spawn(async move {
                let service = hyper::service::service_fn(
                    move |req: hyper::Request<hyper::body::Incoming>| {
                        let log = log.clone();
                        async move {
                            log.lock().unwrap().push(format!("{:?}", req.version()));
                            let names: Vec<String> =
                                req.headers().keys().map(|k| k.to_string()).collect();
                            let body = format!("{:?} {}", req.version(), names.join(","));
                            Ok::<_, std::convert::Infallible>(hyper::Response::new(Full::new(
                                Bytes::from(body),
                            )))
                        }
                    },
                );
                match tls {
                    Some(cfg) => {
                        let Ok(s) = tokio_rustls::TlsAcceptor::from(cfg).accept(sock).await else {
                            return;
                        };
                        let _ = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new())
                            .serve_connection(TokioIo::new(s), service)
                            .await;
                    }
                    None => {
                        let _ = hyper::server::conn::http2::Builder::new(TokioExecutor::new())
                            .serve_connection(TokioIo::new(sock), service)
                            .await;
                    }
                }
            });
        }
    });
    H2Server { addr, versions }
}
