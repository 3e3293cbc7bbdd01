//! Helpers for the auth tests: building auths and requests, performing them with postie's
//! client, and the primitives the tests' own verifiers use (HMAC, hashes, base64, header
//! parameter parsing). Everything here is written from the specs, independently of
//! `postie::http`'s signers.
#![allow(dead_code)]

use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use postie::collection::{Auth, Behavior, Body, FormParam, Header, Request};
use postie::http::{Call, Client, HttpOptions, Origin, Outcome};
use serde_json::Value;

pub fn auth(kind: &str, params: Value) -> Auth {
    let mut a = Auth {
        kind: kind.into(),
        ..Auth::default()
    };
    if let Value::Object(o) = params {
        for (k, v) in o {
            a.params.insert(k, v);
        }
    }
    a
}

pub fn request(method: &str, headers: &[(&str, &str)], body: Option<Body>) -> Request {
    Request {
        method: method.into(),
        headers: headers
            .iter()
            .map(|(k, v)| Header {
                key: k.to_string(),
                value: v.to_string(),
                disabled: false,
            })
            .collect(),
        body,
        ..Request::default()
    }
}

pub fn raw_body(text: &str) -> Body {
    Body {
        mode: "raw".into(),
        raw: Some(text.into()),
        ..Body::default()
    }
}

pub fn form_body(pairs: &[(&str, &str)]) -> Body {
    Body {
        mode: "urlencoded".into(),
        urlencoded: pairs
            .iter()
            .map(|(k, v)| FormParam {
                key: k.to_string(),
                value: Some(v.to_string()),
                ..FormParam::default()
            })
            .collect(),
        ..Body::default()
    }
}

pub fn opts() -> HttpOptions {
    HttpOptions {
        user_agent: "PostmanRuntime/7.39.1".into(),
        ..HttpOptions::default()
    }
}

/// Performs one request with `auth` through a client built from `opts`.
pub async fn perform_with(
    client: &Client,
    url: &str,
    req: &Request,
    auth: Option<&Auth>,
    behavior: &Behavior,
) -> Outcome {
    client
        .perform(&Call {
            url,
            request: req,
            auth,
            behavior,
            origin: Origin::Item,
        })
        .await
}

pub async fn perform(url: &str, req: &Request, auth: &Auth) -> Outcome {
    let client = Client::new(&opts()).expect("client");
    perform_with(&client, url, req, Some(auth), &Behavior::default()).await
}

/// The response code, panicking with the error when there is none.
pub fn code(out: &Outcome) -> u16 {
    match &out.result {
        Ok(x) => x.response.code,
        Err(e) => panic!("request failed: {e}"),
    }
}

pub fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

pub fn b64url_decode(text: &str) -> Vec<u8> {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text)
        .expect("base64url")
}

pub fn b64_decode(text: &str) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .expect("base64")
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn hmac_sha1(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut m = <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(key).expect("key");
    m.update(data);
    m.finalize().into_bytes().to_vec()
}

pub fn hmac_sha256(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut m = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(key).expect("key");
    m.update(data);
    m.finalize().into_bytes().to_vec()
}

pub fn hmac_sha512(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut m = <Hmac<sha2::Sha512> as KeyInit>::new_from_slice(key).expect("key");
    m.update(data);
    m.finalize().into_bytes().to_vec()
}

pub fn sha256(data: &[u8]) -> Vec<u8> {
    use sha2::Digest;
    sha2::Sha256::digest(data).to_vec()
}

/// `%XX` decoding (and `+` as space when `form`).
pub fn pct_decode(s: &str, form: bool) -> String {
    let s = if form {
        s.replace('+', " ")
    } else {
        s.to_string()
    };
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// RFC 3986 encoding (unreserved characters kept).
pub fn rfc3986(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// `a=1&b=2` → pairs, decoded as a form.
pub fn form_pairs(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (pct_decode(k, true), pct_decode(v, true))
        })
        .collect()
}

/// `Scheme k="v", k2=v2` → pairs (quotes removed).
pub fn auth_params(value: &str) -> Vec<(String, String)> {
    let rest = value.split_once(' ').map_or("", |(_, r)| r);
    let mut out = Vec::new();
    let mut chars = rest.chars().peekable();
    loop {
        while chars.next_if(|c| *c == ',' || c.is_whitespace()).is_some() {}
        let key: String = std::iter::from_fn(|| chars.next_if(|c| *c != '=')).collect();
        if key.is_empty() {
            return out;
        }
        chars.next();
        let mut v = String::new();
        if chars.next_if_eq(&'"').is_some() {
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => v.extend(chars.next()),
                    _ => v.push(c),
                }
            }
        } else {
            v = std::iter::from_fn(|| chars.next_if(|c| *c != ',')).collect();
        }
        out.push((key.trim().to_string(), v.trim().to_string()));
    }
}

pub fn param<'a>(params: &'a [(String, String)], key: &str) -> &'a str {
    params
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}
