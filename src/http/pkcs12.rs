//! PKCS#12 (`.p12`/`.pfx`) client identities: the MAC is checked with the passphrase (HMAC-SHA1
//! or HMAC-SHA256 under the PKCS#12 key derivation), encrypted safes and shrouded key bags are
//! decrypted (PBES2/AES as OpenSSL 3 writes them, or PKCS#12 3DES), and the private key plus the
//! certificates come out leaf first (the certificate carrying a `localKeyId`).

use super::keycrypt::{
    bmp_password, decrypt, decrypt_pkcs8, oid, pkcs12_kdf_with, uint, Der, INTEGER, OCTETS, OID,
    SEQUENCE,
};
use hmac::{Hmac, KeyInit, Mac};

const DATA: &str = "1.2.840.113549.1.7.1";
const ENCRYPTED_DATA: &str = "1.2.840.113549.1.7.6";
const KEY_BAG: &str = "1.2.840.113549.1.12.10.1.1";
const SHROUDED_KEY_BAG: &str = "1.2.840.113549.1.12.10.1.2";
const CERT_BAG: &str = "1.2.840.113549.1.12.10.1.3";
const X509: &str = "1.2.840.113549.1.9.22.1";
const LOCAL_KEY_ID: &str = "1.2.840.113549.1.9.21";

/// A decoded identity: certificates (leaf first) and a PKCS#8 private key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Identity {
    pub certs: Vec<Vec<u8>>,
    pub key: Vec<u8>,
}

/// True when `bytes` look like a DER PFX rather than PEM text.
pub(crate) fn looks_like(bytes: &[u8]) -> bool {
    bytes.first() == Some(&0x30) && !bytes.windows(10).any(|w| w == b"-----BEGIN")
}

pub(crate) fn parse(pfx: &[u8], password: &str) -> Result<Identity, String> {
    let mut top = Der(Der(pfx).expect(SEQUENCE).ok_or("not a PKCS#12 file")?);
    let _version = top.expect(INTEGER).ok_or("not a PKCS#12 file")?;
    let auth_safe = content_info_data(top.expect(SEQUENCE).ok_or("not a PKCS#12 file")?)?;
    if let Some(mac_data) = top.expect(SEQUENCE) {
        check_mac(mac_data, &auth_safe, password)?;
    }
    let mut certs: Vec<(bool, Vec<u8>)> = Vec::new();
    let mut key = None;
    let mut safes = Der(Der(&auth_safe)
        .expect(SEQUENCE)
        .ok_or("bad authenticated safe")?);
    while let Some((_, ci)) = safes.next() {
        let contents = safe_contents(ci, password)?;
        let mut bags = Der(Der(&contents).expect(SEQUENCE).ok_or("bad safe contents")?);
        while let Some((_, bag)) = bags.next() {
            read_bag(bag, password, &mut certs, &mut key)?;
        }
    }
    let key = key.ok_or("the PKCS#12 file holds no private key")?;
    certs.sort_by_key(|(leaf, _)| !leaf);
    if certs.is_empty() {
        return Err("the PKCS#12 file holds no certificate".into());
    }
    Ok(Identity {
        certs: certs.into_iter().map(|(_, c)| c).collect(),
        key,
    })
}

/// The octets of a `data` ContentInfo.
fn content_info_data(ci: &[u8]) -> Result<Vec<u8>, String> {
    let mut d = Der(ci);
    let kind = oid(d.expect(OID).ok_or("bad content info")?);
    if kind != DATA {
        return Err(format!("unexpected content type {kind}"));
    }
    let explicit = d.expect(0xa0).ok_or("bad content info")?;
    octets(explicit)
}

/// An OCTET STRING's bytes, primitive or constructed (chunks joined).
fn octets(d: &[u8]) -> Result<Vec<u8>, String> {
    let mut r = Der(d);
    match r.next().ok_or("bad octet string")? {
        (OCTETS, c) => Ok(c.to_vec()),
        (0x24, c) => join_chunks(c),
        _ => Err("bad octet string".into()),
    }
}

fn join_chunks(c: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut parts = Der(c);
    while let Some((_, chunk)) = parts.next() {
        out.extend_from_slice(chunk);
    }
    Ok(out)
}

/// The SafeContents DER of one ContentInfo of the authenticated safe (decrypted if needed).
fn safe_contents(ci: &[u8], password: &str) -> Result<Vec<u8>, String> {
    let mut d = Der(ci);
    let kind = oid(d.expect(OID).ok_or("bad content info")?);
    let explicit = d.expect(0xa0).ok_or("bad content info")?;
    match kind.as_str() {
        DATA => octets(explicit),
        ENCRYPTED_DATA => {
            let mut ed = Der(Der(explicit).expect(SEQUENCE).ok_or("bad encrypted data")?);
            let _version = ed.expect(INTEGER);
            let mut eci = Der(ed.expect(SEQUENCE).ok_or("bad encrypted content")?);
            let _type = eci.expect(OID);
            let algorithm = eci.expect(SEQUENCE).ok_or("bad encryption algorithm")?;
            let data = match eci.next().ok_or("no encrypted content")? {
                (0x80, c) => c.to_vec(),
                (0xa0, c) => join_chunks(c)?,
                _ => return Err("bad encrypted content".into()),
            };
            decrypt(algorithm, &data, password)
        }
        other => Err(format!("unsupported safe content type {other}")),
    }
}

fn read_bag(
    bag: &[u8],
    password: &str,
    certs: &mut Vec<(bool, Vec<u8>)>,
    key: &mut Option<Vec<u8>>,
) -> Result<(), String> {
    let mut d = Der(bag);
    let kind = oid(d.expect(OID).ok_or("bad safe bag")?);
    let value = d.expect(0xa0).ok_or("bad safe bag")?;
    let has_key_id = d.expect(0x31).is_some_and(has_local_key_id);
    match kind.as_str() {
        KEY_BAG if key.is_none() => *key = Some(tlv(SEQUENCE, Der(value).expect(SEQUENCE))?),
        SHROUDED_KEY_BAG if key.is_none() => {
            let whole = tlv(SEQUENCE, Der(value).expect(SEQUENCE))?;
            *key = Some(decrypt_pkcs8(&whole, password)?);
        }
        CERT_BAG => {
            let mut cb = Der(Der(value).expect(SEQUENCE).ok_or("bad cert bag")?);
            if oid(cb.expect(OID).ok_or("bad cert bag")?) == X509 {
                certs.push((has_key_id, octets(cb.expect(0xa0).ok_or("bad cert bag")?)?));
            }
        }
        _ => {}
    }
    Ok(())
}

fn has_local_key_id(attrs: &[u8]) -> bool {
    let mut set = Der(attrs);
    while let Some((_, attr)) = set.next() {
        if Der(attr).expect(OID).map(oid).as_deref() == Some(LOCAL_KEY_ID) {
            return true;
        }
    }
    false
}

/// Re-wraps `content` in its tag and length (the decoders want whole elements).
fn tlv(tag: u8, content: Option<&[u8]>) -> Result<Vec<u8>, String> {
    let c = content.ok_or("bad key bag")?;
    let mut out = vec![tag];
    let len = c.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|b| *b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend_from_slice(c);
    Ok(out)
}

fn check_mac(mac_data: &[u8], content: &[u8], password: &str) -> Result<(), String> {
    let mut md = Der(mac_data);
    let mut digest_info = Der(md.expect(SEQUENCE).ok_or("bad MAC data")?);
    let mut alg = Der(digest_info.expect(SEQUENCE).ok_or("bad MAC algorithm")?);
    let hash = oid(alg.expect(OID).ok_or("bad MAC algorithm")?);
    let expected = digest_info.expect(OCTETS).ok_or("bad MAC")?;
    let salt = md.expect(OCTETS).ok_or("bad MAC salt")?;
    let rounds = match md.expect(INTEGER) {
        Some(i) => uint(i).ok_or("bad MAC iterations")?,
        None => 1,
    };
    // An empty passphrase may have been encoded as nothing or as a lone NUL pair.
    let candidates = if password.is_empty() {
        vec![Vec::new(), vec![0, 0]]
    } else {
        vec![bmp_password(password)]
    };
    for pass in candidates {
        let ok = match hash.as_str() {
            "1.3.14.3.2.26" => {
                let key = pkcs12_kdf_with::<sha1::Sha1>(&pass, salt, 3, rounds, 20, 64);
                mac_ok::<Hmac<sha1::Sha1>>(&key, content, expected)
            }
            "2.16.840.1.101.3.4.2.1" => {
                let key = pkcs12_kdf_with::<sha2::Sha256>(&pass, salt, 3, rounds, 32, 64);
                mac_ok::<Hmac<sha2::Sha256>>(&key, content, expected)
            }
            other => return Err(format!("unsupported PKCS#12 MAC hash {other}")),
        };
        if ok {
            return Ok(());
        }
    }
    Err("wrong passphrase for the PKCS#12 file (MAC check failed)".into())
}

fn mac_ok<M: Mac + KeyInit>(key: &[u8], content: &[u8], expected: &[u8]) -> bool {
    let Ok(mut mac) = <M as KeyInit>::new_from_slice(key) else {
        return false;
    };
    mac.update(content);
    mac.verify_slice(expected).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_non_pfx_input() {
        assert!(!looks_like(b"-----BEGIN CERTIFICATE-----"));
        assert!(looks_like(&[0x30, 0x82]));
        assert!(parse(&[0x30, 0x00], "x").is_err());
        assert_eq!(tlv(0x30, Some(&[1, 2])).unwrap(), vec![0x30, 2, 1, 2]);
    }
}
