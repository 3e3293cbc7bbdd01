//! `/oauth2/token` (a token endpoint for the `client_credentials`, `authorization_code` and
//! `password` grants) and `/oauth2/user/info` (a resource that wants the issued bearer token).
//!
//! Client credentials come from HTTP Basic or from `client_id`/`client_secret` body parameters
//! (urlencoded, multipart or JSON).

use base64::Engine as _;
use serde_json::{json, Map, Value};

use super::auth::strip_scheme;
use super::shape;
use crate::mock::creds::{
    OAUTH2_ACCESS_TOKEN, OAUTH2_CLIENT_ID, OAUTH2_CLIENT_SECRET, PASSWORD, USERNAME,
};
use crate::mock::http::Exchange;
use crate::mock::reply::{self, Reply};

/// Seconds an issued token claims to live.
const EXPIRES_IN: u64 = 3600;

/// `POST /oauth2/token`.
pub(super) fn token(ex: &Exchange) -> Reply {
    if ex.method != "POST" {
        return reply::not_found(&ex.method, &ex.path);
    }
    let params = body_params(ex);
    let get = |key: &str| params.get(key).and_then(Value::as_str).unwrap_or("");
    let (id, secret) = basic_credentials(ex)
        .unwrap_or_else(|| (get("client_id").into(), get("client_secret").into()));
    if id != OAUTH2_CLIENT_ID || secret != OAUTH2_CLIENT_SECRET {
        let mut reply = error(401, "invalid_client");
        reply::set_header(&mut reply, "www-authenticate", "Basic realm=\"oauth2\"");
        return reply;
    }
    let granted = match get("grant_type") {
        "client_credentials" => true,
        "authorization_code" => !get("code").is_empty(),
        "password" => get("username") == USERNAME && get("password") == PASSWORD,
        "" => return error(400, "invalid_request"),
        _ => return error(400, "unsupported_grant_type"),
    };
    if !granted {
        return error(400, "invalid_grant");
    }
    let mut body = json!({
        "access_token": OAUTH2_ACCESS_TOKEN,
        "token_type": "Bearer",
        "expires_in": EXPIRES_IN,
    });
    if let (Some(scope), Some(object)) = (params.get("scope"), body.as_object_mut()) {
        object.insert("scope".into(), scope.clone());
    }
    let mut reply = reply::json(200, &body);
    reply::set_header(&mut reply, "cache-control", "no-store");
    reply
}

/// `GET /oauth2/user/info`: `200 {user_id, name}` for the issued token, else `401`.
pub(super) fn user_info(ex: &Exchange) -> Reply {
    let token = ex
        .header("authorization")
        .and_then(|v| strip_scheme(v, "Bearer"));
    if token.map(str::trim) == Some(OAUTH2_ACCESS_TOKEN) {
        return reply::json(200, &json!({ "user_id": USERNAME, "name": "Postman Echo" }));
    }
    let mut reply = error(401, "invalid_token");
    reply::set_header(
        &mut reply,
        "www-authenticate",
        "Bearer error=\"invalid_token\"",
    );
    reply
}

/// `(client_id, client_secret)` from `Authorization: Basic …`.
fn basic_credentials(ex: &Exchange) -> Option<(String, String)> {
    let encoded = strip_scheme(ex.header("authorization")?, "Basic")?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    Some((id.to_string(), secret.to_string()))
}

/// The body's parameters, whatever its encoding (repeated keys keep their first value).
fn body_params(ex: &Exchange) -> Map<String, Value> {
    let fields = shape::parse_body(ex);
    let source = match fields.json {
        Value::Object(object) => object,
        _ => fields.form,
    };
    source
        .into_iter()
        .map(|(key, value)| match value {
            Value::Array(mut values) if !values.is_empty() => (key, values.swap_remove(0)),
            other => (key, other),
        })
        .collect()
}

fn error(status: u16, code: &str) -> Reply {
    reply::json(status, &json!({ "error": code }))
}
