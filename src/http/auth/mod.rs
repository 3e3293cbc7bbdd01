//! AUTH: signs a prepared request with its effective auth (inheritance is resolved by the
//! caller). One file per type; [`SIGNERS`] maps a type name to its signer, so adding a type is one
//! file plus one line here.
//!
//! Signers run after the body is built and before the system headers are added, so they see the
//! method, the URL (and may change its query), the user headers (and append theirs), the body
//! bytes and, for urlencoded bodies, its parameters (which they may change; the body is then
//! rebuilt). Types that need a round trip (digest's challenge, NTLM's handshake, OAuth 2.0 token
//! fetching) sign here with what they know; `super::flow` drives the round trips.

mod apikey;
mod asap;
mod awsv4;
mod basic;
mod bearer;
pub(crate) mod digest;
mod edgegrid;
pub(crate) mod flows;
mod hawk;
mod jws;
mod jwt;
pub(crate) mod keys;
mod noauth;
pub(crate) mod ntlm;
mod oauth1;
pub(crate) mod oauth2;
pub(crate) mod util;

use super::error::RequestError;
use super::urlenc::NodeUrl;
use crate::collection::{Auth, QueryParam, Url};
pub(crate) use basic::header_value as basic_header;

/// What a signer sees and may change.
pub(crate) struct Target<'a> {
    /// The method as it will be sent.
    pub method: &'a str,
    /// The URL (its query is [`Target::query`]).
    pub url: &'a Url,
    /// The enabled query parameters as `(key, value)` (raw, as written); `None` when the URL has
    /// none. Signers may change them.
    pub query: &'a mut Option<Vec<(String, Option<String>)>>,
    /// `disableUrlEncoding`, for [`Target::encoded`].
    pub raw_url: bool,
    /// The user headers (before system headers are added); signers append theirs.
    pub headers: &'a mut Vec<(String, String)>,
    /// The body as it will be sent, if any.
    pub body: Option<&'a [u8]>,
    /// The body's mode (`raw`, `urlencoded`, `formdata`, `file`, `graphql`), `""` without one.
    pub body_mode: &'a str,
    /// The `Content-Type` the request will carry (the user's, else the body's).
    pub content_type: Option<&'a str>,
    /// urlencoded bodies: the enabled `(key, value)` pairs. Signers may change them; the body
    /// is rebuilt when they do.
    pub form: Option<&'a mut Vec<(String, String)>>,
}

impl Target<'_> {
    /// Removes every header named `name` (case-insensitive) and appends `name: value`, as the
    /// runtime's `removeHeader` + `addHeader` do.
    pub fn replace_header(&mut self, name: &str, value: String) {
        self.remove_header(name);
        self.headers.push((name.to_string(), value));
    }

    pub fn remove_header(&mut self, name: &str) {
        self.headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
    }

    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The URL as Newman would encode it now, with the current query.
    pub fn node(&self) -> NodeUrl {
        let mut url = self.url.clone();
        url.query = self
            .query
            .iter()
            .flatten()
            .map(|(k, v)| QueryParam {
                key: Some(k.clone()),
                value: v.clone(),
                disabled: false,
            })
            .collect();
        NodeUrl::new(&url, self.raw_url)
    }

    /// The URL as it would go on the wire now (href, request target, Host value).
    pub fn encoded(&self) -> Result<Encoded, RequestError> {
        let node = self.node();
        node.check()?;
        Ok(Encoded {
            href: node.href(),
            target: node.target(),
            host_header: node.host(),
        })
    }

    /// `http` or `https`.
    pub fn scheme(&self) -> String {
        self.node().protocol
    }

    /// The host, encoded and lower-cased (IPv6 in brackets).
    pub fn hostname(&self) -> String {
        self.node().hostname.to_ascii_lowercase()
    }

    /// The port as written in the URL, if any.
    pub fn port(&self) -> Option<String> {
        self.url.port.clone().filter(|p| !p.is_empty())
    }

    /// Replaces query parameters named `key` and appends `key=value`.
    pub fn set_query(&mut self, key: &str, value: String) {
        let query = self.query.get_or_insert_with(Vec::new);
        query.retain(|(k, _)| k != key);
        query.push((key.to_string(), Some(value)));
    }
}

/// A URL ready to send, as the signers see it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Encoded {
    /// `http://host:port/path?query#hash`, encoded.
    pub href: String,
    /// `/path?query`: the request target.
    pub target: String,
    /// `host[:port]` as in the URL: the `Host` header.
    pub host_header: String,
}

type Signer = fn(&Auth, &mut Target<'_>) -> Result<(), RequestError>;

/// Supported auth types and their signers.
const SIGNERS: &[(&str, Signer)] = &[
    ("noauth", noauth::sign),
    ("basic", basic::sign),
    ("bearer", bearer::sign),
    ("apikey", apikey::sign),
    ("digest", digest::sign),
    ("oauth1", oauth1::sign),
    ("oauth2", oauth2::sign),
    ("hawk", hawk::sign),
    ("awsv4", awsv4::sign),
    ("edgegrid", edgegrid::sign),
    ("jwt", jwt::sign),
    ("asap", asap::sign),
    ("ntlm", ntlm::sign),
];

/// The names of the supported types, for messages.
pub(crate) fn supported() -> String {
    SIGNERS
        .iter()
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Signs `target` with `auth`; unknown types are an error naming the type.
pub(crate) fn apply(auth: &Auth, target: &mut Target<'_>) -> Result<(), RequestError> {
    match SIGNERS.iter().find(|(name, _)| *name == auth.kind) {
        Some((_, sign)) => sign(auth, target),
        None => Err(RequestError::UnsupportedAuth(auth.kind.clone())),
    }
}

/// An auth error in the words `<type>: <what went wrong>`.
pub(crate) fn error(kind: &str, message: impl std::fmt::Display) -> RequestError {
    RequestError::Auth(format!("{kind}: {message}"))
}

#[cfg(test)]
pub(crate) mod test_target {
    //! A [`Target`] over owned parts, for the signers' unit tests.
    use super::*;

    pub struct Parts {
        pub method: String,
        pub url: Url,
        pub query: Option<Vec<(String, Option<String>)>>,
        pub headers: Vec<(String, String)>,
        pub body: Option<Vec<u8>>,
        pub mode: String,
        pub content_type: Option<String>,
        pub form: Option<Vec<(String, String)>>,
    }

    impl Parts {
        pub fn new(method: &str, url: &str) -> Parts {
            let url = Url::parse(url);
            let query = url.query_part().map(|_| {
                url.query
                    .iter()
                    .map(|p| (p.key.clone().unwrap_or_default(), p.value.clone()))
                    .collect()
            });
            Parts {
                method: method.into(),
                url,
                query,
                headers: Vec::new(),
                body: None,
                mode: String::new(),
                content_type: None,
                form: None,
            }
        }

        pub fn sign(&mut self, auth: &Auth) -> Result<(), RequestError> {
            let mut t = self.target();
            apply(auth, &mut t)
        }

        pub fn target(&mut self) -> Target<'_> {
            Target {
                method: &self.method,
                url: &self.url,
                query: &mut self.query,
                raw_url: false,
                headers: &mut self.headers,
                body: self.body.as_deref(),
                body_mode: &self.mode,
                content_type: self.content_type.as_deref(),
                form: self.form.as_mut(),
            }
        }

        pub fn header(&self, name: &str) -> Option<&str> {
            self.headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        }

        pub fn href(&mut self) -> String {
            self.target().encoded().map(|e| e.href).unwrap_or_default()
        }
    }

    pub fn auth(kind: &str, params: &[(&str, serde_json::Value)]) -> Auth {
        let mut a = Auth {
            kind: kind.into(),
            ..Auth::default()
        };
        for (k, v) in params {
            a.params.insert((*k).to_string(), v.clone());
        }
        a
    }
}

#[cfg(test)]
mod tests {
    use super::test_target::*;
    use super::*;

    #[test]
    fn unknown_type_is_an_error() {
        let mut p = Parts::new("GET", "http://x/");
        let err = p.sign(&auth("kerberos", &[]));
        assert_eq!(err, Err(RequestError::UnsupportedAuth("kerberos".into())));
        assert!(supported().contains("ntlm"));
    }
}
