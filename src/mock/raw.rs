//! Newman's raw TCP echo test server (its port 4041): reads one request byte for byte (any method,
//! any target, even ones a strict HTTP parser refuses), waits `raw_delay`, then answers
//! `200 text/plain` with the raw request as the body and as a JSON-string `raw-request` header,
//! and closes the connection. A `HEAD` request gets the header but no body.

use std::io;
use std::time::Duration;

use bytes::Bytes;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use super::head::{self, Framing, RawHead};
use super::log::{RecordedRequest, RequestLog};
use super::transport::{self, ConnInfo, Stream};
use super::MockOptions;

/// Largest request read (the rest is ignored).
const MAX_REQUEST: usize = 64 * 1024 * 1024;

/// Serves the raw echo on `listener`.
pub(crate) async fn serve(
    listener: TcpListener,
    opts: MockOptions,
    log: RequestLog,
) -> io::Result<()> {
    let delay = opts.raw_delay;
    transport::accept_loop(listener, opts.tls, move |stream, info| {
        let log = log.clone();
        async move {
            // A client that hangs up early just ends its connection.
            let _ = echo_one(stream, info, delay, log).await;
        }
    })
    .await
}

async fn echo_one(
    mut stream: Stream,
    info: ConnInfo,
    delay: Duration,
    log: RequestLog,
) -> io::Result<()> {
    let mut buf = Vec::with_capacity(4096);
    let head_end = loop {
        if let Some(end) = head::head_end(&buf) {
            break end;
        }
        if read_more(&mut stream, &mut buf).await? == 0 {
            return Ok(());
        }
    };
    let Some(head) = head::parse_head(&buf[..head_end]) else {
        return stream
            .write_all(b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n")
            .await;
    };
    if head
        .header("expect")
        .is_some_and(|e| e.eq_ignore_ascii_case("100-continue"))
    {
        stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").await?;
    }
    let (body, total) = read_body(&mut stream, &mut buf, head_end, head.framing()).await?;
    let raw = buf[..total].to_vec();
    let is_head = head.method.eq_ignore_ascii_case("HEAD");
    log.record(recorded(head, body, &info));
    tokio::time::sleep(delay).await;
    stream.write_all(&response(&raw, is_head)).await?;
    stream.shutdown().await
}

/// Reads the body after the head; returns it (transfer-decoded) and where the request ends.
async fn read_body(
    stream: &mut Stream,
    buf: &mut Vec<u8>,
    head_end: usize,
    framing: Framing,
) -> io::Result<(Vec<u8>, usize)> {
    match framing {
        Framing::Empty => Ok((Vec::new(), head_end)),
        Framing::Length(length) => {
            let end = head_end.saturating_add(length).min(MAX_REQUEST);
            while buf.len() < end {
                if read_more(stream, buf).await? == 0 {
                    break;
                }
            }
            let end = end.min(buf.len());
            Ok((buf[head_end..end].to_vec(), end))
        }
        Framing::Chunked => loop {
            if let Some((decoded, used)) = head::decode_chunked(&buf[head_end..]) {
                return Ok((decoded, head_end + used));
            }
            if buf.len() >= MAX_REQUEST || read_more(stream, buf).await? == 0 {
                return Ok((buf[head_end..].to_vec(), buf.len()));
            }
        },
    }
}

async fn read_more(stream: &mut Stream, buf: &mut Vec<u8>) -> io::Result<usize> {
    let mut chunk = [0u8; 16 * 1024];
    let n = stream.read(&mut chunk).await?;
    buf.extend_from_slice(&chunk[..n]);
    Ok(n)
}

fn recorded(head: RawHead, body: Vec<u8>, info: &ConnInfo) -> RecordedRequest {
    RecordedRequest {
        method: head.method,
        target: head.target,
        headers: head.headers,
        body: Bytes::from(body),
        tls: info.tls,
        sni: info.sni.clone(),
    }
}

/// The whole answer: status line, headers (the raw request as a JSON string), body.
fn response(raw: &[u8], is_head: bool) -> Vec<u8> {
    let text = String::from_utf8_lossy(raw);
    let json = serde_json::Value::String(text.into_owned()).to_string();
    let mut out = Vec::with_capacity(raw.len() * 2 + 128);
    out.extend_from_slice(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nraw-request: ");
    out.extend_from_slice(json.as_bytes());
    if !is_head {
        out.extend_from_slice(format!("\r\nContent-Length: {}", raw.len()).as_bytes());
    }
    out.extend_from_slice(b"\r\nConnection: close\r\n\r\n");
    if !is_head {
        out.extend_from_slice(raw);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn response_carries_the_request_twice_except_for_head() {
        let raw = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n";
        let out = String::from_utf8(response(raw, false)).expect("utf8");
        assert!(out.contains("raw-request: \"GET / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n\"\r\n"));
        assert!(out.ends_with("\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        assert!(out.contains("Content-Length: 27\r\n"));
        let head = String::from_utf8(response(raw, true)).expect("utf8");
        assert!(head.ends_with("Connection: close\r\n\r\n"));
        assert!(!head.contains("Content-Length"));
    }
}
