//! The emojitrain reporter: `😀 ` for each item that went well, `😢 ` for one with a failed
//! request, script or assertion, then ` 😍` (all good) or ` 😭` at the end.

use super::{ReportError, Reporter};
use crate::run::{Execution, RunEvent, RunSummary};
use std::io::Write;

pub struct EmojiTrainReporter {
    enabled: bool,
    out: Box<dyn Write>,
}

impl EmojiTrainReporter {
    /// `enabled` is false for `--silent` runs.
    pub fn new(enabled: bool, out: Box<dyn Write>) -> Self {
        EmojiTrainReporter { enabled, out }
    }

    fn write(&mut self, text: &str) -> Result<(), ReportError> {
        self.out
            .write_all(text.as_bytes())
            .and_then(|()| self.out.flush())
            .map_err(|e| ReportError::stdout("emojitrain", e))
    }
}

/// True when anything in the execution failed.
pub(crate) fn execution_failed(execution: &Execution) -> bool {
    execution.request_error.is_some()
        || !execution.prerequest_errors.is_empty()
        || !execution.test_errors.is_empty()
        || execution.assertions.iter().any(|a| a.error.is_some())
}

impl Reporter for EmojiTrainReporter {
    fn on_event(&mut self, event: &RunEvent<'_>) -> Result<(), ReportError> {
        match event {
            RunEvent::Item(execution) if self.enabled => {
                let face = if execution_failed(execution) {
                    "😢 "
                } else {
                    "😀 "
                };
                self.write(face)
            }
            _ => Ok(()),
        }
    }

    fn finish(&mut self, summary: &RunSummary) -> Result<(), ReportError> {
        if !self.enabled {
            return Ok(());
        }
        let end = if summary.failed() {
            " 😭\n"
        } else {
            " 😍\n"
        };
        self.write(end)
    }
}
