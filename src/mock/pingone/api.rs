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
