//! Options from Newman's rc files (`/etc/postman/newmanrc`, `~/.postman/newmanrc`,
//! `./.newmanrc`; JSON, optionally keyed by `run`), turned into flags placed before the command
//! line's own, so the command line wins.

use serde_json::{Map, Value};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// A bad rc file: its path and what is wrong.
#[derive(Debug, thiserror::Error)]
#[error("could not read options from {path}: {message}")]
pub struct RcError {
    pub path: PathBuf,
    pub message: String,
}

/// The rc files that apply, lowest precedence first.
pub fn rc_files(home: Option<&Path>, cwd: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    if cfg!(unix) {
        files.push(PathBuf::from("/etc/postman/newmanrc"));
    }
    if let Some(home) = home {
        files.push(home.join(".postman").join("newmanrc"));
    }
    files.push(cwd.join(".newmanrc"));
    files
}

/// Flags from every rc file that exists (missing files are skipped).
pub fn flags_from_files(files: &[PathBuf]) -> Result<Vec<OsString>, RcError> {
    let mut out = Vec::new();
    for path in files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let err = |message: String| RcError {
            path: path.clone(),
            message,
        };
        let value: Value = serde_json::from_str(&text)
            .map_err(|e| err(format!("invalid JSON at {}:{}: {e}", e.line(), e.column())))?;
        let obj = value
            .get("run")
            .unwrap_or(&value)
            .as_object()
            .ok_or_else(|| err("expected a JSON object (optionally keyed by \"run\")".into()))?;
        out.extend(flags(obj));
    }
    Ok(out)
}

/// `fooBar` → `foo-bar`.
fn kebab(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The flags one rc object stands for.
pub fn flags(obj: &Map<String, Value>) -> Vec<OsString> {
    let mut out: Vec<OsString> = Vec::new();
    for (key, value) in obj {
        if key == "reporter" {
            reporter_flags(value, &mut out);
            continue;
        }
        if key == "collection" {
            continue;
        }
        let flag = format!("--{}", kebab(key));
        match value {
            Value::Bool(true) => out.push(flag.into()),
            Value::Bool(false) | Value::Null => {}
            Value::Array(items) if key == "reporters" => {
                let list: Vec<String> = items.iter().filter_map(scalar).collect();
                out.push(flag.into());
                out.push(list.join(",").into());
            }
            Value::Array(items) => {
                for item in items {
                    let text = match item {
                        Value::Object(o) => match (o.get("key"), o.get("value")) {
                            (Some(k), v) => format!(
                                "{}={}",
                                scalar(k).unwrap_or_default(),
                                v.and_then(scalar).unwrap_or_default()
                            ),
                            _ => continue,
                        },
                        other => match scalar(other) {
                            Some(s) => s,
                            None => continue,
                        },
                    };
                    out.push(flag.clone().into());
                    out.push(text.into());
                }
            }
            other => {
                if let Some(s) = scalar(other) {
                    out.push(flag.into());
                    out.push(s.into());
                }
            }
        }
    }
    out
}

/// `"reporter": {"json": {"export": "x"}, "cli": {"noSummary": true}}`.
fn reporter_flags(value: &Value, out: &mut Vec<OsString>) {
    let Some(per_reporter) = value.as_object() else {
        return;
    };
    for (reporter, opts) in per_reporter {
        let Some(opts) = opts.as_object() else {
            continue;
        };
        for (opt, v) in opts {
            let flag = format!("--reporter-{reporter}-{}", kebab(opt));
            match v {
                Value::Bool(true) => out.push(flag.into()),
                Value::Bool(false) | Value::Null => {}
                other => {
                    if let Some(s) = scalar(other) {
                        out.push(format!("{flag}={s}").into());
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn rc_object_becomes_flags() {
        let v = json!({
            "iterationCount": 2,
            "reporters": ["cli", "json"],
            "envVar": [{"key": "a", "value": "b"}, "c=d"],
            "insecure": true,
            "silent": false,
            "reporter": {"json": {"export": "out.json"}, "cli": {"noSummary": true}}
        });
        let got: Vec<String> = flags(v.as_object().unwrap())
            .into_iter()
            .map(|s| s.to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            got,
            vec![
                "--iteration-count",
                "2",
                "--reporters",
                "cli,json",
                "--env-var",
                "a=b",
                "--env-var",
                "c=d",
                "--insecure",
                "--reporter-json-export=out.json",
                "--reporter-cli-no-summary"
            ]
        );
    }
}
