//! Utility routes: `/status/N`, `/delay/N`, `/stream/N`, `/gzip`, `/deflate`, the redirect routes,
//! `/ip` and `/time/now`.

use std::convert::Infallible;
use std::io::Write as _;
use std::time::Duration;

use bytes::Bytes;
use flate2::write::{GzEncoder, ZlibEncoder};
use flate2::Compression;
use http_body_util::{BodyExt, StreamBody};
use hyper::body::Frame;
use serde_json::{json, Value};

use super::{form, shape};
use crate::mock::http::Exchange;
use crate::mock::reply::{self, Reply, JSON_UTF8};

/// Longest `/delay/N` honoured, in seconds (postman-echo's limit).
const MAX_DELAY_SECS: f64 = 10.0;
/// Most lines `/stream/N` sends.
const MAX_STREAM: usize = 100;
/// Longest redirect chain `/redirect/N` builds.
const MAX_REDIRECTS: u32 = 100;

/// `/status/N`: that status with `{"status": N}` (no body for 204/304); `400` when N is not 200-599.
pub(super) fn status(code: &str) -> Reply {
    match code.parse::<u16>() {
        Ok(n @ (204 | 304)) => reply::empty(n),
        Ok(n @ 200..=599) => reply::json(n, &json!({ "status": n })),
        _ => reply::json(400, &json!({ "status": 400 })),
    }
}

/// `/delay/N`: waits N seconds (at most 10), then `{"delay": "N"}`.
pub(super) async fn delay(secs: &str) -> Reply {
    let Some(wait) = secs
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s >= 0.0)
    else {
        return reply::json(
            400,
            &json!({ "error": "delay must be a number of seconds" }),
        );
    };
    tokio::time::sleep(Duration::from_secs_f64(wait.min(MAX_DELAY_SECS))).await;
    reply::json(200, &json!({ "delay": secs }))
}

/// `/stream/N`: N JSON lines (each the `/get` echo plus an `id`), sent chunked.
pub(super) fn stream(ex: &Exchange, count: &str) -> Reply {
    let Some(count) = count.parse::<usize>().ok().filter(|n| *n > 0) else {
        return reply::json(400, &json!({ "error": "count must be a positive number" }));
    };
    let base = shape::without_body(ex);
    let lines: Vec<Result<Frame<Bytes>, Infallible>> = (0..count.min(MAX_STREAM))
        .map(|id| {
            let mut line = base.clone();
            if let Value::Object(object) = &mut line {
                object.insert("id".into(), json!(id));
            }
            Ok(Frame::data(Bytes::from(format!("{line}\n"))))
        })
        .collect();
    let body = StreamBody::new(futures_util::stream::iter(lines)).boxed_unsync();
    let mut reply = hyper::Response::new(body);
    reply::set_header(&mut reply, "content-type", JSON_UTF8);
    reply
}

/// `/gzip`: `{"gzipped": true, headers, method}`, gzip-encoded whatever the client accepts.
pub(super) fn gzip(ex: &Exchange) -> Reply {
    let body = json!({ "gzipped": true, "headers": shape::headers(ex), "method": ex.method });
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    compressed(
        encoder
            .write_all(body.to_string().as_bytes())
            .and_then(|()| encoder.finish()),
        "gzip",
    )
}

/// `/deflate`: `{"deflated": true, headers, method}`, zlib-wrapped deflate as HTTP defines it.
pub(super) fn deflate(ex: &Exchange) -> Reply {
    let body = json!({ "deflated": true, "headers": shape::headers(ex), "method": ex.method });
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::default());
    compressed(
        encoder
            .write_all(body.to_string().as_bytes())
            .and_then(|()| encoder.finish()),
        "deflate",
    )
}

fn compressed(bytes: std::io::Result<Vec<u8>>, encoding: &str) -> Reply {
    match bytes {
        Ok(bytes) => {
            let mut reply = reply::bytes(200, JSON_UTF8, bytes);
            reply::set_header(&mut reply, "content-encoding", encoding);
            reply
        }
        Err(e) => reply::text(500, e.to_string()),
    }
}

/// `/redirect-to?url=…&status_code=…`: redirects to `url` (status 300-308, default 302).
pub(super) fn redirect_to(ex: &Exchange) -> Reply {
    let params = form::parse_urlencoded(ex.query.as_deref().unwrap_or(""));
    let get = |key: &str| {
        params
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let Some(url) = get("url") else {
        return reply::json(400, &json!({ "error": "url is required" }));
    };
    let status = get("status_code")
        .and_then(|s| s.parse::<u16>().ok())
        .filter(|s| (300..=308).contains(s))
        .unwrap_or(302);
    reply::redirect(status, &form::location(url))
}

/// `/redirect/N`, `/relative-redirect/N`, `/absolute-redirect/N`: a chain of N `302`s ending at `/get`.
pub(super) fn redirect_chain(ex: &Exchange, route: &str, hops: &str) -> Reply {
    let Some(hops) = hops
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=MAX_REDIRECTS).contains(n))
    else {
        return reply::json(400, &json!({ "error": "hops must be between 1 and 100" }));
    };
    let path = if hops > 1 {
        format!("/{route}/{}", hops - 1)
    } else {
        "/get".to_string()
    };
    let location = if route == "absolute-redirect" {
        format!("{}://{}{path}", ex.scheme(), ex.host())
    } else {
        path
    };
    reply::redirect(302, &location)
}

/// `/ip`: the client's address.
pub(super) fn ip(ex: &Exchange) -> Reply {
    reply::json(200, &json!({ "ip": ex.peer.ip().to_string() }))
}

/// `/time/now`: the current time as an HTTP date, as text.
pub(super) fn time_now() -> Reply {
    let now = chrono::Utc::now()
        .format("%a, %d %b %Y %H:%M:%S GMT")
        .to_string();
    reply::bytes(200, "text/html; charset=utf-8", now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_codes() {
        assert_eq!(status("201").status(), 201);
        assert_eq!(status("204").status(), 204);
        assert_eq!(status("599").status(), 599);
        assert_eq!(status("100").status(), 400);
        assert_eq!(status("abc").status(), 400);
    }
}
