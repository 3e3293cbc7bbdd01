//! Reading requests: form bodies and queries, cookies, media types, Basic and Bearer
//! credentials, and the base URL the client addressed.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use percent_encoding::percent_decode_str;

use crate::mock::http::Exchange;

/// `name=value` pairs of a urlencoded form or query string.
pub(crate) type Form = Vec<(String, String)>;

/// The pairs of `application/x-www-form-urlencoded` text.
pub(crate) fn form(text: &[u8]) -> Form {
    url::form_urlencoded::parse(text)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// The first value of `name` in `form`.
pub(crate) fn field<'a>(form: &'a Form, name: &str) -> Option<&'a str> {
    form.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The query string of `ex` as pairs.
pub(crate) fn query(ex: &Exchange) -> Form {
    form(ex.query.as_deref().unwrap_or("").as_bytes())
}

/// Whether the request's media type (without parameters) is `want` (case-insensitive).
pub(crate) fn has_media_type(ex: &Exchange, want: &str) -> bool {
    ex.header("content-type")
        .and_then(|ct| ct.split(';').next())
        .is_some_and(|mt| mt.trim().eq_ignore_ascii_case(want))
}

/// The value of cookie `name` in the request's `Cookie` headers.
pub(crate) fn cookie(ex: &Exchange, name: &str) -> Option<String> {
    ex.headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("cookie"))
        .flat_map(|(_, v)| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// `(user, password)` from `Authorization: Basic …` (each part form-decoded, RFC 6749 §2.3.1).
/// `Some(Err(()))` when the header is Basic but malformed.
pub(crate) fn basic(ex: &Exchange) -> Option<Result<(String, String), ()>> {
    let value = ex.header("authorization")?;
    let (scheme, rest) = value.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = STANDARD.decode(rest.trim()).map_err(|_| ());
    let pair = decoded.and_then(|bytes| String::from_utf8(bytes).map_err(|_| ()));
    Some(pair.and_then(|text| {
        let (user, password) = text.split_once(':').ok_or(())?;
        Ok((form_decode(user), form_decode(password)))
    }))
}

/// The token of `Authorization: Bearer …`.
pub(crate) fn bearer(ex: &Exchange) -> Option<&str> {
    let value = ex.header("authorization")?;
    let (scheme, rest) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(rest.trim())
        .filter(|t| !t.is_empty())
}

/// `http://host:port` as the client addressed this server.
pub(crate) fn base_url(ex: &Exchange) -> String {
    format!("{}://{}", ex.scheme(), ex.host())
}

fn form_decode(text: &str) -> String {
    percent_decode_str(&text.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
pub(crate) mod testing {
    //! Building exchanges and reading replies in unit tests.
    use bytes::Bytes;
    use http_body_util::BodyExt;
    use serde_json::Value;

    use crate::mock::http::Exchange;
    use crate::mock::reply::Reply;

    /// A request as the server would have read it.
    pub(crate) fn exchange(
        method: &str,
        target: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> Exchange {
        let (path, query) = match target.split_once('?') {
            Some((p, q)) => (p.to_string(), Some(q.to_string())),
            None => (target.to_string(), None),
        };
        let mut all = vec![("Host".to_string(), "127.0.0.1:9".to_string())];
        all.extend(headers.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        Exchange {
            method: method.into(),
            target: target.into(),
            path,
            query,
            headers: all,
            body: Bytes::from(body.to_string()),
            tls: false,
            sni: None,
            peer: std::net::SocketAddr::from(([127, 0, 0, 1], 1)),
            authority: None,
        }
    }

    /// The reply's status, headers and JSON body (`Null` when empty or not JSON).
    pub(crate) fn read(reply: Reply) -> (u16, hyper::HeaderMap, Value) {
        let (parts, body) = reply.into_parts();
        let bytes = tokio::runtime::Builder::new_current_thread()
            .build()
            .ok()
            .and_then(|rt| rt.block_on(body.collect()).ok())
            .map(|c| c.to_bytes())
            .unwrap_or_default();
        let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        (parts.status.as_u16(), parts.headers, json)
    }
}

#[cfg(test)]
mod tests {
    use super::testing::exchange;
    use super::*;

    #[test]
    fn reads_cookies_basic_bearer_and_media_types() {
        let ex = exchange(
            "POST",
            "/x?flowId=a%20b",
            &[
                ("Cookie", "a=1; ST=abc"),
                ("Authorization", "Basic dXNlcjpwYSUzQXNz"),
                (
                    "Content-Type",
                    "Application/X-WWW-Form-Urlencoded; charset=utf-8",
                ),
            ],
            "",
        );
        assert_eq!(cookie(&ex, "ST").as_deref(), Some("abc"));
        assert_eq!(cookie(&ex, "b"), None);
        assert_eq!(basic(&ex), Some(Ok(("user".into(), "pa:ss".into()))));
        assert_eq!(bearer(&ex), None);
        assert!(has_media_type(&ex, "application/x-www-form-urlencoded"));
        assert_eq!(field(&query(&ex), "flowId"), Some("a b"));
        assert_eq!(base_url(&ex), "http://127.0.0.1:9");
        let bad = exchange("GET", "/", &[("Authorization", "Basic !!!")], "");
        assert_eq!(basic(&bad), Some(Err(())));
        let b = exchange("GET", "/", &[("Authorization", "Bearer t0k")], "");
        assert_eq!(bearer(&b), Some("t0k"));
    }
}
