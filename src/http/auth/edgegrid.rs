//! `edgegrid` (Akamai EG1-HMAC-SHA256): `Authorization: EG1-HMAC-SHA256
//! client_token=…;access_token=…;timestamp=yyyyMMddTHH:mm:ss+0000;nonce=…;signature=…`.
//!
//! The signing key is `base64(HMAC-SHA256(clientSecret, timestamp))`; the signature is
//! `base64(HMAC-SHA256(key, data))` where data joins with tabs: METHOD, scheme, host (or the
//! host of `baseURL`), path?query, the `headersToSign` as `name:value` (trimmed, inner whitespace
//! collapsed, tab-joined, empty ones left out), the body hash (POST only: base64 SHA-256 of the
//! first `maxBodySize` bytes, default 131072) and the header so far.

use super::util::{b64, text, Sha};
use super::Target;
use crate::collection::Auth;
use crate::http::error::RequestError;
use crate::http::urlenc::NodeUrl;
use serde_json::Value;

pub(super) fn sign(auth: &Auth, target: &mut Target<'_>) -> Result<(), RequestError> {
    let (Some(access), Some(client), Some(secret)) = (
        text(auth, "accessToken"),
        text(auth, "clientToken"),
        text(auth, "clientSecret"),
    ) else {
        return Ok(());
    };
    target.remove_header("Authorization");
    let timestamp = text(auth, "timestamp").unwrap_or_else(|| {
        chrono::Utc::now()
            .format("%Y%m%dT%H:%M:%S+0000")
            .to_string()
    });
    let nonce = text(auth, "nonce").unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let enc = target.encoded()?;
    let host = match text(auth, "baseURL") {
        Some(base) => NodeUrl::parse(&base, false).host(),
        None => enc.host_header.clone(),
    };
    let max = auth
        .param("maxBodySize")
        .and_then(|m| m.trim().parse::<usize>().ok())
        .filter(|m| *m > 0)
        .unwrap_or(131_072);
    let body_hash = match (target.method == "POST", target.body) {
        (true, Some(body)) if !body.is_empty() && target.body_mode != "formdata" => {
            b64(&Sha::Sha256.digest(&body[..body.len().min(max)]))
        }
        _ => String::new(),
    };
    let header = format!(
        "EG1-HMAC-SHA256 client_token={client};access_token={access};timestamp={timestamp};nonce={nonce};"
    );
    let data = [
        target.method.to_string(),
        target.scheme(),
        host,
        enc.target,
        canonical_headers(auth, target),
        body_hash,
        header.clone(),
    ]
    .join("\t");
    let key = b64(&Sha::Sha256.hmac(secret.as_bytes(), timestamp.as_bytes()));
    let signature = b64(&Sha::Sha256.hmac(key.as_bytes(), data.as_bytes()));
    target.headers.push((
        "Authorization".to_string(),
        format!("{header}signature={signature}"),
    ));
    Ok(())
}

fn canonical_headers(auth: &Auth, target: &Target<'_>) -> String {
    let names: Vec<String> = match auth.params.get("headersToSign") {
        Some(Value::String(s)) => s.split(',').map(str::to_string).collect(),
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    };
    names
        .iter()
        .map(|n| n.trim().to_ascii_lowercase())
        .filter_map(|n| {
            let v = target.header(&n)?.trim();
            (!v.is_empty())
                .then(|| format!("{n}:{}", v.split_whitespace().collect::<Vec<_>>().join(" ")))
        })
        .collect::<Vec<_>>()
        .join("\t")
}

#[cfg(test)]
mod tests {
    use super::super::test_target::{auth, Parts};
    use super::super::util::Sha;
    use super::*;
    use serde_json::json;

    #[test]
    fn signature_follows_the_spec_formula() {
        let a = auth(
            "edgegrid",
            &[
                ("accessToken", json!("akab-access")),
                ("clientToken", json!("akab-client")),
                ("clientSecret", json!("secret==")),
                ("nonce", json!("nonce-1")),
                ("timestamp", json!("20140321T19:34:21+0000")),
                ("headersToSign", json!("X-A, x-b")),
            ],
        );
        let mut p = Parts::new("POST", "https://h.example/p?q=1");
        p.headers.push(("X-A".into(), "  a   b ".into()));
        p.body = Some(b"hello".to_vec());
        p.sign(&a).unwrap();
        let h = p.header("authorization").unwrap().to_string();
        let prefix = "EG1-HMAC-SHA256 client_token=akab-client;access_token=akab-access;timestamp=20140321T19:34:21+0000;nonce=nonce-1;";
        assert!(h.starts_with(prefix), "{h}");
        let key = b64(&Sha::Sha256.hmac(b"secret==", b"20140321T19:34:21+0000"));
        let data = format!(
            "POST\thttps\th.example\t/p?q=1\tx-a:a b\t{}\t{prefix}",
            b64(&Sha::Sha256.digest(b"hello"))
        );
        let sig = b64(&Sha::Sha256.hmac(key.as_bytes(), data.as_bytes()));
        assert_eq!(h, format!("{prefix}signature={sig}"));
    }
}
