//! COMMANDS: one entry point per subcommand (`run`, `mock`, …), each short: load inputs, call
//! the library, report, choose the exit code.

pub mod compare;
pub mod demo;
pub mod export;
pub mod import;
pub mod load;
pub mod mock;
pub mod run;
