//! The hyper side shared by the echo and redirect servers: one connection task per client
//! (HTTP/1.1 keep-alive or HTTP/2), each request read whole into an [`Exchange`], recorded, then
//! answered by the app.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;

use bytes::Bytes;
use http_body_util::{BodyExt, Limited};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper::{Request, Version};
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use tokio::net::TcpListener;

use super::log::{RecordedRequest, RequestLog};
use super::reply::{self, Reply};
use super::transport::{self, ConnInfo, HeadTap, Stream, Tap};
use super::{echo, redirect};

/// Largest request body the servers read (bigger ones get `413`).
const MAX_BODY: usize = 64 * 1024 * 1024;

/// Which routes answer.
#[derive(Clone, Copy, Debug)]
pub(crate) enum App {
    Echo,
    Redirect,
}

/// One request, read whole.
#[derive(Clone, Debug)]
pub(crate) struct Exchange {
    pub method: String,
    /// The request target as sent.
    pub target: String,
    pub path: String,
    pub query: Option<String>,
    /// Header fields in wire order and case.
    pub headers: Vec<(String, String)>,
    pub body: Bytes,
    pub tls: bool,
    pub sni: Option<String>,
    pub peer: SocketAddr,
    /// The `:authority` of an HTTP/2 request (or absolute-form target).
    pub authority: Option<String>,
}

impl Exchange {
    /// The first value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// `https` on a TLS connection, else `http`.
    pub fn scheme(&self) -> &'static str {
        if self.tls {
            "https"
        } else {
            "http"
        }
    }

    /// The host the client addressed: the `Host` header, else the authority, else the SNI.
    pub fn host(&self) -> String {
        self.header("host")
            .map(str::to_owned)
            .or_else(|| self.authority.clone())
            .or_else(|| self.sni.clone())
            .unwrap_or_else(|| "localhost".to_string())
    }

    /// The request as the log keeps it.
    pub fn recorded(&self) -> RecordedRequest {
        RecordedRequest {
            method: self.method.clone(),
            target: self.target.clone(),
            headers: self.headers.clone(),
            body: self.body.clone(),
            tls: self.tls,
            sni: self.sni.clone(),
        }
    }
}

/// Serves `app` on `listener`.
pub(crate) async fn serve(
    listener: TcpListener,
    tls: Option<Arc<rustls::ServerConfig>>,
    log: RequestLog,
    app: App,
) -> std::io::Result<()> {
    transport::accept_loop(listener, tls, move |stream, info| {
        serve_connection(stream, info, log.clone(), app)
    })
    .await
}

async fn serve_connection(stream: Stream, info: ConnInfo, log: RequestLog, app: App) {
    let tap = Arc::new(HeadTap::default());
    let io = TokioIo::new(Tap::new(stream, tap.clone()));
    let info = Arc::new(info);
    let service = service_fn(move |req| {
        let (tap, info, log) = (tap.clone(), info.clone(), log.clone());
        async move { Ok::<_, Infallible>(answer(req, &tap, &info, &log, app).await) }
    });
    // A client hanging up mid-request is not an error worth reporting.
    let _ = auto::Builder::new(TokioExecutor::new())
        .serve_connection(io, service)
        .await;
}

async fn answer(
    req: Request<Incoming>,
    tap: &HeadTap,
    info: &ConnInfo,
    log: &RequestLog,
    app: App,
) -> Reply {
    let Some(exchange) = read_exchange(req, tap, info).await else {
        return reply::text(413, "Payload Too Large");
    };
    log.record(exchange.recorded());
    match app {
        App::Echo => echo::respond(&exchange).await,
        App::Redirect => redirect::respond(&exchange),
    }
}

/// Reads the whole request; `None` if the body is too large or breaks off.
pub(crate) async fn read_exchange(
    req: Request<Incoming>,
    tap: &HeadTap,
    info: &ConnInfo,
) -> Option<Exchange> {
    let (parts, body) = req.into_parts();
    let method = parts.method.as_str().to_string();
    let uri_target = parts.uri.to_string();
    let raw = if parts.version == Version::HTTP_2 {
        tap.disable();
        None
    } else {
        tap.take_head(&method, &uri_target)
    };
    let (target, headers) = match raw {
        Some(head) => (head.target, head.headers),
        None => (uri_target, header_list(&parts.headers)),
    };
    let body = Limited::new(body, MAX_BODY)
        .collect()
        .await
        .ok()?
        .to_bytes();
    Some(Exchange {
        method,
        target,
        path: parts.uri.path().to_string(),
        query: parts.uri.query().map(str::to_owned),
        headers,
        body,
        tls: info.tls,
        sni: info.sni.clone(),
        peer: info.peer,
        authority: parts.uri.authority().map(|a| a.to_string()),
    })
}

/// The header map as `(name, value)` pairs (lower-case names, as HTTP/2 has them).
fn header_list(headers: &hyper::HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| {
            let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
            (name.as_str().to_string(), value)
        })
        .collect()
}
