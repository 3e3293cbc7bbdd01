//! The cli reporter: Newman's terminal output as the run goes (banner, iterations, folders,
//! items, console boxes, request lines, assertions, script errors), then the summary table and
//! the failure list. `postie` replaces `newman` in the banner; everything else follows Newman's
//! layout (see docs/reports.md for the few deliberate differences).

mod failures;
pub mod format;
mod live;
mod style;
mod summary;
mod verbose;

pub use style::{Paint, Style, Symbols};

use super::{CliOptions, ReportError, Reporter};
use crate::run::{RunEvent, RunSummary};
use live::Ctx;
use std::io::Write;

/// Where `--reporter-cli-show-timestamps` gets the time from (local time; tests fix it).
pub type Clock = Box<dyn Fn() -> chrono::NaiveDateTime>;

/// Prints the run to a terminal (or whatever `out` is).
pub struct CliReporter {
    out: Box<dyn Write>,
    ctx: Ctx,
    /// Folder path of the last item heading (`""` = collection root).
    current_folder: String,
    /// The bottom of the console box being filled, printed before any other output.
    open_box: Option<String>,
    clock: Clock,
}

impl CliReporter {
    pub fn new(opts: CliOptions, out: Box<dyn Write>) -> Self {
        CliReporter {
            out,
            ctx: Ctx {
                style: Style { color: opts.color },
                sym: Symbols::new(opts.unicode),
                opts,
            },
            current_folder: String::new(),
            open_box: None,
            clock: Box::new(|| chrono::Local::now().naive_local()),
        }
    }

    /// Replaces the clock used for `--reporter-cli-show-timestamps`.
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// `11/22/2026, 11:56:28 AM`, like JavaScript's `toLocaleString()` in en-US.
    fn date_time(&self) -> Option<String> {
        let opts = &self.ctx.opts;
        opts.show_timestamps.then(|| {
            (self.clock)()
                .format("%-m/%-d/%Y, %-I:%M:%S %p")
                .to_string()
        })
    }

    /// `11:56:28 AM`, like `toLocaleTimeString()`.
    fn time(&self) -> Option<String> {
        let opts = &self.ctx.opts;
        opts.show_timestamps
            .then(|| (self.clock)().format("%-I:%M:%S %p").to_string())
    }

    fn write(&mut self, text: &str) -> Result<(), ReportError> {
        if let Some(bottom) = self.open_box.take() {
            self.raw(&bottom)?;
        }
        self.raw(text)
    }

    fn raw(&mut self, text: &str) -> Result<(), ReportError> {
        self.out
            .write_all(text.as_bytes())
            .map_err(|e| ReportError::stdout("cli", e))
    }

    fn console(&mut self, message: &crate::run::ConsoleMessage) -> Result<(), ReportError> {
        if let Some(time) = self.time() {
            let stamp = self.ctx.paint(Paint::Gray, &format!("[{time}]"));
            self.write(&format!("\n  {stamp}\n"))?;
        }
        let (top, body, bottom) = live::console_box(&self.ctx, message);
        if self.open_box.is_none() {
            self.raw(&top)?;
        }
        self.raw(&body)?;
        self.open_box = Some(bottom);
        Ok(())
    }

    fn live(&mut self, event: &RunEvent<'_>) -> Result<(), ReportError> {
        let ctx = &self.ctx;
        let text = match event {
            RunEvent::Start {
                collection_name, ..
            } => Some(live::banner(ctx, collection_name)),
            RunEvent::BeforeIteration { iteration, cycles } => {
                live::iteration(ctx, *iteration, *cycles)
            }
            RunEvent::BeforeItem { item, .. } => {
                Some(live::item_heading(ctx, item, &mut self.current_folder))
            }
            RunEvent::Console { message, .. } if !ctx.opts.no_console => {
                return self.console(message);
            }
            RunEvent::Request(request) => {
                Some(live::request(ctx, request, self.date_time().as_deref()))
            }
            RunEvent::Assertion {
                assertion,
                failure_number,
                ..
            } => live::assertion(ctx, assertion, *failure_number, self.time().as_deref()),
            RunEvent::ScriptError {
                listen,
                error,
                failure_number,
                ..
            } => Some(live::script_error(ctx, *listen, error, *failure_number)),
            RunEvent::NextRequest { target, .. } => Some(live::next_request(ctx, target)),
            _ => None,
        };
        match text {
            Some(text) => self.write(&text),
            None => Ok(()),
        }
    }
}

impl Reporter for CliReporter {
    fn on_event(&mut self, event: &RunEvent<'_>) -> Result<(), ReportError> {
        if self.ctx.opts.silent {
            return Ok(());
        }
        self.live(event)
    }

    fn finish(&mut self, summary: &RunSummary) -> Result<(), ReportError> {
        if self.ctx.opts.silent {
            return Ok(());
        }
        if let Some(bottom) = self.open_box.take() {
            self.raw(&bottom)?;
        }
        let (style, opts) = (self.ctx.style, &self.ctx.opts);
        let mut text = String::new();
        if !opts.no_summary {
            let table = summary::render(summary, &self.ctx.sym.table, style);
            text.push_str(&format!("\n{table}\n"));
        }
        if !opts.no_failures && !summary.failures.is_empty() {
            let list = failures::render(&summary.failures, style);
            text.push_str(&format!("\n{list}\n"));
        }
        self.raw(&text)?;
        self.out.flush().map_err(|e| ReportError::stdout("cli", e))
    }
}
