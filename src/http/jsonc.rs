//! Comment stripping for raw JSON bodies, as Postman does before sending: `//` line comments and
//! `/* */` block comments outside strings are removed (the newline ending a line comment stays);
//! everything else, including whitespace and invalid JSON, is left alone.

/// `body` without its comments, borrowing when there is nothing to strip.
pub(crate) fn strip_comments(body: &str) -> std::borrow::Cow<'_, str> {
    if !body.contains('/') {
        return std::borrow::Cow::Borrowed(body);
    }
    let bytes = body.as_bytes();
    let mut out = String::with_capacity(body.len());
    let mut start = 0; // start of the pending copy range
    let mut i = 0;
    let mut in_string = false;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        match (b, bytes.get(i + 1)) {
            (b'"', _) => {
                in_string = true;
                i += 1;
            }
            (b'/', Some(b'/')) => {
                out.push_str(&body[start..i]);
                i += 2;
                while i < bytes.len() && bytes[i] != b'\n' {
                    if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                        break;
                    }
                    i += 1;
                }
                start = i;
            }
            (b'/', Some(b'*')) => {
                out.push_str(&body[start..i]);
                i += 2;
                while i < bytes.len() && !(bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/')) {
                    i += 1;
                }
                i = (i + 2).min(bytes.len());
                start = i;
            }
            _ => i += 1,
        }
    }
    out.push_str(&body[start.min(body.len())..]);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::strip_comments;

    #[test]
    fn strips_line_and_block_comments() {
        assert_eq!(strip_comments("{\"a\":1 // c\n}"), "{\"a\":1 \n}");
        assert_eq!(strip_comments("{/* x */\"a\":1}"), "{\"a\":1}");
        assert_eq!(strip_comments("{\"a\":1 // c\r\n}"), "{\"a\":1 \r\n}");
        assert_eq!(strip_comments("[1 /* open"), "[1 ");
    }

    #[test]
    fn keeps_strings() {
        let s = r#"{"u":"http://x/*y*/","e":"q\"//"}"#;
        assert_eq!(strip_comments(s), s);
        assert_eq!(strip_comments("{\"a\":\"é//\"}//x"), "{\"a\":\"é//\"}");
    }
}
