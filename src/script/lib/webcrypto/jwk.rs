//! JSON Web Keys as flat string maps, and their base64url fields.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde_json::{Map, Value};

/// A JWK's members (`kty`, `n`, `e`, `crv`, `x`, …) as strings.
#[derive(Debug, Clone, Default)]
pub struct Jwk(pub Map<String, Value>);

impl Jwk {
    pub fn new(kty: &str) -> Jwk {
        let mut m = Map::new();
        m.insert("kty".into(), Value::String(kty.into()));
        Jwk(m)
    }

    pub fn parse(text: &str) -> Result<Jwk, String> {
        match serde_json::from_str(text) {
            Ok(Value::Object(m)) => Ok(Jwk(m)),
            _ => Err("invalid JWK: not a JSON object".into()),
        }
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(Value::as_str)
    }

    pub fn set(&mut self, key: &str, value: String) {
        self.0.insert(key.into(), Value::String(value));
    }

    pub fn to_json(&self) -> String {
        Value::Object(self.0.clone()).to_string()
    }
}

pub fn b64u(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn unb64u(text: &str) -> Result<Vec<u8>, String> {
    URL_SAFE_NO_PAD
        .decode(text.trim_end_matches('='))
        .map_err(|_| "invalid JWK: bad base64url".to_string())
}
