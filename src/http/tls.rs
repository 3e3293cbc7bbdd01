//! TLS client configurations (rustls, ring provider). Trusted roots are webpki-roots + the
//! system store + `--ssl-extra-ca-certs`; `-k`/`strictSSL: false` use a verifier that accepts
//! any certificate. Client identities come from `--ssl-client-cert-list` (per URL pattern, first
//! match) and then `--ssl-client-cert` (PEM or PKCS#12). Per request, `tlsDisabledProtocols`
//! and `tlsCipherSelection` narrow the versions (rustls speaks TLS 1.2 and 1.3 only, so
//! disabling TLSv1/TLSv1.1 changes nothing) and cipher suites. One configuration is built per
//! distinct [`TlsKey`] and kept for the run; the trusted roots are read on the first https
//! request, not at start-up.

use super::certlist::{self, Entry};
use super::error::{HttpError, RequestError};
use super::identity::{self, Identity};
use super::tls_verify::{AcceptAll, NodeVerifier};
use super::types::HttpOptions;
use rustls::client::danger::ServerCertVerifier;
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::CryptoProvider;
use rustls::{ClientConfig, RootCertStore, SupportedCipherSuite};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::CertificateDer;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

/// What distinguishes one client configuration from another.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct TlsKey {
    pub strict: bool,
    /// Index into the run's client identities.
    pub identity: Option<usize>,
    pub tls12: bool,
    pub tls13: bool,
    /// Allowed suites (IANA numbers), in preference order; empty: the provider's defaults.
    pub ciphers: Vec<u16>,
}

/// The run's TLS material and the configurations built from it so far.
pub(crate) struct TlsConfigs {
    provider: Arc<CryptoProvider>,
    /// The verifier against the trusted roots, built on the first https request: reading the
    /// system's certificates is most of postie's start-up, and many runs never need them.
    strict: OnceLock<Result<Arc<dyn ServerCertVerifier>, String>>,
    /// `--ssl-extra-ca-certs`, read (and checked) at start-up.
    extra_roots: Vec<CertificateDer<'static>>,
    insecure: Arc<dyn ServerCertVerifier>,
    /// The cert list's identities in order, then `--ssl-client-cert`'s.
    identities: Vec<Identity>,
    list: Vec<Entry>,
    single: Option<usize>,
    alpn: Vec<Vec<u8>>,
    cache: Mutex<HashMap<TlsKey, Arc<ClientConfig>>>,
}

pub(crate) fn build(opts: &HttpOptions) -> Result<TlsConfigs, HttpError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut extra_roots = Vec::new();
    for path in &opts.extra_ca_certs {
        let ca_err = |message: String| HttpError::CaCerts {
            path: path.clone(),
            message,
        };
        for cert in read_certs(path).map_err(ca_err)? {
            // Checked here so that a bad file fails the run before it starts.
            RootCertStore::empty()
                .add(cert.clone())
                .map_err(|e| ca_err(e.to_string()))?;
            extra_roots.push(cert);
        }
    }
    let list = match &opts.client_cert_list {
        Some(path) => certlist::load(path, &opts.working_dir)?,
        None => Vec::new(),
    };
    let mut identities = Vec::new();
    for entry in &list {
        identities.push(identity::load(&entry.cert)?);
    }
    let single = match &opts.client_cert {
        Some(c) => {
            identities.push(identity::load(c)?);
            Some(identities.len() - 1)
        }
        None => None,
    };
    let alpn = if opts.http2 {
        vec![b"h2".to_vec(), b"http/1.1".to_vec()]
    } else {
        vec![b"http/1.1".to_vec()]
    };
    let configs = TlsConfigs {
        strict: OnceLock::new(),
        extra_roots,
        insecure: Arc::new(AcceptAll(provider.clone())),
        provider,
        identities,
        list,
        single,
        alpn,
        cache: Mutex::new(HashMap::new()),
    };
    // Fail at start-up on identities rustls refuses (key and certificate that do not match).
    for i in 0..configs.identities.len() {
        configs
            .config(&TlsKey {
                strict: true,
                identity: Some(i),
                tls12: true,
                tls13: true,
                ciphers: Vec::new(),
            })
            .map_err(|e| HttpError::Tls(e.to_string()))?;
    }
    Ok(configs)
}

impl TlsConfigs {
    /// The verifier for trusted roots: webpki-roots, the system store, `--ssl-extra-ca-certs`.
    fn strict(&self) -> Result<Arc<dyn ServerCertVerifier>, RequestError> {
        let built = self.strict.get_or_init(|| {
            let mut roots = RootCertStore::empty();
            roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
            for cert in rustls_native_certs::load_native_certs().certs {
                // A broken system certificate is skipped, as Node skips it.
                let _ = roots.add(cert);
            }
            for cert in &self.extra_roots {
                let _ = roots.add(cert.clone());
            }
            WebPkiServerVerifier::builder_with_provider(Arc::new(roots), self.provider.clone())
                .build()
                .map(|v| Arc::new(NodeVerifier(v)) as Arc<dyn ServerCertVerifier>)
                .map_err(|e| e.to_string())
        });
        built.clone().map_err(RequestError::Tls)
    }

    /// The identity for `url`: the first cert-list entry that matches, else the single cert.
    pub fn identity_for(&self, url: &url::Url) -> Option<usize> {
        certlist::pick(&self.list, url).or(self.single)
    }

    /// The key for a request to `url` with the policy's TLS settings.
    pub fn key(
        &self,
        url: &url::Url,
        strict: bool,
        disabled: &[String],
        ciphers: &[String],
    ) -> Result<TlsKey, RequestError> {
        let off = |v: &str| {
            disabled
                .iter()
                .any(|d| d.replace('.', "_").eq_ignore_ascii_case(v))
        };
        let (mut tls12, mut tls13) = (!off("TLSv1_2"), !off("TLSv1_3"));
        let suites = pick_suites(&self.provider.cipher_suites, ciphers)?;
        if !suites.is_empty() {
            let has = |v13: bool| {
                self.provider.cipher_suites.iter().any(|s| {
                    suites.contains(&u16::from(s.suite()))
                        && matches!(s, SupportedCipherSuite::Tls13(_)) == v13
                })
            };
            tls12 &= has(false);
            tls13 &= has(true);
        }
        if !tls12 && !tls13 {
            return Err(RequestError::Tls(
                "no TLS version left: tlsDisabledProtocols and tlsCipherSelection rule out both \
                 TLS 1.2 and TLS 1.3 (the versions postie speaks)"
                    .into(),
            ));
        }
        Ok(TlsKey {
            strict,
            identity: self.identity_for(url),
            tls12,
            tls13,
            ciphers: suites,
        })
    }

    /// The configuration for `key` (built on first use).
    pub fn config(&self, key: &TlsKey) -> Result<Arc<ClientConfig>, RequestError> {
        if let Some(c) = self.cache.lock().ok().and_then(|m| m.get(key).cloned()) {
            return Ok(c);
        }
        let mut provider = (*self.provider).clone();
        if !key.ciphers.is_empty() {
            provider.cipher_suites = key
                .ciphers
                .iter()
                .filter_map(|n| {
                    self.provider
                        .cipher_suites
                        .iter()
                        .find(|s| u16::from(s.suite()) == *n)
                        .copied()
                })
                .collect();
        }
        let mut versions = Vec::new();
        if key.tls13 {
            versions.push(&rustls::version::TLS13);
        }
        if key.tls12 {
            versions.push(&rustls::version::TLS12);
        }
        let verifier = if key.strict {
            self.strict()?
        } else {
            self.insecure.clone()
        };
        let tls = |e: rustls::Error| RequestError::Tls(e.to_string());
        let builder = ClientConfig::builder_with_provider(Arc::new(provider))
            .with_protocol_versions(&versions)
            .map_err(tls)?
            .dangerous()
            .with_custom_certificate_verifier(verifier);
        let mut cfg = match key.identity.and_then(|i| self.identities.get(i)) {
            Some((certs, k)) => builder
                .with_client_auth_cert(certs.clone(), k.clone_key())
                .map_err(tls)?,
            None => builder.with_no_client_auth(),
        };
        cfg.alpn_protocols = self.alpn.clone();
        let cfg = Arc::new(cfg);
        if let Ok(mut m) = self.cache.lock() {
            m.insert(key.clone(), cfg.clone());
        }
        Ok(cfg)
    }
}

/// OpenSSL names of the suites ring provides, with their IANA names.
const OPENSSL_NAMES: &[(&str, &str)] = &[
    ("TLS_AES_128_GCM_SHA256", "TLS13_AES_128_GCM_SHA256"),
    ("TLS_AES_256_GCM_SHA384", "TLS13_AES_256_GCM_SHA384"),
    (
        "TLS_CHACHA20_POLY1305_SHA256",
        "TLS13_CHACHA20_POLY1305_SHA256",
    ),
    (
        "ECDHE-ECDSA-AES128-GCM-SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
    ),
    (
        "ECDHE-ECDSA-AES256-GCM-SHA384",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
    ),
    (
        "ECDHE-ECDSA-CHACHA20-POLY1305",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
    ),
    (
        "ECDHE-RSA-AES128-GCM-SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
    ),
    (
        "ECDHE-RSA-AES256-GCM-SHA384",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
    ),
    (
        "ECDHE-RSA-CHACHA20-POLY1305",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
    ),
];

/// The suites `wanted` names (OpenSSL or IANA names; a `:`-separated string also works), in
/// order; names postie cannot offer are skipped, but naming only such suites is an error.
fn pick_suites(
    available: &[SupportedCipherSuite],
    wanted: &[String],
) -> Result<Vec<u16>, RequestError> {
    let names: Vec<&str> = wanted
        .iter()
        .flat_map(|w| w.split(':'))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for name in &names {
        let iana = OPENSSL_NAMES
            .iter()
            .find(|(o, _)| o.eq_ignore_ascii_case(name))
            .map_or(*name, |(_, i)| *i);
        let found = available.iter().find(|s| {
            let debug = format!("{:?}", s.suite());
            debug.eq_ignore_ascii_case(iana)
                || debug.replace("TLS13_", "TLS_").eq_ignore_ascii_case(iana)
        });
        if let Some(s) = found {
            let n = u16::from(s.suite());
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    if out.is_empty() {
        let known: Vec<&str> = OPENSSL_NAMES.iter().map(|(o, _)| *o).collect();
        return Err(RequestError::Tls(format!(
            "none of the suites in tlsCipherSelection ({}) is available; postie offers {}",
            names.join(", "),
            known.join(", ")
        )));
    }
    Ok(out)
}

pub(crate) fn read_certs(path: &Path) -> Result<Vec<CertificateDer<'static>>, String> {
    let certs = CertificateDer::pem_file_iter(path)
        .map_err(|e| e.to_string())?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())?;
    if certs.is_empty() {
        return Err("no PEM certificate found".to_string());
    }
    Ok(certs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn configs() -> TlsConfigs {
        build(&HttpOptions::default()).unwrap()
    }

    #[test]
    fn versions_and_suites_narrow() {
        let c = configs();
        let url = url::Url::parse("https://a.test/").unwrap();
        let k = c.key(&url, true, &["TLSv1_3".into()], &[]).unwrap();
        assert!(k.tls12 && !k.tls13);
        let k = c
            .key(&url, true, &[], &["ECDHE-RSA-AES128-GCM-SHA256".into()])
            .unwrap();
        assert!(k.tls12 && !k.tls13 && k.ciphers.len() == 1);
        let k = c
            .key(&url, true, &[], &["TLS_AES_256_GCM_SHA384:bogus".into()])
            .unwrap();
        assert!(!k.tls12 && k.tls13);
        assert!(c
            .key(&url, true, &["TLSv1.2".into(), "TLSv1.3".into()], &[])
            .is_err());
        assert!(c.key(&url, true, &[], &["RC4-MD5".into()]).is_err());
        let cfg = c.config(&k).unwrap();
        assert_eq!(cfg.alpn_protocols, vec![b"http/1.1".to_vec()]);
        assert!(Arc::ptr_eq(&cfg, &c.config(&k).unwrap()));
    }

    #[test]
    fn roots_wait_for_the_first_https_request_but_bad_ca_files_fail_at_once() {
        let c = configs();
        assert!(c.strict.get().is_none());
        let key = TlsKey {
            strict: true,
            identity: None,
            tls12: true,
            tls13: true,
            ciphers: Vec::new(),
        };
        c.config(&key).unwrap();
        assert!(matches!(c.strict.get(), Some(Ok(_))));

        let dir = std::env::temp_dir().join(format!("postie-tls-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let bad = dir.join("not-a-cert.pem");
        std::fs::write(&bad, "hello").unwrap();
        let opts = HttpOptions {
            extra_ca_certs: vec![bad.clone()],
            ..HttpOptions::default()
        };
        let err = build(&opts).err().expect("a bad CA file is an error");
        assert!(matches!(err, HttpError::CaCerts { ref path, .. } if *path == bad));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
