//! What a script needs from the run around it: sending requests (`pm.sendRequest`) and the
//! synchronous services (cookie jar, vault) that live in other stages. The runner implements it.

use super::outcome::ErrorInfo;
use crate::http::Exchange;
use futures_util::future::LocalBoxFuture;
use serde_json::Value;

/// The run as seen from a script.
pub trait ScriptHost {
    /// Sends a request given as a script passed it to `pm.sendRequest` (a URL string or a request
    /// object in collection JSON shape), through the run's http stack and cookie jar.
    fn send_request(&self, request: Value) -> LocalBoxFuture<'_, Result<Exchange, ErrorInfo>>;

    /// A synchronous service call: `op` names it (`cookies.get`, `cookies.set`, `vault.get`, …),
    /// `args` carries its arguments; the result or an error message comes back as JSON.
    fn call(&self, op: &str, args: Value) -> Result<Value, String>;
}

/// A host that sends nothing and serves nothing (for tests and scriptless tools).
pub struct NoHost;

impl ScriptHost for NoHost {
    fn send_request(&self, _request: Value) -> LocalBoxFuture<'_, Result<Exchange, ErrorInfo>> {
        Box::pin(async {
            Err(ErrorInfo::new(
                "Error",
                "pm.sendRequest is not available here",
            ))
        })
    }
    fn call(&self, op: &str, _args: Value) -> Result<Value, String> {
        Err(format!("{op} is not available here"))
    }
}
