//! The auth types that need round trips, driven for [`Client::perform`]:
//!
//! - digest: a request without `realm`/`nonce` goes out bare; a 401/403 with a Digest challenge
//!   is absorbed and the request sent again, signed (not with `disableRetryRequest`). The last
//!   challenge per origin and user is remembered for the run, so later requests sign at once
//!   with the next nonce count (a stale nonce costs one more round trip).
//! - ntlm: bare request; on a 401/403 offering NTLM (or Negotiate), the negotiate message; then
//!   the authenticate message for the server's challenge. All three on one connection.
//! - oauth2 with a grant: the token comes from the run's cache or the token endpoint (a refresh
//!   grant when the cached token expired and has a refresh token); a 401 to a token that was not
//!   fetched just now drops it and fetches a new one, once. Fetched tokens are handed to the
//!   runner's masker ([`Client::take_secrets`]).

use super::digest::{absorb, Challenge};
use super::ntlm::{self, Identity};
use super::oauth2::{with_token, Grant, GrantKind, Token};
use super::util::{flag, text};
use crate::collection::{Auth, Body, FormParam, Header, Request};
use crate::http::client::Client;
use crate::http::error::RequestError;
use crate::http::flow::{Call, Outcome};
use crate::http::prepare::{prepare, Origin};
use crate::http::send::Pinned;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

/// What a run remembers between requests for auth.
#[derive(Debug, Default)]
pub(crate) struct Memory {
    /// Last digest challenge per `origin + user`: (parameters, nonce count used).
    digest: Mutex<HashMap<String, (Challenge, u32)>>,
    /// OAuth 2.0 tokens per [`Grant::cache_key`].
    tokens: Mutex<HashMap<String, Token>>,
    /// Secrets learnt and not yet handed out.
    secrets: Mutex<Vec<String>>,
}

impl Client {
    /// Tokens fetched since the last call, for masking in reports.
    pub fn take_secrets(&self) -> Vec<String> {
        self.memory
            .secrets
            .lock()
            .map(|mut s| std::mem::take(&mut *s))
            .unwrap_or_default()
    }

    pub(crate) async fn digest(&self, call: &Call<'_>, base: &Auth) -> Outcome {
        let mut auth = base.clone();
        let key = format!(
            "{}\n{}",
            origin(call.url),
            auth.param("username").unwrap_or_default()
        );
        if text(&auth, "realm").is_none() || text(&auth, "nonce").is_none() {
            let remembered = self.memory.digest.lock().ok().and_then(|mut m| {
                let (ch, nc) = m.get_mut(&key)?;
                *nc += 1;
                Some((ch.clone(), *nc))
            });
            if let Some((ch, nc)) = remembered {
                absorb(&mut auth, &ch);
                auth.params
                    .insert("nonceCount".into(), Value::String(format!("{nc:08x}")));
            }
        }
        let first = self.once(call, Some(&auth), None, None).await;
        if flag(base, "disableRetryRequest") || !matches!(first.code(), Some(401 | 403)) {
            return first;
        }
        let challenge = first
            .result
            .as_ref()
            .ok()
            .and_then(|x| Challenge::find(&x.response.headers));
        let Some(ch) = challenge else {
            return first;
        };
        if !absorb(&mut auth, &ch) {
            return first;
        }
        if let Ok(mut m) = self.memory.digest.lock() {
            m.insert(key, (ch, 1));
        }
        self.once(call, Some(&auth), None, None).await
    }

    pub(crate) async fn ntlm(&self, call: &Call<'_>, auth: &Auth) -> Outcome {
        let mut pin: Pinned = None;
        let first = self.once(call, Some(auth), None, Some(&mut pin)).await;
        let out = self.ntlm_rounds(call, auth, first, &mut pin).await;
        self.unpin(pin);
        out
    }

    async fn ntlm_rounds(
        &self,
        call: &Call<'_>,
        auth: &Auth,
        first: Outcome,
        pin: &mut Pinned,
    ) -> Outcome {
        if flag(auth, "disableRetryRequest") || !matches!(first.code(), Some(401 | 403)) {
            return first;
        }
        let offered = first
            .result
            .as_ref()
            .ok()
            .and_then(|x| ntlm::offer(&x.response.headers));
        let Some((scheme, _)) = offered else {
            return first;
        };
        let id = Identity::from_auth(auth);
        let negotiate =
            with_authorization(call.request, format!("{scheme} {}", ntlm::negotiate(&id)));
        let second = self
            .once(call, Some(auth), Some(&negotiate), Some(pin))
            .await;
        if !matches!(second.code(), Some(401 | 403)) {
            return second;
        }
        let challenge = second
            .result
            .as_ref()
            .ok()
            .and_then(|x| ntlm::offer(&x.response.headers))
            .and_then(|(scheme, token)| Some((scheme, ntlm::Challenge::parse(&token)?)));
        let Some((scheme, ch)) = challenge else {
            return Outcome::failed(
                call,
                super::error(
                    "ntlm",
                    "the server did not answer the negotiate message with a challenge",
                ),
            );
        };
        let authenticate = with_authorization(
            call.request,
            format!("{scheme} {}", ntlm::authenticate(&ch, &id)),
        );
        self.once(call, Some(auth), Some(&authenticate), Some(pin))
            .await
    }

    pub(crate) async fn oauth2(&self, call: &Call<'_>, auth: &Auth, grant: Grant) -> Outcome {
        let key = grant.cache_key();
        let cached = self
            .memory
            .tokens
            .lock()
            .ok()
            .and_then(|m| m.get(&key).cloned());
        let stored =
            text(auth, "accessToken").filter(|_| grant.kind == GrantKind::AuthorizationCode);
        let (token, fresh) = match (cached, stored) {
            (Some(t), _) if t.fresh(Instant::now()) => (t, false),
            (Some(t), _) => match self.token(&grant, t.refresh_token.as_deref(), &key).await {
                Ok(t) => (t, true),
                Err(e) => return Outcome::failed(call, e),
            },
            (None, Some(access)) => {
                let t = Token {
                    access_token: access,
                    refresh_token: grant.refresh_token.clone(),
                    expires_at: None,
                };
                self.remember(&key, &t);
                (t, false)
            }
            (None, None) => match self.token(&grant, None, &key).await {
                Ok(t) => (t, true),
                Err(e) => return Outcome::failed(call, e),
            },
        };
        let first = self
            .once(
                call,
                Some(&with_token(auth, &token.access_token)),
                None,
                None,
            )
            .await;
        if fresh || first.code() != Some(401) {
            return first;
        }
        if let Ok(mut m) = self.memory.tokens.lock() {
            m.remove(&key);
        }
        match self
            .token(&grant, token.refresh_token.as_deref(), &key)
            .await
        {
            Ok(t) => {
                self.once(call, Some(&with_token(auth, &t.access_token)), None, None)
                    .await
            }
            Err(_) => first,
        }
    }

    /// A new token: by refresh grant when there is a refresh token (falling back to the
    /// grant itself when that fails), else by the grant. Remembered and masked.
    async fn token(
        &self,
        grant: &Grant,
        refresh: Option<&str>,
        key: &str,
    ) -> Result<Token, RequestError> {
        let token = match refresh {
            Some(rt) => match self.fetch_token(grant, Some(rt)).await {
                Ok(t) => t,
                Err(e) if grant.kind == GrantKind::AuthorizationCode => return Err(e),
                Err(_) => self.fetch_token(grant, None).await?,
            },
            None => self.fetch_token(grant, None).await?,
        };
        self.remember(key, &token);
        Ok(token)
    }

    fn remember(&self, key: &str, token: &Token) {
        if let Ok(mut m) = self.memory.tokens.lock() {
            m.insert(key.to_string(), token.clone());
        }
        if let Ok(mut s) = self.memory.secrets.lock() {
            s.push(token.access_token.clone());
            s.extend(token.refresh_token.clone());
        }
    }

    async fn fetch_token(
        &self,
        grant: &Grant,
        refresh: Option<&str>,
    ) -> Result<Token, RequestError> {
        let tr = grant.request(refresh);
        let fail =
            |what: String| super::error("oauth2", format!("token request to {} {what}", tr.url));
        let req = Request {
            method: "POST".into(),
            headers: tr
                .headers
                .iter()
                .map(|(k, v)| Header {
                    key: k.clone(),
                    value: v.clone(),
                    disabled: false,
                })
                .collect(),
            body: Some(Body {
                mode: "urlencoded".into(),
                urlencoded: tr
                    .form
                    .iter()
                    .map(|(k, v)| FormParam {
                        key: k.clone(),
                        value: Some(v.clone()),
                        ..FormParam::default()
                    })
                    .collect(),
                ..Body::default()
            }),
            ..Request::default()
        };
        let behavior = crate::collection::Behavior::default();
        let prepared = prepare(&tr.url, &req, None, &behavior, Origin::Script, &self.opts)
            .map_err(|e| fail(format!("failed: {e}")))?;
        let x = self
            .send(&prepared)
            .await
            .map_err(|e| fail(format!("failed: {e}")))?;
        let r = &x.response;
        if !(200..300).contains(&r.code) {
            let body = String::from_utf8_lossy(&r.body);
            let snippet: String = body.chars().take(200).collect();
            return Err(fail(format!("answered {} {}: {snippet}", r.code, r.status)));
        }
        Token::parse(&r.body, Instant::now())
            .ok_or_else(|| fail("answered without an access_token".to_string()))
    }
}

/// `scheme://host:port` of a URL (for per-origin memory).
fn origin(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => format!(
            "{}://{}:{}",
            u.scheme(),
            u.host_str().unwrap_or(""),
            u.port_or_known_default().unwrap_or(0)
        ),
        Err(_) => url.to_string(),
    }
}

/// `request` with its Authorization headers replaced by `value`.
fn with_authorization(request: &Request, value: String) -> Request {
    let mut r = request.clone();
    r.headers
        .retain(|h| !h.key.eq_ignore_ascii_case("authorization"));
    r.headers.push(Header {
        key: "Authorization".into(),
        value,
        disabled: false,
    });
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_and_headers() {
        assert_eq!(origin("https://a.test/x?y"), "https://a.test:443");
        assert_eq!(origin("http://a.test:8080/"), "http://a.test:8080");
        let r = Request {
            headers: vec![Header {
                key: "authorization".into(),
                value: "old".into(),
                disabled: false,
            }],
            ..Request::default()
        };
        let r = with_authorization(&r, "NTLM x".into());
        assert_eq!(r.headers.len(), 1);
        assert_eq!(r.headers[0].value, "NTLM x");
    }
}
