//! Client identities for TLS: a PEM certificate chain with a PEM key (PKCS#8, PKCS#1 or SEC1;
//! encrypted ones are decrypted with the passphrase: PKCS#8 PBES2 or OpenSSL's traditional
//! `Proc-Type: 4,ENCRYPTED`), or a PKCS#12 file (`.p12`/`.pfx`, recognised by its content)
//! given as the certificate, with the passphrase.

use super::auth::keys::pem_blocks;
use super::error::HttpError;
use super::keycrypt::{decrypt_pkcs8, decrypt_traditional};
use super::pkcs12;
use super::types::ClientCert;
use rustls_pki_types::{
    CertificateDer, PrivateKeyDer, PrivatePkcs1KeyDer, PrivatePkcs8KeyDer, PrivateSec1KeyDer,
};

/// A certificate chain (leaf first) and its private key.
pub(crate) type Identity = (Vec<CertificateDer<'static>>, PrivateKeyDer<'static>);

pub(crate) fn load(c: &ClientCert) -> Result<Identity, HttpError> {
    let cert_err = |message: String| HttpError::ClientCert {
        path: c.cert.clone(),
        message,
    };
    let bytes = std::fs::read(&c.cert).map_err(|e| cert_err(e.to_string()))?;
    let pass = c.passphrase.as_deref().unwrap_or("");
    if pkcs12::looks_like(&bytes) {
        let id = pkcs12::parse(&bytes, pass).map_err(cert_err)?;
        let certs = id.certs.into_iter().map(CertificateDer::from).collect();
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(id.key));
        return Ok((certs, key));
    }
    let text = String::from_utf8_lossy(&bytes);
    let certs: Vec<CertificateDer<'static>> = pem_blocks(&text)
        .into_iter()
        .filter(|(label, _)| label == "CERTIFICATE")
        .map(|(_, der)| CertificateDer::from(der))
        .collect();
    if certs.is_empty() {
        return Err(cert_err("no PEM certificate found".into()));
    }
    let key_path = c.key.as_ref().unwrap_or(&c.cert);
    let key_err = |message: String| HttpError::ClientKey {
        path: key_path.clone(),
        message,
    };
    let key_text = std::fs::read_to_string(key_path).map_err(|e| key_err(e.to_string()))?;
    let key = private_key(&key_text, c.passphrase.as_deref()).map_err(|e| match e {
        KeyError::NeedsPassphrase => HttpError::EncryptedKey(key_path.clone()),
        KeyError::Other(m) => key_err(m),
    })?;
    Ok((certs, key))
}

enum KeyError {
    NeedsPassphrase,
    Other(String),
}

fn private_key(text: &str, pass: Option<&str>) -> Result<PrivateKeyDer<'static>, KeyError> {
    let (label, der) = pem_blocks(text)
        .into_iter()
        .find(|(label, _)| label.ends_with("PRIVATE KEY"))
        .ok_or_else(|| KeyError::Other("no PEM private key found".into()))?;
    let dek = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("DEK-Info:"))
        .map(str::trim);
    let encrypted = label == "ENCRYPTED PRIVATE KEY" || dek.is_some();
    let pass = match (encrypted, pass) {
        (true, None) => return Err(KeyError::NeedsPassphrase),
        (_, p) => p.unwrap_or(""),
    };
    let der = match (label.as_str(), dek) {
        ("ENCRYPTED PRIVATE KEY", _) => decrypt_pkcs8(&der, pass).map_err(KeyError::Other)?,
        (_, Some(info)) => decrypt_traditional(info, &der, pass).map_err(KeyError::Other)?,
        _ => der,
    };
    Ok(match label.as_str() {
        "RSA PRIVATE KEY" => PrivateKeyDer::Pkcs1(PrivatePkcs1KeyDer::from(der)),
        "EC PRIVATE KEY" => PrivateKeyDer::Sec1(PrivateSec1KeyDer::from(der)),
        _ => PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(der)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_encrypted_keys() {
        let kp = rcgen::KeyPair::generate().unwrap();
        assert!(matches!(
            private_key(&kp.serialize_pem(), None),
            Ok(PrivateKeyDer::Pkcs8(_))
        ));
        let enc =
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----";
        assert!(matches!(
            private_key(enc, None),
            Err(KeyError::NeedsPassphrase)
        ));
        assert!(matches!(
            private_key("nothing", None),
            Err(KeyError::Other(_))
        ));
    }
}
