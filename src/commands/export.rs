//! `--export-environment`, `--export-globals`, `--export-collection`, `--export-cookie-jar`:
//! the final state of a run, written in Postman's (and tough-cookie's) file shapes. Unlike
//! Newman (#2680), the exported collection carries the final collection variables.

use crate::cli::RunArgs;
use crate::collection::{export_scope, Collection, Variable};
use crate::report::resolve_export_path;
use crate::run::RunSummary;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A file that could not be written.
#[derive(Debug, thiserror::Error)]
#[error("could not write {what} to {path}: {source}")]
pub struct ExportError {
    pub what: &'static str,
    pub path: PathBuf,
    #[source]
    pub source: std::io::Error,
}

fn write_json(
    what: &'static str,
    given: &Path,
    stem: &str,
    value: &Value,
) -> Result<(), ExportError> {
    let path = resolve_export_path(Some(given), stem, "json", chrono::Utc::now());
    let err = |source| ExportError {
        what,
        path: path.clone(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(err)?;
    }
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    std::fs::write(&path, text).map_err(err)
}

/// Writes every export the flags asked for.
pub fn write_exports(
    args: &RunArgs,
    collection: &Collection,
    summary: &RunSummary,
) -> Result<(), ExportError> {
    let s = &summary.scopes;
    if let Some(p) = &args.export_environment {
        let v = export_scope(
            "environment",
            s.environment_id.as_deref(),
            s.environment_name.as_deref(),
            &s.environment,
        );
        write_json("the environment", p, "newman-environment", &v)?;
    }
    if let Some(p) = &args.export_globals {
        let v = export_scope(
            "globals",
            s.globals_id.as_deref(),
            Some("globals"),
            &s.globals,
        );
        write_json("the globals", p, "newman-globals", &v)?;
    }
    if let Some(p) = &args.export_collection {
        write_json(
            "the collection",
            p,
            "newman-collection",
            &with_variables(collection.raw_value(), &s.collection),
        )?;
    }
    if let (Some(p), Some(jar)) = (&args.export_cookie_jar, &s.cookies) {
        write_json("the cookie jar", p, "newman-cookie-jar", jar)?;
    }
    Ok(())
}

/// The collection JSON with `variable` replaced by the run's final collection variables.
fn with_variables(raw: Value, vars: &[Variable]) -> Value {
    let mut out = raw;
    if let Value::Object(obj) = &mut out {
        let list: Vec<Value> = vars
            .iter()
            .map(|v| {
                let mut o = serde_json::Map::new();
                o.insert("key".into(), Value::String(v.key.clone()));
                o.insert("value".into(), v.value.clone());
                if v.kind != "default" {
                    o.insert("type".into(), Value::String(v.kind.clone()));
                }
                if !v.enabled {
                    o.insert("disabled".into(), Value::Bool(true));
                }
                Value::Object(o)
            })
            .collect();
        obj.insert("variable".into(), Value::Array(list));
    }
    out
}
