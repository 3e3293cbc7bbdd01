//! Decoding what clients send: query strings and urlencoded forms, multipart bodies, and the
//! percent-encodings the routes need.

use percent_encoding::{
    percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS, NON_ALPHANUMERIC,
};

/// RFC 3986 unreserved characters stay; everything else is encoded (OAuth 1.0's encoding).
const RFC3986: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// JavaScript's `encodeURIComponent` set (how Express writes cookie values).
const URI_COMPONENT: &AsciiSet = &RFC3986
    .remove(b'!')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// What may not appear raw in a `Location` header (Express's `encodeurl` keeps the rest).
const LOCATION: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'\\')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// Percent-encodes per RFC 3986 (unreserved characters only stay).
pub(crate) fn rfc3986(text: &str) -> String {
    utf8_percent_encode(text, RFC3986).to_string()
}

/// Percent-encodes like `encodeURIComponent`.
pub(crate) fn uri_component(text: &str) -> String {
    utf8_percent_encode(text, URI_COMPONENT).to_string()
}

/// Makes a URL safe for a `Location` header without touching what is already encoded.
pub(crate) fn location(url: &str) -> String {
    utf8_percent_encode(url, LOCATION).to_string()
}

/// Percent-decodes (invalid UTF-8 replaced).
pub(crate) fn percent_decode(text: &str) -> String {
    percent_decode_str(text).decode_utf8_lossy().into_owned()
}

/// Decodes one form component: `+` is a space, then percent-decoding.
fn form_decode(text: &str) -> String {
    percent_decode(&text.replace('+', " "))
}

/// Parses `a=1&b=&c&a=2` into pairs in order; empty segments are skipped, a key without `=` gets "".
pub(crate) fn parse_urlencoded(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|segment| !segment.is_empty())
        .map(|segment| match segment.split_once('=') {
            Some((key, value)) => (form_decode(key), form_decode(value)),
            None => (form_decode(segment), String::new()),
        })
        .collect()
}

/// One part of a multipart body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Part {
    pub name: String,
    pub filename: Option<String>,
    pub data: Vec<u8>,
}

/// The value of parameter `name` in a header value like `form-data; name="a"; filename="b"`.
pub(crate) fn header_param(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|param| {
        let (key, raw) = param.split_once('=')?;
        if !key.trim().eq_ignore_ascii_case(name) {
            return None;
        }
        let raw = raw.trim();
        let unquoted = raw
            .strip_prefix('"')
            .and_then(|r| r.strip_suffix('"'))
            .map(|r| r.replace("\\\"", "\"").replace("\\\\", "\\"));
        Some(unquoted.unwrap_or_else(|| raw.to_string()))
    })
}

/// Splits a multipart body on `boundary`; malformed trailing data is ignored.
pub(crate) fn parse_multipart(body: &[u8], boundary: &str) -> Vec<Part> {
    let delimiter = format!("--{boundary}");
    let next_delimiter = format!("\r\n--{boundary}");
    let mut parts = Vec::new();
    let Some(mut pos) = find(body, delimiter.as_bytes()).map(|i| i + delimiter.len()) else {
        return parts;
    };
    while !body[pos..].starts_with(b"--") {
        let Some(headers_start) = skip_line(body, pos) else {
            break;
        };
        let Some(headers_len) = find(&body[headers_start..], b"\r\n\r\n") else {
            break;
        };
        let content_start = headers_start + headers_len + 4;
        let Some(content_len) = find(&body[content_start..], next_delimiter.as_bytes()) else {
            break;
        };
        let head = String::from_utf8_lossy(&body[headers_start..headers_start + headers_len]);
        if let Some(part) = part_from(&head, &body[content_start..content_start + content_len]) {
            parts.push(part);
        }
        pos = content_start + content_len + next_delimiter.len();
    }
    parts
}

/// The index after the line break that follows `pos`.
fn skip_line(body: &[u8], pos: usize) -> Option<usize> {
    find(&body[pos..], b"\r\n").map(|i| pos + i + 2)
}

fn part_from(head: &str, data: &[u8]) -> Option<Part> {
    let disposition = head.split("\r\n").find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("content-disposition")
            .then(|| value.trim().to_string())
    })?;
    Some(Part {
        name: header_param(&disposition, "name").unwrap_or_default(),
        filename: header_param(&disposition, "filename"),
        data: data.to_vec(),
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    super::super::head::find(haystack, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urlencoded_keeps_order_repeats_and_bare_keys() {
        let pairs = parse_urlencoded("a=1&&b=x+y%21&c&a=2&=v");
        let expected = [("a", "1"), ("b", "x y!"), ("c", ""), ("a", "2"), ("", "v")];
        let expected: Vec<_> = expected
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(pairs, expected);
    }

    #[test]
    fn encoders_match_their_specs() {
        assert_eq!(rfc3986("D+EdQ-gs$-%@2Nu7"), "D%2BEdQ-gs%24-%25%402Nu7");
        assert_eq!(uri_component("a b;(c)!"), "a%20b%3B(c)!");
        assert_eq!(location("/get?q={a b}&x=%2F"), "/get?q=%7Ba%20b%7D&x=%2F");
        assert_eq!(percent_decode("%F0%9F%8D%AA%zz"), "🍪%zz");
    }

    #[test]
    fn multipart_parts_with_and_without_files() {
        let body = b"preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"k\"\r\n\r\nv1\r\n\
--XyZ\r\ncontent-disposition: form-data; name=\"f\"; filename=\"a \\\"b\\\".csv\"\r\nContent-Type: text/csv\r\n\r\nx,y\r\n1,2\r\n--XyZ--\r\n";
        let parts = parse_multipart(body, "XyZ");
        assert_eq!(parts.len(), 2);
        assert_eq!(
            parts[0],
            Part {
                name: "k".into(),
                filename: None,
                data: b"v1".to_vec()
            }
        );
        assert_eq!(parts[1].filename.as_deref(), Some("a \"b\".csv"));
        assert_eq!(parts[1].data, b"x,y\r\n1,2");
    }

    #[test]
    fn multipart_tolerates_garbage() {
        assert!(parse_multipart(b"", "b").is_empty());
        assert!(parse_multipart(b"--b\r\nno blank line", "b").is_empty());
        assert!(parse_multipart(b"--b--\r\n", "b").is_empty());
    }

    #[test]
    fn header_params_quoted_or_not() {
        let ct = "multipart/form-data; boundary=\"--abc\"; charset=utf-8";
        assert_eq!(header_param(ct, "Boundary").as_deref(), Some("--abc"));
        assert_eq!(header_param(ct, "charset").as_deref(), Some("utf-8"));
        assert_eq!(header_param(ct, "missing"), None);
    }
}
