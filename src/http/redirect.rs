//! REDIRECT: postman-request's rules. A 3xx with `Location` is followed when the policy says so;
//! 301/302/303 (and any code but 307/308) switch to GET and drop the body, `Content-Type` and
//! `Content-Length` unless `followOriginalHttpMethod` (HEAD stays HEAD); a change of host drops
//! `Authorization` unless `followAuthorizationHeader`; `Referer` is set to the previous URL unless
//! `removeRefererHeaderOnRedirect`. Cookies are looked up again for every hop.

use super::cookies::CookieJar;
use super::error::RequestError;
use super::prepare::{find, Policy, PreparedRequest};
use super::urlenc::NodeUrl;
use bytes::Bytes;

/// The request as it stands for the current hop.
pub(crate) struct Hop {
    pub method: String,
    pub url: url::Url,
    pub href: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub cookie_index: usize,
    pub body: Option<Bytes>,
}

/// Where a redirect goes.
pub(crate) struct Next {
    pub url: url::Url,
    pub href: String,
    pub target: String,
    pub host_header: String,
}

impl Hop {
    pub fn from(req: &PreparedRequest) -> Hop {
        Hop {
            method: req.method.clone(),
            url: req.url.clone(),
            href: req.href.clone(),
            target: req.target.clone(),
            headers: req.headers.clone(),
            cookie_index: req.cookie_index.min(req.headers.len()),
            body: req.body.clone(),
        }
    }

    /// The headers to send: the hop's headers with the jar's cookies merged in (into a user
    /// `Cookie` header when there is one, else a new header at `cookie_index`).
    pub fn wire_headers(&self, jar: Option<&CookieJar>) -> Vec<(String, String)> {
        let mut out = self.headers.clone();
        let Some(cookies) = jar.and_then(|j| j.header_for(&self.url)) else {
            return out;
        };
        match find(&out, "cookie") {
            Some(i) => {
                let v = &mut out[i].1;
                v.push_str("; ");
                v.push_str(&cookies);
            }
            None => out.insert(self.cookie_index, ("Cookie".to_string(), cookies)),
        }
        out
    }

    fn remove(&mut self, name: &str) {
        let mut i = 0;
        while i < self.headers.len() {
            if self.headers[i].0.eq_ignore_ascii_case(name) {
                self.headers.remove(i);
                if i < self.cookie_index {
                    self.cookie_index -= 1;
                }
            } else {
                i += 1;
            }
        }
    }

    fn set(&mut self, name: &str, value: String) {
        match find(&self.headers, name) {
            Some(i) => self.headers[i].1 = value,
            None => self.headers.push((name.to_string(), value)),
        }
    }

    /// Moves the hop to `next` after a `code` response.
    pub fn follow(&mut self, code: u16, next: Next, policy: &Policy) {
        let prev_href = std::mem::replace(&mut self.href, next.href);
        let host_changed = self.url.host_str() != next.url.host_str();
        if host_changed && !policy.follow_authorization {
            self.remove("authorization");
        }
        let moved =
            host_changed || self.url.port_or_known_default() != next.url.port_or_known_default();
        if moved && find(&self.headers, "host").is_some() {
            self.set("Host", next.host_header.clone());
        }
        if !policy.follow_original_method && code != 307 && code != 308 {
            if !self.method.eq_ignore_ascii_case("HEAD") {
                self.method = "GET".to_string();
            }
            self.body = None;
            self.remove("content-type");
            self.remove("content-length");
        }
        if !policy.remove_referer {
            self.set("Referer", prev_href);
        }
        self.url = next.url;
        self.target = next.target;
    }
}

/// The next hop for a `code` response with `headers`, when it is a redirect to follow.
pub(crate) fn next(
    hop: &Hop,
    code: u16,
    headers: &[(String, String)],
    policy: &Policy,
) -> Option<Result<Next, RequestError>> {
    if !policy.follow_redirects || !(300..400).contains(&code) {
        return None;
    }
    let location = super::wire::header(headers, "location")?;
    Some(resolve(&hop.url, location))
}

fn resolve(base: &url::Url, location: &str) -> Result<Next, RequestError> {
    let joined = base
        .join(location.trim())
        .map_err(|_| RequestError::InvalidUrl(location.to_string()))?;
    let node = NodeUrl::parse(joined.as_str(), false);
    node.check()?;
    let href = node.href();
    let url = node.connect_url()?;
    Ok(Next {
        url,
        href,
        target: node.target(),
        host_header: node.host(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_locations() {
        let base = url::Url::parse("http://a.test:8080/x/y?q=1").unwrap();
        assert_eq!(resolve(&base, "/z").unwrap().href, "http://a.test:8080/z");
        assert_eq!(resolve(&base, "w").unwrap().href, "http://a.test:8080/x/w");
        let n = resolve(&base, "https://b.test/p q").unwrap();
        assert_eq!(n.href, "https://b.test/p%20q");
        assert_eq!(n.host_header, "b.test");
    }
}
