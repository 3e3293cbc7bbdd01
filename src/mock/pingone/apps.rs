//! Applications: create (validated as PingOne validates OIDC apps), read, read the secret,
//! delete.

use serde_json::{json, Map, Value};

use super::api::Ctx;
use super::errors::{self, HAL_JSON};
use super::jwt;
use super::state::{new_id, new_secret, now, timestamp, App, State};
use crate::mock::reply::Reply;

const TYPES: &[&str] = &[
    "WEB_APP",
    "NATIVE_APP",
    "SINGLE_PAGE_APP",
    "WORKER",
    "SERVICE",
    "CUSTOM_APP",
];
const GRANT_TYPES: &[&str] = &[
    "AUTHORIZATION_CODE",
    "IMPLICIT",
    "CLIENT_CREDENTIALS",
    "REFRESH_TOKEN",
    "DEVICE_CODE",
];
const RESPONSE_TYPES: &[&str] = &["CODE", "TOKEN", "ID_TOKEN"];
/// The token endpoint authentication methods.
pub(crate) const AUTH_METHODS: &[&str] = &[
    "NONE",
    "CLIENT_SECRET_BASIC",
    "CLIENT_SECRET_POST",
    "CLIENT_SECRET_JWT",
    "PRIVATE_KEY_JWT",
];
const PKCE: &[&str] = &["OPTIONAL", "REQUIRED", "S256_REQUIRED"];

/// `POST /environments/{env}/applications`.
pub(crate) fn create(state: &mut State, cx: &Ctx<'_>) -> Reply {
    let body = match cx.json_body("application/json") {
        Ok(b) => b,
        Err(reply) => return *reply,
    };
    let app = match validate(&body, cx.env) {
        Ok(app) => app,
        Err(details) => {
            return errors::platform(400, "INVALID_DATA", errors::MSG_INVALID_DATA, details)
        }
    };
    let app = with_resource(app, body, cx.base);
    state.secrets.insert(app.id.clone(), app.secret.clone());
    let resource = app.resource.clone();
    state.apps.insert(app.id.clone(), app);
    errors::ok(201, HAL_JSON, &resource)
}

/// `GET /environments/{env}/applications/{id}`.
pub(crate) fn read(state: &State, cx: &Ctx<'_>, id: &str) -> Reply {
    match state.app(cx.env, id) {
        Some(app) => errors::ok(200, HAL_JSON, &app.resource),
        None => errors::not_found(),
    }
}

/// `GET /environments/{env}/applications/{id}/secret`.
pub(crate) fn secret(state: &State, cx: &Ctx<'_>, id: &str) -> Reply {
    let Some(app) = state.app(cx.env, id) else {
        return errors::not_found();
    };
    let body = json!({
        "_links": {
            "self": {"href": format!("{}/applications/{id}/secret", cx.base)},
            "application": {"href": format!("{}/applications/{id}", cx.base)},
        },
        "secret": app.secret,
    });
    errors::ok(200, HAL_JSON, &body)
}

/// `DELETE /environments/{env}/applications/{id}`: its flows, codes and tokens go too.
pub(crate) fn delete(state: &mut State, cx: &Ctx<'_>, id: &str) -> Reply {
    if state.app(cx.env, id).is_none() {
        return errors::not_found();
    }
    state.apps.shift_remove(id);
    state.flows.retain(|_, f| f.grant.app_id != id);
    state.codes.retain(|_, c| c.grant.app_id != id);
    state.tokens.retain(|_, t| t.client_id != id);
    crate::mock::reply::empty(204)
}

/// The application a valid body describes, or the `details` of what is wrong.
fn validate(body: &Map<String, Value>, env: &str) -> Result<App, Vec<Value>> {
    let mut details = Vec::new();
    let mut bad = |code: &str, target: &str, message: String| {
        details.push(errors::detail(code, target, &message));
    };
    match body.get("name").and_then(Value::as_str) {
        Some(n) if !n.trim().is_empty() => {}
        _ => bad("REQUIRED_VALUE", "name", "name is required".into()),
    }
    let enabled = match body.get("enabled") {
        Some(Value::Bool(b)) => *b,
        _ => {
            bad(
                "REQUIRED_VALUE",
                "enabled",
                "enabled is required and must be a boolean".into(),
            );
            false
        }
    };
    one_of(body, "type", TYPES, None, &mut bad);
    match body.get("protocol").and_then(Value::as_str) {
        Some("OPENID_CONNECT") => {}
        Some(other) => bad(
            "INVALID_VALUE",
            "protocol",
            format!("protocol '{other}' is not supported by this stand-in (OPENID_CONNECT only)"),
        ),
        None => bad("REQUIRED_VALUE", "protocol", "protocol is required".into()),
    }
    let grant_types = list(body, "grantTypes", GRANT_TYPES, true, &mut bad);
    let response_types = list(body, "responseTypes", RESPONSE_TYPES, false, &mut bad);
    let redirect_uris = strings(body, "redirectUris", &mut bad);
    let code_flow = grant_types.iter().any(|g| g == "AUTHORIZATION_CODE");
    if code_flow && !response_types.iter().any(|r| r == "CODE") {
        bad(
            "INVALID_VALUE",
            "responseTypes",
            "responseTypes must include CODE for the AUTHORIZATION_CODE grant type".into(),
        );
    }
    if code_flow && redirect_uris.is_empty() {
        bad(
            "REQUIRED_VALUE",
            "redirectUris",
            "redirectUris is required for the AUTHORIZATION_CODE grant type".into(),
        );
    }
    let auth_method = one_of(
        body,
        "tokenEndpointAuthMethod",
        AUTH_METHODS,
        Some("CLIENT_SECRET_BASIC"),
        &mut bad,
    );
    let pkce = one_of(body, "pkceEnforcement", PKCE, Some("OPTIONAL"), &mut bad);
    let jwks = registered_keys(body, &auth_method, &mut bad);
    if !details.is_empty() {
        return Err(details);
    }
    Ok(App {
        id: new_id(),
        env_id: env.to_string(),
        enabled,
        auth_method,
        secret: new_secret(),
        grant_types,
        response_types,
        redirect_uris,
        pkce,
        jwks,
        resource: Value::Null,
    })
}

/// `jwks` (a JWKS as a JSON string) parsed; required for PRIVATE_KEY_JWT.
fn registered_keys(
    body: &Map<String, Value>,
    auth_method: &str,
    bad: &mut impl FnMut(&str, &str, String),
) -> Option<Value> {
    if body.contains_key("jwksUrl") {
        bad(
            "INVALID_VALUE",
            "jwksUrl",
            "this stand-in cannot fetch a jwksUrl; register the keys with jwks".into(),
        );
        return None;
    }
    match body.get("jwks") {
        None if auth_method == "PRIVATE_KEY_JWT" => {
            bad(
                "REQUIRED_VALUE",
                "jwks",
                "jwks or jwksUrl is required when tokenEndpointAuthMethod is PRIVATE_KEY_JWT"
                    .into(),
            );
            None
        }
        None => None,
        Some(Value::String(text)) => {
            let parsed: Option<Value> = serde_json::from_str(text).ok();
            match parsed.as_ref().map(jwt::check_jwks) {
                Some(Ok(())) => parsed,
                Some(Err(why)) => {
                    bad("INVALID_VALUE", "jwks", why);
                    None
                }
                None => {
                    bad(
                        "INVALID_VALUE",
                        "jwks",
                        "jwks must be a JWKS document serialized as a string".into(),
                    );
                    None
                }
            }
        }
        Some(_) => {
            bad(
                "INVALID_VALUE",
                "jwks",
                "jwks must be a string holding the JWKS JSON".into(),
            );
            None
        }
    }
}

/// A string field that must be one of `allowed` (or `default` when absent).
fn one_of(
    body: &Map<String, Value>,
    field: &str,
    allowed: &[&str],
    default: Option<&str>,
    bad: &mut impl FnMut(&str, &str, String),
) -> String {
    match (body.get(field), default) {
        (None, Some(d)) => d.to_string(),
        (Some(Value::String(s)), _) if allowed.contains(&s.as_str()) => s.clone(),
        (None, None) => {
            bad("REQUIRED_VALUE", field, format!("{field} is required"));
            String::new()
        }
        (Some(v), _) => {
            bad(
                "INVALID_VALUE",
                field,
                format!("{field} must be one of {} (got {v})", allowed.join(", ")),
            );
            String::new()
        }
    }
}

/// An array of strings, each one of `allowed`.
fn list(
    body: &Map<String, Value>,
    field: &str,
    allowed: &[&str],
    required: bool,
    bad: &mut impl FnMut(&str, &str, String),
) -> Vec<String> {
    let items = strings(body, field, bad);
    if required && items.is_empty() {
        bad(
            "REQUIRED_VALUE",
            field,
            format!("{field} must list at least one value"),
        );
    }
    for item in items.iter().filter(|i| !allowed.contains(&i.as_str())) {
        bad(
            "INVALID_VALUE",
            field,
            format!("'{item}' is not one of {}", allowed.join(", ")),
        );
    }
    items
}

/// An optional array of strings.
fn strings(
    body: &Map<String, Value>,
    field: &str,
    bad: &mut impl FnMut(&str, &str, String),
) -> Vec<String> {
    match body.get(field) {
        None => Vec::new(),
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        Some(_) => {
            bad(
                "INVALID_VALUE",
                field,
                format!("{field} must be an array of strings"),
            );
            Vec::new()
        }
    }
}

/// Fills in the resource the API returns: the request's fields plus ids, defaults and links.
fn with_resource(mut app: App, body: Map<String, Value>, base: &str) -> App {
    let at = timestamp(now());
    let mut r = Map::new();
    r.insert(
        "_links".into(),
        json!({
            "self": {"href": format!("{base}/applications/{}", app.id)},
            "environment": {"href": base},
            "secret": {"href": format!("{base}/applications/{}/secret", app.id)},
        }),
    );
    r.insert("environment".into(), json!({"id": app.env_id}));
    r.insert("id".into(), json!(app.id));
    r.extend(body);
    r.insert("tokenEndpointAuthMethod".into(), json!(app.auth_method));
    r.insert("pkceEnforcement".into(), json!(app.pkce));
    r.insert("createdAt".into(), json!(at));
    r.insert("updatedAt".into(), json!(at));
    app.resource = Value::Object(r);
    app
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap_or_default()
    }

    fn web_app() -> Value {
        json!({
            "enabled": true, "name": "x", "type": "WEB_APP", "protocol": "OPENID_CONNECT",
            "grantTypes": ["AUTHORIZATION_CODE"], "responseTypes": ["CODE"],
            "redirectUris": ["https://example.com/cb"],
        })
    }

    #[test]
    fn a_minimal_web_app_gets_the_defaults() {
        let app = validate(&body(web_app()), "env").expect("valid");
        assert_eq!(app.auth_method, "CLIENT_SECRET_BASIC");
        assert_eq!(app.pkce, "OPTIONAL");
        assert_eq!(app.secret.len(), 64);
        let app = with_resource(app, body(web_app()), "http://h/v1/environments/env");
        assert_eq!(
            app.resource["tokenEndpointAuthMethod"],
            "CLIENT_SECRET_BASIC"
        );
        assert_eq!(app.resource["environment"]["id"], "env");
    }

    #[test]
    fn every_problem_is_a_detail() {
        let mut v = web_app();
        v["grantTypes"] = json!(["AUTHORIZATION_CODE", "PASSWORD"]);
        v["responseTypes"] = json!([]);
        v["redirectUris"] = json!("https://x");
        v["tokenEndpointAuthMethod"] = json!("PRIVATE_KEY_JWT");
        v.as_object_mut().map(|o| o.remove("name"));
        let details = validate(&body(v), "env").expect_err("invalid");
        let targets: Vec<&str> = details
            .iter()
            .filter_map(|d| d["target"].as_str())
            .collect();
        assert_eq!(
            targets,
            [
                "name",
                "grantTypes",
                "redirectUris",
                "responseTypes",
                "redirectUris",
                "jwks"
            ]
        );
    }

    #[test]
    fn jwks_must_be_a_string_holding_an_rsa_key() {
        let mut v = web_app();
        v["tokenEndpointAuthMethod"] = json!("PRIVATE_KEY_JWT");
        v["jwks"] = json!({"keys": []});
        let details = validate(&body(v.clone()), "env").expect_err("object");
        assert!(details[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("string")));
        v["jwks"] = json!("{\"keys\": []}");
        let details = validate(&body(v), "env").expect_err("no key");
        assert!(details[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("RSA")));
    }
}
