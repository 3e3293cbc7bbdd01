//! `/auth/hawk`: verifies a Hawk `Authorization` header (sha256, postman-echo's documented id and
//! key) the way a Hawk server does: the MAC over the normalized request string and, when the client
//! sent one, the payload hash. Timestamps are not checked for skew, so recorded requests replay.

use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use serde_json::json;
use sha2::{Digest, Sha256};

use super::auth::{param, parse_params, strip_scheme};
use super::shape::media_type;
use crate::mock::creds::{HAWK_ID, HAWK_KEY};
use crate::mock::http::Exchange;
use crate::mock::reply::{self, Reply};

/// The parts of a request a Hawk MAC covers.
pub(crate) struct HawkRequest<'a> {
    pub method: &'a str,
    pub resource: &'a str,
    pub host: &'a str,
    pub port: u16,
}

/// `/auth/hawk`.
pub(super) fn verify(ex: &Exchange) -> Reply {
    match check(ex) {
        Ok(()) => reply::json(
            200,
            &json!({ "status": "pass", "message": "Hawk Authentication Successful" }),
        ),
        Err(message) => {
            let mut reply = reply::json(
                401,
                &json!({ "statusCode": 401, "error": "Unauthorized", "message": message }),
            );
            reply::set_header(
                &mut reply,
                "www-authenticate",
                &format!("Hawk error=\"{message}\""),
            );
            reply
        }
    }
}

fn check(ex: &Exchange) -> Result<(), &'static str> {
    let header = ex.header("authorization").ok_or("Missing authentication")?;
    let params = parse_params(strip_scheme(header, "Hawk").ok_or("Missing authentication")?);
    let get = |key: &str| param(&params, key).unwrap_or("");
    if get("id").is_empty()
        || get("ts").is_empty()
        || get("nonce").is_empty()
        || get("mac").is_empty()
    {
        return Err("Missing attributes");
    }
    if get("id") != HAWK_ID {
        return Err("Unknown credentials");
    }
    let host_header = ex.host();
    let (host, port) = split_host(&host_header, if ex.tls { 443 } else { 80 });
    let request = HawkRequest {
        method: &ex.method,
        resource: &ex.target,
        host,
        port,
    };
    if header_mac(HAWK_KEY, &request, &params) != get("mac") {
        return Err("Bad mac");
    }
    let hash = get("hash");
    if !hash.is_empty() {
        let content_type = media_type(ex.header("content-type").unwrap_or(""));
        if payload_hash(&content_type, &ex.body) != hash {
            return Err("Bad payload hash");
        }
    }
    Ok(())
}

/// `host[:port]` → (host, port); IPv6 literals keep their brackets.
fn split_host(value: &str, default_port: u16) -> (&str, u16) {
    match value.rsplit_once(':') {
        Some((host, port)) if !port.contains(']') => (host, port.parse().unwrap_or(default_port)),
        _ => (value, default_port),
    }
}

/// The base64 HMAC-SHA256 of Hawk's normalized `header` string.
pub(crate) fn header_mac(
    key: &str,
    request: &HawkRequest<'_>,
    params: &[(String, String)],
) -> String {
    let get = |key: &str| param(params, key).unwrap_or("");
    let ext = get("ext").replace('\\', "\\\\").replace('\n', "\\n");
    let mut normalized = format!(
        "hawk.1.header\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{ext}\n",
        get("ts"),
        get("nonce"),
        request.method.to_ascii_uppercase(),
        request.resource,
        request.host.to_ascii_lowercase(),
        request.port,
        get("hash"),
    );
    if let Some(app) = param(params, "app").filter(|app| !app.is_empty()) {
        normalized.push_str(&format!("{app}\n{}\n", get("dlg")));
    }
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key.as_bytes()) else {
        return String::new();
    };
    mac.update(normalized.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// The base64 SHA-256 of Hawk's normalized `payload` string.
pub(crate) fn payload_hash(content_type: &str, body: &[u8]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(format!("hawk.1.payload\n{content_type}\n").as_bytes());
    hasher.update(body);
    hasher.update(b"\n");
    base64::engine::general_purpose::STANDARD.encode(hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn";

    fn request(method: &'static str) -> HawkRequest<'static> {
        HawkRequest {
            method,
            resource: "/resource/1?b=1&a=2",
            host: "example.com",
            port: 8000,
        }
    }

    #[test]
    fn header_mac_matches_the_hawk_reference_example() {
        let params = parse_params(
            r#"id="dh37fgj492je", ts="1353832234", nonce="j4h3g2", ext="some-app-ext-data""#,
        );
        assert_eq!(
            header_mac(KEY, &request("GET"), &params),
            "6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="
        );
    }

    #[test]
    fn payload_hash_and_mac_with_hash_match_the_reference() {
        let hash = payload_hash("text/plain", b"Thank you for flying Hawk");
        assert_eq!(hash, "Yi9LfIIFRtBEPt74PVmbTF/xVAwPn7ub15ePICfgnuY=");
        let header =
            format!(r#"ts="1353832234", nonce="j4h3g2", hash="{hash}", ext="some-app-ext-data""#);
        let params = parse_params(&header);
        assert_eq!(
            header_mac(KEY, &request("POST"), &params),
            "aSe1DERmZuRl3pI36/9BdZmnErTw3sNzOOAUlfeKjVw="
        );
    }

    #[test]
    fn an_empty_app_is_left_out_of_the_mac() {
        let plain = parse_params(r#"ts="1353832234", nonce="j4h3g2", ext="some-app-ext-data""#);
        let empty_app =
            parse_params(r#"ts="1353832234", nonce="j4h3g2", ext="some-app-ext-data", app="""#);
        let with_app =
            parse_params(r#"ts="1353832234", nonce="j4h3g2", ext="some-app-ext-data", app="x""#);
        let mac = |params| header_mac(KEY, &request("GET"), params);
        assert_eq!(mac(&empty_app), mac(&plain));
        assert_ne!(mac(&with_app), mac(&plain));
    }

    #[test]
    fn host_and_port_split() {
        assert_eq!(
            split_host("postman-echo.com", 443),
            ("postman-echo.com", 443)
        );
        assert_eq!(split_host("127.0.0.1:8080", 80), ("127.0.0.1", 8080));
        assert_eq!(split_host("[::1]", 80), ("[::1]", 80));
        assert_eq!(split_host("[::1]:9", 80), ("[::1]", 9));
    }
}
