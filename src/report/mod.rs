//! REPORT: turns the run's events and summary into output: the cli report, Newman's JSON, JUnit
//! XML, progress, emojitrain. Reads `run`'s data only; the only code that prints run output.

use crate::run::{RunEvent, RunSummary};

/// An error writing a report (the file, what failed).
#[derive(Debug, thiserror::Error)]
#[error("could not write the {reporter} report to {path}: {source}")]
pub struct ReportError {
    pub reporter: &'static str,
    pub path: String,
    #[source]
    pub source: std::io::Error,
}

/// A reporter: sees every event as it happens, then the summary once at the end.
pub trait Reporter {
    /// Called for every event, in order. Streaming reporters write here.
    fn on_event(&mut self, _event: &RunEvent<'_>) -> Result<(), ReportError> {
        Ok(())
    }
    /// Called once after the run (also after Ctrl-C, `--bail` or `--timeout`).
    fn finish(&mut self, summary: &RunSummary) -> Result<(), ReportError>;
}
