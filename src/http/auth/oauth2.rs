//! `oauth2`: the access token as `Authorization: <headerPrefix> <token>` (prefix `Bearer` by
//! default) or, with `addTokenTo: queryParams`, as `access_token=<token>`. Nothing without a
//! token; `tokenType: mac` is not supported (as in Newman).
//!
//! Beyond Newman: [`Grant`] reads the token-fetching parameters (`grant_type`
//! `client_credentials`, `password_credentials`/`password`, or `authorization_code` with a
//! `refreshToken`; `accessTokenUrl`, `clientId`, `clientSecret`, `scope`, `username`,
//! `password`, `client_authentication` `header`/`body`, `tokenRequestParams`), so that
//! `super::super::flow` can fetch, cache and refresh tokens.

use super::util::{rfc3986, text};
use super::Target;
use crate::collection::Auth;
use crate::http::error::RequestError;
use serde_json::Value;
use std::time::{Duration, Instant};

pub(super) fn sign(auth: &Auth, target: &mut Target<'_>) -> Result<(), RequestError> {
    let Some(token) = text(auth, "accessToken") else {
        return Ok(());
    };
    if auth
        .param("tokenType")
        .is_some_and(|t| t.eq_ignore_ascii_case("mac"))
    {
        return Ok(());
    }
    let place = auth.param("addTokenTo").unwrap_or_default();
    if matches!(place.as_str(), "queryParams" | "url" | "query") {
        target.set_query("access_token", rfc3986(&token));
        return Ok(());
    }
    let prefix = match auth.params.get("headerPrefix") {
        Some(Value::String(p)) => p.trim().to_string(),
        _ => "Bearer".to_string(),
    };
    let value = if prefix.is_empty() {
        token
    } else {
        format!("{prefix} {token}")
    };
    target.replace_header("Authorization", value);
    Ok(())
}

/// `auth` with `accessToken` set to `token`.
pub(crate) fn with_token(auth: &Auth, token: &str) -> Auth {
    let mut a = auth.clone();
    a.params
        .insert("accessToken".into(), Value::String(token.to_string()));
    a
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GrantKind {
    ClientCredentials,
    Password,
    /// Only with a refresh token: the code exchange needs a browser.
    AuthorizationCode,
}

/// How to get a token for an `oauth2` auth, when it says.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Grant {
    pub kind: GrantKind,
    pub token_url: String,
    pub refresh_url: String,
    pub client_id: String,
    pub client_secret: String,
    pub scope: String,
    pub username: String,
    pub password: String,
    /// `client_authentication: header` (the default): HTTP Basic; else body parameters.
    pub basic: bool,
    /// A refresh token given in the auth (authorization_code).
    pub refresh_token: Option<String>,
    /// `tokenRequestParams` (enabled ones): `(key, value, send_as)`.
    pub extra: Vec<(String, String, String)>,
}

impl Grant {
    /// The grant an auth describes, or `None` when postie should only use `accessToken`.
    pub fn from_auth(auth: &Auth) -> Option<Grant> {
        let get = |k: &str| auth.param(k).unwrap_or_default().trim().to_string();
        let kind = match get("grant_type").as_str() {
            "client_credentials" => GrantKind::ClientCredentials,
            "password" | "password_credentials" => GrantKind::Password,
            "authorization_code" | "authorization_code_with_pkce" => GrantKind::AuthorizationCode,
            _ => return None,
        };
        let token_url = get("accessTokenUrl");
        let refresh_token = text(auth, "refreshToken").or_else(|| text(auth, "refresh_token"));
        if token_url.is_empty() || (kind == GrantKind::AuthorizationCode && refresh_token.is_none())
        {
            return None;
        }
        let refresh_url = Some(get("refreshTokenUrl"))
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| token_url.clone());
        let extra = match auth.params.get("tokenRequestParams") {
            Some(Value::Array(list)) => list
                .iter()
                .filter(|p| p.get("enabled").and_then(Value::as_bool) != Some(false))
                .filter_map(|p| {
                    let key = p.get("key")?.as_str()?.to_string();
                    let value = match p.get("value") {
                        Some(Value::String(s)) => s.clone(),
                        Some(Value::Null) | None => String::new(),
                        Some(v) => v.to_string(),
                    };
                    let send_as = p
                        .get("send_as")
                        .and_then(Value::as_str)
                        .unwrap_or("request_body")
                        .to_string();
                    Some((key, value, send_as))
                })
                .collect(),
            _ => Vec::new(),
        };
        Some(Grant {
            kind,
            token_url,
            refresh_url,
            client_id: get("clientId"),
            client_secret: auth.param("clientSecret").unwrap_or_default(),
            scope: get("scope"),
            username: get("username"),
            password: auth.param("password").unwrap_or_default(),
            basic: get("client_authentication") != "body",
            refresh_token,
            extra,
        })
    }

    /// The run-wide cache key: token URL, client, scope, grant (and user for password grants).
    pub fn cache_key(&self) -> String {
        format!(
            "{:?}\n{}\n{}\n{}\n{}",
            self.kind, self.token_url, self.client_id, self.scope, self.username
        )
    }

    /// The token request: `(url, headers, form)`. With `refresh`, a `refresh_token` grant.
    pub fn request(&self, refresh: Option<&str>) -> TokenRequest {
        let mut form: Vec<(String, String)> = Vec::new();
        let mut url = self.token_url.clone();
        match (refresh, self.kind) {
            (Some(rt), _) => {
                url = self.refresh_url.clone();
                form.push(("grant_type".into(), "refresh_token".into()));
                form.push(("refresh_token".into(), rt.to_string()));
            }
            (None, GrantKind::ClientCredentials) => {
                form.push(("grant_type".into(), "client_credentials".into()));
            }
            (None, GrantKind::Password) => {
                form.push(("grant_type".into(), "password".into()));
                form.push(("username".into(), self.username.clone()));
                form.push(("password".into(), self.password.clone()));
            }
            (None, GrantKind::AuthorizationCode) => {
                url = self.refresh_url.clone();
                form.push(("grant_type".into(), "refresh_token".into()));
                form.push((
                    "refresh_token".into(),
                    self.refresh_token.clone().unwrap_or_default(),
                ));
            }
        }
        if !self.scope.is_empty() {
            form.push(("scope".into(), self.scope.clone()));
        }
        let mut headers = vec![("Accept".to_string(), "application/json".to_string())];
        if self.basic {
            headers.push((
                "Authorization".into(),
                super::basic_header(&self.client_id, &self.client_secret),
            ));
        } else {
            form.push(("client_id".into(), self.client_id.clone()));
            if !self.client_secret.is_empty() {
                form.push(("client_secret".into(), self.client_secret.clone()));
            }
        }
        let mut query = Vec::new();
        for (k, v, send_as) in &self.extra {
            match send_as.as_str() {
                "request_header" => headers.push((k.clone(), v.clone())),
                "request_url" => query.push(format!("{}={}", rfc3986(k), rfc3986(v))),
                _ => form.push((k.clone(), v.clone())),
            }
        }
        if !query.is_empty() {
            url.push(if url.contains('?') { '&' } else { '?' });
            url.push_str(&query.join("&"));
        }
        TokenRequest { url, headers, form }
    }
}

/// A token endpoint request.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TokenRequest {
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub form: Vec<(String, String)>,
}

/// A token as the endpoint issued it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub access_token: String,
    pub refresh_token: Option<String>,
    /// When to stop using it (30 s before `expires_in` runs out); `None`: until a 401.
    pub expires_at: Option<Instant>,
}

impl Token {
    /// Reads a token response (JSON, or a form as some providers answer).
    pub fn parse(body: &[u8], now: Instant) -> Option<Token> {
        let fields: Vec<(String, String)> = match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(o)) => o
                .into_iter()
                .map(|(k, v)| match v {
                    Value::String(s) => (k, s),
                    other => (k, other.to_string()),
                })
                .collect(),
            _ => String::from_utf8_lossy(body)
                .split('&')
                .filter_map(|p| p.split_once('='))
                .map(|(k, v)| {
                    let d = |s: &str| crate::http::urlenc::percent_decode(&s.replace('+', " "));
                    (d(k), d(v))
                })
                .collect(),
        };
        let get = |k: &str| {
            fields
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .filter(|v| !v.is_empty() && v != "null")
        };
        let access_token = get("access_token")?;
        let expires_at = get("expires_in")
            .and_then(|s| s.trim().parse::<f64>().ok())
            .filter(|s| *s > 0.0)
            .map(|s| now + Duration::from_secs_f64((s - 30.0).max(s / 2.0)));
        Some(Token {
            access_token,
            refresh_token: get("refresh_token"),
            expires_at,
        })
    }

    pub fn fresh(&self, now: Instant) -> bool {
        self.expires_at.is_none_or(|at| now < at)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_target::{auth, Parts};
    use super::*;
    use serde_json::json;

    #[test]
    fn header_prefix_and_query_placement() {
        let mut p = Parts::new("GET", "http://h/?access_token=old");
        p.sign(&auth("oauth2", &[("accessToken", json!("t+1"))]))
            .unwrap();
        assert_eq!(p.header("authorization"), Some("Bearer t+1"));
        p.sign(&auth(
            "oauth2",
            &[("accessToken", json!("t")), ("headerPrefix", json!(""))],
        ))
        .unwrap();
        assert_eq!(p.header("authorization"), Some("t"));
        p.sign(&auth(
            "oauth2",
            &[
                ("accessToken", json!("t+1")),
                ("addTokenTo", json!("queryParams")),
            ],
        ))
        .unwrap();
        assert_eq!(p.href(), "http://h/?access_token=t%2B1");
    }

    #[test]
    fn grants_and_token_requests() {
        let a = auth(
            "oauth2",
            &[
                ("grant_type", json!("client_credentials")),
                ("accessTokenUrl", json!("http://h/token")),
                ("clientId", json!("id")),
                ("clientSecret", json!("s")),
                ("scope", json!("read")),
                ("client_authentication", json!("body")),
            ],
        );
        let g = Grant::from_auth(&a).unwrap();
        let r = g.request(None);
        assert_eq!(r.url, "http://h/token");
        assert_eq!(
            r.form,
            vec![
                ("grant_type".to_string(), "client_credentials".to_string()),
                ("scope".into(), "read".into()),
                ("client_id".into(), "id".into()),
                ("client_secret".into(), "s".into()),
            ]
        );
        let code = auth(
            "oauth2",
            &[
                ("grant_type", json!("authorization_code")),
                ("accessTokenUrl", json!("http://h/token")),
            ],
        );
        assert_eq!(Grant::from_auth(&code), None);
        assert_eq!(Grant::from_auth(&auth("oauth2", &[])), None);
    }

    #[test]
    fn token_responses() {
        let now = Instant::now();
        let t = Token::parse(br#"{"access_token":"a","expires_in":3600}"#, now).unwrap();
        assert_eq!(t.access_token, "a");
        assert!(t.fresh(now) && !t.fresh(now + Duration::from_secs(3600)));
        let t = Token::parse(b"access_token=b&refresh_token=r", now).unwrap();
        assert_eq!(
            (t.access_token.as_str(), t.refresh_token.as_deref()),
            ("b", Some("r"))
        );
        assert!(Token::parse(br#"{"error":"invalid_client"}"#, now).is_none());
    }
}
