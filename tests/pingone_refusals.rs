//! The PingOne stand-in refusing what PingOne refuses: missing keys for PRIVATE_KEY_JWT, the flow
//! without its ST cookie or with the wrong media type or password, the management API without
//! a worker token, with invalid data, duplicate usernames or a weak password.

mod pingone_support;

use pingone_support::flow::*;
use pingone_support::http;
use postie::mock::pingone::{PingOneServer, DEMO_ADMIN_APP_ID, DEMO_ADMIN_ENV_ID, DEMO_ENV_ID};
use serde_json::json;

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
