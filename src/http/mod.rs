//! SEND: builds the wire request from a resolved collection request exactly as Newman does
//! (system headers, body modes, auth), sends it on the run's pooled connections (HTTP/1.1, or
//! HTTP/2 with `--http2`), follows redirects itself, keeps the cookie jar, decodes the body.
//! Never prints; errors are values.
//!
//! ```text
//! Client::perform (flow: retries; auth/flows: digest, ntlm, oauth2 round trips)
//!   prepare (urlenc, auth/, body, multipart, files, jsonc) → PreparedRequest
//!   Client::send (redirect, wire, connect + dial + proxy + tap + tls, decode, cookies) → Exchange
//! ```
//! The wire rules and every deliberate difference from Newman: `docs/spec/http.md`; auth types
//! and transport options: `docs/spec/auth.md`.

mod auth;
mod body;
mod certlist;
mod client;
mod connect;
mod cookies;
mod decode;
mod dial;
pub mod error;
mod files;
mod flow;
mod identity;
mod jsonc;
mod keycrypt;
mod multipart;
mod pkcs12;
mod prepare;
mod proxy;
mod redirect;
mod send;
pub(crate) mod stream;
mod tap;
mod tls;
mod tls_verify;
mod tough;
pub mod types;
mod urlenc;
mod wire;

pub use client::Client;
pub use cookies::{CookieInfo, CookieJar};
pub use error::{HttpError, RequestError};
pub use flow::{Call, Outcome};
pub use prepare::{prepare, Origin, Policy, PreparedRequest};
pub use types::*;
