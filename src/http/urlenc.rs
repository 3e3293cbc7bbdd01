//! URLs as Postman sends them: the final URL string is split the way the collection SDK splits it
//! (protocol, userinfo, host, port, path, query, hash), then each part is percent-encoded with
//! postman-url-encoder's sets (WHATWG path/query/fragment/userinfo sets, `%` never re-encoded,
//! `+` kept, `'`, `&` and `=` inside query keys/values encoded). Nothing is normalised: dot
//! segments and empty query pairs go out as written.

use super::error::RequestError;

/// A URL split into Postman's components (strings are not yet encoded).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PmUrl {
    pub protocol: Option<String>,
    pub user: Option<String>,
    pub password: Option<String>,
    pub host: String,
    pub port: Option<String>,
    /// Everything from the first `/` after the host (empty when there is no path).
    pub path: String,
    /// `None` when the URL has no `?`; otherwise the `&`-separated pairs (`None` value: no `=`).
    pub query: Option<Vec<(String, Option<String>)>>,
    pub hash: Option<String>,
}

/// The URL ready to send.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Encoded {
    /// `http://host:port/path?query#hash`, encoded.
    pub href: String,
    /// `/path?query`: the request target in origin form.
    pub target: String,
    /// `host[:port]` exactly as in the URL: the `Host` header Newman sends.
    pub host_header: String,
}

impl PmUrl {
    pub fn parse(input: &str) -> PmUrl {
        let s = input.trim();
        let (protocol, rest) = split_protocol(s);
        let (rest, hash) = match rest.find('#') {
            Some(i) => (&rest[..i], Some(rest[i + 1..].to_string())),
            None => (rest, None),
        };
        let (rest, query) = match rest.find('?') {
            Some(i) => (&rest[..i], Some(parse_query(&rest[i + 1..]))),
            None => (rest, None),
        };
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], rest[i..].to_string()),
            None => (rest, String::new()),
        };
        let (userinfo, hostport) = match authority.rfind('@') {
            Some(i) => (Some(&authority[..i]), &authority[i + 1..]),
            None => (None, authority),
        };
        let (user, password) = match userinfo {
            Some(u) => match u.split_once(':') {
                Some((a, b)) => (Some(a.to_string()), Some(b.to_string())),
                None => (Some(u.to_string()), None),
            },
            None => (None, None),
        };
        let (host, port) = split_port(hostport);
        PmUrl {
            protocol,
            user,
            password,
            host,
            port,
            path,
            query,
            hash,
        }
    }

    /// `http` unless the URL names a protocol (lower-cased).
    pub fn scheme(&self) -> String {
        self.protocol
            .as_deref()
            .map(str::to_ascii_lowercase)
            .unwrap_or_else(|| "http".to_string())
    }

    /// Encodes every part (or only the host when `disable_encoding`), as Newman does.
    pub fn encode(&self, disable_encoding: bool) -> Result<Encoded, RequestError> {
        let scheme = self.scheme();
        let enc = |s: &str, set: fn(u8) -> bool| {
            if disable_encoding {
                s.to_string()
            } else {
                percent_encode(s, set)
            }
        };
        let mut href = String::with_capacity(self.host.len() + self.path.len() + 32);
        href.push_str(&scheme);
        href.push_str("://");
        if self.user.is_some() || self.password.is_some() {
            href.push_str(&enc(self.user.as_deref().unwrap_or(""), userinfo_set));
            if let Some(p) = &self.password {
                href.push(':');
                href.push_str(&enc(p, userinfo_set));
            }
            href.push('@');
        }
        let host = encode_host(&self.host);
        let mut host_header = host.clone();
        if let Some(port) = &self.port {
            host_header.push(':');
            host_header.push_str(port);
        }
        href.push_str(&host_header);
        let target_start = href.len();
        if self.path.is_empty() {
            href.push('/');
        } else {
            href.push_str(&enc(&self.path, path_set));
        }
        if let Some(q) = &self.query {
            href.push('?');
            for (i, (k, v)) in q.iter().enumerate() {
                if i > 0 {
                    href.push('&');
                }
                href.push_str(&enc(k, query_set));
                if let Some(v) = v {
                    href.push('=');
                    href.push_str(&enc(v, query_set));
                }
            }
        }
        let target = href[target_start..].to_string();
        if let Some(h) = &self.hash {
            href.push('#');
            href.push_str(&enc(h, fragment_set));
        }
        if host.is_empty() {
            return Err(RequestError::InvalidUrl(href));
        }
        Ok(Encoded {
            href,
            target,
            host_header,
        })
    }
}

fn split_protocol(s: &str) -> (Option<String>, &str) {
    if let Some(i) = s.find("://") {
        let p = &s[..i];
        if !p.is_empty() && !p.contains([':', '/', '?', '#', '@']) {
            return (Some(p.to_string()), &s[i + 3..]);
        }
    }
    (None, s)
}

fn split_port(hostport: &str) -> (String, Option<String>) {
    if hostport.starts_with('[') {
        if let Some(end) = hostport.find(']') {
            let host = hostport[..=end].to_string();
            let port = hostport[end + 1..].strip_prefix(':').map(str::to_string);
            return (host, port);
        }
    }
    match hostport.rfind(':') {
        Some(i) => (
            hostport[..i].to_string(),
            Some(hostport[i + 1..].to_string()),
        ),
        None => (hostport.to_string(), None),
    }
}

fn parse_query(q: &str) -> Vec<(String, Option<String>)> {
    q.split('&')
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => (k.to_string(), Some(v.to_string())),
            None => (pair.to_string(), None),
        })
        .collect()
}

/// Lower-cased, IDNA (punycode) host; IPv4 shorthand normalised (`127.1` → `127.0.0.1`); the input
/// itself when it is not a valid host (as Node's `domainToASCII` fallback does).
fn encode_host(host: &str) -> String {
    let lower = host.to_lowercase();
    match url::Host::parse(&lower) {
        Ok(h) => h.to_string(),
        Err(_) => lower,
    }
}

fn c0(b: u8) -> bool {
    !(0x20..0x7f).contains(&b)
}
fn fragment_set(b: u8) -> bool {
    c0(b) || matches!(b, b' ' | b'"' | b'<' | b'>' | b'`')
}
pub(crate) fn path_set(b: u8) -> bool {
    fragment_set(b) || matches!(b, b'#' | b'?' | b'{' | b'}')
}
fn userinfo_set(b: u8) -> bool {
    path_set(b)
        || matches!(
            b,
            b'/' | b':' | b';' | b'=' | b'@' | b'[' | b'\\' | b']' | b'^' | b'|'
        )
}
fn query_set(b: u8) -> bool {
    c0(b) || matches!(b, b' ' | b'"' | b'#' | b'&' | b'\'' | b'<' | b'=' | b'>')
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
mod tests {
    use super::*;

    fn href(s: &str) -> String {
        PmUrl::parse(s)
            .encode(false)
            .map(|e| e.href)
            .unwrap_or_default()
    }

    #[test]
    fn defaults_to_http_and_root_path() {
        assert_eq!(href("example.com"), "http://example.com/");
        assert_eq!(
            href("HTTPS://Example.COM:8443"),
            "https://example.com:8443/"
        );
    }

    #[test]
    fn encodes_like_postman() {
        assert_eq!(
            href("http://x/a b/{c}?q=a b&r=%20+x&s=é&t"),
            "http://x/a%20b/%7Bc%7D?q=a%20b&r=%20+x&s=%C3%A9&t"
        );
        assert_eq!(href("http://x/?a=b=c&d='"), "http://x/?a=b%3Dc&d=%27");
        assert_eq!(href("http://x/p#a b"), "http://x/p#a%20b");
        assert_eq!(href("http://x/../a/./b"), "http://x/../a/./b");
        assert_eq!(href("http://x?"), "http://x/?");
        assert_eq!(href("http://x/?a=1&&b"), "http://x/?a=1&&b");
    }

    #[test]
    fn userinfo_host_and_port() {
        let u = PmUrl::parse("http://us er:p@ss@Host.com:80/x");
        assert_eq!(u.user.as_deref(), Some("us er"));
        assert_eq!(u.password.as_deref(), Some("p@ss"));
        let e = u.encode(false).unwrap();
        assert_eq!(e.href, "http://us%20er:p%40ss@host.com:80/x");
        assert_eq!(e.host_header, "host.com:80");
        let e = PmUrl::parse("http://[::1]:3000/").encode(false).unwrap();
        assert_eq!(e.host_header, "[::1]:3000");
        let e = PmUrl::parse("http://bücher.de/").encode(false).unwrap();
        assert_eq!(e.host_header, "xn--bcher-kva.de");
    }

    #[test]
    fn disabled_encoding_keeps_parts() {
        let e = PmUrl::parse("http://x/a b?q=a b").encode(true).unwrap();
        assert_eq!(e.href, "http://x/a b?q=a b");
        assert_eq!(e.target, "/a b?q=a b");
    }

    #[test]
    fn empty_host_is_invalid() {
        assert_eq!(
            PmUrl::parse("http:///x").encode(false),
            Err(RequestError::InvalidUrl("http:///x".into()))
        );
    }
}
