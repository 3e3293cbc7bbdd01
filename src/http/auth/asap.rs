//! `asap` (Atlassian S2S): a JWT signed with `privateKey` (`alg` RS/PS/ES 256/384/512, default
//! RS256) under `{"alg", "kid"}`, with the `claims` JSON plus `iat` (now), `iss`, `sub` (falls
//! back to `iss`), `jti` (a UUID), `aud` and `exp` (now + `exp` seconds, default 3600); claims
//! given in `claims` win. Sent as `Authorization: Bearer <token>`. The key may be PEM (newlines
//! optional) or the `data:application/pkcs8;kid=…;base64,…` URI Atlassian's tools write.

use super::jws::{self, Key};
use super::util::{b64, text, unb64, unix_now};
use super::{error, Target};
use crate::collection::Auth;
use crate::http::error::RequestError;
use serde_json::{Map, Value};

pub(super) fn sign(auth: &Auth, target: &mut Target<'_>) -> Result<(), RequestError> {
    let claims = match auth.params.get("claims") {
        Some(Value::String(s)) if !s.trim().is_empty() => {
            serde_json::from_str(s.trim()).map_err(|_| error("asap", "Failed to parse claims"))?
        }
        Some(Value::Object(o)) => Value::Object(o.clone()),
        _ => Value::Object(Map::new()),
    };
    let Value::Object(mut claims) = claims else {
        return Err(error("asap", "Failed to parse claims"));
    };
    let claim = |k: &str| claims.get(k).filter(|v| !v.is_null()).cloned();
    let param = |k: &str| text(auth, k).map(Value::String);
    let iss = claim("iss").or_else(|| param("iss"));
    let sub = claim("sub")
        .or_else(|| param("sub"))
        .or_else(|| iss.clone());
    let aud = claim("aud").or_else(|| param("aud"));
    let kid = claim("kid")
        .and_then(|v| v.as_str().map(str::to_string))
        .or_else(|| text(auth, "kid"));
    let jti = claim("jti").unwrap_or_else(|| Value::String(uuid::Uuid::new_v4().to_string()));
    let now = unix_now();
    let iat = claim("iat").unwrap_or_else(|| Value::from(now));
    let expiry = text(auth, "exp")
        .and_then(|e| e.trim().parse::<i64>().ok())
        .filter(|e| *e != 0)
        .unwrap_or(3600);
    let exp = claim("exp").unwrap_or_else(|| Value::from(now + expiry));
    let key = auth.param("privateKey").unwrap_or_default();
    let (Some(iss), Some(aud), Some(kid)) = (iss, aud, kid) else {
        return Err(error("asap", "One or more of required claims missing"));
    };
    if key.trim().is_empty() {
        return Err(error("asap", "One or more of required claims missing"));
    }
    let alg = text(auth, "alg").unwrap_or_else(|| "RS256".into());
    if !jws::supported(&alg) || jws::is_hmac(&alg) {
        return Err(error("asap", "invalid algorithm"));
    }
    let pem = private_key(&kid, &key)?;
    for (k, v) in [
        ("iat", iat),
        ("iss", iss),
        ("sub", sub.unwrap_or(Value::Null)),
        ("jti", jti),
        ("aud", aud),
        ("exp", exp),
    ] {
        claims.insert(k.to_string(), v);
    }
    let mut header = Map::new();
    header.insert("alg".into(), Value::String(alg.clone()));
    header.insert("kid".into(), Value::String(kid));
    let token = jws::sign(
        &alg,
        &Value::Object(header).to_string(),
        &Value::Object(claims).to_string(),
        Key::Private(&pem),
    )
    .map_err(|e| error("asap", format!("Failed to sign request with key: {e}")))?;
    target.replace_header("Authorization", format!("Bearer {token}"));
    Ok(())
}

/// The key as PEM: as given, or decoded from a `data:application/pkcs8;kid=…;base64,…` URI
/// (whose kid must match).
fn private_key(kid: &str, key: &str) -> Result<String, RequestError> {
    let key = key.trim().trim_matches('"');
    let decoded = crate::http::urlenc::percent_decode(key);
    let Some(rest) = decoded.strip_prefix("data:application/pkcs8;kid=") else {
        return Ok(key.to_string());
    };
    let (uri_kid, data) = rest
        .split_once(";base64,")
        .ok_or_else(|| error("asap", "Malformed Data URI"))?;
    if uri_kid != kid {
        return Err(error(
            "asap",
            "Supplied key id does not match the one included in data uri.",
        ));
    }
    let der = unb64(data).ok_or_else(|| error("asap", "Malformed Data URI"))?;
    Ok(format!(
        "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
        b64(&der)
    ))
}

#[cfg(test)]
mod tests {
    use super::super::test_target::{auth, Parts};
    use super::super::util::unb64;
    use serde_json::{json, Value};

    const P256: &str = include_str!("../../../tests/fixtures/auth/ec-p256-sec1.pem");

    #[test]
    fn claims_and_header() {
        let a = auth(
            "asap",
            &[
                ("alg", json!("ES256")),
                ("kid", json!("svc/key1")),
                ("iss", json!("svc")),
                ("aud", json!("other")),
                ("exp", json!("60")),
                ("privateKey", json!(P256.replace('\n', ""))),
                ("claims", json!("{\"custom\": 1, \"aud\": \"override\"}")),
            ],
        );
        let mut p = Parts::new("GET", "http://h/");
        p.sign(&a).unwrap();
        let token = p
            .header("authorization")
            .unwrap()
            .strip_prefix("Bearer ")
            .unwrap();
        let parts: Vec<&str> = token.split('.').collect();
        let header: Value = serde_json::from_slice(&unb64(parts[0]).unwrap()).unwrap();
        let claims: Value = serde_json::from_slice(&unb64(parts[1]).unwrap()).unwrap();
        assert_eq!(header, json!({"alg": "ES256", "kid": "svc/key1"}));
        assert_eq!(claims["aud"], "override");
        assert_eq!(claims["sub"], "svc");
        assert_eq!(claims["custom"], 1);
        let (iat, exp) = (
            claims["iat"].as_i64().unwrap(),
            claims["exp"].as_i64().unwrap(),
        );
        assert_eq!(exp - iat, 60);
        assert_eq!(unb64(parts[2]).unwrap().len(), 64);
    }

    #[test]
    fn missing_claims() {
        let mut p = Parts::new("GET", "http://h/");
        let err = p.sign(&auth("asap", &[("kid", json!("k"))])).unwrap_err();
        assert!(err.to_string().contains("required claims missing"));
    }
}
