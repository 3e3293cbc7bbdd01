//! ORCHESTRATE: iterations × items in Newman's order, scripts around each request, setNextRequest,
//! bail, timeouts; emits [`RunEvent`]s and returns a [`RunSummary`]. Never prints or exits.

mod cookies;
pub mod event;
mod host;
mod item;
pub mod mask;
pub mod options;
mod runner;
mod scripts;
pub mod select;
pub mod summary;
mod tally;

pub use event::*;
pub use options::{Bail, Cancel, RunOptions};
pub use runner::{run, Listener, RunError};
pub use summary::*;
