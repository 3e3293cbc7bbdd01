//! The per-script state shared between the sandbox driver and the native functions the JS
//! prelude calls (`__postie.*`): scopes, request, response, collected events, pending async work.

use super::outcome::{AssertionResult, ConsoleMessage, ErrorInfo, Listen};
use crate::http::{Exchange, Response};
use crate::vars::{Scopes, VariableScope};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::time::Instant;

/// Facts about the running script (`pm.info`, `pm.execution.location`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScriptInfo {
    /// 0-based.
    pub iteration: usize,
    pub iteration_count: usize,
    pub request_name: String,
    pub request_id: String,
    /// `[collection name, folder…, item name]`.
    pub location: Vec<String>,
    /// Name of the collection, folder or item that owns the running script.
    pub current: String,
}

/// Something a script did that reports show, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum ScriptEvent {
    Console(ConsoleMessage),
    Assertion(AssertionResult),
    /// A `pm.sendRequest` round trip (or its failure).
    Request(Box<Result<Exchange, (Value, ErrorInfo)>>),
}

/// `pm.execution.setNextRequest` / `postman.setNextRequest`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextRequest {
    /// Jump to the item with this id or name.
    To(String),
    /// `null`: end the iteration.
    Stop,
}

/// Async work a script started and the driver must complete.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// `setTimeout` & co: fire at this instant.
    Timer(Instant),
    /// `pm.sendRequest`: the request as the script gave it.
    Send(Value),
    /// A host service (`cookies.get`, `vault.set`, …) with its arguments; answered on the next
    /// turn of the loop, as Postman's callback and promise APIs are.
    Host(String, Value),
}

/// Builds the request JSON a script sees, when it first asks for it.
pub type RequestSource = std::rc::Rc<dyn Fn() -> Value>;

#[derive(Default)]
pub(crate) struct State {
    pub listen: Option<Listen>,
    pub scopes: Scopes,
    pub request: Value,
    /// Builds `request` on first use when the runner gave `null` (most scripts never look).
    pub request_source: Option<RequestSource>,
    pub response: Option<Response>,
    /// Cookies of the response's URL (`pm.cookies`), as the runner gave them.
    pub cookies: Vec<Value>,
    pub info: ScriptInfo,
    pub events: Vec<ScriptEvent>,
    pub next_request: Option<NextRequest>,
    pub skip_request: bool,
    /// Ops requested since the driver last looked.
    pub new_ops: Vec<(u32, Op)>,
    pub cancelled: HashSet<u32>,
    pub next_op: u32,
    /// Timers waiting to fire: (deadline, id) → ().
    pub timers: BTreeMap<(Instant, u32), ()>,
    /// Errors of the script's async work: errors thrown in callbacks (no key) and promise
    /// rejections nobody handled yet (keyed, so a handler attached later withdraws them).
    pub unhandled: Vec<(Option<u32>, ErrorInfo)>,
    pub next_rejection: u32,
    /// Set when the script's own promise settled: `Ok` or the error it threw.
    pub finished: Option<Result<(), ErrorInfo>>,
    /// The data row as the script started, kept once it writes `pm.iterationData` (those writes
    /// last for that script only).
    pub data_backup: Option<VariableScope>,
}

impl State {
    pub fn push_op(&mut self, op: Op) -> u32 {
        self.next_op = self.next_op.wrapping_add(1);
        let id = self.next_op;
        self.new_ops.push((id, op));
        id
    }
}
