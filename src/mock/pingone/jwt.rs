//! JSON Web Tokens: parsing compact JWS, checking HMAC (HS256/384/512) and RSA PKCS#1 v1.5
//! (RS256/384/512, key from a JWKS) signatures, signing the stand-in's own tokens (HS256), and
//! the PKCE S256 transform.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{EagerHash, Hmac, KeyInit, Mac};
use rsa::{BoxedUint, Pkcs1v15Sign, PublicKey};
use serde_json::Value;
use sha2::{Digest, Sha256, Sha384, Sha512};

/// A parsed (not yet verified) compact JWS.
#[derive(Debug, Clone)]
pub(crate) struct Jwt {
    pub header: Value,
    pub claims: Value,
    /// `base64url(header).base64url(payload)`.
    pub signing_input: String,
    pub signature: Vec<u8>,
}

impl Jwt {
    /// The `alg` header.
    pub fn alg(&self) -> &str {
        self.header.get("alg").and_then(Value::as_str).unwrap_or("")
    }

    /// A string claim.
    pub fn claim_str(&self, name: &str) -> Option<&str> {
        self.claims.get(name).and_then(Value::as_str)
    }

    /// A numeric date claim (seconds).
    pub fn claim_time(&self, name: &str) -> Option<u64> {
        let v = self.claims.get(name)?;
        v.as_u64().or_else(|| v.as_f64().map(|f| f.max(0.0) as u64))
    }

    /// Whether `aud` (a string or an array of strings) contains `want`.
    pub fn has_audience(&self, want: &str) -> bool {
        match self.claims.get("aud") {
            Some(Value::String(s)) => s == want,
            Some(Value::Array(list)) => list.iter().any(|v| v.as_str() == Some(want)),
            _ => false,
        }
    }
}

/// Splits and decodes `token`; the message says what is malformed.
pub(crate) fn parse(token: &str) -> Result<Jwt, String> {
    let mut parts = token.trim().split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("the JWT must have three dot-separated parts".into());
    };
    let decode = |part: &str, what: &str| {
        URL_SAFE_NO_PAD
            .decode(part.trim_end_matches('='))
            .map_err(|_| format!("the JWT {what} is not base64url"))
    };
    let header: Value = serde_json::from_slice(&decode(h, "header")?)
        .map_err(|_| "the JWT header is not JSON".to_string())?;
    let claims: Value = serde_json::from_slice(&decode(p, "payload")?)
        .map_err(|_| "the JWT payload is not JSON".to_string())?;
    if !header.is_object() || !claims.is_object() {
        return Err("the JWT header and payload must be JSON objects".into());
    }
    Ok(Jwt {
        header,
        claims,
        signing_input: format!("{h}.{p}"),
        signature: decode(s, "signature")?,
    })
}

/// Checks an HS256/HS384/HS512 signature made with `secret` (its UTF-8 bytes).
pub(crate) fn verify_hmac(jwt: &Jwt, secret: &str) -> Result<(), String> {
    let input = jwt.signing_input.as_bytes();
    let key = secret.as_bytes();
    let ok = match jwt.alg() {
        "HS256" => hmac_ok::<Sha256>(key, input, &jwt.signature),
        "HS384" => hmac_ok::<Sha384>(key, input, &jwt.signature),
        "HS512" => hmac_ok::<Sha512>(key, input, &jwt.signature),
        other => return Err(format!("unsupported signing algorithm '{other}' for CLIENT_SECRET_JWT (use HS256, HS384 or HS512)")),
    };
    ok.then_some(())
        .ok_or_else(|| "the client assertion signature is invalid".into())
}

fn hmac_ok<D: EagerHash>(key: &[u8], input: &[u8], signature: &[u8]) -> bool {
    let Ok(mut mac) = <Hmac<D> as KeyInit>::new_from_slice(key) else {
        return false;
    };
    mac.update(input);
    mac.verify_slice(signature).is_ok()
}

/// Checks an RS256/RS384/RS512 signature with an RSA key of `jwks` (`{"keys": [...]}`), the
/// one whose `kid` matches the header's when it names one.
pub(crate) fn verify_rsa(jwt: &Jwt, jwks: &Value) -> Result<(), String> {
    let alg = jwt.alg();
    if !matches!(alg, "RS256" | "RS384" | "RS512") {
        return Err(format!(
            "unsupported signing algorithm '{alg}' for PRIVATE_KEY_JWT (use RS256, RS384 or RS512)"
        ));
    }
    let key = rsa_key(jwks, jwt.header.get("kid").and_then(Value::as_str))?;
    let input = jwt.signing_input.as_bytes();
    let sig = &jwt.signature;
    let result = match alg {
        "RS256" => key.verify(Pkcs1v15Sign::new::<Sha256>(), &Sha256::digest(input), sig),
        "RS384" => key.verify(Pkcs1v15Sign::new::<Sha384>(), &Sha384::digest(input), sig),
        _ => key.verify(Pkcs1v15Sign::new::<Sha512>(), &Sha512::digest(input), sig),
    };
    result.map_err(|_| {
        "the client assertion signature does not verify with the application's registered key"
            .into()
    })
}

/// The RSA public key of `jwks` with `kid` (any RSA key when `kid` is `None`).
fn rsa_key(jwks: &Value, kid: Option<&str>) -> Result<PublicKey, String> {
    let keys = jwks
        .get("keys")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let jwk = keys
        .iter()
        .filter(|k| k.get("kty").and_then(Value::as_str) == Some("RSA"))
        .find(|k| kid.is_none() || k.get("kid").and_then(Value::as_str) == kid)
        .ok_or_else(|| match kid {
            Some(kid) => format!("no RSA key with kid '{kid}' is registered for the application"),
            None => "no RSA key is registered for the application".to_string(),
        })?;
    let part = |name: &str| {
        jwk.get(name)
            .and_then(Value::as_str)
            .and_then(|s| URL_SAFE_NO_PAD.decode(s.trim_end_matches('=')).ok())
            .ok_or_else(|| format!("the registered JWK has no valid '{name}'"))
    };
    let (n, e) = (part("n")?, part("e")?);
    PublicKey::new(
        BoxedUint::from_be_slice_vartime(&n),
        BoxedUint::from_be_slice_vartime(&e),
    )
    .map_err(|e| format!("the registered JWK is not a usable RSA key: {e}"))
}

/// Whether `jwks` (as registered) holds at least one usable RSA key.
pub(crate) fn check_jwks(jwks: &Value) -> Result<(), String> {
    rsa_key(jwks, None).map(|_| ())
}

/// An HS256-signed compact JWS of `claims`.
pub(crate) fn sign_hs256(claims: &Value, key: &[u8]) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    let input = format!("{header}.{payload}");
    let sig = match <Hmac<Sha256> as KeyInit>::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(input.as_bytes());
            mac.finalize().into_bytes().to_vec()
        }
        Err(_) => Vec::new(),
    };
    format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig))
}

/// PKCE S256: `base64url(sha256(verifier))`.
pub(crate) fn s256(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pkce_s256_matches_rfc_7636_appendix_b() {
        assert_eq!(
            s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn verifies_the_well_known_hs256_example_and_rejects_a_wrong_secret() {
        let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        let jwt = parse(token).expect("parse");
        assert_eq!(jwt.claim_str("sub"), Some("1234567890"));
        assert_eq!(jwt.claim_time("iat"), Some(1516239022));
        assert!(verify_hmac(&jwt, "your-256-bit-secret").is_ok());
        assert!(verify_hmac(&jwt, "another secret").is_err());
    }

    #[test]
    fn signs_what_it_verifies() {
        let token = sign_hs256(&json!({"aud": ["a", "b"]}), b"k");
        let jwt = parse(&token).expect("parse");
        assert!(jwt.has_audience("b") && !jwt.has_audience("c"));
        assert!(verify_hmac(&jwt, "k").is_ok());
    }

    #[test]
    fn malformed_tokens_say_what_is_wrong() {
        assert!(parse("a.b").unwrap_err().contains("three"));
        assert!(parse("!.e30.").unwrap_err().contains("header"));
        assert!(parse("e30.W10.").unwrap_err().contains("objects"));
    }

    #[test]
    fn rsa_needs_a_registered_key() {
        let jwt = parse(&sign_hs256(&json!({}), b"k")).expect("parse");
        assert!(verify_rsa(&jwt, &json!({"keys": []}))
            .unwrap_err()
            .contains("HS256"));
        assert!(check_jwks(&json!({"keys": []})).is_err());
        assert!(check_jwks(&json!({"keys": [{"kty": "RSA", "n": "AQAB", "e": "AQAB"}]})).is_err());
    }
}
