//! `__postie.webcrypto`: the asymmetric half of Web Crypto and Node's `crypto`: RSA
//! (PKCS#1 v1.5, PSS, OAEP) and ECDSA (P-256/384/521) keys, signatures and encryption. Keys
//! cross to JS as plain handles `{kind, type, der, curve?, bits?, exponent?}` whose `der` is
//! PKCS#8 (private) or SPKI (public); JS wraps them in `CryptoKey` / `KeyObject`.

pub mod ec;
pub mod jwk;
pub mod pem;
pub mod rsa;

use super::bytes::{to_u8, Bytes};
use super::crypto::throw;
use jwk::Jwk;
use rquickjs::function::Opt;
use rquickjs::{Array, Ctx, Function, Object, Value};

pub(crate) use p256::elliptic_curve::common::getrandom::SysRng;

/// A key as Rust sees it.
pub struct Key {
    pub kind: String,
    pub private: bool,
    pub der: Vec<u8>,
    pub curve: String,
}

impl Key {
    fn read(obj: &Object<'_>) -> rquickjs::Result<Key> {
        let text = |k: &str| -> rquickjs::Result<String> {
            Ok(obj.get::<_, Option<String>>(k)?.unwrap_or_default())
        };
        let der: Bytes = obj.get("der")?;
        Ok(Key {
            kind: text("kind")?,
            private: text("type")? == "private",
            der: der.0,
            curve: text("curve")?,
        })
    }

    fn new(kind: &str, private: bool, der: Vec<u8>, curve: &str) -> Key {
        Key {
            kind: kind.into(),
            private,
            der,
            curve: curve.into(),
        }
    }

    /// The public half (SPKI) of this key.
    fn public_der(&self) -> Result<Vec<u8>, String> {
        if !self.private {
            return Ok(self.der.clone());
        }
        match self.kind.as_str() {
            "RSA" => rsa::public_spki_of_private(&self.der),
            _ => ec::public_spki_of_private(&self.curve, &self.der),
        }
    }

    fn write<'js>(&self, ctx: &Ctx<'js>) -> rquickjs::Result<Object<'js>> {
        let obj = Object::new(ctx.clone())?;
        obj.set("kind", self.kind.as_str())?;
        obj.set("type", if self.private { "private" } else { "public" })?;
        obj.set("der", to_u8(ctx, self.der.clone())?)?;
        if self.kind == "EC" {
            obj.set("curve", self.curve.as_str())?;
        } else {
            let (bits, e) = throw(ctx, rsa::params(&self.der, self.private))?;
            obj.set("bits", bits)?;
            obj.set("exponent", to_u8(ctx, e)?)?;
        }
        Ok(obj)
    }
}

/// Parses key material in `format` (`pkcs8`, `spki`, `jwk`, `raw`, `pem`); `curve` is needed
/// for `raw` and checked for the others when given.
pub fn import(format: &str, data: &[u8], curve: &str) -> Result<Key, String> {
    let key = match format {
        "pkcs8" | "spki" => {
            let private = format == "pkcs8";
            let rsa_ok = if private {
                rsa::private_from_pkcs8(data).is_ok()
            } else {
                rsa::public_from_spki(data).is_ok()
            };
            if rsa_ok {
                Key::new("RSA", private, data.to_vec(), "")
            } else {
                let c = ec::detect(data, private)
                    .ok_or_else(|| format!("invalid {format} key data"))?;
                Key::new("EC", private, data.to_vec(), c)
            }
        }
        "jwk" => {
            let text = std::str::from_utf8(data).map_err(|_| "invalid JWK".to_string())?;
            let jwk = Jwk::parse(text)?;
            match jwk.get("kty") {
                Some("RSA") => {
                    let (der, private) = rsa::from_jwk(&jwk)?;
                    Key::new("RSA", private, der, "")
                }
                Some("EC") => {
                    let crv = jwk.get("crv").unwrap_or(curve).to_string();
                    let (der, private) = ec::from_jwk(&crv, &jwk)?;
                    Key::new("EC", private, der, &crv)
                }
                other => {
                    return Err(format!(
                        "unsupported JWK key type: {}",
                        other.unwrap_or("none")
                    ))
                }
            }
        }
        "raw" => Key::new("EC", false, ec::spki_from_raw(curve, data)?, curve),
        "pem" => pem::import(data)?,
        other => return Err(format!("unsupported key format: {other}")),
    };
    if !curve.is_empty() && key.kind == "EC" && key.curve != curve {
        return Err(format!("the key is on {}, not {curve}", key.curve));
    }
    Ok(key)
}

/// Key material in `format` (`pkcs8`, `spki`, `raw`: bytes; `jwk`: JSON text; `pem`: text).
pub fn export(key: &Key, format: &str) -> Result<Vec<u8>, String> {
    match format {
        "pkcs8" if key.private => Ok(key.der.clone()),
        "spki" => key.public_der(),
        "raw" if key.kind == "EC" => ec::raw_public(&key.curve, &key.public_der()?),
        "jwk" => {
            let jwk = match key.kind.as_str() {
                "RSA" => rsa::to_jwk(&key.der, key.private)?,
                _ => ec::to_jwk(&key.curve, &key.der, key.private)?,
            };
            Ok(jwk.to_json().into_bytes())
        }
        "pem" => Ok(pem::encode(
            if key.private {
                "PRIVATE KEY"
            } else {
                "PUBLIC KEY"
            },
            &key.der,
        )
        .into_bytes()),
        other => Err(format!(
            "cannot export a {} {} key as {other}",
            key.kind,
            if key.private { "private" } else { "public" }
        )),
    }
}

struct SignOpts {
    hash: String,
    scheme: String,
    salt: Option<usize>,
    der: bool,
}

fn sign_opts(o: &Object<'_>) -> rquickjs::Result<SignOpts> {
    let text = |k: &str| -> rquickjs::Result<String> {
        Ok(o.get::<_, Option<String>>(k)?.unwrap_or_default())
    };
    Ok(SignOpts {
        hash: super::crypto::hash::canonical(&text("hash")?),
        scheme: text("scheme")?,
        salt: o.get::<_, Option<usize>>("saltLength")?,
        der: text("dsaEncoding")? == "der",
    })
}

fn sign(key: &Key, o: &SignOpts, data: &[u8]) -> Result<Vec<u8>, String> {
    if !key.private {
        return Err("signing needs a private key".into());
    }
    match key.kind.as_str() {
        "RSA" => rsa::sign(&key.der, &o.scheme, &o.hash, o.salt, data),
        _ => ec::sign(&key.curve, &key.der, &o.hash, data, o.der),
    }
}

fn verify(key: &Key, o: &SignOpts, data: &[u8], sig: &[u8]) -> Result<bool, String> {
    let spki = key.public_der()?;
    match key.kind.as_str() {
        "RSA" => rsa::verify(&spki, &o.scheme, &o.hash, o.salt, data, sig),
        _ => ec::verify(&key.curve, &spki, &o.hash, data, sig, o.der),
    }
}

/// Registers `__postie.webcrypto`.
pub(crate) fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> rquickjs::Result<()> {
    let obj = Object::new(ctx.clone())?;
    obj.set(
        "importKey",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, format: String, data: Bytes, curve: Opt<Option<String>>| {
                let curve = curve.0.flatten().unwrap_or_default();
                let key = throw(&ctx, import(&format, &data.0, &curve))?;
                key.write(&ctx)
            },
        )?,
    )?;
    obj.set(
        "exportKey",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, handle: Object<'js>, format: String| -> rquickjs::Result<Value<'js>> {
                let key = Key::read(&handle)?;
                let out = throw(&ctx, export(&key, &format))?;
                if matches!(format.as_str(), "jwk" | "pem") {
                    let text = String::from_utf8(out).unwrap_or_default();
                    return Ok(rquickjs::String::from_str(ctx.clone(), &text)?.into_value());
                }
                Ok(to_u8(&ctx, out)?.into_value())
            },
        )?,
    )?;
    obj.set(
        "publicKey",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, handle: Object<'js>| {
            let key = Key::read(&handle)?;
            let der = throw(&ctx, key.public_der())?;
            Key::new(&key.kind, false, der, &key.curve).write(&ctx)
        })?,
    )?;
    obj.set(
        "sign",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, handle: Object<'js>, opts: Object<'js>, data: Bytes| {
                let (key, o) = (Key::read(&handle)?, sign_opts(&opts)?);
                let out = throw(&ctx, sign(&key, &o, &data.0))?;
                to_u8(&ctx, out)
            },
        )?,
    )?;
    obj.set(
        "verify",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, handle: Object<'js>, opts: Object<'js>, data: Bytes, sig: Bytes| {
                let (key, o) = (Key::read(&handle)?, sign_opts(&opts)?);
                throw(&ctx, verify(&key, &o, &data.0, &sig.0))
            },
        )?,
    )?;
    obj.set(
        "encrypt",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, handle: Object<'js>, hash: String, data: Bytes| {
                let key = Key::read(&handle)?;
                let spki = throw(&ctx, key.public_der())?;
                let out = throw(
                    &ctx,
                    rsa::encrypt(&spki, &super::crypto::hash::canonical(&hash), &data.0),
                )?;
                to_u8(&ctx, out)
            },
        )?,
    )?;
    obj.set(
        "decrypt",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, handle: Object<'js>, hash: String, data: Bytes| {
                let key = Key::read(&handle)?;
                let out = throw(
                    &ctx,
                    rsa::decrypt(&key.der, &super::crypto::hash::canonical(&hash), &data.0),
                )?;
                to_u8(&ctx, out)
            },
        )?,
    )?;
    obj.set(
        "generate",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, kind: String, opts: Object<'js>| -> rquickjs::Result<Array<'js>> {
                let (private, public) = if kind == "RSA" {
                    let bits = opts.get::<_, Option<usize>>("bits")?.unwrap_or(2048);
                    let e: Option<Bytes> = opts.get("exponent")?;
                    let e = e
                        .map(|b| b.0)
                        .filter(|b| !b.is_empty())
                        .unwrap_or_else(|| vec![1, 0, 1]);
                    let (p, q) = throw(&ctx, rsa::generate(bits, &e))?;
                    (Key::new("RSA", true, p, ""), Key::new("RSA", false, q, ""))
                } else {
                    let curve = opts.get::<_, Option<String>>("curve")?.unwrap_or_default();
                    let (p, q) = throw(&ctx, ec::generate(&curve))?;
                    (
                        Key::new("EC", true, p, &curve),
                        Key::new("EC", false, q, &curve),
                    )
                };
                let arr = Array::new(ctx.clone())?;
                arr.set(0, private.write(&ctx)?)?;
                arr.set(1, public.write(&ctx)?)?;
                Ok(arr)
            },
        )?,
    )?;
    native.set("webcrypto", obj)?;
    Ok(())
}
