//! postie: a headless runner for Postman collections.
//!
//! ```text
//! cli → commands → run → { collection (parse), vars (resolve), http (send), script (JS sandbox) }
//!                  report reads run's events and RunSummary; nothing else prints.
//! ```
//! `mock` holds the local stand-ins (postman-echo, Newman's test servers) that tests and
//! `postie mock` serve; `output` is the one writer of diagnostics.

pub mod cli;
pub mod collection;
pub mod commands;
pub mod http;
pub mod mock;
pub mod output;
pub mod report;
pub mod run;
pub mod script;
pub mod vars;
