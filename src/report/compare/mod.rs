//! `postie compare`'s reports: what one variant's run leaves ([`Recorder`], a [`Reporter`] fed by
//! the run's events, and its variables' [`snapshot`]), the variants lined up side by side
//! ([`Comparison`]), and the comparison as a terminal table ([`table`]), as JSON
//! (`--export-compare`, [`export`]) and as one JUnit file with variant-prefixed suites
//! ([`junit`]). Per-variant `-r json` reports are the ordinary json reporter's.
//!
//! [`Reporter`]: crate::report::Reporter

pub mod export;
pub mod junit;
mod merge;
mod model;
mod record;
mod shape;
pub mod table;
mod variables;

pub use merge::merge_orders;
pub use model::{
    CheckCell, CheckRow, Comparison, RequestCell, RequestRow, VariableRow, VariantRun,
    VariantTotals,
};
pub use record::{Check, CheckKind, ExecRecord, Outcome, Recorder, Status};
pub use shape::{BodyShape, JsonType};
pub use table::TableOptions;
pub use variables::{looks_secret, snapshot, FinalValue, Initial, VariableSnapshot};
