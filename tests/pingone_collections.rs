//! The five workflow collections, run by the `postie` binary against the PingOne stand-in: each
//! passes, and the stand-in saw what the method requires (checked here independently of the
//! stand-in's own checks): the Basic header, the posted secret, the HS256 and RS256 assertions'
//! signatures, the PKCE verifier, the ST cookie on the flow requests; cleanup leaves nothing.

mod pingone_support;

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use hmac::{KeyInit, Mac};
use pingone_support::{
    assert_passed, demo_value, field, jwk_uint, jwt_parts, requests_to, run_collection,
};
use postie::mock::pingone::{PingOneServer, DEMO_ADMIN_APP_ID, DEMO_ADMIN_APP_SECRET, DEMO_ENV_ID};
use postie::mock::RecordedRequest;
use rsa::pkcs8::DecodePrivateKey;
use rsa::traits::PublicKeyParts;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// Runs `name`, checks the report and what every flow shares; returns the token request and
/// the application's id.
fn run(server: &PingOneServer, name: &str, assertions: u64) -> (RecordedRequest, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let report = dir.path().join("report.json");
    let out = run_collection(server, name, &report);
    assert_passed(&out);
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(&report).expect("report")).expect("JSON");
    let stats = &report["run"]["stats"];
    assert_eq!(stats["requests"]["total"], 12, "{stats}");
    assert_eq!(stats["assertions"]["total"], assertions, "{stats}");
    assert_eq!(stats["assertions"]["failed"], 0, "{stats}");

    let worker = requests_to(
        server,
        "POST",
        &format!("{}/as/token", postie::mock::pingone::DEMO_ADMIN_ENV_ID),
    );
    let admin = format!(
        "Basic {}",
        STANDARD.encode(format!("{DEMO_ADMIN_APP_ID}:{DEMO_ADMIN_APP_SECRET}"))
    );
    assert_eq!(worker.len(), 1);
    assert_eq!(worker[0].header("authorization"), Some(admin.as_str()));

    let authorize = requests_to(server, "POST", "/as/authorize");
    assert_eq!(authorize.len(), 1);
    let body = authorize[0].body_text();
    assert_eq!(field(&body, "response_mode").as_deref(), Some("pi.flow"));
    let app_id = field(&body, "client_id").expect("client_id");

    // The session cookie goes along on the flow action and on resume.
    let check = requests_to(server, "POST", "/flows/");
    let flow_id = check
        .first()
        .and_then(|r| r.target.rsplit('/').next().map(str::to_owned));
    let resume = requests_to(server, "GET", "/as/resume");
    for r in check.iter().chain(&resume) {
        let cookie = r.header("cookie").unwrap_or_default();
        assert!(
            cookie.split("; ").any(|c| c.starts_with("ST=")),
            "{}: {cookie}",
            r.target
        );
    }
    assert_eq!(
        check[0].header("content-type"),
        Some("application/vnd.pingidentity.usernamePassword.check+json")
    );
    assert!(resume[0]
        .target
        .ends_with(&format!("flowId={}", flow_id.unwrap_or_default())));

    let password = requests_to(server, "PUT", "/password");
    assert_eq!(
        password[0].header("content-type"),
        Some("application/vnd.pingidentity.password.set+json")
    );
    assert_eq!(
        server.resource_counts(),
        (0, 0),
        "cleanup deletes the user and the application"
    );

    let token = requests_to(server, "POST", &format!("{DEMO_ENV_ID}/as/token"));
    assert_eq!(token.len(), 1);
    assert_eq!(
        field(&token[0].body_text(), "grant_type").as_deref(),
        Some("authorization_code")
    );
    (token[0].clone(), app_id)
}

fn secret(server: &PingOneServer, app_id: &str) -> String {
    server
        .client_secret(app_id)
        .expect("the stand-in issued a secret")
}

/// iss = sub = the client, aud = the token endpoint, a short validity.
fn assert_assertion_claims(server: &PingOneServer, claims: &Value, app_id: &str) {
    assert_eq!(claims["iss"], app_id);
    assert_eq!(claims["sub"], app_id);
    assert_eq!(
        claims["aud"],
        format!("{}/{DEMO_ENV_ID}/as/token", server.auth_path())
    );
    let (iat, exp) = (
        claims["iat"].as_u64().unwrap_or(0),
        claims["exp"].as_u64().unwrap_or(0),
    );
    assert!(exp > iat && exp - iat <= 3600, "{claims}");
}

#[test]
fn client_secret_basic() {
    let server = PingOneServer::start().expect("server");
    let (token, app_id) = run(&server, "pingone-client-secret-basic", 24);
    let want = format!(
        "Basic {}",
        STANDARD.encode(format!("{app_id}:{}", secret(&server, &app_id)))
    );
    assert_eq!(token.header("authorization"), Some(want.as_str()));
    assert_eq!(field(&token.body_text(), "client_secret"), None);
}

#[test]
fn client_secret_post() {
    let server = PingOneServer::start().expect("server");
    let (token, app_id) = run(&server, "pingone-client-secret-post", 24);
    assert_eq!(token.header("authorization"), None);
    let body = token.body_text();
    assert_eq!(field(&body, "client_id"), Some(app_id.clone()));
    assert_eq!(
        field(&body, "client_secret"),
        Some(secret(&server, &app_id))
    );
}

#[test]
fn client_secret_jwt() {
    let server = PingOneServer::start().expect("server");
    let (token, app_id) = run(&server, "pingone-client-secret-jwt", 24);
    assert_eq!(token.header("authorization"), None);
    let body = token.body_text();
    assert_eq!(
        field(&body, "client_assertion_type").as_deref(),
        Some("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
    );
    let assertion = field(&body, "client_assertion").expect("client_assertion");
    let (header, claims, input, signature) = jwt_parts(&assertion);
    assert_eq!(header["alg"], "HS256");
    let mut mac =
        hmac::Hmac::<Sha256>::new_from_slice(secret(&server, &app_id).as_bytes()).expect("key");
    mac.update(input.as_bytes());
    assert_eq!(
        mac.finalize().into_bytes().to_vec(),
        signature,
        "HMAC-SHA256 with the client secret"
    );
    assert_assertion_claims(&server, &claims, &app_id);
}

#[test]
fn private_key_jwt() {
    let server = PingOneServer::start().expect("server");
    let (token, app_id) = run(&server, "pingone-private-key-jwt", 24);
    let key = rsa::PrivateKey::from_pkcs8_pem(&demo_value("privateKey")).expect("demo key");
    let public = key.to_public_key();
    // Setup registered the demo key's public half.
    let create = requests_to(&server, "POST", "/applications");
    let app: Value = serde_json::from_str(&create[0].body_text()).expect("JSON");
    let jwks: Value =
        serde_json::from_str(app["jwks"].as_str().expect("jwks string")).expect("JWKS");
    let jwk = &jwks["keys"][0];
    assert_eq!(jwk["n"], jwk_uint(&public.n().to_be_bytes()));
    assert_eq!(jwk["e"], "AQAB");
    assert_eq!(jwk["e"], jwk_uint(&public.e().to_be_bytes()));
    // The assertion is RS256 over the signing input with the demo key, naming that key.
    let assertion = field(&token.body_text(), "client_assertion").expect("client_assertion");
    let (header, claims, input, signature) = jwt_parts(&assertion);
    assert_eq!(header["alg"], "RS256");
    assert_eq!(header["kid"], jwk["kid"]);
    let digest = Sha256::digest(input.as_bytes());
    assert!(public
        .verify(rsa::Pkcs1v15Sign::new::<Sha256>(), &digest, &signature)
        .is_ok());
    assert_assertion_claims(&server, &claims, &app_id);
}

#[test]
fn none_with_pkce() {
    let server = PingOneServer::start().expect("server");
    let (token, app_id) = run(&server, "pingone-none-pkce", 25);
    assert_eq!(token.header("authorization"), None);
    let body = token.body_text();
    assert_eq!(field(&body, "client_id"), Some(app_id));
    assert_eq!(field(&body, "client_secret"), None);
    let verifier = field(&body, "code_verifier").expect("code_verifier");
    assert_eq!(verifier.len(), 43);
    let authorize = requests_to(&server, "POST", "/as/authorize")[0].body_text();
    assert_eq!(
        field(&authorize, "code_challenge_method").as_deref(),
        Some("S256")
    );
    assert_eq!(
        field(&authorize, "code_challenge"),
        Some(URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())))
    );
}
