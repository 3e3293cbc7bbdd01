//! Proxies: `--proxy URL` (for every scheme) or, without it, `HTTP_PROXY`, `HTTPS_PROXY` and
//! `ALL_PROXY` (either case), minus `--no-proxy`/`NO_PROXY` hosts (curl's rules: `*`, domain
//! suffixes, IPs and CIDR ranges). Credentials in the proxy URL (`http://user:pass@host:port`)
//! become `Proxy-Authorization: Basic …`. Plain http goes to the proxy in absolute form; https
//! through a `CONNECT` tunnel. Only `http://` proxies are spoken to. A `407` is reported with
//! what to do about it.

use super::error::{HttpError, RequestError};
use super::types::HttpOptions;
use hyper::http::{HeaderValue, Uri};
use hyper_util::client::proxy::matcher::Matcher;

/// Where a request's connection goes when it goes through a proxy.
#[derive(Debug, Clone)]
pub(crate) struct Route {
    pub host: String,
    pub port: u16,
    pub auth: Option<HeaderValue>,
    /// `http://host:port`, without credentials (for messages).
    pub display: String,
}

pub(crate) struct Proxies(Matcher);

fn env(names: &[&str]) -> String {
    names
        .iter()
        .find_map(|n| std::env::var(n).ok())
        .unwrap_or_default()
}

impl Proxies {
    pub fn new(opts: &HttpOptions) -> Result<Proxies, HttpError> {
        let no = opts
            .no_proxy
            .clone()
            .unwrap_or_else(|| env(&["NO_PROXY", "no_proxy"]));
        let builder = Matcher::builder().no(no);
        let matcher = match &opts.proxy {
            Some(url) => {
                check(url)?;
                builder.all(url.as_str()).build()
            }
            None => {
                let (http, https) = (
                    env(&["HTTP_PROXY", "http_proxy"]),
                    env(&["HTTPS_PROXY", "https_proxy"]),
                );
                let all = env(&["ALL_PROXY", "all_proxy"]);
                for url in [&http, &https, &all].into_iter().filter(|u| !u.is_empty()) {
                    check(url)?;
                }
                builder.http(http).https(https).all(all).build()
            }
        };
        Ok(Proxies(matcher))
    }

    /// The proxy for `scheme://host:port`, if one applies.
    pub fn route(&self, https: bool, host: &str, port: u16) -> Option<Route> {
        let scheme = if https { "https" } else { "http" };
        let host_part = if host.contains(':') {
            format!("[{host}]")
        } else {
            host.to_string()
        };
        let dst: Uri = format!("{scheme}://{host_part}:{port}/").parse().ok()?;
        let hit = self.0.intercept(&dst)?;
        let uri = hit.uri();
        let phost = uri.host()?.trim_matches(['[', ']']).to_string();
        let pport = uri.port_u16().unwrap_or(80);
        Some(Route {
            display: format!("http://{}:{pport}", uri.host().unwrap_or("")),
            host: phost,
            port: pport,
            auth: hit.basic_auth().cloned(),
        })
    }
}

/// Refuses proxy URLs postie cannot speak to.
fn check(url: &str) -> Result<(), HttpError> {
    let fail = |message: &str| HttpError::Proxy {
        url: strip_credentials(url),
        message: message.to_string(),
    };
    let uri: Uri = url.parse().map_err(|_| fail("not a URL"))?;
    match uri.scheme_str() {
        None | Some("http") => {}
        Some("https") => return Err(fail("https:// proxies are not supported; use http://")),
        Some(other) => return Err(fail(&format!("{other}:// proxies are not supported"))),
    }
    if uri.host().is_none_or(str::is_empty) {
        return Err(fail("no host"));
    }
    Ok(())
}

fn strip_credentials(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => format!("{}{}", &url[..s + 3], &url[at + 1..]),
        (None, Some(at)) => url[at + 1..].to_string(),
        _ => url.to_string(),
    }
}

/// The error for a proxy that answered `status` to a CONNECT (Newman's words first).
pub(crate) fn refused(status: &str, route: &Route) -> RequestError {
    let mut msg = format!("tunneling socket could not be established, statusCode={status}");
    if status == "407" {
        msg.push_str(&format!(
            " (the proxy {} wants credentials{}: put them in the proxy URL, e.g. \
             --proxy http://user:password@host:port)",
            route.display,
            if route.auth.is_some() {
                " and refused the ones given"
            } else {
                ""
            }
        ));
    }
    RequestError::Proxy(msg)
}

/// A console warning for a `407` answered to a plain-http request sent through `route`.
pub(crate) fn warning_407(route: &Route) -> String {
    format!(
        "proxy {} answered 407 Proxy Authentication Required{}; put credentials in the proxy \
         URL, e.g. --proxy http://user:password@host:port",
        route.display,
        if route.auth.is_some() {
            " to the credentials given"
        } else {
            ""
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(proxy: &str, no: &str) -> Proxies {
        Proxies::new(&HttpOptions {
            proxy: Some(proxy.into()),
            no_proxy: Some(no.into()),
            ..HttpOptions::default()
        })
        .unwrap()
    }

    #[test]
    fn routes_and_bypasses() {
        let p = with(
            "http://u:p%40ss@proxy.test:3128",
            "internal.test, 10.0.0.0/8",
        );
        let r = p.route(true, "api.example.com", 443).unwrap();
        assert_eq!((r.host.as_str(), r.port), ("proxy.test", 3128));
        assert_eq!(r.display, "http://proxy.test:3128");
        assert_eq!(
            r.auth.unwrap().to_str().unwrap(),
            format!("Basic {}", super::super::auth::util::b64(b"u:p@ss"))
        );
        assert!(p.route(false, "a.internal.test", 80).is_none());
        assert!(p.route(false, "10.1.2.3", 80).is_none());
        assert!(with("proxy.test:8080", "").route(false, "x", 80).is_some());
    }

    #[test]
    fn unsupported_proxies_are_refused() {
        let bad = |u: &str| {
            Proxies::new(&HttpOptions {
                proxy: Some(u.into()),
                ..HttpOptions::default()
            })
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
        };
        assert!(bad("https://p:1").contains("https:// proxies are not supported"));
        assert!(bad("socks5://u:secret@p:1").contains("invalid proxy \"socks5://p:1\""));
    }
}
