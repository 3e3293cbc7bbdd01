//! RSA keys and signatures for Web Crypto (RSASSA-PKCS1-v1_5, RSA-PSS, RSA-OAEP) and Node's
//! `crypto` (createSign/createVerify, publicEncrypt/privateDecrypt). Keys are held as DER:
//! PKCS#8 for private keys, SPKI for public ones.

use super::jwk::{b64u, unb64u, Jwk};
use rsa::pkcs1::der::{Decode, Encode};
use rsa::pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey, EncodeRsaPrivateKey};
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey};
use rsa::pss::Pss;
use rsa::traits::PublicKeyParts;
use rsa::{BoxedUint, Oaep, Pkcs1v15Encrypt, Pkcs1v15Sign, PrivateKey, PublicKey};

/// Runs `$body` with `$D` bound to the SHA digest `$hash` names (`sha1`, `sha256`, …).
macro_rules! with_sha {
    ($hash:expr, $D:ident => $body:expr) => {
        match $hash {
            "sha1" => {
                type $D = sha1::Sha1;
                Ok($body)
            }
            "sha224" => {
                type $D = sha2::Sha224;
                Ok($body)
            }
            "sha256" => {
                type $D = sha2::Sha256;
                Ok($body)
            }
            "sha384" => {
                type $D = sha2::Sha384;
                Ok($body)
            }
            "sha512" => {
                type $D = sha2::Sha512;
                Ok($body)
            }
            other => Err(format!("unsupported hash for RSA: {other}")),
        }
    };
}

fn err<E: std::fmt::Display>(what: &'static str) -> impl Fn(E) -> String {
    move |e| format!("{what}: {e}")
}

pub fn private_from_pkcs8(der: &[u8]) -> Result<PrivateKey, String> {
    PrivateKey::from_pkcs8_der(der).map_err(err("invalid RSA private key"))
}

pub fn public_from_spki(der: &[u8]) -> Result<PublicKey, String> {
    PublicKey::from_public_key_der(der).map_err(err("invalid RSA public key"))
}

/// PKCS#1 `RSAPrivateKey` DER → PKCS#8 DER.
pub fn pkcs1_private_to_pkcs8(der: &[u8]) -> Result<Vec<u8>, String> {
    let key = PrivateKey::from_pkcs1_der(der).map_err(err("invalid RSA private key"))?;
    pkcs8_of(&key)
}

/// PKCS#1 `RSAPublicKey` DER → SPKI DER.
pub fn pkcs1_public_to_spki(der: &[u8]) -> Result<Vec<u8>, String> {
    let key = PublicKey::from_pkcs1_der(der).map_err(err("invalid RSA public key"))?;
    spki_of(&key)
}

pub fn pkcs8_of(key: &PrivateKey) -> Result<Vec<u8>, String> {
    Ok(key
        .to_pkcs8_der()
        .map_err(err("RSA key encoding"))?
        .as_bytes()
        .to_vec())
}

pub fn spki_of(key: &PublicKey) -> Result<Vec<u8>, String> {
    Ok(key
        .to_public_key_der()
        .map_err(err("RSA key encoding"))?
        .as_bytes()
        .to_vec())
}

/// The SPKI of a private key's public half.
pub fn public_spki_of_private(pkcs8: &[u8]) -> Result<Vec<u8>, String> {
    spki_of(&private_from_pkcs8(pkcs8)?.to_public_key())
}

/// Modulus length in bits and public exponent bytes of a key given as PKCS#8 or SPKI.
pub fn params(der: &[u8], private: bool) -> Result<(usize, Vec<u8>), String> {
    let public = if private {
        private_from_pkcs8(der)?.to_public_key()
    } else {
        public_from_spki(der)?
    };
    Ok((public.size() * 8, public.e_bytes().to_vec()))
}

/// Signs the digest of `data` (scheme `pkcs1` or `pss`).
pub fn sign(
    pkcs8: &[u8],
    scheme: &str,
    hash: &str,
    salt: Option<usize>,
    data: &[u8],
) -> Result<Vec<u8>, String> {
    let key = private_from_pkcs8(pkcs8)?;
    let digest = crate::script::lib::crypto::hash::digest(hash, data)?;
    let out = match scheme {
        "pss" => with_sha!(hash, D => {
            let salt = salt.unwrap_or(<D as sha2::Digest>::output_size());
            key.sign(Pss::<D>::new_with_salt(salt), &digest)
        })?,
        _ => with_sha!(hash, D => key.sign(Pkcs1v15Sign::new::<D>(), &digest))?,
    };
    out.map_err(err("RSA signing failed"))
}

/// Checks a signature over `data` (PSS with no salt length: any salt length).
pub fn verify(
    spki: &[u8],
    scheme: &str,
    hash: &str,
    salt: Option<usize>,
    data: &[u8],
    sig: &[u8],
) -> Result<bool, String> {
    let key = public_from_spki(spki)?;
    let digest = crate::script::lib::crypto::hash::digest(hash, data)?;
    let ok = match scheme {
        "pss" => with_sha!(hash, D => {
            // No salt length: recover it from the signature.
            let mut pss = Pss::<D>::new();
            pss.salt_len = salt;
            key.verify(pss, &digest, sig).is_ok()
        })?,
        _ => with_sha!(hash, D => key.verify(Pkcs1v15Sign::new::<D>(), &digest, sig).is_ok())?,
    };
    Ok(ok)
}

/// RSA-OAEP (or PKCS#1 v1.5 when `hash` is `pkcs1`) encryption with a public key.
pub fn encrypt(spki: &[u8], hash: &str, data: &[u8]) -> Result<Vec<u8>, String> {
    let key = public_from_spki(spki)?;
    let mut rng = crate::script::lib::webcrypto::SysRng;
    let out = if hash == "pkcs1" {
        key.encrypt(&mut rng, Pkcs1v15Encrypt, data)
    } else {
        with_sha!(hash, D => key.encrypt(&mut rng, Oaep::<D>::new(), data))?
    };
    out.map_err(err("RSA encryption failed"))
}

/// RSA-OAEP (or PKCS#1 v1.5) decryption with a private key.
pub fn decrypt(pkcs8: &[u8], hash: &str, data: &[u8]) -> Result<Vec<u8>, String> {
    let key = private_from_pkcs8(pkcs8)?;
    let out = if hash == "pkcs1" {
        key.decrypt(Pkcs1v15Encrypt, data)
    } else {
        with_sha!(hash, D => key.decrypt(Oaep::<D>::new(), data))?
    };
    out.map_err(err("RSA decryption failed"))
}

/// A new key pair: (PKCS#8, SPKI).
pub fn generate(bits: usize, exponent: &[u8]) -> Result<(Vec<u8>, Vec<u8>), String> {
    let e = BoxedUint::from_be_slice_vartime(exponent);
    let mut rng = crate::script::lib::webcrypto::SysRng;
    let key =
        PrivateKey::new_with_exp(&mut rng, bits, e).map_err(err("RSA key generation failed"))?;
    Ok((pkcs8_of(&key)?, spki_of(&key.to_public_key())?))
}

/// The JWK members of a key (private: n e d p q dp dq qi; public: n e).
pub fn to_jwk(der: &[u8], private: bool) -> Result<Jwk, String> {
    let mut jwk = Jwk::new("RSA");
    if private {
        let key = private_from_pkcs8(der)?;
        let pkcs1 = key.to_pkcs1_der().map_err(err("RSA key encoding"))?;
        let parts = rsa::pkcs1::RsaPrivateKeyRef::from_der(pkcs1.as_bytes())
            .map_err(err("RSA key encoding"))?;
        for (name, v) in [
            ("n", parts.modulus),
            ("e", parts.public_exponent),
            ("d", parts.private_exponent),
            ("p", parts.prime1),
            ("q", parts.prime2),
            ("dp", parts.exponent1),
            ("dq", parts.exponent2),
            ("qi", parts.coefficient),
        ] {
            jwk.set(name, b64u(v.as_bytes()));
        }
    } else {
        let key = public_from_spki(der)?;
        jwk.set("n", b64u(&key.n_bytes()));
        jwk.set("e", b64u(&key.e_bytes()));
    }
    Ok(jwk)
}

/// A key from JWK members: (DER, private?).
pub fn from_jwk(jwk: &Jwk) -> Result<(Vec<u8>, bool), String> {
    let field = |k: &str| {
        jwk.get(k)
            .map(unb64u)
            .transpose()?
            .ok_or_else(|| format!("JWK is missing \"{k}\""))
    };
    let (n, e) = (field("n")?, field("e")?);
    if jwk.get("d").is_none() {
        let key = PublicKey::new(
            BoxedUint::from_be_slice_vartime(&n),
            BoxedUint::from_be_slice_vartime(&e),
        )
        .map_err(err("invalid RSA JWK"))?;
        return Ok((spki_of(&key)?, false));
    }
    let parts: Vec<Vec<u8>> = ["d", "p", "q", "dp", "dq", "qi"]
        .iter()
        .map(|k| field(k))
        .collect::<Result<_, _>>()?;
    fn uint(b: &[u8]) -> Result<rsa::pkcs1::UintRef<'_>, String> {
        rsa::pkcs1::UintRef::new(b).map_err(err("invalid RSA JWK"))
    }
    let key = rsa::pkcs1::RsaPrivateKey {
        modulus: uint(&n)?,
        public_exponent: uint(&e)?,
        private_exponent: uint(&parts[0])?,
        prime1: uint(&parts[1])?,
        prime2: uint(&parts[2])?,
        exponent1: uint(&parts[3])?,
        exponent2: uint(&parts[4])?,
        coefficient: uint(&parts[5])?,
        other_prime_infos: None,
    };
    let der = key.to_der().map_err(err("invalid RSA JWK"))?;
    Ok((pkcs1_private_to_pkcs8(&der)?, true))
}
