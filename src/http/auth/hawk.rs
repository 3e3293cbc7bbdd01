//! `hawk`: `Authorization: Hawk id="…", ts="…", nonce="…"[, hash="…"][, ext="…"], mac="…"[,
//! app="…"[, dlg="…"]]`. The MAC is HMAC-`algorithm` (sha256 default, sha1) over Hawk's
//! normalized string (`hawk.1.header`, ts, nonce, METHOD, path?query, host, port, payload hash,
//! ext[, app, dlg]); the payload hash (with `includePayloadHash`) covers the media type and the
//! body. `timestamp` and `nonce` default to now and 6 random characters.
//!
//! Newman hashes the Content-Type as it stood before the body's own type was added; postie hashes
//! the type the request is sent with, so a server that checks payload hashes agrees.

use super::util::{b64, flag, random_alnum, text, unix_now, Sha};
use super::{error, Target};
use crate::collection::Auth;
use crate::http::error::RequestError;

pub(super) fn sign(auth: &Auth, target: &mut Target<'_>) -> Result<(), RequestError> {
    let (Some(id), Some(key)) = (text(auth, "authId"), auth.param("authKey")) else {
        return Ok(());
    };
    let sha = match auth
        .param("algorithm")
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
        .as_str()
    {
        "" | "sha256" => Sha::Sha256,
        "sha1" => Sha::Sha1,
        other => return Err(error("hawk", format!("unsupported algorithm {other}"))),
    };
    let ts = text(auth, "timestamp").unwrap_or_else(|| unix_now().to_string());
    let nonce = text(auth, "nonce").unwrap_or_else(|| random_alnum(6));
    let ext = auth.param("extraData").unwrap_or_default();
    let app = text(auth, "app").or_else(|| text(auth, "appId"));
    let dlg = text(auth, "delegation");
    let hash = flag(auth, "includePayloadHash")
        .then(|| payload_hash(sha, target.content_type.unwrap_or(""), target.body));
    let enc = target.encoded()?;
    let scheme = target.scheme();
    let port = target
        .port()
        .unwrap_or_else(|| if scheme == "https" { "443" } else { "80" }.to_string());
    let mut normalized = format!(
        "hawk.1.header\n{ts}\n{nonce}\n{}\n{}\n{}\n{port}\n{}\n{}\n",
        target.method.to_ascii_uppercase(),
        enc.target,
        target.hostname(),
        hash.as_deref().unwrap_or(""),
        ext.replace('\\', "\\\\").replace('\n', "\\n"),
    );
    if let Some(app) = &app {
        normalized.push_str(&format!("{app}\n{}\n", dlg.as_deref().unwrap_or("")));
    }
    let mac = b64(&sha.hmac(key.as_bytes(), normalized.as_bytes()));
    let mut header = format!("Hawk id=\"{id}\", ts=\"{ts}\", nonce=\"{nonce}\"");
    if let Some(h) = &hash {
        header.push_str(&format!(", hash=\"{h}\""));
    }
    if !ext.is_empty() {
        let escaped = ext.replace('\\', "\\\\").replace('"', "\\\"");
        header.push_str(&format!(", ext=\"{escaped}\""));
    }
    header.push_str(&format!(", mac=\"{mac}\""));
    if let Some(app) = &app {
        header.push_str(&format!(", app=\"{app}\""));
        if let Some(dlg) = &dlg {
            header.push_str(&format!(", dlg=\"{dlg}\""));
        }
    }
    target.replace_header("Authorization", header);
    Ok(())
}

/// `base64(sha("hawk.1.payload\n<media type>\n<body>\n"))`.
fn payload_hash(sha: Sha, content_type: &str, body: Option<&[u8]>) -> String {
    let media = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let mut data = format!("hawk.1.payload\n{media}\n").into_bytes();
    data.extend_from_slice(body.unwrap_or_default());
    data.push(b'\n');
    b64(&sha.digest(&data))
}

#[cfg(test)]
mod tests {
    use super::super::test_target::{auth, Parts};
    use super::*;
    use serde_json::json;

    fn hawk(extra: &[(&str, serde_json::Value)]) -> Auth {
        let mut p = vec![
            ("authId", json!("dh37fgj492je")),
            (
                "authKey",
                json!("werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn"),
            ),
            ("algorithm", json!("sha256")),
            ("timestamp", json!("1353832234")),
            ("nonce", json!("j4h3g2")),
            ("extraData", json!("some-app-ext-data")),
        ];
        p.extend(extra.iter().cloned());
        auth("hawk", &p)
    }

    #[test]
    fn hawk_readme_example() {
        // The Hawk README's GET example: http://example.com:8000/resource/1?b=1&a=2.
        let mut p = Parts::new("GET", "http://example.com:8000/resource/1?b=1&a=2");
        p.sign(&hawk(&[])).unwrap();
        assert_eq!(
            p.header("authorization"),
            Some("Hawk id=\"dh37fgj492je\", ts=\"1353832234\", nonce=\"j4h3g2\", ext=\"some-app-ext-data\", mac=\"6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE=\"")
        );
    }

    #[test]
    fn hawk_readme_payload_example() {
        // The README's POST example with payload validation.
        let mut p = Parts::new("POST", "http://example.com:8000/resource/1?b=1&a=2");
        p.body = Some(b"Thank you for flying Hawk".to_vec());
        p.content_type = Some("text/plain".into());
        p.sign(&hawk(&[("includePayloadHash", json!(true))]))
            .unwrap();
        let h = p.header("authorization").unwrap();
        assert!(
            h.contains("hash=\"Yi9LfIIFRtBEPt74PVmbTF/xVAwPn7ub15ePICfgnuY=\""),
            "{h}"
        );
        assert!(
            h.contains("mac=\"aSe1DERmZuRl3pI36/9BdZmnErTw3sNzOOAUlfeKjVw=\""),
            "{h}"
        );
    }
}
