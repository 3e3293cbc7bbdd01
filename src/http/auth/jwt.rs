//! `jwt` (Postman's JWT bearer): signs `payload` (JSON, variables already resolved) under a
//! header of `{"alg": algorithm}` plus the `header` JSON's fields, with `secret` (HS*; base64
//! when `isSecretBase64Encoded`) or `privateKey` (RS*/PS*/ES*, PEM). The token goes in
//! `Authorization: <headerPrefix> <token>` (prefix `Bearer`) or, with `addTokenTo: queryParam`,
//! in the query parameter `queryParamKey` (default `token`).
//!
//! Newman turns a base64 secret into an ASCII string (bytes above 127 lose their top bit);
//! postie signs with the decoded bytes.

use super::jws::{self, Key};
use super::util::{flag, text, unb64};
use super::{error, Target};
use crate::collection::Auth;
use crate::http::error::RequestError;
use serde_json::{Map, Value};

pub(super) fn sign(auth: &Auth, target: &mut Target<'_>) -> Result<(), RequestError> {
    let alg = auth
        .param("algorithm")
        .unwrap_or_default()
        .trim()
        .to_string();
    if !jws::supported(&alg) {
        return Err(error("jwt", "invalid algorithm"));
    }
    let key = if jws::is_hmac(&alg) {
        let secret = text(auth, "secret")
            .ok_or_else(|| error("jwt", "Invalid secret key. Enter a valid key."))?;
        if flag(auth, "isSecretBase64Encoded") {
            Key::Secret(unb64(&secret).ok_or_else(|| error("jwt", "the secret is not base64"))?)
        } else {
            Key::Secret(secret.into_bytes())
        }
    } else {
        Key::Private("")
    };
    let pem = auth.param("privateKey").unwrap_or_default();
    let key = match key {
        Key::Private(_) if pem.trim().is_empty() => {
            return Err(error("jwt", "Invalid private key. Enter a valid key."))
        }
        Key::Private(_) => Key::Private(&pem),
        secret => secret,
    };
    let mut header = Map::new();
    header.insert("alg".into(), Value::String(alg.clone()));
    if let Value::Object(extra) = json_param(auth, "header")? {
        for (k, v) in extra {
            if k != "alg" {
                header.insert(k, v);
            }
        }
    }
    let payload = match json_param(auth, "payload")? {
        Value::Null => Value::Object(Map::new()),
        other => other,
    };
    let token = jws::sign(
        &alg,
        &Value::Object(header).to_string(),
        &payload.to_string(),
        key,
    )
    .map_err(|e| error("jwt", e))?;
    if auth.param("addTokenTo").as_deref() == Some("queryParam") {
        let name = text(auth, "queryParamKey").unwrap_or_else(|| "token".into());
        target.set_query(&name, token);
    } else {
        let prefix = text(auth, "headerPrefix").unwrap_or_else(|| "Bearer".into());
        target.replace_header("Authorization", format!("{prefix} {token}"));
    }
    Ok(())
}

/// A parameter holding JSON (as text or as a value); `Null` when absent or blank.
fn json_param(auth: &Auth, key: &str) -> Result<Value, RequestError> {
    match auth.params.get(key) {
        Some(Value::String(s)) if s.trim().is_empty() => Ok(Value::Null),
        Some(Value::String(s)) => serde_json::from_str(s.trim())
            .map_err(|e| error("jwt", format!("the {key} is not valid JSON: {e}"))),
        Some(v) => Ok(v.clone()),
        None => Ok(Value::Null),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_target::{auth, Parts};
    use super::super::util::{b64url, Sha};
    use serde_json::json;

    #[test]
    fn hs256_header_and_query() {
        let a = auth(
            "jwt",
            &[
                ("algorithm", json!("HS256")),
                ("secret", json!("s3cret")),
                (
                    "header",
                    json!("{\"typ\":\"JWT\",\"alg\":\"none\",\"kid\":\"k1\"}"),
                ),
                ("payload", json!("{\n \"sub\": \"1\", \"n\": 2\n}")),
            ],
        );
        let mut p = Parts::new("GET", "http://h/");
        p.sign(&a).unwrap();
        let h = p.header("authorization").unwrap();
        let token = h.strip_prefix("Bearer ").unwrap();
        let head = b64url(br#"{"alg":"HS256","typ":"JWT","kid":"k1"}"#);
        let body = b64url(br#"{"sub":"1","n":2}"#);
        let input = format!("{head}.{body}");
        let sig = b64url(&Sha::Sha256.hmac(b"s3cret", input.as_bytes()));
        assert_eq!(token, format!("{input}.{sig}"));

        let mut q = a.clone();
        q.params.insert("addTokenTo".into(), json!("queryParam"));
        q.params.insert("queryParamKey".into(), json!("jwt"));
        let mut p = Parts::new("GET", "http://h/?jwt=old");
        p.sign(&q).unwrap();
        assert!(p.href().starts_with(&format!("http://h/?jwt={head}.")));
    }

    #[test]
    fn errors_are_clear() {
        let mut p = Parts::new("GET", "http://h/");
        let bad = auth("jwt", &[("algorithm", json!("none"))]);
        assert!(p
            .sign(&bad)
            .unwrap_err()
            .to_string()
            .contains("invalid algorithm"));
        let nokey = auth("jwt", &[("algorithm", json!("RS256"))]);
        assert!(p
            .sign(&nokey)
            .unwrap_err()
            .to_string()
            .contains("private key"));
        let badjson = auth(
            "jwt",
            &[
                ("algorithm", json!("HS256")),
                ("secret", json!("s")),
                ("payload", json!("{x")),
            ],
        );
        assert!(p
            .sign(&badjson)
            .unwrap_err()
            .to_string()
            .contains("payload"));
    }
}
