//! Building responses: one body type for every route and small constructors for the usual shapes.

use std::convert::Infallible;

use bytes::Bytes;
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Full};
use hyper::header::{HeaderName, HeaderValue, CONTENT_TYPE};
use hyper::{Response, StatusCode};
use serde_json::Value;

/// The body of every mock response.
pub(crate) type MockBody = UnsyncBoxBody<Bytes, Infallible>;

/// A mock response.
pub(crate) type Reply = Response<MockBody>;

/// `application/json; charset=utf-8`, postman-echo's content type.
pub(crate) const JSON_UTF8: &str = "application/json; charset=utf-8";

/// A body holding `bytes` (length known, so no chunking).
pub(crate) fn full(bytes: impl Into<Bytes>) -> MockBody {
    Full::new(bytes.into()).boxed_unsync()
}

/// A response with `status`, a `Content-Type` and a body.
pub(crate) fn bytes(status: u16, content_type: &str, body: impl Into<Bytes>) -> Reply {
    let mut reply = Response::new(full(body));
    *reply.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    set_header(&mut reply, CONTENT_TYPE.as_str(), content_type);
    reply
}

/// A JSON response (`application/json; charset=utf-8`).
pub(crate) fn json(status: u16, value: &Value) -> Reply {
    bytes(status, JSON_UTF8, value.to_string())
}

/// A plain-text response.
pub(crate) fn text(status: u16, body: impl Into<String>) -> Reply {
    bytes(status, "text/plain; charset=utf-8", body.into())
}

/// A response with no body and no content type.
pub(crate) fn empty(status: u16) -> Reply {
    let mut reply = Response::new(full(Bytes::new()));
    *reply.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    reply
}

/// A redirect in Express's style: `Location` plus a `Found. Redirecting to …` text body.
pub(crate) fn redirect(status: u16, location: &str) -> Reply {
    let reason = StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Found");
    let mut reply = text(status, format!("{reason}. Redirecting to {location}"));
    set_header(&mut reply, "location", location);
    reply
}

/// Express's answer for an unknown route or method.
pub(crate) fn not_found(method: &str, path: &str) -> Reply {
    bytes(
        404,
        "text/html; charset=utf-8",
        format!("Cannot {method} {path}"),
    )
}

/// Sets (replaces) a header; names or values that are not valid HTTP are skipped.
pub(crate) fn set_header(reply: &mut Reply, name: &str, value: &str) {
    if let (Ok(name), Ok(value)) = (HeaderName::try_from(name), HeaderValue::try_from(value)) {
        reply.headers_mut().insert(name, value);
    }
}

/// Adds a header, keeping earlier values of the same name.
pub(crate) fn append_header(reply: &mut Reply, name: &str, value: &str) {
    if let (Ok(name), Ok(value)) = (HeaderName::try_from(name), HeaderValue::try_from(value)) {
        reply.headers_mut().append(name, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_uses_the_reason_phrase() {
        let reply = redirect(307, "/x");
        assert_eq!(reply.status(), 307);
        assert_eq!(reply.headers()["location"], "/x");
    }

    #[test]
    fn invalid_headers_are_skipped() {
        let mut reply = empty(200);
        set_header(&mut reply, "bad name", "v");
        set_header(&mut reply, "x-ok", "line\nbreak");
        append_header(&mut reply, "x-ok", "1");
        append_header(&mut reply, "x-ok", "2");
        assert_eq!(reply.headers().len(), 2);
    }
}
