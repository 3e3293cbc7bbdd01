//! The cli reporter's live lines, one function per event: banner, iteration and item headings,
//! request lines, assertions, script errors, `setNextRequest` notes and console boxes. Each
//! returns the text to print; the reporter decides when.

use super::format::{filesize, pad_left, prettyms, wrap};
use super::style::{Paint, Style, Symbols};
use super::verbose;
use crate::report::CliOptions;
use crate::run::{AssertionResult, ConsoleMessage, ErrorInfo, ItemRef, Listen, RequestEvent};

/// Width console text is cut at (Newman's width without a terminal: 60 - 6).
pub const WRAP_WIDTH: usize = 54;

/// What every line needs: colours, symbols, switches.
pub struct Ctx {
    pub style: Style,
    pub sym: Symbols,
    pub opts: CliOptions,
}

impl Ctx {
    pub fn paint(&self, paint: Paint, text: &str) -> String {
        self.style.paint(paint, text)
    }
}

/// `postie` banner (unless `--reporter-cli-no-banner`), a blank line, the collection name.
pub fn banner(ctx: &Ctx, collection_name: &str) -> String {
    let mut out = String::new();
    if !ctx.opts.no_banner {
        out.push_str("postie\n\n");
    }
    if !collection_name.is_empty() {
        out.push_str(collection_name);
        out.push('\n');
    }
    out
}

/// `Iteration 2/3`, only for runs of more than one iteration.
pub fn iteration(ctx: &Ctx, iteration: usize, cycles: usize) -> Option<String> {
    (cycles > 1).then(|| {
        let text = format!("Iteration {}/{cycles}", iteration + 1);
        format!("\n{}\n", ctx.paint(Paint::GrayUnderline, &text))
    })
}

/// `❏ Folder / Sub` when the folder changed since the last item, then `↳ Request` (or
/// `→ Request` at the collection root). `current` is the folder path printed last.
pub fn item_heading(ctx: &Ctx, item: &ItemRef, current: &mut String) -> String {
    let mut out = String::new();
    let folder = item.folder_path();
    if folder != *current {
        if !folder.is_empty() {
            out.push_str(&format!("\n{} {folder}", ctx.sym.folder));
        }
        *current = folder;
    }
    let symbol = if item.folders.is_empty() {
        ctx.sym.root
    } else {
        ctx.sym.sub
    };
    out.push_str(&format!("\n{symbol} {}\n", item.name));
    out
}

/// `  GET url [200 OK, 485B, 42ms]`, or `[errored]` and the error message; `--verbose` adds
/// the detailed response. `timestamp` is the local date-time for `--reporter-cli-show-timestamps`.
pub fn request(ctx: &Ctx, event: &RequestEvent, timestamp: Option<&str>) -> String {
    let mut out = String::from("  ");
    if let Some(ts) = timestamp {
        out.push_str(&ctx.paint(Paint::Gray, &format!("[{ts}]")));
        out.push_str("  ");
    }
    out.push_str(&ctx.paint(Paint::Gray, &event.request.method));
    out.push(' ');
    out.push_str(&ctx.paint(Paint::Gray, event.request.shown_url()));
    match &event.outcome {
        Err(error) => {
            out.push_str(&format!(" {}\n", ctx.paint(Paint::Red, "[errored]")));
            out.push_str(&ctx.paint(Paint::Red, &format!("     {}", error.message)));
            out.push('\n');
        }
        Ok(response) if ctx.opts.verbose => {
            out.push('\n');
            out.push_str(&verbose::response(ctx, &event.request, response));
        }
        Ok(response) => {
            let size = verbose::response_size(response);
            let text = format!(
                "[{} {}, {}, {}]",
                response.code,
                response.status,
                filesize(size),
                prettyms(response.response_time)
            );
            out.push_str(&format!(" {}\n", ctx.paint(Paint::Gray, &text)));
        }
    }
    out
}

/// `  ✓  name`, `  3. name` or `  -  [skipped] name`, filtered by the no-* switches.
pub fn assertion(
    ctx: &Ctx,
    assertion: &AssertionResult,
    failure_number: Option<usize>,
    timestamp: Option<&str>,
) -> Option<String> {
    let opts = &ctx.opts;
    if opts.no_assertions || (opts.no_success_assertions && assertion.error.is_none()) {
        return None;
    }
    if assertion.skipped {
        let text = format!("[skipped] {}", assertion.name);
        return Some(format!(
            "{} {}\n",
            ctx.paint(Paint::Cyan, "  - "),
            ctx.paint(Paint::Cyan, &text)
        ));
    }
    let (mark, name) = match &assertion.error {
        None => (
            ctx.paint(Paint::Green, &format!("  {} ", ctx.sym.ok)),
            ctx.paint(Paint::Gray, &assertion.name),
        ),
        Some(_) => {
            let n = failure_number.unwrap_or(0);
            let width = if timestamp.is_some() { 2 } else { 3 };
            (
                ctx.paint(Paint::RedBold, &format!("{}.", pad_left(n, width))),
                ctx.paint(Paint::RedBold, &assertion.name),
            )
        }
    };
    let stamp = timestamp
        .map(|ts| format!("  {}", ctx.paint(Paint::Gray, &format!("[{ts}]"))))
        .unwrap_or_default();
    Some(format!("{stamp}{mark} {name}\n"))
}

/// `  1⠄ ReferenceError in test-script`.
pub fn script_error(ctx: &Ctx, listen: Listen, error: &ErrorInfo, number: usize) -> String {
    let text = format!(
        "{}{} {} in {}",
        pad_left(number, 3),
        ctx.sym.error_dot,
        error.name,
        listen.script_name()
    );
    format!("{}\n", ctx.paint(Paint::RedBold, &text))
}

/// A blank line, then `Attempting to set next request to <target>`.
pub fn next_request(ctx: &Ctx, target: &str) -> String {
    let text = format!("Attempting to set next request to {target}");
    format!("\n{}\n", ctx.paint(Paint::Gray, &text))
}

/// The console box of one message: its top, its lines, its bottom. Consecutive messages share
/// one box (the reporter prints the top once and the bottom before the next other output).
pub fn console_box(ctx: &Ctx, message: &ConsoleMessage) -> (String, String, String) {
    let paint = Paint::for_console_level(&message.level);
    let top = format!(
        "{}\n",
        ctx.paint(paint, &format!("  {}", ctx.sym.console_top))
    );
    let bottom = format!(
        "{}\n",
        ctx.paint(paint, &format!("  {}", ctx.sym.console_bottom))
    );
    let bar = ctx.paint(paint, ctx.sym.console_middle);
    let mut body = String::new();
    for line in wrap(&message.messages.join(", "), WRAP_WIDTH) {
        let text = format!("  {bar} {}", ctx.paint(Paint::Gray, &line));
        body.push_str(text.trim_end());
        body.push('\n');
    }
    (top, body, bottom)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(opts: CliOptions) -> Ctx {
        Ctx {
            style: Style { color: opts.color },
            sym: Symbols::new(opts.unicode),
            opts,
        }
    }

    fn item(name: &str, folders: &[&str]) -> ItemRef {
        ItemRef {
            id: name.into(),
            name: name.into(),
            folders: folders.iter().map(|f| f.to_string()).collect(),
        }
    }

    #[test]
    fn folder_line_only_when_the_folder_changes() {
        let ctx = ctx(CliOptions::default());
        let mut current = String::new();
        let a = item("A", &["F", "G"]);
        assert_eq!(item_heading(&ctx, &a, &mut current), "\n❏ F / G\n↳ A\n");
        assert_eq!(item_heading(&ctx, &a, &mut current), "\n↳ A\n");
        assert_eq!(item_heading(&ctx, &item("R", &[]), &mut current), "\n→ R\n");
        assert_eq!(current, "");
    }

    #[test]
    fn long_console_messages_are_cut_at_54() {
        let ctx = ctx(CliOptions::default());
        let message = ConsoleMessage {
            level: "info".into(),
            messages: vec!["x".repeat(60), "y".into()],
        };
        let (top, body, bottom) = console_box(&ctx, &message);
        assert_eq!(top, "  ┌\n");
        assert_eq!(body, format!("  │ {}\n  │ xxxxxx, y\n", "x".repeat(54)));
        assert_eq!(bottom, "  └\n");
    }

    #[test]
    fn failed_assertions_show_under_every_switch_but_no_assertions() {
        let failed = AssertionResult {
            name: "n".into(),
            index: 0,
            skipped: false,
            error: Some(ErrorInfo::new("AssertionError", "m")),
        };
        let quiet = ctx(CliOptions {
            no_success_assertions: true,
            ..CliOptions::default()
        });
        assert_eq!(
            assertion(&quiet, &failed, Some(12), None).as_deref(),
            Some(" 12. n\n")
        );
        assert_eq!(
            assertion(&quiet, &failed, Some(7), Some("1:00:00 PM")).as_deref(),
            Some("  [1:00:00 PM] 7. n\n")
        );
        let none = ctx(CliOptions {
            no_assertions: true,
            ..CliOptions::default()
        });
        assert_eq!(assertion(&none, &failed, Some(1), None), None);
    }

    #[test]
    fn plain_symbols_for_script_errors() {
        let plain = ctx(CliOptions {
            unicode: false,
            ..CliOptions::default()
        });
        let error = ErrorInfo::new("TypeError", "x");
        assert_eq!(
            script_error(&plain, Listen::Prerequest, &error, 2),
            "  2. TypeError in prerequest-script\n"
        );
    }
}
