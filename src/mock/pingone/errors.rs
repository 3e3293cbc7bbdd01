//! PingOne's two error shapes: the platform's `{"id","code","message","details":[…]}` (management
//! API and flows) and OAuth's `{"error","error_description"}` (the `as/*` endpoints), plus the
//! response constructors every route uses.

use serde_json::{json, Value};

use super::state::new_id;
use crate::mock::reply::{self, Reply};

/// A refusal on its way out: a response, boxed (responses are large for a `Result`'s error).
pub(crate) type Refused = Box<Reply>;

/// The management API's and the flow API's content type.
pub(crate) const HAL_JSON: &str = "application/hal+json;charset=UTF-8";
/// The OAuth endpoints' content type.
pub(crate) const JSON: &str = "application/json;charset=UTF-8";

pub(crate) const MSG_NOT_FOUND: &str = "The requested resource was not found.";
pub(crate) const MSG_INVALID_DATA: &str =
    "The request could not be completed. One or more validation errors were in the request.";
pub(crate) const MSG_INVALID_REQUEST: &str =
    "The request could not be completed. The request was malformed or invalid.";

/// A platform error: `{"id","code","message"}` plus `details` when there are any.
pub(crate) fn platform(status: u16, code: &str, message: &str, details: Vec<Value>) -> Reply {
    let mut body = json!({"id": new_id(), "code": code, "message": message});
    if !details.is_empty() {
        body["details"] = Value::Array(details);
    }
    reply::bytes(status, JSON, body.to_string())
}

/// One entry of `details`.
pub(crate) fn detail(code: &str, target: &str, message: &str) -> Value {
    json!({"code": code, "target": target, "message": message})
}

/// 404 `NOT_FOUND`.
pub(crate) fn not_found() -> Reply {
    platform(404, "NOT_FOUND", MSG_NOT_FOUND, Vec::new())
}

/// 400 `INVALID_DATA` with one detail.
pub(crate) fn invalid_data(code: &str, target: &str, message: &str) -> Reply {
    platform(
        400,
        "INVALID_DATA",
        MSG_INVALID_DATA,
        vec![detail(code, target, message)],
    )
}

/// 400 `INVALID_REQUEST` with one detail.
pub(crate) fn invalid_request(target: &str, message: &str) -> Reply {
    platform(
        400,
        "INVALID_REQUEST",
        MSG_INVALID_REQUEST,
        vec![detail("INVALID_VALUE", target, message)],
    )
}

/// 415 for a request whose `Content-Type` is not the one the action needs.
pub(crate) fn media_type(got: Option<&str>, want: &str) -> Reply {
    let got = got.unwrap_or("(none)");
    platform(
        415,
        "INVALID_REQUEST",
        MSG_INVALID_REQUEST,
        vec![detail(
            "INVALID_VALUE",
            "Content-Type",
            &format!("Content type '{got}' is not supported for this request; use '{want}'."),
        )],
    )
}

/// 401 for a missing, unknown or expired bearer token.
pub(crate) fn invalid_token() -> Reply {
    platform(
        401,
        "INVALID_TOKEN",
        "The request could not be completed. The provided access token is invalid.",
        Vec::new(),
    )
}

/// An OAuth error; the description ends with a correlation id, as PingOne's do.
pub(crate) fn oauth(status: u16, error: &str, description: &str) -> Reply {
    let body = json!({
        "error": error,
        "error_description": format!("{description} (Correlation ID: {})", new_id()),
    });
    let mut r = reply::bytes(status, JSON, body.to_string());
    if status == 401 {
        reply::set_header(&mut r, "www-authenticate", "Basic realm=\"PingOne\"");
    }
    r
}

/// A JSON success response with `content_type`.
pub(crate) fn ok(status: u16, content_type: &str, body: &Value) -> Reply {
    reply::bytes(status, content_type, body.to_string())
}

#[cfg(test)]
mod tests {
    use super::super::wire::testing::read;
    use super::*;

    #[test]
    fn platform_errors_carry_an_id_and_details_only_when_given() {
        let (status, headers, body) = read(not_found());
        assert_eq!(status, 404);
        assert_eq!(headers["content-type"], JSON);
        assert_eq!(body["code"], "NOT_FOUND");
        assert!(body.get("details").is_none());
        assert_eq!(body["id"].as_str().map(str::len), Some(36));
        let (status, _, body) = read(media_type(Some("application/json"), "application/x"));
        assert_eq!(status, 415);
        assert_eq!(body["details"][0]["target"], "Content-Type");
        let message = body["details"][0]["message"].as_str().unwrap_or_default();
        assert!(message.contains("'application/json'") && message.contains("'application/x'"));
    }

    #[test]
    fn oauth_errors_name_a_correlation_id_and_challenge_on_401() {
        let (status, headers, body) = read(oauth(401, "invalid_client", "no"));
        assert_eq!(status, 401);
        assert!(headers.contains_key("www-authenticate"));
        assert_eq!(body["error"], "invalid_client");
        let description = body["error_description"].as_str().unwrap_or_default();
        assert!(
            description.starts_with("no (Correlation ID: "),
            "{description}"
        );
        let (_, headers, _) = read(oauth(400, "invalid_request", "x"));
        assert!(!headers.contains_key("www-authenticate"));
    }
}
