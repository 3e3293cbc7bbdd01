//! Raw HTTP/1 request heads: parsing the bytes a client sent (keeping header case and order, and
//! accepting targets a strict parser would refuse) and finding where the message body ends.

/// The request line and header fields of one HTTP/1 request, as sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawHead {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
}

/// How the body that follows a head is delimited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Framing {
    /// No body.
    Empty,
    /// `Content-Length: n`.
    Length(usize),
    /// `Transfer-Encoding: chunked`.
    Chunked,
}

/// Where the head ends: the index just past the blank line, if it has arrived.
pub(crate) fn head_end(buf: &[u8]) -> Option<usize> {
    find(buf, b"\r\n\r\n").map(|i| i + 4)
}

/// Parses a head (request line + header lines, with or without the final blank line).
pub(crate) fn parse_head(bytes: &[u8]) -> Option<RawHead> {
    let text = String::from_utf8_lossy(bytes);
    let mut lines = text
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line));
    let (method, target) = parse_request_line(lines.next()?)?;
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            // Obsolete line folding: continue the previous value.
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
            continue;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.to_string(), value.trim().to_string()));
        }
    }
    Some(RawHead {
        method,
        target,
        headers,
    })
}

/// Splits `METHOD SP target SP HTTP/x.y`; the target is everything between the first and last space.
fn parse_request_line(line: &str) -> Option<(String, String)> {
    let (method, rest) = line.split_once(' ')?;
    let (target, version) = rest.rsplit_once(' ')?;
    if method.is_empty() || !version.starts_with("HTTP/") {
        return None;
    }
    Some((method.to_string(), target.to_string()))
}

impl RawHead {
    /// The first value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// How the body is delimited (chunked wins over a length, as RFC 9112 says).
    pub fn framing(&self) -> Framing {
        let chunked = self
            .header("transfer-encoding")
            .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
        if chunked {
            return Framing::Chunked;
        }
        match self
            .header("content-length")
            .and_then(|v| v.trim().parse().ok())
        {
            Some(0) | None => Framing::Empty,
            Some(n) => Framing::Length(n),
        }
    }
}

/// Decodes a complete chunked body at the start of `buf`.
///
/// Returns the decoded bytes and how many raw bytes they took (trailers included), or `None` while
/// the body is still incomplete (or malformed).
pub(crate) fn decode_chunked(buf: &[u8]) -> Option<(Vec<u8>, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    loop {
        let line_end = pos + find(&buf[pos..], b"\r\n")?;
        let size_text = String::from_utf8_lossy(&buf[pos..line_end]);
        let size_hex = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        pos = line_end + 2;
        if size == 0 {
            // Trailer section: lines until an empty one.
            loop {
                let end = pos + find(&buf[pos..], b"\r\n")?;
                let empty = end == pos;
                pos = end + 2;
                if empty {
                    return Some((out, pos));
                }
            }
        }
        let data_end = pos.checked_add(size)?;
        if buf.len() < data_end + 2 {
            return None;
        }
        out.extend_from_slice(&buf[pos..data_end]);
        pos = data_end + 2;
    }
}

/// The first index of `needle` in `haystack`.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_odd_targets_and_keeps_header_case() {
        let raw = b"POSTMAN /a b/\"{|}\" HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n  b\r\ncontent-TYPE:text/plain \r\n\r\n";
        let head = parse_head(raw).expect("head");
        assert_eq!(head.method, "POSTMAN");
        assert_eq!(head.target, "/a b/\"{|}\"");
        assert_eq!(
            head.headers,
            vec![
                ("Host".to_string(), "x".to_string()),
                ("X-Folded".to_string(), "a b".to_string()),
                ("content-TYPE".to_string(), "text/plain".to_string()),
            ]
        );
        assert_eq!(head.header("Content-Type"), Some("text/plain"));
    }

    #[test]
    fn rejects_a_line_that_is_not_a_request_line() {
        assert_eq!(parse_head(b"hello\r\n\r\n"), None);
        assert_eq!(parse_head(b"GET / FTP/1\r\n\r\n"), None);
    }

    #[test]
    fn framing_prefers_chunked() {
        let head = |h: &[u8]| parse_head(h).expect("head").framing();
        assert_eq!(head(b"GET / HTTP/1.1\r\n\r\n"), Framing::Empty);
        assert_eq!(
            head(b"GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n"),
            Framing::Empty
        );
        assert_eq!(
            head(b"GET / HTTP/1.1\r\nContent-Length: 16\r\n\r\n"),
            Framing::Length(16)
        );
        let both = b"PUT / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n";
        assert_eq!(head(both), Framing::Chunked);
    }

    #[test]
    fn decodes_chunked_bodies_only_when_complete() {
        let body = b"4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\nX-Trailer: 1\r\n\r\nNEXT";
        let (decoded, used) = decode_chunked(body).expect("complete");
        assert_eq!(decoded, b"Wikipedia");
        assert_eq!(&body[used..], b"NEXT");
        assert_eq!(decode_chunked(b"4\r\nWiki\r\n"), None);
        assert_eq!(decode_chunked(b"4\r\nWi"), None);
        assert_eq!(decode_chunked(b"zz\r\n"), None);
    }

    #[test]
    fn head_end_points_past_the_blank_line() {
        assert_eq!(head_end(b"GET / HTTP/1.1\r\n\r\nbody"), Some(18));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\n"), None);
    }
}
