//! The junit reporter, in our layout rather than Newman's merged one (Newman #2197, #3371): one
//! `<testsuite>` per request execution, named by the item path (`Folder / Request`, plus
//! ` [iteration N]` when the run has several), one `<testcase>` per assertion (`<failure>` when
//! it failed, `<skipped/>` when skipped) and one per script or request error (`<error>`), with
//! counts on every suite and totals on `<testsuites>`. Suites are rendered as items finish and
//! written by `finish`; response bodies are never kept.
//!
//! We write the XML ourselves: `junit-report` cannot put attributes on `<testsuites>`, count
//! skipped tests, format times to milliseconds or name suites by id, all of which we need.

mod xml;

use super::export::create_report_file;
use super::{ReportError, Reporter};
use crate::run::{AssertionResult, ErrorInfo, Execution, RunEvent, RunSummary, SentRequest};
use chrono::{DateTime, SecondsFormat, Utc};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Counts of one suite, or of all.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Counts {
    tests: usize,
    failures: usize,
    errors: usize,
    skipped: usize,
    seconds: f64,
}

impl Counts {
    pub(crate) fn add(&mut self, other: Counts) {
        self.tests += other.tests;
        self.failures += other.failures;
        self.errors += other.errors;
        self.skipped += other.skipped;
        self.seconds += other.seconds;
    }

    fn attrs(&self) -> [(&'static str, String); 5] {
        [
            ("tests", self.tests.to_string()),
            ("failures", self.failures.to_string()),
            ("errors", self.errors.to_string()),
            ("skipped", self.skipped.to_string()),
            ("time", format!("{:.3}", self.seconds)),
        ]
    }
}

pub struct JunitReporter {
    path: PathBuf,
    collection_name: String,
    /// Put before every suite name (`postie compare`'s `[variant] `).
    prefix: String,
    /// When the current item began (each suite's `timestamp`).
    item_started: Option<DateTime<Utc>>,
    suites: Vec<String>,
    totals: Counts,
    written: bool,
}

impl JunitReporter {
    pub fn new(path: PathBuf) -> Self {
        JunitReporter {
            path,
            collection_name: String::new(),
            prefix: String::new(),
            item_started: None,
            suites: Vec::new(),
            totals: Counts::default(),
            written: false,
        }
    }

    /// Names every suite `<prefix><item path>` (`postie compare` uses `[variant] `).
    pub fn with_suite_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// Where the report goes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The suites rendered so far, without writing anything (for a report that merges runs).
    pub fn into_suites(self) -> JunitSuites {
        JunitSuites {
            suites: self.suites,
            totals: self.totals,
        }
    }

    fn suite(&mut self, execution: &Execution) {
        let started = self.item_started.take().unwrap_or_else(Utc::now);
        let (text, counts) = render_suite(execution, started, &self.prefix);
        self.totals.add(counts);
        self.suites.push(text);
    }

    fn document(&self, summary: &RunSummary) -> String {
        let name = if summary.collection_name.is_empty() {
            &self.collection_name
        } else {
            &summary.collection_name
        };
        document(name, summary.timings.started, self.totals, &self.suites)
    }
}

/// Rendered `<testsuite>` elements of one run and their totals.
#[derive(Debug, Clone, Default)]
pub struct JunitSuites {
    pub(crate) suites: Vec<String>,
    pub(crate) totals: Counts,
}

/// The whole XML document: `<testsuites>` named `name`, stamped with `started_ms` (epoch ms,
/// left out when 0), around `suites`.
pub(crate) fn document(name: &str, started_ms: i64, totals: Counts, suites: &[String]) -> String {
    let mut attrs = vec![("name", name.to_string())];
    attrs.extend(totals.attrs());
    if let Some(started) = DateTime::from_timestamp_millis(started_ms).filter(|_| started_ms > 0) {
        attrs.push(("timestamp", iso(started)));
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&xml::tag("testsuites", &attrs, suites.is_empty()));
    out.push('\n');
    if !suites.is_empty() {
        for suite in suites {
            out.push_str(suite);
        }
        out.push_str("</testsuites>\n");
    }
    out
}

/// Writes a finished document to `path` (creating missing directories).
pub(crate) fn write_document(path: &Path, document: &str) -> Result<(), ReportError> {
    create_report_file(path)
        .and_then(|mut file| {
            file.write_all(document.as_bytes())?;
            file.flush()
        })
        .map_err(|source| ReportError {
            reporter: "junit",
            path: path.display().to_string(),
            source,
        })
}

fn iso(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// One `<testcase>`: its element text and how it counts.
struct Case {
    name: String,
    /// `(element, type, message, body)` of a `<failure>`/`<error>`, `None` for a pass.
    outcome: Option<(&'static str, String, String, String)>,
    skipped: bool,
}

fn render_suite(execution: &Execution, started: DateTime<Utc>, prefix: &str) -> (String, Counts) {
    let item = &execution.item;
    let mut name = format!("{prefix}{}", item.path());
    if execution.cursor.cycles > 1 {
        name.push_str(&format!(" [iteration {}]", execution.cursor.iteration + 1));
    }
    let mut classname_parts = item.folders.clone();
    classname_parts.push(item.name.clone());
    let classname = classname_parts.join(".");
    let seconds = execution
        .response
        .as_ref()
        .map_or(0.0, |r| r.response_time / 1000.0);
    let cases = cases(execution);
    let counts = Counts {
        tests: cases.len(),
        failures: cases
            .iter()
            .filter(|c| matches!(&c.outcome, Some(("failure", ..))))
            .count(),
        errors: cases
            .iter()
            .filter(|c| matches!(&c.outcome, Some(("error", ..))))
            .count(),
        skipped: cases.iter().filter(|c| c.skipped).count(),
        seconds,
    };
    let mut attrs = vec![
        ("name", name),
        ("id", item.id.clone()),
        ("timestamp", iso(started)),
    ];
    attrs.extend(counts.attrs());
    let mut out = format!("  {}\n", xml::tag("testsuite", &attrs, cases.is_empty()));
    if cases.is_empty() {
        return (out, counts);
    }
    let time = format!("{seconds:.3}");
    for case in &cases {
        let attrs = [
            ("name", case.name.clone()),
            ("classname", classname.clone()),
            ("time", time.clone()),
        ];
        let empty = case.outcome.is_none() && !case.skipped;
        out.push_str(&format!("    {}\n", xml::tag("testcase", &attrs, empty)));
        if empty {
            continue;
        }
        if case.skipped {
            out.push_str("      <skipped/>\n");
        }
        if let Some((element, kind, message, body)) = &case.outcome {
            let attrs = [("message", message.clone()), ("type", kind.clone())];
            out.push_str(&format!(
                "      {}{}</{element}>\n",
                xml::tag(element, &attrs, false),
                xml::text(body)
            ));
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n");
    (out, counts)
}

fn cases(execution: &Execution) -> Vec<Case> {
    let request = execution.request.as_ref();
    let mut cases = Vec::new();
    for error in &execution.prerequest_errors {
        cases.push(error_case("prerequest-script", error, request));
    }
    if let Some(error) = &execution.request_error {
        cases.push(error_case("request", error, request));
    }
    for assertion in &execution.assertions {
        cases.push(assertion_case(assertion, execution));
    }
    for error in &execution.test_errors {
        cases.push(error_case("test-script", error, request));
    }
    cases
}

fn request_line(request: Option<&SentRequest>) -> String {
    request.map_or_else(
        || "(not sent)".into(),
        |r| format!("{} {}", r.method, r.url),
    )
}

fn error_case(name: &str, error: &ErrorInfo, request: Option<&SentRequest>) -> Case {
    let detail = error
        .stack
        .clone()
        .unwrap_or_else(|| format!("{}: {}", error.name, error.message));
    let body = format!("{detail}\nRequest: {}", request_line(request));
    Case {
        name: name.into(),
        outcome: Some(("error", error.name.clone(), error.message.clone(), body)),
        skipped: false,
    }
}

fn assertion_case(assertion: &AssertionResult, execution: &Execution) -> Case {
    let outcome = assertion.error.as_ref().map(|error| {
        let response = execution
            .response
            .as_ref()
            .map_or_else(|| "(none)".into(), |r| format!("{} {}", r.code, r.status));
        let body = format!(
            "Test: {}\nMessage: {}\nRequest: {}\nResponse: {response}",
            assertion.name,
            error.message,
            request_line(execution.request.as_ref())
        );
        ("failure", error.name.clone(), error.message.clone(), body)
    });
    Case {
        name: assertion.name.clone(),
        outcome,
        skipped: assertion.skipped,
    }
}

impl Reporter for JunitReporter {
    fn on_event(&mut self, event: &RunEvent<'_>) -> Result<(), ReportError> {
        match event {
            RunEvent::Start {
                collection_name, ..
            } => {
                self.collection_name = collection_name.to_string();
            }
            RunEvent::BeforeItem { .. } => self.item_started = Some(Utc::now()),
            RunEvent::Item(execution) => self.suite(execution),
            _ => {}
        }
        Ok(())
    }

    fn finish(&mut self, summary: &RunSummary) -> Result<(), ReportError> {
        if self.written {
            return Ok(());
        }
        self.written = true;
        let document = self.document(summary);
        write_document(&self.path, &document)
    }
}
