//! `__postie.crypto`: the hashing, HMAC, KDF and cipher work behind CryptoJS, Node's `crypto`
//! and Web Crypto's digests. Bytes come in as strings (UTF-8) or `Uint8Array`s and go back as
//! `Uint8Array`s; the JS side (js/lib/crypto-js/*, js/lib/crypto.js) only shapes them.

pub mod block;
pub mod hash;
pub mod stream;

use super::bytes::{to_u8, Bytes};
use rand::RngCore;
use rquickjs::{Ctx, Exception, Function, Object, TypedArray};

type Out<'js> = rquickjs::Result<TypedArray<'js, u8>>;

/// `count` random bytes from the OS-seeded generator.
pub fn random_bytes(count: usize) -> Vec<u8> {
    let mut v = vec![0u8; count];
    rand::rng().fill_bytes(&mut v);
    v
}

/// Turns a Rust error message into a thrown JS `Error`.
pub fn throw<'js, T>(ctx: &Ctx<'js>, r: Result<T, String>) -> rquickjs::Result<T> {
    r.map_err(|msg| Exception::throw_message(ctx, &msg))
}

/// Registers `__postie.crypto`.
pub(crate) fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> rquickjs::Result<()> {
    let obj = Object::new(ctx.clone())?;
    obj.set(
        "digest",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, alg: String, data: Bytes| -> Out<'js> {
                let out = throw(&ctx, hash::digest(&alg, &data.0))?;
                to_u8(&ctx, out)
            },
        )?,
    )?;
    obj.set(
        "hmac",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, alg: String, key: Bytes, data: Bytes| -> Out<'js> {
                let out = throw(&ctx, hash::hmac(&alg, &key.0, &data.0))?;
                to_u8(&ctx, out)
            },
        )?,
    )?;
    obj.set(
        "hashSize",
        Function::new(ctx.clone(), |alg: String| hash::output_len(&alg))?,
    )?;
    obj.set(
        "pbkdf2",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             alg: String,
             pw: Bytes,
             salt: Bytes,
             iter: u32,
             len: usize|
             -> Out<'js> {
                let out = throw(&ctx, hash::pbkdf2(&alg, &pw.0, &salt.0, iter, len))?;
                to_u8(&ctx, out)
            },
        )?,
    )?;
    obj.set(
        "evpkdf",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             alg: String,
             pw: Bytes,
             salt: Bytes,
             len: usize,
             iter: u32|
             -> Out<'js> {
                let out = throw(&ctx, hash::evpkdf(&alg, &pw.0, &salt.0, len, iter))?;
                to_u8(&ctx, out)
            },
        )?,
    )?;
    obj.set(
        "random",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, n: usize| -> Out<'js> {
            to_u8(&ctx, random_bytes(n))
        })?,
    )?;
    obj.set("cipher", Function::new(ctx.clone(), cipher)?)?;
    native.set("crypto", obj)?;
    Ok(())
}

/// `cipher(alg, opts, key, iv, data)`: one whole message through a block cipher (aes, des,
/// tripledes; `opts.mode`, `opts.padding`) or a stream cipher (rc4 with `opts.drop` keystream
/// bytes discarded, rabbit, rabbit-legacy); `opts.encrypt` picks the direction.
fn cipher<'js>(
    ctx: Ctx<'js>,
    alg: String,
    opts: Object<'js>,
    key: Bytes,
    iv: Bytes,
    data: Bytes,
) -> Out<'js> {
    let text = |k: &str| -> rquickjs::Result<String> {
        Ok(opts.get::<_, Option<String>>(k)?.unwrap_or_default())
    };
    let (mode, padding) = (text("mode")?, text("padding")?);
    let encrypt = opts.get::<_, Option<bool>>("encrypt")?.unwrap_or(true);
    let drop = opts.get::<_, Option<usize>>("drop")?.unwrap_or(0);
    let mut data = data.0;
    let out = match alg.as_str() {
        "rc4" => stream::rc4(&key.0, drop, &mut data).map(|_| data),
        "rabbit" | "rabbit-legacy" => {
            stream::rabbit(&key.0, &iv.0, alg == "rabbit-legacy", &mut data);
            Ok(data)
        }
        _ => {
            let job = block::Job {
                alg: &alg,
                mode: &mode,
                encrypt,
                key: &key.0,
                iv: &iv.0,
                padding: &padding,
            };
            block::run(&job, data, random_bytes)
        }
    };
    to_u8(&ctx, throw(&ctx, out)?)
}
