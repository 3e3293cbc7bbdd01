//! `postie mock <server>`: serve a local stand-in in the foreground until Ctrl-C: `echo`
//! (postman-echo.com's routes), `raw-echo` and `redirect` (the two servers Newman's own suites use),
//! `pingone` (PingOne's auth and management APIs for the workflow library, with a demo tenant).

use crate::mock::pingone::PingOneConfig;
use crate::mock::{self, MockKind, MockOptions, RequestLog};
use crate::output::{ColorChoice, Diagnostic, Output};
use clap::{Args, Subcommand};
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct MockArgs {
    #[command(subcommand)]
    pub server: MockServerArgs,
}

#[derive(Debug, Clone, Subcommand)]
pub enum MockServerArgs {
    /// postman-echo.com's routes (/get, /post, /status/N, /cookies, /digest-auth, …)
    Echo(Listen),
    /// Newman's raw echo: answers 200 with the raw request bytes as the body
    RawEcho(Listen),
    /// Newman's redirect server: /N redirects to /N-1, /status/NNN, anything else echoes
    Redirect(Listen),
    /// PingOne's auth and management APIs for the workflow library, with a demo tenant
    #[command(name = "pingone")]
    PingOne(PingOneListen),
}

#[derive(Debug, Clone, Args)]
pub struct PingOneListen {
    /// Port to listen on (0: any free port; environments/pingone-demo expects 8787)
    #[arg(long, default_value_t = mock::pingone::DEMO_PORT)]
    pub port: u16,
    /// Address to bind
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
}

#[derive(Debug, Clone, Args)]
pub struct Listen {
    /// Port to listen on (0: any free port)
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Address to bind
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
}

pub fn run(args: MockArgs) -> ExitCode {
    let out = Output::new(ColorChoice::Auto);
    let (kind, name, listen) = match args.server {
        MockServerArgs::Echo(l) => (Some(MockKind::Echo), "echo", l),
        MockServerArgs::RawEcho(l) => (Some(MockKind::RawEcho), "raw-echo", l),
        MockServerArgs::Redirect(l) => (Some(MockKind::Redirect), "redirect", l),
        MockServerArgs::PingOne(l) => (
            None,
            "pingone",
            Listen {
                port: l.port,
                host: l.host,
            },
        ),
    };
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            out.error(&Diagnostic::new(format!(
                "could not start the async runtime: {e}"
            )));
            return ExitCode::from(1);
        }
    };
    let result: std::io::Result<()> = rt.block_on(async {
        let listener = tokio::net::TcpListener::bind((listen.host.as_str(), listen.port)).await?;
        let addr = listener.local_addr()?;
        out.raw_out(&format!("postie mock {name} listening on http://{addr}\n"));
        let server = async {
            match kind {
                Some(kind) => {
                    mock::serve(
                        kind,
                        listener,
                        MockOptions::default(),
                        RequestLog::bounded(1000),
                    )
                    .await
                }
                None => {
                    let config = PingOneConfig::default();
                    out.raw_out(&pingone_banner(addr, &config));
                    let log = RequestLog::bounded(1000);
                    mock::pingone::serve_pingone(listener, MockOptions::default(), config, log)
                        .await
                }
            }
        };
        tokio::select! {
            r = server => r,
            _ = tokio::signal::ctrl_c() => Ok(()),
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            out.error(
                &Diagnostic::new(format!("the {name} server stopped: {e}"))
                    .hint("is the port already in use? try --port 0"),
            );
            ExitCode::from(1)
        }
    }
}

/// The demo tenant's values, as `--env-var` flags for the template environment.
fn pingone_banner(addr: std::net::SocketAddr, c: &PingOneConfig) -> String {
    let vars = [
        ("authPath", format!("http://{addr}")),
        ("apiPath", format!("http://{addr}/v1")),
        ("adminEnvID", c.admin_env_id.clone()),
        ("adminAppID", c.admin_app_id.clone()),
        ("adminAppSecret", c.admin_app_secret.clone()),
        ("envID", c.env_id.clone()),
    ];
    let mut text =
        String::from("demo tenant (pass to postie run with the template environment):\n");
    for (key, value) in vars {
        text.push_str(&format!("  --env-var {key}={value}\n"));
    }
    text.push_str(
        "or use -e environments/pingone-demo.postman_environment.json (port 8787), \
         which also carries the demo privateKey for PRIVATE_KEY_JWT\n",
    );
    text
}
