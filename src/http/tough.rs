//! tough-cookie's serialized jar JSON (what Newman's `--cookie-jar` reads and
//! `--export-cookie-jar` writes):
//! `{"version":"tough-cookie@4.1.3","storeType":"MemoryCookieStore","rejectPublicSuffixes":true,
//! …,"cookies":[{"key","value","expires"?,"domain","path","secure"?,"httpOnly"?,"hostOnly",
//! "creation","lastAccessed"}]}` — keys in tough-cookie's order, defaults left out. (Older
//! postie jars said `creationTime`; that is still read.)

use super::cookies::{expiry_of, iso, parse_time, set_cookie_string, CookieInfo, CookieJar};
use super::error::HttpError;
use chrono::{Duration, Utc};
use serde_json::{json, Map, Value};
use url::Url;

impl CookieJar {
    /// Adds the cookies of a tough-cookie JSON jar (expired ones are dropped).
    pub fn load_tough_json(&self, bytes: &[u8]) -> Result<(), HttpError> {
        let v: Value =
            serde_json::from_slice(bytes).map_err(|e| HttpError::CookieJar(e.to_string()))?;
        let cookies = v
            .get("cookies")
            .and_then(Value::as_array)
            .ok_or_else(|| HttpError::CookieJar("no `cookies` array".to_string()))?;
        let mut st = self.lock();
        for c in cookies {
            let Some((sc, url, created)) = import(c) else {
                continue;
            };
            st.insert(&sc, &url, created);
        }
        Ok(())
    }

    /// The jar as tough-cookie JSON (unexpired cookies, oldest first).
    pub fn to_tough_json(&self) -> Value {
        let st = self.lock();
        let mut all = st.sorted(st.store.iter_unexpired());
        all.sort_by_key(|(_, m)| m.index);
        let cookies: Vec<Value> = all
            .into_iter()
            .map(|(c, m)| {
                let mut o = Map::new();
                o.insert("key".into(), json!(c.name()));
                o.insert("value".into(), json!(c.value()));
                if let Some(t) = expiry_of(c) {
                    o.insert("expires".into(), json!(iso(t)));
                }
                o.insert("domain".into(), json!(String::from(&c.domain)));
                o.insert("path".into(), json!(String::from(c.path.as_ref())));
                if c.secure().unwrap_or(false) {
                    o.insert("secure".into(), json!(true));
                }
                if c.http_only().unwrap_or(false) {
                    o.insert("httpOnly".into(), json!(true));
                }
                let host_only = matches!(c.domain, cookie_store::CookieDomain::HostOnly(_));
                o.insert("hostOnly".into(), json!(host_only));
                o.insert("creation".into(), json!(iso(m.created)));
                o.insert("lastAccessed".into(), json!(iso(m.accessed)));
                Value::Object(o)
            })
            .collect();
        json!({
            "version": "tough-cookie@4.1.3",
            "storeType": "MemoryCookieStore",
            "rejectPublicSuffixes": true,
            "enableLooseMode": false,
            "allowSpecialUseDomain": true,
            "prefixSecurity": "silent",
            "cookies": cookies,
        })
    }
}

/// A serialized cookie as (`Set-Cookie` string, the URL it is "received" from, creation time).
fn import(c: &Value) -> Option<(String, Url, Option<chrono::DateTime<Utc>>)> {
    let s = |k: &str| c.get(k).and_then(Value::as_str);
    let b = |k: &str| c.get(k).and_then(Value::as_bool).unwrap_or(false);
    let domain = s("domain")?.trim_start_matches('.').to_string();
    let path = s("path").filter(|p| p.starts_with('/')).unwrap_or("/");
    let created = s("creation")
        .or_else(|| s("creationTime"))
        .and_then(parse_time);
    let expires = match c.get("maxAge") {
        Some(Value::Number(n)) => n.as_f64().map(|secs| {
            created.unwrap_or_else(Utc::now) + Duration::milliseconds((secs * 1000.0) as i64)
        }),
        _ => s("expires").and_then(parse_time),
    };
    let info = CookieInfo {
        name: s("key").unwrap_or("").to_string(),
        value: s("value").unwrap_or("").to_string(),
        domain: domain.clone(),
        path: path.to_string(),
        expires: None,
        http_only: b("httpOnly"),
        secure: b("secure"),
        host_only: b("hostOnly"),
    };
    let url = Url::parse(&format!("https://{domain}{path}")).ok()?;
    Some((set_cookie_string(&info, expires), url, created))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let input = json!({
            "version": "tough-cookie@4.1.3",
            "storeType": "MemoryCookieStore",
            "rejectPublicSuffixes": true,
            "cookies": [
                {"key": "a", "value": "1", "domain": "a.test", "path": "/", "hostOnly": true,
                 "creation": "2024-01-01T00:00:00.000Z", "lastAccessed": "2024-01-01T00:00:00.000Z"},
                {"key": "b", "value": "2", "expires": "2099-01-01T00:00:00.000Z", "domain": "a.test",
                 "path": "/p", "secure": true, "httpOnly": true, "hostOnly": false,
                 "creationTime": "2024-01-02T00:00:00.000Z", "lastAccessed": "2024-01-02T00:00:00.000Z"},
                {"key": "gone", "value": "x", "expires": "2000-01-01T00:00:00.000Z", "domain": "a.test",
                 "path": "/", "hostOnly": true}
            ]
        });
        let jar = CookieJar::default();
        jar.load_tough_json(input.to_string().as_bytes()).unwrap();
        let out = jar.to_tough_json();
        let cookies = out["cookies"].as_array().unwrap();
        assert_eq!(cookies.len(), 2);
        assert_eq!(
            cookies[1].as_object().unwrap().keys().collect::<Vec<_>>(),
            vec![
                "key",
                "value",
                "expires",
                "domain",
                "path",
                "secure",
                "httpOnly",
                "hostOnly",
                "creation",
                "lastAccessed"
            ]
        );
        assert_eq!(cookies[0]["creation"], "2024-01-01T00:00:00.000Z");
        assert_eq!(
            cookies[1]["creation"], "2024-01-02T00:00:00.000Z",
            "old key still read"
        );
        assert_eq!(cookies[1]["expires"], "2099-01-01T00:00:00.000Z");
        assert_eq!(cookies[1]["hostOnly"], false);
        assert_eq!(
            jar.get("https://www.a.test/p/q", "b").map(|c| c.value),
            Some("2".to_string())
        );
        assert!(jar.get("https://www.a.test/", "a").is_none(), "host-only");
    }

    #[test]
    fn rejects_garbage() {
        let jar = CookieJar::default();
        assert!(jar.load_tough_json(b"nope").is_err());
        assert!(jar.load_tough_json(b"{}").is_err());
    }
}
