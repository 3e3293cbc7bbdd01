//! Password-based decryption for client keys: PKCS#8 `ENCRYPTED PRIVATE KEY` (PBES2 with
//! PBKDF2-HMAC-SHA1/256/384/512 and AES-128/192/256-CBC or DES-EDE3-CBC, and PKCS#12's
//! pbeWithSHAAnd3-KeyTripleDES-CBC), OpenSSL's traditional `Proc-Type: 4,ENCRYPTED` PEM, and
//! the PKCS#12 key derivation (RFC 7292 appendix B) that `super::pkcs12` also uses for MACs.
//! Plus the few DER reading helpers both need.

use ::cbc::cipher::block_padding::Pkcs7;
use ::cbc::cipher::{BlockCipherDecrypt, BlockModeDecrypt, KeyInit, KeyIvInit};

/// A DER reader over a byte string.
#[derive(Clone, Copy)]
pub(crate) struct Der<'a>(pub &'a [u8]);

impl<'a> Der<'a> {
    /// The next `(tag, content)`, advancing past it.
    pub fn next(&mut self) -> Option<(u8, &'a [u8])> {
        let d = self.0;
        let tag = *d.first()?;
        let first = *d.get(1)? as usize;
        let (len, hdr) = if first < 0x80 {
            (first, 2)
        } else {
            let n = first & 0x7f;
            if n == 0 || n > 4 {
                return None;
            }
            let mut len = 0usize;
            for i in 0..n {
                len = (len << 8) | *d.get(2 + i)? as usize;
            }
            (len, 2 + n)
        };
        let end = hdr.checked_add(len)?;
        let content = d.get(hdr..end)?;
        self.0 = d.get(end..)?;
        Some((tag, content))
    }

    /// The next element if it has `tag`.
    pub fn expect(&mut self, tag: u8) -> Option<&'a [u8]> {
        match self.next()? {
            (t, c) if t == tag => Some(c),
            _ => None,
        }
    }
}

pub(crate) const SEQUENCE: u8 = 0x30;
pub(crate) const OCTETS: u8 = 0x04;
pub(crate) const OID: u8 = 0x06;
pub(crate) const INTEGER: u8 = 0x02;

/// An OID in dotted form.
pub(crate) fn oid(bytes: &[u8]) -> String {
    let mut parts = Vec::new();
    if let Some(first) = bytes.first() {
        parts.push((first / 40).to_string());
        parts.push((first % 40).to_string());
    }
    let mut acc: u64 = 0;
    for b in bytes.iter().skip(1) {
        acc = (acc << 7) | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            parts.push(acc.to_string());
            acc = 0;
        }
    }
    parts.join(".")
}

/// A small non-negative INTEGER's value.
pub(crate) fn uint(bytes: &[u8]) -> Option<u32> {
    let value = bytes.iter().try_fold(0u64, |a, b| {
        let v = (a << 8) | u64::from(*b);
        (v <= u64::from(u32::MAX)).then_some(v)
    })?;
    u32::try_from(value).ok()
}

/// Decrypts a PKCS#8 `EncryptedPrivateKeyInfo` into a `PrivateKeyInfo` DER.
pub(crate) fn decrypt_pkcs8(der: &[u8], password: &str) -> Result<Vec<u8>, String> {
    let mut outer = Der(der);
    let mut info = Der(outer
        .expect(SEQUENCE)
        .ok_or("not an encrypted private key")?);
    let algorithm = info.expect(SEQUENCE).ok_or("bad encryption algorithm")?;
    let data = info.expect(OCTETS).ok_or("bad encrypted data")?;
    decrypt(algorithm, data, password)
}

/// Decrypts `data` with the password-based scheme `algorithm` (an AlgorithmIdentifier's content).
pub(crate) fn decrypt(algorithm: &[u8], data: &[u8], password: &str) -> Result<Vec<u8>, String> {
    let mut alg = Der(algorithm);
    let id = oid(alg.expect(OID).ok_or("bad algorithm")?);
    let params = alg.expect(SEQUENCE).ok_or("bad algorithm parameters")?;
    match id.as_str() {
        "1.2.840.113549.1.5.13" => pbes2(params, data, password),
        "1.2.840.113549.1.12.1.3" => {
            let mut p = Der(params);
            let salt = p.expect(OCTETS).ok_or("bad salt")?;
            let rounds =
                uint(p.expect(INTEGER).ok_or("bad iterations")?).ok_or("bad iterations")?;
            let pass = bmp_password(password);
            let key = pkcs12_kdf(&pass, salt, 1, rounds, 24);
            let iv = pkcs12_kdf(&pass, salt, 2, rounds, 8);
            cbc::<des::TdesEde3>(&key, &iv, data)
        }
        "1.2.840.113549.1.12.1.6" | "1.2.840.113549.1.12.1.5" => Err(
            "RC2/RC4-encrypted contents are not supported; re-export the file with AES \
             (e.g. `openssl pkcs12 -export` without `-legacy`)"
                .into(),
        ),
        other => Err(format!("unsupported encryption scheme {other}")),
    }
}

fn pbes2(params: &[u8], data: &[u8], password: &str) -> Result<Vec<u8>, String> {
    let mut p = Der(params);
    let mut kdf = Der(p.expect(SEQUENCE).ok_or("bad key derivation")?);
    if oid(kdf.expect(OID).ok_or("bad kdf")?) != "1.2.840.113549.1.5.12" {
        return Err("only PBKDF2 is supported".into());
    }
    let mut kp = Der(kdf.expect(SEQUENCE).ok_or("bad PBKDF2 parameters")?);
    let salt = kp.expect(OCTETS).ok_or("bad salt")?;
    let rounds = uint(kp.expect(INTEGER).ok_or("bad iterations")?).ok_or("bad iterations")?;
    let mut prf = "1.2.840.113549.2.7".to_string();
    while let Some((tag, content)) = kp.next() {
        if tag == SEQUENCE {
            prf = oid(Der(content).expect(OID).ok_or("bad prf")?);
        }
    }
    let mut scheme = Der(p.expect(SEQUENCE).ok_or("bad encryption scheme")?);
    let cipher_oid = oid(scheme.expect(OID).ok_or("bad cipher")?);
    let iv = scheme.expect(OCTETS).ok_or("bad IV")?;
    let key_len = match cipher_oid.as_str() {
        "2.16.840.1.101.3.4.1.2" => 16,
        "2.16.840.1.101.3.4.1.22" => 24,
        "2.16.840.1.101.3.4.1.42" => 32,
        "1.2.840.113549.3.7" => 24,
        other => return Err(format!("unsupported cipher {other}")),
    };
    let mut key = vec![0u8; key_len];
    let pass = password.as_bytes();
    match prf.as_str() {
        "1.2.840.113549.2.7" => pbkdf2::pbkdf2_hmac::<sha1::Sha1>(pass, salt, rounds, &mut key),
        "1.2.840.113549.2.9" => pbkdf2::pbkdf2_hmac::<sha2::Sha256>(pass, salt, rounds, &mut key),
        "1.2.840.113549.2.10" => pbkdf2::pbkdf2_hmac::<sha2::Sha384>(pass, salt, rounds, &mut key),
        "1.2.840.113549.2.11" => pbkdf2::pbkdf2_hmac::<sha2::Sha512>(pass, salt, rounds, &mut key),
        other => return Err(format!("unsupported PBKDF2 hash {other}")),
    }
    match key_len {
        16 => cbc::<aes::Aes128>(&key, iv, data),
        24 if cipher_oid.starts_with("2.16") => cbc::<aes::Aes192>(&key, iv, data),
        24 => cbc::<des::TdesEde3>(&key, iv, data),
        _ => cbc::<aes::Aes256>(&key, iv, data),
    }
}

/// CBC decryption with PKCS#7 padding; a wrong password shows up as bad padding.
fn cbc<C>(key: &[u8], iv: &[u8], data: &[u8]) -> Result<Vec<u8>, String>
where
    C: BlockCipherDecrypt + KeyInit,
    ::cbc::Decryptor<C>: KeyIvInit + BlockModeDecrypt,
{
    let dec = ::cbc::Decryptor::<C>::new_from_slices(key, iv).map_err(|e| e.to_string())?;
    let mut buf = data.to_vec();
    let plain = dec
        .decrypt_padded::<Pkcs7>(&mut buf)
        .map_err(|_| "wrong passphrase (decryption failed)".to_string())?;
    Ok(plain.to_vec())
}

/// OpenSSL's traditional encrypted PEM: `DEK-Info: <cipher>,<hex iv>` and a key from
/// `EVP_BytesToKey(MD5, password, iv[..8])`.
pub(crate) fn decrypt_traditional(
    dek_info: &str,
    data: &[u8],
    password: &str,
) -> Result<Vec<u8>, String> {
    let (name, iv_hex) = dek_info.split_once(',').ok_or("bad DEK-Info header")?;
    let iv: Vec<u8> = iv_hex
        .trim()
        .as_bytes()
        .chunks(2)
        .map(|pair| {
            std::str::from_utf8(pair)
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        })
        .collect::<Option<_>>()
        .ok_or("bad DEK-Info IV")?;
    let key_len = match name.trim() {
        "AES-128-CBC" => 16,
        "AES-192-CBC" | "DES-EDE3-CBC" => 24,
        "AES-256-CBC" => 32,
        other => return Err(format!("unsupported PEM encryption {other}")),
    };
    let salt = iv.get(..8).ok_or("bad DEK-Info IV")?;
    let mut key = Vec::new();
    let mut prev: Vec<u8> = Vec::new();
    while key.len() < key_len {
        use md5::Digest;
        let mut h = md5::Md5::new();
        h.update(&prev);
        h.update(password.as_bytes());
        h.update(salt);
        prev = h.finalize().to_vec();
        key.extend_from_slice(&prev);
    }
    key.truncate(key_len);
    match name.trim() {
        "AES-128-CBC" => cbc::<aes::Aes128>(&key, &iv, data),
        "AES-192-CBC" => cbc::<aes::Aes192>(&key, &iv, data),
        "AES-256-CBC" => cbc::<aes::Aes256>(&key, &iv, data),
        _ => cbc::<des::TdesEde3>(&key, &iv, data),
    }
}

/// The password as PKCS#12 wants it: UTF-16BE with a terminating NUL (empty stays empty).
pub(crate) fn bmp_password(password: &str) -> Vec<u8> {
    if password.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<u8> = password.encode_utf16().flat_map(u16::to_be_bytes).collect();
    out.extend_from_slice(&[0, 0]);
    out
}

/// RFC 7292 appendix B.2 with SHA-1 (`id` 1: key, 2: IV, 3: MAC key).
pub(crate) fn pkcs12_kdf(pass: &[u8], salt: &[u8], id: u8, rounds: u32, len: usize) -> Vec<u8> {
    pkcs12_kdf_with::<sha1::Sha1>(pass, salt, id, rounds, len, 64)
}

/// RFC 7292 appendix B.2 for a hash with block size `v`.
pub(crate) fn pkcs12_kdf_with<D: sha2::Digest>(
    pass: &[u8],
    salt: &[u8],
    id: u8,
    rounds: u32,
    len: usize,
    v: usize,
) -> Vec<u8> {
    let fill = |s: &[u8]| -> Vec<u8> {
        if s.is_empty() {
            return Vec::new();
        }
        let n = v * s.len().div_ceil(v);
        (0..n).map(|i| s[i % s.len()]).collect()
    };
    let d = vec![id; v];
    let mut i: Vec<u8> = fill(salt);
    i.extend(fill(pass));
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        let mut a = D::new()
            .chain_update(&d)
            .chain_update(&i)
            .finalize()
            .to_vec();
        for _ in 1..rounds.max(1) {
            a = D::digest(&a).to_vec();
        }
        out.extend_from_slice(&a);
        let b = fill(&a);
        for chunk in i.chunks_mut(v) {
            let mut carry = 1u16;
            for k in (0..v).rev() {
                let sum = u16::from(chunk[k]) + u16::from(b[k]) + carry;
                chunk[k] = sum as u8;
                carry = sum >> 8;
            }
        }
    }
    out.truncate(len);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oids_and_ints() {
        assert_eq!(
            oid(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d]),
            "1.2.840.113549.1.5.13"
        );
        assert_eq!(uint(&[0x08, 0x00]), Some(2048));
    }

    #[test]
    fn traditional_headers_are_checked() {
        assert!(decrypt_traditional("AES-128-CBC,zz", b"", "p").is_err());
        assert!(decrypt_traditional("AES-128-CBC,é0", b"", "p").is_err());
        assert!(decrypt_traditional("BF-CBC,00112233445566778899aabbccddeeff", b"", "p").is_err());
    }

    #[test]
    fn pkcs12_kdf_known_answer() {
        // A widely published vector (BouncyCastle PKCS12 tests): password "smeg", salt
        // 0A58CF64530D823F, id 1, 1 iteration, 24 bytes.
        let salt = [0x0a, 0x58, 0xcf, 0x64, 0x53, 0x0d, 0x82, 0x3f];
        let key = pkcs12_kdf(&bmp_password("smeg"), &salt, 1, 1, 24);
        assert_eq!(
            super::super::auth::util::hex(&key),
            "8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3"
        );
    }
}
