//! CONNECT: opens and pools connections. Applies `--connect-to`/`--resolve` overrides (curl
//! semantics: matched on the URL's host and port, the connection goes elsewhere while the Host
//! header and TLS SNI stay the URL's), proxies ([`super::proxy`]; CONNECT tunnels for https),
//! TLS with the request's configuration ([`super::tls`]), and HTTP/2 (`--http2`: ALPN `h2` over
//! TLS, prior knowledge over cleartext). HTTP/1.1 connections are pooled idle per destination;
//! an HTTP/2 connection is shared. Each new connection records how long resolving, connecting
//! and the TLS handshake took.

use super::dial::{self, ms};
use super::error::RequestError;
use super::proxy::{Proxies, Route};
use super::stream::Stream;
use super::tap::{Tap, TapIo};
use super::tls::{TlsConfigs, TlsKey};
use super::types::HostOverride;
use bytes::Bytes;
use http_body_util::Full;
use hyper::client::conn::{http1, http2};
use hyper_util::rt::{TokioExecutor, TokioIo};
use rustls_pki_types::ServerName;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Idle connections kept per destination.
const MAX_IDLE: usize = 16;

/// Where a request goes (one pool per key).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct PoolKey {
    pub https: bool,
    /// The URL's host (no brackets for IPv6), lower-case.
    pub host: String,
    pub port: u16,
    /// The TLS configuration (https only).
    pub tls: Option<TlsKey>,
}

/// How a connection sends requests.
pub(crate) enum Sender {
    H1(http1::SendRequest<Full<Bytes>>),
    H2(http2::SendRequest<Full<Bytes>>),
}

impl Sender {
    fn usable(&self) -> bool {
        match self {
            Sender::H1(s) => s.is_ready() && !s.is_closed(),
            Sender::H2(s) => !s.is_closed(),
        }
    }
}

/// Milliseconds spent opening a connection.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Opening {
    pub dns: f64,
    pub connect: f64,
    pub tls: Option<f64>,
}

/// A usable connection.
pub(crate) struct Conn {
    pub sender: Sender,
    pub tap: Arc<Mutex<Tap>>,
    /// Plain http through a proxy: absolute-form target and `Proxy-Authorization`.
    pub via_proxy: Option<Route>,
    pub reused: bool,
    /// Set on a new connection; `None` once it has served a request.
    pub opening: Option<Opening>,
}

impl Conn {
    pub fn is_h2(&self) -> bool {
        matches!(self.sender, Sender::H2(_))
    }
    pub fn usable(&self) -> bool {
        self.sender.usable()
    }
}

pub(crate) struct Connector {
    pub tls: TlsConfigs,
    overrides: Vec<HostOverride>,
    proxies: Proxies,
    http2: bool,
    idle: Mutex<HashMap<PoolKey, Vec<Conn>>>,
    shared: Mutex<HashMap<PoolKey, http2::SendRequest<Full<Bytes>>>>,
}

impl Connector {
    pub fn new(
        tls: TlsConfigs,
        overrides: Vec<HostOverride>,
        proxies: Proxies,
        http2: bool,
    ) -> Connector {
        Connector {
            tls,
            overrides,
            proxies,
            http2,
            idle: Mutex::new(HashMap::new()),
            shared: Mutex::new(HashMap::new()),
        }
    }

    /// A pooled connection, if one is ready: the shared HTTP/2 one, else an idle HTTP/1.1 one.
    pub fn checkout(&self, key: &PoolKey) -> Option<Conn> {
        if let Some(s) = self
            .shared
            .lock()
            .ok()?
            .get(key)
            .filter(|s| !s.is_closed())
            .cloned()
        {
            return Some(Conn {
                sender: Sender::H2(s),
                tap: Arc::new(Mutex::new(Tap::default())),
                via_proxy: None,
                reused: true,
                opening: None,
            });
        }
        let mut pool = self.idle.lock().ok()?;
        let idle = pool.get_mut(key)?;
        while let Some(mut c) = idle.pop() {
            if c.usable() {
                c.reused = true;
                c.opening = None;
                return Some(c);
            }
        }
        None
    }

    /// Returns a connection whose response was read to the end.
    pub fn checkin(&self, key: PoolKey, conn: Conn) {
        match conn.sender {
            Sender::H2(s) if !s.is_closed() => {
                if let Ok(mut shared) = self.shared.lock() {
                    shared.entry(key).or_insert(s);
                }
            }
            Sender::H2(_) => {}
            Sender::H1(ref s) if s.is_closed() => {}
            Sender::H1(_) => {
                if let Ok(mut pool) = self.idle.lock() {
                    let idle = pool.entry(key).or_default();
                    if idle.len() < MAX_IDLE {
                        idle.push(conn);
                    }
                }
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
            None => self.proxies.route(key.https, &key.host, key.port),
        };
        let (tcp_host, tcp_port) = match (&routed, &proxy) {
            (Some((h, p)), _) => (h.clone(), *p),
            (None, Some(p)) => (p.host.clone(), p.port),
            (None, None) => (key.host.clone(), key.port),
        };
        let (addrs, dns) = dial::resolve(&tcp_host, tcp_port).await?;
        let started = Instant::now();
        let mut tcp = dial::tcp(&addrs).await?;
        let mut opening = Opening {
            dns,
            ..Opening::default()
        };
        let mut via_proxy = None;
        let (stream, h2) = match &key.tls {
            Some(tls_key) => {
                if let Some(p) = &proxy {
                    tcp = dial::tunnel(tcp, &key.host, key.port, p).await?;
                }
                opening.connect = ms(started);
                let cfg = self.tls.config(tls_key)?;
                let name = ServerName::try_from(key.host.clone())
                    .map_err(|_| RequestError::InvalidUrl(key.host.clone()))?;
                let handshake = Instant::now();
                let tls = tokio_rustls::TlsConnector::from(cfg)
                    .connect(name, tcp)
                    .await
                    .map_err(dial::tls_error)?;
                opening.tls = Some(ms(handshake));
                let h2 = tls.get_ref().1.alpn_protocol() == Some(b"h2");
                (Stream::Tls(Box::new(tls)), h2)
            }
            None => {
                opening.connect = ms(started);
                via_proxy = proxy;
                (Stream::Plain(tcp), self.http2 && via_proxy.is_none())
            }
        };
        let tap = Arc::new(Mutex::new(Tap::default()));
        let io = TokioIo::new(TapIo {
            io: stream,
            tap: tap.clone(),
        });
        let handshake_error = |e: hyper::Error| RequestError::Protocol(e.to_string());
        let sender = if h2 {
            let (sender, conn) = http2::Builder::new(TokioExecutor::new())
                .handshake::<_, Full<Bytes>>(io)
                .await
                .map_err(handshake_error)?;
            tokio::spawn(async move {
                // Ends when the server closes the connection or every sender is dropped.
                let _ = conn.await;
            });
            Sender::H2(sender)
        } else {
            let (sender, conn) = http1::Builder::new()
                .title_case_headers(true)
                .allow_obsolete_multiline_headers_in_responses(true)
                .handshake::<_, Full<Bytes>>(io)
                .await
                .map_err(handshake_error)?;
            tokio::spawn(async move {
                let _ = conn.await;
            });
            Sender::H1(sender)
        };
        Ok(Conn {
            sender,
            tap,
            via_proxy,
            reused: false,
            opening: Some(opening),
        })
    }
}
