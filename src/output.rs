//! The one place that writes diagnostics to the terminal: errors, warnings and hints, coloured
//! only when asked (`--color`, `NO_COLOR`, whether stderr is a terminal). Reports get their own
//! writers from here too.

#![allow(clippy::print_stderr)]

use std::io::{IsTerminal, Write};

/// How to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour a stream that is (or is not) a terminal.
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

/// A diagnostic: a one-line title, detail lines, an optional hint.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostic {
    pub title: String,
    pub details: Vec<String>,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn new(title: impl Into<String>) -> Self {
        Diagnostic {
            title: title.into(),
            ..Diagnostic::default()
        }
    }
    pub fn detail(mut self, line: impl Into<String>) -> Self {
        self.details.push(line.into());
        self
    }
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// `error: title` / indented details / `hint: …`, with ANSI colour when `color`.
    pub fn render(&self, level: &str, color: bool) -> String {
        let (red, bold, cyan, reset) = if color {
            (
                if level == "warning" {
                    "\x1b[33m"
                } else {
                    "\x1b[31m"
                },
                "\x1b[1m",
                "\x1b[36m",
                "\x1b[0m",
            )
        } else {
            ("", "", "", "")
        };
        let mut out = format!("{red}{bold}{level}{reset}{bold}: {}{reset}\n", self.title);
        for d in &self.details {
            for line in d.lines() {
                out.push_str("  ");
                out.push_str(line);
                out.push('\n');
            }
        }
        if let Some(h) = &self.hint {
            out.push_str(&format!("{cyan}hint{reset}: {h}\n"));
        }
        out
    }
}

/// Writes diagnostics to stderr.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    color: bool,
}

impl Output {
    pub fn new(choice: ColorChoice) -> Self {
        Output {
            color: choice.enabled(std::io::stderr().is_terminal()),
        }
    }

    pub fn error(&self, d: &Diagnostic) {
        let _ = std::io::stderr().write_all(d.render("error", self.color).as_bytes());
    }

    pub fn warn(&self, d: &Diagnostic) {
        let _ = std::io::stderr().write_all(d.render("warning", self.color).as_bytes());
    }

    /// `note: …` to stderr.
    pub fn note(&self, text: &str) {
        let (c, r) = if self.color {
            ("\x1b[36m", "\x1b[0m")
        } else {
            ("", "")
        };
        let _ = std::io::stderr().write_all(format!("{c}note{r}: {text}\n").as_bytes());
    }

    /// Plain text to stderr (clap's own messages).
    pub fn raw_err(&self, text: &str) {
        let _ = std::io::stderr().write_all(text.as_bytes());
    }

    /// Plain text to stdout (help, version, command output that is not a report).
    pub fn raw_out(&self, text: &str) {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
    }

    /// The writer reporters print to.
    pub fn report_writer() -> Box<dyn Write> {
        Box::new(std::io::LineWriter::new(std::io::stdout()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_plain_and_coloured() {
        let d = Diagnostic::new("collection could not be loaded")
            .detail("--> bad.json:3:7\nexpected ','")
            .hint("check the file");
        assert_eq!(
            d.render("error", false),
            "error: collection could not be loaded\n  --> bad.json:3:7\n  expected ','\nhint: check the file\n"
        );
        assert!(d
            .render("error", true)
            .starts_with("\x1b[31m\x1b[1merror\x1b[0m"));
    }
}
