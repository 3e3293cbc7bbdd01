//! BUILD: turns a resolved collection request into the exact wire request Newman would send: the
//! encoded URL, headers in Newman's order (user headers, auth, body Content-Type, system headers,
//! postman-request's own), the body, and the per-request redirect/cookie/TLS policy.

use super::auth;
use super::body::{self, Built};
use super::error::RequestError;
use super::types::HttpOptions;
use super::urlenc::NodeUrl;
use crate::collection::{Auth, Behavior, QueryParam, Request, Url};
use bytes::Bytes;

/// Who asked for the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A collection item.
    Item,
    /// `pm.sendRequest`: bodies are never pruned; file bodies and file parts are dropped.
    Script,
}

/// Redirect, cookie and TLS behaviour for one request (`protocolProfileBehavior` over options).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub follow_redirects: bool,
    pub max_redirects: u32,
    /// Keep method and body on 301/302/303 (`followOriginalHttpMethod`).
    pub follow_original_method: bool,
    /// Keep `Authorization` when a redirect changes host (`followAuthorizationHeader`).
    pub follow_authorization: bool,
    /// Do not add `Referer` on redirects (`removeRefererHeaderOnRedirect`).
    pub remove_referer: bool,
    /// Use the cookie jar (false with `disableCookies`).
    pub cookies: bool,
    /// Verify TLS certificates (`strictSSL`, else `!insecure`).
    pub strict_ssl: bool,
    /// `tlsDisabledProtocols` (`TLSv1_2`, `TLSv1_3`, …).
    pub tls_disabled: Vec<String>,
    /// `tlsCipherSelection` (OpenSSL or IANA suite names).
    pub tls_ciphers: Vec<String>,
}

/// A request ready to go on the wire. Inspectable: tests and `--verbose` read it.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedRequest {
    pub method: String,
    /// The URL, parsed (WHATWG) for host, port, scheme and cookie matching.
    pub url: url::Url,
    /// The URL exactly as Newman encodes it (what reports show).
    pub href: String,
    /// The URL had no protocol (see [`SentRequest::scheme_implied`](super::SentRequest)).
    pub scheme_implied: bool,
    /// The request target sent on the request line (`/path?query`), not normalised.
    pub target: String,
    /// Headers in send order, without the jar's `Cookie` (added at [`Self::cookie_index`]).
    pub headers: Vec<(String, String)>,
    /// Where the jar's `Cookie` header goes in `headers` (a user `Cookie` header is extended
    /// instead).
    pub cookie_index: usize,
    pub body: Option<Bytes>,
    /// For multipart bodies: one `key: value` / `key: @file` line per part (reports).
    pub body_summary: Option<String>,
    pub policy: Policy,
    /// Console warnings for the runner (`Form param \`k\`, file load error: …`).
    pub warnings: Vec<String>,
}

impl PreparedRequest {
    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        find(&self.headers, name).map(|i| self.headers[i].1.as_str())
    }
}

/// Methods whose body Newman prunes unless `disableBodyPruning`.
const METHODS_WITHOUT_BODY: [&str; 5] = ["GET", "COPY", "HEAD", "PURGE", "UNLOCK"];
/// Methods for which postman-request adds no `Content-Length: 0` when there is no body.
const NO_EMPTY_LENGTH: [&str; 6] = ["GET", "HEAD", "TRACE", "DELETE", "CONNECT", "OPTIONS"];

/// Builds the wire request for `req` sent to `url` (already variable-resolved).
pub fn prepare(
    url: &str,
    req: &Request,
    auth: Option<&Auth>,
    behavior: &Behavior,
    origin: Origin,
    opts: &HttpOptions,
) -> Result<PreparedRequest, RequestError> {
    let mut url = Url::parse(url);
    let scheme_implied = url.protocol.is_none();
    let mut headers: Vec<(String, String)> = req
        .headers
        .iter()
        .filter(|h| !h.disabled && !h.key.is_empty())
        .map(|h| (h.key.clone(), h.value.clone()))
        .collect();
    let raw_url = behavior.bool("disableUrlEncoding") == Some(true);
    let method = if req.method.is_empty() {
        "GET".to_string()
    } else {
        req.method.clone()
    };
    let disabled = Disabled::from(behavior);
    let prune = origin == Origin::Item
        && METHODS_WITHOUT_BODY.contains(&method.to_ascii_uppercase().as_str())
        && behavior.bool("disableBodyPruning") != Some(true);
    let mut warnings = Vec::new();
    let body = req.body.as_ref().filter(|_| !prune);
    let user_ct = find_last(&headers, "content-type").map(|i| headers[i].1.clone());
    let mut built = body.and_then(|b| {
        let ctx = body::Ctx {
            user_content_type: user_ct.as_deref(),
            files_allowed: origin == Origin::Item,
            opts,
        };
        body::build(b, &ctx, &mut warnings)
    });
    if let Some(a) = auth {
        let signed = Signed {
            method: &method,
            raw_url,
            body,
            user_ct,
        };
        sign(a, &signed, &mut url, &mut headers, &mut built)?;
    }
    let node = NodeUrl::new(&url, raw_url);
    node.check()?;
    let href = node.href();
    let parsed = node.connect_url()?;
    let mut h = Headers {
        list: headers,
        disabled,
    };
    if let Some(Built::Text { content_type, .. }) = &built {
        h.add_if_absent("Content-Type", content_type);
    }
    h.add_if_absent("User-Agent", &opts.user_agent);
    h.add_if_absent("Accept", "*/*");
    h.add_if_absent("Cache-Control", "no-cache");
    if h.wants("Postman-Token") {
        h.add_if_absent("Postman-Token", &uuid::Uuid::new_v4().to_string());
    }
    h.add_if_absent("Host", &node.host());
    h.add_if_absent("Accept-Encoding", "gzip, deflate, br");
    h.add_if_absent("Connection", "keep-alive");
    match &built {
        Some(Built::UrlEncoded(_)) => h.form_content_type(
            |ct| is_token_prefix(ct, "application/x-www-form-urlencoded"),
            "application/x-www-form-urlencoded".to_string(),
        ),
        Some(Built::Multipart(m)) => h.form_content_type(
            |ct| super::multipart::user_boundary(ct).as_deref() == Some(m.boundary.as_str()),
            format!("multipart/form-data; boundary={}", m.boundary),
        ),
        _ => {}
    }
    if let Some((user, pass)) = node.credentials() {
        if find(&h.list, "authorization").is_none() {
            h.list.push((
                "Authorization".to_string(),
                auth::basic_header(&user, &pass),
            ));
        }
    }
    let body_len = built.as_ref().map(|b| b.bytes().len());
    if let Some(Built::Text { .. } | Built::UrlEncoded(_) | Built::Binary(_)) = &built {
        h.add_length(body_len.unwrap_or(0));
    }
    let cookie_index = h.list.len();
    match &built {
        Some(Built::Multipart(_)) => h.add_length(body_len.unwrap_or(0)),
        Some(Built::File { content_type, .. }) => {
            h.add_length(body_len.unwrap_or(0));
            h.add_if_absent("Content-Type", content_type);
        }
        None if !NO_EMPTY_LENGTH.contains(&method.to_ascii_uppercase().as_str()) => h.add_length(0),
        _ => {}
    }
    let body_summary = match &built {
        Some(Built::Multipart(m)) => Some(m.summary.clone()),
        _ => None,
    };
    Ok(PreparedRequest {
        method,
        url: parsed,
        href,
        scheme_implied,
        target: node.target(),
        headers: h.list,
        cookie_index,
        body: built.map(|b| match b {
            Built::Text { bytes, .. } | Built::File { bytes, .. } => bytes,
            Built::UrlEncoded(b) | Built::Binary(b) => b,
            Built::Multipart(m) => m.bytes,
        }),
        body_summary,
        policy: policy(behavior, opts),
        warnings,
    })
}

/// What the auth signer needs besides what it may change.
struct Signed<'a> {
    method: &'a str,
    raw_url: bool,
    body: Option<&'a crate::collection::Body>,
    user_ct: Option<String>,
}

/// Runs the auth signer over the request as built so far: the headers, the URL's enabled query
/// parameters (which it may replace or extend), the body bytes, and an urlencoded body's
/// parameters (rebuilt when the signer changed them, as OAuth 1.0 body placement does).
fn sign(
    a: &Auth,
    s: &Signed<'_>,
    url: &mut Url,
    headers: &mut Vec<(String, String)>,
    built: &mut Option<Built>,
) -> Result<(), RequestError> {
    let mut query = url.query_part().map(|_| {
        url.query
            .iter()
            .filter(|p| !p.disabled)
            .map(|p| (p.key.clone().unwrap_or_default(), p.value.clone()))
            .collect::<Vec<_>>()
    });
    let mode = s
        .body
        .filter(|b| !b.disabled)
        .map_or("", |b| b.mode.as_str());
    let mut form: Option<Vec<(String, String)>> = (mode == "urlencoded").then(|| {
        s.body
            .map(|b| {
                b.urlencoded
                    .iter()
                    .filter(|p| !p.disabled)
                    .map(|p| (p.key.clone(), p.value.clone().unwrap_or_default()))
                    .collect()
            })
            .unwrap_or_default()
    });
    let before = form.clone();
    let content_type = s.user_ct.clone().or_else(|| match built.as_ref()? {
        Built::Text { content_type, .. } | Built::File { content_type, .. } => {
            Some(content_type.to_string())
        }
        Built::UrlEncoded(_) => Some("application/x-www-form-urlencoded".to_string()),
        Built::Multipart(m) => Some(format!("multipart/form-data; boundary={}", m.boundary)),
        Built::Binary(_) => None,
    });
    auth::apply(
        a,
        &mut auth::Target {
            method: s.method,
            url: &*url,
            query: &mut query,
            raw_url: s.raw_url,
            headers,
            body: built.as_ref().map(|b| &b.bytes()[..]),
            body_mode: mode,
            content_type: content_type.as_deref(),
            form: form.as_mut(),
        },
    )?;
    if let Some(q) = query {
        url.query = q
            .into_iter()
            .map(|(key, value)| QueryParam {
                key: Some(key),
                value,
                disabled: false,
            })
            .collect();
    }
    if form != before {
        let params: Vec<crate::collection::FormParam> = form
            .unwrap_or_default()
            .into_iter()
            .map(|(key, value)| crate::collection::FormParam {
                key,
                value: Some(value),
                ..Default::default()
            })
            .collect();
        *built = body::urlencoded(&params).map(Built::UrlEncoded);
    }
    Ok(())
}

fn policy(b: &Behavior, opts: &HttpOptions) -> Policy {
    Policy {
        follow_redirects: b.bool("followRedirects").unwrap_or(opts.follow_redirects),
        max_redirects: b
            .u64("maxRedirects")
            .map(|n| n.min(u64::from(u32::MAX)) as u32)
            .unwrap_or(opts.max_redirects),
        follow_original_method: b.bool("followOriginalHttpMethod").unwrap_or(false),
        follow_authorization: b.bool("followAuthorizationHeader").unwrap_or(false),
        remove_referer: b.bool("removeRefererHeaderOnRedirect").unwrap_or(false),
        cookies: b.bool("disableCookies") != Some(true),
        strict_ssl: b.bool("strictSSL").unwrap_or(!opts.insecure),
        tls_disabled: strings(b, "tlsDisabledProtocols"),
        tls_ciphers: strings(b, "tlsCipherSelection"),
    }
}

/// A behaviour key holding a list of strings (or one string).
fn strings(b: &Behavior, key: &str) -> Vec<String> {
    match b.0.get(key) {
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        Some(serde_json::Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// `disabledSystemHeaders`: lower-cased names set to `true`.
struct Disabled(Vec<String>);

impl Disabled {
    fn from(b: &Behavior) -> Disabled {
        let names =
            b.0.get("disabledSystemHeaders")
                .and_then(|v| v.as_object())
                .map(|o| {
                    o.iter()
                        .filter(|(_, v)| v.as_bool() == Some(true))
                        .map(|(k, _)| k.to_ascii_lowercase())
                        .collect()
                })
                .unwrap_or_default();
        Disabled(names)
    }
    fn has(&self, name: &str) -> bool {
        self.0.iter().any(|n| n.eq_ignore_ascii_case(name))
    }
}

struct Headers {
    list: Vec<(String, String)>,
    disabled: Disabled,
}

impl Headers {
    fn wants(&self, name: &str) -> bool {
        !self.disabled.has(name) && find(&self.list, name).is_none()
    }
    fn add_if_absent(&mut self, name: &str, value: &str) {
        if self.wants(name) {
            self.list.push((name.to_string(), value.to_string()));
        }
    }
    /// `Content-Length` unless the user set one. A body needs framing, so disabling the header
    /// only takes effect for empty bodies.
    fn add_length(&mut self, len: usize) {
        if len > 0 && find(&self.list, "content-length").is_none() {
            self.list
                .push(("Content-Length".to_string(), len.to_string()));
        } else {
            self.add_if_absent("Content-Length", &len.to_string());
        }
    }
    /// postman-request's `form()`: a user Content-Type that does not fit is overwritten in place
    /// (unless Content-Type is in `disabledSystemHeaders`); none → appended (unless disabled).
    fn form_content_type(&mut self, fits: impl Fn(&str) -> bool, value: String) {
        match find_last(&self.list, "content-type") {
            Some(i) if !fits(&self.list[i].1) && !self.disabled.has("content-type") => {
                self.list[i].1 = value;
            }
            Some(_) => {}
            None => self.add_if_absent("Content-Type", &value),
        }
    }
}

fn is_token_prefix(s: &str, prefix: &str) -> bool {
    s.starts_with(prefix)
        && s[prefix.len()..]
            .chars()
            .next()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'))
}

pub(crate) fn find(headers: &[(String, String)], name: &str) -> Option<usize> {
    headers
        .iter()
        .position(|(k, _)| k.eq_ignore_ascii_case(name))
}

fn find_last(headers: &[(String, String)], name: &str) -> Option<usize> {
    headers
        .iter()
        .rposition(|(k, _)| k.eq_ignore_ascii_case(name))
}
