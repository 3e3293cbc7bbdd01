//! `awsv4`: AWS Signature Version 4 on the AWS-maintained `aws-sigv4` crate. Parameters:
//! `accessKey`, `secretKey`, `sessionToken`, `service` (default `execute-api`), `region` (default
//! `us-east-1`), `addAuthDataToQuery` (a presigned URL, valid 24 h, instead of headers).
//!
//! Signed: the user headers and `host` (what goes on the wire), the body's SHA-256. Added:
//! `Authorization`, `X-Amz-Date`, `X-Amz-Security-Token` (with a session token) and, for `s3`,
//! `X-Amz-Content-Sha256` (S3 also gets single URI encoding and no path normalisation, and its
//! presigned URLs an unsigned payload).

use super::util::{rfc3986, text};
use super::{error, Target};
use crate::collection::Auth;
use crate::http::error::RequestError;
use aws_sigv4::http_request::{
    self, PayloadChecksumKind, PercentEncodingMode, SignableBody, SignableRequest,
    SignatureLocation, SigningSettings, UriPathNormalizationMode,
};
use std::time::{Duration, SystemTime};

/// Headers this signer owns (removed before signing).
const OWN: [&str; 4] = [
    "authorization",
    "x-amz-date",
    "x-amz-security-token",
    "x-amz-content-sha256",
];

pub(super) fn sign(auth: &Auth, target: &mut Target<'_>) -> Result<(), RequestError> {
    sign_at(auth, target, SystemTime::now())
}

pub(super) fn sign_at(
    auth: &Auth,
    target: &mut Target<'_>,
    time: SystemTime,
) -> Result<(), RequestError> {
    let (Some(access), Some(secret)) = (text(auth, "accessKey"), text(auth, "secretKey")) else {
        return Ok(());
    };
    let service = text(auth, "service").unwrap_or_else(|| "execute-api".into());
    let region = text(auth, "region").unwrap_or_else(|| "us-east-1".into());
    let in_query = super::util::flag(auth, "addAuthDataToQuery");
    for h in OWN {
        target.remove_header(h);
    }
    if in_query {
        if let Some(q) = target.query.as_mut() {
            q.retain(|(k, _)| !k.starts_with("X-Amz-"));
        }
    }

    let mut settings = SigningSettings::default();
    if service == "s3" {
        settings.percent_encoding_mode = PercentEncodingMode::Single;
        settings.uri_path_normalization_mode = UriPathNormalizationMode::Disabled;
        if !in_query {
            settings.payload_checksum_kind = PayloadChecksumKind::XAmzSha256;
        }
    }
    if in_query {
        settings.signature_location = SignatureLocation::QueryParams;
        settings.expires_in = Some(Duration::from_secs(86400));
    }
    let identity = aws_credential_types::Credentials::new(
        access,
        secret,
        text(auth, "sessionToken"),
        None,
        "postie",
    )
    .into();
    let params = aws_sigv4::sign::v4::SigningParams::builder()
        .identity(&identity)
        .region(&region)
        .name(&service)
        .time(time)
        .settings(settings)
        .build()
        .map_err(|e| error("awsv4", e))?
        .into();

    let enc = target.encoded()?;
    let uri = format!("{}://{}{}", target.scheme(), enc.host_header, enc.target);
    let mut headers: Vec<(&str, &str)> = target
        .headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    if target.header("host").is_none() {
        headers.push(("host", enc.host_header.as_str()));
    }
    // Presigned S3 URLs carry no payload hash (AWS checks them with UNSIGNED-PAYLOAD).
    let body = if in_query && service == "s3" {
        SignableBody::UnsignedPayload
    } else {
        SignableBody::Bytes(target.body.unwrap_or_default())
    };
    let request = SignableRequest::new(target.method, uri, headers.into_iter(), body)
        .map_err(|e| error("awsv4", e))?;
    let (instructions, _) = http_request::sign(request, &params)
        .map_err(|e| error("awsv4", e))?
        .into_parts();
    let (new_headers, new_params) = instructions.into_parts();
    for h in new_headers {
        target.replace_header(&title_case(h.name()), h.value().to_string());
    }
    if !new_params.is_empty() {
        let query = target.query.get_or_insert_with(Vec::new);
        for (k, v) in new_params {
            query.push((k.to_string(), Some(rfc3986(&v))));
        }
    }
    Ok(())
}

/// `x-amz-date` → `X-Amz-Date`.
fn title_case(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut c = part.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::super::test_target::{auth, Parts};
    use super::*;
    use serde_json::json;

    fn creds(extra: &[(&str, serde_json::Value)]) -> Auth {
        let mut p = vec![
            ("accessKey", json!("AKIDEXAMPLE")),
            (
                "secretKey",
                json!("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            ),
            ("service", json!("service")),
            ("region", json!("us-east-1")),
        ];
        p.extend(extra.iter().cloned());
        auth("awsv4", &p)
    }

    fn at_2015_08_30() -> SystemTime {
        // 20150830T123600Z, the date of AWS's SigV4 test suite.
        SystemTime::UNIX_EPOCH + Duration::from_secs(1_440_938_160)
    }

    fn signed(p: &mut Parts, a: &Auth) {
        let mut t = p.target();
        sign_at(a, &mut t, at_2015_08_30()).unwrap();
    }

    #[test]
    fn aws_test_suite_get_vanilla() {
        let mut p = Parts::new("GET", "https://example.amazonaws.com/");
        signed(&mut p, &creds(&[]));
        assert_eq!(p.header("x-amz-date"), Some("20150830T123600Z"));
        assert_eq!(
            p.header("authorization"),
            Some("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
        );
    }

    #[test]
    fn query_signing_and_session_tokens() {
        let mut p = Parts::new("GET", "https://example.amazonaws.com/?a=1");
        signed(
            &mut p,
            &creds(&[
                ("addAuthDataToQuery", json!(true)),
                ("sessionToken", json!("tok/en")),
            ]),
        );
        assert!(p.header("authorization").is_none());
        let href = p.href();
        assert!(href.contains("X-Amz-Signature="), "{href}");
        assert!(href.contains("X-Amz-Security-Token=tok%2Fen"), "{href}");
        let mut p = Parts::new("PUT", "https://b.s3.amazonaws.com/k");
        p.body = Some(b"x".to_vec());
        signed(&mut p, &creds(&[("service", json!("s3"))]));
        assert_eq!(
            p.header("x-amz-content-sha256"),
            Some("2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881")
        );
    }
}
