//! `basic`: `Authorization: Basic base64(username:password)` (empty strings when absent).

use super::Target;
use crate::collection::Auth;
use crate::http::error::RequestError;
use base64::Engine;

pub(super) fn sign(auth: &Auth, target: &mut Target<'_>) -> Result<(), RequestError> {
    let user = auth.param("username").unwrap_or_default();
    let pass = auth.param("password").unwrap_or_default();
    target.replace_header("Authorization", header_value(&user, &pass));
    Ok(())
}

/// `Basic base64(user:pass)`.
pub(crate) fn header_value(user: &str, pass: &str) -> String {
    let raw = format!("{user}:{pass}");
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(raw)
    )
}

#[cfg(test)]
mod tests {
    use super::super::test_target::{auth, Parts};
    use serde_json::json;

    #[test]
    fn replaces_authorization() {
        let mut p = Parts::new("GET", "http://x/");
        p.headers.push(("authorization".into(), "x".into()));
        let a = auth(
            "basic",
            &[("username", json!("user")), ("password", json!("pass"))],
        );
        p.sign(&a).unwrap();
        assert_eq!(
            p.headers,
            vec![("Authorization".into(), "Basic dXNlcjpwYXNz".into())]
        );
    }
}
