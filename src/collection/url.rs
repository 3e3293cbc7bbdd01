//! URLs with the Postman SDK's semantics: [`Url::parse`] splits a string into protocol, auth,
//! host, port, path, query and hash without validating anything (`{{variables}}` may contain
//! `/`, `:`, `?`, `.`…), and [`Url`]'s `Display` rebuilds the string from the components
//! (`Url#toString`): disabled query params dropped, `key` without `=` when the value is `None`,
//! path variables (`:id`) replaced from `url.variable`.

use super::model::{QueryParam, Url, UrlAuth, Variable};
use serde_json::Value;
use std::fmt;

/// Characters that do not delimit URL parts when they appear inside `{{…}}`.
const RESERVED_IN_VARIABLES: &[u8] = b".:/?#@&]";

/// The next `{{name}}` token at or after byte `from`: `(start, end)` byte offsets, token
/// included. Same rule as Postman's `/{{([^{}]*?)}}/`: the name holds no `{` or `}`.
pub fn next_variable_token(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        let start = i + bytes.get(i..)?.windows(2).position(|w| w == b"{{")?;
        let mut j = start + 2;
        while bytes.get(j).is_some_and(|b| *b != b'{' && *b != b'}') {
            j += 1;
        }
        if bytes.get(j) == Some(&b'}') && bytes.get(j + 1) == Some(&b'}') {
            return Some((start, j + 2));
        }
        i = start + 1;
    }
}

/// The bytes of `text` with the URL delimiters inside `{{…}}` replaced by `_`, so that searching
/// for delimiters skips variables. Same length as `text`.
fn mask_variables(text: &str) -> Vec<u8> {
    let mut masked = text.as_bytes().to_vec();
    let mut from = 0;
    while let Some((start, end)) = next_variable_token(text, from) {
        for b in masked.iter_mut().take(end).skip(start) {
            if RESERVED_IN_VARIABLES.contains(b) {
                *b = b'_';
            }
        }
        from = end;
    }
    masked
}

/// The text and its masked twin, searched together and sliced in the text.
struct Scanner {
    text: String,
    masked: Vec<u8>,
}

impl Scanner {
    fn find(&self, from: usize, to: usize, byte: u8) -> Option<usize> {
        let window = self.masked.get(from..to)?;
        window.iter().position(|b| *b == byte).map(|i| i + from)
    }

    fn rfind(&self, from: usize, to: usize, byte: u8) -> Option<usize> {
        let window = self.masked.get(from..to)?;
        window.iter().rposition(|b| *b == byte).map(|i| i + from)
    }

    fn find_protocol_separator(&self, to: usize) -> Option<usize> {
        self.masked.get(..to)?.windows(3).position(|w| w == b"://")
    }

    fn slice(&self, from: usize, to: usize) -> &str {
        self.text.get(from..to).unwrap_or("")
    }

    /// `text[from..to]` split on `sep` found outside variables.
    fn split(&self, from: usize, to: usize, sep: u8) -> Vec<String> {
        let mut parts = Vec::new();
        let mut start = from;
        while let Some(i) = self.find(start, to, sep) {
            parts.push(self.slice(start, i).to_string());
            start = i + 1;
        }
        parts.push(self.slice(start, to).to_string());
        parts
    }

    /// Replaces the byte at `i` (an ASCII `\`) with `/` in both copies.
    fn set_slash(&mut self, i: usize) {
        if let Some(b) = self.masked.get_mut(i) {
            *b = b'/';
            self.text.replace_range(i..i + 1, "/");
        }
    }
}

impl Url {
    /// Splits a URL string the way the Postman SDK does (`Url.parse`): leading whitespace is
    /// dropped; `#` starts the hash, `?` the query (`&`-separated; `b` in `?a=1&b` has no value),
    /// `://` ends the protocol, the first `/` (or `\`) starts the path, `user:pass@` is the auth,
    /// the last `:` before the path the port. Delimiters inside `{{…}}` do not count.
    pub fn parse(raw: &str) -> Url {
        let raw = raw.trim_start();
        let mut url = Url {
            raw: raw.to_string(),
            ..Url::default()
        };
        if raw.is_empty() {
            return url;
        }
        let mut s = Scanner {
            masked: mask_variables(raw),
            text: raw.to_string(),
        };
        let (mut start, mut end) = (0, raw.len());
        if let Some(i) = s.find(start, end, b'#') {
            url.hash = Some(s.slice(i + 1, end).to_string()).filter(|h| !h.is_empty());
            end = i;
        }
        if let Some(i) = s.find(start, end, b'?') {
            url.query = parse_query_params(&s.split(i + 1, end, b'&'));
            end = i;
        }
        if let Some(i) = s.find_protocol_separator(end) {
            url.protocol = Some(s.slice(0, i).to_string()).filter(|p| !p.is_empty());
            start = i + 3;
        }
        if let Some(i) = s.find(start, end, b'\\') {
            s.set_slash(i);
        }
        if let Some(i) = s.find(start, end, b'/') {
            url.path = s.split(i + 1, end, b'/');
            end = i;
        }
        if let Some(i) = s.find(start, end, b'@') {
            url.auth = Some(match s.find(start, i, b':') {
                Some(colon) => UrlAuth {
                    user: s.slice(start, colon).to_string(),
                    password: Some(s.slice(colon + 1, i).to_string()),
                },
                None => UrlAuth {
                    user: s.slice(start, i).to_string(),
                    password: None,
                },
            });
            start = i + 1;
        }
        if let Some(i) = s.rfind(start, end, b':') {
            if s.find(i + 1, end, b']').is_none() {
                url.port = Some(s.slice(i + 1, end).to_string()).filter(|p| !p.is_empty());
                end = i;
            }
        }
        if start < end {
            url.host = s.split(start, end, b'.');
        }
        url
    }

    /// The URL with path variables left as `:name` (the `raw` of an export).
    pub fn to_unresolved_string(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None);
        out
    }

    /// Like `to_string()`, with `http://` when the URL has no protocol (what gets sent).
    pub fn to_string_with_default_protocol(&self) -> String {
        let text = self.to_string();
        if self.protocol.is_some() {
            text
        } else {
            format!("http://{text}")
        }
    }

    /// Like `to_string()`, with path variables taken from `variables` instead of `self.variables`.
    pub fn to_string_with(&self, variables: &[Variable]) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(variables));
        out
    }

    /// `host` labels joined with `.`.
    pub fn host_string(&self) -> String {
        self.host.join(".")
    }

    /// `/a/b` with path variables replaced; empty when the URL has no path.
    pub fn path_string(&self) -> String {
        let mut out = String::new();
        self.write_path(&mut out, Some(&self.variables));
        out
    }

    fn write(&self, out: &mut String, variables: Option<&[Variable]>) {
        if let Some(protocol) = self.protocol.as_deref().filter(|p| !p.is_empty()) {
            out.push_str(protocol);
            if !protocol.ends_with("://") {
                out.push_str("://");
            }
        }
        if let Some(auth) = self.auth.as_ref().filter(|a| !a.user.is_empty()) {
            out.push_str(&auth.user);
            if let Some(password) = auth.password.as_deref().filter(|p| !p.is_empty()) {
                out.push(':');
                out.push_str(password);
            }
            out.push('@');
        }
        out.push_str(&self.host_string());
        if let Some(port) = self.port.as_deref().filter(|p| !p.is_empty()) {
            out.push(':');
            out.push_str(port);
        }
        self.write_path(out, variables);
        let query = query_string(&self.query);
        if !query.is_empty() {
            out.push('?');
            out.push_str(&query);
        }
        if let Some(hash) = self.hash.as_deref().filter(|h| !h.is_empty()) {
            out.push('#');
            out.push_str(hash);
        }
    }

    fn write_path(&self, out: &mut String, variables: Option<&[Variable]>) {
        for segment in &self.path {
            out.push('/');
            match variables.and_then(|vars| path_variable_value(segment, vars)) {
                Some((value, suffix)) => {
                    out.push_str(value);
                    out.push_str(suffix);
                }
                None => out.push_str(segment),
            }
        }
    }
}

/// `Url#toString`: components joined, path variables replaced.
impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write(&mut out, Some(&self.variables));
        f.write_str(&out)
    }
}

/// For a `:name` or `:name.suffix` segment whose variable holds a non-empty string: the value and
/// the suffix (`.json` of `:id.json`).
fn path_variable_value<'a>(
    segment: &'a str,
    variables: &'a [Variable],
) -> Option<(&'a str, &'a str)> {
    let rest = segment.strip_prefix(':').filter(|r| !r.is_empty())?;
    let (name, suffix) = match rest.find('.') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let variable = variables.iter().rev().find(|v| v.key == name)?;
    match &variable.value {
        Value::String(value) if !value.is_empty() => Some((value.as_str(), suffix)),
        _ => None,
    }
}

/// `QueryParam.parseSingle` over the `&`-split parts: an empty part other than the last has no
/// key at all; a part without `=` has no value.
pub(crate) fn parse_query_params(parts: &[String]) -> Vec<QueryParam> {
    let last = parts.len().saturating_sub(1);
    parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            if part.is_empty() && i != last {
                return QueryParam::default();
            }
            match part.split_once('=') {
                Some((key, value)) => QueryParam {
                    key: Some(key.to_string()),
                    value: Some(value.to_string()),
                    disabled: false,
                },
                None => QueryParam {
                    key: Some(part.clone()),
                    value: None,
                    disabled: false,
                },
            }
        })
        .collect()
}

/// `QueryParam.unparse` with disabled params skipped; no encoding.
pub fn query_string(params: &[QueryParam]) -> String {
    let mut out = String::new();
    for (n, param) in params.iter().filter(|p| !p.disabled).enumerate() {
        if n > 0 {
            out.push('&');
        }
        out.push_str(param.key.as_deref().unwrap_or(""));
        if let Some(value) = &param.value {
            out.push('=');
            out.push_str(value);
        }
    }
    out
}

/// A host given as a string in a URL object: split on `.` except inside `{{…}}` (a dot counts
/// unless `}}` comes before the next `{`).
pub(crate) fn split_host(host: &str) -> Vec<String> {
    let bytes = host.as_bytes();
    // closes_first[i]: scanning from i, `}}` is met before any `{`.
    let mut closes_first = vec![false; bytes.len() + 1];
    for i in (0..bytes.len()).rev() {
        closes_first[i] = match bytes[i] {
            b'{' => false,
            b'}' if bytes.get(i + 1) == Some(&b'}') => true,
            _ => closes_first[i + 1],
        };
    }
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'.' && !closes_first[i + 1] {
            parts.push(host.get(start..i).unwrap_or("").to_string());
            start = i + 1;
        }
    }
    parts.push(host.get(start..).unwrap_or("").to_string());
    parts
}

/// A path given as a string in a URL object: one leading `/` dropped, then split on `/`;
/// `""` is no path, `"/"` one empty segment.
pub(crate) fn split_path(path: &str) -> Vec<String> {
    if path.is_empty() {
        return Vec::new();
    }
    let trimmed = match path.strip_prefix('/') {
        Some(rest) if !rest.is_empty() => rest,
        _ => path,
    };
    if trimmed == "/" {
        return vec![String::new()];
    }
    trimmed.split('/').map(str::to_string).collect()
}

#[cfg(test)]
#[path = "url_tests.rs"]
mod tests;
