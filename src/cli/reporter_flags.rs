//! `--reporter-<name>-<option> [value]` and `--reporter-<option> [value]`: Newman's open-ended
//! reporter options, taken out of the argument list before clap sees it.

use std::ffi::OsString;

/// Options that take a value (everything else is a switch unless written `--opt=value`).
const VALUE_OPTIONS: [&str; 2] = ["export", "template"];

/// One `--reporter-…` flag: the text after `--reporter-` and its value, if it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReporterFlag {
    pub name: String,
    pub value: Option<String>,
}

/// Splits `--reporter-…` flags (with their values) from the other arguments.
pub fn extract(args: Vec<OsString>) -> (Vec<OsString>, Vec<ReporterFlag>) {
    let mut rest = Vec::with_capacity(args.len());
    let mut flags = Vec::new();
    let mut iter = args.into_iter().peekable();
    while let Some(arg) = iter.next() {
        let Some(text) = arg.to_str().and_then(|s| s.strip_prefix("--reporter-")) else {
            rest.push(arg);
            continue;
        };
        if text == "s" || text.starts_with("s=") {
            // `--reporters` is a regular flag.
            rest.push(arg);
            continue;
        }
        let (name, inline) = match text.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (text.to_string(), None),
        };
        let takes_value = VALUE_OPTIONS
            .iter()
            .any(|o| name == *o || name.ends_with(&format!("-{o}")));
        let value = match inline {
            Some(v) => Some(v),
            None if takes_value => iter.next().map(|v| v.to_string_lossy().into_owned()),
            None => None,
        };
        flags.push(ReporterFlag { name, value });
    }
    (rest, flags)
}

/// The reporter options postie understands, typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReporterSwitches {
    pub cli_silent: bool,
    pub show_timestamps: bool,
    pub no_summary: bool,
    pub no_failures: bool,
    pub no_assertions: bool,
    pub no_success_assertions: bool,
    pub no_console: bool,
    pub no_banner: bool,
    pub json_export: Option<String>,
    pub json_bodies: bool,
    pub junit_export: Option<String>,
    pub html_export: Option<String>,
    pub show_secrets: bool,
    /// Flags postie does not know (kept for a warning).
    pub unknown: Vec<String>,
}

impl ReporterSwitches {
    pub fn from_flags(flags: &[ReporterFlag]) -> Self {
        let mut s = ReporterSwitches::default();
        for f in flags {
            let name = f.name.as_str();
            // `cli-no-summary` and the generic `no-summary` mean the same for us.
            let opt = name.strip_prefix("cli-").unwrap_or(name);
            match (name, opt) {
                ("json-export", _) => s.json_export = f.value.clone(),
                ("json-bodies", _) => s.json_bodies = true,
                ("junit-export", _) => s.junit_export = f.value.clone(),
                ("html-export", _) => s.html_export = f.value.clone(),
                (_, "silent") => s.cli_silent = true,
                (_, "show-timestamps") => s.show_timestamps = true,
                (_, "no-summary") => s.no_summary = true,
                (_, "no-failures") => s.no_failures = true,
                (_, "no-assertions") => s.no_assertions = true,
                (_, "no-success-assertions") => s.no_success_assertions = true,
                (_, "no-console") => s.no_console = true,
                (_, "no-banner") => s.no_banner = true,
                (_, "show-secrets") => s.show_secrets = true,
                _ => s.unknown.push(format!("--reporter-{name}")),
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn takes_export_values_and_switches() {
        let (rest, flags) = extract(os(&[
            "run",
            "c.json",
            "--reporter-json-export",
            "out.json",
            "--reporter-cli-no-summary",
            "--reporters",
            "cli,json",
            "--reporter-junit-export=j.xml",
        ]));
        assert_eq!(rest, os(&["run", "c.json", "--reporters", "cli,json"]));
        let s = ReporterSwitches::from_flags(&flags);
        assert_eq!(s.json_export.as_deref(), Some("out.json"));
        assert_eq!(s.junit_export.as_deref(), Some("j.xml"));
        assert!(s.no_summary);
        assert!(s.unknown.is_empty());
    }

    #[test]
    fn a_switch_before_the_collection_does_not_eat_it() {
        let (rest, flags) = extract(os(&["run", "--reporter-no-console", "c.json"]));
        assert_eq!(rest, os(&["run", "c.json"]));
        assert!(ReporterSwitches::from_flags(&flags).no_console);
    }
}
