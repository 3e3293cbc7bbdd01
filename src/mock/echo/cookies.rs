//! `/cookies`, `/cookies/set?k=v` and `/cookies/delete?k`: the cookie jar lives in the client; the
//! server reads `Cookie` and writes `Set-Cookie`, then redirects to `/cookies`.

use serde_json::{json, Map, Value};

use super::form;
use crate::mock::http::Exchange;
use crate::mock::reply::{self, Reply};

/// Expires a cookie (Express's `clearCookie`).
const EPOCH: &str = "Thu, 01 Jan 1970 00:00:00 GMT";

/// `/cookies`: `{"cookies": {name: value}}` from the request's `Cookie` headers.
pub(super) fn list(ex: &Exchange) -> Reply {
    reply::json(
        200,
        &json!({ "cookies": Value::Object(request_cookies(ex)) }),
    )
}

/// `/cookies/set?k=v…`: one `Set-Cookie` per pair, then `302` to `/cookies`.
pub(super) fn set(ex: &Exchange) -> Reply {
    let mut reply = reply::redirect(302, "/cookies");
    for (name, value) in query(ex) {
        if valid_name(&name) {
            let cookie = format!("{name}={}; Path=/", form::uri_component(&value));
            reply::append_header(&mut reply, "set-cookie", &cookie);
        }
    }
    reply
}

/// `/cookies/delete?k…`: expires each named cookie, then `302` to `/cookies`.
pub(super) fn delete(ex: &Exchange) -> Reply {
    let mut reply = reply::redirect(302, "/cookies");
    for (name, _) in query(ex) {
        if valid_name(&name) {
            reply::append_header(
                &mut reply,
                "set-cookie",
                &format!("{name}=; Path=/; Expires={EPOCH}"),
            );
        }
    }
    reply
}

fn query(ex: &Exchange) -> Vec<(String, String)> {
    form::parse_urlencoded(ex.query.as_deref().unwrap_or(""))
}

/// Cookie names are HTTP tokens.
fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?={}".contains(&b))
}

/// Every `name=value` in the `Cookie` headers (values percent-decoded, quotes dropped; the first of
/// a repeated name wins, as Express's cookie parser does).
fn request_cookies(ex: &Exchange) -> Map<String, Value> {
    let mut cookies = Map::new();
    let headers = ex
        .headers
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("cookie"));
    for (_, header) in headers {
        for pair in header.split(';') {
            let Some((name, value)) = pair.split_once('=') else {
                continue;
            };
            let (name, value) = (name.trim(), value.trim());
            let value = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(value);
            if !name.is_empty() && !cookies.contains_key(name) {
                cookies.insert(name.to_string(), Value::String(form::percent_decode(value)));
            }
        }
    }
    cookies
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_names_must_be_tokens() {
        assert!(valid_name("foo1"));
        assert!(!valid_name("a b"));
        assert!(!valid_name("a;b"));
        assert!(!valid_name(""));
    }
}
