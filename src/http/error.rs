//! The http stage's errors: [`HttpError`] when the client cannot be built (certificates, cookie
//! jar files), [`RequestError`] when one request cannot be prepared or sent. Request errors carry
//! the message Newman shows for the same failure (`connect ECONNREFUSED 127.0.0.1:1`).

use crate::script::outcome::ErrorInfo;
use std::path::PathBuf;

/// Building the client or loading its inputs failed. Fatal for a run.
#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error("could not read CA certificates from \"{path}\": {message}")]
    CaCerts { path: PathBuf, message: String },
    #[error("could not read the client certificate \"{path}\": {message}")]
    ClientCert { path: PathBuf, message: String },
    #[error("could not read the client key \"{path}\": {message}")]
    ClientKey { path: PathBuf, message: String },
    #[error(
        "the client key \"{0}\" is encrypted; give its passphrase with --ssl-client-passphrase \
         (or `passphrase` in the --ssl-client-cert-list entry)"
    )]
    EncryptedKey(PathBuf),
    #[error("could not read the client certificate list \"{path}\": {message}")]
    CertList { path: PathBuf, message: String },
    #[error("invalid proxy \"{url}\": {message}")]
    Proxy { url: String, message: String },
    #[error("TLS configuration error: {0}")]
    Tls(String),
    #[error("the cookie jar is not valid tough-cookie JSON: {0}")]
    CookieJar(String),
    /// A script's cookie could not be stored.
    #[error("{0}")]
    Cookie(String),
}

/// One request failed: it could not be built, sent, or read. Reported like Newman reports a
/// request error (name `Error`, Newman's message text).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RequestError {
    /// The URL cannot be sent (`Invalid URI "http:///"`).
    #[error("Invalid URI \"{0}\"")]
    InvalidUrl(String),
    /// A header name or value that cannot go on the wire.
    #[error("{0}")]
    InvalidHeader(String),
    /// Auth type this build does not sign.
    #[error("unsupported auth type `{0}` (postie supports {list})", list = super::auth::supported())]
    UnsupportedAuth(String),
    /// An auth helper could not sign or authenticate (`jwt: invalid algorithm`, a failed OAuth 2.0
    /// token request).
    #[error("{0}")]
    Auth(String),
    /// A proxy refused the request (`407 Proxy Authentication Required`).
    #[error("{0}")]
    Proxy(String),
    /// Connecting failed: `connect ECONNREFUSED 127.0.0.1:1`, `getaddrinfo ENOTFOUND host`.
    #[error("{0}")]
    Connect(String),
    /// The TLS handshake failed (certificate problems in Node's words when known).
    #[error("{0}")]
    Tls(String),
    /// `ETIMEDOUT` (connecting) or `ESOCKETTIMEDOUT` (waiting for the response).
    #[error("{0}")]
    Timeout(&'static str),
    /// The connection broke or the server spoke bad HTTP (`socket hang up`, parse errors).
    #[error("{0}")]
    Protocol(String),
    /// `Exceeded maxRedirects. Probably stuck in a redirect loop <url>`.
    #[error("Exceeded maxRedirects. Probably stuck in a redirect loop {0}")]
    TooManyRedirects(String),
    /// The body grew past `HttpOptions::max_response_size`.
    #[error("Maximum response size reached")]
    ResponseTooLarge,
    /// The response body could not be decoded (gzip, deflate, br).
    #[error("{0}")]
    Decode(String),
    /// A body file could not be read (binary `file` bodies).
    #[error("{0}")]
    File(String),
    /// The last failure of a request tried several times (`--retry`).
    #[error("{last} (tried {tries} times)")]
    Retried { tries: u32, last: Box<RequestError> },
    /// `fetch` got a non-2xx answer.
    #[error("{url} answered {code} {reason}")]
    Status {
        url: String,
        code: u16,
        reason: String,
    },
}

impl RequestError {
    /// The error as scripts and reports see it: name `Error` and the message.
    pub fn info(&self) -> ErrorInfo {
        ErrorInfo::new("Error", self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_match_newman() {
        let e = RequestError::Connect("connect ECONNREFUSED 127.0.0.1:1".into());
        assert_eq!(e.info().name, "Error");
        assert_eq!(e.info().message, "connect ECONNREFUSED 127.0.0.1:1");
        let e = RequestError::TooManyRedirects("http://a/b".into());
        assert_eq!(
            e.to_string(),
            "Exceeded maxRedirects. Probably stuck in a redirect loop http://a/b"
        );
        assert!(RequestError::UnsupportedAuth("kerberos".into())
            .to_string()
            .starts_with("unsupported auth type `kerberos` (postie supports noauth, basic, "));
    }
}
