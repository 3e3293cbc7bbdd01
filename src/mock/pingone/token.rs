//! `as/token` (client_credentials and authorization_code, each client authenticated by its
//! application's `tokenEndpointAuthMethod`, PKCE checked) and `as/userinfo`.

use serde_json::{json, Value};

use super::errors::{self, Refused, JSON};
use super::jwt;
use super::state::{new_id, now, App, Shared, State, Token};
use super::wire::{self, field, Form};
use crate::mock::http::Exchange;
use crate::mock::reply::Reply;

const JWT_BEARER: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const TOKEN_LIFETIME: u64 = 3600;
/// Clock skew allowed on assertion times.
const SKEW: u64 = 60;

/// How the client presented itself.
#[derive(Debug, PartialEq, Eq)]
enum Presented {
    Basic { id: String, secret: String },
    Post { id: String, secret: String },
    Assertion { id: String, assertion: String },
    Public { id: String },
}

impl Presented {
    fn id(&self) -> &str {
        match self {
            Presented::Basic { id, .. }
            | Presented::Post { id, .. }
            | Presented::Assertion { id, .. }
            | Presented::Public { id } => id,
        }
    }

    fn method(&self) -> &'static str {
        match self {
            Presented::Basic { .. } => "CLIENT_SECRET_BASIC",
            Presented::Post { .. } => "CLIENT_SECRET_POST",
            Presented::Assertion { .. } => "a client assertion",
            Presented::Public { .. } => "NONE",
        }
    }
}

/// `POST /{env}/as/token`.
pub(crate) fn token(shared: &Shared, ex: &Exchange, env: &str) -> Reply {
    if !wire::has_media_type(ex, "application/x-www-form-urlencoded") {
        return errors::oauth(
            400,
            "invalid_request",
            "The token request must be sent as application/x-www-form-urlencoded",
        );
    }
    let form = wire::form(&ex.body);
    let mut state = shared.lock();
    if !state.has_env(env) {
        return errors::not_found();
    }
    let app = match authenticate(&state, ex, env, &form) {
        Ok(app) => app.clone(),
        Err(reply) => return *reply,
    };
    let base = wire::base_url(ex);
    match field(&form, "grant_type") {
        Some("client_credentials") => client_credentials(&mut state, &app, &base),
        Some("authorization_code") => authorization_code(&mut state, &app, &form, &base),
        Some(other) => errors::oauth(
            400,
            "unsupported_grant_type",
            &format!("Unsupported grant type '{other}'"),
        ),
        None => errors::oauth(400, "invalid_request", "grant_type is required"),
    }
}

/// `GET|POST /{env}/as/userinfo` with a user's access token.
pub(crate) fn userinfo(shared: &Shared, ex: &Exchange, env: &str) -> Reply {
    let state = shared.lock();
    let token = wire::bearer(ex)
        .and_then(|t| state.token(t))
        .filter(|t| t.env_id == env);
    let Some(user) = token
        .and_then(|t| t.user_id.as_ref())
        .and_then(|id| state.users.get(id))
    else {
        return errors::oauth(
            401,
            "invalid_token",
            "The access token is missing, invalid or expired",
        );
    };
    let mut body = json!({"sub": user.id, "preferred_username": user.username, "env": env});
    if let Some(email) = user.resource.get("email") {
        body["email"] = email.clone();
    }
    errors::ok(200, JSON, &body)
}

/// The application the request authenticates as, by its registered method.
fn authenticate<'s>(
    state: &'s State,
    ex: &Exchange,
    env: &str,
    form: &Form,
) -> Result<&'s App, Refused> {
    let invalid = |description: &str| -> Refused {
        Box::new(errors::oauth(401, "invalid_client", description))
    };
    let presented = presented(ex, form).map_err(|d| invalid(&d))?;
    let app = state
        .app(env, presented.id())
        .ok_or_else(|| invalid("Request denied: Invalid client credentials (unknown client_id)"))?;
    if !app.enabled {
        return Err(invalid("Request denied: The application is disabled"));
    }
    let method = app.auth_method.as_str();
    let ok = match (&presented, method) {
        (Presented::Basic { secret, .. }, "CLIENT_SECRET_BASIC")
        | (Presented::Post { secret, .. }, "CLIENT_SECRET_POST") => {
            if secret != &app.secret {
                return Err(invalid("Request denied: Invalid client credentials"));
            }
            true
        }
        (Presented::Assertion { assertion, .. }, "CLIENT_SECRET_JWT" | "PRIVATE_KEY_JWT") => {
            check_assertion(app, assertion, ex, env)
                .map_err(|why| invalid(&format!("Request denied: {why}")))?;
            true
        }
        (Presented::Public { .. }, "NONE") => true,
        _ => false,
    };
    if !ok {
        let msg = format!(
            "Request denied: Unsupported authentication method (the application uses {method}, the request used {})",
            presented.method()
        );
        return Err(invalid(&msg));
    }
    Ok(app)
}

/// Reads the client's credentials from the header and body.
fn presented(ex: &Exchange, form: &Form) -> Result<Presented, String> {
    let body_id = field(form, "client_id").map(str::to_owned);
    if let Some(basic) = wire::basic(ex) {
        let (id, secret) = basic
            .map_err(|()| "Request denied: Malformed Basic authorization header".to_string())?;
        if body_id.as_ref().is_some_and(|b| b != &id) {
            return Err(
                "Request denied: client_id in the body does not match the Authorization header"
                    .into(),
            );
        }
        return Ok(Presented::Basic { id, secret });
    }
    if let Some(assertion) = field(form, "client_assertion") {
        if field(form, "client_assertion_type") != Some(JWT_BEARER) {
            return Err(format!(
                "Request denied: client_assertion_type must be {JWT_BEARER}"
            ));
        }
        let parsed = jwt::parse(assertion).map_err(|e| format!("Request denied: {e}"))?;
        let id = body_id.or_else(|| parsed.claim_str("iss").map(str::to_owned));
        let id = id.ok_or("Request denied: the client assertion has no iss")?;
        return Ok(Presented::Assertion {
            id,
            assertion: assertion.to_string(),
        });
    }
    let id = body_id
        .ok_or("Request denied: Unsupported authentication method (no client credentials)")?;
    Ok(match field(form, "client_secret") {
        Some(secret) => Presented::Post {
            id,
            secret: secret.to_string(),
        },
        None => Presented::Public { id },
    })
}

/// Checks a client assertion: its signature (HMAC with the secret for CLIENT_SECRET_JWT, RSA with
/// the registered JWKS for PRIVATE_KEY_JWT) and its claims (iss = sub = client id, aud = this
/// token endpoint or its issuer, exp within the hour, nbf not in the future).
fn check_assertion(app: &App, assertion: &str, ex: &Exchange, env: &str) -> Result<(), String> {
    let jwt = jwt::parse(assertion)?;
    if app.auth_method == "CLIENT_SECRET_JWT" {
        jwt::verify_hmac(&jwt, &app.secret)?;
    } else {
        let jwks = app
            .jwks
            .as_ref()
            .ok_or("the application has no registered keys")?;
        jwt::verify_rsa(&jwt, jwks)?;
    }
    for claim in ["iss", "sub"] {
        if jwt.claim_str(claim) != Some(app.id.as_str()) {
            return Err(format!(
                "the client assertion's {claim} must be the client id"
            ));
        }
    }
    let issuer = format!("{}/{env}/as", wire::base_url(ex));
    if !jwt.has_audience(&format!("{issuer}/token")) && !jwt.has_audience(&issuer) {
        return Err(format!(
            "the client assertion's aud must be {issuer}/token or {issuer}"
        ));
    }
    let now = now();
    match jwt.claim_time("exp") {
        None => return Err("the client assertion has no exp".into()),
        Some(exp) if exp + SKEW < now => return Err("the client assertion has expired".into()),
        Some(exp) if exp > now + TOKEN_LIFETIME + SKEW => {
            return Err("the client assertion expires more than one hour from now".into())
        }
        Some(_) => {}
    }
    if jwt.claim_time("nbf").is_some_and(|nbf| nbf > now + SKEW) {
        return Err("the client assertion is not valid yet (nbf)".into());
    }
    Ok(())
}

fn client_credentials(state: &mut State, app: &App, base: &str) -> Reply {
    if !app.grant_types.iter().any(|g| g == "CLIENT_CREDENTIALS") {
        return errors::oauth(
            400,
            "unauthorized_client",
            "The application does not allow the CLIENT_CREDENTIALS grant type",
        );
    }
    let access = issue(state, app, None, base, "");
    errors::ok(
        200,
        JSON,
        &json!({"access_token": access, "token_type": "Bearer", "expires_in": TOKEN_LIFETIME}),
    )
}

fn authorization_code(state: &mut State, app: &App, form: &Form, base: &str) -> Reply {
    let fail = |description: &str| errors::oauth(400, "invalid_grant", description);
    let Some(code_value) = field(form, "code") else {
        return errors::oauth(400, "invalid_request", "code is required");
    };
    // A code is single-use: it goes whatever the outcome.
    let Some(code) = state.codes.remove(code_value) else {
        return fail("The authorization code is invalid or has already been used");
    };
    if code.grant.app_id != app.id || code.expires < now() {
        return fail("The authorization code is invalid or expired");
    }
    if field(form, "redirect_uri") != Some(code.grant.redirect_uri.as_str()) {
        return fail("redirect_uri does not match the authorization request");
    }
    if let Err(why) = check_pkce(code.grant.challenge.as_ref(), field(form, "code_verifier")) {
        return fail(&why);
    }
    let access = issue(state, app, Some(&code.user_id), base, &code.grant.scope);
    let now = now();
    let mut id_claims = json!({
        "iss": format!("{base}/{}/as", app.env_id),
        "sub": code.user_id,
        "aud": app.id,
        "iat": now,
        "exp": now + TOKEN_LIFETIME,
        "auth_time": now,
        "sid": new_id(),
        "env": app.env_id,
    });
    if let Some(nonce) = &code.grant.nonce {
        id_claims["nonce"] = json!(nonce);
    }
    let id_token = jwt::sign_hs256(&id_claims, &state.signing_key);
    errors::ok(
        200,
        JSON,
        &json!({
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": TOKEN_LIFETIME,
            "scope": code.grant.scope,
            "id_token": id_token,
        }),
    )
}

/// The verifier must turn into the challenge (S256 or plain); no challenge, no check.
fn check_pkce(
    challenge: Option<&super::state::Challenge>,
    verifier: Option<&str>,
) -> Result<(), String> {
    let Some(challenge) = challenge else {
        return Ok(());
    };
    let Some(verifier) = verifier else {
        return Err(
            "code_verifier is required (the authorization request had a code_challenge)".into(),
        );
    };
    let derived = if challenge.method == "S256" {
        jwt::s256(verifier)
    } else {
        verifier.to_string()
    };
    if derived == challenge.value {
        Ok(())
    } else {
        Err(format!(
            "PKCE verification failed: code_verifier does not match the {} code_challenge",
            challenge.method
        ))
    }
}

/// A signed access token, remembered until it expires.
fn issue(state: &mut State, app: &App, user_id: Option<&str>, base: &str, scope: &str) -> String {
    let now = now();
    let mut claims = json!({
        "client_id": app.id,
        "iss": format!("{base}/{}/as", app.env_id),
        "jti": new_id(),
        "iat": now,
        "exp": now + TOKEN_LIFETIME,
        "aud": [base],
        "env": app.env_id,
    });
    if let Some(user) = user_id {
        claims["sub"] = Value::from(user);
        claims["scope"] = Value::from(scope);
    }
    let token = jwt::sign_hs256(&claims, &state.signing_key);
    state.tokens.insert(
        token.clone(),
        Token {
            env_id: app.env_id.clone(),
            client_id: app.id.clone(),
            user_id: user_id.map(str::to_owned),
            expires: now + TOKEN_LIFETIME,
        },
    );
    token
}

#[cfg(test)]
mod tests {
    use super::super::state::Challenge;
    use super::super::wire::testing::exchange;
    use super::*;

    #[test]
    fn pkce_needs_the_matching_verifier() {
        let s256 = Some(Challenge {
            value: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM".into(),
            method: "S256".into(),
        });
        assert!(check_pkce(
            s256.as_ref(),
            Some("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
        )
        .is_ok());
        assert!(check_pkce(s256.as_ref(), Some("wrong"))
            .unwrap_err()
            .contains("PKCE"));
        assert!(check_pkce(s256.as_ref(), None)
            .unwrap_err()
            .contains("required"));
        assert!(check_pkce(None, None).is_ok());
    }

    #[test]
    fn reads_how_the_client_presents_itself() {
        let f = |body: &str| wire::form(body.as_bytes());
        let basic = exchange("POST", "/", &[("Authorization", "Basic YTpi")], "");
        assert_eq!(
            presented(&basic, &f("")),
            Ok(Presented::Basic {
                id: "a".into(),
                secret: "b".into()
            })
        );
        assert!(presented(&basic, &f("client_id=z")).is_err());
        let plain = exchange("POST", "/", &[], "");
        assert_eq!(
            presented(&plain, &f("client_id=a&client_secret=b")),
            Ok(Presented::Post {
                id: "a".into(),
                secret: "b".into()
            })
        );
        assert_eq!(
            presented(&plain, &f("client_id=a")),
            Ok(Presented::Public { id: "a".into() })
        );
        assert!(presented(&plain, &f("")).is_err());
        assert!(presented(&plain, &f("client_id=a&client_assertion=x.y.z"))
            .unwrap_err()
            .contains("client_assertion_type"));
    }
}
