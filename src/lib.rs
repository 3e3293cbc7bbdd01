//! postie: a headless runner for Postman collections.
//!
//! ```text
//! cli → commands → run → { collection (parse), vars (resolve), http (send), script (JS sandbox) }
//!                  report reads run's events and RunSummary; nothing else prints.
//! ```

pub mod collection;
pub mod http;
pub mod mock;
pub mod report;
pub mod run;
pub mod script;
pub mod vars;
