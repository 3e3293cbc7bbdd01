//! `--ssl-client-cert-list FILE`: Newman's JSON list of client certificates,
//! `[{name, matches: ["https://*.example.com/*", …], key: {src}, cert: {src}, pfx: {src},
//! passphrase}]`. The first entry with a pattern matching the request URL is used (before the
//! single `--ssl-client-cert`). Patterns are Postman's URL match patterns (Chrome's match
//! patterns): `<all_urls>`, or `scheme://host/path` where the scheme is `http`, `https` or `*`,
//! the host is `*`, `*.suffix` or exact (with `:port` when the URL has one) and the path a glob
//! (`*` any run, `?` one character). Relative `src` paths are resolved against `--working-dir`.

use super::error::HttpError;
use super::types::ClientCert;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// One certificate of the list.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub name: String,
    pub patterns: Vec<Pattern>,
    pub cert: ClientCert,
}

#[derive(Deserialize)]
struct Raw {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    matches: Vec<String>,
    #[serde(default)]
    key: Option<Src>,
    #[serde(default)]
    cert: Option<Src>,
    #[serde(default)]
    pfx: Option<Src>,
    #[serde(default)]
    passphrase: Option<String>,
}

#[derive(Deserialize)]
struct Src {
    src: Option<String>,
}

/// Reads the list at `path`.
pub(crate) fn load(path: &Path, base: &Path) -> Result<Vec<Entry>, HttpError> {
    let fail = |message: String| HttpError::CertList {
        path: path.to_path_buf(),
        message,
    };
    let text = std::fs::read_to_string(path).map_err(|e| fail(e.to_string()))?;
    let raw: Vec<Raw> = serde_json::from_str(&text).map_err(|e| fail(e.to_string()))?;
    let resolve = |s: &str| -> PathBuf {
        let p = PathBuf::from(s);
        if p.is_absolute() {
            p
        } else {
            base.join(p)
        }
    };
    raw.into_iter()
        .enumerate()
        .map(|(i, r)| {
            let name = r.name.unwrap_or_else(|| format!("#{}", i + 1));
            let src = |s: Option<Src>| s.and_then(|s| s.src).filter(|s| !s.is_empty());
            let (cert, key) = match (src(r.pfx), src(r.cert), src(r.key)) {
                (Some(pfx), _, _) => (resolve(&pfx), None),
                (None, Some(cert), key) => (resolve(&cert), key.map(|k| resolve(&k))),
                (None, None, _) => {
                    return Err(fail(format!(
                        "entry {name} has neither cert.src nor pfx.src"
                    )))
                }
            };
            Ok(Entry {
                name,
                patterns: r.matches.iter().map(|m| Pattern::parse(m)).collect(),
                cert: ClientCert {
                    cert,
                    key,
                    passphrase: r.passphrase.filter(|p| !p.is_empty()),
                },
            })
        })
        .collect()
}

/// A URL match pattern.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Pattern {
    All,
    Parts {
        scheme: String,
        host: String,
        path: String,
    },
    Invalid,
}

impl Pattern {
    pub fn parse(text: &str) -> Pattern {
        let text = text.trim();
        if text == "<all_urls>" {
            return Pattern::All;
        }
        let Some((scheme, rest)) = text.split_once("://") else {
            return Pattern::Invalid;
        };
        if !matches!(scheme, "*" | "http" | "https" | "file" | "ftp") {
            return Pattern::Invalid;
        }
        let (host, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => return Pattern::Invalid,
        };
        let host_ok = host == "*"
            || (host.starts_with("*.") && !host[2..].contains('*'))
            || !host.contains('*');
        if !host_ok {
            return Pattern::Invalid;
        }
        Pattern::Parts {
            scheme: scheme.to_string(),
            host: host.to_ascii_lowercase(),
            path: path.to_string(),
        }
    }

    /// Does `url` (scheme, `host[:port]` as written, path) match?
    pub fn test(&self, scheme: &str, remote: &str, path: &str) -> bool {
        match self {
            Pattern::All => true,
            Pattern::Invalid => false,
            Pattern::Parts {
                scheme: s,
                host,
                path: p,
            } => {
                let scheme_ok =
                    (s == "*" && (scheme == "http" || scheme == "https")) || s == scheme;
                let remote = remote.to_ascii_lowercase();
                let host_ok = host == "*"
                    || *host == remote
                    || host.strip_prefix("*.").is_some_and(|suffix| {
                        remote == suffix || remote.ends_with(&format!(".{suffix}"))
                    });
                scheme_ok && host_ok && glob(p.as_bytes(), path.as_bytes())
            }
        }
    }
}

/// `*` matches any run, `?` one byte; everything else literally; the whole text must match.
fn glob(pat: &[u8], text: &[u8]) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < pat.len() && (pat[p] == b'?' || pat[p] == text[t]) {
            p += 1;
            t += 1;
        } else if p < pat.len() && pat[p] == b'*' {
            star = Some((p, t));
            p += 1;
        } else if let Some((sp, st)) = star {
            p = sp + 1;
            t = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    pat[p..].iter().all(|c| *c == b'*')
}

/// The first entry matching `url` (the port counts when it is not the scheme's default).
pub(crate) fn pick(entries: &[Entry], url: &url::Url) -> Option<usize> {
    let host = url.host_str().unwrap_or("");
    let remote = match url.port() {
        Some(p) => format!("{host}:{p}"),
        None => host.to_string(),
    };
    entries.iter().position(|e| {
        e.patterns
            .iter()
            .any(|p| p.test(url.scheme(), &remote, url.path()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn match_patterns() {
        let p = Pattern::parse("https://*.example.com/*");
        assert!(p.test("https", "api.example.com", "/x/y"));
        assert!(p.test("https", "example.com", "/"));
        assert!(!p.test("http", "api.example.com", "/"));
        assert!(!p.test("https", "example.org", "/"));
        let p = Pattern::parse("*://localhost:8443/api/?");
        assert!(p.test("https", "localhost:8443", "/api/v"));
        assert!(!p.test("https", "localhost", "/api/v"));
        assert!(!p.test("https", "localhost:8443", "/api/vv"));
        assert!(Pattern::parse("<all_urls>").test("https", "a", "/"));
        assert_eq!(Pattern::parse("example.com/*"), Pattern::Invalid);
        assert_eq!(Pattern::parse("https://a*b.com/*"), Pattern::Invalid);
    }

    #[test]
    fn list_file_entries() {
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("certs.json");
        std::fs::write(
            &list,
            r#"[{"name":"a","matches":["https://a.test/*"],"key":{"src":"k.pem"},"cert":{"src":"/abs/c.pem"},"passphrase":"p"},
                {"matches":["<all_urls>"],"pfx":{"src":"id.p12"}}]"#,
        )
        .unwrap();
        let entries = load(&list, Path::new("/base")).unwrap();
        assert_eq!(entries[0].cert.cert, PathBuf::from("/abs/c.pem"));
        assert_eq!(entries[0].cert.key, Some(PathBuf::from("/base/k.pem")));
        assert_eq!(entries[1].name, "#2");
        assert_eq!(entries[1].cert.cert, PathBuf::from("/base/id.p12"));
        let url = url::Url::parse("https://a.test/x").unwrap();
        assert_eq!(pick(&entries, &url), Some(0));
        let other = url::Url::parse("https://b.test/x").unwrap();
        assert_eq!(pick(&entries, &other), Some(1));
        std::fs::write(&list, "{}").unwrap();
        assert!(load(&list, Path::new("/")).is_err());
    }
}
