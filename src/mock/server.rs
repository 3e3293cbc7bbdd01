//! [`MockServer`]: a mock server on its own thread with its own current-thread runtime, for callers
//! that are not async (tests driving the `postie` binary, demos). It stops when dropped.

use std::io;
use std::net::SocketAddr;
use std::thread::JoinHandle;

use tokio::sync::oneshot;

use super::{serve, MockKind, MockOptions, RequestLog};

/// A running mock server.
#[derive(Debug)]
pub struct MockServer {
    /// Where it listens.
    pub addr: SocketAddr,
    /// What it received.
    pub log: RequestLog,
    /// Whether it serves TLS (besides plain HTTP) on `addr`.
    pub tls: bool,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl MockServer {
    /// Starts the postman-echo clone on `127.0.0.1:0`.
    pub fn start_echo(opts: MockOptions) -> io::Result<Self> {
        Self::start(MockKind::Echo, local_any(), opts)
    }

    /// Starts Newman's raw TCP echo on `127.0.0.1:0`.
    pub fn start_raw_echo(opts: MockOptions) -> io::Result<Self> {
        Self::start(MockKind::RawEcho, local_any(), opts)
    }

    /// Starts Newman's redirect+echo server on `127.0.0.1:0`.
    pub fn start_redirect(opts: MockOptions) -> io::Result<Self> {
        Self::start(MockKind::Redirect, local_any(), opts)
    }

    /// Starts a server of `kind` on `addr` (port 0 picks a free port).
    pub fn start(kind: MockKind, addr: SocketAddr, opts: MockOptions) -> io::Result<Self> {
        let listener = std::net::TcpListener::bind(addr)?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let log = RequestLog::new();
        let (stop, stopped) = oneshot::channel::<()>();
        let tls = opts.tls.is_some();
        let server_log = log.clone();
        let thread = std::thread::Builder::new()
            .name(format!("postie-mock-{}", addr.port()))
            .spawn(move || {
                runtime.block_on(async move {
                    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                        return;
                    };
                    tokio::select! {
                        _ = serve(kind, listener, opts, server_log) => {}
                        _ = stopped => {}
                    }
                });
            })?;
        Ok(Self {
            addr,
            log,
            tls,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn local_any() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 0))
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};

    use super::*;

    #[test]
    fn starts_answers_and_stops_on_drop() {
        let server = MockServer::start_redirect(MockOptions::default()).expect("server");
        let mut conn = std::net::TcpStream::connect(server.addr).expect("connect");
        conn.write_all(b"GET /3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .expect("write");
        let mut answer = String::new();
        conn.read_to_string(&mut answer).expect("read");
        assert!(answer.starts_with("HTTP/1.1 302"), "{answer}");
        assert!(
            answer.to_ascii_lowercase().contains("location: /2\r\n"),
            "{answer}"
        );
        assert_eq!(server.log.entries()[0].target, "/3");
        let addr = server.addr;
        drop(server);
        assert!(std::net::TcpStream::connect(addr).is_err());
    }
}
