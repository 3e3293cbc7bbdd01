//! The management API (`{{apiPath}}/environments/{{envID}}/…`): a worker's bearer token, a known
//! environment, then the application and user routes.

use serde_json::Value;

use super::errors::{self, Refused};
use super::state::{Shared, State};
use super::wire;
use super::{apps, users};
use crate::mock::http::Exchange;
use crate::mock::reply::Reply;

/// Routes `/v1/environments/{env}/{rest…}`.
pub(crate) fn route(shared: &Shared, ex: &Exchange, env: &str, rest: &[&str]) -> Reply {
    let mut state = shared.lock();
    if let Err(reply) = authorize(&state, ex) {
        return *reply;
    }
    if !state.has_env(env) {
        return errors::not_found();
    }
    let base = format!("{}/v1/environments/{env}", wire::base_url(ex));
    let cx = Ctx {
        ex,
        env,
        base: &base,
    };
    match (ex.method.as_str(), rest) {
        ("POST", ["applications"]) => apps::create(&mut state, &cx),
        ("GET", ["applications", id]) => apps::read(&state, &cx, id),
        ("GET", ["applications", id, "secret"]) => apps::secret(&state, &cx, id),
        ("DELETE", ["applications", id]) => apps::delete(&mut state, &cx, id),
        ("POST", ["users"]) => users::create(&mut state, &cx),
        ("GET", ["users", id]) => users::read(&state, &cx, id),
        ("PUT", ["users", id, "password"]) => users::set_password(&mut state, &cx, id),
        ("DELETE", ["users", id]) => users::delete(&mut state, &cx, id),
        _ => errors::not_found(),
    }
}

/// What a management route needs besides the state.
pub(crate) struct Ctx<'a> {
    pub ex: &'a Exchange,
    pub env: &'a str,
    /// `{scheme}://{host}/v1/environments/{env}` for `_links`.
    pub base: &'a str,
}

impl Ctx<'_> {
    /// The body as a JSON object, after checking the media type is `media_type`.
    pub fn json_body(&self, media_type: &str) -> Result<serde_json::Map<String, Value>, Refused> {
        if !wire::has_media_type(self.ex, media_type) {
            return Err(Box::new(errors::media_type(
                self.ex.header("content-type"),
                media_type,
            )));
        }
        match serde_json::from_slice::<Value>(&self.ex.body) {
            Ok(Value::Object(map)) => Ok(map),
            _ => Err(Box::new(errors::invalid_request(
                "body",
                "The request body must be a JSON object.",
            ))),
        }
    }
}

/// The bearer token must be an unexpired worker token (one issued with client_credentials).
fn authorize(state: &State, ex: &Exchange) -> Result<(), Refused> {
    let token = wire::bearer(ex).ok_or_else(|| Box::new(errors::invalid_token()))?;
    match state.token(token) {
        Some(t) if t.user_id.is_none() => Ok(()),
        _ => Err(Box::new(errors::invalid_token())),
    }
}

#[cfg(test)]
mod tests {
    use super::super::state::{PingOneConfig, Token};
    use super::super::wire::testing::{exchange, read};
    use super::*;

    #[test]
    fn only_an_unexpired_worker_token_opens_the_api() {
        let config = PingOneConfig::default();
        let shared = Shared::new(&config);
        let token = |user: Option<&str>, expires: u64| Token {
            env_id: config.admin_env_id.clone(),
            client_id: "c".into(),
            user_id: user.map(str::to_owned),
            expires,
        };
        let far = super::super::state::now() + 60;
        shared
            .lock()
            .tokens
            .insert("worker".into(), token(None, far));
        shared
            .lock()
            .tokens
            .insert("user".into(), token(Some("u"), far));
        shared.lock().tokens.insert("old".into(), token(None, 1));
        let env = config.env_id.as_str();
        for (bearer, want) in [("worker", 404), ("user", 401), ("old", 401), ("none", 401)] {
            let auth = format!("Bearer {bearer}");
            let ex = exchange("GET", "/", &[("Authorization", &auth)], "");
            let (status, _, _) = read(route(&shared, &ex, env, &["nothing"]));
            assert_eq!(status, want, "{bearer}");
        }
    }

    #[test]
    fn json_bodies_need_the_media_type_and_an_object() {
        let ex = exchange("POST", "/", &[("Content-Type", "application/json")], "[1]");
        let cx = Ctx {
            ex: &ex,
            env: "e",
            base: "b",
        };
        let (status, _, body) = read(*cx.json_body("application/json").expect_err("array"));
        assert_eq!(
            (status, body["code"].as_str()),
            (400, Some("INVALID_REQUEST"))
        );
        let (status, _, _) = read(*cx.json_body("application/x").expect_err("media type"));
        assert_eq!(status, 415);
        let ex = exchange(
            "POST",
            "/",
            &[("Content-Type", "application/json; charset=utf-8")],
            "{\"a\":1}",
        );
        let cx = Ctx {
            ex: &ex,
            env: "e",
            base: "b",
        };
        assert_eq!(
            cx.json_body("application/json").map(|m| m.len()).ok(),
            Some(1)
        );
    }
}
