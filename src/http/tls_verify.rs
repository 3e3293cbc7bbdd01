//! Server certificate verification in Node's words: the webpki verifier with failures renamed
//! (`self-signed certificate`, `certificate has expired`, `Hostname/IP does not match …`), and
//! the verifier `-k`/`strictSSL: false` use, which accepts any certificate (handshake signatures
//! are still checked).

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::CryptoProvider;
use rustls::{CertificateError, DigitallySignedStruct, SignatureScheme};
use rustls_pki_types::{CertificateDer, ServerName, UnixTime};
use std::sync::Arc;

/// The webpki verifier, with failures renamed to Node's messages.
#[derive(Debug)]
pub(crate) struct NodeVerifier(pub Arc<WebPkiServerVerifier>);

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
pub(crate) struct AcceptAll(pub Arc<CryptoProvider>);

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
