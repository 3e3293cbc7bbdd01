//! The run's HTTP client: one per run, holding the TLS configurations, the connection pool and
//! the cookie jar. Also fetches collection/environment files given as URLs.

use super::auth::flows::Memory;
use super::connect::Connector;
use super::cookies::CookieJar;
use super::error::{HttpError, RequestError};
use super::prepare::{prepare, Origin};
use super::proxy::Proxies;
use super::tls;
use super::types::HttpOptions;
use crate::collection::{Behavior, Header, Request};
use bytes::Bytes;

/// Sends prepared requests (see [`Client::send`]); one per run.
pub struct Client {
    pub(crate) connector: Connector,
    pub(crate) jar: CookieJar,
    pub(crate) opts: HttpOptions,
    /// Digest challenges, OAuth 2.0 tokens and secrets learnt during the run.
    pub(crate) memory: Memory,
}

impl Client {
    /// Builds the client: trusted roots, client certificates, overrides, proxies. Fails on
    /// unreadable certificate, key or certificate-list files and unusable proxy URLs.
    pub fn new(opts: &HttpOptions) -> Result<Client, HttpError> {
        let tls = tls::build(opts)?;
        let proxies = Proxies::new(opts)?;
        Ok(Client {
            connector: Connector::new(tls, opts.host_overrides.clone(), proxies, opts.http2),
            jar: CookieJar::default(),
            opts: opts.clone(),
            memory: Memory::default(),
        })
    }

    /// The run's cookie jar.
    pub fn cookies(&self) -> &CookieJar {
        &self.jar
    }

    /// The options the client was built from.
    pub fn options(&self) -> &HttpOptions {
        &self.opts
    }

    /// GETs `url` (following redirects, no cookies) and returns the body; a non-2xx answer is an
    /// error naming the URL and status.
    pub async fn fetch(
        &self,
        url: &str,
        headers: &[(String, String)],
    ) -> Result<Bytes, RequestError> {
        let req = Request {
            headers: headers
                .iter()
                .map(|(k, v)| Header {
                    key: k.clone(),
                    value: v.clone(),
                    disabled: false,
                })
                .collect(),
            ..Request::default()
        };
        let mut behavior = Behavior::default();
        behavior.0.insert("followRedirects".into(), true.into());
        behavior.0.insert("disableCookies".into(), true.into());
        let prepared = prepare(url, &req, None, &behavior, Origin::Item, &self.opts)?;
        let ex = self.send(&prepared).await?;
        if !(200..300).contains(&ex.response.code) {
            return Err(RequestError::Status {
                url: url.to_string(),
                code: ex.response.code,
                reason: ex.response.status,
            });
        }
        Ok(ex.response.body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn send_sync<T: Send + Sync>(_: &T) {}
    fn send<T: Send>(_: T) {}

    #[test]
    fn client_and_send_future_cross_threads() {
        let client = Client::new(&HttpOptions::default()).unwrap();
        send_sync(&client);
        let req = prepare(
            "http://127.0.0.1:1/",
            &Request::default(),
            None,
            &Behavior::default(),
            Origin::Item,
            &HttpOptions::default(),
        )
        .unwrap();
        send(client.send(&req));
        send(client.fetch("http://127.0.0.1:1/", &[]));
        let request = Request::default();
        let behavior = Behavior::default();
        let auth = crate::collection::Auth {
            kind: "ntlm".into(),
            ..Default::default()
        };
        let call = crate::http::Call {
            url: "http://127.0.0.1:1/",
            request: &request,
            auth: Some(&auth),
            behavior: &behavior,
            origin: Origin::Item,
        };
        send(client.perform(&call));
    }
}
