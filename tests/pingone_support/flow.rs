//! Driving the stand-in by hand: a worker token, the management API, the sign-on flow and the
//! token request, plus assertions on PingOne's two error shapes.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use postie::mock::pingone::{
    PingOneServer, DEMO_ADMIN_APP_ID, DEMO_ADMIN_APP_SECRET, DEMO_ADMIN_ENV_ID, DEMO_ENV_ID,
};
use serde_json::{json, Value};

use super::{http, Resp};

pub const FORM: &str = "application/x-www-form-urlencoded";
pub const REDIRECT: &str = "https://example.com/callback";
pub const PASSWORD: &str = "2FederateM0re!";

pub fn basic(user: &str, password: &str) -> String {
    format!("Basic {}", STANDARD.encode(format!("{user}:{password}")))
}

pub fn worker_token(server: &PingOneServer) -> String {
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

pub fn api(
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
pub struct Setup {
    pub app_id: String,
    pub secret: String,
    pub username: String,
}

pub fn setup(server: &PingOneServer, method: &str, extra: Value) -> Setup {
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
pub fn sign_on(server: &PingOneServer, s: &Setup, extra: &str) -> String {
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

pub fn token_request(server: &PingOneServer, headers: &[(&str, &str)], body: &str) -> Resp {
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

pub fn code_body(code: &str) -> String {
    format!(
        "grant_type=authorization_code&code={code}&redirect_uri={}",
        url::form_urlencoded::byte_serialize(REDIRECT.as_bytes()).collect::<String>()
    )
}

pub fn assert_oauth_error(r: &Resp, status: u16, error: &str, contains: &str) {
    assert_eq!(r.status, status, "{}", r.body);
    let body = r.json();
    assert_eq!(body["error"], error, "{}", r.body);
    let description = body["error_description"].as_str().unwrap_or_default();
    assert!(description.contains(contains), "{description}");
    assert!(description.contains("(Correlation ID: "), "{description}");
}

pub fn assert_platform_error(r: &Resp, status: u16, code: &str, target: Option<&str>) {
    assert_eq!(r.status, status, "{}", r.body);
    let body = r.json();
    assert_eq!(body["code"], code, "{}", r.body);
    assert!(body["id"].as_str().is_some_and(|id| id.len() == 36));
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
    if let Some(target) = target {
        assert_eq!(body["details"][0]["target"], target, "{}", r.body);
    }
}
