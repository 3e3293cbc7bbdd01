//! TLS transport options against local TLS servers with a CA made in the test:
//! `--ssl-client-cert-list` (per-URL certificates, before `--ssl-client-cert`), PKCS#12 client
//! identities, encrypted PEM keys with a passphrase, `tlsDisabledProtocols` and
//! `tlsCipherSelection`, and the TLS timing phases.

mod auth_support;
mod transport_support;

use auth_support::{opts, perform_with, request};
use postie::collection::Behavior;
use postie::http::{Client, ClientCert, HostOverride, HttpOptions};
use serde_json::json;
use transport_support::*;

fn over(host: &str, port: u16) -> HostOverride {
    HostOverride {
        host: host.into(),
        port: Some(443),
        to_host: "127.0.0.1".into(),
        to_port: Some(port),
    }
}

fn base(pki: &Pki, port: u16) -> HttpOptions {
    HttpOptions {
        extra_ca_certs: vec![pki.ca_pem.clone()],
        host_overrides: ["a.test", "b.test", "c.test"]
            .iter()
            .map(|h| over(h, port))
            .collect(),
        working_dir: pki.dir.path().to_path_buf(),
        ..opts()
    }
}

async fn get(
    client: &Client,
    url: &str,
    behavior: &Behavior,
) -> Result<postie::http::Exchange, String> {
    perform_with(client, url, &request("GET", &[], None), None, behavior)
        .await
        .result
        .map_err(|e| e.to_string())
}

/// A PKCS#12 file for a new client certificate `cn`, made by `openssl pkcs12 -export` with
/// `extra` arguments; `None` without openssl.
fn p12(pki: &Pki, cn: &str, pass: &str, extra: &[&str]) -> Option<std::path::PathBuf> {
    let (cert, key) = pki.client_files(cn);
    let out = pki.path(&format!("{cn}.p12"));
    let mut args = vec![
        "pkcs12",
        "-export",
        "-in",
        cert.to_str()?,
        "-inkey",
        key.to_str()?,
        "-out",
        out.to_str()?,
    ];
    let pass_arg = format!("pass:{pass}");
    args.extend(["-passout", &pass_arg]);
    args.extend(extra);
    openssl(&args, pki.dir.path())?;
    Some(out)
}

#[tokio::test]
async fn client_cert_list_picks_by_url_before_the_single_cert() {
    let pki = Pki::new();
    let names = ["a.test", "b.test", "c.test"];
    let srv =
        tls_server(pki.server_config(&names, true, rustls::ALL_VERSIONS, &[b"http/1.1"])).await;
    let (a_cert, a_key) = pki.client_files("client-a");
    let (c_cert, c_key) = pki.client_files("client-c");
    let b_entry = match p12(&pki, "client-b", "s3cret", &[]) {
        Some(p) => {
            json!({"name": "b", "matches": ["https://*.b.test/*"], "pfx": {"src": p}, "passphrase": "s3cret"})
        }
        None => {
            let (b_cert, b_key) = pki.client_files("client-b");
            json!({"name": "b", "matches": ["https://*.b.test/*"], "cert": {"src": b_cert}, "key": {"src": b_key}})
        }
    };
    let list = json!([
        {"name": "a", "matches": ["https://a.test/only/*"], "cert": {"src": a_cert.file_name().unwrap().to_str()},
         "key": {"src": a_key}},
        b_entry,
    ]);
    let list_path = pki.path("certs.json");
    std::fs::write(&list_path, list.to_string()).unwrap();
    let o = HttpOptions {
        client_cert_list: Some(list_path),
        client_cert: Some(ClientCert {
            cert: c_cert,
            key: Some(c_key),
            passphrase: None,
        }),
        ..base(&pki, srv.addr.port())
    };
    let client = Client::new(&o).unwrap();
    let b = Behavior::default();
    for (url, cn) in [
        ("https://a.test/only/x", "client-a"),
        ("https://b.test/y", "client-b"),
        ("https://a.test/elsewhere", "client-c"),
        ("https://c.test/", "client-c"),
    ] {
        get(&client, url, &b).await.unwrap();
        assert_eq!(srv.last().client_cn().as_deref(), Some(cn), "{url}");
    }
}

#[tokio::test]
async fn pkcs12_identities_and_wrong_passphrases() {
    let pki = Pki::new();
    let srv =
        tls_server(pki.server_config(&["a.test"], true, rustls::ALL_VERSIONS, &[b"http/1.1"]))
            .await;
    let variants: [(&str, &[&str]); 2] = [
        ("aes", &[]),
        (
            "tdes",
            &[
                "-keypbe",
                "PBE-SHA1-3DES",
                "-certpbe",
                "PBE-SHA1-3DES",
                "-macalg",
                "sha1",
            ],
        ),
    ];
    for (cn, extra) in variants {
        let Some(path) = p12(&pki, cn, "pw", extra) else {
            return;
        };
        let o = HttpOptions {
            client_cert: Some(ClientCert {
                cert: path.clone(),
                key: None,
                passphrase: Some("pw".into()),
            }),
            ..base(&pki, srv.addr.port())
        };
        let client = Client::new(&o).unwrap();
        get(&client, "https://a.test/", &Behavior::default())
            .await
            .unwrap();
        assert_eq!(srv.last().client_cn().as_deref(), Some(cn));

        let wrong = HttpOptions {
            client_cert: Some(ClientCert {
                cert: path,
                key: None,
                passphrase: Some("nope".into()),
            }),
            ..base(&pki, srv.addr.port())
        };
        let err = Client::new(&wrong)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("wrong passphrase"), "{cn}: {err}");
    }
}

#[tokio::test]
async fn encrypted_pem_keys_need_and_take_the_passphrase() {
    let pki = Pki::new();
    let srv =
        tls_server(pki.server_config(&["a.test"], true, rustls::ALL_VERSIONS, &[b"http/1.1"]))
            .await;
    let (cert, key) = pki.client_files("enc");
    let dir = pki.dir.path();
    let pkcs8 = pki.path("enc-pkcs8.key");
    let traditional = pki.path("enc-trad.key");
    let Some(()) = openssl(
        &[
            "pkcs8",
            "-topk8",
            "-v2",
            "aes-256-cbc",
            "-in",
            key.to_str().unwrap(),
            "-out",
            pkcs8.to_str().unwrap(),
            "-passout",
            "pass:pw",
        ],
        dir,
    ) else {
        return;
    };
    openssl(
        &[
            "ec",
            "-aes128",
            "-in",
            key.to_str().unwrap(),
            "-out",
            traditional.to_str().unwrap(),
            "-passout",
            "pass:pw",
        ],
        dir,
    );
    assert!(std::fs::read_to_string(&traditional)
        .unwrap()
        .contains("Proc-Type: 4,ENCRYPTED"));
    for key in [pkcs8, traditional] {
        let with = |pass: Option<&str>| HttpOptions {
            client_cert: Some(ClientCert {
                cert: cert.clone(),
                key: Some(key.clone()),
                passphrase: pass.map(str::to_string),
            }),
            ..base(&pki, srv.addr.port())
        };
        let client = Client::new(&with(Some("pw"))).unwrap();
        get(&client, "https://a.test/", &Behavior::default())
            .await
            .unwrap();
        assert_eq!(srv.last().client_cn().as_deref(), Some("enc"));
        let err = Client::new(&with(None))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("is encrypted; give its passphrase"), "{err}");
        let err = Client::new(&with(Some("bad")))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("could not read the client key"), "{err}");
    }
}

#[tokio::test]
async fn tls_versions_and_cipher_suites_per_request() {
    let pki = Pki::new();
    let srv =
        tls_server(pki.server_config(&["a.test"], false, rustls::ALL_VERSIONS, &[b"http/1.1"]))
            .await;
    let client = Client::new(&base(&pki, srv.addr.port())).unwrap();
    let behave = |v: serde_json::Value| {
        let mut b = Behavior::default();
        if let serde_json::Value::Object(o) = v {
            b.0.extend(o);
        }
        b
    };
    get(&client, "https://a.test/", &Behavior::default())
        .await
        .unwrap();
    assert_eq!(srv.last().version.as_deref(), Some("TLSv1_3"));
    get(
        &client,
        "https://a.test/",
        &behave(json!({"tlsDisabledProtocols": ["TLSv1", "TLSv1_1", "TLSv1_3"]})),
    )
    .await
    .unwrap();
    assert_eq!(srv.last().version.as_deref(), Some("TLSv1_2"));
    get(
        &client,
        "https://a.test/",
        &behave(json!({"tlsCipherSelection": ["ECDHE-ECDSA-AES256-GCM-SHA384"]})),
    )
    .await
    .unwrap();
    let last = srv.last();
    assert_eq!(
        last.suite.as_deref(),
        Some("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384")
    );
    assert_eq!(last.version.as_deref(), Some("TLSv1_2"));

    let only12 = tls_server(pki.server_config(
        &["a.test"],
        false,
        &[&rustls::version::TLS12],
        &[b"http/1.1"],
    ))
    .await;
    let client = Client::new(&base(&pki, only12.addr.port())).unwrap();
    let err = get(
        &client,
        "https://a.test/",
        &behave(json!({"tlsDisabledProtocols": ["TLSv1_2"]})),
    )
    .await
    .unwrap_err();
    assert!(err.to_lowercase().contains("version"), "{err}");
    let err = get(
        &client,
        "https://a.test/",
        &behave(json!({"tlsCipherSelection": "RC4-SHA"})),
    )
    .await
    .unwrap_err();
    assert!(
        err.contains("none of the suites in tlsCipherSelection (RC4-SHA)"),
        "{err}"
    );
}

#[tokio::test]
async fn timing_phases_for_new_and_reused_connections() {
    let pki = Pki::new();
    let srv =
        tls_server(pki.server_config(&["a.test"], false, rustls::ALL_VERSIONS, &[b"http/1.1"]))
            .await;
    let client = Client::new(&base(&pki, srv.addr.port())).unwrap();
    let first = get(&client, "https://a.test/", &Behavior::default())
        .await
        .unwrap();
    let p = &first.response.phases;
    assert!(p.dns.is_some() && p.first_byte.is_some() && p.download.is_some());
    assert!(p.connect.unwrap() > 0.0 && p.tls.unwrap() > 0.0, "{p:?}");
    assert!(p.total >= p.tls.unwrap() + p.connect.unwrap(), "{p:?}");
    let second = get(&client, "https://a.test/", &Behavior::default())
        .await
        .unwrap();
    let p = &second.response.phases;
    assert_eq!(
        (p.dns, p.connect, p.tls),
        (Some(0.0), Some(0.0), Some(0.0)),
        "reused"
    );
    assert!(p.first_byte.unwrap() > 0.0);
}
