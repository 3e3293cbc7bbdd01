//! The echo server's auth routes, each checked against a client computed here from the spec:
//! Basic, Digest (RFC 7616), Hawk (the Hawk 1 header format), OAuth 1.0a (RFC 5849) and OAuth 2.0.

mod support;

use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use md5::Md5;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::{json, Value};
use sha1::Sha1;
use sha2::{Digest, Sha256};
use support::TestCa;

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A TLS echo server and a client that reaches it as postman-echo.com.
fn setup() -> (postie::mock::MockServer, reqwest::Client, TestCa) {
    let ca = TestCa::new();
    let server = support::echo_server_tls(&ca);
    let client = support::client(&ca, &[("postman-echo.com", server.addr)]);
    (server, client, ca)
}

fn echo_url(server: &postie::mock::MockServer, path: &str) -> String {
    format!("https://postman-echo.com:{}{path}", server.port())
}

async fn send(request: reqwest::RequestBuilder) -> (u16, reqwest::header::HeaderMap, Value) {
    let response = request.send().await.expect("request");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.expect("body");
    (
        status,
        headers,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

#[tokio::test]
async fn basic_auth() {
    let (server, client, _ca) = setup();
    let url = echo_url(&server, "/basic-auth");
    let (status, _, body) = send(client.get(&url).basic_auth("postman", Some("password"))).await;
    assert_eq!((status, body), (200, json!({"authenticated": true})));
    let (status, headers, _) = send(client.get(&url).basic_auth("postman", Some("nope"))).await;
    assert_eq!(status, 401);
    assert_eq!(headers["www-authenticate"], "Basic realm=\"Users\"");
    let log = server.log.entries();
    assert_eq!(
        log[0].header("authorization"),
        Some("Basic cG9zdG1hbjpwYXNzd29yZA==")
    );
}

fn md5_hex(text: &str) -> String {
    hex(&Md5::digest(text.as_bytes()))
}

fn sha256_hex(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The value of `key="…"` in a challenge.
fn challenge_param(header: &str, key: &str) -> String {
    let start = header.find(&format!("{key}=\"")).expect("param") + key.len() + 2;
    header[start..].split('"').next().unwrap_or("").to_string()
}

#[tokio::test]
async fn digest_challenge_then_qop_auth_md5() {
    let (server, client, _ca) = setup();
    let url = echo_url(&server, "/digest-auth");
    let (status, headers, _) = send(client.get(&url)).await;
    assert_eq!(status, 401);
    let challenge = headers["www-authenticate"].to_str().expect("ascii");
    assert!(challenge.starts_with("Digest "), "{challenge}");
    assert_eq!(challenge_param(challenge, "realm"), "Users");
    assert_eq!(challenge_param(challenge, "qop"), "auth");
    let nonce = challenge_param(challenge, "nonce");
    assert_eq!(nonce.len(), 32);

    let (cnonce, nc) = ("0a4f113b", "00000001");
    let ha1 = md5_hex("postman:Users:password");
    let ha2 = md5_hex("GET:/digest-auth");
    let response = md5_hex(&format!("{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}"));
    let authorization = format!(
        "Digest username=\"postman\", realm=\"Users\", nonce=\"{nonce}\", uri=\"/digest-auth\", \
         algorithm=MD5, qop=auth, nc={nc}, cnonce=\"{cnonce}\", response=\"{response}\""
    );
    let (status, _, body) = send(client.get(&url).header("authorization", &authorization)).await;
    assert_eq!((status, body), (200, json!({"authenticated": true})));
    assert_eq!(
        server
            .log
            .last()
            .and_then(|r| r.header("authorization").map(str::to_owned)),
        Some(authorization)
    );
}

#[tokio::test]
async fn digest_without_qop_accepts_newmans_recorded_header() {
    let (server, client, _ca) = setup();
    let nonce = "ni1LiL0O37PRRhofWdCLmwFsnEtH1lew";
    let response = md5_hex(&format!(
        "{}:{nonce}:{}",
        md5_hex("postman:Users:password"),
        md5_hex("GET:/digest-auth")
    ));
    // The exact header in Newman's echo-v2 suite, computed against postman-echo.com.
    assert_eq!(response, "254679099562cf07df9b6f5d8d15db44");
    let header = format!(
        "Digest username=\"postman\", realm=\"Users\", nonce=\"{nonce}\", uri=\"/digest-auth\", response=\"{response}\", opaque=\"\""
    );
    let (status, _, body) = send(
        client
            .get(echo_url(&server, "/digest-auth"))
            .header("authorization", header),
    )
    .await;
    assert_eq!((status, body), (200, json!({"authenticated": true})));
    // An empty algorithm (a digest helper with the field left blank) means MD5.
    let header = format!(
        "Digest username=\"postman\", realm=\"Users\", nonce=\"{nonce}\", uri=\"/digest-auth\", algorithm=\"\", response=\"{response}\""
    );
    let (status, _, _) = send(
        client
            .get(echo_url(&server, "/digest-auth"))
            .header("authorization", header),
    )
    .await;
    assert_eq!(status, 200);
    let log = server.log.entries();
    assert_eq!(log.len(), 2);
    assert!(log[1]
        .header("authorization")
        .is_some_and(|a| a.contains("algorithm=\"\"")));
}

#[tokio::test]
async fn digest_sha256_sess_and_failures() {
    let (server, client, _ca) = setup();
    let url = echo_url(&server, "/digest-auth?x=1");
    let (nonce, cnonce) = ("abc", "xyz");
    let ha1 = sha256_hex(&format!(
        "{}:{nonce}:{cnonce}",
        sha256_hex("postman:Users:password")
    ));
    let ha2 = sha256_hex("GET:/digest-auth?x=1");
    let response = sha256_hex(&format!("{ha1}:{nonce}:00000002:{cnonce}:auth:{ha2}"));
    let header = |uri: &str, response: &str| {
        format!(
            "Digest username=\"postman\", realm=\"Users\", nonce=\"{nonce}\", uri=\"{uri}\", algorithm=SHA-256-sess, \
             qop=auth, nc=00000002, cnonce=\"{cnonce}\", response=\"{response}\""
        )
    };
    let ok = client
        .get(&url)
        .header("authorization", header("/digest-auth?x=1", &response));
    assert_eq!(send(ok).await.0, 200);
    let wrong_uri = client
        .get(&url)
        .header("authorization", header("/elsewhere", &response));
    assert_eq!(send(wrong_uri).await.0, 401);
    let wrong_response = client
        .get(&url)
        .header("authorization", header("/digest-auth?x=1", &md5_hex("x")));
    let (status, headers, _) = send(wrong_response).await;
    assert_eq!(status, 401);
    assert!(headers.contains_key("www-authenticate"));
    assert_eq!(server.log.len(), 3);
}

/// Hawk's `header` MAC over the normalized request string, for host postman-echo.com.
fn hawk_mac(
    (ts, nonce): (&str, &str),
    method: &str,
    resource: &str,
    port: u16,
    hash: &str,
    ext: &str,
) -> String {
    let normalized = format!(
        "hawk.1.header\n{ts}\n{nonce}\n{method}\n{resource}\npostman-echo.com\n{port}\n{hash}\n{ext}\n"
    );
    let mut mac =
        Hmac::<Sha256>::new_from_slice(postie::mock::creds::HAWK_KEY.as_bytes()).expect("key");
    mac.update(normalized.as_bytes());
    B64.encode(mac.finalize().into_bytes())
}

#[tokio::test]
async fn hawk_header_with_and_without_payload_hash() {
    let (server, client, _ca) = setup();
    let url = echo_url(&server, "/auth/hawk?a=1");
    let mac = hawk_mac(
        ("1448888081", "HoH6Ay"),
        "GET",
        "/auth/hawk?a=1",
        443,
        "",
        "ext-data",
    );
    let header = format!("Hawk id=\"dh37fgj492je\", ts=\"1448888081\", nonce=\"HoH6Ay\", ext=\"ext-data\", mac=\"{mac}\"");
    let request = client
        .get(&url)
        .header("host", "postman-echo.com")
        .header("authorization", &header);
    let (status, _, body) = send(request).await;
    assert_eq!(status, 200);
    assert_eq!(body["message"], "Hawk Authentication Successful");

    let payload = "{\"hello\":\"hawk\"}";
    let hash = B64.encode(Sha256::digest(
        format!("hawk.1.payload\napplication/json\n{payload}\n").as_bytes(),
    ));
    let port = server.port();
    let mac = hawk_mac(("1", "n"), "POST", "/auth/hawk", port, &hash, "");
    let header =
        format!("Hawk id=\"dh37fgj492je\", ts=\"1\", nonce=\"n\", hash=\"{hash}\", mac=\"{mac}\"");
    let post = |body: &'static str| {
        client
            .post(echo_url(&server, "/auth/hawk"))
            .header("authorization", &header)
            .header("content-type", "application/json; charset=utf-8")
            .body(body)
    };
    assert_eq!(send(post("{\"hello\":\"hawk\"}")).await.0, 200);
    let (status, _, body) = send(post("{\"hello\":\"tampered\"}")).await;
    assert_eq!(
        (status, body["message"].as_str()),
        (401, Some("Bad payload hash"))
    );
    let log = server.log.entries();
    assert_eq!(log.len(), 3);
    assert_eq!(log[0].header("host"), Some("postman-echo.com"));
    assert_eq!(log[2].body, "{\"hello\":\"tampered\"}");
}

#[tokio::test]
async fn hawk_rejects_bad_mac_and_unknown_id() {
    let (server, client, _ca) = setup();
    let url = echo_url(&server, "/auth/hawk");
    let good = hawk_mac(("1", "n"), "GET", "/auth/hawk", server.port(), "", "");
    let bad_method = hawk_mac(("1", "n"), "POST", "/auth/hawk", server.port(), "", "");
    let header =
        |id: &str, mac: &str| format!("Hawk id=\"{id}\", ts=\"1\", nonce=\"n\", mac=\"{mac}\"");
    assert_eq!(
        send(
            client
                .get(&url)
                .header("authorization", header("dh37fgj492je", &good))
        )
        .await
        .0,
        200
    );
    let (status, headers, body) = send(
        client
            .get(&url)
            .header("authorization", header("dh37fgj492je", &bad_method)),
    )
    .await;
    assert_eq!((status, body["message"].as_str()), (401, Some("Bad mac")));
    assert_eq!(headers["www-authenticate"], "Hawk error=\"Bad mac\"");
    let (status, _, body) = send(
        client
            .get(&url)
            .header("authorization", header("someone", &good)),
    )
    .await;
    assert_eq!(
        (status, body["message"].as_str()),
        (401, Some("Unknown credentials"))
    );
    assert_eq!(send(client.get(&url)).await.0, 401);
    let log = server.log.entries();
    assert_eq!(log.len(), 4);
    assert_eq!(log[3].header("authorization"), None);
}

fn enc(text: &str) -> String {
    utf8_percent_encode(text, UNRESERVED).to_string()
}

/// RFC 5849 §3.4: the base string and its HMAC-SHA1/SHA256 signature with `secret&`.
fn oauth1_signature(
    method: &str,
    base_uri: &str,
    params: &[(&str, &str)],
    secret: &str,
    sha256: bool,
) -> (String, String) {
    let mut pairs: Vec<(String, String)> = params.iter().map(|(k, v)| (enc(k), enc(v))).collect();
    pairs.sort();
    let normalized: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let base = format!("{method}&{}&{}", enc(base_uri), enc(&normalized.join("&")));
    let key = format!("{}&", enc(secret));
    let digest = if sha256 {
        let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("key");
        mac.update(base.as_bytes());
        mac.finalize().into_bytes().to_vec()
    } else {
        let mut mac = Hmac::<Sha1>::new_from_slice(key.as_bytes()).expect("key");
        mac.update(base.as_bytes());
        mac.finalize().into_bytes().to_vec()
    };
    (base, B64.encode(digest))
}

const OAUTH: [(&str, &str); 5] = [
    ("oauth_consumer_key", "RKCGzna7bv9YD57c"),
    ("oauth_signature_method", "HMAC-SHA1"),
    ("oauth_timestamp", "1461319769"),
    ("oauth_nonce", "ik3oT5"),
    ("oauth_version", "1.0"),
];

fn oauth_header(params: &[(&str, &str)], signature: &str) -> String {
    let mut fields: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{k}=\"{}\"", enc(v)))
        .collect();
    fields.push(format!("oauth_signature=\"{}\"", enc(signature)));
    format!("OAuth realm=\"\",{}", fields.join(","))
}

#[tokio::test]
async fn oauth1_header_signature_over_the_url_the_client_saw() {
    let (server, client, _ca) = setup();
    let secret = postie::mock::creds::OAUTH1_CONSUMER_SECRET;
    let mut params = OAUTH.to_vec();
    params.push(("a", "omg"));
    let (_, signature) = oauth1_signature(
        "GET",
        "https://postman-echo.com/oauth1",
        &params,
        secret,
        false,
    );
    let request = client
        .get(echo_url(&server, "/oauth1?a=omg"))
        .header("host", "postman-echo.com")
        .header("authorization", oauth_header(&OAUTH, &signature));
    let (status, _, body) = send(request).await;
    let pass =
        json!({"status": "pass", "message": "OAuth-1.0a signature verification was successful"});
    assert_eq!((status, body), (200, pass));

    // Without the Host override the port is part of the base URI.
    let base_uri = format!("https://postman-echo.com:{}/oauth1", server.port());
    let (_, signature) = oauth1_signature("GET", &base_uri, &params, secret, false);
    let request = client
        .get(echo_url(&server, "/oauth1?a=omg"))
        .header("authorization", oauth_header(&OAUTH, &signature));
    assert_eq!(send(request).await.0, 200);
    let log = server.log.entries();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].target, "/oauth1?a=omg");
    assert!(log[1]
        .header("authorization")
        .is_some_and(|a| a.starts_with("OAuth realm=\"\",oauth_consumer_key=")));
}

#[tokio::test]
async fn oauth1_form_body_and_query_parameters_and_failure_details() {
    let (server, client, _ca) = setup();
    let secret = postie::mock::creds::OAUTH1_CONSUMER_SECRET;
    let base_uri = format!("https://postman-echo.com:{}/oauth1", server.port());
    let mut oauth = OAUTH.to_vec();
    oauth[1] = ("oauth_signature_method", "HMAC-SHA256");
    let mut params = oauth.clone();
    params.extend([("b", "two words"), ("c", "1")]);
    let (_, signature) = oauth1_signature("POST", &base_uri, &params, secret, true);
    let post = client
        .post(echo_url(&server, "/oauth1?c=1"))
        .header("authorization", oauth_header(&oauth, &signature))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("b=two+words");
    assert_eq!(send(post).await.0, 200);

    // Parameters in the query string instead of a header.
    let (_, signature) = oauth1_signature("GET", &base_uri, &OAUTH, secret, false);
    let mut query: Vec<String> = OAUTH
        .iter()
        .map(|(k, v)| format!("{k}={}", enc(v)))
        .collect();
    query.push(format!("oauth_signature={}", enc(&signature)));
    assert_eq!(
        send(client.get(echo_url(&server, &format!("/oauth1?{}", query.join("&")))))
            .await
            .0,
        200
    );

    let (base, signature) = oauth1_signature("GET", &base_uri, &OAUTH, "wrong secret", false);
    let request = client
        .get(echo_url(&server, "/oauth1"))
        .header("authorization", oauth_header(&OAUTH, &signature));
    let (status, _, body) = send(request).await;
    assert_eq!(status, 401);
    assert_eq!(body["status"], "fail");
    assert_eq!(body["message"], "HMAC-SHA1 verification failed");
    assert_eq!(body["base_uri"], base_uri);
    assert_eq!(body["base_string"], base);
    assert_eq!(body["signing_key"], "D%2BEdQ-gs%24-%25%402Nu7&");
    assert_eq!(server.log.len(), 3);
}

#[tokio::test]
async fn oauth2_token_and_resource() {
    let (server, client, _ca) = setup();
    let token_url = echo_url(&server, "/oauth2/token");
    let form = "grant_type=client_credentials&scope=read";
    let request = client
        .post(&token_url)
        .basic_auth("abc123", Some("ssh-secret"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form);
    let (status, _, body) = send(request).await;
    assert_eq!(status, 200);
    let token = postie::mock::creds::OAUTH2_ACCESS_TOKEN;
    assert_eq!(
        body,
        json!({"access_token": token, "token_type": "Bearer", "expires_in": 3600, "scope": "read"})
    );

    // Newman's echo-v2 sends the credentials as multipart fields with an authorization code.
    let fields = [
        ("code", "xWnkliVQJURqB2x1"),
        ("grant_type", "authorization_code"),
        ("client_id", "abc123"),
        ("client_secret", "ssh-secret"),
    ];
    let mut multipart = String::new();
    for (name, value) in fields {
        multipart.push_str(&format!(
            "--XX\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    multipart.push_str("--XX--\r\n");
    let request = client
        .post(&token_url)
        .header("content-type", "multipart/form-data; boundary=XX")
        .body(multipart);
    let (status, _, body) = send(request).await;
    assert_eq!((status, body["token_type"].as_str()), (200, Some("Bearer")));

    let bad = client
        .post(&token_url)
        .basic_auth("abc123", Some("nope"))
        .body("grant_type=client_credentials");
    let (status, _, body) =
        send(bad.header("content-type", "application/x-www-form-urlencoded")).await;
    assert_eq!((status, body), (401, json!({"error": "invalid_client"})));
    let unsupported = client
        .post(&token_url)
        .basic_auth("abc123", Some("ssh-secret"))
        .body(r#"{"grant_type":"magic"}"#);
    let (status, _, body) = send(unsupported.header("content-type", "application/json")).await;
    assert_eq!(
        (status, body),
        (400, json!({"error": "unsupported_grant_type"}))
    );

    let info = echo_url(&server, "/oauth2/user/info");
    let (status, _, body) = send(client.get(&info).bearer_auth(token)).await;
    assert_eq!(status, 200);
    assert!(
        body.get("user_id").is_some() && body.get("name").is_some(),
        "{body}"
    );
    assert_eq!(send(client.get(&info).bearer_auth("other")).await.0, 401);
    assert_eq!(server.log.len(), 6);
}
