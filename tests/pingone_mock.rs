//! The PingOne stand-in on the wire, one test per token endpoint authentication method: what it
//! accepts and what it refuses. Assertions are signed here with independent code (the `rsa` and
//! `hmac` crates), not by postie's script sandbox.

mod pingone_support;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{KeyInit, Mac};
use pingone_support::flow::*;
use pingone_support::{field, http, jwk_uint, jwt_parts};
use postie::mock::pingone::{PingOneServer, DEMO_ENV_ID};
use rsa::pkcs8::DecodePrivateKey;
use rsa::traits::PublicKeyParts;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

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

    let jwks = json!({"keys": [{
        "kty": "RSA", "kid": "demo", "use": "sig", "alg": "RS256",
        "n": jwk_uint(&public.n().to_be_bytes()), "e": jwk_uint(&public.e().to_be_bytes()),
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
fn postie_mock_pingone_serves_the_demo_tenant() {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_postie"))
        .args(["mock", "pingone", "--port", "0"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("start postie mock pingone");
    let mut lines = std::io::BufReader::new(child.stdout.take().expect("stdout")).lines();
    let first = lines.next().and_then(Result::ok).unwrap_or_default();
    let banner: Vec<String> = lines.take(7).map_while(Result::ok).collect();
    let addr = first.rsplit("http://").next().and_then(|a| a.parse().ok());
    let answer = addr.map(|addr| {
        let auth = basic(
            postie::mock::pingone::DEMO_ADMIN_APP_ID,
            postie::mock::pingone::DEMO_ADMIN_APP_SECRET,
        );
        let path = format!("/{}/as/token", postie::mock::pingone::DEMO_ADMIN_ENV_ID);
        http(
            addr,
            "POST",
            &path,
            &[("Authorization", &auth), ("Content-Type", FORM)],
            "grant_type=client_credentials",
        )
    });
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        first.starts_with("postie mock pingone listening on http://127.0.0.1:"),
        "{first}"
    );
    assert_eq!(answer.map(|r| r.status), Some(200));
    let flags = banner.join("\n");
    assert!(
        flags.contains(&format!("--env-var envID={DEMO_ENV_ID}")),
        "{flags}"
    );
}
