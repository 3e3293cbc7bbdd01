//! Newman's own integration suites (../shared/compat/newman, 45 collections), run offline: every
//! host they call is pointed at a local stand-in with `--connect-to` (postman-echo.com at our
//! echo server with a test CA, Newman's ports 4041/4042 at the raw and redirect servers), and
//! each suite must end with every assertion passed and no script or request error.
//! Skipped (with a note) when ../shared is absent. Suites that cannot pass offline are listed in
//! `NOT_OFFLINE` with the reason, as in docs/compat.md.

mod support;

use serde_json::Value;
use std::path::Path;
use support::compat::{connect_args, stand_ins, Stands};
use support::{postie_in, shared_dir};

/// Suites no local stand-in can replace, with the reason (kept in sync with docs/compat.md).
const NOT_OFFLINE: &[(&str, &str)] = &[];

/// The flags for one suite's files and run options.
fn suite_args(root: &Path, suite: &Value) -> Vec<String> {
    let mut args = vec!["run".to_string()];
    let files = &suite["files"];
    let path = |k: &str| {
        files
            .get(k)
            .and_then(Value::as_str)
            .map(|p| root.join(p).display().to_string())
    };
    args.push(path("collectionJSON").expect("every suite has a collection"));
    for (key, flag) in [
        ("environmentJSON", "-e"),
        ("globalsJSON", "-g"),
        ("dataJSON", "-d"),
        ("dataCSV", "-d"),
    ] {
        if let Some(p) = path(key) {
            args.push(flag.into());
            args.push(p);
        }
    }
    let opts = &suite["newman_run_options"];
    if opts["ignoreRedirects"].as_bool() == Some(true) {
        args.push("--ignore-redirects".into());
    }
    if opts["insecure"].as_bool() == Some(true) {
        args.push("-k".into());
    }
    for (key, flag) in [
        ("timeout", "--timeout"),
        ("timeoutRequest", "--timeout-request"),
        ("timeoutScript", "--timeout-script"),
    ] {
        if let Some(ms) = opts[key].as_u64() {
            args.push(flag.into());
            args.push(ms.to_string());
        }
    }
    args
}

/// Runs one suite; `Err` describes what failed.
fn run_suite(root: &Path, work: &Path, stands: &Stands, suite: &Value) -> Result<(), String> {
    let name = suite["suite"].as_str().unwrap_or("?");
    let report = work.join(format!("{}.json", name.replace('/', "__")));
    let mut args = suite_args(root, suite);
    args.extend(connect_args(stands));
    args.extend(["-r".into(), "json".into(), "--reporter-json-export".into()]);
    args.push(report.display().to_string());
    args.extend(["--working-dir".into(), work.display().to_string()]);
    let out = postie_in(work)
        .args(&args)
        .output()
        .map_err(|e| e.to_string())?;
    let text = std::fs::read_to_string(&report).map_err(|e| {
        format!(
            "no report ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })?;
    let json: Value = serde_json::from_str(&text).map_err(|e| format!("bad report: {e}"))?;
    let failures: Vec<String> = json["run"]["failures"]
        .as_array()
        .map(|fs| {
            fs.iter()
                .map(|f| {
                    format!(
                        "{} at {} in {:?}: {}",
                        f["error"]["name"].as_str().unwrap_or(""),
                        f["at"].as_str().unwrap_or(""),
                        f["source"]["name"].as_str().unwrap_or(""),
                        f["error"]["message"].as_str().unwrap_or("")
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let assertions = json["run"]["stats"]["assertions"]["total"]
        .as_u64()
        .unwrap_or(0);
    if !out.status.success() || !failures.is_empty() {
        return Err(format!(
            "exit {:?}, {} assertions, failures:\n      {}\n    stderr: {}",
            out.status.code(),
            assertions,
            failures.join("\n      "),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(())
}

#[test]
fn newman_integration_suites_pass_offline() {
    let Some(shared) = shared_dir() else { return };
    let root = shared.join("compat/newman");
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("integration-manifest.json")).expect("manifest"),
    )
    .expect("manifest JSON");
    let work = tempfile::tempdir().expect("tempdir");
    // Suites name upload files as `test/integration/...` from Newman's repository root.
    std::os::unix::fs::symlink(&root, work.path().join("test")).expect("symlink");
    let stands = stand_ins(work.path());
    let mut failed = Vec::new();
    let suites = manifest["suites"].as_array().expect("suites");
    for suite in suites {
        let name = suite["suite"].as_str().unwrap_or("?");
        if NOT_OFFLINE.iter().any(|(n, _)| *n == name) {
            continue;
        }
        if let Err(why) = run_suite(&root, work.path(), &stands, suite) {
            failed.push(format!("  {name}: {why}"));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} suites failed:\n{}",
        failed.len(),
        suites.len(),
        failed.join("\n")
    );
}
