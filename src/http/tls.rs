//! TLS client configuration (rustls, ring provider), built once per run: trusted roots are
//! webpki-roots + the system store + `--ssl-extra-ca-certs`; an optional client certificate;
//! `-k`/`strictSSL:false` use a verifier that accepts any certificate. Certificate failures are
//! reported in Node's words (`self-signed certificate`, `certificate has expired`, …).

use super::error::HttpError;
use super::types::{ClientCert, HttpOptions};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::CryptoProvider;
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use std::path::Path;
use std::sync::Arc;

/// The two client configurations a run needs: verifying and not verifying.
pub(crate) struct TlsConfigs {
    pub strict: Arc<ClientConfig>,
    pub insecure: Arc<ClientConfig>,
}

pub(crate) fn build(opts: &HttpOptions) -> Result<TlsConfigs, HttpError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut roots = RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    for cert in rustls_native_certs::load_native_certs().certs {
        // A broken system certificate is skipped, as Node skips it.
        let _ = roots.add(cert);
    }
    for path in &opts.extra_ca_certs {
        for cert in read_certs(path).map_err(|message| HttpError::CaCerts {
            path: path.clone(),
            message,
        })? {
            roots.add(cert).map_err(|e| HttpError::CaCerts {
                path: path.clone(),
                message: e.to_string(),
            })?;
        }
    }
    let webpki = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
        .build()
        .map_err(|e| HttpError::Tls(e.to_string()))?;
    let identity = match &opts.client_cert {
        Some(c) => Some(load_identity(c)?),
        None => None,
    };
    let strict = config(
        &provider,
        Arc::new(NodeVerifier(webpki)),
        identity.as_ref().map(|(c, k)| (c.clone(), k.clone_key())),
    )?;
    let insecure = config(&provider, Arc::new(AcceptAll(provider.clone())), identity)?;
    Ok(TlsConfigs {
        strict: Arc::new(strict),
        insecure: Arc::new(insecure),
    })
}

type Identity = (Vec<CertificateDer<'static>>, PrivateKeyDer<'static>);

fn config(
    provider: &Arc<CryptoProvider>,
    verifier: Arc<dyn ServerCertVerifier>,
    identity: Option<Identity>,
) -> Result<ClientConfig, HttpError> {
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| HttpError::Tls(e.to_string()))?
        .dangerous()
        .with_custom_certificate_verifier(verifier);
    let mut cfg = match identity {
        Some((certs, key)) => builder
            .with_client_auth_cert(certs, key)
            .map_err(|e| HttpError::Tls(e.to_string()))?,
        None => builder.with_no_client_auth(),
    };
    cfg.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(cfg)
}

fn read_certs(path: &Path) -> Result<Vec<CertificateDer<'static>>, String> {
    let certs = CertificateDer::pem_file_iter(path)
        .map_err(|e| e.to_string())?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())?;
    if certs.is_empty() {
        return Err("no PEM certificate found".to_string());
    }
    Ok(certs)
}

fn load_identity(c: &ClientCert) -> Result<Identity, HttpError> {
    let certs = read_certs(&c.cert).map_err(|message| HttpError::ClientCert {
        path: c.cert.clone(),
        message,
    })?;
    let key_path = c.key.as_ref().unwrap_or(&c.cert);
    let text = std::fs::read_to_string(key_path).map_err(|e| HttpError::ClientKey {
        path: key_path.clone(),
        message: e.to_string(),
    })?;
    if text.contains("ENCRYPTED PRIVATE KEY") || text.contains("Proc-Type: 4,ENCRYPTED") {
        return Err(HttpError::EncryptedKey(key_path.clone()));
    }
    let key = PrivateKeyDer::from_pem_slice(text.as_bytes()).map_err(|e| HttpError::ClientKey {
        path: key_path.clone(),
        message: e.to_string(),
    })?;
    Ok((certs, key))
}

/// The webpki verifier, with failures renamed to Node's messages.
#[derive(Debug)]
struct NodeVerifier(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for NodeVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        self.0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
            .map_err(|e| node_error(e, end_entity, intermediates, server_name))
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

fn node_error(
    e: rustls::Error,
    leaf: &CertificateDer<'_>,
    chain: &[CertificateDer<'_>],
    name: &ServerName<'_>,
) -> rustls::Error {
    let rustls::Error::InvalidCertificate(ce) = &e else {
        return e;
    };
    let msg = match ce {
        CertificateError::UnknownIssuer => {
            if chain.is_empty() && der::self_signed(leaf) {
                "self-signed certificate"
            } else if chain.last().is_some_and(|c| der::self_signed(c)) {
                "self-signed certificate in certificate chain"
            } else if chain.is_empty() {
                "unable to verify the first certificate"
            } else {
                "unable to get local issuer certificate"
            }
        }
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
            "certificate has expired"
        }
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
            "certificate is not yet valid"
        }
        CertificateError::Revoked => "certificate revoked",
        CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
            return rustls::Error::General(format!(
                "Hostname/IP does not match certificate's altnames: Host: {}. is not in the cert's altnames",
                name.to_str()
            ));
        }
        _ => return e,
    };
    rustls::Error::General(msg.to_string())
}

/// `-k`: any certificate is accepted (handshake signatures are still checked).
#[derive(Debug)]
struct AcceptAll(Arc<CryptoProvider>);

impl ServerCertVerifier for AcceptAll {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// Just enough DER to compare a certificate's issuer and subject.
mod der {
    /// (tag, content, rest)
    fn tlv(d: &[u8]) -> Option<(u8, &[u8], &[u8])> {
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
        Some((tag, d.get(hdr..end)?, d.get(end..)?))
    }

    fn issuer_subject(cert: &[u8]) -> Option<(&[u8], &[u8])> {
        let (_, body, _) = tlv(cert)?;
        let (_, tbs, _) = tlv(body)?;
        let (tag, _, after_first) = tlv(tbs)?;
        // With an explicit version the serial comes next; without, the first field was it.
        let mut rest = if tag == 0xa0 {
            tlv(after_first)?.2
        } else {
            after_first
        };
        rest = tlv(rest)?.2; // signature algorithm
        let (_, issuer, rest) = tlv(rest)?;
        let rest = tlv(rest)?.2; // validity
        let (_, subject, _) = tlv(rest)?;
        Some((issuer, subject))
    }

    pub(super) fn self_signed(cert: &[u8]) -> bool {
        issuer_subject(cert).is_some_and(|(i, s)| i == s)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn detects_self_signed() {
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = rcgen::CertificateParams::new(vec!["x.test".into()])
            .unwrap()
            .self_signed(&key)
            .unwrap();
        assert!(super::der::self_signed(cert.der()));
        let ca_params = {
            let mut p = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
            p.distinguished_name
                .push(rcgen::DnType::CommonName, "Test CA");
            p.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
            p
        };
        let ca_key = rcgen::KeyPair::generate().unwrap();
        let ca = ca_params.self_signed(&ca_key).unwrap();
        let issuer = rcgen::Issuer::new(ca_params, ca_key);
        let leaf = rcgen::CertificateParams::new(vec!["y.test".into()])
            .unwrap()
            .signed_by(&key, &issuer)
            .unwrap();
        assert!(super::der::self_signed(ca.der()));
        assert!(!super::der::self_signed(leaf.der()));
    }
}
