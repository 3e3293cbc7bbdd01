//! The postman-echo.com clone: routes a request by path (and method, where postman-echo does) to
//! the family of handlers that answers it. Shapes follow what Newman's integration suites assert
//! and postman-echo documents; see `docs/mock.md`.

mod auth;
mod content;
mod cookies;
mod form;
mod hawk;
mod oauth1;
mod oauth2;
pub(crate) mod shape;
mod utility;

use super::http::Exchange;
use super::reply::{self, Reply};

/// Answers one request.
pub(crate) async fn respond(ex: &Exchange) -> Reply {
    let path = match ex.path.strip_suffix('/') {
        Some(trimmed) if !trimmed.is_empty() => trimmed,
        _ => ex.path.as_str(),
    };
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match segments.as_slice() {
        // The home page (also what tests point google.com/github.com/badssl at).
        [""] if matches!(ex.method.as_str(), "GET" | "HEAD") => content::html(),
        ["get"] => method_echo(ex, &["GET", "HEAD"], false),
        ["post"] => method_echo(ex, &["POST"], true),
        ["put"] => method_echo(ex, &["PUT"], true),
        ["patch"] => method_echo(ex, &["PATCH"], true),
        ["delete"] => method_echo(ex, &["DELETE"], true),
        ["anything", ..] => anything(ex),
        ["headers"] => reply::json(200, &serde_json::json!({ "headers": shape::headers(ex) })),
        ["ip"] => utility::ip(ex),
        ["status", code] => utility::status(code),
        ["delay", secs] => utility::delay(secs).await,
        ["stream", count] => utility::stream(ex, count),
        ["gzip"] => utility::gzip(ex),
        ["deflate"] => utility::deflate(ex),
        ["redirect-to"] => utility::redirect_to(ex),
        [route @ ("redirect" | "relative-redirect" | "absolute-redirect"), hops] => {
            utility::redirect_chain(ex, route, hops)
        }
        ["time", "now"] => utility::time_now(),
        ["response-headers"] => content::response_headers(ex),
        ["type", "xml"] => content::xml(),
        ["type", "html"] => content::html(),
        ["encoding", "utf8"] => content::utf8(),
        ["cookies"] => cookies::list(ex),
        ["cookies", "set"] => cookies::set(ex),
        ["cookies", "delete"] => cookies::delete(ex),
        ["basic-auth"] => auth::basic(ex),
        ["digest-auth"] => auth::digest(ex),
        ["auth", "hawk"] => hawk::verify(ex),
        ["oauth1"] => oauth1::verify(ex),
        ["oauth2", "token"] => oauth2::token(ex),
        ["oauth2", "user", "info"] => oauth2::user_info(ex),
        _ => reply::not_found(&ex.method, &ex.path),
    }
}

/// `/get`, `/post`, …: the echo for the allowed methods, Express's automatic answer to `OPTIONS`,
/// and `404` for any other method.
fn method_echo(ex: &Exchange, allowed: &[&str], with_body: bool) -> Reply {
    if ex.method == "OPTIONS" {
        let allow = allowed.join(",");
        let mut reply = reply::bytes(200, "text/html; charset=utf-8", allow.clone());
        reply::set_header(&mut reply, "allow", &allow);
        return reply;
    }
    if !allowed.contains(&ex.method.as_str()) {
        return reply::not_found(&ex.method, &ex.path);
    }
    let body = if with_body {
        shape::with_body(ex)
    } else {
        shape::without_body(ex)
    };
    reply::json(200, &body)
}

/// `/anything[/…]`: any method, the full echo plus `method`.
fn anything(ex: &Exchange) -> Reply {
    let mut body = shape::with_body(ex);
    if let serde_json::Value::Object(object) = &mut body {
        object.insert("method".into(), ex.method.clone().into());
    }
    reply::json(200, &body)
}
