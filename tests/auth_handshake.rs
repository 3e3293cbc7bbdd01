//! Auth types with round trips: Digest (RFC 7616 challenge and response) and NTLM (MS-NLMP
//! negotiate/challenge/authenticate with NTLMv2 responses, all on one connection). The servers
//! issue their own challenges and check the answers with the RFC's and MS-NLMP's formulas.

mod auth_support;
mod http_support;

use auth_support::*;
use hmac::{Hmac, KeyInit, Mac};
use http_support::{resp, serve, Captured};
use postie::collection::Behavior;
use postie::http::Client;
use serde_json::json;
use std::sync::{Arc, Mutex};

const REALM: &str = "test@example.org";
const USER: &str = "Mufasa";
const PASS: &str = "Circle of Life";

fn digest_hash(algorithm: &str, data: &[u8]) -> String {
    use sha2::Digest;
    match algorithm.trim_end_matches("-sess") {
        "MD5" => hex(&md5::Md5::digest(data)),
        "SHA-256" => hex(&sha2::Sha256::digest(data)),
        "SHA-512-256" => hex(&sha2::Sha512_256::digest(data)),
        other => panic!("algorithm {other}"),
    }
}

/// `/digest/<algorithm>/<qop>`: challenges, then checks the response per RFC 7616 §3.4.1.
fn digest_server_reply(c: &Captured, counter: &Mutex<u32>) -> Vec<u8> {
    let path = c.target.split('?').next().unwrap_or("");
    let parts: Vec<&str> = path.split('/').collect();
    let (algorithm, qop) = (parts[2], parts[3]);
    if let Some(h) = c.header("authorization") {
        let p = auth_params(h);
        let get = |k: &str| param(&p, k).to_string();
        let nonce = get("nonce");
        let mut ha1 = digest_hash(algorithm, format!("{USER}:{REALM}:{PASS}").as_bytes());
        if algorithm.ends_with("-sess") {
            ha1 = digest_hash(
                algorithm,
                format!("{ha1}:{nonce}:{}", get("cnonce")).as_bytes(),
            );
        }
        let a2 = if qop == "auth-int" {
            format!(
                "{}:{}:{}",
                c.method,
                get("uri"),
                digest_hash(algorithm, &c.body)
            )
        } else {
            format!("{}:{}", c.method, get("uri"))
        };
        let ha2 = digest_hash(algorithm, a2.as_bytes());
        let expected = if qop == "none" {
            digest_hash(algorithm, format!("{ha1}:{nonce}:{ha2}").as_bytes())
        } else {
            digest_hash(
                algorithm,
                format!("{ha1}:{nonce}:{}:{}:{qop}:{ha2}", get("nc"), get("cnonce")).as_bytes(),
            )
        };
        let ok = get("response") == expected
            && get("uri") == c.target
            && get("username") == USER
            && get("realm") == REALM
            && get("opaque") == "op4que"
            && get("algorithm") == algorithm
            && (qop == "none" || get("qop") == qop);
        if ok {
            return resp("200 OK", &[], b"authenticated");
        }
    }
    let n = {
        let mut n = counter.lock().unwrap();
        *n += 1;
        *n
    };
    let qop_part = match qop {
        "none" => String::new(),
        "auth" => ", qop=\"auth,auth-int\"".to_string(),
        q => format!(", qop=\"{q}\""),
    };
    let challenge = format!(
        "Digest realm=\"{REALM}\"{qop_part}, nonce=\"nonce-{n}\", opaque=\"op4que\", algorithm={algorithm}"
    );
    resp(
        "401 Unauthorized",
        &[
            ("WWW-Authenticate", "Basic realm=\"x\""),
            ("WWW-Authenticate", &challenge),
        ],
        b"",
    )
}

async fn digest_server() -> http_support::Server {
    let counter = Arc::new(Mutex::new(0));
    serve(move |c| digest_server_reply(c, &counter)).await
}

fn digest(extra: serde_json::Value) -> postie::collection::Auth {
    let mut params = json!({"username": USER, "password": PASS});
    if let (Some(p), serde_json::Value::Object(e)) = (params.as_object_mut(), extra) {
        p.extend(e);
    }
    auth("digest", params)
}

#[tokio::test]
async fn digest_every_algorithm_and_qop() {
    let srv = digest_server().await;
    let post = request("POST", &[], Some(raw_body("digest body")));
    for algorithm in [
        "MD5",
        "MD5-sess",
        "SHA-256",
        "SHA-256-sess",
        "SHA-512-256",
        "SHA-512-256-sess",
    ] {
        for qop in ["auth", "auth-int", "none"] {
            let before = srv.requests().len();
            let url = srv.url(&format!("/digest/{algorithm}/{qop}?x=1"));
            let out = perform(&url, &post, &digest(json!({}))).await;
            assert_eq!(code(&out), 200, "{algorithm} {qop}");
            let seen = &srv.requests()[before..];
            assert_eq!(seen.len(), 2, "{algorithm} {qop}: challenge then answer");
            assert!(seen[0].header("authorization").is_none());
            assert_eq!(seen[1].body, b"digest body");
        }
    }
}

#[tokio::test]
async fn digest_disable_retry_prefilled_params_and_nonce_reuse() {
    let srv = digest_server().await;
    let url = srv.url("/digest/MD5/auth");
    let get = request("GET", &[], None);
    let out = perform(&url, &get, &digest(json!({"disableRetryRequest": true}))).await;
    assert_eq!(code(&out), 401);
    assert_eq!(srv.requests().len(), 1);

    // Realm and nonce known up front: one request, signed.
    let a = digest(
        json!({"realm": REALM, "nonce": "nonce-1", "opaque": "op4que", "qop": "auth",
                          "algorithm": "MD5", "nonceCount": "00000001", "clientNonce": "0a4f113b"}),
    );
    let out = perform(&url, &get, &a).await;
    assert_eq!(code(&out), 200);
    assert_eq!(srv.requests().len(), 2);
    let h = srv.last().header("authorization").unwrap().to_string();
    assert!(h.contains("nc=00000001, cnonce=\"0a4f113b\""), "{h}");

    // One client: the second request reuses the challenge with the next nonce count.
    let client = Client::new(&opts()).unwrap();
    let a = digest(json!({}));
    for _ in 0..2 {
        let out = perform_with(&client, &url, &get, Some(&a), &Behavior::default()).await;
        assert_eq!(code(&out), 200);
    }
    assert_eq!(srv.requests().len(), 5);
    assert!(srv
        .last()
        .header("authorization")
        .unwrap()
        .contains("nc=00000002"));
}

// ---- NTLM ----

fn hmac_md5(key: &[u8], data: &[&[u8]]) -> Vec<u8> {
    let mut m = <Hmac<md5::Md5> as KeyInit>::new_from_slice(key).unwrap();
    for d in data {
        m.update(d);
    }
    m.finalize().into_bytes().to_vec()
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn le16(b: &[u8], at: usize) -> usize {
    u16::from_le_bytes([b[at], b[at + 1]]) as usize
}

fn le32(b: &[u8], at: usize) -> usize {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize
}

/// A security buffer's bytes (length at `at`, offset at `at + 4`).
fn field(m: &[u8], at: usize) -> Vec<u8> {
    let (len, off) = (le16(m, at), le32(m, at + 4));
    m[off..off + len].to_vec()
}

const SERVER_CHALLENGE: [u8; 8] = [1, 2, 3, 4, 5, 6, 7, 8];

fn target_info() -> Vec<u8> {
    let mut info = vec![2, 0, 12, 0];
    info.extend(utf16("DOMAIN"));
    info.extend([7, 0, 8, 0]);
    info.extend(0x01d9_0000_0000_0000u64.to_le_bytes());
    info.extend([0, 0, 0, 0]);
    info
}

fn challenge_message() -> String {
    let info = target_info();
    let mut m = b"NTLMSSP\0".to_vec();
    m.extend(2u32.to_le_bytes());
    m.extend([0, 0, 0, 0, 48, 0, 0, 0]); // empty target name at 48
    m.extend((0x0000_0001u32 | 0x200 | 0x0008_0000 | 0x0080_0000).to_le_bytes());
    m.extend(SERVER_CHALLENGE);
    m.extend([0; 8]);
    m.extend((info.len() as u16).to_le_bytes());
    m.extend((info.len() as u16).to_le_bytes());
    m.extend(48u32.to_le_bytes());
    m.extend(info);
    b64(&m)
}

/// Checks a type 3 message's NTLMv2 response for USER/PASS (MS-NLMP 3.3.2).
fn ntlmv2_ok(m: &[u8]) -> bool {
    use md4::Digest;
    if &m[..8] != b"NTLMSSP\0" || le32(m, 8) != 3 {
        return false;
    }
    let nt = field(m, 20);
    let domain = String::from_utf16_lossy(
        &field(m, 28)
            .chunks(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect::<Vec<_>>(),
    );
    let user = String::from_utf16_lossy(
        &field(m, 36)
            .chunks(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect::<Vec<_>>(),
    );
    let nt_hash = md4::Md4::digest(utf16("SecREt01"));
    let v2 = hmac_md5(
        &nt_hash,
        &[&utf16(&format!("{}{}", user.to_uppercase(), domain))],
    );
    let blob = &nt[16..];
    let proof = hmac_md5(&v2, &[&SERVER_CHALLENGE, blob]);
    let info = target_info();
    proof == nt[..16]
        && user == "user"
        && domain == "DOMAIN"
        && blob.windows(info.len()).any(|w| w == info.as_slice())
}

async fn ntlm_server(scheme: &'static str) -> http_support::Server {
    let challenged_on: Arc<Mutex<Option<usize>>> = Arc::new(Mutex::new(None));
    serve(move |c| {
        let token = c
            .header("authorization")
            .and_then(|h| h.strip_prefix(&format!("{scheme} ")))
            .map(b64_decode);
        match token {
            None => resp("401 Unauthorized", &[("WWW-Authenticate", scheme)], b""),
            Some(m) if le32(&m, 8) == 1 && le32(&m, 12) & 0x201 == 0x201 => {
                *challenged_on.lock().unwrap() = Some(c.conn);
                let value = format!("{scheme} {}", challenge_message());
                resp("401 Unauthorized", &[("WWW-Authenticate", &value)], b"")
            }
            Some(m) => {
                let same_conn = *challenged_on.lock().unwrap() == Some(c.conn);
                if same_conn && ntlmv2_ok(&m) {
                    resp("200 OK", &[], b"welcome")
                } else {
                    resp("401 Unauthorized", &[], b"bad")
                }
            }
        }
    })
    .await
}

#[tokio::test]
async fn ntlm_handshake_on_one_connection() {
    for scheme in ["NTLM", "Negotiate"] {
        let srv = ntlm_server(scheme).await;
        let a = auth(
            "ntlm",
            json!({"username": "DOMAIN\\user", "password": "SecREt01", "workstation": "ws1"}),
        );
        let post = request("POST", &[], Some(raw_body("payload")));
        let out = perform(&srv.url("/secure"), &post, &a).await;
        assert_eq!(code(&out), 200, "{scheme}");
        let seen = srv.requests();
        assert_eq!(seen.len(), 3, "{scheme}");
        assert!(
            seen.iter().all(|c| c.conn == seen[0].conn),
            "one connection"
        );
        assert!(seen.iter().all(|c| c.body == b"payload"));
    }
}

#[tokio::test]
async fn ntlm_without_retry_or_challenge() {
    let srv = ntlm_server("NTLM").await;
    let a = auth(
        "ntlm",
        json!({"username": "user", "password": "x", "disableRetryRequest": true}),
    );
    let out = perform(&srv.url("/"), &request("GET", &[], None), &a).await;
    assert_eq!(code(&out), 401);
    assert_eq!(srv.requests().len(), 1);

    // A server that answers the negotiate message without a challenge.
    let srv = serve(|_| resp("401 Unauthorized", &[("WWW-Authenticate", "NTLM")], b"")).await;
    let a = auth("ntlm", json!({"username": "user", "password": "x"}));
    let out = perform(&srv.url("/"), &request("GET", &[], None), &a).await;
    let err = out.result.unwrap_err().to_string();
    assert_eq!(
        err,
        "ntlm: the server did not answer the negotiate message with a challenge"
    );
}
