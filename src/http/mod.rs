//! SEND: builds the wire request from a resolved collection request exactly as Newman does
//! (system headers, body modes, auth), sends it with one reqwest client per run, follows
//! redirects itself, keeps the cookie jar, decodes the body. Never prints; errors are values.

pub mod types;

pub use types::*;
