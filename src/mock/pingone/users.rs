//! Users: create, read, set the password (`application/vnd.pingidentity.password.set+json`,
//! checked against PingOne's default password policy), delete.

use serde_json::{json, Map, Value};

use super::api::Ctx;
use super::errors::{self, HAL_JSON};
use super::state::{new_id, now, timestamp, State, User};
use crate::mock::reply::Reply;

/// The media type that selects the "set password" action.
pub(crate) const PASSWORD_SET: &str = "application/vnd.pingidentity.password.set+json";
/// The id of the default population every user lands in.
const POPULATION_ID: &str = "9c0e4b1d-3f2a-4d5e-8b6c-7a9f0e1d2c3b";
/// The id of the default password policy.
const PASSWORD_POLICY_ID: &str = "4a8b2c6d-1e3f-4a5b-9c7d-8e0f1a2b3c4d";

/// `POST /environments/{env}/users`.
pub(crate) fn create(state: &mut State, cx: &Ctx<'_>) -> Reply {
    let body = match cx.json_body("application/json") {
        Ok(b) => b,
        Err(reply) => return *reply,
    };
    let username = match body.get("username").and_then(Value::as_str) {
        Some(u) if !u.trim().is_empty() => u.to_string(),
        _ => return errors::invalid_data("REQUIRED_VALUE", "username", "username is required"),
    };
    let taken = state
        .users
        .values()
        .any(|u| u.env_id == cx.env && u.username.eq_ignore_ascii_case(&username));
    if taken {
        return errors::invalid_data(
            "UNIQUENESS_VIOLATION",
            "username",
            "username must be unique within the environment",
        );
    }
    if let Some(email) = body.get("email") {
        if !email.as_str().is_some_and(|e| e.contains('@')) {
            return errors::invalid_data(
                "INVALID_VALUE",
                "email",
                "email must be a valid email address",
            );
        }
    }
    let id = new_id();
    let resource = resource(&id, cx, body);
    let user = User {
        id: id.clone(),
        env_id: cx.env.to_string(),
        username,
        password: None,
        resource: resource.clone(),
    };
    state.users.insert(id, user);
    errors::ok(201, HAL_JSON, &resource)
}

/// `GET /environments/{env}/users/{id}`.
pub(crate) fn read(state: &State, cx: &Ctx<'_>, id: &str) -> Reply {
    match state.user(cx.env, id) {
        Some(u) => errors::ok(200, HAL_JSON, &u.resource),
        None => errors::not_found(),
    }
}

/// `PUT /environments/{env}/users/{id}/password` with the `password.set` media type.
pub(crate) fn set_password(state: &mut State, cx: &Ctx<'_>, id: &str) -> Reply {
    if state.user(cx.env, id).is_none() {
        return errors::not_found();
    }
    let body = match cx.json_body(PASSWORD_SET) {
        Ok(b) => b,
        Err(reply) => return *reply,
    };
    let Some(value) = body.get("value").and_then(Value::as_str) else {
        return errors::invalid_data("REQUIRED_VALUE", "value", "value is required");
    };
    if let Err(why) = policy(value) {
        return errors::invalid_data("INVALID_VALUE", "password", &why);
    }
    if let Some(user) = state.users.get_mut(id) {
        user.password = Some(value.to_string());
    }
    let body = json!({
        "_links": {
            "self": {"href": format!("{}/users/{id}/password", cx.base)},
            "user": {"href": format!("{}/users/{id}", cx.base)},
        },
        "environment": {"id": cx.env},
        "user": {"id": id},
        "passwordPolicy": {"id": PASSWORD_POLICY_ID},
        "status": "OK",
        "lastChangedAt": timestamp(now()),
    });
    errors::ok(200, HAL_JSON, &body)
}

/// `DELETE /environments/{env}/users/{id}`: the user's codes and tokens go too.
pub(crate) fn delete(state: &mut State, cx: &Ctx<'_>, id: &str) -> Reply {
    if state.user(cx.env, id).is_none() {
        return errors::not_found();
    }
    state.users.shift_remove(id);
    state.codes.retain(|_, c| c.user_id != id);
    state.tokens.retain(|_, t| t.user_id.as_deref() != Some(id));
    crate::mock::reply::empty(204)
}

/// PingOne's default ("Standard") policy: 8+ characters with upper, lower, digit and special.
fn policy(password: &str) -> Result<(), String> {
    let has = |f: fn(&char) -> bool| password.chars().any(|c| f(&c));
    let ok = password.chars().count() >= 8
        && has(char::is_ascii_uppercase)
        && has(char::is_ascii_lowercase)
        && has(char::is_ascii_digit)
        && has(|c| !c.is_alphanumeric() && !c.is_whitespace());
    ok.then_some(()).ok_or_else(|| {
        "User password did not satisfy password policy requirements: at least 8 characters, \
         with an upper-case letter, a lower-case letter, a digit and a special character"
            .to_string()
    })
}

fn resource(id: &str, cx: &Ctx<'_>, body: Map<String, Value>) -> Value {
    let at = timestamp(now());
    let mut r = Map::new();
    r.insert(
        "_links".into(),
        json!({
            "self": {"href": format!("{}/users/{id}", cx.base)},
            "password.set": {"href": format!("{}/users/{id}/password", cx.base)},
            "environment": {"href": cx.base},
        }),
    );
    r.insert("id".into(), json!(id));
    r.insert("environment".into(), json!({"id": cx.env}));
    r.insert("population".into(), json!({"id": POPULATION_ID}));
    r.insert("createdAt".into(), json!(at));
    r.insert("enabled".into(), json!(true));
    r.insert("lifecycle".into(), json!({"status": "ACCOUNT_OK"}));
    r.insert("mfaEnabled".into(), json!(false));
    r.extend(body);
    r.remove("password");
    r.insert("updatedAt".into(), json!(at));
    Value::Object(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_policy() {
        assert!(policy("2FederateM0re!").is_ok());
        assert!(policy("Sh0rt!").is_err());
        assert!(policy("alllowercase1!").is_err());
        assert!(policy("NoDigitsHere!").is_err());
        assert!(policy("NoSpecial123").is_err());
    }
}
