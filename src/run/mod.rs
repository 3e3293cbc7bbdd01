//! ORCHESTRATE: iterations × items in Newman's order, scripts around each request, setNextRequest,
//! bail, timeouts; emits [`RunEvent`]s and returns a [`RunSummary`]. Never prints or exits.

pub mod event;
pub mod summary;

pub use event::*;
pub use summary::*;
