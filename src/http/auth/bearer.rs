//! `bearer`: `Authorization: Bearer <token>`; nothing when the token is empty.

use super::Target;
use crate::collection::Auth;
use crate::http::error::RequestError;

pub(super) fn sign(auth: &Auth, target: &mut Target<'_>) -> Result<(), RequestError> {
    let token = auth.param("token").unwrap_or_default();
    if !token.is_empty() {
        target.replace_header("Authorization", format!("Bearer {token}"));
    }
    Ok(())
}
