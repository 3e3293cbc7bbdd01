//! Private keys for the signers that need one (OAuth 1.0 RSA-SHA*, JWT and ASAP RS/PS/ES): PEM
//! (PKCS#8 `PRIVATE KEY`, PKCS#1 `RSA PRIVATE KEY`, SEC1 `EC PRIVATE KEY`) or bare base64 DER,
//! and the signatures JWS defines: RSASSA-PKCS1-v1_5, RSASSA-PSS (salt = hash length) and
//! ECDSA with `r || s` output.

use super::util::{unb64, Sha};
use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs8::DecodePrivateKey;

/// A private key, by algorithm family.
pub(crate) enum PrivateKey {
    Rsa(Box<rsa::PrivateKey>),
    P256(p256::ecdsa::SigningKey),
    P384(p384::ecdsa::SigningKey),
    P521(p521::ecdsa::SigningKey),
}

/// The DER blocks of a PEM text (`label`, bytes), in order. Header lines (`Proc-Type: …`) are
/// skipped.
pub(crate) fn pem_blocks(text: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let after = &rest[start + 11..];
        let Some(label_end) = after.find("-----") else {
            break;
        };
        let label = after[..label_end].to_string();
        let body_start = &after[label_end + 5..];
        let end_marker = format!("-----END {label}-----");
        let Some(end) = body_start.find(&end_marker) else {
            break;
        };
        let b64: String = body_start[..end]
            .lines()
            .filter(|l| !l.contains(':'))
            .collect();
        if let Some(der) = unb64(&b64) {
            out.push((label, der));
        }
        rest = &body_start[end + end_marker.len()..];
    }
    out
}

impl PrivateKey {
    /// Reads a key from PEM text, or from base64 DER without armour. The text may use `\n`
    /// escapes (as keys pasted into a one-line variable often do).
    pub fn parse(text: &str) -> Result<PrivateKey, String> {
        let text = text.replace("\\n", "\n");
        let blocks = pem_blocks(&text);
        let ders: Vec<Vec<u8>> = if blocks.is_empty() {
            unb64(text.trim()).into_iter().collect()
        } else {
            blocks
                .into_iter()
                .filter(|(label, _)| label.contains("PRIVATE KEY"))
                .map(|(label, der)| {
                    if label.contains("ENCRYPTED") {
                        Err("encrypted private keys are not supported here".to_string())
                    } else {
                        Ok(der)
                    }
                })
                .collect::<Result<_, _>>()?
        };
        let der = ders
            .first()
            .ok_or_else(|| "no private key found (expected PEM)".to_string())?;
        Self::from_der(der)
    }

    fn from_der(der: &[u8]) -> Result<PrivateKey, String> {
        if let Ok(k) = rsa::PrivateKey::from_pkcs8_der(der) {
            return Ok(PrivateKey::Rsa(Box::new(k)));
        }
        if let Ok(k) = rsa::PrivateKey::from_pkcs1_der(der) {
            return Ok(PrivateKey::Rsa(Box::new(k)));
        }
        if let Ok(k) = p256::SecretKey::from_der(der) {
            return Ok(PrivateKey::P256(k.into()));
        }
        if let Ok(k) = p384::SecretKey::from_der(der) {
            return Ok(PrivateKey::P384(k.into()));
        }
        if let Ok(k) = p521::SecretKey::from_der(der) {
            return p521::ecdsa::SigningKey::from_bytes(&k.to_bytes())
                .map(PrivateKey::P521)
                .map_err(|e| e.to_string());
        }
        Err("unsupported or invalid private key (RSA, P-256, P-384 or P-521 expected)".into())
    }

    /// RSASSA-PKCS1-v1_5 over `sha(data)`.
    pub fn rsa_pkcs1(&self, sha: Sha, data: &[u8]) -> Result<Vec<u8>, String> {
        let PrivateKey::Rsa(key) = self else {
            return Err("an RSA private key is needed".into());
        };
        let digest = sha.digest(data);
        let scheme = match sha {
            Sha::Sha1 => rsa::Pkcs1v15Sign::new::<sha1::Sha1>(),
            Sha::Sha256 => rsa::Pkcs1v15Sign::new::<sha2::Sha256>(),
            Sha::Sha384 => rsa::Pkcs1v15Sign::new::<sha2::Sha384>(),
            Sha::Sha512 => rsa::Pkcs1v15Sign::new::<sha2::Sha512>(),
        };
        key.sign(scheme, &digest).map_err(|e| e.to_string())
    }

    /// RSASSA-PSS over `sha(data)` with MGF1(sha) and a salt as long as the hash.
    pub fn rsa_pss(&self, sha: Sha, data: &[u8]) -> Result<Vec<u8>, String> {
        let PrivateKey::Rsa(key) = self else {
            return Err("an RSA private key is needed".into());
        };
        let digest = sha.digest(data);
        let salt = digest.len();
        let signed = match sha {
            Sha::Sha1 => key.sign(rsa::pss::Pss::<sha1::Sha1>::new_with_salt(salt), &digest),
            Sha::Sha256 => key.sign(rsa::pss::Pss::<sha2::Sha256>::new_with_salt(salt), &digest),
            Sha::Sha384 => key.sign(rsa::pss::Pss::<sha2::Sha384>::new_with_salt(salt), &digest),
            Sha::Sha512 => key.sign(rsa::pss::Pss::<sha2::Sha512>::new_with_salt(salt), &digest),
        };
        signed.map_err(|e| e.to_string())
    }

    /// ECDSA (RFC 6979 nonces) as JWS wants it: `r || s`, each the curve's size. The curve fixes
    /// the hash: P-256/SHA-256, P-384/SHA-384, P-521/SHA-512; `sha` must agree.
    pub fn ecdsa(&self, sha: Sha, data: &[u8]) -> Result<Vec<u8>, String> {
        use p256::ecdsa::signature::Signer;
        let sig = match (self, sha) {
            (PrivateKey::P256(k), Sha::Sha256) => {
                let s: p256::ecdsa::Signature = k.sign(data);
                s.to_bytes().to_vec()
            }
            (PrivateKey::P384(k), Sha::Sha384) => {
                let s: p384::ecdsa::Signature = k.sign(data);
                s.to_bytes().to_vec()
            }
            (PrivateKey::P521(k), Sha::Sha512) => {
                let s: p521::ecdsa::Signature = k.sign(data);
                s.to_bytes().to_vec()
            }
            (PrivateKey::Rsa(_), _) => return Err("an EC private key is needed".into()),
            _ => return Err("the EC key's curve does not match the algorithm".into()),
        };
        Ok(sig)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pem_blocks_skip_headers_and_keep_order() {
        let text = "x\n-----BEGIN A-----\nProc-Type: 4\n\nAAEC\n-----END A-----\n-----BEGIN B-----\nAw==\n-----END B-----";
        let blocks = pem_blocks(text);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0], ("A".to_string(), vec![0, 1, 2]));
        assert_eq!(blocks[1], ("B".to_string(), vec![3]));
    }

    #[test]
    fn ec_keys_from_rcgen_sign_with_fixed_width() {
        let kp = rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).unwrap();
        let key = PrivateKey::parse(&kp.serialize_pem()).unwrap();
        assert_eq!(key.ecdsa(Sha::Sha256, b"x").unwrap().len(), 64);
        assert!(key.ecdsa(Sha::Sha384, b"x").is_err());
        assert!(key.rsa_pkcs1(Sha::Sha256, b"x").is_err());
        let kp = rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P384_SHA384).unwrap();
        let key = PrivateKey::parse(&kp.serialize_pem()).unwrap();
        assert_eq!(key.ecdsa(Sha::Sha384, b"x").unwrap().len(), 96);
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(PrivateKey::parse("nope").is_err());
        assert!(PrivateKey::parse(
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAA==\n-----END ENCRYPTED PRIVATE KEY-----"
        )
        .is_err());
    }
}
