//! Test servers for the http tests: a raw TCP capture server on 127.0.0.1:0 that records each
//! request's exact bytes and answers with a scripted response (optionally over TLS, recording
//! the SNI), plus helpers to build requests from the collection model.
#![allow(dead_code)]

use postie::collection::{Body, Header, Request};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpListener;

/// One request as it arrived.
#[derive(Debug, Clone, Default)]
pub struct Captured {
    pub raw: Vec<u8>,
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub sni: Option<String>,
    /// Over TLS: whether the client presented a certificate.
    pub client_cert: bool,
    pub conn: usize,
}

impl Captured {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    pub fn head(&self) -> String {
        let end = self.raw.len() - self.body.len();
        String::from_utf8_lossy(&self.raw[..end]).into_owned()
    }
}

pub type Handler = Arc<dyn Fn(&Captured) -> Vec<u8> + Send + Sync>;

pub struct Server {
    pub addr: SocketAddr,
    pub log: Arc<Mutex<Vec<Captured>>>,
}

impl Server {
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{}", self.addr.port(), path)
    }
    pub fn requests(&self) -> Vec<Captured> {
        self.log.lock().unwrap().clone()
    }
    pub fn last(&self) -> Captured {
        self.requests().pop().expect("a request")
    }
}

/// A full HTTP/1.1 response with Content-Length.
pub fn resp(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\n");
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut out = out.into_bytes();
    out.extend_from_slice(body);
    out
}

/// `r`, after which the server closes the connection without announcing it.
pub fn then_close(r: Vec<u8>) -> Vec<u8> {
    let mut out = b"CLOSE:".to_vec();
    out.extend(r);
    out
}

pub fn ok(body: &str) -> Vec<u8> {
    resp("200 OK", &[("Content-Type", "text/plain")], body.as_bytes())
}

pub async fn serve(handler: impl Fn(&Captured) -> Vec<u8> + Send + Sync + 'static) -> Server {
    serve_with(Arc::new(handler), None).await
}

pub async fn serve_with(handler: Handler, tls: Option<Arc<rustls::ServerConfig>>) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let log = Arc::new(Mutex::new(Vec::new()));
    let log2 = log.clone();
    tokio::spawn(async move {
        let mut n = 0;
        while let Ok((sock, _)) = listener.accept().await {
            n += 1;
            let (h, log, tls) = (handler.clone(), log2.clone(), tls.clone());
            tokio::spawn(async move {
                match tls {
                    Some(cfg) => {
                        let acceptor = tokio_rustls::TlsAcceptor::from(cfg);
                        if let Ok(s) = acceptor.accept(sock).await {
                            let tls = s.get_ref().1;
                            let sni = tls.server_name().map(str::to_string);
                            let cert = tls.peer_certificates().is_some_and(|c| !c.is_empty());
                            conn_loop(s, h, log, (sni, cert), n).await;
                        }
                    }
                    None => conn_loop(sock, h, log, (None, false), n).await,
                }
            });
        }
    });
    Server { addr, log }
}

async fn conn_loop<S: AsyncRead + AsyncWrite + Unpin>(
    mut s: S,
    h: Handler,
    log: Arc<Mutex<Vec<Captured>>>,
    (sni, client_cert): (Option<String>, bool),
    conn: usize,
) {
    let mut buf = Vec::new();
    loop {
        let Some(mut c) = read_request(&mut s, &mut buf).await else {
            return;
        };
        c.sni = sni.clone();
        c.client_cert = client_cert;
        c.conn = conn;
        log.lock().unwrap().push(c.clone());
        let out = h(&c);
        if out.is_empty() {
            return; // close without answering
        }
        let (out, close) = match out.strip_prefix(b"CLOSE:") {
            Some(rest) => (rest.to_vec(), true),
            None => (out, false),
        };
        if s.write_all(&out).await.is_err() {
            return;
        }
        let _ = s.flush().await;
        if close {
            let _ = s.shutdown().await;
            return;
        }
    }
}

async fn read_request<S: AsyncRead + Unpin>(s: &mut S, buf: &mut Vec<u8>) -> Option<Captured> {
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(p) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break p + 4;
        }
        let n = s.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut first = lines.next()?.split(' ');
    let method = first.next()?.to_string();
    let target = first.next()?.to_string();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.to_string(), v.trim().to_string()))
        .collect();
    let len: usize = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    while buf.len() < head_end + len {
        let n = s.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let raw: Vec<u8> = buf.drain(..head_end + len).collect();
    let body = raw[head_end..].to_vec();
    Some(Captured {
        raw,
        method,
        target,
        headers,
        body,
        ..Captured::default()
    })
}

pub fn req(method: &str, headers: &[(&str, &str)], body: Option<Body>) -> Request {
    Request {
        method: method.to_string(),
        headers: headers
            .iter()
            .map(|(k, v)| Header {
                key: k.to_string(),
                value: v.to_string(),
                disabled: false,
            })
            .collect(),
        body,
        ..Request::default()
    }
}

pub fn opts() -> postie::http::HttpOptions {
    postie::http::HttpOptions {
        user_agent: "PostmanRuntime/7.39.1".into(),
        ..Default::default()
    }
}

/// Header names of a captured request, in wire order.
pub fn names(c: &Captured) -> Vec<String> {
    c.headers.iter().map(|(k, _)| k.clone()).collect()
}
