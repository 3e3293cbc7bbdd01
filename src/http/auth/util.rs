//! Small pieces the signers share: RFC 3986 encoding, hex and base64 forms, HMAC and hashes by
//! name, random tokens, the clock, and reading boolean/number parameters the way Postman's UI
//! stores them (`true`, `"true"`, `1`).

use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use rand::Rng;

use crate::collection::Auth;

/// Percent-encodes everything but RFC 3986's unreserved set (`A-Z a-z 0-9 - . _ ~`).
pub(crate) fn rfc3986(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

pub(crate) fn b64url(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

pub(crate) fn unb64(text: &str) -> Option<Vec<u8>> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    base64::engine::general_purpose::STANDARD
        .decode(&t)
        .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(&t))
        .or_else(|_| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(&t))
        .or_else(|_| base64::engine::general_purpose::URL_SAFE.decode(&t))
        .ok()
}

/// The SHA family members the signers use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sha {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

impl Sha {
    pub fn digest(self, data: &[u8]) -> Vec<u8> {
        use sha2::Digest;
        match self {
            Sha::Sha1 => sha1::Sha1::digest(data).to_vec(),
            Sha::Sha256 => sha2::Sha256::digest(data).to_vec(),
            Sha::Sha384 => sha2::Sha384::digest(data).to_vec(),
            Sha::Sha512 => sha2::Sha512::digest(data).to_vec(),
        }
    }

    pub fn hmac(self, key: &[u8], data: &[u8]) -> Vec<u8> {
        fn run<M: Mac + KeyInit>(key: &[u8], data: &[u8]) -> Vec<u8> {
            // HMAC accepts keys of any length.
            match <M as KeyInit>::new_from_slice(key) {
                Ok(mut m) => {
                    m.update(data);
                    m.finalize().into_bytes().to_vec()
                }
                Err(_) => Vec::new(),
            }
        }
        match self {
            Sha::Sha1 => run::<Hmac<sha1::Sha1>>(key, data),
            Sha::Sha256 => run::<Hmac<sha2::Sha256>>(key, data),
            Sha::Sha384 => run::<Hmac<sha2::Sha384>>(key, data),
            Sha::Sha512 => run::<Hmac<sha2::Sha512>>(key, data),
        }
    }
}

/// `len` random characters from `A-Z a-z 0-9`.
pub(crate) fn random_alnum(len: usize) -> String {
    const SET: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut rng = rand::rng();
    (0..len)
        .map(|_| SET[rng.random_range(0..SET.len())] as char)
        .collect()
}

pub(crate) fn random_bytes<const N: usize>() -> [u8; N] {
    let mut out = [0u8; N];
    rand::rng().fill(&mut out[..]);
    out
}

/// Seconds since the Unix epoch.
pub(crate) fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// A parameter that is a non-empty string after trimming.
pub(crate) fn text(auth: &Auth, key: &str) -> Option<String> {
    auth.param(key).filter(|v| !v.trim().is_empty())
}

/// A boolean parameter: `true`, `"true"`, `1`, `"1"` are true; anything else (or absent) false.
pub(crate) fn flag(auth: &Auth, key: &str) -> bool {
    match auth.params.get(key) {
        Some(serde_json::Value::Bool(b)) => *b,
        Some(serde_json::Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(serde_json::Value::String(s)) => matches!(s.trim(), "true" | "1"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(rfc3986("a b&c=d~é"), "a%20b%26c%3Dd~%C3%A9");
        assert_eq!(hex(&[0, 255]), "00ff");
        assert_eq!(b64url(&[0xfb, 0xff]), "-_8");
        assert_eq!(unb64("-_8"), Some(vec![0xfb, 0xff]));
        assert_eq!(unb64("+/8="), Some(vec![0xfb, 0xff]));
    }

    #[test]
    fn hmac_rfc_4231_case_2() {
        let mac = Sha::Sha256.hmac(b"Jefe", b"what do ya want for nothing?");
        assert_eq!(
            hex(&mac),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn flags_accept_ui_shapes() {
        let mut a = Auth::default();
        a.params.insert("a".into(), serde_json::json!(true));
        a.params.insert("b".into(), serde_json::json!("true"));
        a.params.insert("c".into(), serde_json::json!("false"));
        assert!(flag(&a, "a") && flag(&a, "b") && !flag(&a, "c") && !flag(&a, "d"));
    }
}
