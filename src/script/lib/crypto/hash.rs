//! Hashes, HMACs and the password KDFs (PBKDF2, OpenSSL's EVP_BytesToKey as CryptoJS's
//! EvpKDF), by algorithm name: `md5`, `sha1`, `sha224`, `sha256`, `sha384`, `sha512`,
//! `sha512-224`, `sha512-256`, `sha3-224`…`sha3-512` (FIPS 202), `keccak224`…`keccak512`
//! (original Keccak, what CryptoJS calls SHA3) and `ripemd160`.

use hmac::digest::{Digest, FixedOutputReset};
use hmac::{KeyInit, Mac, SimpleHmac};

/// Runs `$body` with `$D` bound to the digest type named by `$alg`; `None` for an unknown name.
macro_rules! with_digest {
    ($alg:expr, $D:ident => $body:expr) => {{
        match $alg {
            "md5" => {
                type $D = md5::Md5;
                Some($body)
            }
            "sha1" => {
                type $D = sha1::Sha1;
                Some($body)
            }
            "sha224" => {
                type $D = sha2::Sha224;
                Some($body)
            }
            "sha256" => {
                type $D = sha2::Sha256;
                Some($body)
            }
            "sha384" => {
                type $D = sha2::Sha384;
                Some($body)
            }
            "sha512" => {
                type $D = sha2::Sha512;
                Some($body)
            }
            "sha512-224" => {
                type $D = sha2::Sha512_224;
                Some($body)
            }
            "sha512-256" => {
                type $D = sha2::Sha512_256;
                Some($body)
            }
            "sha3-224" => {
                type $D = sha3::Sha3_224;
                Some($body)
            }
            "sha3-256" => {
                type $D = sha3::Sha3_256;
                Some($body)
            }
            "sha3-384" => {
                type $D = sha3::Sha3_384;
                Some($body)
            }
            "sha3-512" => {
                type $D = sha3::Sha3_512;
                Some($body)
            }
            "keccak224" => {
                type $D = sha3::Keccak224;
                Some($body)
            }
            "keccak256" => {
                type $D = sha3::Keccak256;
                Some($body)
            }
            "keccak384" => {
                type $D = sha3::Keccak384;
                Some($body)
            }
            "keccak512" => {
                type $D = sha3::Keccak512;
                Some($body)
            }
            "ripemd160" => {
                type $D = ripemd::Ripemd160;
                Some($body)
            }
            _ => None,
        }
    }};
}

/// The canonical name for what callers write (`SHA-256`, `sha256`, `RSA-SHA256`, `md5`).
pub fn canonical(alg: &str) -> String {
    let lower = alg.to_ascii_lowercase();
    let lower = lower.strip_prefix("rsa-").unwrap_or(&lower);
    match lower {
        "sha-1" => "sha1".into(),
        "sha-224" => "sha224".into(),
        "sha-256" => "sha256".into(),
        "sha-384" => "sha384".into(),
        "sha-512" => "sha512".into(),
        "rmd160" | "ripemd-160" | "ripemd" => "ripemd160".into(),
        other => other.to_string(),
    }
}

fn unknown(alg: &str) -> String {
    format!("Digest method not supported: {alg}")
}

/// The digest of `data`.
pub fn digest(alg: &str, data: &[u8]) -> Result<Vec<u8>, String> {
    with_digest!(alg, D => D::digest(data).to_vec()).ok_or_else(|| unknown(alg))
}

/// The digest size in bytes.
pub fn output_len(alg: &str) -> Option<usize> {
    with_digest!(alg, D => <D as Digest>::output_size())
}

/// HMAC of `data` under `key`.
pub fn hmac(alg: &str, key: &[u8], data: &[u8]) -> Result<Vec<u8>, String> {
    with_digest!(alg, D => {
        // SimpleHmac takes keys of any length.
        <SimpleHmac<D> as KeyInit>::new_from_slice(key).map(|mut m| {
            m.update(data);
            m.finalize().into_bytes().to_vec()
        })
    })
    .ok_or_else(|| unknown(alg))?
    .map_err(|e| e.to_string())
}

/// PBKDF2-HMAC with `iterations` rounds, `len` bytes of output.
pub fn pbkdf2(
    alg: &str,
    password: &[u8],
    salt: &[u8],
    iterations: u32,
    len: usize,
) -> Result<Vec<u8>, String> {
    let mut out = vec![0u8; len];
    with_digest!(alg, D => pbkdf2::pbkdf2::<SimpleHmac<D>>(password, salt, iterations.max(1), &mut out))
        .ok_or_else(|| unknown(alg))?
        .map_err(|e| e.to_string())?;
    Ok(out)
}

fn evp<D: Digest + FixedOutputReset>(
    password: &[u8],
    salt: &[u8],
    len: usize,
    iterations: u32,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 64);
    let mut block: Vec<u8> = Vec::new();
    let mut hasher = D::new();
    while out.len() < len {
        Digest::update(&mut hasher, &block);
        Digest::update(&mut hasher, password);
        Digest::update(&mut hasher, salt);
        block = hasher.finalize_reset().to_vec();
        for _ in 1..iterations {
            Digest::update(&mut hasher, &block);
            block = hasher.finalize_reset().to_vec();
        }
        out.extend_from_slice(&block);
    }
    out.truncate(len);
    out
}

/// OpenSSL's EVP_BytesToKey (CryptoJS's EvpKDF): `len` bytes from hashing
/// `prev || password || salt`, each block rehashed `iterations - 1` more times.
pub fn evpkdf(
    alg: &str,
    password: &[u8],
    salt: &[u8],
    len: usize,
    iterations: u32,
) -> Result<Vec<u8>, String> {
    with_digest!(alg, D => evp::<D>(password, salt, len, iterations.max(1)))
        .ok_or_else(|| unknown(alg))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::lib::bytes::hex;

    #[test]
    fn known_digests() {
        let h = |a: &str, d: &str| hex(&digest(a, d.as_bytes()).unwrap_or_default());
        assert_eq!(h("md5", ""), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(
            h("sha256", "abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            h("ripemd160", ""),
            "9c1185a5c5e9fc54612808977ee8f548b2258d31"
        );
        assert_eq!(
            h("keccak256", ""),
            "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
        );
        assert!(digest("nope", b"").is_err());
    }

    #[test]
    fn hmac_and_kdfs() {
        assert_eq!(
            hex(&hmac("sha256", b"k", b"m").unwrap_or_default()),
            "b60090e3052297aeb5a080889ce2fc4bca957e756faeb4df7d31800ca1e771ec"
        );
        // RFC 6070 case 2.
        assert_eq!(
            hex(&pbkdf2("sha1", b"password", b"salt", 2, 20).unwrap_or_default()),
            "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"
        );
        // EVP_BytesToKey with one MD5 round is MD5(password || salt) for the first block.
        let one = evpkdf("md5", b"pw", b"saltsalt", 16, 1).unwrap_or_default();
        assert_eq!(one, digest("md5", b"pwsaltsalt").unwrap_or_default());
        assert_eq!(evpkdf("md5", b"pw", b"s", 48, 1).map(|v| v.len()), Ok(48));
    }

    #[test]
    fn names_are_canonical() {
        assert_eq!(canonical("SHA-256"), "sha256");
        assert_eq!(canonical("RSA-SHA1"), "sha1");
        assert_eq!(output_len("sha384"), Some(48));
    }
}
