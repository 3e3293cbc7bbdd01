//! Dialing: name resolution and TCP connect (timed separately, failures in Node's words:
//! `getaddrinfo ENOTFOUND host`, `connect ECONNREFUSED 127.0.0.1:1`), the `CONNECT` tunnel
//! through a proxy, and TLS handshake failures mapped to Node's messages.

use super::error::RequestError;
use super::proxy::{self, Route};
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::time::Instant;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The addresses of `host:port` and how long the lookup took (ms).
pub(crate) async fn resolve(host: &str, port: u16) -> Result<(Vec<SocketAddr>, f64), RequestError> {
    let started = Instant::now();
    let addrs: Vec<SocketAddr> = match host.parse::<IpAddr>() {
        Ok(ip) => vec![SocketAddr::new(ip, port)],
        // A name no DNS server can hold (a space, a control character …) fails here, without a
        // query leaving the machine; the message is the one a failed lookup gives.
        Err(_) if !dns_name(host) => Vec::new(),
        Err(_) => tokio::net::lookup_host((host, port))
            .await
            .map(|a| a.collect())
            .unwrap_or_default(),
    };
    if addrs.is_empty() {
        return Err(RequestError::Connect(format!(
            "getaddrinfo ENOTFOUND {host}"
        )));
    }
    Ok((addrs, ms(started)))
}

/// Whether `host` can be a DNS name at all (ASCII letters, digits, `-`, `_`, `.`; IDNs arrive
/// punycoded).
fn dns_name(host: &str) -> bool {
    !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

pub(crate) fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

/// Connects to the first address that answers.
pub(crate) async fn tcp(addrs: &[SocketAddr]) -> Result<TcpStream, RequestError> {
    let mut last = String::new();
    for addr in addrs {
        match TcpStream::connect(addr).await {
            Ok(s) => {
                let _ = s.set_nodelay(true);
                return Ok(s);
            }
            Err(e) => last = connect_error(&e, *addr),
        }
    }
    Err(RequestError::Connect(last))
}

/// `connect ECONNREFUSED 127.0.0.1:8080`, as Node words it.
fn connect_error(e: &io::Error, addr: SocketAddr) -> String {
    use io::ErrorKind as K;
    let code = match e.kind() {
        K::ConnectionRefused => "ECONNREFUSED",
        K::TimedOut => "ETIMEDOUT",
        K::HostUnreachable => "EHOSTUNREACH",
        K::NetworkUnreachable => "ENETUNREACH",
        K::AddrNotAvailable => "EADDRNOTAVAIL",
        K::PermissionDenied => "EACCES",
        K::ConnectionReset => "ECONNRESET",
        _ => return format!("connect {e} {}:{}", addr.ip(), addr.port()),
    };
    format!("connect {code} {}:{}", addr.ip(), addr.port())
}

pub(crate) fn tls_error(e: io::Error) -> RequestError {
    if let Some(inner) = e.get_ref() {
        if let Some(r) = inner.downcast_ref::<rustls::Error>() {
            return RequestError::Tls(match r {
                rustls::Error::General(s) => s.clone(),
                other => other.to_string(),
            });
        }
    }
    if e.kind() == io::ErrorKind::UnexpectedEof {
        return RequestError::Tls(
            "Client network socket disconnected before secure TLS connection was established"
                .to_string(),
        );
    }
    RequestError::Tls(e.to_string())
}

/// `CONNECT host:port` through the proxy `route`.
pub(crate) async fn tunnel(
    mut tcp: TcpStream,
    host: &str,
    port: u16,
    route: &Route,
) -> Result<TcpStream, RequestError> {
    let authority = if host.contains(':') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    };
    let mut req = format!("CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n");
    if let Some(a) = route.auth.as_ref().and_then(|a| a.to_str().ok()) {
        req.push_str(&format!("Proxy-Authorization: {a}\r\n"));
    }
    req.push_str("\r\n");
    let fail = |e: io::Error| {
        RequestError::Connect(format!(
            "tunneling socket could not be established, cause={e}"
        ))
    };
    tcp.write_all(req.as_bytes()).await.map_err(fail)?;
    let mut buf = Vec::with_capacity(256);
    let mut chunk = [0u8; 256];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = tcp.read(&mut chunk).await.map_err(fail)?;
        if n == 0 || buf.len() > 16 * 1024 {
            return Err(fail(io::ErrorKind::UnexpectedEof.into()));
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let status = buf.split(|&c| c == b' ').nth(1).unwrap_or(b"");
    if status != b"200" {
        return Err(proxy::refused(&String::from_utf8_lossy(status), route));
    }
    Ok(tcp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connect_error_text() {
        let e = io::Error::from(io::ErrorKind::ConnectionRefused);
        assert_eq!(
            connect_error(&e, "127.0.0.1:1".parse().unwrap()),
            "connect ECONNREFUSED 127.0.0.1:1"
        );
        assert_eq!(
            connect_error(&e, "[::1]:80".parse().unwrap()),
            "connect ECONNREFUSED ::1:80"
        );
    }
}
