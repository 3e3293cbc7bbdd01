//! `noauth`: sends nothing (it only stops inheritance, which the caller resolved).

use super::Target;
use crate::collection::Auth;
use crate::http::error::RequestError;

pub(super) fn sign(_auth: &Auth, _target: &mut Target<'_>) -> Result<(), RequestError> {
    Ok(())
}
