//! The `pi.flow` sign-on: `as/authorize` starts a flow bound to an `ST` session cookie,
//! `flows/{id}` takes `usernamePassword.check`, `as/resume` redirects to the application with a
//! code.

use serde_json::{json, Value};

use super::errors::{self, Refused, HAL_JSON};
use super::state::{new_id, now, timestamp, App, Challenge, Code, Flow, Grant, Shared, State};
use super::wire::{self, field, Form};
use crate::mock::http::Exchange;
use crate::mock::reply::{self, Reply};

/// The media type of the `usernamePassword.check` action.
pub(crate) const USERNAME_PASSWORD_CHECK: &str =
    "application/vnd.pingidentity.usernamePassword.check+json";
const FORM: &str = "application/x-www-form-urlencoded";
/// How long a flow stays usable.
const FLOW_LIFETIME: u64 = 15 * 60;
/// How long a code stays usable.
const CODE_LIFETIME: u64 = 60;
const USERNAME_PASSWORD_REQUIRED: &str = "USERNAME_PASSWORD_REQUIRED";
const COMPLETED: &str = "COMPLETED";

/// `GET|POST /{env}/as/authorize` with `response_mode=pi.flow`.
pub(crate) fn authorize(shared: &Shared, ex: &Exchange, env: &str) -> Reply {
    let params = if ex.method == "POST" {
        if !wire::has_media_type(ex, FORM) {
            return errors::oauth(
                400,
                "invalid_request",
                "The authorization request must be sent as application/x-www-form-urlencoded",
            );
        }
        wire::form(&ex.body)
    } else {
        wire::query(ex)
    };
    let mut state = shared.lock();
    if !state.has_env(env) {
        return errors::not_found();
    }
    let (grant, app_name) = match check_authorize(&state, env, &params) {
        Ok(ok) => ok,
        Err(reply) => return *reply,
    };
    let flow = Flow {
        id: new_id(),
        grant,
        session: new_id(),
        status: USERNAME_PASSWORD_REQUIRED,
        user_id: None,
        created: now(),
    };
    let mut reply = errors::ok(200, HAL_JSON, &flow_json(&state, &flow, ex, &app_name));
    set_session_cookies(&mut reply, ex, env, &flow.session);
    state.flows.insert(flow.id.clone(), flow);
    reply
}

/// `GET /{env}/flows/{id}`.
pub(crate) fn read(shared: &Shared, ex: &Exchange, env: &str, id: &str) -> Reply {
    let state = shared.lock();
    match session_flow(&state, ex, env, id) {
        Ok(flow) => errors::ok(
            200,
            HAL_JSON,
            &flow_json(&state, flow, ex, &app_name(&state, flow)),
        ),
        Err(reply) => *reply,
    }
}

/// `POST /{env}/flows/{id}` with `usernamePassword.check`.
pub(crate) fn act(shared: &Shared, ex: &Exchange, env: &str, id: &str) -> Reply {
    let mut state = shared.lock();
    let flow = match session_flow(&state, ex, env, id) {
        Ok(flow) => flow.clone(),
        Err(reply) => return *reply,
    };
    if !wire::has_media_type(ex, USERNAME_PASSWORD_CHECK) {
        return errors::media_type(ex.header("content-type"), USERNAME_PASSWORD_CHECK);
    }
    if flow.status != USERNAME_PASSWORD_REQUIRED {
        let msg = format!(
            "The flow does not accept usernamePassword.check in status {}.",
            flow.status
        );
        return errors::platform(400, "REQUEST_FAILED", &msg, Vec::new());
    }
    let body: Value = serde_json::from_slice(&ex.body).unwrap_or(Value::Null);
    let (Some(username), Some(password)) = (
        body.get("username").and_then(Value::as_str),
        body.get("password").and_then(Value::as_str),
    ) else {
        return errors::invalid_data(
            "REQUIRED_VALUE",
            "username",
            "username and password are required",
        );
    };
    let user = state
        .users
        .values()
        .find(|u| u.env_id == env && u.username.eq_ignore_ascii_case(username));
    let Some(user) = user.filter(|u| u.password.as_deref() == Some(password)) else {
        let mut detail = errors::detail(
            "INVALID_VALUE",
            "password",
            "The provided password did not match provisioned password",
        );
        detail["innerError"] = json!({"failuresRemaining": 4});
        return errors::platform(400, "INVALID_DATA", errors::MSG_INVALID_DATA, vec![detail]);
    };
    let user_id = user.id.clone();
    let mut flow = flow;
    flow.status = COMPLETED;
    flow.user_id = Some(user_id);
    let mut reply = errors::ok(
        200,
        HAL_JSON,
        &flow_json(&state, &flow, ex, &app_name(&state, &flow)),
    );
    set_session_cookies(&mut reply, ex, env, &flow.session);
    state.flows.insert(flow.id.clone(), flow);
    reply
}

/// `GET /{env}/as/resume?flowId=…`: a completed flow becomes a code on the redirect URI.
pub(crate) fn resume(shared: &Shared, ex: &Exchange, env: &str) -> Reply {
    let mut state = shared.lock();
    if !state.has_env(env) {
        return errors::not_found();
    }
    let query = wire::query(ex);
    let Some(flow_id) = field(&query, "flowId") else {
        return errors::oauth(400, "invalid_request", "flowId is required");
    };
    let Some(flow) = state.flows.get(flow_id).filter(|f| f.grant.env_id == env) else {
        return errors::oauth(400, "invalid_request", "Unknown or expired flow");
    };
    if !has_session(ex, &flow.session) {
        return errors::oauth(
            400,
            "invalid_request",
            "The session token cookie (ST) is missing or does not belong to this flow",
        );
    }
    if flow.status != COMPLETED {
        return errors::oauth(400, "invalid_request", "The flow is not completed");
    }
    let Some(user_id) = flow.user_id.clone() else {
        return errors::oauth(400, "invalid_request", "The flow is not completed");
    };
    let grant = flow.grant.clone();
    state.flows.remove(flow_id);
    let code = new_id();
    let mut location = format!(
        "{}{}code={code}",
        grant.redirect_uri,
        if grant.redirect_uri.contains('?') {
            '&'
        } else {
            '?'
        }
    );
    if let Some(s) = &grant.state {
        location.push_str("&state=");
        location.push_str(&url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>());
    }
    state.codes.insert(
        code,
        Code {
            grant,
            user_id,
            expires: now() + CODE_LIFETIME,
        },
    );
    let mut reply = reply::empty(302);
    reply::set_header(&mut reply, "location", &location);
    reply
}

/// The grant an authorize request asks for, with the application's name, or the OAuth error.
fn check_authorize(state: &State, env: &str, p: &Form) -> Result<(Grant, String), Refused> {
    let fail =
        |error: &str, description: &str| Err(Box::new(errors::oauth(400, error, description)));
    let Some(client_id) = field(p, "client_id") else {
        return fail("invalid_request", "client_id is required");
    };
    let Some(app) = state.app(env, client_id) else {
        return fail(
            "invalid_request",
            "Invalid client_id: no such application in this environment",
        );
    };
    if !app.enabled {
        return fail("unauthorized_client", "The application is disabled");
    }
    if field(p, "response_type") != Some("code") {
        return fail("unsupported_response_type", "response_type must be code");
    }
    if !app.response_types.iter().any(|r| r == "CODE") {
        return fail(
            "unsupported_response_type",
            "The application does not allow the CODE response type",
        );
    }
    if !app.grant_types.iter().any(|g| g == "AUTHORIZATION_CODE") {
        return fail(
            "unauthorized_client",
            "The application does not allow the AUTHORIZATION_CODE grant type",
        );
    }
    let redirect_uri = match field(p, "redirect_uri") {
        Some(r) if app.redirect_uris.iter().any(|u| u == r) => r.to_string(),
        Some(_) => return fail("invalid_request", "Redirect URI mismatch"),
        None => return fail("invalid_request", "redirect_uri is required"),
    };
    let scope = field(p, "scope").unwrap_or("");
    if !scope.split(' ').any(|s| s == "openid") {
        return fail("invalid_scope", "scope must include openid");
    }
    if field(p, "response_mode") != Some("pi.flow") {
        return fail(
            "invalid_request",
            "This stand-in supports response_mode=pi.flow only",
        );
    }
    let challenge = pkce_challenge(app, p)?;
    let grant = Grant {
        env_id: env.to_string(),
        app_id: app.id.clone(),
        redirect_uri,
        scope: scope.to_string(),
        state: field(p, "state").map(str::to_owned),
        nonce: field(p, "nonce").map(str::to_owned),
        challenge,
    };
    Ok((grant, app_display_name(app)))
}

/// The PKCE challenge of the request, checked against the application's `pkceEnforcement`.
fn pkce_challenge(app: &App, p: &Form) -> Result<Option<Challenge>, Refused> {
    let fail =
        |description: &str| Err(Box::new(errors::oauth(400, "invalid_request", description)));
    let Some(value) = field(p, "code_challenge") else {
        if app.pkce != "OPTIONAL" {
            return fail("code_challenge is required by the application's pkceEnforcement");
        }
        return Ok(None);
    };
    let method = field(p, "code_challenge_method").unwrap_or("plain");
    if method != "S256" && method != "plain" {
        return fail("code_challenge_method must be S256 or plain");
    }
    if app.pkce == "S256_REQUIRED" && method != "S256" {
        return fail("code_challenge_method must be S256 (pkceEnforcement S256_REQUIRED)");
    }
    let valid = |c: char| c.is_ascii_alphanumeric() || "-._~".contains(c);
    if !(43..=128).contains(&value.len()) || !value.chars().all(valid) {
        return fail("code_challenge must be 43 to 128 characters of [A-Za-z0-9-._~]");
    }
    Ok(Some(Challenge {
        value: value.to_string(),
        method: method.to_string(),
    }))
}

/// The flow `id` of `env`, when the request carries its session cookie.
fn session_flow<'s>(
    state: &'s State,
    ex: &Exchange,
    env: &str,
    id: &str,
) -> Result<&'s Flow, Refused> {
    let Some(flow) = state.flows.get(id).filter(|f| f.grant.env_id == env) else {
        return Err(Box::new(errors::not_found()));
    };
    if flow.created + FLOW_LIFETIME < now() {
        return Err(Box::new(errors::platform(
            400,
            "REQUEST_FAILED",
            "The flow has expired.",
            Vec::new(),
        )));
    }
    if !has_session(ex, &flow.session) {
        return Err(Box::new(errors::invalid_request(
            "ST",
            "The session token cookie (ST) is missing or does not belong to this flow.",
        )));
    }
    Ok(flow)
}

/// Whether the request's `ST` (or `ST-NO-SS`) cookie is `session`.
fn has_session(ex: &Exchange, session: &str) -> bool {
    ["ST", "ST-NO-SS"]
        .iter()
        .any(|name| wire::cookie(ex, name).as_deref() == Some(session))
}

/// `ST` and `ST-NO-SS`, scoped to the environment's path (`Secure` over TLS only, so that plain
/// HTTP clients keep sending them).
fn set_session_cookies(reply: &mut Reply, ex: &Exchange, env: &str, session: &str) {
    let secure = if ex.tls {
        "; Secure; SameSite=None"
    } else {
        ""
    };
    reply::append_header(
        reply,
        "set-cookie",
        &format!("ST={session}; Path=/{env}/; HttpOnly{secure}"),
    );
    reply::append_header(
        reply,
        "set-cookie",
        &format!("ST-NO-SS={session}; Path=/{env}/; HttpOnly"),
    );
}

fn app_name(state: &State, flow: &Flow) -> String {
    state
        .apps
        .get(&flow.grant.app_id)
        .map(app_display_name)
        .unwrap_or_default()
}

fn app_display_name(app: &App) -> String {
    app.resource
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// The flow resource: status, links for the next actions, the resume URL.
fn flow_json(state: &State, flow: &Flow, ex: &Exchange, app_name: &str) -> Value {
    let base = wire::base_url(ex);
    let env = &flow.grant.env_id;
    let self_href = format!("{base}/{env}/flows/{}", flow.id);
    let mut links = json!({"self": {"href": self_href}});
    let mut embedded = json!({"application": {"name": app_name}});
    if flow.status == USERNAME_PASSWORD_REQUIRED {
        links["usernamePassword.check"] = json!({"href": self_href});
    }
    if let Some(user) = flow.user_id.as_ref().and_then(|id| state.users.get(id)) {
        embedded["user"] = json!({"id": user.id, "username": user.username});
    }
    json!({
        "_links": links,
        "_embedded": embedded,
        "id": flow.id,
        "resumeUrl": format!("{base}/{env}/as/resume?flowId={}", flow.id),
        "status": flow.status,
        "createdAt": timestamp(flow.created),
        "expiresAt": timestamp(flow.created + FLOW_LIFETIME),
    })
}

#[cfg(test)]
mod tests {
    use super::super::state::PingOneConfig;
    use super::super::wire::testing::{exchange, read as answer};
    use super::*;

    fn app(pkce: &str) -> App {
        let mut state = State::new(&PingOneConfig::default());
        let mut app = state
            .apps
            .shift_remove(super::super::demo::DEMO_ADMIN_APP_ID)
            .expect("worker");
        app.pkce = pkce.to_string();
        app
    }

    fn form(text: &str) -> Form {
        wire::form(text.as_bytes())
    }

    #[test]
    fn pkce_follows_the_applications_enforcement() {
        let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        assert!(pkce_challenge(&app("OPTIONAL"), &form("")).is_ok_and(|c| c.is_none()));
        assert!(pkce_challenge(&app("REQUIRED"), &form("")).is_err());
        let plain = form(&format!("code_challenge={challenge}"));
        let c = pkce_challenge(&app("REQUIRED"), &plain)
            .ok()
            .flatten()
            .expect("challenge");
        assert_eq!(c.method, "plain");
        assert!(pkce_challenge(&app("S256_REQUIRED"), &plain).is_err());
        let s256 = form(&format!(
            "code_challenge={challenge}&code_challenge_method=S256"
        ));
        assert!(pkce_challenge(&app("S256_REQUIRED"), &s256).is_ok());
        assert!(pkce_challenge(&app("OPTIONAL"), &form("code_challenge=short")).is_err());
        let md5 = form(&format!(
            "code_challenge={challenge}&code_challenge_method=MD5"
        ));
        assert!(pkce_challenge(&app("OPTIONAL"), &md5).is_err());
    }

    #[test]
    fn authorize_refuses_before_starting_a_flow() {
        let config = PingOneConfig::default();
        let shared = Shared::new(&config);
        let form = ("Content-Type", FORM);
        let env = config.env_id.clone();
        let (status, _, _) = answer(authorize(
            &shared,
            &exchange("POST", "/x/as/authorize", &[form], ""),
            "x",
        ));
        assert_eq!(status, 404);
        let (status, _, body) = answer(authorize(
            &shared,
            &exchange("POST", "/", &[], "client_id=a"),
            &env,
        ));
        assert_eq!(
            (status, body["error"].as_str()),
            (400, Some("invalid_request"))
        );
        let (_, _, body) = answer(authorize(
            &shared,
            &exchange("POST", "/", &[form], "client_id=a"),
            &env,
        ));
        assert!(body["error_description"]
            .as_str()
            .is_some_and(|d| d.starts_with("Invalid client_id")));
        // The worker lives in the admin environment and has no code flow.
        let worker = format!("client_id={}&response_type=code", config.admin_app_id);
        let ex = exchange("POST", "/", &[form], &worker);
        let (_, _, body) = answer(authorize(&shared, &ex, &config.admin_env_id));
        assert_eq!(body["error"], "unsupported_response_type");
        assert!(shared.lock().flows.is_empty());
    }

    #[test]
    fn flows_need_their_session_cookie() {
        let config = PingOneConfig::default();
        let shared = Shared::new(&config);
        let (status, _, body) = answer(read_flow(&shared, "nope"));
        assert_eq!((status, body["code"].as_str()), (404, Some("NOT_FOUND")));
        let grant = Grant {
            env_id: config.env_id.clone(),
            app_id: "a".into(),
            redirect_uri: "https://x/cb".into(),
            scope: "openid".into(),
            state: None,
            nonce: None,
            challenge: None,
        };
        let flow = Flow {
            id: "f".into(),
            grant,
            session: "s1".into(),
            status: USERNAME_PASSWORD_REQUIRED,
            user_id: None,
            created: now(),
        };
        shared.lock().flows.insert("f".into(), flow);
        let path = format!("/{}/flows/f", config.env_id);
        let without = exchange("GET", &path, &[], "");
        let (status, _, body) = answer(read(&shared, &without, &config.env_id, "f"));
        assert_eq!(
            (status, body["details"][0]["target"].as_str()),
            (400, Some("ST"))
        );
        let with = exchange("GET", &path, &[("Cookie", "ST=s1")], "");
        let (status, _, body) = answer(read(&shared, &with, &config.env_id, "f"));
        assert_eq!(
            (status, body["status"].as_str()),
            (200, Some(USERNAME_PASSWORD_REQUIRED))
        );
        assert!(body["_links"]["usernamePassword.check"]["href"]
            .as_str()
            .is_some_and(|h| h.ends_with(&path)));
    }

    fn read_flow(shared: &Shared, id: &str) -> Reply {
        let env = PingOneConfig::default().env_id;
        read(
            shared,
            &exchange("GET", "/", &[("Cookie", "ST=x")], ""),
            &env,
            id,
        )
    }
}
