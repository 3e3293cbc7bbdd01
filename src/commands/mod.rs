//! COMMANDS: one entry point per subcommand (`run`, `mock`, …), each short: load inputs, call
//! the library, report, choose the exit code.

pub mod compare;
pub mod export;
pub mod load;
pub mod mock;
pub mod run;
