//! Serving: [`serve_pingone`] on a caller's listener (plain HTTP, or TLS too when the options
//! carry a config), and [`PingOneServer`], the same on a background thread for callers that are
//! not async (tests, `postie demo`).

use std::convert::Infallible;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::thread::JoinHandle;

use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use super::routes;
use super::state::{PingOneConfig, Shared};
use crate::mock::http::read_exchange;
use crate::mock::reply;
use crate::mock::transport::{self, ConnInfo, HeadTap, Stream, Tap};
use crate::mock::MockOptions;
use crate::mock::RequestLog;

/// Serves the PingOne stand-in for `config` on `listener` until the task is dropped.
pub async fn serve_pingone(
    listener: TcpListener,
    opts: MockOptions,
    config: PingOneConfig,
    log: RequestLog,
) -> io::Result<()> {
    serve_shared(listener, opts, Shared::new(&config), log).await
}

async fn serve_shared(
    listener: TcpListener,
    opts: MockOptions,
    shared: Shared,
    log: RequestLog,
) -> io::Result<()> {
    transport::accept_loop(listener, opts.tls, move |stream, info| {
        serve_connection(stream, info, log.clone(), shared.clone())
    })
    .await
}

async fn serve_connection(stream: Stream, info: ConnInfo, log: RequestLog, shared: Shared) {
    let tap = Arc::new(HeadTap::default());
    let io = TokioIo::new(Tap::new(stream, tap.clone()));
    let info = Arc::new(info);
    let service = service_fn(move |req| {
        let (tap, info, log, shared) = (tap.clone(), info.clone(), log.clone(), shared.clone());
        async move {
            let Some(exchange) = read_exchange(req, &tap, &info).await else {
                return Ok::<_, Infallible>(reply::text(413, "Payload Too Large"));
            };
            log.record(exchange.recorded());
            Ok(routes::respond(&shared, &exchange))
        }
    });
    // A client hanging up mid-request is not an error worth reporting.
    let _ = auto::Builder::new(TokioExecutor::new())
        .serve_connection(io, service)
        .await;
}

/// The stand-in on its own thread and runtime; it stops when dropped.
#[derive(Debug)]
pub struct PingOneServer {
    /// Where it listens.
    pub addr: SocketAddr,
    /// What it received.
    pub log: RequestLog,
    /// The tenant it started with.
    pub config: PingOneConfig,
    shared: Shared,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl PingOneServer {
    /// Starts the demo tenant on `127.0.0.1:0`.
    pub fn start() -> io::Result<Self> {
        Self::start_on(
            SocketAddr::from(([127, 0, 0, 1], 0)),
            MockOptions::default(),
            PingOneConfig::default(),
        )
    }

    /// Starts `config` on `addr` (port 0 picks a free port).
    pub fn start_on(
        addr: SocketAddr,
        opts: MockOptions,
        config: PingOneConfig,
    ) -> io::Result<Self> {
        let listener = std::net::TcpListener::bind(addr)?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let (log, shared) = (RequestLog::new(), Shared::new(&config));
        let (stop, stopped) = oneshot::channel::<()>();
        let (server_log, server_shared) = (log.clone(), shared.clone());
        let thread = std::thread::Builder::new()
            .name(format!("postie-pingone-{}", addr.port()))
            .spawn(move || {
                runtime.block_on(async move {
                    let Ok(listener) = TcpListener::from_std(listener) else {
                        return;
                    };
                    tokio::select! {
                        _ = serve_shared(listener, opts, server_shared, server_log) => {}
                        _ = stopped => {}
                    }
                });
            })?;
        Ok(PingOneServer {
            addr,
            log,
            config,
            shared,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// `authPath`: `http://127.0.0.1:PORT`.
    pub fn auth_path(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `apiPath`: `http://127.0.0.1:PORT/v1`.
    pub fn api_path(&self) -> String {
        format!("http://{}/v1", self.addr)
    }

    /// The template environment's variables for this server: `authPath`, `apiPath`,
    /// `adminEnvID`, `adminAppID`, `adminAppSecret`, `envID` (as `--env-var` pairs).
    pub fn env_vars(&self) -> Vec<(String, String)> {
        let c = &self.config;
        [
            ("authPath", self.auth_path()),
            ("apiPath", self.api_path()),
            ("adminEnvID", c.admin_env_id.clone()),
            ("adminAppID", c.admin_app_id.clone()),
            ("adminAppSecret", c.admin_app_secret.clone()),
            ("envID", c.env_id.clone()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    }

    /// The client secret issued to application `app_id`, even after it was deleted.
    pub fn client_secret(&self, app_id: &str) -> Option<String> {
        self.shared.lock().secrets.get(app_id).cloned()
    }

    /// How many applications and users exist now (besides the worker application).
    pub fn resource_counts(&self) -> (usize, usize) {
        let state = self.shared.lock();
        let apps = state
            .apps
            .keys()
            .filter(|id| **id != self.config.admin_app_id);
        (apps.count(), state.users.len())
    }
}

impl Drop for PingOneServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_with_the_demo_tenant_and_stops_on_drop() {
        let server = PingOneServer::start().expect("server");
        let vars = server.env_vars();
        let get = |k: &str| {
            vars.iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(get("authPath"), Some(server.auth_path()));
        assert_eq!(get("apiPath"), Some(format!("{}/v1", server.auth_path())));
        assert_eq!(get("envID").as_deref(), Some(super::super::DEMO_ENV_ID));
        assert_eq!(server.resource_counts(), (0, 0));
        assert_eq!(
            server
                .client_secret(super::super::DEMO_ADMIN_APP_ID)
                .as_deref(),
            Some(super::super::DEMO_ADMIN_APP_SECRET)
        );
        let addr = server.addr;
        assert!(std::net::TcpStream::connect(addr).is_ok());
        drop(server);
        assert!(std::net::TcpStream::connect(addr).is_err());
    }
}
