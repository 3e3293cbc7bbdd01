//! Keeps secrets out of reports: Authorization, Proxy-Authorization and cookie header values,
//! and the values of secret-typed variables and of tokens the client fetched (OAuth 2.0) — in
//! URLs, headers, bodies, assertion names, error messages, console messages and the final
//! scopes — are replaced before events leave the run (unless `--reporter-show-secrets`).

use super::summary::FinalScopes;
use crate::http::SentRequest;
use crate::script::outcome::{AssertionResult, ErrorInfo};
use crate::vars::Scopes;
use bytes::Bytes;
use std::borrow::Cow;

/// What replaces a secret.
pub const MASK: &str = "********";

const SECRET_HEADERS: [&str; 4] = [
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
];

/// The secrets known so far and whether to mask at all.
#[derive(Debug, Clone, Default)]
pub struct Masker {
    enabled: bool,
    values: Vec<String>,
    /// Secrets learnt during the run that are not variables (fetched OAuth 2.0 tokens).
    extra: Vec<String>,
}

impl Masker {
    pub fn new(enabled: bool) -> Self {
        Masker {
            enabled,
            values: Vec::new(),
            extra: Vec::new(),
        }
    }

    /// Adds a secret that is not a variable (a fetched token); kept across [`Masker::refresh`].
    pub fn add_secret(&mut self, value: String) {
        if !self.enabled || value.chars().count() < 4 || self.extra.contains(&value) {
            return;
        }
        if !self.values.contains(&value) {
            self.values.push(value.clone());
            self.values.sort_by_key(|v| std::cmp::Reverse(v.len()));
        }
        self.extra.push(value);
    }

    /// Re-reads the secret-typed variables of the scopes (after scripts may have set some).
    pub fn refresh(&mut self, scopes: &Scopes) {
        if !self.enabled {
            return;
        }
        self.values.clear();
        self.values.extend(self.extra.iter().cloned());
        for scope in [
            &scopes.environment,
            &scopes.globals,
            &scopes.collection,
            &scopes.vault,
        ] {
            for v in scope.values.iter().filter(|v| v.enabled && v.is_secret()) {
                let text = crate::vars::to_js_string(&v.value);
                // Very short values would mask unrelated text everywhere.
                if text.chars().count() >= 4 && !self.values.contains(&text) {
                    self.values.push(text);
                }
            }
        }
        self.values.sort_by_key(|v| std::cmp::Reverse(v.len()));
    }

    /// `text` with every secret value replaced.
    pub fn text<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if !self.enabled || !self.values.iter().any(|v| text.contains(v.as_str())) {
            return Cow::Borrowed(text);
        }
        let mut out = text.to_string();
        for v in &self.values {
            out = out.replace(v.as_str(), MASK);
        }
        Cow::Owned(out)
    }

    /// Masks header values in place (secret headers entirely, others for secret values).
    pub fn headers(&self, headers: &mut [(String, String)]) {
        if !self.enabled {
            return;
        }
        for (k, v) in headers.iter_mut() {
            if SECRET_HEADERS.iter().any(|h| k.eq_ignore_ascii_case(h)) {
                *v = MASK.to_string();
            } else if let Cow::Owned(masked) = self.text(v) {
                *v = masked;
            }
        }
    }

    /// Masks an error's message and stack in place (secret values only).
    pub fn error(&self, e: &mut ErrorInfo) {
        if let Cow::Owned(m) = self.text(&e.message) {
            e.message = m;
        }
        if let Some(Cow::Owned(s)) = e.stack.as_deref().map(|s| self.text(s)) {
            e.stack = Some(s);
        }
    }

    /// Masks an assertion's name and error in place.
    pub fn assertion(&self, a: &mut AssertionResult) {
        if let Cow::Owned(n) = self.text(&a.name) {
            a.name = n;
        }
        if let Some(e) = a.error.as_mut() {
            self.error(e);
        }
    }

    /// A kept response body with every secret value replaced (`None`: nothing to mask).
    pub fn body(&self, body: &[u8]) -> Option<Bytes> {
        if !self.enabled || self.values.is_empty() {
            return None;
        }
        let mut out = body.to_vec();
        let mut changed = false;
        for v in &self.values {
            let needle = v.as_bytes();
            let mut i = 0;
            let mut next = Vec::with_capacity(out.len());
            while i < out.len() {
                if out[i..].starts_with(needle) {
                    next.extend_from_slice(MASK.as_bytes());
                    i += needle.len();
                    changed = true;
                } else {
                    next.push(out[i]);
                    i += 1;
                }
            }
            out = next;
        }
        changed.then(|| Bytes::from(out))
    }

    /// Final variable scopes as reports show them: secret-typed values masked.
    pub fn scopes(&self, scopes: &mut FinalScopes) {
        if !self.enabled {
            return;
        }
        for list in [
            &mut scopes.environment,
            &mut scopes.globals,
            &mut scopes.collection,
        ] {
            for v in list.iter_mut().filter(|v| v.is_secret()) {
                v.value = serde_json::Value::String(MASK.to_string());
            }
        }
    }

    pub fn request(&self, req: &mut SentRequest) {
        if !self.enabled {
            return;
        }
        if let Cow::Owned(u) = self.text(&req.url) {
            req.url = u;
        }
        self.headers(&mut req.headers);
        if let Some(body) = &req.body {
            if let Cow::Owned(b) = self.text(body) {
                req.body = Some(b);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::Variable;

    #[test]
    fn masks_secret_headers_and_secret_values() {
        let mut scopes = Scopes::default();
        scopes.environment.values.push(Variable {
            kind: "secret".into(),
            ..Variable::new("token", "s3cr3t-value")
        });
        let mut m = Masker::new(true);
        m.refresh(&scopes);
        let mut req = SentRequest {
            method: "GET".into(),
            url: "http://x/?k=s3cr3t-value".into(),
            scheme_implied: false,
            headers: vec![
                ("Authorization".into(), "Basic abc".into()),
                ("X-Key".into(), "s3cr3t-value".into()),
                ("Accept".into(), "*/*".into()),
            ],
            body: None,
        };
        m.request(&mut req);
        assert_eq!(req.url, "http://x/?k=********");
        assert_eq!(req.headers[0].1, MASK);
        assert_eq!(req.headers[1].1, MASK);
        assert_eq!(req.headers[2].1, "*/*");
    }

    #[test]
    fn added_secrets_survive_refresh() {
        let mut m = Masker::new(true);
        m.add_secret("fetched-token-123".into());
        m.refresh(&Scopes::default());
        assert_eq!(
            m.text("?access_token=fetched-token-123"),
            "?access_token=********"
        );
        m.add_secret("abc".into());
        assert_eq!(m.text("abc"), "abc");
    }

    #[test]
    fn masks_bodies_assertions_errors_and_scopes() {
        let mut scopes = Scopes::default();
        scopes.environment.values.push(Variable {
            kind: "secret".into(),
            ..Variable::new("token", "s3cr3t-value")
        });
        let mut m = Masker::new(true);
        m.refresh(&scopes);
        assert_eq!(
            m.body(b"{\"a\":\"s3cr3t-value\",\"b\":\"s3cr3t-value\"}")
                .as_deref(),
            Some(&b"{\"a\":\"********\",\"b\":\"********\"}"[..])
        );
        assert_eq!(m.body(b"nothing here"), None);
        let mut a = AssertionResult {
            name: "has s3cr3t-value".into(),
            index: 0,
            skipped: false,
            error: Some(ErrorInfo::new("AssertionError", "expected 's3cr3t-value'")),
        };
        m.assertion(&mut a);
        assert_eq!(a.name, "has ********");
        assert_eq!(a.error.unwrap().message, "expected '********'");
        let mut fin = FinalScopes {
            environment: scopes.environment.values.clone(),
            ..FinalScopes::default()
        };
        m.scopes(&mut fin);
        assert_eq!(fin.environment[0].value, serde_json::json!(MASK));
        assert_eq!(fin.environment[0].key, "token");
    }

    #[test]
    fn show_secrets_leaves_everything() {
        let m = Masker::new(false);
        let mut h = vec![("Authorization".to_string(), "Bearer x".to_string())];
        m.headers(&mut h);
        assert_eq!(h[0].1, "Bearer x");
    }
}
