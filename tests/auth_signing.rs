//! Hawk, AWS Signature Version 4 and Akamai EdgeGrid, each checked by a local server that
//! recomputes the MAC or signature from the request it received, following the scheme's
//! specification (not postie's code).

mod auth_support;
mod http_support;

use auth_support::*;
use http_support::{resp, serve, Captured};
use serde_json::json;

const HAWK_KEY: &str = "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn";

fn verify_hawk(c: &Captured) -> Result<(), String> {
    let h = c.header("authorization").ok_or("no header")?;
    let p = auth_params(h);
    let host = c.header("host").unwrap_or("");
    let (name, port) = host.rsplit_once(':').unwrap_or((host, "80"));
    let mut normalized = format!(
        "hawk.1.header\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n",
        param(&p, "ts"),
        param(&p, "nonce"),
        c.method,
        c.target,
        name,
        port,
        param(&p, "hash"),
        param(&p, "ext").replace('\\', "\\\\").replace('\n', "\\n"),
    );
    if !param(&p, "app").is_empty() {
        normalized.push_str(&format!("{}\n{}\n", param(&p, "app"), param(&p, "dlg")));
    }
    let sha1 = c.target.contains("sha1");
    let mac = if sha1 {
        b64(&hmac_sha1(HAWK_KEY.as_bytes(), normalized.as_bytes()))
    } else {
        b64(&hmac_sha256(HAWK_KEY.as_bytes(), normalized.as_bytes()))
    };
    if mac != param(&p, "mac") {
        return Err(format!("bad mac over {normalized:?}"));
    }
    if !param(&p, "hash").is_empty() {
        let ct = c.header("content-type").unwrap_or("");
        let media = ct
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let mut payload = format!("hawk.1.payload\n{media}\n").into_bytes();
        payload.extend_from_slice(&c.body);
        payload.push(b'\n');
        if b64(&sha256(&payload)) != param(&p, "hash") {
            return Err("bad payload hash".into());
        }
    }
    Ok(())
}

fn hawk(extra: serde_json::Value) -> postie::collection::Auth {
    let mut params = json!({
        "authId": "dh37fgj492je",
        "authKey": HAWK_KEY,
        "algorithm": "sha256",
        "extraData": "some \"ext\" data",
    });
    if let (Some(p), serde_json::Value::Object(e)) = (params.as_object_mut(), extra) {
        p.extend(e);
    }
    auth("hawk", params)
}

async fn checking(verify: fn(&Captured) -> Result<(), String>) -> http_support::Server {
    serve(move |c| match verify(c) {
        Ok(()) => resp("200 OK", &[], b"ok"),
        Err(e) => resp("401 Unauthorized", &[], e.as_bytes()),
    })
    .await
}

#[tokio::test]
async fn hawk_mac_payload_hash_app_and_sha1() {
    let srv = checking(verify_hawk).await;
    let out = perform(
        &srv.url("/resource/1?b=1&a=2"),
        &request("GET", &[], None),
        &hawk(json!({})),
    )
    .await;
    assert_eq!(code(&out), 200);
    let h = srv.last().header("authorization").unwrap().to_string();
    assert!(h.starts_with("Hawk id=\"dh37fgj492je\", ts=\""), "{h}");
    assert!(h.contains("ext=\"some \\\"ext\\\" data\""), "{h}");

    let mut body = raw_body("{\"x\": 1}");
    body.options = Some(json!({"raw": {"language": "json"}}));
    let req = request("POST", &[], Some(body));
    let a = hawk(json!({"includePayloadHash": true, "app": "app1", "delegation": "d1"}));
    let out = perform(&srv.url("/post"), &req, &a).await;
    assert_eq!(code(&out), 200);
    let h = srv.last().header("authorization").unwrap().to_string();
    assert!(
        h.contains("hash=\"") && h.ends_with(", app=\"app1\", dlg=\"d1\""),
        "{h}"
    );

    let a = hawk(json!({"algorithm": "sha1", "timestamp": "1353832234", "nonce": "j4h3g2"}));
    let out = perform(&srv.url("/sha1"), &request("GET", &[], None), &a).await;
    assert_eq!(code(&out), 200);
    assert!(srv
        .last()
        .header("authorization")
        .unwrap()
        .contains("ts=\"1353832234\", nonce=\"j4h3g2\""));
}

const AWS_SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

/// SigV4 as AWS documents it, in headers or in the query.
fn verify_sigv4(c: &Captured) -> Result<(), String> {
    let (path, query) = c.target.split_once('?').unwrap_or((&c.target, ""));
    let mut pairs = form_pairs_raw(query);
    let in_query = pairs.iter().any(|(k, _)| k == "X-Amz-Signature");
    let get_q = |k: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let (credential, signed, signature, date) = if in_query {
        (
            get_q("X-Amz-Credential"),
            get_q("X-Amz-SignedHeaders"),
            get_q("X-Amz-Signature"),
            get_q("X-Amz-Date"),
        )
    } else {
        let h = c.header("authorization").ok_or("no Authorization")?;
        let rest = h.strip_prefix("AWS4-HMAC-SHA256 ").ok_or("bad scheme")?;
        let field = |name: &str| {
            rest.split(", ")
                .find_map(|p| p.strip_prefix(&format!("{name}=")))
                .unwrap_or("")
                .to_string()
        };
        (
            field("Credential"),
            field("SignedHeaders"),
            field("Signature"),
            c.header("x-amz-date").unwrap_or("").to_string(),
        )
    };
    let scope = credential
        .split_once('/')
        .map(|(_, s)| s.to_string())
        .ok_or("bad credential")?;
    let parts: Vec<&str> = scope.split('/').collect();
    let (day, region, service) = (parts[0], parts[1], parts[2]);
    let s3 = service == "s3";
    let canonical_uri = if s3 {
        path.to_string()
    } else {
        path.split('/').map(rfc3986).collect::<Vec<_>>().join("/")
    };
    pairs.retain(|(k, _)| k != "X-Amz-Signature");
    let mut enc: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (rfc3986(k), rfc3986(v)))
        .collect();
    enc.sort();
    let canonical_query: Vec<String> = enc.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let mut canonical_headers = String::new();
    for name in signed.split(';') {
        let values: Vec<String> = c
            .headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        canonical_headers.push_str(&format!("{name}:{}\n", values.join(",")));
    }
    let payload = if in_query && s3 {
        "UNSIGNED-PAYLOAD".to_string()
    } else {
        c.header("x-amz-content-sha256")
            .map(str::to_string)
            .unwrap_or_else(|| hex(&sha256(&c.body)))
    };
    let creq = format!(
        "{}\n{canonical_uri}\n{}\n{canonical_headers}\n{signed}\n{payload}",
        c.method,
        canonical_query.join("&")
    );
    let sts = format!(
        "AWS4-HMAC-SHA256\n{date}\n{scope}\n{}",
        hex(&sha256(creq.as_bytes()))
    );
    let k = hmac_sha256(format!("AWS4{AWS_SECRET}").as_bytes(), day.as_bytes());
    let k = hmac_sha256(&k, region.as_bytes());
    let k = hmac_sha256(&k, service.as_bytes());
    let k = hmac_sha256(&k, b"aws4_request");
    if hex(&hmac_sha256(&k, sts.as_bytes())) != signature {
        return Err(format!("bad signature; canonical request:\n{creq}"));
    }
    if !signed.split(';').any(|h| h == "host") {
        return Err("host not signed".into());
    }
    Ok(())
}

/// Query pairs, percent-decoded (no `+` rule: SigV4 encodes spaces as %20).
fn form_pairs_raw(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (pct_decode(k, false), pct_decode(v, false))
        })
        .collect()
}

fn aws(extra: serde_json::Value) -> postie::collection::Auth {
    let mut params = json!({"accessKey": "AKIDEXAMPLE", "secretKey": AWS_SECRET});
    if let (Some(p), serde_json::Value::Object(e)) = (params.as_object_mut(), extra) {
        p.extend(e);
    }
    auth("awsv4", params)
}

#[tokio::test]
async fn sigv4_headers_query_session_tokens_and_s3() {
    let srv = checking(verify_sigv4).await;
    let req = request(
        "POST",
        &[
            ("X-Custom", "  a   b "),
            ("Content-Type", "application/json"),
        ],
        Some(raw_body("{\"q\": \"x y\"}")),
    );
    let a = aws(json!({"service": "execute-api", "region": "eu-west-1", "sessionToken": "tok"}));
    let out = perform(&srv.url("/stage/res%20x?b=2&a=hello%20world&a=0"), &req, &a).await;
    assert_eq!(
        code(&out),
        200,
        "{:?}",
        out.result
            .as_ref()
            .map(|x| String::from_utf8_lossy(&x.response.body).into_owned())
    );
    let c = srv.last();
    assert_eq!(c.header("x-amz-security-token"), Some("tok"));
    assert!(c.header("x-amz-date").is_some());

    let out = perform(
        &srv.url("/q?x=1"),
        &request("GET", &[], None),
        &aws(json!({"addAuthDataToQuery": true})),
    )
    .await;
    assert_eq!(code(&out), 200);
    assert!(srv.last().header("authorization").is_none());

    let put = request("PUT", &[], Some(raw_body("object body")));
    let out = perform(
        &srv.url("/bucket/key.txt"),
        &put,
        &aws(json!({"service": "s3"})),
    )
    .await;
    assert_eq!(code(&out), 200);
    assert_eq!(
        srv.last()
            .header("x-amz-content-sha256")
            .map(str::to_string),
        Some(hex(&sha256(b"object body")))
    );
}

const EG_SECRET: &str = "SOMESECRET/abc+def=";

fn verify_edgegrid(c: &Captured) -> Result<(), String> {
    let h = c.header("authorization").ok_or("no header")?;
    let (head, sig) = h.rsplit_once("signature=").ok_or("no signature")?;
    let ts = head
        .split(';')
        .find_map(|p| p.strip_prefix("timestamp="))
        .ok_or("no timestamp")?;
    let key = b64(&hmac_sha256(EG_SECRET.as_bytes(), ts.as_bytes()));
    let headers = ["x-a", "x-b"]
        .iter()
        .filter_map(|n| {
            let v = c
                .header(n)?
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            (!v.is_empty()).then(|| format!("{n}:{v}"))
        })
        .collect::<Vec<_>>()
        .join("\t");
    let body_hash = if c.method == "POST" && !c.body.is_empty() {
        b64(&sha256(&c.body[..c.body.len().min(16)]))
    } else {
        String::new()
    };
    let data = [
        c.method.as_str(),
        "http",
        c.header("host").unwrap_or(""),
        &c.target,
        &headers,
        &body_hash,
        head,
    ]
    .join("\t");
    if b64(&hmac_sha256(key.as_bytes(), data.as_bytes())) != sig {
        return Err(format!("bad signature over {data:?}"));
    }
    Ok(())
}

#[tokio::test]
async fn edgegrid_signs_headers_and_truncated_body() {
    let srv = checking(verify_edgegrid).await;
    let a = auth(
        "edgegrid",
        json!({
            "accessToken": "akab-access-token",
            "clientToken": "akab-client-token",
            "clientSecret": EG_SECRET,
            "headersToSign": "X-A,x-b",
            "maxBodySize": "16",
        }),
    );
    let req = request(
        "POST",
        &[("X-A", "one   two"), ("X-B", " three ")],
        Some(raw_body("a body longer than sixteen bytes")),
    );
    let out = perform(&srv.url("/billing/v1?x=1"), &req, &a).await;
    assert_eq!(code(&out), 200);
    let h = srv.last().header("authorization").unwrap().to_string();
    assert!(
        h.starts_with("EG1-HMAC-SHA256 client_token=akab-client-token;access_token=akab-access-token;timestamp="),
        "{h}"
    );
    let out = perform(&srv.url("/get"), &request("GET", &[], None), &a).await;
    assert_eq!(code(&out), 200);
}
