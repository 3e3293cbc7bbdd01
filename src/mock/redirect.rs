//! Newman's redirect+echo test server (its port 4042): `/N` redirects `302` to `/N-1` and `/1` to
//! `/`; `/status/NNN` answers that status with `Location: /`; anything else answers `200` with
//! `{url, method, headers, data}` (the target as sent, Node's header object, the body as text).

use serde_json::json;

use super::echo::shape;
use super::http::Exchange;
use super::reply::{self, Reply};

/// Answers one request.
pub(crate) fn respond(ex: &Exchange) -> Reply {
    if let Some(hops) = ex.target.strip_prefix('/').filter(|n| is_digits(n)) {
        let next = hops.parse::<u64>().map_or(0, |n| n.saturating_sub(1));
        let location = if next > 0 {
            format!("/{next}")
        } else {
            "/".to_string()
        };
        return located(302, &location);
    }
    if let Some(code) = ex
        .target
        .strip_prefix("/status/")
        .filter(|c| c.len() == 3 && is_digits(c))
    {
        return match code.parse::<u16>() {
            Ok(status @ 200..=999) => located(status, "/"),
            _ => reply::empty(400),
        };
    }
    let body = json!({
        "url": ex.target,
        "method": ex.method,
        "headers": shape::node_headers(&ex.headers),
        "data": String::from_utf8_lossy(&ex.body),
    });
    reply::bytes(200, "application/json", body.to_string())
}

fn located(status: u16, location: &str) -> Reply {
    let mut reply = reply::empty(status);
    reply::set_header(&mut reply, "location", location);
    reply
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}
