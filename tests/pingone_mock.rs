//! The PingOne stand-in on the wire: what it accepts and what it refuses, with PingOne's error
//! shapes. Assertions are signed here with independent code (the `rsa` and `hmac` crates), not
//! by postie's script sandbox.

mod pingone_support;

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use hmac::{KeyInit, Mac};
use pingone_support::{field, http, jwt_parts, Resp};
use postie::mock::pingone::{
    PingOneServer, DEMO_ADMIN_APP_ID, DEMO_ADMIN_APP_SECRET, DEMO_ADMIN_ENV_ID, DEMO_ENV_ID,
};
use rsa::pkcs8::DecodePrivateKey;
use rsa::traits::PublicKeyParts;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

const FORM: &str = "application/x-www-form-urlencoded";
const REDIRECT: &str = "https://example.com/callback";
const PASSWORD: &str = "2FederateM0re!";

fn basic(user: &str, password: &str) -> String {
    format!("Basic {}", STANDARD.encode(format!("{user}:{password}")))
}

fn worker_token(server: &PingOneServer) -> String {
    let r = http(
        server.addr,
        "POST",
        &format!("/{DEMO_ADMIN_ENV_ID}/as/token"),
        &[
            (
                "Authorization",
                &basic(DEMO_ADMIN_APP_ID, DEMO_ADMIN_APP_SECRET),
            ),
            ("Content-Type", FORM),
        ],
        "grant_type=client_credentials",
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let body = r.json();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3600);
    body["access_token"].as_str().expect("token").to_string()
}

fn api(
    server: &PingOneServer,
    token: &str,
    method: &str,
    path: &str,
    ct: &str,
    body: &str,
) -> Resp {
    let auth = format!("Bearer {token}");
    let mut headers = vec![("Authorization", auth.as_str())];
    if !ct.is_empty() {
        headers.push(("Content-Type", ct));
    }
    http(
        server.addr,
        method,
        &format!("/v1/environments/{DEMO_ENV_ID}{path}"),
        &headers,
        body,
    )
}

/// An application with `method` (plus `extra` fields) and a user with a password.
struct Setup {
    app_id: String,
    secret: String,
    username: String,
}

fn setup(server: &PingOneServer, method: &str, extra: Value) -> Setup {
    let token = worker_token(server);
    let mut app = json!({
        "enabled": true, "name": "t", "type": "WEB_APP", "protocol": "OPENID_CONNECT",
        "grantTypes": ["AUTHORIZATION_CODE"], "responseTypes": ["CODE"],
        "redirectUris": [REDIRECT], "tokenEndpointAuthMethod": method,
    });
    if let (Some(app), Some(extra)) = (app.as_object_mut(), extra.as_object()) {
        app.extend(extra.clone());
    }
    let r = api(
        server,
        &token,
        "POST",
        "/applications",
        "application/json",
        &app.to_string(),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    assert!(r
        .header("content-type")
        .is_some_and(|c| c.starts_with("application/hal+json")));
    let app_id = r.json()["id"].as_str().expect("id").to_string();
    let r = api(
        server,
        &token,
        "GET",
        &format!("/applications/{app_id}/secret"),
        "",
        "",
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let secret = r.json()["secret"].as_str().expect("secret").to_string();
    let username = format!("user{}", app_id.len() + server.log.len());
    let r = api(
        server,
        &token,
        "POST",
        "/users",
        "application/json",
        &json!({"username": username}).to_string(),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let user_id = r.json()["id"].as_str().expect("id").to_string();
    let password = json!({"value": PASSWORD, "forceChange": false}).to_string();
    let ct = "application/vnd.pingidentity.password.set+json";
    let r = api(
        server,
        &token,
        "PUT",
        &format!("/users/{user_id}/password"),
        ct,
        &password,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    Setup {
        app_id,
        secret,
        username,
    }
}

/// authorize → usernamePassword.check → resume; the authorization code.
fn sign_on(server: &PingOneServer, s: &Setup, extra: &str) -> String {
    let body = format!(
        "response_type=code&client_id={}&redirect_uri={}&scope=openid&response_mode=pi.flow{extra}",
        s.app_id,
        url::form_urlencoded::byte_serialize(REDIRECT.as_bytes()).collect::<String>()
    );
    let r = http(
        server.addr,
        "POST",
        &format!("/{DEMO_ENV_ID}/as/authorize"),
        &[("Content-Type", FORM)],
        &body,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let flow = r.json();
    assert_eq!(flow["status"], "USERNAME_PASSWORD_REQUIRED");
    let st = r.set_cookie("ST").expect("ST cookie");
    let flow_id = flow["id"].as_str().expect("id").to_string();
    let cookie = format!("ST={st}");
    let check = json!({"username": s.username, "password": PASSWORD}).to_string();
    let ct = "application/vnd.pingidentity.usernamePassword.check+json";
    let path = format!("/{DEMO_ENV_ID}/flows/{flow_id}");
    let r = http(
        server.addr,
        "POST",
        &path,
        &[("Content-Type", ct), ("Cookie", &cookie)],
        &check,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["status"], "COMPLETED");
    let r = http(
        server.addr,
        "GET",
        &format!("/{DEMO_ENV_ID}/as/resume?flowId={flow_id}"),
        &[("Cookie", &cookie)],
        "",
    );
    assert_eq!(r.status, 302, "{}", r.body);
    let location = r.header("location").expect("Location");
    assert!(
        location.starts_with(&format!("{REDIRECT}?code=")),
        "{location}"
    );
    location
        .rsplit_once("code=")
        .map(|(_, c)| c.to_string())
        .expect("code")
}

fn token_request(server: &PingOneServer, headers: &[(&str, &str)], body: &str) -> Resp {
    let mut all = vec![("Content-Type", FORM)];
    all.extend_from_slice(headers);
    http(
        server.addr,
        "POST",
        &format!("/{DEMO_ENV_ID}/as/token"),
        &all,
        body,
    )
}

fn code_body(code: &str) -> String {
    format!(
        "grant_type=authorization_code&code={code}&redirect_uri={}",
        url::form_urlencoded::byte_serialize(REDIRECT.as_bytes()).collect::<String>()
    )
}

fn assert_oauth_error(r: &Resp, status: u16, error: &str, contains: &str) {
    assert_eq!(r.status, status, "{}", r.body);
    let body = r.json();
    assert_eq!(body["error"], error, "{}", r.body);
    let description = body["error_description"].as_str().unwrap_or_default();
    assert!(description.contains(contains), "{description}");
    assert!(description.contains("(Correlation ID: "), "{description}");
}

fn assert_platform_error(r: &Resp, status: u16, code: &str, target: Option<&str>) {
    assert_eq!(r.status, status, "{}", r.body);
    let body = r.json();
    assert_eq!(body["code"], code, "{}", r.body);
    assert!(body["id"].as_str().is_some_and(|id| id.len() == 36));
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
    if let Some(target) = target {
        assert_eq!(body["details"][0]["target"], target, "{}", r.body);
    }
}

#[test]
fn client_secret_basic_issues_tokens_and_refuses_a_wrong_secret() {
    let server = PingOneServer::start().expect("server");
    let s = setup(&server, "CLIENT_SECRET_BASIC", json!({}));
    let code = sign_on(&server, &s, "");
    let wrong = basic(&s.app_id, "not-the-secret");
    assert_oauth_error(
        &token_request(&server, &[("Authorization", &wrong)], &code_body(&code)),
        401,
        "invalid_client",
        "Invalid client credentials",
    );
    // Client authentication fails before the code is looked at: the code still works.
    let good = basic(&s.app_id, &s.secret);
    let r = token_request(&server, &[("Authorization", &good)], &code_body(&code));
    assert_eq!(r.status, 200, "{}", r.body);
    let tokens = r.json();
    let (_, claims, _, _) = jwt_parts(tokens["id_token"].as_str().expect("id_token"));
    assert_eq!(claims["aud"], s.app_id.as_str());
    // A code is single-use.
    let again = token_request(&server, &[("Authorization", &good)], &code_body(&code));
    assert_oauth_error(&again, 400, "invalid_grant", "already been used");
    // The access token works at userinfo, and only there: it is not a worker token.
    let bearer = format!(
        "Bearer {}",
        tokens["access_token"].as_str().expect("access_token")
    );
    let r = http(
        server.addr,
        "GET",
        &format!("/{DEMO_ENV_ID}/as/userinfo"),
        &[("Authorization", &bearer)],
        "",
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["preferred_username"], s.username.as_str());
    let r = http(
        server.addr,
        "GET",
        &format!("/v1/environments/{DEMO_ENV_ID}/users/x"),
        &[("Authorization", &bearer)],
        "",
    );
    assert_platform_error(&r, 401, "INVALID_TOKEN", None);
}

#[test]
fn the_method_used_must_be_the_applications() {
    let server = PingOneServer::start().expect("server");
    let s = setup(&server, "CLIENT_SECRET_POST", json!({}));
    let code = sign_on(&server, &s, "");
    let basic = basic(&s.app_id, &s.secret);
    let r = token_request(&server, &[("Authorization", &basic)], &code_body(&code));
    assert_oauth_error(
        &r,
        401,
        "invalid_client",
        "the application uses CLIENT_SECRET_POST, the request used CLIENT_SECRET_BASIC",
    );
    let body = format!(
        "{}&client_id={}&client_secret={}",
        code_body(&code),
        s.app_id,
        s.secret
    );
    assert_eq!(token_request(&server, &[], &body).status, 200);
}

#[test]
fn client_secret_jwt_checks_the_hs256_signature_and_claims() {
    let server = PingOneServer::start().expect("server");
    let s = setup(&server, "CLIENT_SECRET_JWT", json!({}));
    let aud = format!("{}/{DEMO_ENV_ID}/as/token", server.auth_path());
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("time")
        .as_secs();
    let claims = json!({"iss": s.app_id, "sub": s.app_id, "aud": aud, "exp": now + 300});
    let assertion = |claims: &Value, secret: &str| {
        let input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        );
        let mut mac = hmac::Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("key");
        mac.update(input.as_bytes());
        format!(
            "{input}.{}",
            URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
        )
    };
    let body = |code: &str, jwt: &str| {
        format!("{}&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion={jwt}", code_body(code))
    };
    let code = sign_on(&server, &s, "");
    let r = token_request(
        &server,
        &[],
        &body(&code, &assertion(&claims, "wrong secret")),
    );
    assert_oauth_error(&r, 401, "invalid_client", "signature is invalid");
    let mut other_aud = claims.clone();
    other_aud["aud"] = json!("https://auth.pingone.com/x/as/token");
    let r = token_request(
        &server,
        &[],
        &body(&code, &assertion(&other_aud, &s.secret)),
    );
    assert_oauth_error(&r, 401, "invalid_client", "aud must be");
    let mut expired = claims.clone();
    expired["exp"] = json!(now - 3600);
    let r = token_request(&server, &[], &body(&code, &assertion(&expired, &s.secret)));
    assert_oauth_error(&r, 401, "invalid_client", "expired");
    let r = token_request(&server, &[], &body(&code, &assertion(&claims, &s.secret)));
    assert_eq!(r.status, 200, "{}", r.body);
}

/// The demo key's public half as a JWKS string, and a signer.
fn demo_key() -> (rsa::PrivateKey, String) {
    let key = rsa::PrivateKey::from_pkcs8_pem(&pingone_support::demo_value("privateKey"))
        .expect("demo key");
    let public = key.to_public_key();
    let b64 = |bytes: Vec<u8>| URL_SAFE_NO_PAD.encode(bytes);
    let jwks = json!({"keys": [{
        "kty": "RSA", "kid": "demo", "use": "sig", "alg": "RS256",
        "n": b64(public.n().to_be_bytes().to_vec()), "e": b64(public.e().to_be_bytes().to_vec()),
    }]});
    (key, jwks.to_string())
}

#[test]
fn private_key_jwt_checks_the_rs256_signature_with_the_registered_key() {
    let server = PingOneServer::start().expect("server");
    let (key, jwks) = demo_key();
    let s = setup(&server, "PRIVATE_KEY_JWT", json!({"jwks": jwks}));
    let aud = format!("{}/{DEMO_ENV_ID}/as", server.auth_path());
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("time")
        .as_secs();
    let claims =
        json!({"iss": s.app_id, "sub": s.app_id, "aud": [aud], "exp": now + 300, "jti": "1"});
    let sign = |kid: &str| {
        let header = json!({"alg": "RS256", "typ": "JWT", "kid": kid}).to_string();
        let input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        );
        let digest = Sha256::digest(input.as_bytes());
        let sig = key
            .sign(rsa::Pkcs1v15Sign::new::<Sha256>(), &digest)
            .expect("sign");
        format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig))
    };
    let body = |code: &str, jwt: &str| {
        format!("{}&client_id={}&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion={jwt}", code_body(code), s.app_id)
    };
    let code = sign_on(&server, &s, "");
    let r = token_request(&server, &[], &body(&code, &sign("other")));
    assert_oauth_error(&r, 401, "invalid_client", "no RSA key with kid 'other'");
    let good = sign("demo");
    let (head, _) = good.rsplit_once('.').expect("jws");
    let tampered = format!("{head}.{}", URL_SAFE_NO_PAD.encode([7u8; 256]));
    let r = token_request(&server, &[], &body(&code, &tampered));
    assert_oauth_error(&r, 401, "invalid_client", "does not verify");
    let r = token_request(&server, &[], &body(&code, &good));
    assert_eq!(r.status, 200, "{}", r.body);
}

#[test]
fn a_private_key_jwt_application_needs_registered_keys() {
    let server = PingOneServer::start().expect("server");
    let token = worker_token(&server);
    let app = json!({
        "enabled": true, "name": "t", "type": "WEB_APP", "protocol": "OPENID_CONNECT",
        "grantTypes": ["AUTHORIZATION_CODE"], "responseTypes": ["CODE"],
        "redirectUris": [REDIRECT], "tokenEndpointAuthMethod": "PRIVATE_KEY_JWT",
    });
    let r = api(
        &server,
        &token,
        "POST",
        "/applications",
        "application/json",
        &app.to_string(),
    );
    assert_platform_error(&r, 400, "INVALID_DATA", Some("jwks"));
}

#[test]
fn none_needs_the_pkce_verifier_and_no_credentials() {
    let server = PingOneServer::start().expect("server");
    let s = setup(&server, "NONE", json!({"pkceEnforcement": "S256_REQUIRED"}));
    let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    // S256_REQUIRED: no challenge, or a plain one, is refused at authorize.
    let plain = format!("response_type=code&client_id={}&redirect_uri={REDIRECT}&scope=openid&response_mode=pi.flow&code_challenge={verifier}&code_challenge_method=plain", s.app_id);
    let r = http(
        server.addr,
        "POST",
        &format!("/{DEMO_ENV_ID}/as/authorize"),
        &[("Content-Type", FORM)],
        &plain,
    );
    assert_oauth_error(&r, 400, "invalid_request", "S256");
    let code = sign_on(
        &server,
        &s,
        &format!("&code_challenge={challenge}&code_challenge_method=S256"),
    );
    let body = format!(
        "{}&client_id={}&code_verifier=not-the-verifier-but-long-enough-to-look-like-one",
        code_body(&code),
        s.app_id
    );
    assert_oauth_error(
        &token_request(&server, &[], &body),
        400,
        "invalid_grant",
        "PKCE verification failed",
    );
    let code = sign_on(
        &server,
        &s,
        &format!("&code_challenge={challenge}&code_challenge_method=S256"),
    );
    let body = format!(
        "{}&client_id={}&code_verifier={verifier}",
        code_body(&code),
        s.app_id
    );
    let r = token_request(&server, &[], &body);
    assert_eq!(r.status, 200, "{}", r.body);
    let seen = server.log.last().expect("logged");
    assert_eq!(
        field(&seen.body_text(), "code_verifier").as_deref(),
        Some(verifier)
    );
}

#[test]
fn the_flow_needs_its_st_cookie_and_the_vendor_media_type() {
    let server = PingOneServer::start().expect("server");
    let s = setup(&server, "CLIENT_SECRET_BASIC", json!({}));
    let body = format!("response_type=code&client_id={}&redirect_uri={REDIRECT}&scope=openid&response_mode=pi.flow", s.app_id);
    let r = http(
        server.addr,
        "POST",
        &format!("/{DEMO_ENV_ID}/as/authorize"),
        &[("Content-Type", FORM)],
        &body,
    );
    let set = r
        .headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
        .map(|(_, v)| v.as_str())
        .collect::<Vec<_>>();
    assert!(
        set[0].ends_with(&format!("; Path=/{DEMO_ENV_ID}/; HttpOnly")),
        "{set:?}"
    );
    let flow_id = r.json()["id"].as_str().expect("id").to_string();
    let path = format!("/{DEMO_ENV_ID}/flows/{flow_id}");
    let check = json!({"username": s.username, "password": PASSWORD}).to_string();
    let vendor = "application/vnd.pingidentity.usernamePassword.check+json";
    let r = http(
        server.addr,
        "POST",
        &path,
        &[("Content-Type", vendor)],
        &check,
    );
    assert_platform_error(&r, 400, "INVALID_REQUEST", Some("ST"));
    let st = format!(
        "ST={}",
        set[0]
            .split(';')
            .next()
            .and_then(|c| c.split_once('='))
            .map(|(_, v)| v)
            .expect("value")
    );
    let r = http(
        server.addr,
        "POST",
        &path,
        &[("Content-Type", "application/json"), ("Cookie", &st)],
        &check,
    );
    assert_platform_error(&r, 415, "INVALID_REQUEST", Some("Content-Type"));
    let wrong = json!({"username": s.username, "password": "Wr0ng-password"}).to_string();
    let r = http(
        server.addr,
        "POST",
        &path,
        &[("Content-Type", vendor), ("Cookie", &st)],
        &wrong,
    );
    assert_platform_error(&r, 400, "INVALID_DATA", Some("password"));
    assert_eq!(r.json()["details"][0]["innerError"]["failuresRemaining"], 4);
    let r = http(
        server.addr,
        "GET",
        &format!("/{DEMO_ENV_ID}/as/resume?flowId={flow_id}"),
        &[("Cookie", &st)],
        "",
    );
    assert_oauth_error(&r, 400, "invalid_request", "not completed");
    let r = http(
        server.addr,
        "POST",
        &path,
        &[("Content-Type", vendor), ("Cookie", &st)],
        &check,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let r = http(
        server.addr,
        "GET",
        &format!("/{DEMO_ENV_ID}/as/resume?flowId={flow_id}"),
        &[],
        "",
    );
    assert_oauth_error(&r, 400, "invalid_request", "ST");
}

#[test]
fn the_management_api_refuses_what_pingone_refuses() {
    let server = PingOneServer::start().expect("server");
    let r = http(
        server.addr,
        "GET",
        &format!("/v1/environments/{DEMO_ENV_ID}/users/x"),
        &[],
        "",
    );
    assert_platform_error(&r, 401, "INVALID_TOKEN", None);
    let r = http(
        server.addr,
        "POST",
        &format!("/{DEMO_ADMIN_ENV_ID}/as/token"),
        &[
            ("Authorization", &basic(DEMO_ADMIN_APP_ID, "nope")),
            ("Content-Type", FORM),
        ],
        "grant_type=client_credentials",
    );
    assert_oauth_error(&r, 401, "invalid_client", "Invalid client credentials");
    assert!(r.header("www-authenticate").is_some());
    let token = worker_token(&server);
    let r = api(
        &server,
        &token,
        "POST",
        "/applications",
        "application/json",
        r#"{"enabled": true, "type": "WEB_APP"}"#,
    );
    assert_platform_error(&r, 400, "INVALID_DATA", Some("name"));
    let r = api(&server, &token, "POST", "/applications", "text/plain", "{}");
    assert_platform_error(&r, 415, "INVALID_REQUEST", Some("Content-Type"));
    let r = api(
        &server,
        &token,
        "POST",
        "/users",
        "application/json",
        r#"{"username": "same"}"#,
    );
    assert_eq!(r.status, 201);
    let user_id = r.json()["id"].as_str().expect("id").to_string();
    let r = api(
        &server,
        &token,
        "POST",
        "/users",
        "application/json",
        r#"{"username": "SAME"}"#,
    );
    assert_platform_error(&r, 400, "INVALID_DATA", Some("username"));
    assert_eq!(r.json()["details"][0]["code"], "UNIQUENESS_VIOLATION");
    let path = format!("/users/{user_id}/password");
    let r = api(
        &server,
        &token,
        "PUT",
        &path,
        "application/json",
        r#"{"value": "2FederateM0re!"}"#,
    );
    assert_platform_error(&r, 415, "INVALID_REQUEST", Some("Content-Type"));
    let r = api(
        &server,
        &token,
        "PUT",
        &path,
        "application/vnd.pingidentity.password.set+json",
        r#"{"value": "short"}"#,
    );
    assert_platform_error(&r, 400, "INVALID_DATA", Some("password"));
    let r = api(
        &server,
        &token,
        "DELETE",
        &format!("/users/{user_id}"),
        "",
        "",
    );
    assert_eq!(r.status, 204);
    let r = api(
        &server,
        &token,
        "DELETE",
        &format!("/users/{user_id}"),
        "",
        "",
    );
    assert_platform_error(&r, 404, "NOT_FOUND", None);
    let r = http(
        server.addr,
        "GET",
        "/v1/environments/00000000-0000-0000-0000-000000000000/users/x",
        &[("Authorization", &format!("Bearer {token}"))],
        "",
    );
    assert_platform_error(&r, 404, "NOT_FOUND", None);
    assert_eq!(server.resource_counts(), (0, 0));
}
