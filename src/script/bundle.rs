//! Our own JS, precompiled to QuickJS bytecode by build.rs: a table of (module name, bytecode),
//! names being paths relative to src/script/js (`prelude/index.js`).

include!(concat!(env!("OUT_DIR"), "/js_bundle.rs"));

/// True when the bundle holds a module of that name.
pub fn contains(name: &str) -> bool {
    MODULES.iter().any(|(n, _)| *n == name)
}
