//! Drawing helpers of the compare table: coloured cells, the symbols for each outcome
//! (unicode or `--disable-unicode` words), text width and clipping.

use super::super::model::RequestCell;
use super::super::record::{Outcome, Status};
use super::TableOptions;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Paint {
    Plain,
    Green,
    Red,
    Yellow,
    Dim,
    Bold,
}

/// A piece of text and its colour.
#[derive(Clone)]
pub(super) struct Cell {
    pub text: String,
    pub paint: Paint,
}

pub(super) fn cell(text: impl Into<String>, paint: Paint) -> Cell {
    Cell {
        text: text.into(),
        paint,
    }
}

pub(super) struct Painter {
    pub opts: TableOptions,
}

impl Painter {
    pub fn paint(&self, c: &Cell) -> String {
        if !self.opts.color || c.paint == Paint::Plain {
            return c.text.clone();
        }
        let code = match c.paint {
            Paint::Green => "32",
            Paint::Red => "31",
            Paint::Yellow => "33",
            Paint::Dim => "2",
            Paint::Bold => "1",
            Paint::Plain => "0",
        };
        format!("\x1b[{code}m{}\x1b[0m", c.text)
    }

    pub fn status(&self, s: Status) -> Cell {
        let u = self.opts.unicode;
        match s {
            Status::Pass => cell(if u { "✓" } else { "ok" }, Paint::Green),
            Status::Fail => cell(if u { "✗" } else { "FAIL" }, Paint::Red),
            Status::Skipped => cell(if u { "○" } else { "skip" }, Paint::Dim),
            Status::NotRun => cell(self.none(), Paint::Dim),
        }
    }

    pub fn none(&self) -> &'static str {
        if self.opts.unicode {
            "–"
        } else {
            "-"
        }
    }

    pub fn mark(&self) -> &'static str {
        if self.opts.unicode {
            "≠"
        } else {
            "!"
        }
    }

    pub fn request(&self, c: Option<&RequestCell>) -> Cell {
        let sep = if self.opts.unicode { " · " } else { " " };
        match c.map(|c| &c.outcome) {
            None => cell(self.none(), Paint::Dim),
            Some(Outcome::Response { code, time_ms }) => {
                let paint = if *code >= 400 {
                    Paint::Red
                } else {
                    Paint::Plain
                };
                cell(format!("{code}{sep}{}ms", time_ms.round() as u64), paint)
            }
            Some(Outcome::Error(_)) => cell("error", Paint::Red),
            Some(Outcome::NotSent) => cell("not sent", Paint::Dim),
        }
    }
}

pub(super) fn width(text: &str) -> usize {
    text.chars().count()
}

pub(super) fn clip(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}
