//! CLI: the command line (clap derive), Newman's rc files and `--reporter-*` flags, and the
//! dispatch to `commands`. Nothing below this layer sees clap.

pub mod options;
pub mod rc;
pub mod reporter_flags;
pub mod run_args;

use crate::commands;
use crate::output::{ColorChoice, Diagnostic, Output};
use clap::{Args, Parser, Subcommand};
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

pub use run_args::{BailModifier, Color, RunArgs};

const AFTER_HELP: &str = "\
Exit codes: 0 when everything passed; 1 when an assertion, script or request failed, when input \
could not be loaded (missing file, invalid JSON, unknown reporter or --folder), or when --timeout \
was hit. -x/--suppress-exit-code makes it 0. Reports are written in every case.";

const COMPARE_AFTER_HELP: &str = "\
Variants: one per -e, named after the environment's name (its file stem where two names are \
equal) or --name; --matrix VAR=a,b makes one per value (with several -e, the cross product), \
named `<environment> VAR=a`.
Exit codes: 1 when any variant had a failure, or input could not be loaded; with --fail-on-diff \
also when status codes or the set of requests that ran differ; otherwise 0. \
-x/--suppress-exit-code makes it 0.";

/// Flags of `postie compare`: every `postie run` flag, plus the variants and the comparison.
#[derive(Debug, Clone, Args)]
pub struct CompareArgs {
    #[command(flatten)]
    pub run: RunArgs,

    /// One variant per value of an environment variable, VAR=V1,V2,…; repeatable (cross product)
    #[arg(
        long = "matrix",
        value_name = "VAR=V1,V2",
        help_heading = "Compare options"
    )]
    pub matrix: Vec<String>,

    /// Name of the variant of the -e at the same position; repeatable
    #[arg(long = "name", value_name = "NAME", help_heading = "Compare options")]
    pub name: Vec<String>,

    /// Run at most N variants at once [default: all]
    #[arg(long = "parallel", value_name = "N", value_parser = clap::value_parser!(u64).range(1..), help_heading = "Compare options")]
    pub parallel: Option<u64>,

    /// Write the comparison as JSON to this file
    #[arg(
        long = "export-compare",
        value_name = "FILE",
        help_heading = "Compare options"
    )]
    pub export_compare: Option<PathBuf>,

    /// Also exit 1 when status codes or the set of requests that ran differ
    #[arg(long = "fail-on-diff", help_heading = "Compare options")]
    pub fail_on_diff: bool,
}

/// postie: run Postman collections headlessly, as Newman does, from one binary.
#[derive(Debug, Parser)]
#[command(
    name = "postie",
    version,
    disable_version_flag = true,
    after_help = AFTER_HELP,
    args_override_self = true
)]
pub struct Cli {
    /// Print the version
    #[arg(short = 'v', long = "version", action = clap::ArgAction::Version)]
    version: Option<bool>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a collection (takes newman run's flags)
    #[command(after_help = AFTER_HELP, args_override_self = true)]
    Run(Box<RunArgs>),
    /// Run one collection against several environments at once and show them side by side
    #[command(after_help = COMPARE_AFTER_HELP, args_override_self = true)]
    Compare(Box<CompareArgs>),
    /// Serve a local stand-in for an API: `echo` (postman-echo.com's routes), `pingone`, …
    Mock(commands::mock::MockArgs),
    /// Turn a "Run in Postman" link into an environment file (and, with an API key, the collection)
    Import(commands::import::ImportArgs),
    /// Run the PingOne workflow library against the built-in PingOne stand-in (no network)
    Demo(commands::demo::DemoArgs),
}

/// Parses `args` (without the program name), merges rc files, runs the command.
pub fn main(args: Vec<OsString>) -> ExitCode {
    let (args, cli_reporter_flags) = reporter_flags::extract(args);
    let (args, mut reporter_flags) = match with_rc_flags(args) {
        Ok(a) => a,
        Err(e) => {
            Output::new(ColorChoice::Auto).error(&Diagnostic::new(e.to_string()));
            return ExitCode::from(1);
        }
    };
    let cli = match Cli::try_parse_from(std::iter::once(OsString::from("postie")).chain(args)) {
        Ok(cli) => cli,
        Err(e) => return clap_error(e),
    };
    // The rc files' reporter options first, so the command line's win.
    reporter_flags.extend(cli_reporter_flags);
    let switches = reporter_flags::ReporterSwitches::from_flags(&reporter_flags);
    match cli.command {
        Command::Run(args) => commands::run::run(*args, switches),
        Command::Compare(args) => commands::compare::run(*args, switches),
        Command::Mock(args) => commands::mock::run(args),
        Command::Import(args) => commands::import::run(args),
        Command::Demo(args) => commands::demo::run(args),
    }
}

/// Help and version go to stdout with exit 0; usage errors to stderr with exit 1 (as Newman).
fn clap_error(e: clap::Error) -> ExitCode {
    use std::io::IsTerminal;
    let out = Output::new(ColorChoice::Auto);
    let to_stdout = matches!(
        e.kind(),
        clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion
    );
    let terminal = if to_stdout {
        std::io::stdout().is_terminal()
    } else {
        std::io::stderr().is_terminal()
    };
    // Styled only on a terminal (and not with NO_COLOR), so help piped to a file stays plain.
    let rendered = e.render();
    let text = if ColorChoice::Auto.enabled(terminal) {
        rendered.ansi().to_string()
    } else {
        rendered.to_string()
    };
    if to_stdout {
        out.raw_out(&text);
        ExitCode::SUCCESS
    } else {
        out.raw_err(&text);
        ExitCode::from(1)
    }
}

/// Inserts the rc files' flags right after `run` (or `compare`), before the command line's own; returns their
/// `--reporter-…` flags apart.
fn with_rc_flags(
    args: Vec<OsString>,
) -> Result<(Vec<OsString>, Vec<reporter_flags::ReporterFlag>), rc::RcError> {
    let Some(pos) = args.iter().position(|a| a == "run" || a == "compare") else {
        return Ok((args, Vec::new()));
    };
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    let cwd = std::env::current_dir().unwrap_or_default();
    let extra = rc::flags_from_files(&rc::rc_files(home.as_deref(), &cwd))?;
    if extra.is_empty() {
        return Ok((args, Vec::new()));
    }
    let (extra, rc_reporter_flags) = reporter_flags::extract(extra);
    let mut out = args;
    let tail = out.split_off(pos + 1);
    out.extend(extra);
    out.extend(tail);
    Ok((out, rc_reporter_flags))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
