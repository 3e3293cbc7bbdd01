//! Web Crypto signatures made in the sandbox, checked by an independent verifier (the `rsa` and
//! `p256`/`p384` crates used directly), plus key import/export checks that need Rust to judge.

#[path = "fixtures/crypto/support.rs"]
mod support;

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use p256::pkcs8::DecodePublicKey;
use serde_json::Value;

fn keys() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/crypto/keys.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("keys.json")).expect("keys parse")
}

fn pem_body(pem: &str) -> String {
    pem.lines().filter(|l| !l.starts_with("-----")).collect()
}

fn key(kind: &str, part: &str) -> String {
    keys()[kind][part].as_str().expect("key").to_string()
}

/// Signs `message` in the sandbox with `alg` (a Web Crypto sign algorithm) and a PKCS#8 key,
/// returning the signature bytes.
fn sandbox_sign(pkcs8_pem: &str, import_alg: &str, sign_alg: &str, message: &str) -> Vec<u8> {
    let code = format!(
        "const key = await crypto.subtle.importKey('pkcs8', Buffer.from('{}', 'base64'), {import_alg}, false, ['sign']);\n\
         const sig = await crypto.subtle.sign({sign_alg}, key, new TextEncoder().encode({message:?}));\n\
         pm.environment.set('sig', Buffer.from(sig).toString('base64'));",
        pem_body(pkcs8_pem)
    );
    let (error, scopes) = support::run(&code);
    assert!(error.is_none(), "{error:?}");
    STANDARD
        .decode(support::env(&scopes, "sig").expect("signature"))
        .expect("base64")
}

fn rsa_public() -> rsa::PublicKey {
    rsa::PublicKey::from_public_key_pem(&key("rsa", "publicKey")).expect("rsa public key")
}

#[test]
fn rs256_signature_verifies_with_the_rsa_crate() {
    let sig = sandbox_sign(
        &key("rsa", "privateKey"),
        "{ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }",
        "'RSASSA-PKCS1-v1_5'",
        "hello rs256",
    );
    assert_eq!(sig.len(), 256);
    let public = rsa_public();
    assert!(public
        .pkcs1v15_verify::<sha2::Sha256>(b"hello rs256", &sig)
        .is_ok());
    assert!(public
        .pkcs1v15_verify::<sha2::Sha256>(b"hello rs257", &sig)
        .is_err());
}

#[test]
fn ps256_and_ps512_signatures_verify_with_the_rsa_crate() {
    let sig = sandbox_sign(
        &key("rsa", "privateKey"),
        "{ name: 'RSA-PSS', hash: 'SHA-256' }",
        "{ name: 'RSA-PSS', saltLength: 32 }",
        "hello ps256",
    );
    let public = rsa_public();
    assert!(public
        .pss_verify::<sha2::Sha256>(b"hello ps256", &sig)
        .is_ok());
    assert!(public.pss_verify::<sha2::Sha256>(b"hello", &sig).is_err());
    let sig = sandbox_sign(
        &key("rsa", "privateKey"),
        "{ name: 'RSA-PSS', hash: 'SHA-512' }",
        "{ name: 'RSA-PSS', saltLength: 64 }",
        "hello ps512",
    );
    assert!(public
        .pss_verify::<sha2::Sha512>(b"hello ps512", &sig)
        .is_ok());
}

#[test]
fn es256_and_es384_signatures_verify_with_the_curve_crates() {
    use p256::ecdsa::signature::Verifier;
    let sig = sandbox_sign(
        &key("p256", "privateKey"),
        "{ name: 'ECDSA', namedCurve: 'P-256' }",
        "{ name: 'ECDSA', hash: 'SHA-256' }",
        "hello es256",
    );
    assert_eq!(sig.len(), 64, "P1363 r||s");
    let public = p256::PublicKey::from_public_key_pem(&key("p256", "publicKey")).expect("p256");
    let verifier = p256::ecdsa::VerifyingKey::from(&public);
    let parsed = p256::ecdsa::Signature::from_slice(&sig).expect("signature");
    assert!(verifier.verify(b"hello es256", &parsed).is_ok());
    assert!(verifier.verify(b"hello es257", &parsed).is_err());

    let sig = sandbox_sign(
        &key("p384", "privateKey"),
        "{ name: 'ECDSA', namedCurve: 'P-384' }",
        "{ name: 'ECDSA', hash: 'SHA-384' }",
        "hello es384",
    );
    assert_eq!(sig.len(), 96);
    let public = p384::PublicKey::from_public_key_pem(&key("p384", "publicKey")).expect("p384");
    let verifier = p384::ecdsa::VerifyingKey::from(&public);
    let parsed = p384::ecdsa::Signature::from_slice(&sig).expect("signature");
    assert!(verifier.verify(b"hello es384", &parsed).is_ok());
}

#[test]
fn node_crypto_create_sign_verifies_with_the_rsa_crate() {
    let code = format!(
        "const c = require('crypto');\n\
         pm.environment.set('sig', c.createSign('RSA-SHA256').update('node style').sign({:?}, 'base64'));",
        key("rsa", "pkcs1")
    );
    let (error, scopes) = support::run(&code);
    assert!(error.is_none(), "{error:?}");
    let sig = STANDARD
        .decode(support::env(&scopes, "sig").expect("sig"))
        .expect("b64");
    assert!(rsa_public()
        .pkcs1v15_verify::<sha2::Sha256>(b"node style", &sig)
        .is_ok());
}

#[test]
fn generated_keys_export_and_verify_outside_the_sandbox() {
    let code = "const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);\n\
        const spki = await crypto.subtle.exportKey('spki', pair.publicKey);\n\
        const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, new TextEncoder().encode('fresh'));\n\
        const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);\n\
        pm.environment.set('spki', Buffer.from(spki).toString('base64'));\n\
        pm.environment.set('sig', Buffer.from(sig).toString('base64'));\n\
        pm.environment.set('jwk', JSON.stringify(jwk));";
    let (error, scopes) = support::run(code);
    assert!(error.is_none(), "{error:?}");
    let spki = STANDARD
        .decode(support::env(&scopes, "spki").expect("spki"))
        .expect("b64");
    let sig = STANDARD
        .decode(support::env(&scopes, "sig").expect("sig"))
        .expect("b64");
    let public = p256::PublicKey::from_public_key_der(&spki).expect("spki parses");
    use p256::ecdsa::signature::Verifier;
    let parsed = p256::ecdsa::Signature::from_slice(&sig).expect("signature");
    assert!(p256::ecdsa::VerifyingKey::from(&public)
        .verify(b"fresh", &parsed)
        .is_ok());
    let jwk: Value =
        serde_json::from_str(&support::env(&scopes, "jwk").expect("jwk")).expect("json");
    assert_eq!(jwk["kty"], "EC");
    assert_eq!(jwk["crv"], "P-256");
    let d = URL_SAFE_NO_PAD
        .decode(jwk["d"].as_str().expect("d"))
        .expect("b64u");
    let secret = p256::SecretKey::from_slice(&d).expect("d is a scalar");
    assert_eq!(secret.public_key(), public);
}

#[test]
fn rsa_jwk_round_trips_to_the_same_signature() {
    let code = format!(
        "const alg = {{ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }};\n\
         const k1 = await crypto.subtle.importKey('pkcs8', Buffer.from('{}', 'base64'), alg, true, ['sign']);\n\
         const jwk = await crypto.subtle.exportKey('jwk', k1);\n\
         const k2 = await crypto.subtle.importKey('jwk', jwk, alg, true, ['sign']);\n\
         const data = new TextEncoder().encode('same');\n\
         const a = Buffer.from(await crypto.subtle.sign(alg, k1, data)).toString('hex');\n\
         const b = Buffer.from(await crypto.subtle.sign(alg, k2, data)).toString('hex');\n\
         pm.environment.set('same', a === b);\n\
         pm.environment.set('alg', jwk.alg);",
        pem_body(&key("rsa", "privateKey"))
    );
    let (error, scopes) = support::run(&code);
    assert!(error.is_none(), "{error:?}");
    assert_eq!(support::env(&scopes, "same").as_deref(), Some("true"));
    assert_eq!(support::env(&scopes, "alg").as_deref(), Some("RS256"));
}

#[test]
fn web_crypto_errors_are_dom_exceptions() {
    let r = support::eval_all(&[
        "crypto.subtle.digest('MD5', new Uint8Array(1))".into(),
        "crypto.subtle.importKey('raw', new TextEncoder().encode('k'), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']).then((k) => crypto.subtle.sign('HMAC', k, new Uint8Array(1)))".into(),
        "crypto.subtle.importKey('spki', new Uint8Array([1, 2, 3]), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify'])".into(),
        "(() => { try { crypto.getRandomValues(new Float64Array(2)); } catch (e) { return e.name; } })()".into(),
    ]);
    assert_eq!(r[0], "THROW NotSupportedError: Unrecognized algorithm name");
    assert!(r[1].starts_with("THROW InvalidAccessError"), "{}", r[1]);
    assert!(r[2].starts_with("THROW DataError"), "{}", r[2]);
    assert_eq!(r[3], "TypeMismatchError");
}
