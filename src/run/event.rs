//! What a run tells its listeners, in order: [`RunEvent`]. Reporters (and `compare`) consume
//! these; the runner never prints.

use super::summary::Execution;
pub use crate::http::{Phases, SentRequest};
pub use crate::script::outcome::{AssertionResult, ConsoleMessage, ErrorInfo, Listen};

/// Where an event happened: the item and its folder path (collection name excluded).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemRef {
    pub id: String,
    pub name: String,
    /// Names of the enclosing folders, outermost first.
    pub folders: Vec<String>,
}

impl ItemRef {
    /// `Folder / Sub / Request`, as Newman names an item in its reports.
    pub fn path(&self) -> String {
        let mut parts: Vec<&str> = self.folders.iter().map(String::as_str).collect();
        parts.push(&self.name);
        parts.join(" / ")
    }
    /// `Folder / Sub`, or empty for an item at the collection root.
    pub fn folder_path(&self) -> String {
        self.folders.join(" / ")
    }
}

/// The position of an execution in the run (Newman's `cursor`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cursor {
    /// 0-based iteration.
    pub iteration: usize,
    /// 0-based index of the item in the runnable list.
    pub position: usize,
    /// Number of runnable items.
    pub length: usize,
    /// Number of iterations.
    pub cycles: usize,
    /// A fresh UUID for every execution.
    pub ref_id: String,
}

/// The response as received (decoded body size, headers in wire order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResponseSummary {
    pub code: u16,
    /// Reason phrase (`OK`, `Not Found`).
    pub status: String,
    pub headers: Vec<(String, String)>,
    /// Milliseconds from sending to the end of the body.
    pub response_time: f64,
    /// Body size in bytes, after content decoding.
    pub response_size: usize,
    /// The body, only when a reporter asked for bodies (`--reporter-json-bodies`, `--verbose`).
    pub body: Option<bytes::Bytes>,
    pub phases: Option<Phases>,
    /// Extra tries under `--retry` before this response (0: it came at the first try).
    pub retries: u32,
}

/// A request finished (the item's own, or one made by `pm.sendRequest`).
#[derive(Debug, Clone, PartialEq)]
pub struct RequestEvent {
    pub item: ItemRef,
    pub cursor: Cursor,
    pub request: SentRequest,
    pub outcome: Result<ResponseSummary, ErrorInfo>,
    /// True for `pm.sendRequest` calls.
    pub from_script: bool,
}

/// Everything the runner reports, in the order it happens.
#[derive(Debug, Clone, PartialEq)]
pub enum RunEvent<'a> {
    /// The run begins.
    Start {
        collection_name: &'a str,
        collection_id: &'a str,
        iterations: usize,
        items: usize,
    },
    /// An iteration begins (0-based).
    BeforeIteration { iteration: usize, cycles: usize },
    /// An item begins.
    BeforeItem {
        item: &'a ItemRef,
        cursor: &'a Cursor,
    },
    /// A script wrote to the console.
    Console {
        item: &'a ItemRef,
        listen: Listen,
        message: &'a ConsoleMessage,
    },
    /// A request went out and came back (or failed).
    Request(&'a RequestEvent),
    /// An assertion was recorded.
    Assertion {
        item: &'a ItemRef,
        cursor: &'a Cursor,
        assertion: &'a AssertionResult,
        /// 1-based failure number in the run when it failed (for the cli's numbered list).
        failure_number: Option<usize>,
    },
    /// A script threw, timed out or did not compile.
    ScriptError {
        item: &'a ItemRef,
        listen: Listen,
        error: &'a ErrorInfo,
        failure_number: usize,
    },
    /// A test script asked for the next request (`setNextRequest`).
    NextRequest { item: &'a ItemRef, target: &'a str },
    /// An item finished; its whole record.
    Item(&'a Execution),
    /// An iteration ended.
    Iteration { iteration: usize },
}
