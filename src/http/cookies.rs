//! COOKIES: the run's cookie jar (RFC 6265 via `cookie_store`: domain and path matching, expiry,
//! Secure, HttpOnly, host-only), shared by every request and by `pm.cookies`. Cookies are sent
//! ordered as tough-cookie orders them (longest path first, then oldest first); the jar reads and
//! writes tough-cookie's serialized JSON (`--cookie-jar`, `--export-cookie-jar`) — see
//! [`super::tough`].

use super::error::HttpError;
use chrono::{DateTime, Utc};
use cookie_store::{CookieExpiration, CookieStore};
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use url::Url;

/// A cookie as scripts and exports see it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CookieInfo {
    pub name: String,
    pub value: String,
    /// Domain without a leading dot (the request host for host-only cookies).
    pub domain: String,
    pub path: String,
    /// Expiry as ISO 8601 (`2030-01-01T00:00:00.000Z`); `None` for session cookies.
    pub expires: Option<String>,
    pub http_only: bool,
    pub secure: bool,
    pub host_only: bool,
}

/// When a cookie was created and last sent (tough-cookie keeps both).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Meta {
    pub created: DateTime<Utc>,
    pub accessed: DateTime<Utc>,
    /// Creation order, for tough-cookie's tie-break.
    pub index: u64,
}

type Key = (String, String, String);

pub(crate) struct State {
    pub store: CookieStore,
    pub meta: HashMap<Key, Meta>,
    next: u64,
}

/// The run's cookie jar (interior mutability: shared by the client and the sandbox).
pub struct CookieJar {
    state: Mutex<State>,
}

impl Default for CookieJar {
    fn default() -> Self {
        CookieJar {
            state: Mutex::new(State {
                store: CookieStore::default(),
                meta: HashMap::new(),
                next: 0,
            }),
        }
    }
}

impl State {
    /// Inserts a cookie from a `Set-Cookie` string received from `url`.
    pub fn insert(&mut self, set_cookie: &str, url: &Url, created: Option<DateTime<Utc>>) -> bool {
        let Ok(c) = cookie_store::Cookie::parse(set_cookie, url) else {
            return false;
        };
        let key = key_of(&c);
        if self.store.insert(c.into_owned(), url).is_err() {
            return false;
        }
        let now = Utc::now();
        let next = &mut self.next;
        self.meta.entry(key).or_insert_with(|| {
            *next += 1;
            Meta {
                created: created.unwrap_or(now),
                accessed: now,
                index: *next,
            }
        });
        true
    }

    /// Unexpired cookies in tough-cookie order (path length desc, then creation).
    pub fn sorted<'a>(
        &'a self,
        cookies: impl Iterator<Item = &'a cookie_store::Cookie<'static>>,
    ) -> Vec<(&'a cookie_store::Cookie<'static>, Meta)> {
        let now = Utc::now();
        let fallback = Meta {
            created: now,
            accessed: now,
            index: u64::MAX,
        };
        let mut v: Vec<_> = cookies
            .map(|c| (c, self.meta.get(&key_of(c)).copied().unwrap_or(fallback)))
            .collect();
        v.sort_by(|a, b| {
            b.0.path
                .len()
                .cmp(&a.0.path.len())
                .then(a.1.index.cmp(&b.1.index))
        });
        v
    }
}

/// Cookies to send to `url`. Unlike `cookie_store` (which treats loopback hosts as secure, as
/// browsers now do), Secure cookies go only over https, as in tough-cookie 4 (Newman).
fn matching<'a>(
    store: &'a CookieStore,
    url: &Url,
) -> impl Iterator<Item = &'a cookie_store::Cookie<'static>> {
    let https = url.scheme() == "https";
    store
        .matches(url)
        .into_iter()
        .filter(move |c| https || !c.secure().unwrap_or(false))
}

fn key_of(c: &cookie_store::Cookie<'_>) -> Key {
    (
        String::from(&c.domain),
        String::from(c.path.as_ref()),
        c.name().to_string(),
    )
}

/// The cookie as [`CookieInfo`].
pub(crate) fn info_of(c: &cookie_store::Cookie<'_>) -> CookieInfo {
    CookieInfo {
        name: c.name().to_string(),
        value: c.value().to_string(),
        domain: String::from(&c.domain),
        path: String::from(c.path.as_ref()),
        expires: expiry_of(c).map(iso),
        http_only: c.http_only().unwrap_or(false),
        secure: c.secure().unwrap_or(false),
        host_only: matches!(c.domain, cookie_store::CookieDomain::HostOnly(_)),
    }
}

pub(crate) fn expiry_of(c: &cookie_store::Cookie<'_>) -> Option<DateTime<Utc>> {
    match &c.expires {
        CookieExpiration::AtUtc(t) => DateTime::from_timestamp(t.unix_timestamp(), t.nanosecond()),
        CookieExpiration::SessionEnd => None,
    }
}

/// `2030-01-01T00:00:00.000Z`, as JavaScript's `Date#toISOString`.
pub(crate) fn iso(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// A `Set-Cookie` string for `info` (Domain only when not host-only).
pub(crate) fn set_cookie_string(info: &CookieInfo, expires: Option<DateTime<Utc>>) -> String {
    let mut s = format!("{}={}", info.name, info.value);
    if !info.path.is_empty() {
        s.push_str("; Path=");
        s.push_str(&info.path);
    }
    if !info.host_only && !info.domain.is_empty() {
        s.push_str("; Domain=");
        s.push_str(info.domain.trim_start_matches('.'));
    }
    if let Some(t) = expires {
        s.push_str(&t.format("; Expires=%a, %d %b %Y %H:%M:%S GMT").to_string());
    }
    if info.secure {
        s.push_str("; Secure");
    }
    if info.http_only {
        s.push_str("; HttpOnly");
    }
    s
}

/// Parses an expiry given by a script or a jar file: ISO 8601 / RFC 3339 or an HTTP date.
pub(crate) fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .or_else(|_| DateTime::parse_from_rfc2822(s))
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

impl CookieJar {
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The `Cookie` header value for a request to `url` (`a=1; b=2`), if any cookie matches.
    pub(crate) fn header_for(&self, url: &Url) -> Option<String> {
        let mut st = self.lock();
        let keys: Vec<(Key, String)> = {
            let sorted = st.sorted(matching(&st.store, url));
            sorted
                .iter()
                .map(|(c, _)| (key_of(c), format!("{}={}", c.name(), c.value())))
                .collect()
        };
        if keys.is_empty() {
            return None;
        }
        let now = Utc::now();
        let mut out = String::new();
        for (k, pair) in keys {
            if let Some(m) = st.meta.get_mut(&k) {
                m.accessed = now;
            }
            if !out.is_empty() {
                out.push_str("; ");
            }
            out.push_str(&pair);
        }
        Some(out)
    }

    /// Stores every `Set-Cookie` value of a response from `url` (invalid ones are ignored).
    pub(crate) fn store_response<'a>(&self, url: &Url, set_cookies: impl Iterator<Item = &'a str>) {
        let mut st = self.lock();
        for sc in set_cookies {
            st.insert(sc, url, None);
        }
    }

    /// The cookie named `name` that would be sent to `url`.
    pub fn get(&self, url: &str, name: &str) -> Option<CookieInfo> {
        self.all_for(url).into_iter().find(|c| c.name == name)
    }

    /// Every cookie that would be sent to `url`, in send order.
    pub fn all_for(&self, url: &str) -> Vec<CookieInfo> {
        let Ok(url) = Url::parse(url) else {
            return Vec::new();
        };
        let st = self.lock();
        st.sorted(matching(&st.store, &url))
            .into_iter()
            .map(|(c, _)| info_of(c))
            .collect()
    }

    /// Sets a cookie as if `url` had sent it (an empty `domain` makes it host-only).
    pub fn set(&self, url: &str, info: CookieInfo) -> Result<(), HttpError> {
        let url =
            Url::parse(url).map_err(|e| HttpError::Cookie(format!("invalid URL {url}: {e}")))?;
        let expires = match info.expires.as_deref() {
            Some(s) => Some(
                parse_time(s).ok_or_else(|| HttpError::Cookie(format!("invalid expiry {s}")))?,
            ),
            None => None,
        };
        let host_only = info.host_only || info.domain.is_empty();
        let info = CookieInfo { host_only, ..info };
        let sc = set_cookie_string(&info, expires);
        if self.lock().insert(&sc, &url, None) {
            Ok(())
        } else {
            Err(HttpError::Cookie(format!(
                "cookie `{}` rejected for {url}",
                info.name
            )))
        }
    }

    /// Removes the cookies named `name` that would be sent to `url`.
    pub fn unset(&self, url: &str, name: &str) {
        self.remove_where(url, |c| c.name() == name);
    }

    /// Removes every cookie that would be sent to `url`'s host (any path).
    pub fn clear(&self, url: &str) {
        let Ok(u) = Url::parse(url) else { return };
        let host = u.host_str().unwrap_or("").to_ascii_lowercase();
        let mut st = self.lock();
        let doomed: Vec<Key> = st
            .store
            .iter_any()
            .filter(|c| {
                let d = String::from(&c.domain);
                host == d || host.ends_with(&format!(".{d}"))
            })
            .map(key_of)
            .collect();
        for k in doomed {
            st.store.remove(&k.0, &k.1, &k.2);
            st.meta.remove(&k);
        }
    }

    fn remove_where(&self, url: &str, pred: impl Fn(&cookie_store::Cookie<'_>) -> bool) {
        let Ok(u) = Url::parse(url) else { return };
        let mut st = self.lock();
        let doomed: Vec<Key> = st
            .store
            .matches(&u)
            .into_iter()
            .filter(|c| pred(c))
            .map(key_of)
            .collect();
        for k in doomed {
            st.store.remove(&k.0, &k.1, &k.2);
            st.meta.remove(&k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn orders_by_path_then_age() {
        let jar = CookieJar::default();
        let u = url("http://a.test/x/y");
        jar.store_response(
            &u,
            ["a=1; Path=/", "b=2; Path=/x", "c=3; Path=/"].into_iter(),
        );
        assert_eq!(jar.header_for(&u).as_deref(), Some("b=2; a=1; c=3"));
    }

    #[test]
    fn secure_httponly_domain_and_expiry() {
        let jar = CookieJar::default();
        let u = url("https://www.a.test/");
        jar.store_response(
            &u,
            [
                "s=1; Secure",
                "h=2; HttpOnly; Domain=a.test",
                "old=3; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
            ]
            .into_iter(),
        );
        assert_eq!(
            jar.header_for(&url("http://www.a.test/")).as_deref(),
            Some("h=2")
        );
        assert_eq!(
            jar.header_for(&url("https://x.a.test/")).as_deref(),
            Some("h=2")
        );
        let all = jar.all_for("https://www.a.test/");
        assert_eq!(all.len(), 2);
        let h = jar.get("https://www.a.test/", "h").unwrap();
        assert!(h.http_only && !h.host_only);
        assert_eq!(h.domain, "a.test");
        assert!(jar.get("https://www.a.test/", "s").unwrap().host_only);
    }

    #[test]
    fn set_unset_clear() {
        let jar = CookieJar::default();
        jar.set(
            "http://a.test/",
            CookieInfo {
                name: "k".into(),
                value: "v".into(),
                path: "/".into(),
                expires: Some("2099-01-01T00:00:00.000Z".into()),
                ..CookieInfo::default()
            },
        )
        .unwrap();
        let k = jar.get("http://a.test/p", "k").unwrap();
        assert_eq!(k.expires.as_deref(), Some("2099-01-01T00:00:00.000Z"));
        jar.unset("http://a.test/", "k");
        assert!(jar.get("http://a.test/", "k").is_none());
        jar.store_response(
            &url("http://a.test/"),
            ["x=1", "y=2; Path=/deep"].into_iter(),
        );
        jar.clear("http://a.test/");
        assert!(jar.all_for("http://a.test/deep").is_empty());
    }
}
