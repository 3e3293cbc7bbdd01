//! COMMANDS: one entry point per subcommand (`run`, `mock`, …), each short: load inputs, call
//! the library, report, choose the exit code.

pub mod compare;
pub mod demo;
pub mod export;
pub mod import;
pub mod load;
pub mod mock;
pub mod run;

use crate::output::{Diagnostic, Output};
use std::process::ExitCode;

/// Runs a command's async body on a current-thread runtime and turns its outcome into the exit
/// code: `Ok(true)` (something failed) or an error (printed) give 1, unless `suppress` (`-x`).
pub(crate) fn run_to_exit(
    out: Output,
    suppress: bool,
    body: impl std::future::Future<Output = Result<bool, Diagnostic>>,
) -> ExitCode {
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            out.error(&Diagnostic::new(format!(
                "could not start the async runtime: {e}"
            )));
            return ExitCode::from(1);
        }
    };
    let failed = match rt.block_on(body) {
        Ok(failed) => failed,
        Err(diag) => {
            out.error(&diag);
            true
        }
    };
    if failed && !suppress {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
