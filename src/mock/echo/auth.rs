//! `/basic-auth` and `/digest-auth` (RFC 7616: MD5, SHA-256, SHA-512-256, their `-sess` forms, qop
//! none, `auth` or `auth-int`), plus the `Authorization` parameter parser Hawk and OAuth share.

use base64::Engine as _;
use md5::Md5;
use rand::distr::{Alphanumeric, SampleString};
use serde_json::json;
use sha2::{Digest, Sha256, Sha512_256};

use crate::mock::creds::{DIGEST_REALM, PASSWORD, USERNAME};
use crate::mock::http::Exchange;
use crate::mock::reply::{self, Reply};

/// `/basic-auth`: `200 {"authenticated": true}` for postman:password, else `401`.
pub(super) fn basic(ex: &Exchange) -> Reply {
    let expected = format!("{USERNAME}:{PASSWORD}");
    let given = ex
        .header("authorization")
        .and_then(|value| strip_scheme(value, "Basic"))
        .and_then(|b64| {
            base64::engine::general_purpose::STANDARD
                .decode(b64.trim())
                .ok()
        });
    if given.as_deref() == Some(expected.as_bytes()) {
        return reply::json(200, &json!({ "authenticated": true }));
    }
    let mut reply = reply::text(401, "Unauthorized");
    reply::set_header(
        &mut reply,
        "www-authenticate",
        &format!("Basic realm=\"{DIGEST_REALM}\""),
    );
    reply
}

/// `/digest-auth`: verifies a Digest response for postman:password; else a fresh challenge.
pub(super) fn digest(ex: &Exchange) -> Reply {
    let verified = ex
        .header("authorization")
        .and_then(|value| strip_scheme(value, "Digest"))
        .is_some_and(|params| digest_ok(ex, &parse_params(params)));
    if verified {
        return reply::json(200, &json!({ "authenticated": true }));
    }
    let nonce = Alphanumeric.sample_string(&mut rand::rng(), 32);
    let challenge = format!("Digest realm=\"{DIGEST_REALM}\", nonce=\"{nonce}\", qop=\"auth\"");
    let mut reply = reply::text(401, "Unauthorized");
    reply::set_header(&mut reply, "www-authenticate", &challenge);
    reply
}

/// Checks user, realm, uri and the response hash (any nonce is accepted: the server keeps no state).
fn digest_ok(ex: &Exchange, params: &[(String, String)]) -> bool {
    let get = |key: &str| param(params, key).unwrap_or("");
    let algorithm = param(params, "algorithm")
        .filter(|a| !a.is_empty())
        .unwrap_or("MD5");
    let Some(hash) = DigestHash::from_name(algorithm) else {
        return false;
    };
    let uri = get("uri");
    if get("username") != USERNAME || get("realm") != DIGEST_REALM {
        return false;
    }
    if uri != ex.target && uri != ex.path {
        return false;
    }
    let secret = format!("{USERNAME}:{DIGEST_REALM}:{PASSWORD}");
    let expected = expected_response(hash, &secret, &ex.method, &ex.body, params);
    expected.eq_ignore_ascii_case(get("response"))
}

/// The `response` value RFC 7616 §3.4.1 defines; `secret` is `user:realm:password`.
fn expected_response(
    hash: DigestHash,
    secret: &str,
    method: &str,
    body: &[u8],
    params: &[(String, String)],
) -> String {
    let get = |key: &str| param(params, key).unwrap_or("");
    let (nonce, cnonce, nc, qop, uri) = (
        get("nonce"),
        get("cnonce"),
        get("nc"),
        get("qop"),
        get("uri"),
    );
    let mut ha1 = hash.hex(secret.as_bytes());
    if hash.sess {
        ha1 = hash.hex(format!("{ha1}:{nonce}:{cnonce}").as_bytes());
    }
    let ha2 = if qop.eq_ignore_ascii_case("auth-int") {
        hash.hex(format!("{method}:{uri}:{}", hash.hex(body)).as_bytes())
    } else {
        hash.hex(format!("{method}:{uri}").as_bytes())
    };
    let line = if qop.is_empty() {
        format!("{ha1}:{nonce}:{ha2}")
    } else {
        format!("{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}")
    };
    hash.hex(line.as_bytes())
}

#[derive(Clone, Copy)]
enum Algorithm {
    Md5,
    Sha256,
    Sha512_256,
}

#[derive(Clone, Copy)]
struct DigestHash {
    algorithm: Algorithm,
    sess: bool,
}

impl DigestHash {
    fn from_name(name: &str) -> Option<Self> {
        let upper = name.trim().to_ascii_uppercase();
        let (base, sess) = match upper.strip_suffix("-SESS") {
            Some(base) => (base.to_string(), true),
            None => (upper, false),
        };
        let algorithm = match base.as_str() {
            "MD5" => Algorithm::Md5,
            "SHA-256" => Algorithm::Sha256,
            "SHA-512-256" => Algorithm::Sha512_256,
            _ => return None,
        };
        Some(Self { algorithm, sess })
    }

    fn hex(&self, data: &[u8]) -> String {
        match self.algorithm {
            Algorithm::Md5 => hex(&Md5::digest(data)),
            Algorithm::Sha256 => hex(&Sha256::digest(data)),
            Algorithm::Sha512_256 => hex(&Sha512_256::digest(data)),
        }
    }
}

/// Lower-case hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The text after `scheme ` in an `Authorization` value (scheme matched case-insensitively).
pub(crate) fn strip_scheme<'a>(value: &'a str, scheme: &str) -> Option<&'a str> {
    let value = value.trim_start();
    let (given, rest) = value.split_at_checked(scheme.len())?;
    let separated = rest.starts_with([' ', '\t']) || rest.is_empty();
    (given.eq_ignore_ascii_case(scheme) && separated).then(|| rest.trim_start())
}

/// The value of `key` (case-insensitive) among parsed parameters.
pub(crate) fn param<'a>(params: &'a [(String, String)], key: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v.as_str())
}

/// Parses `a="x, y", b=z, c=""` (quoted strings may hold `\` escapes).
pub(crate) fn parse_params(text: &str) -> Vec<(String, String)> {
    let mut params = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace() || *c == ',').is_some() {}
        let key: String =
            std::iter::from_fn(|| chars.next_if(|c| *c != '=' && *c != ',')).collect();
        if key.is_empty() && chars.peek().is_none() {
            return params;
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
                value = std::iter::from_fn(|| chars.next_if(|c| *c != ',')).collect();
                value.truncate(value.trim_end().len());
            }
        }
        if !key.trim().is_empty() {
            params.push((key.trim().to_string(), value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_with_quotes_escapes_and_bare_tokens() {
        let parsed = parse_params(
            r#"username="postman", realm="a \"b\", c", nc=00000001 , qop=auth,opaque="""#,
        );
        let expected = [
            ("username", "postman"),
            ("realm", "a \"b\", c"),
            ("nc", "00000001"),
            ("qop", "auth"),
            ("opaque", ""),
        ];
        let expected: Vec<_> = expected
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(parsed, expected);
        assert_eq!(param(&parsed, "QOP"), Some("auth"));
    }

    #[test]
    fn scheme_prefix_is_case_insensitive_and_whole() {
        assert_eq!(strip_scheme("digest a=1", "Digest"), Some("a=1"));
        assert_eq!(strip_scheme("Digestive a=1", "Digest"), None);
        assert_eq!(strip_scheme("Bearer", "Bearer"), Some(""));
    }

    #[test]
    fn responses_match_rfc_7616_examples() {
        let params = parse_params(
            r#"username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", qop=auth,
            nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
            nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v""#,
        );
        let secret = "Mufasa:http-auth@example.org:Circle of Life";
        let response = |name: &str| {
            let hash = DigestHash::from_name(name).expect("known algorithm");
            expected_response(hash, secret, "GET", b"", &params)
        };
        assert_eq!(response("MD5"), "8ca523f5e9506fed4657c9700eebdbec");
        assert_eq!(
            response("SHA-256"),
            "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"
        );
        assert!(DigestHash::from_name("SHA-512-256-sess").is_some_and(|h| h.sess));
        assert!(DigestHash::from_name("SHA-1").is_none());
    }
}
