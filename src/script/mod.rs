//! JS SANDBOX: runs pre-request and test scripts in one embedded QuickJS runtime per run, with
//! Postman's `pm` API, chai-style `expect`, the legacy globals and the built-in libraries.
//!
//! Layout: `engine` configures QuickJS (limits, interrupt, module loader over the bytecode
//! `bundle` that build.rs makes from `js/`); `natives` are the Rust functions the JS prelude
//! calls; `sandbox` runs one script and drives its async work; `host` is what the run provides.

pub mod bundle;
pub mod convert;
pub mod engine;
pub mod host;
pub mod lib;
pub mod natives;
pub mod node_modules;
pub mod outcome;
pub mod sandbox;
pub mod state;

pub use engine::{EngineError, EngineLimits};
pub use host::{NoHost, ScriptHost};
pub use outcome::{AssertionResult, ConsoleMessage, ErrorInfo, Listen};
pub use sandbox::{Sandbox, SandboxOptions, ScriptFailure, ScriptInput, ScriptOutcome};
pub use state::{NextRequest, RequestSource, ScriptEvent, ScriptInfo};

#[cfg(test)]
mod sandbox_tests;
#[cfg(test)]
pub(crate) mod testing;
