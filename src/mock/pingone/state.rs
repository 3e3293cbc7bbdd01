//! What the stand-in remembers: environments, applications (with secrets and registered keys),
//! users, sign-on flows, authorization codes and issued tokens. One mutex guards it all; every
//! handler runs to completion under the lock (nothing awaits inside).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use indexmap::IndexMap;
use rand::Rng;
use serde_json::{json, Value};

use super::demo;

/// The tenant the stand-in starts with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PingOneConfig {
    /// The admin environment, holding the worker application.
    pub admin_env_id: String,
    /// The worker application's client id (token endpoint auth `CLIENT_SECRET_BASIC`).
    pub admin_app_id: String,
    /// The worker application's client secret.
    pub admin_app_secret: String,
    /// A second environment for the workflows' applications and users.
    pub env_id: String,
}

impl Default for PingOneConfig {
    /// The demo tenant (`DEMO_*` constants).
    fn default() -> Self {
        PingOneConfig {
            admin_env_id: demo::DEMO_ADMIN_ENV_ID.to_string(),
            admin_app_id: demo::DEMO_ADMIN_APP_ID.to_string(),
            admin_app_secret: demo::DEMO_ADMIN_APP_SECRET.to_string(),
            env_id: demo::DEMO_ENV_ID.to_string(),
        }
    }
}

/// An OIDC application.
#[derive(Clone, Debug)]
pub(crate) struct App {
    pub id: String,
    pub env_id: String,
    pub enabled: bool,
    pub auth_method: String,
    pub secret: String,
    pub grant_types: Vec<String>,
    pub response_types: Vec<String>,
    pub redirect_uris: Vec<String>,
    pub pkce: String,
    /// The registered JWKS (`jwks`), parsed.
    pub jwks: Option<Value>,
    /// The resource as the API returns it.
    pub resource: Value,
}

/// A user with an optional password.
#[derive(Clone, Debug)]
pub(crate) struct User {
    pub id: String,
    pub env_id: String,
    pub username: String,
    pub password: Option<String>,
    pub resource: Value,
}

/// A PKCE challenge from the authorize request.
#[derive(Clone, Debug)]
pub(crate) struct Challenge {
    pub value: String,
    pub method: String,
}

/// What the authorize request asked for; carried from the flow to the code.
#[derive(Clone, Debug)]
pub(crate) struct Grant {
    pub env_id: String,
    pub app_id: String,
    pub redirect_uri: String,
    pub scope: String,
    pub state: Option<String>,
    pub nonce: Option<String>,
    pub challenge: Option<Challenge>,
}

/// A sign-on flow started by `as/authorize`.
#[derive(Clone, Debug)]
pub(crate) struct Flow {
    pub id: String,
    pub grant: Grant,
    /// The `ST` session cookie value the flow is bound to.
    pub session: String,
    pub status: &'static str,
    pub user_id: Option<String>,
    pub created: u64,
}

/// An authorization code.
#[derive(Clone, Debug)]
pub(crate) struct Code {
    pub grant: Grant,
    pub user_id: String,
    pub expires: u64,
}

/// An issued access token.
#[derive(Clone, Debug)]
pub(crate) struct Token {
    pub env_id: String,
    pub client_id: String,
    pub user_id: Option<String>,
    pub expires: u64,
}

/// The whole in-memory tenant.
#[derive(Debug)]
pub(crate) struct State {
    pub environments: Vec<String>,
    pub apps: IndexMap<String, App>,
    pub users: IndexMap<String, User>,
    pub flows: HashMap<String, Flow>,
    pub codes: HashMap<String, Code>,
    pub tokens: HashMap<String, Token>,
    /// Every client secret ever issued, kept after the application is deleted (for tests).
    pub secrets: HashMap<String, String>,
    /// Key the stand-in signs its own tokens with (HS256).
    pub signing_key: [u8; 32],
}

impl State {
    pub fn new(config: &PingOneConfig) -> Self {
        let mut state = State {
            environments: vec![config.admin_env_id.clone(), config.env_id.clone()],
            apps: IndexMap::new(),
            users: IndexMap::new(),
            flows: HashMap::new(),
            codes: HashMap::new(),
            tokens: HashMap::new(),
            secrets: HashMap::new(),
            signing_key: rand::rng().random(),
        };
        let worker = App {
            id: config.admin_app_id.clone(),
            env_id: config.admin_env_id.clone(),
            enabled: true,
            auth_method: "CLIENT_SECRET_BASIC".into(),
            secret: config.admin_app_secret.clone(),
            grant_types: vec!["CLIENT_CREDENTIALS".into()],
            response_types: Vec::new(),
            redirect_uris: Vec::new(),
            pkce: "OPTIONAL".into(),
            jwks: None,
            resource: json!({
                "id": config.admin_app_id,
                "environment": {"id": config.admin_env_id},
                "name": "postie demo worker",
                "type": "WORKER",
                "protocol": "OPENID_CONNECT",
                "enabled": true,
                "grantTypes": ["CLIENT_CREDENTIALS"],
                "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC",
            }),
        };
        state
            .secrets
            .insert(worker.id.clone(), worker.secret.clone());
        state.apps.insert(worker.id.clone(), worker);
        state
    }

    pub fn has_env(&self, env_id: &str) -> bool {
        self.environments.iter().any(|e| e == env_id)
    }

    /// The application `id` in `env_id`.
    pub fn app(&self, env_id: &str, id: &str) -> Option<&App> {
        self.apps.get(id).filter(|a| a.env_id == env_id)
    }

    /// The user `id` in `env_id`.
    pub fn user(&self, env_id: &str, id: &str) -> Option<&User> {
        self.users.get(id).filter(|u| u.env_id == env_id)
    }

    /// An unexpired token.
    pub fn token(&self, token: &str) -> Option<&Token> {
        self.tokens.get(token).filter(|t| t.expires > now())
    }
}

/// The state shared by every connection. Cheap to clone.
#[derive(Clone, Debug)]
pub(crate) struct Shared(Arc<Mutex<State>>);

impl Shared {
    pub fn new(config: &PingOneConfig) -> Self {
        Shared(Arc::new(Mutex::new(State::new(config))))
    }

    pub fn lock(&self) -> MutexGuard<'_, State> {
        // A panicking handler cannot leave the maps half-written in a way that matters here.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Seconds since the Unix epoch.
pub(crate) fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// A fresh resource id.
pub(crate) fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A client secret in PingOne's alphabet (letters, digits and `-._~`), 64 characters.
pub(crate) fn new_secret() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    let mut rng = rand::rng();
    (0..64)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect()
}

/// `2025-04-17T10:00:00.000Z` for a Unix time.
pub(crate) fn timestamp(secs: u64) -> String {
    chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_with_the_worker_app_in_the_admin_environment() {
        let config = PingOneConfig::default();
        let state = State::new(&config);
        assert!(state.has_env(&config.env_id) && state.has_env(&config.admin_env_id));
        let worker = state
            .app(&config.admin_env_id, &config.admin_app_id)
            .expect("worker");
        assert_eq!(worker.secret, config.admin_app_secret);
        assert!(state.app(&config.env_id, &config.admin_app_id).is_none());
    }

    #[test]
    fn secrets_use_the_expected_alphabet() {
        let s = new_secret();
        assert_eq!(s.len(), 64);
        assert!(s
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~".contains(c)));
        assert_ne!(s, new_secret());
        assert_eq!(timestamp(0), "1970-01-01T00:00:00.000Z");
    }
}
