//! SEND: one round trip per hop on a pooled connection (a stale keep-alive connection is retried
//! once on a fresh one), the jar's `Cookie` header added per hop, `Set-Cookie` stored per hop,
//! redirects followed as postman-request follows them ([`super::redirect`]), the body read with
//! a size limit and decoded.

use super::client::Client;
use super::connect::{Conn, PoolKey};
use super::cookies::CookieJar;
use super::decode::decode;
use super::error::RequestError;
use super::prepare::PreparedRequest;
use super::redirect::{self, Hop};
use super::tap::parse_head;
use super::types::{Exchange, Phases, Response, SentRequest};
use super::urlenc::{path_set, percent_encode};
use bytes::{Bytes, BytesMut};
use http_body_util::{BodyExt, Full};
use hyper::http::{self, HeaderName, HeaderValue, Method, Uri};
use std::time::Instant;
use tokio::time::{timeout_at, Instant as TokioInstant};

/// A response before decoding.
struct Raw {
    code: u16,
    reason: String,
    headers: Vec<(String, String)>,
    body: Bytes,
    version: &'static str,
    connect_ms: Option<f64>,
    first_byte_ms: f64,
}

fn body_text(body: &Option<Bytes>, summary: &Option<String>) -> Option<String> {
    match (body, summary) {
        (Some(_), Some(summary)) => Some(summary.clone()),
        (Some(b), None) => Some(String::from_utf8_lossy(b).into_owned()),
        (None, _) => None,
    }
}

impl PreparedRequest {
    /// What the first hop puts on the wire, with `jar`'s cookies as they are now. Newman reports
    /// this request for an item (method, URL, headers and body) even when redirects followed.
    pub fn first_hop(&self, jar: Option<&CookieJar>) -> SentRequest {
        let hop = Hop::from(self);
        SentRequest {
            method: hop.method.clone(),
            url: hop.href.clone(),
            headers: hop.wire_headers(jar.filter(|_| self.policy.cookies)),
            body: body_text(&hop.body, &self.body_summary),
        }
    }
}

impl Client {
    /// Sends `req`, following redirects per its policy; returns the last hop's request and the
    /// final response.
    pub async fn send(&self, req: &PreparedRequest) -> Result<Exchange, RequestError> {
        let mut hop = Hop::from(req);
        let mut redirects = Vec::new();
        let mut total = 0.0;
        loop {
            let headers = hop.wire_headers(req.policy.cookies.then_some(&self.jar));
            let started = Instant::now();
            let raw = self
                .round_trip(&hop, &headers, req.policy.strict_ssl)
                .await?;
            total += started.elapsed().as_secs_f64() * 1000.0;
            if req.policy.cookies {
                let set = raw
                    .headers
                    .iter()
                    .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
                    .map(|(_, v)| v.as_str());
                self.jar.store_response(&hop.url, set);
            }
            if let Some(next) = redirect::next(&hop, raw.code, &raw.headers, &req.policy) {
                if redirects.len() as u32 >= req.policy.max_redirects {
                    return Err(RequestError::TooManyRedirects(hop.href.clone()));
                }
                let next = next?;
                redirects.push((raw.code, next.href.clone()));
                hop.follow(raw.code, next, &req.policy);
                continue;
            }
            let no_body = hop.method.eq_ignore_ascii_case("HEAD")
                || raw.code < 200
                || raw.code == 204
                || raw.code == 304;
            let body = if no_body {
                raw.body
            } else {
                let enc = header(&raw.headers, "content-encoding");
                decode(enc, raw.body, self.opts.max_response_size)?
            };
            let status = if raw.reason.is_empty() {
                http::StatusCode::from_u16(raw.code)
                    .ok()
                    .and_then(|s| s.canonical_reason())
                    .unwrap_or("")
                    .to_string()
            } else {
                raw.reason
            };
            return Ok(Exchange {
                request: SentRequest {
                    method: hop.method.clone(),
                    url: hop.href.clone(),
                    headers,
                    body: body_text(&hop.body, &req.body_summary),
                },
                response: Response {
                    code: raw.code,
                    status,
                    headers: raw.headers,
                    body,
                    response_time: total,
                    phases: Phases {
                        connect: raw.connect_ms,
                        first_byte: Some(raw.first_byte_ms),
                        total,
                        ..Phases::default()
                    },
                    url: hop.href,
                    http_version: raw.version.to_string(),
                },
                redirects,
            });
        }
    }

    async fn round_trip(
        &self,
        hop: &Hop,
        headers: &[(String, String)],
        strict: bool,
    ) -> Result<Raw, RequestError> {
        let key = PoolKey {
            https: hop.url.scheme() == "https",
            host: match hop.url.host() {
                Some(url::Host::Ipv6(ip)) => ip.to_string(),
                Some(h) => h.to_string(),
                None => return Err(RequestError::InvalidUrl(hop.href.clone())),
            },
            port: hop.url.port_or_known_default().unwrap_or(80),
            strict,
        };
        let deadline = self
            .opts
            .request_timeout
            .filter(|d| !d.is_zero())
            .map(|d| TokioInstant::now() + d);
        let started = Instant::now();
        for attempt in 0..2 {
            let (mut conn, connect_ms) = match self.connector.checkout(&key) {
                Some(c) => (c, None),
                None => {
                    let t = Instant::now();
                    let c = within(deadline, "ETIMEDOUT", self.connector.open(&key)).await??;
                    (c, Some(t.elapsed().as_secs_f64() * 1000.0))
                }
            };
            let request = build(hop, headers, &key, &conn)?;
            if let Ok(mut t) = conn.tap.lock() {
                t.start();
                t.send_target(&hop.target);
            }
            let sent = within(
                deadline,
                "ESOCKETTIMEDOUT",
                conn.sender.send_request(request),
            )
            .await?;
            let resp = match sent {
                Ok(r) => r,
                Err(e) if conn.reused && attempt == 0 && retryable(&e) => continue,
                Err(e) => return Err(hyper_error(&e)),
            };
            let first_byte_ms = started.elapsed().as_secs_f64() * 1000.0;
            let head = conn.tap.lock().ok().and_then(|mut t| t.take_head());
            let (parts, body) = resp.into_parts();
            let limit = self.opts.max_response_size;
            let body = within(deadline, "ESOCKETTIMEDOUT", read_body(body, limit)).await??;
            let (reason, headers) = match head {
                Some(h) => parse_head(&h),
                None => (
                    String::new(),
                    parts
                        .headers
                        .iter()
                        .map(|(k, v)| {
                            (
                                k.to_string(),
                                String::from_utf8_lossy(v.as_bytes()).into_owned(),
                            )
                        })
                        .collect(),
                ),
            };
            self.connector.checkin(key, conn);
            return Ok(Raw {
                code: parts.status.as_u16(),
                reason,
                headers,
                body,
                version: match parts.version {
                    http::Version::HTTP_10 => "HTTP/1.0",
                    http::Version::HTTP_2 => "HTTP/2",
                    _ => "HTTP/1.1",
                },
                connect_ms,
                first_byte_ms,
            });
        }
        Err(RequestError::Protocol("socket hang up".to_string()))
    }
}

async fn within<T>(
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

async fn read_body(mut body: hyper::body::Incoming, limit: u64) -> Result<Bytes, RequestError> {
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

fn build(
    hop: &Hop,
    headers: &[(String, String)],
    key: &PoolKey,
    conn: &Conn,
) -> Result<http::Request<Full<Bytes>>, RequestError> {
    let method = Method::from_bytes(hop.method.as_bytes())
        .map_err(|_| RequestError::Protocol(format!("Invalid method: {}", hop.method)))?;
    let target = if conn.via_proxy.is_some() {
        let scheme = if key.https { "https" } else { "http" };
        let host = hop.url.host_str().unwrap_or("");
        match hop.url.port() {
            Some(p) => format!("{scheme}://{host}:{p}{}", hop.target),
            None => format!("{scheme}://{host}{}", hop.target),
        }
    } else {
        hop.target.clone()
    };
    let uri = Uri::try_from(target.as_str())
        .or_else(|_| Uri::try_from(percent_encode(&target, wire_unsafe)))
        .map_err(|_| RequestError::InvalidUrl(hop.href.clone()))?;
    let mut req = http::Request::new(Full::new(hop.body.clone().unwrap_or_default()));
    *req.method_mut() = method;
    *req.uri_mut() = uri;
    let map = req.headers_mut();
    for (k, v) in headers {
        let name = HeaderName::from_bytes(k.as_bytes()).map_err(|_| {
            RequestError::InvalidHeader(format!("Header name must be a valid HTTP token [\"{k}\"]"))
        })?;
        let value = header_value(v).ok_or_else(|| {
            RequestError::InvalidHeader(format!("Invalid character in header content [\"{k}\"]"))
        })?;
        map.append(name, value);
    }
    if let Some(Some(auth)) = &conn.via_proxy {
        if !map.contains_key(http::header::PROXY_AUTHORIZATION) {
            map.insert(http::header::PROXY_AUTHORIZATION, auth.clone());
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

fn retryable(e: &hyper::Error) -> bool {
    e.is_canceled() || e.is_incomplete_message() || e.is_closed()
}

fn hyper_error(e: &hyper::Error) -> RequestError {
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
