//! URLs as Newman sends them: postman-url-encoder's `toNodeUrl` over the collection SDK's parsed
//! URL ([`Url`]), then postman-request's and Node's checks. Each part is percent-encoded with its
//! own set (`%` is never encoded, so `%XX` and a lone `%` pass as they are); the query string is
//! encoded as a whole, so `&`, `=` and `+` stay. The host is lower-cased and run through Node's
//! `url.domainToASCII` (IDNA, IPv4 shorthands, IPv6 compression), falling back to the text as
//! written. Nothing is normalised: dot segments, empty query pairs and explicit default ports
//! go out as written. With `disableUrlEncoding` only the host is touched.

use super::error::RequestError;
use crate::collection::Url;

/// The URL as postman-request gets it from `toNodeUrl` (every part encoded).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NodeUrl {
    /// Lower-cased, without `:` (`http` when the URL has none).
    pub protocol: String,
    /// `user[:password]`, encoded; `Some("")` for `http://@host`.
    pub auth: Option<String>,
    /// The encoded host; IPv6 keeps its brackets.
    pub hostname: String,
    /// As written, even `80` on http or an empty one.
    pub port: Option<String>,
    /// Starts with `/`.
    pub pathname: String,
    /// The query without `?`; `Some("")` for `http://h/?`.
    pub search: Option<String>,
    /// The fragment without `#`.
    pub hash: Option<String>,
}

impl NodeUrl {
    /// `toNodeUrl(url, disableEncoding)` for a URL the SDK parsed.
    pub fn new(url: &Url, disable_encoding: bool) -> NodeUrl {
        let enc = |s: &str, set: fn(u8) -> bool| {
            if disable_encoding {
                s.to_string()
            } else {
                percent_encode(s, set)
            }
        };
        let auth = url.auth.as_ref().map(|a| {
            let mut auth = enc(&a.user, userinfo_set);
            if let Some(password) = &a.password {
                auth.push(':');
                auth.push_str(&enc(password, userinfo_set));
            }
            auth
        });
        NodeUrl {
            protocol: url
                .protocol
                .as_deref()
                .map_or_else(|| "http".to_string(), str::to_lowercase),
            auth,
            hostname: encode_host(&url.host_string().to_lowercase()),
            port: url.port.clone(),
            pathname: enc(&url.path_or_root(), path_set),
            search: url.query_part().map(|q| enc(&q, query_set)),
            hash: url.hash.as_deref().map(|h| enc(h, fragment_set)),
        }
    }

    /// `toNodeUrl` for a URL string (postman-request's redirects).
    pub fn parse(url: &str, disable_encoding: bool) -> NodeUrl {
        NodeUrl::new(&Url::parse(url), disable_encoding)
    }

    /// `host[:port]`: the `Host` header Newman sends (the port exactly when the URL has one).
    pub fn host(&self) -> String {
        match &self.port {
            Some(port) => format!("{}:{port}", self.hostname),
            None => self.hostname.clone(),
        }
    }

    /// `/path?query`: the request target (origin form).
    pub fn target(&self) -> String {
        match &self.search {
            Some(search) => format!("{}?{search}", self.pathname),
            None => self.pathname.clone(),
        }
    }

    /// `protocol://auth@host:port/path?query#hash`: what reports show.
    pub fn href(&self) -> String {
        let mut href = format!("{}://", self.protocol);
        if let Some(auth) = &self.auth {
            href.push_str(auth);
            href.push('@');
        }
        href.push_str(&self.host());
        href.push_str(&self.target());
        if let Some(hash) = &self.hash {
            href.push('#');
            href.push_str(hash);
        }
        href
    }

    /// The checks postman-request and Node make before anything is sent: a host
    /// (`Invalid URI "http:///"`), an http(s) protocol (`Invalid protocol: ftp:`), a target
    /// without spaces, controls or characters above U+00FF (possible only with
    /// `disableUrlEncoding`: `Request path contains unescaped characters`).
    pub fn check(&self) -> Result<(), RequestError> {
        if self.hostname.is_empty() && self.port.is_none() {
            return Err(RequestError::InvalidUrl(self.formatted_without_host()));
        }
        if self.protocol != "http" && self.protocol != "https" {
            return Err(RequestError::Protocol(format!(
                "Invalid protocol: {}:",
                self.protocol
            )));
        }
        if self
            .target()
            .chars()
            .any(|c| !('\u{21}'..='\u{ff}').contains(&c))
        {
            return Err(RequestError::Protocol(
                "Request path contains unescaped characters".to_string(),
            ));
        }
        Ok(())
    }

    /// Node's legacy `url.format` of a URL without a host (the text of `Invalid URI "…"`).
    fn formatted_without_host(&self) -> String {
        const SLASHED: [&str; 7] = ["file", "ftp", "gopher", "http", "https", "ws", "wss"];
        let mut out = format!("{}:", self.protocol);
        if SLASHED.contains(&self.protocol.as_str()) {
            out.push_str("//");
        }
        out.push_str(&self.pathname.replace('#', "%23").replace('?', "%3F"));
        if let Some(search) = self.search.as_deref().filter(|s| !s.is_empty()) {
            out.push('?');
            out.push_str(&search.replace('#', "%23"));
        }
        if let Some(hash) = self.hash.as_deref().filter(|h| !h.is_empty()) {
            out.push('#');
            out.push_str(hash);
        }
        out
    }

    /// The URL to connect to, match cookies against and resolve redirects from (WHATWG-parsed
    /// `href`; an empty host with a port is `localhost`, as for Node). A host no resolver can
    /// know fails as Node fails on it: `getaddrinfo ENOTFOUND ex ample.com`, or
    /// `Invalid character in header content ["Host"]` when the `Host` header cannot carry it.
    pub fn connect_url(&self) -> Result<url::Url, RequestError> {
        let mut text = format!("{}://", self.protocol);
        if let Some(auth) = self.auth.as_deref().filter(|a| !a.is_empty()) {
            text.push_str(auth);
            text.push('@');
        }
        text.push_str(if self.hostname.is_empty() {
            "localhost"
        } else {
            &self.hostname
        });
        if let Some(port) = &self.port {
            text.push(':');
            text.push_str(port);
        }
        text.push_str(&self.target());
        if let Some(hash) = &self.hash {
            text.push('#');
            text.push_str(hash);
        }
        url::Url::parse(&text).map_err(|_| {
            if self.hostname.is_empty() || domain_to_ascii(&self.hostname).is_some() {
                RequestError::InvalidUrl(self.href())
            } else if self
                .hostname
                .chars()
                .any(|c| !matches!(c, '\t' | '\u{20}'..='\u{7e}' | '\u{80}'..='\u{ff}'))
            {
                RequestError::InvalidHeader("Invalid character in header content [\"Host\"]".into())
            } else {
                RequestError::Connect(format!("getaddrinfo ENOTFOUND {}", self.hostname))
            }
        })
    }

    /// The credentials postman-request takes from the URL (`user:pass@`, each part
    /// percent-decoded; everything after the first `:` is the password), when there are any.
    pub fn credentials(&self) -> Option<(String, String)> {
        let auth = self.auth.as_deref().filter(|a| !a.is_empty())?;
        let (user, pass) = auth.split_once(':').unwrap_or((auth, ""));
        Some((percent_decode(user), percent_decode(pass)))
    }
}

/// The bytes Node writes for a request target: each character as one byte (latin1). `None` when a
/// character does not fit in a byte ([`NodeUrl::check`] refuses those first).
pub(crate) fn wire_bytes(target: &str) -> Option<Vec<u8>> {
    target.chars().map(|c| u8::try_from(c).ok()).collect()
}

/// `encodeHost`: Node's `url.domainToASCII`, or the host as written when that fails.
fn encode_host(host: &str) -> String {
    domain_to_ascii(host).unwrap_or_else(|| host.to_string())
}

/// Node's `url.domainToASCII`: the WHATWG `hostname` setter on a `ws:` URL. Tabs and newlines
/// are dropped, the host ends at `/`, `\`, `?` or `#`, a `:` outside `[…]` fails, and the rest
/// is parsed as a special URL's host (percent-decoding, IDNA, IPv4 numbers, IPv6).
fn domain_to_ascii(input: &str) -> Option<String> {
    let cleaned: String = input
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let mut in_brackets = false;
    let mut end = cleaned.len();
    for (i, c) in cleaned.char_indices() {
        match c {
            '[' => in_brackets = true,
            ']' => in_brackets = false,
            ':' if !in_brackets => return None,
            '/' | '\\' | '?' | '#' => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    let host = &cleaned[..end];
    if host.is_empty() {
        return None;
    }
    url::Host::parse(host).ok().map(|h| h.to_string())
}

fn c0(b: u8) -> bool {
    !(0x20..0x7f).contains(&b)
}
/// C0 controls, DEL, non-ASCII, space `"` `<` `>` `` ` ``.
fn fragment_set(b: u8) -> bool {
    c0(b) || matches!(b, b' ' | b'"' | b'<' | b'>' | b'`')
}
/// The fragment set and `#` `?` `{` `}`.
pub(crate) fn path_set(b: u8) -> bool {
    fragment_set(b) || matches!(b, b'#' | b'?' | b'{' | b'}')
}
/// The path set and `/` `:` `;` `=` `@` `[` `\` `]` `^` `|`.
fn userinfo_set(b: u8) -> bool {
    path_set(b)
        || matches!(
            b,
            b'/' | b':' | b';' | b'=' | b'@' | b'[' | b'\\' | b']' | b'^' | b'|'
        )
}
/// C0 controls, DEL, non-ASCII, space `"` `#` `'` `<` `>` (so `&`, `=`, `+` stay).
fn query_set(b: u8) -> bool {
    c0(b) || matches!(b, b' ' | b'"' | b'#' | b'\'' | b'<' | b'>')
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Percent-encodes the bytes of `s` (UTF-8) for which `set` is true, upper-case hex.
pub(crate) fn percent_encode(s: &str, set: fn(u8) -> bool) -> String {
    if !s.bytes().any(set) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 16);
    for &b in s.as_bytes() {
        if set(b) {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        } else {
            out.push(b as char);
        }
    }
    out
}

/// Decodes `%XX` escapes (invalid ones kept), as Node's `querystring.unescape`.
pub(crate) fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
#[path = "urlenc_tests.rs"]
mod tests;
