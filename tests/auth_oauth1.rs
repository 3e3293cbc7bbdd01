//! OAuth 1.0 signatures checked by a local server that rebuilds the RFC 5849 signature base
//! string from the request it received and verifies the signature itself (HMAC with the shared
//! secrets, RSA with the public key), for every placement and signature method.

mod auth_support;
mod http_support;

use auth_support::*;
use http_support::{resp, serve, Captured};
use serde_json::json;

const CONSUMER_SECRET: &str = "kd94hf93k423kf44";
const TOKEN_SECRET: &str = "pfkkdhi9sl3r4s00";
const RSA_PRIVATE: &str = include_str!("fixtures/auth/rsa-pkcs8.pem");
const RSA_PUBLIC: &str = include_str!("fixtures/auth/rsa-public.pem");

/// The protocol parameters as the server sees them: from `Authorization: OAuth …` (realm
/// left out), else the `oauth_*` query and form parameters.
fn oauth_params(c: &Captured) -> Vec<(String, String)> {
    if let Some(h) = c
        .header("authorization")
        .filter(|h| h.starts_with("OAuth "))
    {
        return auth_params(h)
            .into_iter()
            .filter(|(k, _)| k != "realm")
            .map(|(k, v)| (pct_decode(&k, false), pct_decode(&v, false)))
            .collect();
    }
    request_params(c)
        .into_iter()
        .filter(|(k, _)| k.starts_with("oauth_"))
        .collect()
}

fn request_params(c: &Captured) -> Vec<(String, String)> {
    let query = c.target.split_once('?').map_or("", |(_, q)| q);
    let mut params = form_pairs(query);
    let form = c
        .header("content-type")
        .is_some_and(|t| t.starts_with("application/x-www-form-urlencoded"));
    if form {
        params.extend(form_pairs(&String::from_utf8_lossy(&c.body)));
    }
    params
}

/// RFC 5849 §3.4.1.
fn base_string(c: &Captured, oauth: &[(String, String)]) -> String {
    let host = c.header("host").unwrap_or("").to_ascii_lowercase();
    let path = c.target.split('?').next().unwrap_or("/");
    let base_uri = format!("http://{host}{path}");
    let mut params: Vec<(String, String)> = request_params(c)
        .into_iter()
        .filter(|(k, _)| !k.starts_with("oauth_"))
        .chain(
            oauth
                .iter()
                .filter(|(k, _)| k != "oauth_signature")
                .cloned(),
        )
        .map(|(k, v)| (rfc3986(&k), rfc3986(&v)))
        .collect();
    params.sort();
    let normalized: Vec<String> = params.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!(
        "{}&{}&{}",
        c.method,
        rfc3986(&base_uri),
        rfc3986(&normalized.join("&"))
    )
}

fn verify(c: &Captured) -> Result<(), String> {
    let oauth = oauth_params(c);
    let get = |k: &str| {
        oauth
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let base = base_string(c, &oauth);
    let token_secret = if get("oauth_token").is_empty() {
        ""
    } else {
        TOKEN_SECRET
    };
    let key = format!("{}&{}", rfc3986(CONSUMER_SECRET), rfc3986(token_secret));
    let given = get("oauth_signature");
    let ok = match get("oauth_signature_method").as_str() {
        "HMAC-SHA1" => b64(&hmac_sha1(key.as_bytes(), base.as_bytes())) == given,
        "HMAC-SHA256" => b64(&hmac_sha256(key.as_bytes(), base.as_bytes())) == given,
        "HMAC-SHA512" => b64(&hmac_sha512(key.as_bytes(), base.as_bytes())) == given,
        "PLAINTEXT" => key == given,
        "RSA-SHA256" => {
            use rsa::pkcs8::DecodePublicKey;
            let pk = rsa::PublicKey::from_public_key_pem(RSA_PUBLIC).map_err(|e| e.to_string())?;
            pk.verify(
                rsa::Pkcs1v15Sign::new::<sha2::Sha256>(),
                &sha256(base.as_bytes()),
                &b64_decode(&given),
            )
            .is_ok()
        }
        other => return Err(format!("unexpected method {other}")),
    };
    if !ok {
        return Err(format!("bad signature over {base}"));
    }
    let body_hash = get("oauth_body_hash");
    if !body_hash.is_empty() {
        use sha1::Digest;
        if body_hash != b64(&sha1::Sha1::digest(&c.body)) {
            return Err("bad body hash".into());
        }
    }
    Ok(())
}

async fn server() -> http_support::Server {
    serve(|c| match verify(c) {
        Ok(()) => resp("200 OK", &[], b"ok"),
        Err(e) => resp("401 Unauthorized", &[], e.as_bytes()),
    })
    .await
}

fn oauth1(extra: serde_json::Value) -> postie::collection::Auth {
    let mut params = json!({
        "consumerKey": "dpf43f3p2l4k3l03",
        "consumerSecret": CONSUMER_SECRET,
        "token": "nnch734d00sl2jdk",
        "tokenSecret": TOKEN_SECRET,
        "signatureMethod": "HMAC-SHA1",
        "version": "1.0",
    });
    if let (Some(p), serde_json::Value::Object(e)) = (params.as_object_mut(), extra) {
        p.extend(e);
    }
    auth("oauth1", params)
}

#[tokio::test]
async fn header_placement_hmac_sha1_with_realm_and_query() {
    let srv = server().await;
    let url = srv.url("/photos?file=vacation%20photo.jpg&size=original&a=1+2");
    let a = oauth1(json!({"addParamsToHeader": true, "realm": "Photos"}));
    let out = perform(&url, &request("GET", &[], None), &a).await;
    assert_eq!(code(&out), 200);
    let h = srv.last().header("authorization").unwrap().to_string();
    assert!(
        h.starts_with("OAuth realm=\"Photos\",oauth_consumer_key="),
        "{h}"
    );
}

#[tokio::test]
async fn query_placement_hmac_sha256() {
    let srv = server().await;
    let a = oauth1(json!({"signatureMethod": "HMAC-SHA256"}));
    let out = perform(&srv.url("/r?x=y"), &request("GET", &[], None), &a).await;
    assert_eq!(code(&out), 200);
    let c = srv.last();
    assert!(c.header("authorization").is_none());
    assert!(c.target.contains("oauth_signature="), "{}", c.target);
}

#[tokio::test]
async fn body_placement_hmac_sha512_for_urlencoded_posts() {
    let srv = server().await;
    let a = oauth1(json!({"signatureMethod": "HMAC-SHA512"}));
    let req = request(
        "POST",
        &[],
        Some(form_body(&[("status", "hello world!"), ("n", "1")])),
    );
    let out = perform(&srv.url("/update"), &req, &a).await;
    assert_eq!(code(&out), 200);
    let body = String::from_utf8_lossy(&srv.last().body).into_owned();
    assert!(
        body.starts_with("status=hello%20world%21&n=1&oauth_"),
        "{body}"
    );
}

#[tokio::test]
async fn rsa_sha256_signs_with_the_private_key() {
    let srv = server().await;
    let a = oauth1(json!({
        "signatureMethod": "RSA-SHA256",
        "privateKey": RSA_PRIVATE,
        "addParamsToHeader": true,
    }));
    let out = perform(&srv.url("/rsa"), &request("GET", &[], None), &a).await;
    assert_eq!(code(&out), 200);
}

#[tokio::test]
async fn plaintext_empty_params_and_body_hash() {
    let srv = server().await;
    let a = oauth1(json!({
        "signatureMethod": "PLAINTEXT",
        "addParamsToHeader": true,
    }));
    assert_eq!(
        code(&perform(&srv.url("/p"), &request("GET", &[], None), &a).await),
        200
    );

    let a = oauth1(json!({
        "token": "",
        "tokenSecret": "",
        "addEmptyParamsToSign": true,
        "includeBodyHash": true,
        "addParamsToHeader": true,
        "timestamp": "1191242096",
        "nonce": "kllo9940pd9333jh",
    }));
    let req = request(
        "POST",
        &[("Content-Type", "application/json")],
        Some(raw_body("{\"a\": 1}")),
    );
    let out = perform(&srv.url("/hash"), &req, &a).await;
    assert_eq!(code(&out), 200);
    let h = srv.last().header("authorization").unwrap().to_string();
    assert!(h.contains("oauth_token=\"\""), "{h}");
    assert!(
        h.contains("oauth_timestamp=\"1191242096\",oauth_nonce=\"kllo9940pd9333jh\""),
        "{h}"
    );
    assert!(h.contains("oauth_body_hash="), "{h}");
}

#[tokio::test]
async fn disable_header_encoding_leaves_values_raw() {
    let srv = serve(|_| resp("200 OK", &[], b"")).await;
    let a = oauth1(json!({
        "consumerKey": "key with space",
        "addParamsToHeader": true,
        "disableHeaderEncoding": true,
    }));
    perform(&srv.url("/"), &request("GET", &[], None), &a).await;
    let h = srv.last().header("authorization").unwrap().to_string();
    assert!(h.contains("oauth_consumer_key=\"key with space\""), "{h}");
}
