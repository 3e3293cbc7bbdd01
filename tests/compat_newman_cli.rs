//! Newman's own CLI tests (../shared/compat/newman/cli-cases.json: 57 `newman <args>` calls with
//! the exit code each expects), run with postie offline against the stand-ins of
//! `support::compat`. Cases whose expectation is on output or files ("see source") must still end
//! normally (exit 0 or 1). Skipped, with a note, when ../shared is absent.

mod support;

use serde_json::Value;
use std::path::Path;
use support::compat::{connect_args, stand_ins};
use support::{postie_in, shared_dir};

/// Cases that need files Newman keeps outside the copied suites (its test/fixtures/ssl client
/// certificates, as cli-cases.json's own note says).
fn needs_missing_fixtures(args: &str) -> bool {
    args.contains("fixtures/ssl/") || args.contains("ssl-client-cert-config.json")
}

/// The case's arguments with `${outFile}`/`${workingDir}` filled in and the suite's input files
/// made absolute, so that postie runs in a scratch directory and writes nothing into ../shared.
fn expand(args: &str, root: &Path, out_file: &Path, working_dir: &Path) -> Vec<String> {
    // `> ${outFile}` is the shell capturing stdout: postie's stdout is captured here anyway.
    let args = args.split(" > ").next().unwrap_or(args);
    args.replace("${outFile}", &out_file.display().to_string())
        .replace("${workingDir}", &working_dir.display().to_string())
        .split_whitespace()
        .map(|arg| {
            let input = root.join(arg);
            if !arg.starts_with('-') && input.exists() {
                input.display().to_string()
            } else {
                arg.to_string()
            }
        })
        .collect()
}

fn exit_ok(expected: &Value, code: i32) -> bool {
    match expected {
        Value::Number(n) => n.as_i64() == Some(i64::from(code)),
        Value::String(s) if s == "nonzero" => code != 0,
        // Asserted on output or files in Newman's test: here, a normal end.
        _ => code == 0 || code == 1,
    }
}

#[test]
#[allow(clippy::print_stderr)]
fn newman_cli_cases_exit_as_newman_does() {
    let Some(shared) = shared_dir() else { return };
    let root = shared.join("compat/newman");
    let Ok(text) = std::fs::read_to_string(root.join("cli-cases.json")) else {
        eprintln!("note: {} has no cli-cases.json; skipped", root.display());
        return;
    };
    let cases: Value = serde_json::from_str(&text).expect("cli-cases.json is JSON");
    let work = tempfile::tempdir().expect("temp dir");
    let stands = stand_ins(work.path());
    let out_file = work.path().join("out").join("report.xml");
    let working_dir = root.join("fixtures/files/work-dir");
    let (mut ran, mut wrong) = (0, Vec::new());
    for case in cases["cases"].as_array().expect("a cases list") {
        let args_text = case["args"].as_str().unwrap_or_default();
        if needs_missing_fixtures(args_text) {
            continue;
        }
        let mut args = expand(args_text, &root, &out_file, &working_dir);
        args.extend(connect_args(&stands));
        let out = postie_in(work.path())
            .args(&args)
            .output()
            .expect("postie runs");
        let code = out.status.code().unwrap_or(-1);
        ran += 1;
        if !exit_ok(&case["expected_exit"], code) {
            wrong.push(format!(
                "{} ({args_text}): expected exit {}, got {code}\n{}",
                case["it"],
                case["expected_exit"],
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    assert!(ran >= 50, "only {ran} cases ran");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
