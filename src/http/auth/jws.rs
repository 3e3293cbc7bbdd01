//! Compact JWS (RFC 7515) signing for `jwt` and `asap`: `b64url(header).b64url(payload).sig`
//! with HS256/384/512 (HMAC), RS256/384/512 (RSASSA-PKCS1-v1_5), PS256/384/512 (RSASSA-PSS)
//! and ES256/384/512 (ECDSA, `r || s`), as RFC 7518 §3 defines them.

use super::keys::PrivateKey;
use super::util::{b64url, Sha};

/// What signs the token.
pub(super) enum Key<'a> {
    /// HS*: the secret's bytes.
    Secret(Vec<u8>),
    /// RS*/PS*/ES*: a PEM private key.
    Private(&'a str),
}

enum Family {
    Hs,
    Rs,
    Ps,
    Es,
}

fn algorithm(alg: &str) -> Option<(Family, Sha)> {
    let family = match alg.get(..2)? {
        "HS" => Family::Hs,
        "RS" => Family::Rs,
        "PS" => Family::Ps,
        "ES" => Family::Es,
        _ => return None,
    };
    let sha = match alg.get(2..)? {
        "256" => Sha::Sha256,
        "384" => Sha::Sha384,
        "512" => Sha::Sha512,
        _ => return None,
    };
    Some((family, sha))
}

/// True for an algorithm name this module signs with.
pub(super) fn supported(alg: &str) -> bool {
    algorithm(alg).is_some()
}

/// True for HS256/384/512.
pub(super) fn is_hmac(alg: &str) -> bool {
    matches!(algorithm(alg), Some((Family::Hs, _)))
}

/// Signs `payload` (JSON text) under `header` (JSON text) with `alg`.
pub(super) fn sign(alg: &str, header: &str, payload: &str, key: Key<'_>) -> Result<String, String> {
    let (family, sha) = algorithm(alg).ok_or_else(|| "invalid algorithm".to_string())?;
    let input = format!(
        "{}.{}",
        b64url(header.as_bytes()),
        b64url(payload.as_bytes())
    );
    let sig = match (family, key) {
        (Family::Hs, Key::Secret(secret)) => sha.hmac(&secret, input.as_bytes()),
        (Family::Hs, Key::Private(_)) => return Err("HS algorithms need a secret".into()),
        (_, Key::Secret(_)) => return Err("this algorithm needs a private key".into()),
        (family, Key::Private(pem)) => {
            let pk = PrivateKey::parse(pem)?;
            match family {
                Family::Rs => pk.rsa_pkcs1(sha, input.as_bytes())?,
                Family::Ps => pk.rsa_pss(sha, input.as_bytes())?,
                _ => pk.ecdsa(sha, input.as_bytes())?,
            }
        }
    };
    Ok(format!("{input}.{}", b64url(&sig)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_7515_appendix_a1_hs256() {
        // RFC 7515 A.1: the header and payload bytes as given there (with CRLFs).
        let header = "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}";
        let payload =
            "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}";
        let key = super::super::util::unb64(
            "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow",
        )
        .unwrap();
        let token = sign("HS256", header, payload, Key::Secret(key)).unwrap();
        assert_eq!(
            token.rsplit('.').next(),
            Some("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
        );
    }

    #[test]
    fn names() {
        assert!(supported("PS384") && !supported("none") && !supported("HS1"));
        assert!(is_hmac("HS512") && !is_hmac("ES256"));
        assert!(sign("RS256", "{}", "{}", Key::Secret(vec![])).is_err());
    }
}
