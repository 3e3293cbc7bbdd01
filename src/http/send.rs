//! SEND: one round trip per hop on a pooled connection (a stale keep-alive connection is retried
//! once on a fresh one), the jar's `Cookie` header added per hop, `Set-Cookie` stored per hop,
//! redirects followed as postman-request follows them ([`super::redirect`]), the body read with
//! a size limit and decoded, and the timing phases of the last hop. A handshake that must stay
//! on one connection (NTLM) passes a [`Pinned`] slot that keeps the connection between calls.

use super::client::Client;
use super::connect::{Conn, PoolKey, Sender};
use super::cookies::CookieJar;
use super::decode::decode;
use super::dial::ms;
use super::error::RequestError;
use super::prepare::{Policy, PreparedRequest};
use super::redirect::{self, Hop};
use super::tap::parse_head;
use super::types::{Exchange, Phases, Response, SentRequest};
use super::wire::{build, effective_headers, header, hyper_error, read_body, retryable, within};
use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::http;
use std::time::Instant;
use tokio::time::Instant as TokioInstant;

/// A connection held between the requests of a handshake.
pub(crate) type Pinned = Option<(PoolKey, Conn)>;

/// A response before decoding.
struct Raw {
    code: u16,
    reason: String,
    headers: Vec<(String, String)>,
    body: Bytes,
    version: &'static str,
    h2: bool,
    phases: Phases,
    warning: Option<String>,
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
            scheme_implied: self.scheme_implied,
            headers: hop.wire_headers(jar.filter(|_| self.policy.cookies)),
            body: body_text(&hop.body, &self.body_summary),
        }
    }
}

impl Client {
    /// Sends `req`, following redirects per its policy; returns the last hop's request and the
    /// final response.
    pub async fn send(&self, req: &PreparedRequest) -> Result<Exchange, RequestError> {
        self.send_pinned(req, None).await
    }

    /// [`Client::send`], keeping the connection in `pin` (and reusing the one there).
    pub(crate) async fn send_pinned(
        &self,
        req: &PreparedRequest,
        mut pin: Option<&mut Pinned>,
    ) -> Result<Exchange, RequestError> {
        let mut hop = Hop::from(req);
        let mut redirects = Vec::new();
        let mut warnings = Vec::new();
        let mut total = 0.0;
        loop {
            let headers = hop.wire_headers(req.policy.cookies.then_some(&self.jar));
            let started = Instant::now();
            let raw = self
                .round_trip(&hop, &headers, &req.policy, pin.as_deref_mut())
                .await?;
            total += ms(started);
            warnings.extend(raw.warning.clone());
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
            return self.finish(req, hop, headers, raw, total, redirects, warnings);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        req: &PreparedRequest,
        hop: Hop,
        headers: Vec<(String, String)>,
        raw: Raw,
        total: f64,
        redirects: Vec<(u16, String)>,
        warnings: Vec<String>,
    ) -> Result<Exchange, RequestError> {
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
        Ok(Exchange {
            request: SentRequest {
                method: hop.method.clone(),
                url: hop.href.clone(),
                scheme_implied: req.scheme_implied,
                headers: effective_headers(&headers, raw.h2),
                body: body_text(&hop.body, &req.body_summary),
            },
            response: Response {
                code: raw.code,
                status,
                headers: raw.headers,
                body,
                response_time: total,
                phases: Phases {
                    total,
                    ..raw.phases
                },
                url: hop.href,
                http_version: raw.version.to_string(),
            },
            redirects,
            retries: 0,
            warnings,
        })
    }

    async fn round_trip(
        &self,
        hop: &Hop,
        headers: &[(String, String)],
        policy: &Policy,
        mut pin: Option<&mut Pinned>,
    ) -> Result<Raw, RequestError> {
        let https = hop.url.scheme() == "https";
        let tls = match https {
            true => Some(self.connector.tls.key(
                &hop.url,
                policy.strict_ssl,
                &policy.tls_disabled,
                &policy.tls_ciphers,
            )?),
            false => None,
        };
        let key = PoolKey {
            https,
            host: match hop.url.host() {
                Some(url::Host::Ipv6(ip)) => ip.to_string(),
                Some(h) => h.to_string(),
                None => return Err(RequestError::InvalidUrl(hop.href.clone())),
            },
            port: hop.url.port_or_known_default().unwrap_or(80),
            tls,
        };
        let deadline = self
            .opts
            .request_timeout
            .filter(|d| !d.is_zero())
            .map(|d| TokioInstant::now() + d);
        for attempt in 0..2 {
            let mut conn = match self.take_pinned(&key, pin.as_deref_mut()) {
                Some(c) => c,
                None => match self.connector.checkout(&key) {
                    Some(c) => c,
                    None => within(deadline, "ETIMEDOUT", self.connector.open(&key)).await??,
                },
            };
            let request = build(hop, headers, &key, &conn)?;
            if !conn.is_h2() {
                if let Ok(mut t) = conn.tap.lock() {
                    t.start();
                    t.send_target(&hop.target);
                }
            }
            let sent_at = Instant::now();
            let sent = within(
                deadline,
                "ESOCKETTIMEDOUT",
                dispatch(&mut conn.sender, request),
            )
            .await?;
            let resp = match sent {
                Ok(r) => r,
                Err(e) if conn.reused && attempt == 0 && retryable(&e) => continue,
                Err(e) => return Err(hyper_error(&e)),
            };
            let first_byte = ms(sent_at);
            let head = match conn.is_h2() {
                true => None,
                false => conn.tap.lock().ok().and_then(|mut t| t.take_head()),
            };
            let (parts, body) = resp.into_parts();
            let download_at = Instant::now();
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
            let code = parts.status.as_u16();
            let opening = conn.opening.take().unwrap_or_default();
            let phases = Phases {
                dns: Some(opening.dns),
                connect: Some(opening.connect),
                tls: https.then_some(opening.tls.unwrap_or(0.0)),
                first_byte: Some(first_byte),
                download: Some(ms(download_at)),
                total: 0.0,
            };
            let warning = match (&conn.via_proxy, code) {
                (Some(route), 407) => Some(super::proxy::warning_407(route)),
                _ => None,
            };
            let h2 = conn.is_h2();
            match pin {
                Some(slot) => {
                    if let Some((k, old)) = slot.replace((key, conn)) {
                        self.connector.checkin(k, old);
                    }
                }
                None => self.connector.checkin(key, conn),
            }
            return Ok(Raw {
                code,
                reason,
                headers,
                body,
                version: match parts.version {
                    http::Version::HTTP_10 => "HTTP/1.0",
                    http::Version::HTTP_2 => "HTTP/2",
                    _ => "HTTP/1.1",
                },
                h2,
                phases,
                warning,
            });
        }
        Err(RequestError::Protocol("socket hang up".to_string()))
    }

    /// The pinned connection when it goes where `key` goes and is still usable; a pinned
    /// connection to elsewhere goes back to the pool.
    fn take_pinned(&self, key: &PoolKey, pin: Option<&mut Pinned>) -> Option<Conn> {
        let slot = pin?;
        let (k, conn) = slot.take()?;
        if k == *key && conn.usable() {
            let mut conn = conn;
            conn.reused = true;
            return Some(conn);
        }
        self.connector.checkin(k, conn);
        None
    }

    /// Gives a pinned connection back to the pool.
    pub(crate) fn unpin(&self, pin: Pinned) {
        if let Some((k, c)) = pin {
            self.connector.checkin(k, c);
        }
    }
}

async fn dispatch(
    sender: &mut Sender,
    req: http::Request<Full<Bytes>>,
) -> Result<http::Response<Incoming>, hyper::Error> {
    match sender {
        Sender::H1(s) => s.send_request(req).await,
        Sender::H2(s) => {
            s.ready().await?;
            s.send_request(req).await
        }
    }
}
