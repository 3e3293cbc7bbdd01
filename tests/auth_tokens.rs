//! Bearer-token auth: Postman's JWT (HS/RS/PS/ES), Atlassian ASAP, and OAuth 2.0, both with a
//! stored token and with tokens postie fetches, caches and refreshes itself. Tokens are checked
//! by local servers with the RustCrypto verifiers and the public keys (never postie's signing
//! code); OAuth 2.0 token requests go to the postman-echo stand-in's token endpoint or to a
//! scripted one.

mod auth_support;
mod http_support;
mod support;

use auth_support::*;
use http_support::{resp, serve};
use postie::collection::Behavior;
use postie::http::Client;
use postie::mock::creds;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};

const RSA_PRIVATE: &str = include_str!("fixtures/auth/rsa-pkcs1.pem");
const RSA_PUBLIC: &str = include_str!("fixtures/auth/rsa-public.pem");
const P256_PRIVATE: &str = include_str!("fixtures/auth/ec-p256-sec1.pem");
const P256_PUBLIC: &str = include_str!("fixtures/auth/ec-p256-public.pem");
const P521_PRIVATE: &str = include_str!("fixtures/auth/ec-p521.pem");
const P521_PUBLIC: &str = include_str!("fixtures/auth/ec-p521-public.pem");

/// Verifies a compact JWS with the algorithm its header names; returns (header, payload).
fn verify_jws(token: &str, hs_secret: &[u8]) -> Result<(Value, Value), String> {
    use rsa::pkcs8::DecodePublicKey;
    let parts: Vec<&str> = token.split('.').collect();
    let [h, p, s] = parts.as_slice() else {
        return Err("not a JWS".into());
    };
    let header: Value = serde_json::from_slice(&b64url_decode(h)).map_err(|e| e.to_string())?;
    let payload: Value = serde_json::from_slice(&b64url_decode(p)).map_err(|e| e.to_string())?;
    let input = format!("{h}.{p}");
    let sig = b64url_decode(s);
    let rsa_pub = || rsa::PublicKey::from_public_key_pem(RSA_PUBLIC).expect("rsa public");
    let ok = match header["alg"].as_str().unwrap_or("") {
        "HS256" => hmac_sha256(hs_secret, input.as_bytes()) == sig,
        "RS256" => rsa_pub()
            .verify(
                rsa::Pkcs1v15Sign::new::<sha2::Sha256>(),
                &sha256(input.as_bytes()),
                &sig,
            )
            .is_ok(),
        "PS384" => {
            use sha2::Digest;
            let digest = sha2::Sha384::digest(input.as_bytes());
            rsa_pub()
                .verify(rsa::pss::Pss::<sha2::Sha384>::new(), &digest, &sig)
                .is_ok()
        }
        "ES256" => {
            use p256::ecdsa::signature::Verifier;
            let key = p256::ecdsa::VerifyingKey::from_public_key_pem(P256_PUBLIC).expect("p256");
            let sig = p256::ecdsa::Signature::from_slice(&sig).map_err(|e| e.to_string())?;
            key.verify(input.as_bytes(), &sig).is_ok()
        }
        "ES512" => {
            use p521::ecdsa::signature::Verifier;
            let key = p521::ecdsa::VerifyingKey::from_public_key_pem(P521_PUBLIC).expect("p521");
            let sig = p521::ecdsa::Signature::from_slice(&sig).map_err(|e| e.to_string())?;
            key.verify(input.as_bytes(), &sig).is_ok()
        }
        other => return Err(format!("unexpected alg {other}")),
    };
    if ok {
        Ok((header, payload))
    } else {
        Err("bad signature".into())
    }
}

/// A server that answers 200 when the bearer token (header, or `?token=`/`?jwt=`) verifies.
async fn jws_server(secret: &'static [u8]) -> http_support::Server {
    serve(move |c| {
        let from_query = c
            .target
            .split_once('?')
            .and_then(|(_, q)| {
                form_pairs(q)
                    .into_iter()
                    .find(|(k, _)| k == "jwt" || k == "token")
            })
            .map(|(_, v)| v);
        let token = c
            .header("authorization")
            .and_then(|h| h.split_once(' ').map(|(_, t)| t.to_string()))
            .or(from_query)
            .unwrap_or_default();
        match verify_jws(&token, secret) {
            Ok(_) => resp("200 OK", &[], b"ok"),
            Err(e) => resp("401 Unauthorized", &[], e.as_bytes()),
        }
    })
    .await
}

fn token_of(srv: &http_support::Server) -> String {
    let c = srv.last();
    c.header("authorization")
        .map(|h| {
            h.split_once(' ')
                .map(|(_, t)| t.to_string())
                .unwrap_or_default()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn jwt_every_family_header_and_query() {
    let srv = jws_server(b"\x01\xff secret").await;
    let payload = "{\"sub\": \"{{resolved already}}\", \"n\": 1}";
    let cases = [
        json!({"algorithm": "HS256", "secret": b64(b"\x01\xff secret"), "isSecretBase64Encoded": true}),
        json!({"algorithm": "RS256", "privateKey": RSA_PRIVATE}),
        json!({"algorithm": "PS384", "privateKey": RSA_PRIVATE}),
        json!({"algorithm": "ES256", "privateKey": P256_PRIVATE, "header": "{\"kid\": \"k1\"}"}),
        json!({"algorithm": "ES512", "privateKey": P521_PRIVATE}),
    ];
    for mut case in cases {
        case["payload"] = json!(payload);
        let a = auth("jwt", case.clone());
        let out = perform(&srv.url("/"), &request("GET", &[], None), &a).await;
        assert_eq!(code(&out), 200, "{case}");
        let (header, claims) = verify_jws(&token_of(&srv), b"\x01\xff secret").unwrap();
        assert_eq!(header["alg"], case["algorithm"]);
        assert_eq!(claims, json!({"sub": "{{resolved already}}", "n": 1}));
        assert!(srv
            .last()
            .header("authorization")
            .unwrap()
            .starts_with("Bearer "));
    }
    let a = auth(
        "jwt",
        json!({"algorithm": "RS256", "privateKey": RSA_PRIVATE, "addTokenTo": "queryParam",
               "queryParamKey": "jwt", "payload": "{}"}),
    );
    let out = perform(&srv.url("/?x=1"), &request("GET", &[], None), &a).await;
    assert_eq!(code(&out), 200);
    assert!(srv.last().target.starts_with("/?x=1&jwt="));
    let a = auth(
        "jwt",
        json!({"algorithm": "HS256", "secret": "s", "headerPrefix": "JWT", "payload": "{}"}),
    );
    perform(&srv.url("/"), &request("GET", &[], None), &a).await;
    assert!(srv
        .last()
        .header("authorization")
        .unwrap()
        .starts_with("JWT ey"));
}

#[tokio::test]
async fn asap_tokens_carry_the_claims() {
    let srv = jws_server(b"").await;
    for (alg, key) in [("RS256", RSA_PRIVATE), ("ES256", P256_PRIVATE)] {
        let a = auth(
            "asap",
            json!({"alg": alg, "kid": "svc/k1", "iss": "svc", "aud": "api", "exp": "300",
                   "privateKey": key, "claims": "{\"scope\": \"read\"}"}),
        );
        let out = perform(&srv.url("/"), &request("GET", &[], None), &a).await;
        assert_eq!(code(&out), 200, "{alg}");
        let (header, claims) = verify_jws(&token_of(&srv), b"").unwrap();
        assert_eq!(header, json!({"alg": alg, "kid": "svc/k1"}));
        assert_eq!(
            (claims["iss"].as_str(), claims["sub"].as_str()),
            (Some("svc"), Some("svc"))
        );
        assert_eq!(claims["aud"], "api");
        assert_eq!(claims["scope"], "read");
        assert_eq!(
            claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
            300
        );
        assert_eq!(claims["jti"].as_str().map(str::len), Some(36));
    }
}

fn oauth2_grant(url: &str, extra: Value) -> postie::collection::Auth {
    let mut params = json!({
        "grant_type": "client_credentials",
        "accessTokenUrl": url,
        "clientId": creds::OAUTH2_CLIENT_ID,
        "clientSecret": creds::OAUTH2_CLIENT_SECRET,
        "scope": "read write",
    });
    if let (Some(p), Value::Object(e)) = (params.as_object_mut(), extra) {
        p.extend(e);
    }
    auth("oauth2", params)
}

#[tokio::test]
async fn oauth2_stored_token_in_header_or_query() {
    let srv = serve(|_| resp("200 OK", &[], b"")).await;
    let a = auth(
        "oauth2",
        json!({"accessToken": "abc", "headerPrefix": "Token"}),
    );
    perform(&srv.url("/"), &request("GET", &[], None), &a).await;
    assert_eq!(srv.last().header("authorization"), Some("Token abc"));
    let a = auth(
        "oauth2",
        json!({"accessToken": "a+b", "addTokenTo": "queryParams"}),
    );
    perform(&srv.url("/?q=1"), &request("GET", &[], None), &a).await;
    assert_eq!(srv.last().target, "/?q=1&access_token=a%2Bb");
}

#[tokio::test]
async fn oauth2_fetches_once_and_caches_for_the_run() {
    let echo = support::echo_server();
    let token_url = format!("{}/oauth2/token", echo.url());
    let resource = format!("{}/oauth2/user/info", echo.url());
    let mut secrets = Vec::new();
    for (grant, extra) in [
        ("header", json!({})),
        ("body", json!({"client_authentication": "body"})),
        (
            "password",
            json!({"grant_type": "password_credentials", "username": creds::USERNAME,
                   "password": creds::PASSWORD}),
        ),
    ] {
        echo.log.clear();
        // One client per run: the header and body cases share a cache key.
        let client = Client::new(&opts()).unwrap();
        let a = oauth2_grant(&token_url, extra);
        for _ in 0..2 {
            let out = perform_with(
                &client,
                &resource,
                &request("GET", &[], None),
                Some(&a),
                &Behavior::default(),
            )
            .await;
            assert_eq!(code(&out), 200, "{grant}");
        }
        let log = echo.log.entries();
        let token_calls: Vec<_> = log.iter().filter(|r| r.target == "/oauth2/token").collect();
        assert_eq!(
            token_calls.len(),
            1,
            "{grant}: one token request for two calls"
        );
        let t = token_calls[0];
        let body = t.body_text();
        assert!(body.contains("scope=read%20write"), "{body}");
        match grant {
            "header" => assert!(t.header("authorization").unwrap().starts_with("Basic ")),
            "body" => assert!(body.contains("client_id=abc123&client_secret=ssh-secret")),
            _ => {
                assert!(body.starts_with("grant_type=password&username=postman&password=password"))
            }
        }
        assert_eq!(
            log.iter()
                .filter(|r| r.target == "/oauth2/user/info")
                .count(),
            2
        );
        secrets.extend(client.take_secrets());
    }
    assert!(secrets.contains(&creds::OAUTH2_ACCESS_TOKEN.to_string()));
}

/// A token endpoint issuing t1, t2, … (with a refresh token and `expires_in`), and a resource
/// that accepts only the newest token.
struct Issuer {
    issued: Mutex<Vec<(String, String)>>,
}

async fn issuer(expires_in: u64) -> (http_support::Server, Arc<Issuer>) {
    let state = Arc::new(Issuer {
        issued: Mutex::new(Vec::new()),
    });
    let s = state.clone();
    let srv = serve(move |c| {
        if c.target == "/token" {
            let body = String::from_utf8_lossy(&c.body).into_owned();
            let grant = form_pairs(&body)
                .into_iter()
                .find(|(k, _)| k == "grant_type")
                .map(|(_, v)| v)
                .unwrap_or_default();
            let mut issued = s.issued.lock().unwrap();
            let t = format!("t{}", issued.len() + 1);
            issued.push((t.clone(), grant));
            let json = format!(
                "{{\"access_token\":\"{t}\",\"token_type\":\"Bearer\",\"expires_in\":{expires_in},\"refresh_token\":\"r-{t}\"}}"
            );
            return resp("200 OK", &[("Content-Type", "application/json")], json.as_bytes());
        }
        let newest = s.issued.lock().unwrap().last().map(|(t, _)| t.clone());
        let given = c.header("authorization").and_then(|h| h.strip_prefix("Bearer "));
        if given.is_some() && given.map(str::to_string) == newest {
            resp("200 OK", &[], b"ok")
        } else {
            resp("401 Unauthorized", &[], b"")
        }
    })
    .await;
    (srv, state)
}

#[tokio::test]
async fn oauth2_refreshes_after_a_401_and_after_expiry() {
    let (srv, state) = issuer(3600).await;
    let client = Client::new(&opts()).unwrap();
    let a = oauth2_grant(&srv.url("/token"), json!({}));
    let (url, get) = (srv.url("/api"), request("GET", &[], None));
    let out = perform_with(&client, &url, &get, Some(&a), &Behavior::default()).await;
    assert_eq!(code(&out), 200);
    // The server moves on to a new token: the cached one now gets 401, so postie fetches once.
    state
        .issued
        .lock()
        .unwrap()
        .push(("revoked".into(), "x".into()));
    let out = perform_with(&client, &url, &get, Some(&a), &Behavior::default()).await;
    assert_eq!(code(&out), 200);
    let grants: Vec<String> = state
        .issued
        .lock()
        .unwrap()
        .iter()
        .map(|(_, g)| g.clone())
        .collect();
    assert_eq!(grants, ["client_credentials", "x", "refresh_token"]);

    let (srv, state) = issuer(1).await;
    let a = oauth2_grant(&srv.url("/token"), json!({}));
    let out = perform_with(
        &client,
        &srv.url("/api"),
        &request("GET", &[], None),
        Some(&a),
        &Behavior::default(),
    )
    .await;
    assert_eq!(code(&out), 200);
    // `expires_in: 1` makes the token stale after half a second.
    tokio::time::sleep(std::time::Duration::from_millis(700)).await;
    let out = perform_with(
        &client,
        &srv.url("/api"),
        &request("GET", &[], None),
        Some(&a),
        &Behavior::default(),
    )
    .await;
    assert_eq!(code(&out), 200);
    let grants: Vec<String> = state
        .issued
        .lock()
        .unwrap()
        .iter()
        .map(|(_, g)| g.clone())
        .collect();
    assert_eq!(grants, ["client_credentials", "refresh_token"]);
}

#[tokio::test]
async fn oauth2_token_errors_are_clear() {
    let echo = support::echo_server();
    let a = oauth2_grant(
        &format!("{}/oauth2/token", echo.url()),
        json!({"clientSecret": "wrong"}),
    );
    let out = perform(
        &format!("{}/get", echo.url()),
        &request("GET", &[], None),
        &a,
    )
    .await;
    let err = out.result.unwrap_err().to_string();
    assert!(
        err.starts_with("oauth2: token request to http://127.0.0.1:"),
        "{err}"
    );
    assert!(
        err.contains("answered 401 Unauthorized: {\"error\":\"invalid_client\"}"),
        "{err}"
    );
    assert_eq!(echo.log.len(), 1, "the request itself was not sent");
}
