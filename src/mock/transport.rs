//! Connections: the accept loop, plain-or-TLS detection on one port, and a read tap that keeps the
//! bytes of HTTP/1 request heads so the original header case and order can be recorded.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::server::TlsStream;
use tokio_rustls::TlsAcceptor;

use super::head::{self, Framing, RawHead};

/// The first byte of a TLS record carrying a handshake.
const TLS_HANDSHAKE: u8 = 0x16;

/// What is known about a connection before any request is read.
#[derive(Clone, Debug)]
pub(crate) struct ConnInfo {
    pub tls: bool,
    pub sni: Option<String>,
    pub peer: SocketAddr,
}

/// A plain or TLS connection.
/// A plain or TLS connection as the mock servers accept it (the client's stream type, with the
/// server side of TLS).
pub(crate) type Stream = crate::http::stream::Stream<TlsStream<TcpStream>>;

/// Accepts connections forever, spawning `handle` for each one.
///
/// Accept errors (aborted handshakes, descriptor exhaustion) are transient for a test server: it
/// pauses briefly and keeps accepting.
pub(crate) async fn accept_loop<F, Fut>(
    listener: TcpListener,
    tls: Option<Arc<rustls::ServerConfig>>,
    handle: F,
) -> io::Result<()>
where
    F: Fn(Stream, ConnInfo) -> Fut + Clone + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let acceptor = tls.map(TlsAcceptor::from);
    loop {
        let (tcp, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let acceptor = acceptor.clone();
        let handle = handle.clone();
        tokio::spawn(async move {
            if let Ok((stream, info)) = open(tcp, peer, acceptor.as_ref()).await {
                handle(stream, info).await;
            }
        });
    }
}

/// Peeks at the first byte: a TLS handshake is accepted with `acceptor`, anything else is plain.
async fn open(
    tcp: TcpStream,
    peer: SocketAddr,
    acceptor: Option<&TlsAcceptor>,
) -> io::Result<(Stream, ConnInfo)> {
    let _ = tcp.set_nodelay(true);
    if let Some(acceptor) = acceptor {
        let mut first = [0u8; 1];
        if tcp.peek(&mut first).await? == 1 && first[0] == TLS_HANDSHAKE {
            let tls = acceptor.accept(tcp).await?;
            let sni = tls.get_ref().1.server_name().map(str::to_owned);
            let info = ConnInfo {
                tls: true,
                sni,
                peer,
            };
            return Ok((Stream::Tls(Box::new(tls)), info));
        }
    }
    Ok((
        Stream::Plain(tcp),
        ConnInfo {
            tls: false,
            sni: None,
            peer,
        },
    ))
}

/// The bytes read from one connection that have not yet been matched to a request head.
#[derive(Debug, Default)]
pub(crate) struct HeadTap {
    state: Mutex<TapState>,
    off: AtomicBool,
}

#[derive(Debug, Default)]
struct TapState {
    pending: Vec<u8>,
    /// Bytes of the last request's `Content-Length` body still to arrive: dropped, never stored.
    skip: usize,
    /// The last request's body is chunked: decoded away before the next head is looked for.
    chunked: bool,
}

impl HeadTap {
    /// Stops recording (HTTP/2 has no textual heads to find).
    pub fn disable(&self) {
        self.off.store(true, Ordering::Relaxed);
        self.lock().pending.clear();
    }

    /// Finds the head of the request `method target` among the bytes read so far, returns it parsed
    /// and forgets everything up to its end. The previous request's body is skipped by its framing;
    /// failing an exact match, the first line starting with `method ` is taken.
    pub fn take_head(&self, method: &str, target: &str) -> Option<RawHead> {
        let mut state = self.lock();
        if std::mem::take(&mut state.chunked) {
            let used = head::decode_chunked(&state.pending).map_or(0, |(_, used)| used);
            state.pending.drain(..used);
        }
        let leftover = std::mem::take(&mut state.skip).min(state.pending.len());
        state.pending.drain(..leftover);
        let pending = &state.pending;
        let exact = format!("{method} {target} HTTP/1.");
        let start = line_start(pending, exact.as_bytes())
            .or_else(|| line_start(pending, format!("{method} ").as_bytes()))?;
        let end = start + head::head_end(&pending[start..])?;
        let parsed = head::parse_head(&pending[start..end]);
        state.pending.drain(..end);
        match parsed.as_ref().map(RawHead::framing) {
            Some(Framing::Length(length)) => {
                let buffered = length.min(state.pending.len());
                state.pending.drain(..buffered);
                state.skip = length - buffered;
            }
            Some(Framing::Chunked) => state.chunked = true,
            Some(Framing::Empty) | None => {}
        }
        parsed
    }

    fn push(&self, mut bytes: &[u8]) {
        if self.off.load(Ordering::Relaxed) {
            return;
        }
        let mut state = self.lock();
        let skipped = state.skip.min(bytes.len());
        state.skip -= skipped;
        bytes = &bytes[skipped..];
        state.pending.extend_from_slice(bytes);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, TapState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The first position where a line starts with `prefix`.
fn line_start(buf: &[u8], prefix: &[u8]) -> Option<usize> {
    (0..buf.len()).find(|&i| (i == 0 || buf[i - 1] == b'\n') && buf[i..].starts_with(prefix))
}

/// A stream wrapper that copies every byte read into a [`HeadTap`].
pub(crate) struct Tap<S> {
    inner: S,
    tap: Arc<HeadTap>,
}

impl<S> Tap<S> {
    pub fn new(inner: S, tap: Arc<HeadTap>) -> Self {
        Self { inner, tap }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Tap<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let polled = Pin::new(&mut this.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = polled {
            this.tap.push(&buf.filled()[before..]);
        }
        polled
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Tap<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn take_head_matches_method_and_target_and_drains() {
        let tap = HeadTap::default();
        tap.push(b"POST /a HTTP/1.1\r\nX-A: 1\r\nContent-Length: 3\r\n\r\nabc");
        tap.push(b"GET /b HTTP/1.1\r\nX-B: 2\r\nTransfer-Encoding: chunked\r\n\r\n");
        tap.push(b"3\r\nxyz\r\n0\r\n\r\nPUT /c HTTP/1.1\r\n\r\n");
        let first = tap.take_head("POST", "/a").expect("first head");
        assert_eq!(first.headers[0], ("X-A".to_string(), "1".to_string()));
        let second = tap.take_head("GET", "/b").expect("second head");
        assert_eq!(second.target, "/b");
        let third = tap
            .take_head("PUT", "/c")
            .expect("third head after a chunked body");
        assert_eq!(third.method, "PUT");
        assert!(tap.lock().pending.is_empty());
    }

    #[test]
    fn a_length_body_arriving_later_is_dropped_not_stored() {
        let tap = HeadTap::default();
        tap.push(b"POST /a HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123");
        assert!(tap.take_head("POST", "/a").is_some());
        tap.push(b"456789GET /b HTTP/1.1\r\n\r\n");
        assert_eq!(tap.lock().pending, b"GET /b HTTP/1.1\r\n\r\n");
        assert_eq!(
            tap.take_head("GET", "/b").map(|h| h.target),
            Some("/b".to_string())
        );
    }

    #[test]
    fn a_body_line_that_looks_like_a_method_is_not_a_head() {
        let tap = HeadTap::default();
        tap.push(b"xGET /b HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\nX: y\r\n\r\n");
        let head = tap.take_head("GET", "/b").expect("head");
        assert_eq!(head.header("X"), Some("y"));
    }

    #[test]
    fn disabled_tap_records_nothing() {
        let tap = HeadTap::default();
        tap.disable();
        tap.push(b"GET / HTTP/1.1\r\n\r\n");
        assert_eq!(tap.take_head("GET", "/"), None);
    }
}
