//! A transport wrapper that keeps a copy of each response head as it is read, so the response's
//! status line and headers can be reported exactly as the server sent them (original case, wire
//! order, duplicates in place), which hyper's `HeaderMap` does not keep.

use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// Heads larger than this are not captured (the parsed headers are used instead).
const MAX_HEAD: usize = 256 * 1024;

/// The captured bytes of the current response head.
#[derive(Debug, Default)]
pub(crate) struct Tap {
    buf: Vec<u8>,
    capturing: bool,
    head_len: Option<usize>,
}

impl Tap {
    /// Call before sending a request on the connection.
    pub fn start(&mut self) {
        self.buf.clear();
        self.capturing = true;
        self.head_len = None;
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

impl<S: AsyncWrite + Unpin> AsyncWrite for TapIo<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write(cx, buf)
    }
    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write_vectored(cx, bufs)
    }
    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
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
}
