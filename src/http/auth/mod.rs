//! AUTH: signs a prepared request with its effective auth (inheritance is resolved by the
//! caller). One file per type; [`SIGNERS`] maps a type name to its signer, so adding a type is one
//! file plus one line here.

mod apikey;
mod basic;
mod bearer;
mod noauth;

use super::error::RequestError;
use crate::collection::Auth;
pub(crate) use basic::header_value as basic_header;

/// What a signer may change: the user headers (before system headers are added) and the query.
pub(crate) struct Target<'a> {
    pub headers: &'a mut Vec<(String, String)>,
    /// `None` when the URL has no `?`.
    pub query: &'a mut Option<Vec<(String, Option<String>)>>,
}

impl Target<'_> {
    /// Removes every header named `name` (case-insensitive) and appends `name: value`, as the
    /// runtime's `removeHeader` + `addHeader` do.
    pub fn replace_header(&mut self, name: &str, value: String) {
        self.headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
        self.headers.push((name.to_string(), value));
    }
}

type Signer = fn(&Auth, &mut Target<'_>) -> Result<(), RequestError>;

/// Supported auth types and their signers.
const SIGNERS: &[(&str, Signer)] = &[
    ("noauth", noauth::sign),
    ("basic", basic::sign),
    ("bearer", bearer::sign),
    ("apikey", apikey::sign),
];

/// Signs `target` with `auth`; unknown types are an error naming the type.
pub(crate) fn apply(auth: &Auth, target: &mut Target<'_>) -> Result<(), RequestError> {
    match SIGNERS.iter().find(|(name, _)| *name == auth.kind) {
        Some((_, sign)) => sign(auth, target),
        None => Err(RequestError::UnsupportedAuth(auth.kind.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_type_is_an_error() {
        let auth = Auth {
            kind: "digest".into(),
            ..Auth::default()
        };
        let (mut h, mut q) = (Vec::new(), None);
        let err = apply(
            &auth,
            &mut Target {
                headers: &mut h,
                query: &mut q,
            },
        );
        assert_eq!(err, Err(RequestError::UnsupportedAuth("digest".into())));
    }
}
