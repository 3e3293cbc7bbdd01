//! `multipart/form-data` bodies laid out as Newman's form-data library writes them: boundary
//! `--------------------------` + 24 digits (or the one in a user `Content-Type`), each part
//! `--B\r\nContent-Disposition: form-data; name="k"[; filename="f"]\r\n[Content-Type: t\r\n]\r\n
//! <value>\r\n`, closed by `--B--\r\n`. Missing files become warnings and their part is skipped.

use super::files;
use super::types::HttpOptions;
use crate::collection::FormParam;
use base64::Engine;
use bytes::Bytes;
use rand::Rng;

/// A built multipart body and its boundary.
pub(crate) struct Multipart {
    pub bytes: Bytes,
    pub boundary: String,
    /// One line per part for reports: `key: value` or `key: @file.txt`.
    pub summary: String,
}

/// A fresh boundary in form-data's format.
pub(crate) fn new_boundary() -> String {
    let mut rng = rand::rng();
    let mut b = String::with_capacity(50);
    b.push_str("--------------------------");
    for _ in 0..24 {
        b.push(char::from(b'0' + rng.random_range(0..10u8)));
    }
    b
}

/// Builds the body from the enabled params. `files_allowed` is false for `pm.sendRequest`
/// (file parts are dropped). `None` when no part is left.
pub(crate) fn build(
    params: &[FormParam],
    boundary: String,
    files_allowed: bool,
    opts: &HttpOptions,
    warnings: &mut Vec<String>,
) -> Option<Multipart> {
    let mut out = Vec::with_capacity(256);
    let mut summary = String::new();
    let mut parts = 0usize;
    for p in params.iter().filter(|p| !p.disabled) {
        if p.kind != "file" {
            let value = p.value.as_deref().unwrap_or("");
            part(&mut out, &boundary, &p.key, None, p.content_type.as_deref());
            out.extend_from_slice(value.as_bytes());
            out.extend_from_slice(b"\r\n");
            summary.push_str(&format!("{}: {}\n", p.key, value));
            parts += 1;
            continue;
        }
        if !files_allowed {
            continue;
        }
        if p.src.is_empty() {
            match p.value.as_deref().map(decode_base64) {
                Some(Some(bytes)) => {
                    let ct = p
                        .content_type
                        .as_deref()
                        .or(Some("application/octet-stream"));
                    part(&mut out, &boundary, &p.key, None, ct);
                    out.extend_from_slice(&bytes);
                    out.extend_from_slice(b"\r\n");
                    summary.push_str(&format!("{}: <{} bytes>\n", p.key, bytes.len()));
                    parts += 1;
                }
                _ => warnings.push(format!(
                    "Form param `{}`, file load error: no file source given",
                    p.key
                )),
            }
            continue;
        }
        for src in &p.src {
            match files::read(opts, src) {
                Ok((path, bytes)) => {
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let ct = p
                        .content_type
                        .as_deref()
                        .unwrap_or_else(|| files::mime_for(&path));
                    part(&mut out, &boundary, &p.key, Some(&name), Some(ct));
                    out.extend_from_slice(&bytes);
                    out.extend_from_slice(b"\r\n");
                    summary.push_str(&format!("{}: @{}\n", p.key, name));
                    parts += 1;
                }
                Err(e) => warnings.push(format!("Form param `{}`, file load error: {e}", p.key)),
            }
        }
    }
    if parts == 0 {
        return None;
    }
    out.extend_from_slice(b"--");
    out.extend_from_slice(boundary.as_bytes());
    out.extend_from_slice(b"--\r\n");
    Some(Multipart {
        bytes: Bytes::from(out),
        boundary,
        summary,
    })
}

fn part(out: &mut Vec<u8>, boundary: &str, name: &str, filename: Option<&str>, ct: Option<&str>) {
    out.extend_from_slice(b"--");
    out.extend_from_slice(boundary.as_bytes());
    out.extend_from_slice(b"\r\nContent-Disposition: form-data; name=\"");
    out.extend_from_slice(escape(name).as_bytes());
    out.push(b'"');
    if let Some(f) = filename {
        out.extend_from_slice(b"; filename=\"");
        out.extend_from_slice(escape(f).as_bytes());
        out.push(b'"');
    }
    out.extend_from_slice(b"\r\n");
    if let Some(ct) = ct {
        out.extend_from_slice(b"Content-Type: ");
        out.extend_from_slice(ct.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"\r\n");
}

/// Quotes, CR and LF in names are percent-escaped (as browsers do) so a part header stays one line.
fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['"', '\r', '\n']) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.replace('"', "%22")
            .replace('\r', "%0D")
            .replace('\n', "%0A"),
    )
}

fn decode_base64(s: &str) -> Option<Vec<u8>> {
    base64::engine::general_purpose::STANDARD
        .decode(s.trim())
        .ok()
}

/// The boundary a user `Content-Type: multipart/form-data; boundary=…` names, if any.
pub(crate) fn user_boundary(content_type: &str) -> Option<String> {
    let lower = content_type.to_ascii_lowercase();
    if !lower.starts_with("multipart/form-data;") {
        return None;
    }
    let at = lower.find("boundary=")? + "boundary=".len();
    let rest = &content_type[at..];
    let b = match rest.strip_prefix('"') {
        Some(q) => q.split('"').next()?,
        None => rest.split(';').next()?,
    };
    (!b.is_empty()).then(|| b.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(k: &str, v: &str) -> FormParam {
        FormParam {
            key: k.into(),
            value: Some(v.into()),
            kind: "text".into(),
            ..FormParam::default()
        }
    }

    #[test]
    fn boundary_format() {
        let b = new_boundary();
        assert_eq!(b.len(), 50);
        assert!(b[26..].bytes().all(|c| c.is_ascii_digit()));
    }

    #[test]
    fn text_parts_exact_bytes() {
        let mut w = Vec::new();
        let m = build(
            &[text("a", "1"), text("b\"", "x y")],
            "B".into(),
            true,
            &HttpOptions::default(),
            &mut w,
        )
        .unwrap();
        assert_eq!(
            std::str::from_utf8(&m.bytes).unwrap(),
            "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n\
             --B\r\nContent-Disposition: form-data; name=\"b%22\"\r\n\r\nx y\r\n--B--\r\n"
        );
    }

    #[test]
    fn user_boundary_parsing() {
        assert_eq!(
            user_boundary("multipart/form-data; boundary=xyz").as_deref(),
            Some("xyz")
        );
        assert_eq!(
            user_boundary("multipart/form-data; boundary=\"q r\"; x=1").as_deref(),
            Some("q r")
        );
        assert_eq!(user_boundary("multipart/form-data"), None);
    }
}
