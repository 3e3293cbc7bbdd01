//! What a run is told: iterations and data, selection, timing, bail, the variable scopes it
//! starts from, and the options of the http and script stages. Built by `cli` from flags; no
//! clap type crosses into here.

use crate::http::HttpOptions;
use crate::script::SandboxOptions;
use crate::vars::VariableScope;
use indexmap::IndexMap;
use serde_json::Value;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// `--bail [failure,folder]`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bail {
    /// Stop after the first item with a failure (assertion, script or request error).
    pub failure: bool,
    /// Abort at once on a script error (Newman's `abortOnError`).
    pub folder: bool,
}

/// A handle that stops a run from outside (Ctrl-C): the run finishes the current step cleanly,
/// records that it was interrupted, and returns its summary so every report is still written.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<(AtomicBool, Notify)>);

impl Cancel {
    pub fn cancel(&self) {
        self.0 .0.store(true, Ordering::SeqCst);
        self.0 .1.notify_waiters();
    }
    pub fn is_cancelled(&self) -> bool {
        self.0 .0.load(Ordering::SeqCst)
    }
    /// Resolves once `cancel` was called.
    pub async fn cancelled(&self) {
        loop {
            let notified = self.0 .1.notified();
            if self.is_cancelled() {
                return;
            }
            notified.await;
        }
    }
}

/// Everything `run::run` needs besides the collection.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// `-n`: iterations; `None` = one per data row, or 1.
    pub iterations: Option<usize>,
    /// `-d`: iteration data rows.
    pub data: Vec<IndexMap<String, Value>>,
    /// `--folder` (repeatable): folder or request names or ids.
    pub folders: Vec<String>,
    /// `--delay-request`: wait before every item.
    pub delay_request: Duration,
    /// `--timeout`: the whole run.
    pub timeout: Option<Duration>,
    pub bail: Bail,
    pub environment: VariableScope,
    pub globals: VariableScope,
    /// `--vault FILE` secrets (`pm.vault`, `{{vault:key}}`).
    pub vault: VariableScope,
    pub http: HttpOptions,
    pub sandbox: SandboxOptions,
    /// `--cookie-jar`: a tough-cookie JSON jar to start from.
    pub cookie_jar: Option<Vec<u8>>,
    /// Keep every execution in `RunSummary::executions` (library callers; reporters stream).
    pub keep_executions: bool,
    /// Keep response bodies in request events (`--verbose`, `--reporter-json-bodies`).
    pub keep_bodies: bool,
    /// Report request timing phases (`--verbose`; Newman collects them only then).
    pub timings: bool,
    /// `--reporter-show-secrets`: do not mask secrets in events.
    pub show_secrets: bool,
    /// Keep the final cookie jar in the summary (`--export-cookie-jar`).
    pub export_cookies: bool,
    pub cancel: Cancel,
}
