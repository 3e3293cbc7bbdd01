//! PERFORM: one collection request from resolved parts to its final exchange, as the runner
//! asks for it ([`Client::perform`]): prepared ([`super::prepare`]), signed, sent, with the auth
//! round trips some types need (digest challenge, NTLM handshake, OAuth 2.0 tokens:
//! `super::auth::flows`), and sent again under `--retry` when the network or the server
//! failed. A retried request is one outcome with its retry count; scripts never see the tries.

use super::client::Client;
use super::error::RequestError;
use super::prepare::{prepare, Origin, PreparedRequest};
use super::send::Pinned;
use super::types::{Exchange, Retry, SentRequest};
use crate::collection::{Auth, Behavior, Request};

/// One request to perform: the resolved request, its URL, the auth in effect (inheritance
/// resolved, variables substituted), its `protocolProfileBehavior`.
#[derive(Debug, Clone, Copy)]
pub struct Call<'a> {
    pub url: &'a str,
    pub request: &'a Request,
    pub auth: Option<&'a Auth>,
    pub behavior: &'a Behavior,
    pub origin: Origin,
}

/// What came of a [`Call`].
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The request as it went, or would have gone, on the wire (for reporting a failure).
    pub sent: SentRequest,
    pub result: Result<Exchange, RequestError>,
    /// Console warnings (file load errors, a proxy's 407).
    pub warnings: Vec<String>,
}

impl Outcome {
    pub(crate) fn failed(call: &Call<'_>, e: RequestError) -> Outcome {
        Outcome {
            sent: SentRequest {
                method: call.request.method.clone(),
                url: call.url.to_string(),
                ..SentRequest::default()
            },
            result: Err(e),
            warnings: Vec::new(),
        }
    }

    /// The response status, when there is a response.
    pub(crate) fn code(&self) -> Option<u16> {
        self.result.as_ref().ok().map(|x| x.response.code)
    }
}

impl Client {
    /// Performs `call`: auth round trips, redirects, retries.
    pub async fn perform(&self, call: &Call<'_>) -> Outcome {
        let retry = &self.opts.retry;
        let mut retries = 0;
        loop {
            let mut out = self.attempt(call).await;
            if retries < retry.count && wants_retry(retry, &out.result) {
                retries += 1;
                tokio::time::sleep(retry.delay).await;
                continue;
            }
            match &mut out.result {
                Ok(x) => x.retries = retries,
                Err(e) if retries > 0 => {
                    *e = RequestError::Retried {
                        tries: retries + 1,
                        last: Box::new(e.clone()),
                    }
                }
                Err(_) => {}
            }
            return out;
        }
    }

    async fn attempt(&self, call: &Call<'_>) -> Outcome {
        match call.auth {
            Some(a) if a.kind == "digest" => self.digest(call, a).await,
            Some(a) if a.kind == "ntlm" => self.ntlm(call, a).await,
            Some(a) if a.kind == "oauth2" => match super::auth::oauth2::Grant::from_auth(a) {
                Some(grant) => self.oauth2(call, a, grant).await,
                None => self.once(call, Some(a), None, None).await,
            },
            auth => self.once(call, auth, None, None).await,
        }
    }

    /// Prepares and sends once: with `auth`, the request `request` (else the call's), on the
    /// pinned connection when given.
    pub(crate) async fn once(
        &self,
        call: &Call<'_>,
        auth: Option<&Auth>,
        request: Option<&Request>,
        pin: Option<&mut Pinned>,
    ) -> Outcome {
        let req = request.unwrap_or(call.request);
        let prepared = prepare(call.url, req, auth, call.behavior, call.origin, &self.opts);
        match prepared {
            Err(e) => Outcome::failed(call, e),
            Ok(p) => {
                let sent = sent_request(&p);
                // Newman reports an item's request as first sent, also when redirects followed.
                let first = (call.origin == Origin::Item).then(|| p.first_hop(Some(&self.jar)));
                let result = self.send_pinned(&p, pin).await.map(|mut x| {
                    if let Some(first) = first.filter(|_| !x.redirects.is_empty()) {
                        x.request = first;
                    }
                    x
                });
                let mut warnings = p.warnings;
                if let Ok(x) = &result {
                    warnings.extend(x.warnings.iter().cloned());
                }
                Outcome {
                    sent,
                    result,
                    warnings,
                }
            }
        }
    }
}

/// Does `result` call for another try under `retry`?
fn wants_retry(retry: &Retry, result: &Result<Exchange, RequestError>) -> bool {
    match result {
        Ok(x) => retry.on_5xx && (500..600).contains(&x.response.code),
        Err(e) => retry.on_connection && transient(e),
    }
}

/// Failures a later try may not meet: connecting, timeouts, connections closed or reset.
fn transient(e: &RequestError) -> bool {
    match e {
        RequestError::Connect(_) | RequestError::Timeout(_) => true,
        RequestError::Protocol(m) => m == "socket hang up" || m.contains("ECONNRESET"),
        RequestError::Tls(m) => m.starts_with("Client network socket disconnected"),
        _ => false,
    }
}

/// What a prepared request would have put on the wire, for reports of a failed send.
pub(crate) fn sent_request(p: &PreparedRequest) -> SentRequest {
    SentRequest {
        method: p.method.clone(),
        url: p.href.clone(),
        scheme_implied: p.scheme_implied,
        headers: p.headers.clone(),
        body: p.body_summary.clone().or_else(|| {
            p.body
                .as_ref()
                .map(|b| String::from_utf8_lossy(b).into_owned())
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::types::Response;

    #[test]
    fn retry_decisions() {
        let r = Retry {
            count: 2,
            ..Retry::default()
        };
        let with = |code| {
            Ok(Exchange {
                response: Response {
                    code,
                    ..Response::default()
                },
                ..Exchange::default()
            })
        };
        assert!(wants_retry(&r, &with(503)));
        assert!(!wants_retry(&r, &with(404)));
        assert!(wants_retry(&r, &Err(RequestError::Connect("x".into()))));
        assert!(wants_retry(&r, &Err(RequestError::Timeout("ETIMEDOUT"))));
        assert!(!wants_retry(
            &r,
            &Err(RequestError::Tls("self-signed certificate".into()))
        ));
        let only_5xx = Retry {
            on_connection: false,
            ..r
        };
        assert!(!wants_retry(
            &only_5xx,
            &Err(RequestError::Connect("x".into()))
        ));
    }
}
