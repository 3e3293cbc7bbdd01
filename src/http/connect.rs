//! CONNECT: opens and pools HTTP/1.1 connections. Applies `--connect-to`/`--resolve` overrides
//! (curl semantics: matched on the URL's host and port, the connection goes elsewhere while the
//! Host header and TLS SNI stay the URL's), environment proxies (`HTTP_PROXY`, `HTTPS_PROXY`,
//! `NO_PROXY`; CONNECT tunnels for https), TLS, and maps failures to Node's messages.

use super::error::RequestError;
use super::tap::{Tap, TapIo};
use super::tls::TlsConfigs;
use super::types::HostOverride;
use bytes::Bytes;
use http_body_util::Full;
use hyper::client::conn::http1::SendRequest;
use hyper::http;
use hyper_util::client::proxy::matcher::Matcher;
use hyper_util::rt::TokioIo;
use rustls_pki_types::ServerName;
use std::collections::HashMap;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::TcpStream;

/// Idle connections kept per destination.
const MAX_IDLE: usize = 16;

/// Where a request goes (one pool per key).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct PoolKey {
    pub https: bool,
    /// The URL's host (no brackets for IPv6), lower-case.
    pub host: String,
    pub port: u16,
    pub strict: bool,
}

/// A usable connection.
pub(crate) struct Conn {
    pub sender: SendRequest<Full<Bytes>>,
    pub tap: Arc<Mutex<Tap>>,
    /// Plain http through a proxy: absolute-form target and `Proxy-Authorization`.
    pub via_proxy: Option<Option<http::HeaderValue>>,
    pub reused: bool,
}

pub(crate) struct Connector {
    tls: TlsConfigs,
    overrides: Vec<HostOverride>,
    proxy: Matcher,
    pool: Mutex<HashMap<PoolKey, Vec<Conn>>>,
}

impl Connector {
    pub fn new(tls: TlsConfigs, overrides: Vec<HostOverride>) -> Connector {
        Connector {
            tls,
            overrides,
            proxy: Matcher::from_env(),
            pool: Mutex::new(HashMap::new()),
        }
    }

    /// An idle pooled connection, if one is ready.
    pub fn checkout(&self, key: &PoolKey) -> Option<Conn> {
        let mut pool = self.pool.lock().ok()?;
        let idle = pool.get_mut(key)?;
        while let Some(mut c) = idle.pop() {
            if c.sender.is_ready() && !c.sender.is_closed() {
                c.reused = true;
                return Some(c);
            }
        }
        None
    }

    /// Returns a connection whose response was read to the end.
    pub fn checkin(&self, key: PoolKey, conn: Conn) {
        if conn.sender.is_closed() {
            return;
        }
        if let Ok(mut pool) = self.pool.lock() {
            let idle = pool.entry(key).or_default();
            if idle.len() < MAX_IDLE {
                idle.push(conn);
            }
        }
    }

    /// The connect-to target for `host:port`, if an override matches (first match wins).
    fn route(&self, host: &str, port: u16) -> Option<(String, u16)> {
        self.overrides
            .iter()
            .find(|o| {
                (o.host.is_empty() || o.host.eq_ignore_ascii_case(host))
                    && o.port.is_none_or(|p| p == port)
            })
            .map(|o| {
                let to = if o.to_host.is_empty() {
                    host.to_string()
                } else {
                    o.to_host.trim_matches(['[', ']']).to_string()
                };
                (to, o.to_port.unwrap_or(port))
            })
    }

    /// Opens a new connection for `key`.
    pub async fn open(&self, key: &PoolKey) -> Result<Conn, RequestError> {
        let routed = self.route(&key.host, key.port);
        let proxy = match routed {
            Some(_) => None,
            None => {
                let scheme = if key.https { "https" } else { "http" };
                let host = if key.host.contains(':') {
                    format!("[{}]", key.host)
                } else {
                    key.host.clone()
                };
                format!("{scheme}://{host}:{}/", key.port)
                    .parse::<http::Uri>()
                    .ok()
                    .and_then(|u| self.proxy.intercept(&u))
            }
        };
        let (tcp_host, tcp_port) = match (&routed, &proxy) {
            (Some((h, p)), _) => (h.clone(), *p),
            (None, Some(p)) => (
                p.uri()
                    .host()
                    .unwrap_or("")
                    .trim_matches(['[', ']'])
                    .to_string(),
                p.uri().port_u16().unwrap_or(80),
            ),
            (None, None) => (key.host.clone(), key.port),
        };
        let tcp = tcp_connect(&tcp_host, tcp_port).await?;
        let mut via_proxy = None;
        let stream = if key.https {
            let tcp = match &proxy {
                Some(p) => tunnel(tcp, key, p.basic_auth()).await?,
                None => tcp,
            };
            let cfg = if key.strict {
                self.tls.strict.clone()
            } else {
                self.tls.insecure.clone()
            };
            let name = ServerName::try_from(key.host.clone())
                .map_err(|_| RequestError::InvalidUrl(key.host.clone()))?;
            let tls = tokio_rustls::TlsConnector::from(cfg)
                .connect(name, tcp)
                .await
                .map_err(tls_error)?;
            Stream::Tls(Box::new(tls))
        } else {
            if let Some(p) = &proxy {
                via_proxy = Some(p.basic_auth().cloned());
            }
            Stream::Plain(tcp)
        };
        let tap = Arc::new(Mutex::new(Tap::default()));
        let io = TokioIo::new(TapIo {
            io: stream,
            tap: tap.clone(),
        });
        let (sender, conn) = hyper::client::conn::http1::Builder::new()
            .title_case_headers(true)
            .allow_obsolete_multiline_headers_in_responses(true)
            .handshake::<_, Full<Bytes>>(io)
            .await
            .map_err(|e| RequestError::Protocol(e.to_string()))?;
        tokio::spawn(async move {
            // The connection ends when the server closes it or the sender is dropped.
            let _ = conn.await;
        });
        Ok(Conn {
            sender,
            tap,
            via_proxy,
            reused: false,
        })
    }
}

async fn tcp_connect(host: &str, port: u16) -> Result<TcpStream, RequestError> {
    let addrs: Vec<SocketAddr> = match host.parse::<IpAddr>() {
        Ok(ip) => vec![SocketAddr::new(ip, port)],
        Err(_) => tokio::net::lookup_host((host, port))
            .await
            .map(|a| a.collect())
            .unwrap_or_default(),
    };
    if addrs.is_empty() {
        return Err(RequestError::Connect(format!(
            "getaddrinfo ENOTFOUND {host}"
        )));
    }
    let mut last = String::new();
    for addr in addrs {
        match TcpStream::connect(addr).await {
            Ok(s) => {
                let _ = s.set_nodelay(true);
                return Ok(s);
            }
            Err(e) => last = connect_error(&e, addr),
        }
    }
    Err(RequestError::Connect(last))
}

/// `connect ECONNREFUSED 127.0.0.1:8080`, as Node words it.
fn connect_error(e: &io::Error, addr: SocketAddr) -> String {
    use io::ErrorKind as K;
    let code = match e.kind() {
        K::ConnectionRefused => "ECONNREFUSED",
        K::TimedOut => "ETIMEDOUT",
        K::HostUnreachable => "EHOSTUNREACH",
        K::NetworkUnreachable => "ENETUNREACH",
        K::AddrNotAvailable => "EADDRNOTAVAIL",
        K::PermissionDenied => "EACCES",
        K::ConnectionReset => "ECONNRESET",
        _ => return format!("connect {e} {}:{}", addr.ip(), addr.port()),
    };
    format!("connect {code} {}:{}", addr.ip(), addr.port())
}

fn tls_error(e: io::Error) -> RequestError {
    if let Some(inner) = e.get_ref() {
        if let Some(r) = inner.downcast_ref::<rustls::Error>() {
            return RequestError::Tls(match r {
                rustls::Error::General(s) => s.clone(),
                other => other.to_string(),
            });
        }
    }
    if e.kind() == io::ErrorKind::UnexpectedEof {
        return RequestError::Tls(
            "Client network socket disconnected before secure TLS connection was established"
                .to_string(),
        );
    }
    RequestError::Tls(e.to_string())
}

/// `CONNECT host:port` through an HTTP proxy.
async fn tunnel(
    mut tcp: TcpStream,
    key: &PoolKey,
    auth: Option<&http::HeaderValue>,
) -> Result<TcpStream, RequestError> {
    let authority = if key.host.contains(':') {
        format!("[{}]:{}", key.host, key.port)
    } else {
        format!("{}:{}", key.host, key.port)
    };
    let mut req = format!("CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n");
    if let Some(a) = auth.and_then(|a| a.to_str().ok()) {
        req.push_str(&format!("Proxy-Authorization: {a}\r\n"));
    }
    req.push_str("\r\n");
    let fail = |e: io::Error| {
        RequestError::Connect(format!(
            "tunneling socket could not be established, cause={e}"
        ))
    };
    tcp.write_all(req.as_bytes()).await.map_err(fail)?;
    let mut buf = Vec::with_capacity(256);
    let mut chunk = [0u8; 256];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = tcp.read(&mut chunk).await.map_err(fail)?;
        if n == 0 || buf.len() > 16 * 1024 {
            return Err(fail(io::ErrorKind::UnexpectedEof.into()));
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let status = buf.split(|&c| c == b' ').nth(1).unwrap_or(b"");
    if status != b"200" {
        return Err(RequestError::Connect(format!(
            "tunneling socket could not be established, statusCode={}",
            String::from_utf8_lossy(status)
        )));
    }
    Ok(tcp)
}

/// A plain or TLS transport.
pub(crate) enum Stream {
    Plain(TcpStream),
    Tls(Box<tokio_rustls::client::TlsStream<TcpStream>>),
}

impl AsyncRead for Stream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_read(cx, buf),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for Stream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_write(cx, buf),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
        }
    }
    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_write_vectored(cx, bufs),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_write_vectored(cx, bufs),
        }
    }
    fn is_write_vectored(&self) -> bool {
        match self {
            Stream::Plain(s) => s.is_write_vectored(),
            Stream::Tls(s) => s.is_write_vectored(),
        }
    }
    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_flush(cx),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
        }
    }
    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_shutdown(cx),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connect_error_text() {
        let e = io::Error::from(io::ErrorKind::ConnectionRefused);
        assert_eq!(
            connect_error(&e, "127.0.0.1:1".parse().unwrap()),
            "connect ECONNREFUSED 127.0.0.1:1"
        );
        assert_eq!(
            connect_error(&e, "[::1]:80".parse().unwrap()),
            "connect ECONNREFUSED ::1:80"
        );
    }
}
