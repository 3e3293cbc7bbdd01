//! ECDSA over P-256, P-384 and P-521 for Web Crypto and Node's `crypto`: keys as PKCS#8 /
//! SPKI DER, signatures as IEEE P1363 (`r || s`, Web Crypto) or DER (Node's default), the
//! digest picked by the caller.

use super::jwk::{b64u, unb64u, Jwk};
use p256::ecdsa::signature::hazmat::{PrehashSigner, PrehashVerifier};
use p256::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey};

/// Runs `$body` with `$m` bound to the curve crate `$curve` names.
macro_rules! with_curve {
    ($curve:expr, $m:ident => $body:expr) => {
        match $curve {
            "P-256" => {
                use p256 as $m;
                $body
            }
            "P-384" => {
                use p384 as $m;
                $body
            }
            "P-521" => {
                use p521 as $m;
                $body
            }
            other => Err(format!("unsupported named curve: {other}")),
        }
    };
}

fn err<E: std::fmt::Display>(what: &'static str) -> impl Fn(E) -> String {
    move |e| format!("{what}: {e}")
}

/// Field size in bytes.
pub fn field_len(curve: &str) -> usize {
    match curve {
        "P-384" => 48,
        "P-521" => 66,
        _ => 32,
    }
}

/// Which curve a PKCS#8 or SPKI key is on.
pub fn detect(der: &[u8], private: bool) -> Option<&'static str> {
    let fits = |c: &'static str| -> Result<(), String> {
        with_curve!(c, m => if private {
            m::SecretKey::from_pkcs8_der(der).map(drop).map_err(|e| e.to_string())
        } else {
            m::PublicKey::from_public_key_der(der).map(drop).map_err(|e| e.to_string())
        })
    };
    ["P-256", "P-384", "P-521"]
        .into_iter()
        .find(|c| fits(c).is_ok())
}

/// SEC1 `ECPrivateKey` DER → PKCS#8 DER.
pub fn sec1_to_pkcs8(der: &[u8]) -> Result<(Vec<u8>, &'static str), String> {
    for curve in ["P-256", "P-384", "P-521"] {
        let r: Result<Vec<u8>, String> = with_curve!(curve, m => {
            m::SecretKey::from_sec1_der(der)
                .map_err(|e| e.to_string())
                .and_then(|k| k.to_pkcs8_der().map(|d| d.as_bytes().to_vec()).map_err(|e| e.to_string()))
        });
        if let Ok(v) = r {
            return Ok((v, curve));
        }
    }
    Err("invalid EC private key".into())
}

/// The SPKI of a private key's public half.
pub fn public_spki_of_private(curve: &str, pkcs8: &[u8]) -> Result<Vec<u8>, String> {
    with_curve!(curve, m => {
        let key = m::SecretKey::from_pkcs8_der(pkcs8).map_err(err("invalid EC private key"))?;
        Ok(key.public_key().to_public_key_der().map_err(err("EC key encoding"))?.as_bytes().to_vec())
    })
}

/// Signs the `hash` digest of `data`; `der` picks the DER signature encoding.
pub fn sign(
    curve: &str,
    pkcs8: &[u8],
    hash: &str,
    data: &[u8],
    der: bool,
) -> Result<Vec<u8>, String> {
    let digest = crate::script::lib::crypto::hash::digest(hash, data)?;
    with_curve!(curve, m => {
        let key = m::SecretKey::from_pkcs8_der(pkcs8).map_err(err("invalid EC private key"))?;
        let signer = m::ecdsa::SigningKey::from(&key);
        let sig: m::ecdsa::Signature = signer.sign_prehash(&digest).map_err(err("ECDSA signing failed"))?;
        Ok(if der { sig.to_der().as_bytes().to_vec() } else { sig.to_bytes().to_vec() })
    })
}

/// Checks a signature (P1363 or, with `der`, DER) over the `hash` digest of `data`.
pub fn verify(
    curve: &str,
    spki: &[u8],
    hash: &str,
    data: &[u8],
    sig: &[u8],
    der: bool,
) -> Result<bool, String> {
    let digest = crate::script::lib::crypto::hash::digest(hash, data)?;
    with_curve!(curve, m => {
        let key = m::PublicKey::from_public_key_der(spki).map_err(err("invalid EC public key"))?;
        let verifier = m::ecdsa::VerifyingKey::from(&key);
        let parsed = if der { m::ecdsa::Signature::from_der(sig) } else { m::ecdsa::Signature::from_slice(sig) };
        Ok(parsed.is_ok_and(|s| verifier.verify_prehash(&digest, &s).is_ok()))
    })
}

/// PKCS#8 and SPKI DER of a key pair.
pub type KeyPair = (Vec<u8>, Vec<u8>);

/// A new key pair: (PKCS#8, SPKI).
pub fn generate(curve: &str) -> Result<KeyPair, String> {
    let len = field_len(curve);
    for _ in 0..64 {
        let mut bytes = crate::script::lib::crypto::random_bytes(len);
        if curve == "P-521" {
            bytes[0] &= 1;
        }
        let made: Result<Option<KeyPair>, String> = with_curve!(curve, m => {
            match m::SecretKey::from_slice(&bytes) {
                Ok(k) => Ok(Some((
                    k.to_pkcs8_der().map_err(err("EC key encoding"))?.as_bytes().to_vec(),
                    k.public_key().to_public_key_der().map_err(err("EC key encoding"))?.as_bytes().to_vec(),
                ))),
                Err(_) => Ok(None),
            }
        });
        if let Some(pair) = made? {
            return Ok(pair);
        }
    }
    Err("EC key generation failed".into())
}

/// The uncompressed SEC1 point of a public key.
pub fn raw_public(curve: &str, spki: &[u8]) -> Result<Vec<u8>, String> {
    with_curve!(curve, m => {
        let key = m::PublicKey::from_public_key_der(spki).map_err(err("invalid EC public key"))?;
        Ok(m::ecdsa::VerifyingKey::from(&key).to_sec1_point(false).as_bytes().to_vec())
    })
}

/// SPKI DER from an uncompressed (or compressed) SEC1 point.
pub fn spki_from_raw(curve: &str, raw: &[u8]) -> Result<Vec<u8>, String> {
    with_curve!(curve, m => {
        let key = m::PublicKey::from_sec1_bytes(raw).map_err(err("invalid EC public key"))?;
        Ok(key.to_public_key_der().map_err(err("EC key encoding"))?.as_bytes().to_vec())
    })
}

/// The JWK members of a key (crv, x, y and, for a private key, d).
pub fn to_jwk(curve: &str, der: &[u8], private: bool) -> Result<Jwk, String> {
    let mut jwk = Jwk::new("EC");
    jwk.set("crv", curve.to_string());
    let spki = if private {
        public_spki_of_private(curve, der)?
    } else {
        der.to_vec()
    };
    let raw = raw_public(curve, &spki)?;
    let n = field_len(curve);
    if raw.len() != 1 + 2 * n {
        return Err("EC key encoding".into());
    }
    jwk.set("x", b64u(&raw[1..1 + n]));
    jwk.set("y", b64u(&raw[1 + n..]));
    if private {
        let d: Vec<u8> = with_curve!(curve, m => {
            let key = m::SecretKey::from_pkcs8_der(der).map_err(err("invalid EC private key"))?;
            Ok::<_, String>(key.to_bytes().to_vec())
        })?;
        jwk.set("d", b64u(&d));
    }
    Ok(jwk)
}

/// A key from JWK members: (DER, private?).
pub fn from_jwk(curve: &str, jwk: &Jwk) -> Result<(Vec<u8>, bool), String> {
    let field = |k: &str| {
        jwk.get(k)
            .map(unb64u)
            .transpose()?
            .ok_or_else(|| format!("JWK is missing \"{k}\""))
    };
    if let Some(d) = jwk.get("d") {
        let d = unb64u(d)?;
        let der: Vec<u8> = with_curve!(curve, m => {
            let key = m::SecretKey::from_slice(&d).map_err(err("invalid EC JWK"))?;
            Ok::<_, String>(key.to_pkcs8_der().map_err(err("EC key encoding"))?.as_bytes().to_vec())
        })?;
        return Ok((der, true));
    }
    let mut raw = vec![4u8];
    raw.extend(field("x")?);
    raw.extend(field("y")?);
    Ok((spki_from_raw(curve, &raw)?, false))
}
