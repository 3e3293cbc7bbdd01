//! The progress reporter: one line redrawn as items finish (`progress [====----] 40% | 4/10`),
//! on a terminal only; nothing at all otherwise.

use super::{ReportError, Reporter};
use crate::run::{RunEvent, RunSummary};
use std::io::Write;

const BAR_WIDTH: usize = 40;

pub struct ProgressReporter {
    enabled: bool,
    unicode: bool,
    out: Box<dyn Write>,
    total: usize,
    done: usize,
    drawn: bool,
}

impl ProgressReporter {
    /// `enabled` is false when standard output is not a terminal or the run is `--silent`.
    pub fn new(enabled: bool, unicode: bool, out: Box<dyn Write>) -> Self {
        ProgressReporter {
            enabled,
            unicode,
            out,
            total: 0,
            done: 0,
            drawn: false,
        }
    }

    fn line(&self) -> String {
        let ratio = if self.total == 0 {
            1.0
        } else {
            (self.done as f64 / self.total as f64).min(1.0)
        };
        let filled = (ratio * BAR_WIDTH as f64).round() as usize;
        let (full, empty) = if self.unicode {
            ("█", "░")
        } else {
            ("=", "-")
        };
        format!(
            "\rprogress [{}{}] {}% | {}/{}",
            full.repeat(filled),
            empty.repeat(BAR_WIDTH - filled),
            (ratio * 100.0).round() as u32,
            self.done,
            self.total
        )
    }

    fn draw(&mut self) -> Result<(), ReportError> {
        let line = self.line();
        self.drawn = true;
        self.out
            .write_all(line.as_bytes())
            .and_then(|()| self.out.flush())
            .map_err(|e| ReportError::stdout("progress", e))
    }
}

impl Reporter for ProgressReporter {
    fn on_event(&mut self, event: &RunEvent<'_>) -> Result<(), ReportError> {
        if !self.enabled {
            return Ok(());
        }
        match event {
            RunEvent::Start {
                iterations, items, ..
            } => {
                self.total = iterations * items;
                self.draw()
            }
            RunEvent::Item(_) => {
                self.done += 1;
                self.draw()
            }
            _ => Ok(()),
        }
    }

    fn finish(&mut self, _summary: &RunSummary) -> Result<(), ReportError> {
        if !self.enabled || !self.drawn {
            return Ok(());
        }
        self.out
            .write_all(b"\n")
            .and_then(|()| self.out.flush())
            .map_err(|e| ReportError::stdout("progress", e))
    }
}
