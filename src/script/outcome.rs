//! What a script produces: console messages, assertion results and errors. Plain data, shared
//! with `run` (which turns them into events) and `report`.

/// A console message from a script.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsoleMessage {
    /// `log`, `info`, `warn`, `error`, `debug`, `clear`.
    pub level: String,
    /// Each argument as Node's `util.inspect` shows it (strings quoted, as Newman's cli prints them).
    pub messages: Vec<String>,
}

/// A named error (assertion failure, script error, request error), as reports show it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ErrorInfo {
    /// `AssertionError`, `ReferenceError`, `Error`, …
    pub name: String,
    pub message: String,
    pub stack: Option<String>,
}

impl ErrorInfo {
    pub fn new(name: impl Into<String>, message: impl Into<String>) -> Self {
        ErrorInfo {
            name: name.into(),
            message: message.into(),
            stack: None,
        }
    }
}

/// One assertion outcome (`pm.test`, `pm.test.skip`, legacy `tests[...]`).
#[derive(Debug, Clone, PartialEq)]
pub struct AssertionResult {
    pub name: String,
    /// 0-based index of the assertion within its script.
    pub index: usize,
    pub skipped: bool,
    pub error: Option<ErrorInfo>,
}

impl AssertionResult {
    pub fn passed(&self) -> bool {
        !self.skipped && self.error.is_none()
    }
}

/// Which script phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Listen {
    Prerequest,
    Test,
}

impl Listen {
    /// `prerequest` / `test`, as in collection files and `pm.info.eventName`.
    pub fn as_str(self) -> &'static str {
        match self {
            Listen::Prerequest => "prerequest",
            Listen::Test => "test",
        }
    }
    /// `prerequest-script` / `test-script`, as in Newman's failure `at`.
    pub fn script_name(self) -> &'static str {
        match self {
            Listen::Prerequest => "prerequest-script",
            Listen::Test => "test-script",
        }
    }
}
