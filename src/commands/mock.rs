//! `postie mock <server>`: serve a local stand-in in the foreground until Ctrl-C: `echo`
//! (postman-echo.com's routes), `raw-echo` and `redirect` (the two servers Newman's own suites use).

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
        MockServerArgs::Echo(l) => (MockKind::Echo, "echo", l),
        MockServerArgs::RawEcho(l) => (MockKind::RawEcho, "raw-echo", l),
        MockServerArgs::Redirect(l) => (MockKind::Redirect, "redirect", l),
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
        tokio::select! {
            r = mock::serve(kind, listener, MockOptions::default(), RequestLog::new()) => r,
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
