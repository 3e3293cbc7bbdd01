//! The wire form of one hop: the hyper request built from a hop's headers (latin1 header values
//! as Node writes them; absolute-form targets through a proxy and for HTTP/2, where the
//! connection-specific headers are left out), the body read with a size limit, deadlines, and
//! hyper's errors in Node's words.

use super::connect::{Conn, PoolKey};
use super::error::RequestError;
use super::redirect::Hop;
use super::urlenc::{path_set, percent_encode};
use bytes::{Bytes, BytesMut};
use http_body_util::{BodyExt, Full};
use hyper::http::{self, HeaderName, HeaderValue, Method, Uri};
use tokio::time::{timeout_at, Instant as TokioInstant};

pub(crate) async fn within<T>(
    deadline: Option<TokioInstant>,
    code: &'static str,
    fut: impl std::future::Future<Output = T>,
) -> Result<T, RequestError> {
    match deadline {
        Some(d) => timeout_at(d, fut)
            .await
            .map_err(|_| RequestError::Timeout(code)),
        None => Ok(fut.await),
    }
}

pub(crate) async fn read_body(
    mut body: hyper::body::Incoming,
    limit: u64,
) -> Result<Bytes, RequestError> {
    let mut first: Option<Bytes> = None;
    let mut rest: Option<BytesMut> = None;
    let mut len = 0u64;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| hyper_error(&e))?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        len += data.len() as u64;
        if len > limit {
            return Err(RequestError::ResponseTooLarge);
        }
        match (&mut first, &mut rest) {
            (None, _) => first = Some(data),
            (Some(f), None) => {
                let mut m = BytesMut::with_capacity(f.len() + data.len());
                m.extend_from_slice(f);
                m.extend_from_slice(&data);
                rest = Some(m);
            }
            (Some(_), Some(m)) => m.extend_from_slice(&data),
        }
    }
    Ok(match (first, rest) {
        (_, Some(m)) => m.freeze(),
        (Some(f), None) => f,
        (None, None) => Bytes::new(),
    })
}

/// Headers HTTP/2 forbids (or carries as pseudo-headers).
const NOT_IN_H2: [&str; 7] = [
    "host",
    "connection",
    "keep-alive",
    "proxy-connection",
    "transfer-encoding",
    "upgrade",
    "te",
];

/// The headers that actually go out on `conn` (HTTP/2 drops the connection-specific ones).
pub(crate) fn effective_headers(headers: &[(String, String)], h2: bool) -> Vec<(String, String)> {
    headers
        .iter()
        .filter(|(k, _)| !h2 || !NOT_IN_H2.iter().any(|n| k.eq_ignore_ascii_case(n)))
        .cloned()
        .collect()
}

pub(crate) fn build(
    hop: &Hop,
    headers: &[(String, String)],
    key: &PoolKey,
    conn: &Conn,
) -> Result<http::Request<Full<Bytes>>, RequestError> {
    let method = Method::from_bytes(hop.method.as_bytes())
        .map_err(|_| RequestError::Protocol(format!("Invalid method: {}", hop.method)))?;
    let h2 = conn.is_h2();
    let target = if conn.via_proxy.is_some() || h2 {
        let scheme = if key.https { "https" } else { "http" };
        let authority = match (h2, header(headers, "host")) {
            (true, Some(host)) => host.to_string(),
            _ => {
                let host = hop.url.host_str().unwrap_or("");
                match hop.url.port() {
                    Some(p) => format!("{host}:{p}"),
                    None => host.to_string(),
                }
            }
        };
        format!("{scheme}://{authority}{}", hop.target)
    } else {
        hop.target.clone()
    };
    let uri = Uri::try_from(target.as_str())
        .or_else(|_| Uri::try_from(percent_encode(&target, wire_unsafe)))
        .map_err(|_| RequestError::InvalidUrl(hop.href.clone()))?;
    let mut req = http::Request::new(Full::new(hop.body.clone().unwrap_or_default()));
    *req.method_mut() = method;
    *req.uri_mut() = uri;
    if h2 {
        *req.version_mut() = http::Version::HTTP_2;
    }
    let map = req.headers_mut();
    for (k, v) in effective_headers(headers, h2) {
        let name = HeaderName::from_bytes(k.as_bytes()).map_err(|_| {
            RequestError::InvalidHeader(format!("Header name must be a valid HTTP token [\"{k}\"]"))
        })?;
        let value = header_value(&v).ok_or_else(|| {
            RequestError::InvalidHeader(format!("Invalid character in header content [\"{k}\"]"))
        })?;
        map.append(name, value);
    }
    if let Some(auth) = conn.via_proxy.as_ref().and_then(|r| r.auth.clone()) {
        if !map.contains_key(http::header::PROXY_AUTHORIZATION) {
            map.insert(http::header::PROXY_AUTHORIZATION, auth);
        }
    }
    Ok(req)
}

/// Bytes a request target cannot carry as they are (used only when `disableUrlEncoding` left
/// them in).
fn wire_unsafe(b: u8) -> bool {
    path_set(b) && b != b'#' && b != b'?' || matches!(b, b'\\' | b'^' | b'|')
}

/// Header values as Node writes them: characters up to U+00FF as single bytes (latin1).
fn header_value(v: &str) -> Option<HeaderValue> {
    if v.is_ascii() {
        return HeaderValue::from_str(v).ok();
    }
    let bytes: Option<Vec<u8>> = v.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect();
    HeaderValue::from_bytes(&bytes?).ok()
}

pub(crate) fn retryable(e: &hyper::Error) -> bool {
    e.is_canceled() || e.is_incomplete_message() || e.is_closed()
}

pub(crate) fn hyper_error(e: &hyper::Error) -> RequestError {
    if e.is_incomplete_message() || e.is_canceled() || e.is_closed() {
        return RequestError::Protocol("socket hang up".to_string());
    }
    if e.is_parse() || e.is_parse_status() {
        return RequestError::Protocol(format!("Parse Error: {e}"));
    }
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::ConnectionReset {
                return RequestError::Protocol("read ECONNRESET".to_string());
            }
        }
        msg = s.to_string();
        src = s.source();
    }
    RequestError::Protocol(msg)
}

pub(crate) fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}
