//! Bytes across the JS boundary, and the byte encodings the libraries share (`Buffer`,
//! `TextEncoder`/`TextDecoder`, `atob`/`btoa`, CryptoJS encoders): registered as
//! `__postie.bytes.*`.
//!
//! JS hands bytes to Rust as a `Uint8Array` (a `Buffer` is one), an `ArrayBuffer` or a string
//! (taken as UTF-8); Rust hands bytes back as a fresh `Uint8Array`.

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use rquickjs::function::Opt;
use rquickjs::{ArrayBuffer, Ctx, FromJs, Function, Object, TypedArray, Value};

/// Bytes read from a JS value: a string (as UTF-8), a `Uint8Array` or an `ArrayBuffer`;
/// `undefined` and `null` are empty.
pub struct Bytes(pub Vec<u8>);

impl<'js> FromJs<'js> for Bytes {
    fn from_js(_ctx: &Ctx<'js>, value: Value<'js>) -> rquickjs::Result<Self> {
        if value.is_undefined() || value.is_null() {
            return Ok(Bytes(Vec::new()));
        }
        if let Some(s) = value.as_string() {
            return Ok(Bytes(s.to_string()?.into_bytes()));
        }
        if let Some(obj) = value.as_object() {
            if let Some(arr) = obj.as_typed_array::<u8>() {
                return Ok(Bytes(copy_typed(arr)));
            }
            if let Some(buf) = obj.as_array_buffer() {
                return Ok(Bytes(copy_buffer(buf)));
            }
        }
        Err(rquickjs::Error::new_from_js(
            value.type_name(),
            "a string, Uint8Array or ArrayBuffer",
        ))
    }
}

/// Copies a typed array's bytes out of the engine.
#[allow(unsafe_code)]
fn copy_typed(arr: &TypedArray<'_, u8>) -> Vec<u8> {
    // SAFETY: the slice is copied into a Vec at once; no JS runs while it is borrowed, which is
    // the condition rquickjs states for `as_bytes`.
    unsafe { arr.as_bytes() }
        .map(<[u8]>::to_vec)
        .unwrap_or_default()
}

/// Copies an array buffer's bytes out of the engine.
#[allow(unsafe_code)]
fn copy_buffer(buf: &ArrayBuffer<'_>) -> Vec<u8> {
    // SAFETY: as in `copy_typed`: copied at once, no JS runs meanwhile.
    unsafe { buf.as_bytes() }
        .map(<[u8]>::to_vec)
        .unwrap_or_default()
}

/// A fresh `Uint8Array` holding `bytes`.
pub fn to_u8<'js>(ctx: &Ctx<'js>, bytes: Vec<u8>) -> rquickjs::Result<TypedArray<'js, u8>> {
    TypedArray::new(ctx.clone(), bytes)
}

/// Decodes base64 the forgiving way Node's `Buffer.from(s, 'base64')` does: both alphabets,
/// whitespace and other stray characters skipped, input ends at the first `=`.
pub fn base64_decode_lenient(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// Registers `__postie.bytes`.
pub(crate) fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> rquickjs::Result<()> {
    let obj = Object::new(ctx.clone())?;
    obj.set(
        "utf8Encode",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, s: String| {
            to_u8(&ctx, s.into_bytes())
        })?,
    )?;
    // utf8Decode(bytes, fatal): lossy (U+FFFD per maximal bad subpart, as WHATWG) unless fatal,
    // where it returns undefined on bad input.
    obj.set(
        "utf8Decode",
        Function::new(ctx.clone(), |b: Bytes, fatal: Opt<bool>| {
            if fatal.0.unwrap_or(false) {
                String::from_utf8(b.0).ok()
            } else {
                Some(String::from_utf8_lossy(&b.0).into_owned())
            }
        })?,
    )?;
    obj.set(
        "latin1Decode",
        Function::new(ctx.clone(), |b: Bytes| {
            b.0.iter().map(|&c| char::from(c)).collect::<String>()
        })?,
    )?;
    obj.set(
        "base64Encode",
        Function::new(ctx.clone(), |b: Bytes, url: Opt<bool>| {
            if url.0.unwrap_or(false) {
                URL_SAFE_NO_PAD.encode(&b.0)
            } else {
                STANDARD.encode(&b.0)
            }
        })?,
    )?;
    obj.set(
        "base64Decode",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, s: String| {
            to_u8(&ctx, base64_decode_lenient(&s))
        })?,
    )?;
    obj.set(
        "hexEncode",
        Function::new(ctx.clone(), |b: Bytes| hex(&b.0))?,
    )?;
    native.set("bytes", obj)?;
    Ok(())
}

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_base64_takes_both_alphabets_and_skips_noise() {
        assert_eq!(base64_decode_lenient("aGVsbG8="), b"hello");
        assert_eq!(base64_decode_lenient("aGVs bG8"), b"hello");
        assert_eq!(base64_decode_lenient("-_8"), vec![0xfb, 0xff]);
        assert_eq!(base64_decode_lenient("+/8="), vec![0xfb, 0xff]);
        assert_eq!(base64_decode_lenient("aGk=aGk="), b"hi");
    }

    #[test]
    fn hex_is_lowercase() {
        assert_eq!(hex(&[0, 0xab, 0x10]), "00ab10");
    }
}
