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
    use super::*;
    use serde_json::json;

    #[test]
    fn replaces_authorization() {
        let mut auth = Auth {
            kind: "basic".into(),
            ..Auth::default()
        };
        auth.params.insert("username".into(), json!("user"));
        auth.params.insert("password".into(), json!("pass"));
        let mut h = vec![("authorization".to_string(), "x".to_string())];
        let mut q = None;
        sign(
            &auth,
            &mut Target {
                headers: &mut h,
                query: &mut q,
            },
        )
        .unwrap();
        assert_eq!(
            h,
            vec![("Authorization".into(), "Basic dXNlcjpwYXNz".into())]
        );
    }
}
