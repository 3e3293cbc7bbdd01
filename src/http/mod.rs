//! SEND: builds the wire request from a resolved collection request exactly as Newman does
//! (system headers, body modes, auth), sends it on the run's pooled HTTP/1.1 connections, follows
//! redirects itself, keeps the cookie jar, decodes the body. Never prints; errors are values.
//!
//! ```text
//! prepare (urlenc, auth/, body, multipart, files, jsonc) → PreparedRequest
//! Client::send (redirect, connect + tap + tls, decode, cookies/tough) → Exchange
//! ```
//! The wire rules and every deliberate difference from Newman: `docs/spec/http.md`.

mod auth;
mod body;
mod client;
mod connect;
mod cookies;
mod decode;
pub mod error;
mod files;
mod jsonc;
mod multipart;
mod prepare;
mod redirect;
mod send;
mod tap;
mod tls;
mod tough;
pub mod types;
mod urlenc;

pub use client::Client;
pub use cookies::{CookieInfo, CookieJar};
pub use error::{HttpError, RequestError};
pub use prepare::{prepare, Origin, Policy, PreparedRequest};
pub use types::*;
