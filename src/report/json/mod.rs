//! The json reporter: Newman's report shape (`collection`, `environment`, `globals`, `run`
//! with `stats`, `timings`, `executions`, `transfers`, `failures`, `error`), streamed: the
//! file is opened at the first event, each execution is written as its item finishes, and
//! the rest is written by `finish`. Memory does not grow with the run; response bodies are
//! left out unless asked for (`--reporter-json-bodies`).
//!
//! Layout: compact JSON with one execution per line.

mod shape;

use super::export::create_report_file;
use super::{ReportError, Reporter, ReporterOptions};
use crate::run::{Execution, RunEvent, RunSummary};
use shape::{ExecutionJson, FailureJson};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

enum State {
    /// Nothing written yet; the collection JSON waits here.
    Pending(std::sync::Arc<String>),
    /// The file is open inside `run.executions`; `written` executions so far.
    Open {
        file: BufWriter<File>,
        written: usize,
    },
    /// The report is complete, or a write failed (the error was returned then).
    Done,
}

pub struct JsonReporter {
    path: PathBuf,
    bodies: bool,
    environment_name: Option<String>,
    globals_name: Option<String>,
    state: State,
}

impl JsonReporter {
    pub fn new(path: PathBuf, opts: &ReporterOptions) -> Self {
        JsonReporter {
            path,
            bodies: opts.json.bodies,
            environment_name: opts.environment_name.clone(),
            globals_name: opts.globals_name.clone(),
            state: State::Pending(opts.collection.clone()),
        }
    }

    /// Where the report goes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn error(&self, source: std::io::Error) -> ReportError {
        ReportError {
            reporter: "json",
            path: self.path.display().to_string(),
            source,
        }
    }

    /// Runs `write` on the open file (opening it first); any error closes the report for good.
    fn with_file(
        &mut self,
        write: impl FnOnce(&mut BufWriter<File>, &mut usize) -> std::io::Result<()>,
    ) -> Result<(), ReportError> {
        if let State::Pending(collection) = &self.state {
            let opened = create_report_file(&self.path).and_then(|mut file| {
                file.write_all(b"{\"collection\":")?;
                // No collection JSON given (library callers): an explicit null keeps the file valid.
                let text = if collection.trim().is_empty() {
                    "null"
                } else {
                    collection
                };
                file.write_all(text.as_bytes())?;
                file.write_all(b",\"run\":{\"executions\":[")?;
                Ok(file)
            });
            match opened {
                Ok(file) => self.state = State::Open { file, written: 0 },
                Err(e) => {
                    self.state = State::Done;
                    return Err(self.error(e));
                }
            }
        }
        let State::Open { file, written } = &mut self.state else {
            return Ok(());
        };
        match write(file, written) {
            Ok(()) => Ok(()),
            Err(e) => {
                self.state = State::Done;
                Err(self.error(e))
            }
        }
    }

    fn execution(&mut self, execution: &Execution) -> Result<(), ReportError> {
        // Newman lists an execution per request sent: items whose request was skipped by
        // their pre-request script have none.
        if execution.skipped || (execution.request.is_none() && execution.request_error.is_none()) {
            return Ok(());
        }
        let bodies = self.bodies;
        self.with_file(|file, written| {
            file.write_all(if *written == 0 { b"\n" } else { b",\n" })?;
            serde_json::to_writer(&mut *file, &ExecutionJson::new(execution, bodies))?;
            *written += 1;
            Ok(())
        })
    }

    fn tail<'a>(&self, summary: &'a RunSummary) -> Tail<'a> {
        let scopes = &summary.scopes;
        let environment_name = scopes.environment_name.as_deref();
        Tail {
            stats: shape::stats(&summary.stats),
            timings: shape::timings(&summary.timings),
            transfers: serde_json::json!({ "responseTotal": summary.response_total }),
            failures: summary.failures.iter().map(FailureJson::new).collect(),
            error: shape::run_error(summary.abort.as_ref()),
            environment: shape::scope(
                scopes.environment_id.as_deref(),
                environment_name.or(self.environment_name.as_deref()),
                &scopes.environment,
            ),
            globals: shape::scope(
                scopes.globals_id.as_deref(),
                self.globals_name.as_deref(),
                &scopes.globals,
            ),
        }
    }
}

/// What `finish` writes after the executions.
struct Tail<'a> {
    stats: serde_json::Value,
    timings: serde_json::Value,
    transfers: serde_json::Value,
    failures: Vec<FailureJson<'a>>,
    error: serde_json::Value,
    environment: serde_json::Value,
    globals: serde_json::Value,
}

impl Tail<'_> {
    fn write(&self, out: &mut impl Write) -> std::io::Result<()> {
        out.write_all(b"\n],\"stats\":")?;
        serde_json::to_writer(&mut *out, &self.stats)?;
        out.write_all(b",\"timings\":")?;
        serde_json::to_writer(&mut *out, &self.timings)?;
        out.write_all(b",\"transfers\":")?;
        serde_json::to_writer(&mut *out, &self.transfers)?;
        out.write_all(b",\"failures\":")?;
        serde_json::to_writer(&mut *out, &self.failures)?;
        out.write_all(b",\"error\":")?;
        serde_json::to_writer(&mut *out, &self.error)?;
        out.write_all(b"},\"environment\":")?;
        serde_json::to_writer(&mut *out, &self.environment)?;
        out.write_all(b",\"globals\":")?;
        serde_json::to_writer(&mut *out, &self.globals)?;
        out.write_all(b"}\n")
    }
}

impl Reporter for JsonReporter {
    fn on_event(&mut self, event: &RunEvent<'_>) -> Result<(), ReportError> {
        match event {
            RunEvent::Item(execution) => self.execution(execution),
            _ if matches!(self.state, State::Pending(_)) => self.with_file(|_, _| Ok(())),
            _ => Ok(()),
        }
    }

    fn finish(&mut self, summary: &RunSummary) -> Result<(), ReportError> {
        if matches!(self.state, State::Done) {
            return Ok(());
        }
        let tail = self.tail(summary);
        let mut tail_bytes = Vec::new();
        tail.write(&mut tail_bytes).map_err(|e| self.error(e))?;
        let result = self.with_file(|file, _| {
            file.write_all(&tail_bytes)?;
            file.flush()
        });
        self.state = State::Done;
        result
    }
}
