//! `digest` (RFC 7616): `Authorization: Digest username="…", realm="…", nonce="…", uri="…",
//! algorithm="…", qop=…, nc=…, cnonce="…", response="…", opaque="…"` with MD5, SHA-256 and
//! SHA-512-256 and their `-sess` forms, qop `auth` / `auth-int`.
//!
//! Without a `realm` and `nonce` nothing is signed: the request goes out bare, and
//! `super::super::flow` reads the `WWW-Authenticate: Digest …` challenge of the 401 (or 403),
//! [`absorb`]s it into the parameters and sends the request again (unless
//! `disableRetryRequest`), as Postman does. Newman answers `Unsupported digest algorithm` for
//! SHA-512-256; postie supports it. When the challenge offers several qop values, `auth` is
//! chosen (Newman copies the list verbatim and then signs without qop).

use super::util::{hex, random_alnum, text};
use super::{error, Target};
use crate::collection::Auth;
use crate::http::error::RequestError;
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hash {
    Md5,
    Sha256,
    Sha512_256,
}

impl Hash {
    fn hex(self, data: &[u8]) -> String {
        use sha2::Digest;
        match self {
            Hash::Md5 => hex(&md5::Md5::digest(data)),
            Hash::Sha256 => hex(&sha2::Sha256::digest(data)),
            Hash::Sha512_256 => hex(&sha2::Sha512_256::digest(data)),
        }
    }
}

/// `(hash, sess)` for an algorithm name (case-insensitive); empty means MD5.
fn algorithm(name: &str) -> Option<(Hash, bool)> {
    let upper = name.trim().to_ascii_uppercase();
    let (base, sess) = match upper.strip_suffix("-SESS") {
        Some(b) => (b.to_string(), true),
        None => (upper, false),
    };
    let hash = match base.as_str() {
        "" | "MD5" => Hash::Md5,
        "SHA-256" => Hash::Sha256,
        "SHA-512-256" => Hash::Sha512_256,
        _ => return None,
    };
    Some((hash, sess))
}

/// The parameters of a `WWW-Authenticate: Digest …` challenge.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Challenge {
    pub realm: String,
    pub nonce: String,
    /// As offered (`auth`, `auth,auth-int`), empty when none.
    pub qop: String,
    pub opaque: String,
    pub algorithm: String,
}

impl Challenge {
    /// The first Digest challenge among `headers` (`WWW-Authenticate`, any case).
    pub fn find(headers: &[(String, String)]) -> Option<Challenge> {
        headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case("www-authenticate"))
            .find_map(|(_, v)| {
                let v = v.trim_start();
                let rest = v
                    .get(..7)
                    .filter(|p| p.eq_ignore_ascii_case("digest "))
                    .map(|_| &v[7..])?;
                let params = parse_params(rest);
                let get = |k: &str| {
                    params
                        .iter()
                        .find(|(n, _)| n.eq_ignore_ascii_case(k))
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default()
                };
                Some(Challenge {
                    realm: get("realm"),
                    nonce: get("nonce"),
                    qop: get("qop"),
                    opaque: get("opaque"),
                    algorithm: get("algorithm"),
                })
            })
    }
}

/// Parses `a="x, y", b=z` (quoted strings may hold `\` escapes).
pub(crate) fn parse_params(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace() || *c == ',').is_some() {}
        let key: String = std::iter::from_fn(|| chars.next_if(|c| *c != '=' && *c != ','))
            .collect::<String>()
            .trim()
            .to_string();
        if key.is_empty() && chars.peek().is_none() {
            return out;
        }
        let mut value = String::new();
        if chars.next_if_eq(&'=').is_some() {
            while chars.next_if(|c| *c == ' ' || *c == '\t').is_some() {}
            if chars.next_if_eq(&'"').is_some() {
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => value.extend(chars.next()),
                        _ => value.push(c),
                    }
                }
            } else {
                value = std::iter::from_fn(|| chars.next_if(|c| *c != ','))
                    .collect::<String>()
                    .trim()
                    .to_string();
            }
        }
        if !key.is_empty() {
            out.push((key, value));
        }
    }
}

/// Lays a challenge over the auth parameters, as Postman's digest `post` hook does. Returns
/// false when the challenge brings nothing new (then a retry would fail the same way).
pub(crate) fn absorb(auth: &mut Auth, ch: &Challenge) -> bool {
    let current = |k: &str| text(auth, k).unwrap_or_default();
    let mut wanted = vec![("nonce", ch.nonce.clone()), ("realm", ch.realm.clone())];
    if !ch.opaque.is_empty() {
        wanted.push(("opaque", ch.opaque.clone()));
    }
    let qop = if current("qop").is_empty() {
        pick_qop(&ch.qop)
    } else {
        current("qop")
    };
    if !qop.is_empty() {
        wanted.push(("qop", qop));
    }
    if current("algorithm").is_empty() && !ch.algorithm.is_empty() {
        wanted.push(("algorithm", ch.algorithm.clone()));
    }
    if wanted.iter().all(|(k, v)| current(k) == *v) {
        return false;
    }
    for (k, v) in wanted {
        auth.params.insert(k.to_string(), Value::String(v));
    }
    // A fresh nonce starts a fresh count and client nonce.
    auth.params
        .insert("nonceCount".into(), Value::String(String::new()));
    auth.params
        .insert("clientNonce".into(), Value::String(String::new()));
    true
}

/// `auth` when offered, else `auth-int`, else the single value given.
fn pick_qop(offered: &str) -> String {
    let list: Vec<&str> = offered.split(',').map(str::trim).collect();
    if list.iter().any(|q| q.eq_ignore_ascii_case("auth")) {
        "auth".into()
    } else if list.iter().any(|q| q.eq_ignore_ascii_case("auth-int")) {
        "auth-int".into()
    } else {
        list.first().map(|s| s.to_string()).unwrap_or_default()
    }
}

pub(super) fn sign(auth: &Auth, target: &mut Target<'_>) -> Result<(), RequestError> {
    let get = |k: &str| auth.param(k).unwrap_or_default();
    let (username, realm, nonce) = (get("username"), get("realm"), get("nonce"));
    if username.is_empty() || realm.is_empty() || nonce.is_empty() {
        return Ok(()); // the challenge round trip fills these in
    }
    let algo_name = match get("algorithm").trim() {
        "" => "MD5".to_string(),
        a => a.to_string(),
    };
    let (hash, sess) = algorithm(&algo_name).ok_or_else(|| {
        error(
            "digest",
            format!("Unsupported digest algorithm: {algo_name}"),
        )
    })?;
    let qop = get("qop").trim().to_ascii_lowercase();
    let with_qop = qop == "auth" || qop == "auth-int";
    let nc = match get("nonceCount").trim() {
        "" => "00000001".to_string(),
        n => n.to_string(),
    };
    let cnonce = match get("clientNonce").trim() {
        "" => random_alnum(8),
        c => c.to_string(),
    };
    let uri = target.encoded()?.target;
    let mut ha1 = hash.hex(format!("{username}:{realm}:{}", get("password")).as_bytes());
    if sess {
        ha1 = hash.hex(format!("{ha1}:{nonce}:{cnonce}").as_bytes());
    }
    let method = target.method;
    let ha2 = if qop == "auth-int" {
        let body = hash.hex(target.body.unwrap_or_default());
        hash.hex(format!("{method}:{uri}:{body}").as_bytes())
    } else {
        hash.hex(format!("{method}:{uri}").as_bytes())
    };
    let response = if with_qop {
        hash.hex(format!("{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}").as_bytes())
    } else {
        hash.hex(format!("{ha1}:{nonce}:{ha2}").as_bytes())
    };
    let mut parts = vec![
        format!("username=\"{username}\""),
        format!("realm=\"{realm}\""),
        format!("nonce=\"{nonce}\""),
        format!("uri=\"{uri}\""),
        format!("algorithm=\"{algo_name}\""),
    ];
    if with_qop {
        parts.push(format!("qop={qop}"));
    }
    if with_qop || sess {
        parts.push(format!("nc={nc}"));
        parts.push(format!("cnonce=\"{cnonce}\""));
    }
    parts.push(format!("response=\"{response}\""));
    let opaque = get("opaque");
    if !opaque.is_empty() {
        parts.push(format!("opaque=\"{opaque}\""));
    }
    target.replace_header("Authorization", format!("Digest {}", parts.join(", ")));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_target::{auth, Parts};
    use super::*;
    use serde_json::json;

    fn header_param(h: &str, key: &str) -> String {
        parse_params(h.trim_start_matches("Digest "))
            .into_iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .unwrap_or_default()
    }

    #[test]
    fn rfc_7616_example_md5_and_sha256() {
        // RFC 7616 §3.9.1: GET /dir/index.html, Mufasa / Circle of Life.
        for (algo, expected) in [
            ("MD5", "8ca523f5e9506fed4657c9700eebdbec"),
            (
                "SHA-256",
                "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
            ),
        ] {
            let a = auth(
                "digest",
                &[
                    ("username", json!("Mufasa")),
                    ("password", json!("Circle of Life")),
                    ("realm", json!("http-auth@example.org")),
                    (
                        "nonce",
                        json!("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"),
                    ),
                    ("algorithm", json!(algo)),
                    ("qop", json!("auth")),
                    ("nonceCount", json!("00000001")),
                    (
                        "clientNonce",
                        json!("f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"),
                    ),
                    (
                        "opaque",
                        json!("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"),
                    ),
                ],
            );
            let mut p = Parts::new("GET", "http://www.example.org/dir/index.html");
            p.sign(&a).unwrap();
            let h = p.header("authorization").unwrap().to_string();
            assert_eq!(header_param(&h, "response"), expected, "{algo}");
            assert_eq!(header_param(&h, "uri"), "/dir/index.html");
            assert!(h.contains("qop=auth, nc=00000001, cnonce=\"f2/wE4q"), "{h}");
        }
    }

    #[test]
    fn nothing_without_realm_and_nonce_and_unknown_algorithms_fail() {
        let mut p = Parts::new("GET", "http://x/");
        p.sign(&auth("digest", &[("username", json!("u"))]))
            .unwrap();
        assert!(p.headers.is_empty());
        let bad = auth(
            "digest",
            &[
                ("username", json!("u")),
                ("realm", json!("r")),
                ("nonce", json!("n")),
                ("algorithm", json!("SHA-1")),
            ],
        );
        assert!(p.sign(&bad).is_err());
    }

    #[test]
    fn challenges_parse_and_absorb_once() {
        let headers = vec![
            ("WWW-Authenticate".to_string(), "Basic realm=\"x\"".to_string()),
            (
                "www-authenticate".to_string(),
                "Digest realm=\"me@h\", qop=\"auth,auth-int\", nonce=\"abc\", opaque=\"o\", algorithm=SHA-256".to_string(),
            ),
        ];
        let ch = Challenge::find(&headers).unwrap();
        assert_eq!(ch.realm, "me@h");
        assert_eq!(ch.qop, "auth,auth-int");
        assert_eq!(ch.algorithm, "SHA-256");
        let mut a = auth("digest", &[("username", json!("u"))]);
        assert!(absorb(&mut a, &ch));
        assert_eq!(a.param("qop").as_deref(), Some("auth"));
        assert_eq!(a.param("algorithm").as_deref(), Some("SHA-256"));
        assert!(!absorb(&mut a, &ch));
    }
}
