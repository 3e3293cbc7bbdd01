//! ORCHESTRATE: iterations × items in Newman's order, scripts around each request, setNextRequest,
//! bail, timeouts; emits [`RunEvent`]s and returns a [`RunSummary`]. Never prints or exits.

pub mod event;
// Gated until the collection/vars/http APIs land (see the next commits).
#[cfg(any())]
mod host;
#[cfg(any())]
mod item;
#[cfg(any())]
pub mod mask;
pub mod options;
#[cfg(any())]
mod runner;
#[cfg(any())]
mod scripts;
pub mod select;
pub mod summary;
mod tally;

pub use event::*;
pub use options::{Bail, Cancel, RunOptions};
#[cfg(any())]
pub use runner::{run, Listener, RunError};
pub use summary::*;
