//! Every body mode on the wire (exact bytes), Content-Type/Content-Length placement, pruning.

mod http_support;

use http_support::*;
use postie::collection::{Behavior, Body, FileRef, FormParam, GraphQl};
use postie::http::{prepare, Client, HttpOptions, Origin};
use serde_json::json;

fn raw(text: &str, lang: Option<&str>) -> Body {
    Body {
        mode: "raw".into(),
        raw: Some(text.into()),
        options: lang.map(|l| json!({"raw": {"language": l}})),
        ..Body::default()
    }
}

async fn send_one(
    body: Body,
    method: &str,
    headers: &[(&str, &str)],
    b: Behavior,
    o: &HttpOptions,
) -> (Captured, postie::http::PreparedRequest) {
    let srv = serve(|_| ok("")).await;
    let client = Client::new(o).unwrap();
    let p = prepare(
        &srv.url("/"),
        &req(method, headers, Some(body)),
        None,
        &b,
        Origin::Item,
        o,
    )
    .unwrap();
    client.send(&p).await.unwrap();
    (srv.last(), p)
}

#[tokio::test]
async fn raw_json_comments_stripped_with_content_type_first() {
    let (c, _) = send_one(
        raw("{\"a\":1 // c\n, \"u\":\"x//y\" /* z */}", Some("json")),
        "POST",
        &[],
        Behavior::default(),
        &opts(),
    )
    .await;
    assert_eq!(c.body, b"{\"a\":1 \n, \"u\":\"x//y\" }");
    assert_eq!(
        names(&c),
        [
            "Content-Type",
            "User-Agent",
            "Accept",
            "Cache-Control",
            "Postman-Token",
            "Host",
            "Accept-Encoding",
            "Connection",
            "Content-Length"
        ]
    );
    assert_eq!(c.header("content-type"), Some("application/json"));
    assert_eq!(
        c.header("content-length"),
        Some(c.body.len().to_string().as_str())
    );
}

#[tokio::test]
async fn raw_languages_and_user_content_type() {
    for (lang, ct) in [
        (None, "text/plain"),
        (Some("xml"), "application/xml"),
        (Some("html"), "text/html"),
        (Some("javascript"), "application/javascript"),
        (Some("text"), "text/plain"),
    ] {
        let (c, _) = send_one(
            raw("x // y", lang),
            "PUT",
            &[],
            Behavior::default(),
            &opts(),
        )
        .await;
        assert_eq!(c.header("content-type"), Some(ct));
        assert_eq!(c.body, b"x // y");
    }
    let (c, _) = send_one(
        raw("{}//x", None),
        "POST",
        &[("content-type", "application/vnd.api+json")],
        Behavior::default(),
        &opts(),
    )
    .await;
    assert_eq!(c.header("content-type"), Some("application/vnd.api+json"));
    assert_eq!(c.body, b"{}");
}

#[tokio::test]
async fn pruning_and_disable_body_pruning() {
    let (c, _) = send_one(
        raw("{\"a\":1}", Some("json")),
        "GET",
        &[],
        Behavior::default(),
        &opts(),
    )
    .await;
    assert!(c.body.is_empty());
    assert_eq!(c.header("content-type"), None);
    assert_eq!(c.header("content-length"), None);
    let keep = Behavior(
        json!({"disableBodyPruning": true})
            .as_object()
            .cloned()
            .unwrap(),
    );
    let (c, _) = send_one(raw("{\"a\":1}", Some("json")), "GET", &[], keep, &opts()).await;
    assert_eq!(c.body, b"{\"a\":1}");
    let (c, _) = send_one(raw("x", None), "PURGE", &[], Behavior::default(), &opts()).await;
    assert_eq!(c.header("content-length"), Some("0"));
    let disabled = Body {
        disabled: true,
        ..raw("x", None)
    };
    let (c, _) = send_one(disabled, "POST", &[], Behavior::default(), &opts()).await;
    assert!(c.body.is_empty());
    assert_eq!(c.header("content-length"), Some("0"));
}

fn kv(k: &str, v: &str) -> FormParam {
    FormParam {
        key: k.into(),
        value: Some(v.into()),
        kind: "text".into(),
        ..FormParam::default()
    }
}

#[tokio::test]
async fn urlencoded_body() {
    let body = Body {
        mode: "urlencoded".into(),
        urlencoded: vec![
            kv("a", "1 2"),
            kv("b", "é&="),
            FormParam {
                disabled: true,
                ..kv("c", "x")
            },
            kv("a", "3"),
        ],
        ..Body::default()
    };
    let (c, _) = send_one(body, "POST", &[], Behavior::default(), &opts()).await;
    assert_eq!(c.body, b"a=1%202&a=3&b=%C3%A9%26%3D");
    let n = names(&c);
    assert_eq!(
        &n[n.len() - 3..],
        ["Connection", "Content-Type", "Content-Length"]
    );
    assert_eq!(
        c.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
}

#[tokio::test]
async fn formdata_with_files_and_a_missing_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.json"), b"{\"f\":1}").unwrap();
    std::fs::write(dir.path().join("b.bin"), [0u8, 1, 2]).unwrap();
    let o = HttpOptions {
        working_dir: dir.path().to_path_buf(),
        ..opts()
    };
    let body = Body {
        mode: "formdata".into(),
        formdata: vec![
            kv("t", "v"),
            FormParam {
                kind: "file".into(),
                src: vec!["a.json".into(), "b.bin".into()],
                ..kv("f", "")
            },
            FormParam {
                kind: "file".into(),
                src: vec!["missing.txt".into()],
                ..kv("m", "")
            },
            FormParam {
                content_type: Some("text/csv".into()),
                ..kv("c", "1,2")
            },
        ],
        ..Body::default()
    };
    let (c, p) = send_one(body, "POST", &[], Behavior::default(), &o).await;
    let ct = c.header("content-type").unwrap().to_string();
    let boundary = ct.strip_prefix("multipart/form-data; boundary=").unwrap();
    assert_eq!(boundary.len(), 50);
    let expected = format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\nv\r\n\
         --{b}\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.json\"\r\nContent-Type: application/json\r\n\r\n{{\"f\":1}}\r\n\
         --{b}\r\nContent-Disposition: form-data; name=\"f\"; filename=\"b.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n\u{0}\u{1}\u{2}\r\n\
         --{b}\r\nContent-Disposition: form-data; name=\"c\"\r\nContent-Type: text/csv\r\n\r\n1,2\r\n--{b}--\r\n",
        b = boundary
    );
    assert_eq!(String::from_utf8_lossy(&c.body), expected);
    assert_eq!(p.warnings.len(), 1);
    assert!(p.warnings[0]
        .starts_with("Form param `m`, file load error: ENOENT: no such file or directory, open '"));
    assert_eq!(names(&c).last().map(String::as_str), Some("Content-Length"));
}

#[tokio::test]
async fn formdata_refuses_outside_files_and_script_drops_files() {
    let dir = tempfile::tempdir().unwrap();
    let o = HttpOptions {
        working_dir: dir.path().join("wd"),
        insecure_file_read: false,
        ..opts()
    };
    let body = Body {
        mode: "formdata".into(),
        formdata: vec![
            kv("t", "v"),
            FormParam {
                kind: "file".into(),
                src: vec!["../x.txt".into()],
                ..kv("f", "")
            },
        ],
        ..Body::default()
    };
    let r = req("POST", &[], Some(body));
    let p = prepare(
        "http://127.0.0.1:1/",
        &r,
        None,
        &Behavior::default(),
        Origin::Item,
        &o,
    )
    .unwrap();
    assert_eq!(p.warnings, ["Form param `f`, file load error: PPERM: insecure file access outside working directory"]);
    let p = prepare(
        "http://127.0.0.1:1/",
        &r,
        None,
        &Behavior::default(),
        Origin::Script,
        &o,
    )
    .unwrap();
    assert!(p.warnings.is_empty());
    assert!(!String::from_utf8_lossy(p.body.as_ref().unwrap()).contains("name=\"f\""));
}

#[tokio::test]
async fn file_body_from_src_and_base64() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.png"), [137u8, 80, 78, 71]).unwrap();
    let o = HttpOptions {
        working_dir: dir.path().to_path_buf(),
        ..opts()
    };
    let body = Body {
        mode: "file".into(),
        file: Some(FileRef {
            src: Some("p.png".into()),
            content: None,
        }),
        ..Body::default()
    };
    let (c, _) = send_one(body, "POST", &[], Behavior::default(), &o).await;
    assert_eq!(c.body, [137u8, 80, 78, 71]);
    let n = names(&c);
    assert_eq!(&n[n.len() - 2..], ["Content-Length", "Content-Type"]);
    assert_eq!(c.header("content-type"), Some("image/png"));
    let body = Body {
        mode: "file".into(),
        file: Some(FileRef {
            src: None,
            content: Some("aGk=".into()),
        }),
        ..Body::default()
    };
    let (c, _) = send_one(body, "POST", &[], Behavior::default(), &o).await;
    assert_eq!(c.body, b"hi");
    assert_eq!(c.header("content-type"), None);
}

#[tokio::test]
async fn graphql_body() {
    let body = Body {
        mode: "graphql".into(),
        graphql: Some(GraphQl {
            query: "query Q { a }".into(),
            variables: Some(json!("{\"id\": 1}")),
            operation_name: None,
        }),
        ..Body::default()
    };
    let (c, _) = send_one(body, "POST", &[], Behavior::default(), &opts()).await;
    assert_eq!(
        c.body,
        br#"{"query":"query Q { a }","variables":{"id": 1}}"#
    );
    assert_eq!(names(&c)[0], "Content-Type");
    assert_eq!(c.header("content-type"), Some("application/json"));
}

#[tokio::test]
async fn script_requests_are_not_pruned() {
    let r = req("GET", &[], Some(raw("x", None)));
    let p = prepare(
        "http://127.0.0.1:1/",
        &r,
        None,
        &Behavior::default(),
        Origin::Script,
        &opts(),
    )
    .unwrap();
    assert_eq!(p.body.as_deref(), Some(&b"x"[..]));
    assert_eq!(p.header("content-type"), Some("text/plain"));
}

#[tokio::test]
async fn disabled_body_headers() {
    let b = Behavior(
        json!({"disabledSystemHeaders": {"content-type": true, "content-length": true, "host": true}})
            .as_object()
            .cloned()
            .unwrap(),
    );
    let (c, _) = send_one(raw("abc", Some("json")), "POST", &[], b.clone(), &opts()).await;
    assert_eq!(c.header("content-type"), None);
    assert_eq!(c.header("host"), None);
    assert_eq!(
        c.header("content-length"),
        Some("3"),
        "a body is always framed"
    );
    assert_eq!(c.body, b"abc");
    let (c, _) = send_one(raw("", None), "DELETE", &[], b, &opts()).await;
    assert_eq!(c.header("content-length"), None);
}
