//! PingOne's flows, as a collection writes them: a PKCE S256 challenge, a CLIENT_SECRET_JWT
//! assertion (HS256 via CryptoJS) and a PRIVATE_KEY_JWT assertion (RS256 via Web Crypto),
//! each checked against an independent reference.

#[path = "fixtures/crypto/support.rs"]
mod support;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{KeyInit, Mac};
use rsa::pkcs8::DecodePublicKey;

#[test]
fn pkce_s256_challenge_matches_rfc_7636() {
    // RFC 7636 appendix B.
    let code = "const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';\n\
        const challenge = CryptoJS.SHA256(verifier).toString(CryptoJS.enc.Base64)\n\
          .replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');\n\
        pm.environment.set('code_challenge', challenge);\n\
        pm.environment.set('via_base64url', CryptoJS.enc.Base64url.stringify(CryptoJS.SHA256(verifier)));";
    let (error, scopes) = support::run(code);
    assert!(error.is_none(), "{error:?}");
    let want = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    assert_eq!(
        support::env(&scopes, "code_challenge").as_deref(),
        Some(want)
    );
    assert_eq!(
        support::env(&scopes, "via_base64url").as_deref(),
        Some(want)
    );
}

#[test]
fn hs256_client_secret_jwt_with_cryptojs() {
    let code = "function b64url(wa) {\n\
          return CryptoJS.enc.Base64.stringify(wa).replace(/=+$/, '').replace(/\\+/g, '-').replace(/\\//g, '_');\n\
        }\n\
        const header = b64url(CryptoJS.enc.Utf8.parse(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));\n\
        const payload = b64url(CryptoJS.enc.Utf8.parse(JSON.stringify({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })));\n\
        const signature = b64url(CryptoJS.HmacSHA256(header + '.' + payload, 'your-256-bit-secret'));\n\
        pm.environment.set('client_assertion', header + '.' + payload + '.' + signature);";
    let (error, scopes) = support::run(code);
    assert!(error.is_none(), "{error:?}");
    let jwt = support::env(&scopes, "client_assertion").expect("jwt");
    // The well-known example token for this header, payload and secret.
    assert_eq!(
        jwt,
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
    );
    // And an independent HMAC over the signing input agrees.
    let (input, sig) = jwt.rsplit_once('.').expect("three parts");
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(b"your-256-bit-secret").expect("key");
    mac.update(input.as_bytes());
    assert_eq!(URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()), sig);
}

#[test]
fn rs256_private_key_jwt_with_web_crypto() {
    let keys: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/crypto/keys.json"
        ))
        .expect("keys.json"),
    )
    .expect("keys");
    let pem = keys["rsa"]["privateKey"].as_str().expect("pem");
    pm_private_key_jwt(pem, keys["rsa"]["publicKey"].as_str().expect("public"));
}

fn pm_private_key_jwt(private_pem: &str, public_pem: &str) {
    let code = format!(
        "const pem = {private_pem:?};\n\
         const der = Uint8Array.from(atob(pem.replace(/-----[^-]+-----/g, '').replace(/\\s+/g, '')), (c) => c.charCodeAt(0));\n\
         const key = await crypto.subtle.importKey('pkcs8', der.buffer, {{ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }}, false, ['sign']);\n\
         const enc = (obj) => btoa(JSON.stringify(obj)).replace(/=+$/, '').replace(/\\+/g, '-').replace(/\\//g, '_');\n\
         const input = enc({{ alg: 'RS256', typ: 'JWT', kid: 'k1' }}) + '.' + enc({{ iss: 'client', sub: 'client', aud: 'https://auth.pingone.com/env/as/token', jti: 'abc', exp: 1700000000 }});\n\
         const sig = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, new TextEncoder().encode(input));\n\
         const b64 = btoa(String.fromCharCode(...new Uint8Array(sig))).replace(/=+$/, '').replace(/\\+/g, '-').replace(/\\//g, '_');\n\
         pm.environment.set('client_assertion', input + '.' + b64);"
    );
    let (error, scopes) = support::run(&code);
    assert!(error.is_none(), "{error:?}");
    let jwt = support::env(&scopes, "client_assertion").expect("jwt");
    let (input, sig) = jwt.rsplit_once('.').expect("three parts");
    let sig = URL_SAFE_NO_PAD.decode(sig).expect("b64url");
    let public = rsa::PublicKey::from_public_key_pem(public_pem).expect("public key");
    assert!(public
        .pkcs1v15_verify::<sha2::Sha256>(input.as_bytes(), &sig)
        .is_ok());
    let header = URL_SAFE_NO_PAD
        .decode(input.split('.').next().unwrap_or(""))
        .expect("header");
    assert_eq!(
        String::from_utf8_lossy(&header),
        r#"{"alg":"RS256","typ":"JWT","kid":"k1"}"#
    );
}
