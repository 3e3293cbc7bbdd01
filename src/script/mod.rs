//! JS SANDBOX: runs pre-request and test scripts in one embedded QuickJS runtime per run, with
//! Postman's `pm` API, chai-style `expect`, the legacy globals and the built-in libraries.

pub mod outcome;
