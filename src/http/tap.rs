//! A transport wrapper that keeps a copy of each response head as it is read, so the response's
//! status line and headers can be reported exactly as the server sent them (original case, wire
//! order, duplicates in place), which hyper's `HeaderMap` does not keep. On the way out it can put
//! a request target on the wire that `http::Uri` would refuse (what `disableUrlEncoding` sends:
//! `<`, `>`, `` ` ``, latin1 bytes, `#` inside a `{{variable}}`), in place of the stand-in hyper
//! wrote.

use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// Heads larger than this are not captured (the parsed headers are used instead).
const MAX_HEAD: usize = 256 * 1024;

/// The captured bytes of the current response head, and the request target to write.
#[derive(Debug, Default)]
pub(crate) struct Tap {
    buf: Vec<u8>,
    capturing: bool,
    head_len: Option<usize>,
    /// The exact request target for the next request line written.
    target: Option<Vec<u8>>,
    /// Bytes taken from hyper (a rewritten head) and not yet written to the transport.
    out: Vec<u8>,
}

impl Tap {
    /// Call before sending a request on the connection.
    pub fn start(&mut self) {
        self.buf.clear();
        self.capturing = true;
        self.head_len = None;
    }

    /// Call before sending a request whose target is `target` (each character one byte, as Node
    /// writes it): when the request line hyper writes carries anything else (a percent-encoded
    /// stand-in), the target is replaced by these bytes on the wire. Absolute-form targets (for a
    /// proxy) keep their `scheme://authority`.
    pub fn send_target(&mut self, target: &str) {
        self.target = super::urlenc::wire_bytes(target);
    }

    /// The final (non-1xx) head once read, `\r\n\r\n` included.
    pub fn take_head(&mut self) -> Option<Vec<u8>> {
        let n = self.head_len.take()?;
        self.buf.truncate(n);
        Some(std::mem::take(&mut self.buf))
    }

    fn feed(&mut self, data: &[u8]) {
        if !self.capturing {
            return;
        }
        let from = self.buf.len().saturating_sub(3);
        self.buf.extend_from_slice(data);
        let mut search = from;
        while let Some(end) = find_end(&self.buf[search..]).map(|p| search + p) {
            if is_informational(&self.buf) {
                self.buf.drain(..end);
                search = 0;
                continue;
            }
            self.head_len = Some(end);
            self.capturing = false;
            return;
        }
        if self.buf.len() > MAX_HEAD {
            self.capturing = false;
            self.buf.clear();
        }
    }
}

fn find_end(b: &[u8]) -> Option<usize> {
    b.windows(4).position(|w| w == b"\r\n\r\n").map(|p| p + 4)
}

fn is_informational(head: &[u8]) -> bool {
    head.splitn(3, |&c| c == b' ')
        .nth(1)
        .is_some_and(|code| code.first() == Some(&b'1') && code.len() == 3)
}

/// Status line reason and headers parsed from a captured head.
pub(crate) fn parse_head(head: &[u8]) -> (String, Vec<(String, String)>) {
    let text = String::from_utf8_lossy(head);
    let mut lines = text.split("\r\n");
    let reason = lines
        .next()
        .and_then(|l| l.splitn(3, ' ').nth(2))
        .unwrap_or("")
        .to_string();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.to_string(), v.trim().to_string()))
        .collect();
    (reason, headers)
}

/// `io` with every read copied into the shared [`Tap`] while a head is being captured.
pub(crate) struct TapIo<S> {
    pub io: S,
    pub tap: Arc<Mutex<Tap>>,
}

impl<S: AsyncRead + Unpin> AsyncRead for TapIo<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let res = Pin::new(&mut self.io).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = res {
            let new = &buf.filled()[before..];
            if !new.is_empty() {
                if let Ok(mut t) = self.tap.lock() {
                    t.feed(new);
                }
            }
        }
        res
    }
}

/// `buf` with the target of its request line replaced by `target`, when `buf` starts with a
/// request line whose target differs.
fn rewrite_request_line(buf: &[u8], target: &[u8]) -> Option<Vec<u8>> {
    let line_end = buf.windows(2).position(|w| w == b"\r\n")?;
    let line = &buf[..line_end];
    let first = line.iter().position(|&b| b == b' ')? + 1;
    let last = line.iter().rposition(|&b| b == b' ')?;
    if last <= first || !line[last + 1..].starts_with(b"HTTP/") {
        return None;
    }
    let sent = &line[first..last];
    // Absolute form (to a proxy): keep `scheme://authority`, replace from the path on.
    let keep = if sent.starts_with(b"/") {
        0
    } else {
        let i = sent.windows(3).position(|w| w == b"://")? + 3;
        i + sent[i..].iter().position(|&b| b == b'/')?
    };
    if &sent[keep..] == target {
        return None;
    }
    let mut out = Vec::with_capacity(buf.len() + target.len());
    out.extend_from_slice(&buf[..first + keep]);
    out.extend_from_slice(target);
    out.extend_from_slice(&buf[last..]);
    Some(out)
}

impl<S: AsyncWrite + Unpin> TapIo<S> {
    /// Writes out what a rewrite left pending; `Ready(Ok)` once nothing is left.
    fn drain(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let tap = self.tap.clone();
        let Ok(mut t) = tap.lock() else {
            return Poll::Ready(Ok(()));
        };
        while !t.out.is_empty() {
            match Pin::new(&mut self.io).poll_write(cx, &t.out) {
                Poll::Ready(Ok(0)) => return Poll::Ready(Err(io::ErrorKind::WriteZero.into())),
                Poll::Ready(Ok(n)) => {
                    t.out.drain(..n);
                }
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Pending => return Poll::Pending,
            }
        }
        Poll::Ready(Ok(()))
    }

    /// When a target is waiting and `buf` is the head of that request: takes all of `buf`,
    /// rewritten, to be written by [`Self::drain`]. `None` to write `buf` as it is.
    fn take_head(&mut self, buf: &[u8]) -> Option<usize> {
        let mut t = self.tap.lock().ok()?;
        let target = t.target.take()?;
        t.out = rewrite_request_line(buf, &target)?;
        Some(buf.len())
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for TapIo<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        std::task::ready!(self.drain(cx))?;
        if let Some(n) = self.take_head(buf) {
            return Poll::Ready(Ok(n));
        }
        Pin::new(&mut self.io).poll_write(cx, buf)
    }
    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        std::task::ready!(self.drain(cx))?;
        if let Some(first) = bufs.iter().find(|b| !b.is_empty()) {
            if let Some(n) = self.take_head(first) {
                return Poll::Ready(Ok(n));
            }
        }
        Pin::new(&mut self.io).poll_write_vectored(cx, bufs)
    }
    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        std::task::ready!(self.drain(cx))?;
        Pin::new(&mut self.io).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        std::task::ready!(self.drain(cx))?;
        Pin::new(&mut self.io).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_final_head_across_chunks() {
        let mut t = Tap::default();
        t.start();
        t.feed(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 Fine\r\nX-A: 1\r");
        assert!(t.take_head().is_none());
        t.feed(b"\nset-Cookie: a=b\r\n\r\nbody");
        let head = t.take_head().unwrap();
        let (reason, headers) = parse_head(&head);
        assert_eq!(reason, "Fine");
        assert_eq!(
            headers,
            vec![
                ("X-A".to_string(), "1".to_string()),
                ("set-Cookie".to_string(), "a=b".to_string())
            ]
        );
    }

    #[test]
    fn rewrites_only_a_differing_request_target() {
        let head = b"GET /a%3Cb%3E?q=%E9 HTTP/1.1\r\nHost: h\r\n\r\n";
        assert_eq!(
            rewrite_request_line(head, b"/a<b>?q=\xe9").as_deref(),
            Some(&b"GET /a<b>?q=\xe9 HTTP/1.1\r\nHost: h\r\n\r\n"[..])
        );
        assert_eq!(rewrite_request_line(head, b"/a%3Cb%3E?q=%E9"), None);
        let proxied = b"GET http://h:1/%60 HTTP/1.1\r\n\r\n";
        assert_eq!(
            rewrite_request_line(proxied, b"/`").as_deref(),
            Some(&b"GET http://h:1/` HTTP/1.1\r\n\r\n"[..])
        );
        assert_eq!(rewrite_request_line(b"body bytes", b"/x"), None);
        let query_url = b"GET /r?u=http://h/%7B HTTP/1.1\r\n\r\n";
        assert_eq!(
            rewrite_request_line(query_url, b"/r?u=http://h/{").as_deref(),
            Some(&b"GET /r?u=http://h/{ HTTP/1.1\r\n\r\n"[..])
        );
    }

    #[tokio::test]
    async fn writes_the_rewritten_head_then_the_rest() {
        use tokio::io::AsyncWriteExt;
        let tap = Arc::new(Mutex::new(Tap::default()));
        let mut io = TapIo {
            io: Vec::new(),
            tap: tap.clone(),
        };
        tap.lock().unwrap().send_target("/\"<\u{e9}>");
        io.write_all(b"GET /%22%3C%C3%A9%3E HTTP/1.1\r\n\r\n")
            .await
            .unwrap();
        io.write_all(b"body").await.unwrap();
        io.write_all(b"GET /%3C HTTP/1.1\r\n\r\n").await.unwrap();
        io.flush().await.unwrap();
        assert_eq!(
            io.io,
            b"GET /\"<\xe9> HTTP/1.1\r\n\r\nbodyGET /%3C HTTP/1.1\r\n\r\n".to_vec()
        );
    }
}
