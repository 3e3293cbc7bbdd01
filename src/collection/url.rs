//! URLs with the Postman SDK's semantics (postman-collection 4.4 `Url`, its parser from
//! postman-url-encoder 3). [`Url::parse`] splits a string into protocol, auth, host, port, path,
//! query and hash without validating anything (`{{variables}}` holding `/`, `:`, `?`, `.`… are
//! kept whole), and [`Url`]'s `Display` rebuilds the string from the components (`Url#toString`):
//! disabled query params dropped, `key` without `=` when the value is `None`, `&`, `#` (and `=` in
//! keys) of object-form params escaped, path variables (`:id`) replaced from `url.variable`.

use super::model::{QueryParam, Url, UrlAuth, Variable};
use serde_json::Value;
use std::fmt;

/// A `{{…}}` holding one of these is one opaque unit for the URL parser.
const RESERVED_IN_VARIABLES: &[u8] = b".:/?#@&]";
/// A `{{…}}` holding one of these is left alone when query params are escaped.
const RESERVED_IN_QUERY_VARIABLES: &[u8] = b"&#=";

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

/// The `{{…}}` tokens of `text` whose name holds one of `reserved`, in order.
fn tokens_holding(text: &str, reserved: &[u8]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some((start, end)) = next_variable_token(text, from) {
        if text.as_bytes()[start + 2..end - 2]
            .iter()
            .any(|b| reserved.contains(b))
        {
            found.push((start, end));
        }
        from = end;
    }
    found
}

/// The text and a masked twin of the same length in which every `{{…}}` holding a URL delimiter
/// is blanked out (the parser's `normalizeVariables`): delimiters are searched in the mask and
/// parts sliced from the text.
struct Scanner {
    text: String,
    masked: Vec<u8>,
}

impl Scanner {
    fn new(text: &str) -> Scanner {
        let mut masked = text.as_bytes().to_vec();
        for (start, end) in tokens_holding(text, RESERVED_IN_VARIABLES) {
            masked[start..end].fill(b'_');
        }
        Scanner {
            text: text.to_string(),
            masked,
        }
    }

    fn find(&self, from: usize, to: usize, byte: u8) -> Option<usize> {
        let window = self.masked.get(from..to)?;
        window.iter().position(|b| *b == byte).map(|i| i + from)
    }

    fn rfind(&self, from: usize, to: usize, byte: u8) -> Option<usize> {
        let window = self.masked.get(from..to)?;
        window.iter().rposition(|b| *b == byte).map(|i| i + from)
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

    /// Every `\` before `end` (outside variables) becomes `/`, in both copies.
    fn backslashes_to_slashes(&mut self, end: usize) {
        let mut bytes = std::mem::take(&mut self.text).into_bytes();
        for (b, m) in bytes.iter_mut().zip(self.masked.iter_mut()).take(end) {
            if *m == b'\\' {
                *b = b'/';
                *m = b'/';
            }
        }
        // Only ASCII bytes were replaced by ASCII bytes: still UTF-8.
        self.text = String::from_utf8(bytes).unwrap_or_default();
    }
}

/// JavaScript's `String#trimStart` (WhiteSpace and LineTerminator, BOM included).
fn trim_start_js(s: &str) -> &str {
    s.trim_start_matches(|c: char| {
        matches!(
            c,
            '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
                ..='\u{200a}'
                    | '\u{2028}'
                    | '\u{2029}'
                    | '\u{202f}'
                    | '\u{205f}'
                    | '\u{3000}'
                    | '\u{feff}'
        )
    })
}

impl Url {
    /// Splits a URL string the way the Postman SDK does (`Url.parse`): leading whitespace is
    /// dropped; the first `#` starts the hash, the first `?` the query (`&`-separated; `b` in
    /// `?a=1&b` has no value); every `\` before the query becomes `/`; `://` ends the protocol and
    /// the slashes after it are dropped; the first `/` starts the path; everything before the
    /// last `@` is the auth (`user:password`, split at the first `:`); the last `:` starts the
    /// port unless a `]` follows it. Delimiters inside `{{…}}` do not count. An empty hash, port
    /// or password is kept (`http://h:/#` prints back as it was).
    pub fn parse(raw: &str) -> Url {
        let raw = trim_start_js(raw);
        let mut url = Url {
            raw: raw.to_string(),
            ..Url::default()
        };
        if raw.is_empty() {
            return url;
        }
        let mut s = Scanner::new(raw);
        let (mut start, mut end) = (0, raw.len());
        if let Some(i) = s.find(start, end, b'#') {
            url.hash = Some(s.slice(i + 1, end).to_string());
            end = i;
        }
        if let Some(i) = s.find(start, end, b'?') {
            url.query = parse_query_params(&s.split(i + 1, end, b'&'));
            end = i;
        }
        s.backslashes_to_slashes(end);
        if let Some(i) = s.masked[..end].windows(3).position(|w| w == b"://") {
            let protocol = s.slice(0, i).to_string();
            start = i + 3;
            // `http:////h` is `http://h`; `file:////p` keeps one slash (`file:///p`).
            let slashes = s.masked[start..end]
                .iter()
                .take_while(|b| **b == b'/')
                .count();
            let keep = usize::from(slashes > 0 && protocol.eq_ignore_ascii_case("file"));
            start += slashes - keep;
            url.protocol = Some(protocol);
        }
        if let Some(i) = s.find(start, end, b'/') {
            url.path = s.split(i + 1, end, b'/');
            end = i;
        }
        if let Some(i) = s.rfind(start, end, b'@') {
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
                url.port = Some(s.slice(i + 1, end).to_string());
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

    /// Like `to_string()`, with `http://` when the URL has no protocol (`toString(true)`).
    pub fn to_string_with_default_protocol(&self) -> String {
        let text = self.to_string();
        if self.protocol.as_deref().is_some_and(|p| !p.is_empty()) {
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

    /// `host` labels joined with `.` (`Url#getHost`).
    pub fn host_string(&self) -> String {
        self.host.join(".")
    }

    /// `/a/b` with path variables replaced; empty when the URL has no path.
    pub fn path_string(&self) -> String {
        let mut out = String::new();
        self.write_path(&mut out, Some(&self.variables));
        out
    }

    /// `Url#getPath`: like [`Self::path_string`] but `/` for a URL without a path.
    pub fn path_or_root(&self) -> String {
        if self.path.is_empty() {
            "/".to_string()
        } else {
            self.path_string()
        }
    }

    /// The query string as `toString` writes it after the `?`: `None` when nothing follows the
    /// path (no params, or all disabled), `Some("")` for `http://h/?`.
    pub fn query_part(&self) -> Option<String> {
        let enabled = self.query.iter().any(|p| !p.disabled);
        enabled.then(|| query_string(&self.query))
    }

    fn write(&self, out: &mut String, variables: Option<&[Variable]>) {
        if let Some(protocol) = self.protocol.as_deref().filter(|p| !p.is_empty()) {
            out.push_str(protocol);
            if !protocol.ends_with("://") {
                out.push_str("://");
            }
        }
        if let Some(auth) = &self.auth {
            out.push_str(&auth.user);
            if let Some(password) = &auth.password {
                out.push(':');
                out.push_str(password);
            }
            out.push('@');
        }
        out.push_str(&self.host_string());
        if let Some(port) = &self.port {
            out.push(':');
            out.push_str(port);
        }
        self.write_path(out, variables);
        if let Some(query) = self.query_part() {
            out.push('?');
            out.push_str(&query);
        }
        if let Some(hash) = &self.hash {
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

/// `QueryParam.unparse`: enabled params joined with `&`, `key=value` (`key` alone when the value
/// is `None`); `&` and `#` in keys and values, and `=` in keys, become `%26`, `%23`, `%3D`
/// outside `{{…}}` tokens that hold one of them. Nothing else is encoded.
pub fn query_string(params: &[QueryParam]) -> String {
    let mut out = String::new();
    for (n, param) in params.iter().filter(|p| !p.disabled).enumerate() {
        if n > 0 {
            out.push('&');
        }
        if let Some(key) = &param.key {
            escape_param(key, true, &mut out);
        }
        if let Some(value) = &param.value {
            out.push('=');
            escape_param(value, false, &mut out);
        }
    }
    out
}

/// `normalizeParam`: escapes the separators of one key or value.
fn escape_param(text: &str, is_key: bool, out: &mut String) {
    let special = |c: char| c == '&' || c == '#' || (is_key && c == '=');
    if !text.contains(special) {
        out.push_str(text);
        return;
    }
    let mut copied = 0;
    let escape = |part: &str, out: &mut String| {
        for c in part.chars() {
            match c {
                '&' => out.push_str("%26"),
                '#' => out.push_str("%23"),
                '=' if is_key => out.push_str("%3D"),
                c => out.push(c),
            }
        }
    };
    for (start, end) in tokens_holding(text, RESERVED_IN_QUERY_VARIABLES) {
        escape(&text[copied..start], out);
        out.push_str(&text[start..end]);
        copied = end;
    }
    escape(&text[copied..], out);
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
