//! What a run returns: [`RunSummary`], in Newman's shape (stats, timings, failures, executions).

use super::event::{AssertionResult, Cursor, ErrorInfo, ItemRef, ResponseSummary, SentRequest};
use crate::collection::Variable;

/// One counter row of Newman's `run.stats`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stat {
    pub total: usize,
    pub pending: usize,
    pub failed: usize,
}

/// Newman's `run.stats`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub iterations: Stat,
    pub items: Stat,
    pub scripts: Stat,
    pub prerequests: Stat,
    pub requests: Stat,
    pub tests: Stat,
    pub assertions: Stat,
    pub test_scripts: Stat,
    pub prerequest_scripts: Stat,
}

/// Newman's `run.timings` (milliseconds; `started`/`completed` are epoch milliseconds).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timings {
    pub response_average: f64,
    pub response_min: f64,
    pub response_max: f64,
    pub response_sd: f64,
    pub dns_average: f64,
    pub dns_min: f64,
    pub dns_max: f64,
    pub dns_sd: f64,
    pub first_byte_average: f64,
    pub first_byte_min: f64,
    pub first_byte_max: f64,
    pub first_byte_sd: f64,
    pub started: i64,
    pub completed: i64,
}

/// One item run: what was sent, what came back, what the scripts said.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Execution {
    pub item: ItemRef,
    pub cursor: Cursor,
    /// `None` when the request was skipped (`pm.execution.skipRequest`) or could not be built.
    pub request: Option<SentRequest>,
    pub response: Option<ResponseSummary>,
    pub request_error: Option<ErrorInfo>,
    pub assertions: Vec<AssertionResult>,
    pub prerequest_errors: Vec<ErrorInfo>,
    pub test_errors: Vec<ErrorInfo>,
    /// True when a pre-request script skipped the request.
    pub skipped: bool,
}

/// Where a failure happened, as Newman's `failure.at` says it.
#[derive(Debug, Clone, PartialEq)]
pub enum FailureAt {
    /// `assertion:<index> in test-script` (or prerequest-script).
    Assertion {
        index: usize,
        listen: super::event::Listen,
    },
    /// `test-script` / `prerequest-script`, optionally with `:line:col`.
    Script {
        listen: super::event::Listen,
        position: Option<(u32, u32)>,
    },
    /// `request`.
    Request,
}

impl std::fmt::Display for FailureAt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FailureAt::Assertion { index, listen } => {
                write!(f, "assertion:{index} in {}", listen.script_name())
            }
            FailureAt::Script {
                listen,
                position: None,
            } => f.write_str(listen.script_name()),
            FailureAt::Script {
                listen,
                position: Some((l, c)),
            } => {
                write!(f, "{}:{l}:{c}", listen.script_name())
            }
            FailureAt::Request => f.write_str("request"),
        }
    }
}

/// An entry of Newman's `run.failures`.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub error: ErrorInfo,
    /// The assertion name, for assertion failures.
    pub test: Option<String>,
    pub at: FailureAt,
    pub item: ItemRef,
    pub cursor: Cursor,
}

/// Why a run ended before it finished every item, if it did.
#[derive(Debug, Clone, PartialEq)]
pub enum Abort {
    /// `--timeout` elapsed.
    Timeout { after_ms: u64 },
    /// Ctrl-C.
    Interrupted,
    /// `--bail` stopped at the first failure.
    Bail,
    /// `--bail folder` on a script error: Newman's abortOnError.
    Error(ErrorInfo),
}

/// Final values of the variable scopes a run can change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FinalScopes {
    pub environment: Vec<Variable>,
    pub environment_name: Option<String>,
    pub environment_id: Option<String>,
    pub globals: Vec<Variable>,
    pub globals_id: Option<String>,
    pub collection: Vec<Variable>,
    /// The cookie jar in tough-cookie JSON, when `RunOptions::export_cookies` asked for it.
    pub cookies: Option<serde_json::Value>,
}

/// What `run::run` returns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunSummary {
    pub collection_name: String,
    pub collection_id: String,
    pub stats: Stats,
    pub timings: Timings,
    pub failures: Vec<Failure>,
    /// Every execution, kept only when `RunOptions::keep_executions` is set (reporters stream
    /// them from events instead).
    pub executions: Vec<Execution>,
    /// Sum of response body sizes (Newman's `run.transfers.responseTotal`).
    pub response_total: u64,
    pub abort: Option<Abort>,
    pub scopes: FinalScopes,
}

impl RunSummary {
    /// True when anything failed or the run was cut short (Newman exits 1 then).
    pub fn failed(&self) -> bool {
        !self.failures.is_empty() || self.abort.is_some()
    }
}
