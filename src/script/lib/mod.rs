//! The Rust side of the built-in libraries (hashing, ciphers, schema validation, XML/HTML
//! parsing …): each library registers its native functions under `__postie.<library>`; its JS
//! shape lives in `js/lib/<name>.js`. One file (or folder) per library.

pub mod bytes;
pub mod crypto;
pub mod html;
pub mod schema;
pub mod url;
pub mod webcrypto;
pub mod xml;

use rquickjs::{Ctx, Object};

/// Registers every library's natives on the `__postie` object.
pub(crate) fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> rquickjs::Result<()> {
    bytes::install(ctx, native)?;
    crypto::install(ctx, native)?;
    webcrypto::install(ctx, native)?;
    url::install(ctx, native)?;
    schema::install(ctx, native)?;
    xml::install(ctx, native)?;
    html::install(ctx, native)?;
    Ok(())
}
