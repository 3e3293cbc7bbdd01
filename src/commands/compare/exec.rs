//! Running the variants: up to `--parallel` worker threads, each with its own current-thread
//! runtime, take variants from a queue; every variant is one `run::run` with its own variable
//! scopes, JS engine, cookie jar and connection pool, so nothing is shared but the collection.
//! A variant's own reports (`-r json`, `--export-*`) are written by its worker when it ends.

use super::super::export::write_exports;
use crate::cli::RunArgs;
use crate::collection::Collection;
use crate::output::Diagnostic;
use crate::report::compare::{self, Recorder, VariantRun};
use crate::report::junit::{JunitReporter, JunitSuites};
use crate::report::{self, ReportError, Reporter, ReporterOptions, Reporters};
use crate::run::{self, Abort, Listener, RunEvent, RunOptions};
use std::collections::VecDeque;
use std::sync::Mutex;

/// Stack of a worker thread (as a main thread's: scripts can recurse deeply).
const WORKER_STACK: usize = 8 * 1024 * 1024;

/// One variant, ready to run.
pub struct Job {
    pub name: String,
    pub opts: RunOptions,
    /// Options of the variant's `-r json` report (its file already named), if asked for.
    pub json: Option<ReporterOptions>,
    /// Collect junit suites for the merged file.
    pub junit: bool,
    /// The run flags with this variant's `--export-*` paths.
    pub exports: RunArgs,
}

/// What a variant left.
pub struct Done {
    pub run: VariantRun,
    pub junit: Option<JunitSuites>,
    /// Epoch milliseconds when the run started (0 if it did not).
    pub started_ms: i64,
    /// The run could not start (bad client certificate, …).
    pub run_error: Option<Diagnostic>,
    /// Report and export files that could not be written.
    pub errors: Vec<Diagnostic>,
}

/// Runs every job, at most `parallel` at once; results in job order.
pub fn run_all(collection: &Collection, jobs: Vec<Job>, parallel: usize) -> Vec<Done> {
    let count = jobs.len();
    let queue = Mutex::new(jobs.into_iter().enumerate().collect::<VecDeque<_>>());
    let results: Mutex<Vec<Option<Done>>> = Mutex::new((0..count).map(|_| None).collect());
    let work = || worker(collection, &queue, &results);
    std::thread::scope(|s| {
        let mut spawned = 0;
        for n in 0..parallel.clamp(1, count.max(1)) {
            let started = std::thread::Builder::new()
                .name(format!("postie-variant-{n}"))
                .stack_size(WORKER_STACK)
                .spawn_scoped(s, work);
            spawned += usize::from(started.is_ok());
        }
        if spawned == 0 {
            work();
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .flatten()
        .collect()
}

fn worker(
    collection: &Collection,
    queue: &Mutex<VecDeque<(usize, Job)>>,
    results: &Mutex<Vec<Option<Done>>>,
) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build();
    loop {
        let next = queue.lock().unwrap_or_else(|e| e.into_inner()).pop_front();
        let Some((index, job)) = next else {
            return;
        };
        let done = match &rt {
            Ok(rt) => run_one(rt, collection, job),
            Err(e) => failed_start(
                job.name,
                Diagnostic::new(format!("could not start the async runtime: {e}")),
            ),
        };
        results.lock().unwrap_or_else(|e| e.into_inner())[index] = Some(done);
    }
}

fn failed_start(name: String, diag: Diagnostic) -> Done {
    Done {
        run: VariantRun {
            name,
            failed: true,
            ..VariantRun::default()
        },
        junit: None,
        started_ms: 0,
        run_error: Some(diag),
        errors: Vec::new(),
    }
}

/// Feeds a variant's events to the recorder, its junit part and its json report.
struct VariantListener {
    recorder: Recorder,
    junit: Option<JunitReporter>,
    reporters: Reporters,
    error: Option<ReportError>,
}

impl Listener for VariantListener {
    fn on_event(&mut self, event: &RunEvent<'_>) {
        let _ = self.recorder.on_event(event);
        if let Some(j) = &mut self.junit {
            let _ = j.on_event(event);
        }
        if let Err(e) = self.reporters.on_event(event) {
            self.error.get_or_insert(e);
        }
    }
}

fn run_one(rt: &tokio::runtime::Runtime, collection: &Collection, job: Job) -> Done {
    let reporters = match &job.json {
        Some(opts) => match report::build(opts, Box::new(std::io::sink())) {
            Ok(r) => r,
            Err(e) => return failed_start(job.name, Diagnostic::new(e.to_string())),
        },
        None => Vec::new(),
    };
    let mut listener = VariantListener {
        recorder: Recorder::new(),
        junit: job
            .junit
            .then(|| compare::junit::variant_reporter(&job.name)),
        reporters: Reporters::new(reporters),
        error: None,
    };
    let summary = match rt.block_on(run::run(collection, &job.opts, &mut listener)) {
        Ok(s) => s,
        Err(e) => return failed_start(job.name, Diagnostic::new(e.to_string())),
    };
    let mut errors = Vec::new();
    let finish = listener.reporters.finish(&summary);
    if let Some(e) = listener.error.take().or(finish.err()) {
        errors.push(Diagnostic::new(e.to_string()));
    }
    if let Err(e) = write_exports(&job.exports, collection, &summary) {
        errors.push(Diagnostic::new(e.to_string()));
    }
    let variables = compare::snapshot(
        compare::Initial {
            environment: &job.opts.environment,
            collection: &collection.variables,
            globals: &job.opts.globals,
        },
        &summary.scopes,
    );
    Done {
        run: VariantRun {
            name: job.name,
            executions: listener.recorder.into_executions(),
            variables,
            failed: summary.failed() || !errors.is_empty(),
            stopped: summary.abort.as_ref().map(stopped),
        },
        junit: listener.junit.map(JunitReporter::into_suites),
        started_ms: summary.timings.started,
        run_error: None,
        errors,
    }
}

/// Why a run stopped early, in a few words.
fn stopped(abort: &Abort) -> String {
    match abort {
        Abort::Timeout { after_ms } => format!("stopped by --timeout after {after_ms} ms"),
        Abort::Interrupted => "interrupted".into(),
        Abort::Bail => "stopped by --bail".into(),
        Abort::Error(e) => format!("aborted: {}", e.message),
    }
}
