//! `/oauth1`: verifies an OAuth 1.0a signature (RFC 5849) with postman-echo's consumer secret and an
//! empty token secret. The base string uses the URL as the client saw it (scheme from the
//! connection, host from `Host`), so `https://postman-echo.com/oauth1` verifies even when served
//! from 127.0.0.1. On failure it answers postman-echo's four debug values.

use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use serde_json::json;
use sha1::Sha1;
use sha2::{Sha256, Sha512};

use super::auth::{parse_params, strip_scheme};
use super::form::{self, rfc3986};
use super::shape::media_type;
use crate::mock::creds::OAUTH1_CONSUMER_SECRET;
use crate::mock::http::Exchange;
use crate::mock::reply::{self, Reply};

/// A request's signature base string and what went into it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct BaseString {
    pub base_uri: String,
    pub normalized_params: String,
    pub base_string: String,
}

/// `/oauth1`.
pub(super) fn verify(ex: &Exchange) -> Reply {
    let oauth = oauth_params(ex);
    let get = |key: &str| {
        oauth
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let method = get("oauth_signature_method")
        .unwrap_or("HMAC-SHA1")
        .to_string();
    let given = get("oauth_signature").unwrap_or("").to_string();
    let base = base_string(ex, &oauth);
    let key = format!("{}&", rfc3986(OAUTH1_CONSUMER_SECRET));
    if sign(&method, &key, &base.base_string).is_some_and(|expected| expected == given) {
        let body = json!({ "status": "pass", "message": "OAuth-1.0a signature verification was successful" });
        return reply::json(200, &body);
    }
    let body = json!({
        "status": "fail",
        "message": format!("{method} verification failed"),
        "base_uri": base.base_uri,
        "normalized_param_string": base.normalized_params,
        "base_string": base.base_string,
        "signing_key": key,
    });
    reply::json(401, &body)
}

/// The protocol parameters: from `Authorization: OAuth …` (realm dropped), else every `oauth_*`
/// query or form parameter.
fn oauth_params(ex: &Exchange) -> Vec<(String, String)> {
    if let Some(params) = ex
        .header("authorization")
        .and_then(|v| strip_scheme(v, "OAuth"))
    {
        return parse_params(params)
            .into_iter()
            .filter(|(key, _)| key != "realm")
            .map(|(key, value)| (form::percent_decode(&key), form::percent_decode(&value)))
            .collect();
    }
    request_params(ex)
        .into_iter()
        .filter(|(key, _)| key.starts_with("oauth_"))
        .collect()
}

/// Query parameters plus, for an urlencoded body, the form parameters.
fn request_params(ex: &Exchange) -> Vec<(String, String)> {
    let mut params = form::parse_urlencoded(ex.query.as_deref().unwrap_or(""));
    if media_type(ex.header("content-type").unwrap_or("")) == "application/x-www-form-urlencoded" {
        params.extend(form::parse_urlencoded(&String::from_utf8_lossy(&ex.body)));
    }
    params
}

/// RFC 5849 §3.4.1: `METHOD&base-uri&normalized-params`, all percent-encoded.
fn base_string(ex: &Exchange, oauth: &[(String, String)]) -> BaseString {
    let host = ex.host().to_ascii_lowercase();
    let host = match (ex.tls, host.strip_suffix(":443"), host.strip_suffix(":80")) {
        (true, Some(bare), _) | (false, _, Some(bare)) => bare.to_string(),
        _ => host,
    };
    let base_uri = format!("{}://{host}{}", ex.scheme(), ex.path);
    let mut params: Vec<(String, String)> = request_params(ex)
        .into_iter()
        .filter(|(key, _)| !key.starts_with("oauth_"))
        .collect();
    params.extend(
        oauth
            .iter()
            .filter(|(key, _)| key != "oauth_signature")
            .cloned(),
    );
    build(&ex.method, &base_uri, &params)
}

/// The base string for `method`, `base_uri` and decoded parameters.
pub(crate) fn build(method: &str, base_uri: &str, params: &[(String, String)]) -> BaseString {
    let mut encoded: Vec<(String, String)> = params
        .iter()
        .map(|(key, value)| (rfc3986(key), rfc3986(value)))
        .collect();
    encoded.sort();
    let normalized_params = encoded
        .iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect::<Vec<_>>()
        .join("&");
    let base_string = format!(
        "{}&{}&{}",
        method.to_ascii_uppercase(),
        rfc3986(base_uri),
        rfc3986(&normalized_params)
    );
    BaseString {
        base_uri: base_uri.to_string(),
        normalized_params,
        base_string,
    }
}

/// The signature for `method` (HMAC-SHA1/256/512 or PLAINTEXT); `None` for unknown methods.
pub(crate) fn sign(method: &str, key: &str, base_string: &str) -> Option<String> {
    let digest = match method.to_ascii_uppercase().as_str() {
        "HMAC-SHA1" => hmac_bytes::<Hmac<Sha1>>(key, base_string)?,
        "HMAC-SHA256" => hmac_bytes::<Hmac<Sha256>>(key, base_string)?,
        "HMAC-SHA512" => hmac_bytes::<Hmac<Sha512>>(key, base_string)?,
        "PLAINTEXT" => return Some(key.to_string()),
        _ => return None,
    };
    Some(base64::engine::general_purpose::STANDARD.encode(digest))
}

fn hmac_bytes<M: Mac + KeyInit>(key: &str, data: &str) -> Option<Vec<u8>> {
    let mut mac = <M as KeyInit>::new_from_slice(key.as_bytes()).ok()?;
    mac.update(data.as_bytes());
    Some(mac.finalize().into_bytes().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn signs_the_oauth_core_example() {
        // OAuth Core 1.0 appendix A.5: photos.example.net, HMAC-SHA1.
        let params = pairs(&[
            ("file", "vacation.jpg"),
            ("size", "original"),
            ("oauth_consumer_key", "dpf43f3p2l4k3l03"),
            ("oauth_token", "nnch734d00sl2jdk"),
            ("oauth_signature_method", "HMAC-SHA1"),
            ("oauth_timestamp", "1191242096"),
            ("oauth_nonce", "kllo9940pd9333jh"),
            ("oauth_version", "1.0"),
        ]);
        let base = build("get", "http://photos.example.net/photos", &params);
        assert!(base
            .base_string
            .starts_with("GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg"));
        let signature = sign(
            "HMAC-SHA1",
            "kd94hf93k423kf44&pfkkdhi9sl3r4s00",
            &base.base_string,
        );
        assert_eq!(signature.as_deref(), Some("tR3+Ty81lMeYAr/Fid0kMTYa/WM="));
    }

    #[test]
    fn parameters_sort_by_encoded_key_then_value() {
        let base = build(
            "POST",
            "https://h/p",
            &pairs(&[("b", "2"), ("a", "z"), ("a", "y b"), ("a!", "1")]),
        );
        assert_eq!(base.normalized_params, "a=y%20b&a=z&a%21=1&b=2");
    }

    #[test]
    fn plaintext_and_unknown_methods() {
        assert_eq!(sign("PLAINTEXT", "s&t", "ignored").as_deref(), Some("s&t"));
        assert_eq!(sign("RSA-SHA1", "k", "b"), None);
        assert!(sign("hmac-sha256", "k", "b").is_some());
    }
}
