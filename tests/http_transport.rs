//! Transport: keep-alive, response heads as sent (reason, header case and order), content
//! decoding, size limit, timeouts and connection errors.

mod http_support;

use http_support::*;
use postie::collection::Behavior;
use postie::http::{prepare, Client, Exchange, HttpOptions, Origin, RequestError};
use std::io::Write;
use std::time::Duration;

async fn get(client: &Client, url: &str, o: &HttpOptions) -> Result<Exchange, RequestError> {
    let p = prepare(
        url,
        &req("GET", &[], None),
        None,
        &Behavior::default(),
        Origin::Item,
        o,
    )
    .unwrap();
    client.send(&p).await
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

#[tokio::test]
async fn keep_alive_reuses_one_connection() {
    let srv = serve(|_| ok("x")).await;
    let client = Client::new(&opts()).unwrap();
    for _ in 0..3 {
        get(&client, &srv.url("/"), &opts()).await.unwrap();
    }
    let conns: Vec<usize> = srv.requests().iter().map(|c| c.conn).collect();
    assert_eq!(conns, [1, 1, 1]);
}

#[tokio::test]
async fn server_closing_idle_connections_is_harmless() {
    let srv = serve(|_| then_close(ok("x"))).await;
    let client = Client::new(&opts()).unwrap();
    for _ in 0..3 {
        let ex = get(&client, &srv.url("/"), &opts()).await.unwrap();
        assert_eq!(&ex.response.body[..], b"x");
    }
    let conns: Vec<usize> = srv.requests().iter().map(|c| c.conn).collect();
    assert_eq!(conns, [1, 2, 3]);
}

#[tokio::test]
async fn no_answer_is_socket_hang_up() {
    let srv = serve(|_| Vec::new()).await; // reads the request, closes without answering
    let client = Client::new(&opts()).unwrap();
    let err = get(&client, &srv.url("/"), &opts()).await.unwrap_err();
    assert_eq!(err.info().message, "socket hang up");
}

#[tokio::test]
async fn response_head_is_reported_as_sent() {
    let srv = serve(|_| {
        b"HTTP/1.1 201 Made It\r\nX-Custom-CASE: a\r\nset-cookie: a=1\r\nETag: \"e\"\r\nSet-Cookie: b=2\r\nContent-Length: 2\r\n\r\nok".to_vec()
    })
    .await;
    let client = Client::new(&opts()).unwrap();
    let ex = get(&client, &srv.url("/"), &opts()).await.unwrap();
    assert_eq!(ex.response.code, 201);
    assert_eq!(ex.response.status, "Made It");
    let names: Vec<&str> = ex
        .response
        .headers
        .iter()
        .map(|(k, _)| k.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "X-Custom-CASE",
            "set-cookie",
            "ETag",
            "Set-Cookie",
            "Content-Length"
        ]
    );
    assert_eq!(ex.response.http_version, "HTTP/1.1");
    assert_eq!(ex.response.url, srv.url("/"));
    assert!(ex.response.response_time > 0.0);
}

#[tokio::test]
async fn missing_reason_uses_the_standard_one() {
    let srv = serve(|_| b"HTTP/1.1 404 \r\nContent-Length: 0\r\n\r\n".to_vec()).await;
    let client = Client::new(&opts()).unwrap();
    let ex = get(&client, &srv.url("/"), &opts()).await.unwrap();
    assert_eq!(ex.response.status, "Not Found");
}

#[tokio::test]
async fn decodes_gzip_deflate_br_but_keeps_headers() {
    let srv = serve(|c| match c.target.as_str() {
        "/gzip" => resp("200 OK", &[("Content-Encoding", "gzip")], &gzip(b"zipped")),
        "/deflate" => {
            let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
            e.write_all(b"deflated").unwrap();
            resp(
                "200 OK",
                &[("Content-Encoding", "deflate")],
                &e.finish().unwrap(),
            )
        }
        // An uncompressed brotli meta-block holding "hello", then an empty last block.
        _ => resp(
            "200 OK",
            &[("Content-Encoding", "br")],
            &[0x40, 0x00, 0x10, b'h', b'e', b'l', b'l', b'o', 0x03],
        ),
    })
    .await;
    let client = Client::new(&opts()).unwrap();
    let ex = get(&client, &srv.url("/gzip"), &opts()).await.unwrap();
    assert_eq!(&ex.response.body[..], b"zipped");
    assert_eq!(ex.response.header("content-encoding"), Some("gzip"));
    let ex = get(&client, &srv.url("/deflate"), &opts()).await.unwrap();
    assert_eq!(&ex.response.body[..], b"deflated");
    let ex = get(&client, &srv.url("/br"), &opts()).await.unwrap();
    assert_eq!(&ex.response.body[..], b"hello");
}

#[tokio::test]
async fn response_size_limit() {
    let srv = serve(|_| ok(&"x".repeat(100))).await;
    let o = HttpOptions {
        max_response_size: 10,
        ..opts()
    };
    let client = Client::new(&o).unwrap();
    let err = get(&client, &srv.url("/"), &o).await.unwrap_err();
    assert_eq!(err.info().message, "Maximum response size reached");
}

#[tokio::test]
async fn request_timeout_is_esockettimedout() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((s, _)) = listener.accept().await {
            held.push(s); // never answer
        }
    });
    let o = HttpOptions {
        request_timeout: Some(Duration::from_millis(50)),
        ..opts()
    };
    let client = Client::new(&o).unwrap();
    let err = get(&client, &format!("http://127.0.0.1:{port}/"), &o)
        .await
        .unwrap_err();
    assert_eq!(err, RequestError::Timeout("ESOCKETTIMEDOUT"));
    assert_eq!(err.info().message, "ESOCKETTIMEDOUT");
}

#[tokio::test]
async fn connection_refused_message() {
    let client = Client::new(&opts()).unwrap();
    let err = get(&client, "http://127.0.0.1:1/", &opts())
        .await
        .unwrap_err();
    assert_eq!(err.info().message, "connect ECONNREFUSED 127.0.0.1:1");
    assert_eq!(err.info().name, "Error");
}

#[tokio::test]
async fn fetch_follows_redirects_and_fails_on_errors() {
    let srv = serve(|c| match c.target.as_str() {
        "/moved" => resp("301 Moved Permanently", &[("Location", "/file.json")], b""),
        "/file.json" => ok("{\"info\":{}}"),
        _ => resp("404 Not Found", &[], b""),
    })
    .await;
    let client = Client::new(&opts()).unwrap();
    let body = client
        .fetch(&srv.url("/moved"), &[("X-Api-Key".into(), "k".into())])
        .await
        .unwrap();
    assert_eq!(&body[..], b"{\"info\":{}}");
    assert_eq!(srv.requests()[0].header("x-api-key"), Some("k"));
    let err = client.fetch(&srv.url("/nope"), &[]).await.unwrap_err();
    assert_eq!(
        err.info().message,
        format!("{} answered 404 Not Found", srv.url("/nope"))
    );
}
