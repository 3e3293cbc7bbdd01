//! `oauth1` (RFC 5849): HMAC-SHA1/256/512, RSA-SHA1/256/512 and PLAINTEXT signatures over the
//! signature base string `METHOD&base-uri&normalized-params` (protocol parameters, query
//! parameters and urlencoded body parameters, each RFC 3986-encoded, sorted by name then value).
//!
//! Placement as Postman's: `addParamsToHeader` → `Authorization: OAuth realm="…",oauth_…="…"`
//! (values encoded unless `disableHeaderEncoding`); else POST/PUT with an urlencoded body → body
//! parameters; else query parameters. `includeBodyHash` adds `oauth_body_hash` (the body hashed
//! with the signature's SHA) for bodies that are not forms. Empty parameters are left out unless
//! `addEmptyParamsToSign`. Unlike Newman, query values postie adds are percent-encoded, so a `+`
//! in a signature survives the trip.

use super::keys::PrivateKey;
use super::util::{b64, flag, random_alnum, rfc3986, unix_now, Sha};
use super::{error, Target};
use crate::collection::Auth;
use crate::http::error::RequestError;
use crate::http::urlenc::percent_decode;

enum Method {
    Hmac(Sha),
    Rsa(Sha),
    Plaintext,
}

fn method(name: &str) -> Option<Method> {
    Some(match name.trim().to_ascii_uppercase().as_str() {
        "" | "HMAC-SHA1" => Method::Hmac(Sha::Sha1),
        "HMAC-SHA256" => Method::Hmac(Sha::Sha256),
        "HMAC-SHA512" => Method::Hmac(Sha::Sha512),
        "RSA-SHA1" => Method::Rsa(Sha::Sha1),
        "RSA-SHA256" => Method::Rsa(Sha::Sha256),
        "RSA-SHA512" => Method::Rsa(Sha::Sha512),
        "PLAINTEXT" => Method::Plaintext,
        _ => return None,
    })
}

pub(super) fn sign(auth: &Auth, target: &mut Target<'_>) -> Result<(), RequestError> {
    let get = |k: &str| auth.param(k).unwrap_or_default();
    let consumer_key = get("consumerKey");
    if consumer_key.is_empty() {
        return Ok(());
    }
    let sig_name = match get("signatureMethod").trim() {
        "" => "HMAC-SHA1".to_string(),
        m => m.to_string(),
    };
    let sig_method = method(&sig_name)
        .ok_or_else(|| error("oauth1", format!("unsupported signature method {sig_name}")))?;
    let keep_empty = flag(auth, "addEmptyParamsToSign");

    target.remove_header("Authorization");
    if let Some(q) = target.query.as_mut() {
        q.retain(|(k, _)| !k.starts_with("oauth_"));
    }
    if let Some(form) = target.form.as_deref_mut() {
        form.retain(|(k, _)| !k.starts_with("oauth_"));
    }

    let timestamp = auth
        .param("timestamp")
        .or_else(|| auth.param("timeStamp"))
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| unix_now().to_string());
    let nonce = Some(get("nonce"))
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| random_alnum(11));
    let mut oauth: Vec<(String, String)> = [
        ("oauth_consumer_key", consumer_key),
        ("oauth_token", get("token")),
        ("oauth_signature_method", sig_name),
        ("oauth_timestamp", timestamp),
        ("oauth_nonce", nonce),
        ("oauth_version", get("version")),
        ("oauth_callback", get("callback")),
        ("oauth_verifier", get("verifier")),
    ]
    .into_iter()
    .filter(|(_, v)| keep_empty || !v.trim().is_empty())
    .map(|(k, v)| (k.to_string(), v))
    .collect();

    let form_body = target.body_mode == "urlencoded" || target.body_mode == "formdata";
    if flag(auth, "includeBodyHash") && !form_body {
        let sha = match sig_method {
            Method::Hmac(s) | Method::Rsa(s) => Some(s),
            Method::Plaintext => None,
        };
        if let Some(sha) = sha {
            let body = target.body.unwrap_or_default();
            oauth.push(("oauth_body_hash".into(), b64(&sha.digest(body))));
        }
    }

    let base = base_string(target, &oauth)?;
    let key = format!(
        "{}&{}",
        rfc3986(&get("consumerSecret")),
        rfc3986(&get("tokenSecret"))
    );
    let signature = match sig_method {
        Method::Hmac(sha) => b64(&sha.hmac(key.as_bytes(), base.as_bytes())),
        Method::Plaintext => key,
        Method::Rsa(sha) => {
            let pk = PrivateKey::parse(&get("privateKey")).map_err(|e| error("oauth1", e))?;
            b64(&pk
                .rsa_pkcs1(sha, base.as_bytes())
                .map_err(|e| error("oauth1", e))?)
        }
    };
    oauth.push(("oauth_signature".into(), signature));
    place(auth, target, oauth);
    Ok(())
}

/// RFC 5849 §3.4.1.
fn base_string(target: &Target<'_>, oauth: &[(String, String)]) -> Result<String, RequestError> {
    let enc = target.encoded()?;
    let scheme = target.scheme();
    let host = target.hostname();
    let default_port = if scheme == "https" { "443" } else { "80" };
    let authority = match target.port().as_deref() {
        Some(p) if !p.is_empty() && p != default_port => format!("{host}:{p}"),
        _ => host,
    };
    let path = enc.target.split('?').next().unwrap_or("/");
    let base_uri = format!("{scheme}://{authority}{path}");
    let mut params: Vec<(String, String)> = oauth.to_vec();
    for (k, v) in target.query.iter().flatten() {
        if k.is_empty() && v.is_none() {
            continue;
        }
        params.push((form_decode(k), form_decode(v.as_deref().unwrap_or(""))));
    }
    if let Some(form) = target.form.as_deref() {
        params.extend(form.iter().cloned());
    }
    let mut encoded: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (rfc3986(k), rfc3986(v)))
        .collect();
    encoded.sort();
    let normalized = encoded
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&");
    Ok(format!(
        "{}&{}&{}",
        target.method.to_ascii_uppercase(),
        rfc3986(&base_uri),
        rfc3986(&normalized)
    ))
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a byte.
fn form_decode(s: &str) -> String {
    percent_decode(&s.replace('+', " "))
}

fn place(auth: &Auth, target: &mut Target<'_>, oauth: Vec<(String, String)>) {
    let method = target.method.to_ascii_uppercase();
    if flag(auth, "addParamsToHeader") {
        let raw = flag(auth, "disableHeaderEncoding");
        let enc = |s: &str| if raw { s.to_string() } else { rfc3986(s) };
        let mut parts = Vec::new();
        let realm = auth.param("realm").unwrap_or_default();
        if !realm.is_empty() {
            parts.push(format!("realm=\"{}\"", enc(&realm)));
        }
        parts.extend(oauth.iter().map(|(k, v)| format!("{k}=\"{}\"", enc(v))));
        target.replace_header("Authorization", format!("OAuth {}", parts.join(",")));
    } else if (method == "POST" || method == "PUT") && target.body_mode == "urlencoded" {
        if let Some(form) = target.form.as_deref_mut() {
            form.extend(oauth);
        }
    } else {
        let query = target.query.get_or_insert_with(Vec::new);
        query.extend(oauth.into_iter().map(|(k, v)| (k, Some(rfc3986(&v)))));
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_target::{auth, Parts};
    use serde_json::json;

    fn photos(extra: &[(&str, serde_json::Value)]) -> crate::collection::Auth {
        let mut params = vec![
            ("consumerKey", json!("dpf43f3p2l4k3l03")),
            ("consumerSecret", json!("kd94hf93k423kf44")),
            ("token", json!("nnch734d00sl2jdk")),
            ("tokenSecret", json!("pfkkdhi9sl3r4s00")),
            ("timestamp", json!("1191242096")),
            ("nonce", json!("kllo9940pd9333jh")),
            ("version", json!("1.0")),
        ];
        params.extend(extra.iter().cloned());
        auth("oauth1", &params)
    }

    #[test]
    fn oauth_core_appendix_a5_in_the_header() {
        let mut p = Parts::new(
            "GET",
            "http://photos.example.net/photos?file=vacation.jpg&size=original",
        );
        p.sign(&photos(&[
            ("addParamsToHeader", json!(true)),
            ("realm", json!("http://photos.example.net/")),
        ]))
        .unwrap();
        let h = p.header("authorization").unwrap();
        assert!(
            h.starts_with("OAuth realm=\"http%3A%2F%2Fphotos.example.net%2F\",oauth_consumer_key=\"dpf43f3p2l4k3l03\""),
            "{h}"
        );
        assert!(
            h.ends_with("oauth_signature=\"tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D\""),
            "{h}"
        );
    }

    #[test]
    fn query_placement_encodes_the_signature() {
        let mut p = Parts::new(
            "GET",
            "http://photos.example.net/photos?file=vacation.jpg&size=original&oauth_nonce=old",
        );
        p.sign(&photos(&[])).unwrap();
        let href = p.href();
        assert!(
            href.contains("&oauth_signature=tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D"),
            "{href}"
        );
        assert_eq!(href.matches("oauth_nonce").count(), 1);
    }

    #[test]
    fn form_placement_for_urlencoded_posts() {
        let mut p = Parts::new("POST", "http://h/x");
        p.mode = "urlencoded".into();
        p.form = Some(vec![("a".into(), "b c".into())]);
        p.sign(&photos(&[("signatureMethod", json!("PLAINTEXT"))]))
            .unwrap();
        let form = p.form.unwrap();
        assert_eq!(form[0], ("a".to_string(), "b c".to_string()));
        let sig = form.iter().find(|(k, _)| k == "oauth_signature").unwrap();
        assert_eq!(sig.1, "kd94hf93k423kf44&pfkkdhi9sl3r4s00");
    }
}
