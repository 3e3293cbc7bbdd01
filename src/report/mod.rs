//! REPORT: turns the run's events and summary into output: the cli report, Newman's JSON, JUnit
//! XML, progress, emojitrain. Reads `run`'s data only; the only code that prints run output.
//!
//! [`build`] picks reporters by name from a static registry and hands them [`ReporterOptions`];
//! [`Reporters`] fans every event out to all of them. Secrets are masked by `run` before events
//! get here: nothing in this module masks.

pub mod cli;
pub mod compare;
mod emojitrain;
mod export;
pub mod json;
pub mod junit;
mod options;
mod progress;
mod registry;
mod shared_out;

pub use emojitrain::EmojiTrainReporter;
pub use export::resolve_export_path;
pub use options::{CliOptions, JsonOptions, JunitOptions, ReporterOptions};
pub use progress::ProgressReporter;
pub use registry::{build, BuildError, BUILT_IN};
pub use shared_out::SharedOut;

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

impl ReportError {
    /// A failed write to standard output by `reporter`.
    pub fn stdout(reporter: &'static str, source: std::io::Error) -> Self {
        ReportError {
            reporter,
            path: "stdout".into(),
            source,
        }
    }
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

/// All the reporters of a run behind one [`Reporter`]: every call goes to each of them, in
/// order, even when an earlier one failed (so one broken report never silences the others);
/// the first error is returned.
#[derive(Default)]
pub struct Reporters {
    reporters: Vec<Box<dyn Reporter>>,
}

impl Reporters {
    pub fn new(reporters: Vec<Box<dyn Reporter>>) -> Self {
        Reporters { reporters }
    }

    pub fn len(&self) -> usize {
        self.reporters.len()
    }

    pub fn is_empty(&self) -> bool {
        self.reporters.is_empty()
    }
}

impl Reporter for Reporters {
    fn on_event(&mut self, event: &RunEvent<'_>) -> Result<(), ReportError> {
        let mut first = Ok(());
        for reporter in &mut self.reporters {
            let result = reporter.on_event(event);
            if first.is_ok() {
                first = result;
            }
        }
        first
    }

    fn finish(&mut self, summary: &RunSummary) -> Result<(), ReportError> {
        let mut first = Ok(());
        for reporter in &mut self.reporters {
            let result = reporter.finish(summary);
            if first.is_ok() {
                first = result;
            }
        }
        first
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    struct Counting {
        seen: Rc<RefCell<Vec<&'static str>>>,
        name: &'static str,
        fail: bool,
    }

    impl Reporter for Counting {
        fn on_event(&mut self, _event: &RunEvent<'_>) -> Result<(), ReportError> {
            self.seen.borrow_mut().push(self.name);
            if self.fail {
                return Err(ReportError::stdout("x", std::io::Error::other("boom")));
            }
            Ok(())
        }
        fn finish(&mut self, _summary: &RunSummary) -> Result<(), ReportError> {
            self.seen.borrow_mut().push(self.name);
            Ok(())
        }
    }

    #[test]
    fn fan_out_reaches_every_reporter_even_after_an_error() {
        let seen = Rc::new(RefCell::new(Vec::new()));
        let mut all = Reporters::new(vec![
            Box::new(Counting {
                seen: seen.clone(),
                name: "a",
                fail: true,
            }),
            Box::new(Counting {
                seen: seen.clone(),
                name: "b",
                fail: false,
            }),
        ]);
        let event = RunEvent::Iteration { iteration: 0 };
        let err = all.on_event(&event).unwrap_err();
        assert_eq!(err.path, "stdout");
        all.finish(&RunSummary::default()).unwrap();
        assert_eq!(*seen.borrow(), vec!["a", "b", "a", "b"]);
        assert_eq!(all.len(), 2);
    }
}
