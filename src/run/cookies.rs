//! The cookie services scripts reach through the host (`pm.cookies.jar()`), over the run's jar,
//! and the cookie list `pm.cookies` shows for a response.

use crate::http::{CookieInfo, CookieJar};
use serde_json::{json, Value};

/// A cookie as scripts see it (`{name, value, domain, path, expires, httpOnly, secure, hostOnly}`).
pub fn to_json(c: &CookieInfo) -> Value {
    json!({
        "name": c.name,
        "value": c.value,
        "domain": c.domain,
        "path": c.path,
        "expires": c.expires,
        "httpOnly": c.http_only,
        "secure": c.secure,
        "hostOnly": c.host_only,
    })
}

fn from_json(v: &Value, name: Option<&str>, value: Option<&str>) -> CookieInfo {
    let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let flag = |k: &str| v.get(k).and_then(Value::as_bool).unwrap_or(false);
    CookieInfo {
        name: name
            .map(str::to_string)
            .or_else(|| text("name"))
            .unwrap_or_default(),
        value: value
            .map(str::to_string)
            .or_else(|| text("value"))
            .unwrap_or_default(),
        domain: text("domain").unwrap_or_default(),
        path: text("path").unwrap_or_else(|| "/".into()),
        expires: text("expires"),
        http_only: flag("httpOnly"),
        secure: flag("secure"),
        host_only: v.get("hostOnly").and_then(Value::as_bool).unwrap_or(true),
    }
}

/// The cookies the jar would send to `url`, as scripts see them.
pub fn for_url(jar: &CookieJar, url: &str) -> Vec<Value> {
    jar.all_for(url).iter().map(to_json).collect()
}

/// `cookies.get|getAll|set|unset|clear` with `{url, name?, value?, cookie?}` arguments.
pub fn call(jar: &CookieJar, op: &str, args: &Value) -> Result<Value, String> {
    let url = args
        .get("url")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{op}: a URL is required"))?;
    let name = args.get("name").and_then(Value::as_str);
    match op {
        "cookies.get" => {
            let name = name.ok_or("cookies.get: a cookie name is required")?;
            Ok(jar.get(url, name).map_or(Value::Null, |c| to_json(&c)))
        }
        "cookies.getAll" => Ok(Value::Array(for_url(jar, url))),
        "cookies.set" => {
            let cookie = match args.get("cookie") {
                Some(c) => from_json(c, None, None),
                None => from_json(
                    &Value::Null,
                    name,
                    args.get("value").and_then(Value::as_str),
                ),
            };
            if cookie.name.is_empty() {
                return Err("cookies.set: a cookie name is required".into());
            }
            jar.set(url, cookie.clone()).map_err(|e| e.to_string())?;
            Ok(to_json(&cookie))
        }
        "cookies.unset" => {
            let name = name.ok_or("cookies.unset: a cookie name is required")?;
            jar.unset(url, name);
            Ok(Value::Null)
        }
        "cookies.clear" => {
            jar.clear(url);
            Ok(Value::Null)
        }
        other => Err(format!("unknown host service {other}")),
    }
}
