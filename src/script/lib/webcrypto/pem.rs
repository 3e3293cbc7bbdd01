//! PEM key text (`-----BEGIN … KEY-----`) as Node's `crypto` takes it: PKCS#8, PKCS#1 (RSA),
//! SEC1 (EC) private keys and SPKI / PKCS#1 public keys.

use super::{ec, rsa, Key};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

/// The label and DER body of the first PEM block in `text`.
pub fn decode(text: &str) -> Result<(String, Vec<u8>), String> {
    let start = text.find("-----BEGIN ").ok_or("no PEM block found")?;
    let rest = &text[start + 11..];
    let label_end = rest.find("-----").ok_or("malformed PEM header")?;
    let label = rest[..label_end].to_string();
    let body_and_tail = &rest[label_end + 5..];
    let end = body_and_tail
        .find("-----END ")
        .ok_or("malformed PEM footer")?;
    let body: String = body_and_tail[..end]
        .lines()
        .filter(|l| !l.contains(':'))
        .flat_map(|l| l.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    let der = STANDARD
        .decode(body)
        .map_err(|_| "malformed PEM body".to_string())?;
    Ok((label, der))
}

/// PEM text for DER under `label`, 64 columns.
pub fn encode(label: &str, der: &[u8]) -> String {
    let b64 = STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(chunk));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// A key from PEM text.
pub fn import(data: &[u8]) -> Result<Key, String> {
    let text = String::from_utf8_lossy(data);
    let (label, der) = decode(&text)?;
    match label.as_str() {
        "PRIVATE KEY" => super::import("pkcs8", &der, ""),
        "PUBLIC KEY" => super::import("spki", &der, ""),
        "RSA PRIVATE KEY" => Ok(Key::new(
            "RSA",
            true,
            rsa::pkcs1_private_to_pkcs8(&der)?,
            "",
        )),
        "RSA PUBLIC KEY" => Ok(Key::new("RSA", false, rsa::pkcs1_public_to_spki(&der)?, "")),
        "EC PRIVATE KEY" => {
            let (pkcs8, curve) = ec::sec1_to_pkcs8(&der)?;
            Ok(Key::new("EC", true, pkcs8, curve))
        }
        "ENCRYPTED PRIVATE KEY" => Err("encrypted private keys are not supported".into()),
        other => Err(format!("unsupported PEM block: {other}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pem_round_trips() {
        let der: Vec<u8> = (0..100u8).collect();
        let text = encode("PUBLIC KEY", &der);
        assert_eq!(decode(&text), Ok(("PUBLIC KEY".to_string(), der)));
        assert!(decode("nothing").is_err());
    }
}
