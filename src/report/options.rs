//! What the reporters are told: [`ReporterOptions`], filled by `cli` from Newman's flags
//! (`-r`, `--reporter-cli-*`, `--reporter-json-*`, `--reporter-junit-*`, `--color`,
//! `--disable-unicode`, `--verbose`, `--silent`).

use std::path::PathBuf;

/// Everything [`super::build`] needs to make the reporters of a run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReporterOptions {
    /// `-r/--reporters`, split at commas, in order (`["cli"]` when the flag is absent).
    pub reporters: Vec<String>,
    pub cli: CliOptions,
    pub json: JsonOptions,
    pub junit: JunitOptions,
    /// The collection as loaded, normalised to v2.1 JSON text (the JSON report's `collection`),
    /// shared with the run rather than copied.
    pub collection: std::sync::Arc<String>,
    /// Name of the environment file's scope (`-e`), for the JSON report's `environment.name`
    /// when the summary does not carry one.
    pub environment_name: Option<String>,
    /// Name of the globals scope (`-g`), for the JSON report's `globals.name`.
    pub globals_name: Option<String>,
    /// True when standard output is a terminal (the progress bar draws only then).
    pub is_tty: bool,
}

/// The cli reporter's switches (`--reporter-cli-<x>`, also as generic `--reporter-<x>`), plus
/// the run-wide flags it reads.
#[derive(Debug, Clone, PartialEq)]
pub struct CliOptions {
    /// `--silent` / `--reporter-cli-silent`: print nothing (progress and emojitrain too).
    pub silent: bool,
    /// `--reporter-cli-no-summary`: no statistics table.
    pub no_summary: bool,
    /// `--reporter-cli-no-failures`: no failure list after the table.
    pub no_failures: bool,
    /// `--reporter-cli-no-assertions`: no assertion lines.
    pub no_assertions: bool,
    /// `--reporter-cli-no-success-assertions`: only failed assertions (hides skipped too).
    pub no_success_assertions: bool,
    /// `--reporter-cli-no-console`: no boxes for `console.*` output of scripts.
    pub no_console: bool,
    /// `--reporter-cli-no-banner`: no `postie` banner line.
    pub no_banner: bool,
    /// `--reporter-cli-show-timestamps`: local time on request, assertion and console lines.
    pub show_timestamps: bool,
    /// `--verbose`: the detailed response line, bodies (clipped to 2048 B) and timing phases.
    pub verbose: bool,
    /// ANSI colours (`--color on`, or `auto` on a terminal without `NO_COLOR`).
    pub color: bool,
    /// Unicode symbols and box drawing; false for `--disable-unicode`.
    pub unicode: bool,
}

impl Default for CliOptions {
    fn default() -> Self {
        CliOptions {
            silent: false,
            no_summary: false,
            no_failures: false,
            no_assertions: false,
            no_success_assertions: false,
            no_console: false,
            no_banner: false,
            show_timestamps: false,
            verbose: false,
            color: false,
            unicode: true,
        }
    }
}

/// The json reporter's options.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JsonOptions {
    /// `--reporter-json-export <path>`; a directory gets the default file name inside it;
    /// `None` means `newman/newman-run-report-<timestamp>-0.json` under the working directory.
    pub export: Option<PathBuf>,
    /// `--reporter-json-bodies`: include response bodies as `response.stream` (Newman always
    /// does; we do not by default, see Newman #2712). Needs the run to keep bodies.
    pub bodies: bool,
}

/// The junit reporter's options.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JunitOptions {
    /// `--reporter-junit-export <path>`; same rules as [`JsonOptions::export`], `.xml`.
    pub export: Option<PathBuf>,
}
