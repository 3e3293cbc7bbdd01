//! The static registry: reporter names (`-r cli,json,junit`) to reporters.

use super::cli::CliReporter;
use super::json::JsonReporter;
use super::junit::JunitReporter;
use super::{
    resolve_export_path, EmojiTrainReporter, ProgressReporter, Reporter, ReporterOptions, SharedOut,
};
use std::io::Write;

/// Names of the built-in reporters, in the order `--help` lists them.
pub const BUILT_IN: [&str; 5] = ["cli", "json", "junit", "progress", "emojitrain"];

/// Reporters Newman users know that postie does not have (yet).
const NOT_YET: [&str; 2] = ["html", "htmlextra"];

/// Why the reporters could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BuildError {
    /// `-r` named a reporter that is not built in.
    #[error("could not find \"{name}\" reporter\n\nhint: {hint}")]
    UnknownReporter { name: String, hint: String },
}

/// Makes the reporters named in `opts.reporters`, in order (duplicates and empty names are
/// dropped). The printing ones share `stdout`. Nothing is written yet: report files are
/// created on the first event.
pub fn build(
    opts: &ReporterOptions,
    stdout: Box<dyn Write>,
) -> Result<Vec<Box<dyn Reporter>>, BuildError> {
    let out = SharedOut::new(stdout);
    let now = chrono::Utc::now();
    let mut seen: Vec<&str> = Vec::new();
    let mut reporters: Vec<Box<dyn Reporter>> = Vec::new();
    for name in opts.reporters.iter().map(|n| n.trim()) {
        if name.is_empty() || seen.contains(&name) {
            continue;
        }
        seen.push(name);
        let reporter: Box<dyn Reporter> = match name {
            "cli" => Box::new(CliReporter::new(opts.cli.clone(), Box::new(out.clone()))),
            "json" => {
                let path = resolve_export_path(
                    opts.json.export.as_deref(),
                    "newman-run-report",
                    "json",
                    now,
                );
                Box::new(JsonReporter::new(path, opts))
            }
            "junit" => {
                let path = resolve_export_path(
                    opts.junit.export.as_deref(),
                    "newman-run-report",
                    "xml",
                    now,
                );
                Box::new(JunitReporter::new(path))
            }
            "progress" => Box::new(ProgressReporter::new(
                opts.is_tty && !opts.cli.silent,
                opts.cli.unicode,
                Box::new(out.clone()),
            )),
            "emojitrain" => Box::new(EmojiTrainReporter::new(
                !opts.cli.silent,
                Box::new(out.clone()),
            )),
            other => return Err(unknown(other)),
        };
        reporters.push(reporter);
    }
    Ok(reporters)
}

fn unknown(name: &str) -> BuildError {
    let list = BUILT_IN.join(", ");
    let hint = if NOT_YET.contains(&name) {
        format!(
            "the {name} reporter is not built into postie yet; the built-in reporters are {list}"
        )
    } else {
        format!("the built-in reporters are {list}")
    };
    BuildError::UnknownReporter {
        name: name.to_string(),
        hint,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(names: &[&str]) -> ReporterOptions {
        ReporterOptions {
            reporters: names.iter().map(|s| s.to_string()).collect(),
            ..ReporterOptions::default()
        }
    }

    #[test]
    fn builds_each_known_reporter_once() {
        let made = build(
            &opts(&["cli", "emojitrain", "cli", "", "progress"]),
            Box::new(Vec::new()),
        );
        assert_eq!(made.unwrap().len(), 3);
    }

    #[test]
    fn unknown_reporter_is_named_with_a_hint() {
        let err = build(&opts(&["cli", "teamcity"]), Box::new(Vec::new()))
            .err()
            .unwrap();
        assert_eq!(
            err.to_string(),
            "could not find \"teamcity\" reporter\n\nhint: the built-in reporters are cli, json, \
             junit, progress, emojitrain"
        );
        let err = build(&opts(&["htmlextra"]), Box::new(Vec::new()))
            .err()
            .unwrap();
        assert!(err
            .to_string()
            .contains("the htmlextra reporter is not built into postie yet"));
    }
}
