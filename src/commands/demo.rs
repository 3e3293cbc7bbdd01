//! `postie demo`: the PingOne workflow library end to end, offline. Starts the PingOne stand-in on
//! `127.0.0.1:0`, writes the five collections (as the folders of one collection) and the template
//! environment into `postie-demo/`, and runs them through `postie run` with `--env-var`s pointing
//! `authPath`/`apiPath` at the stand-in and filling in its demo tenant's credentials: the cli
//! report on stdout, `postie-demo/junit.xml` and `postie-demo/report.json` on disk.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser};
use serde_json::{json, Map, Value};

use crate::cli::reporter_flags::{self, ReporterSwitches};
use crate::cli::RunArgs;
use crate::mock::pingone::PingOneServer;
use crate::output::{ColorChoice, Diagnostic, Output};

/// The workflow library, in the order the demo runs it.
pub const COLLECTIONS: [(&str, &str); 5] = [
    (
        "pingone-client-secret-basic",
        include_str!("../../collections/pingone-client-secret-basic.postman_collection.json"),
    ),
    (
        "pingone-client-secret-post",
        include_str!("../../collections/pingone-client-secret-post.postman_collection.json"),
    ),
    (
        "pingone-client-secret-jwt",
        include_str!("../../collections/pingone-client-secret-jwt.postman_collection.json"),
    ),
    (
        "pingone-private-key-jwt",
        include_str!("../../collections/pingone-private-key-jwt.postman_collection.json"),
    ),
    (
        "pingone-none-pkce",
        include_str!("../../collections/pingone-none-pkce.postman_collection.json"),
    ),
];

/// The environment the "Run in Postman" links carry.
pub const TEMPLATE_ENVIRONMENT: &str =
    include_str!("../../environments/pingone-template.postman_environment.json");

/// The demo tenant's environment (the stand-in on port 8787, its credentials, the demo key).
pub const DEMO_ENVIRONMENT: &str =
    include_str!("../../environments/pingone-demo.postman_environment.json");

#[derive(Debug, Clone, Args)]
pub struct DemoArgs {
    /// Folder for the inputs and the reports
    #[arg(long = "dir", value_name = "DIR", default_value = "postie-demo")]
    pub dir: PathBuf,
}

/// `RunArgs` parsed on their own (the demo builds a `postie run` command line).
#[derive(Debug, Parser)]
#[command(name = "postie-run", no_binary_name = true)]
struct RunLine {
    #[command(flatten)]
    args: RunArgs,
}

/// Entry point of `postie demo`.
pub fn run(args: DemoArgs) -> ExitCode {
    let out = Output::new(ColorChoice::Auto);
    let server = match PingOneServer::start() {
        Ok(s) => s,
        Err(e) => {
            out.error(
                &Diagnostic::new("could not start the PingOne stand-in").detail(e.to_string()),
            );
            return ExitCode::from(1);
        }
    };
    let (run_args, switches) = match prepare(&args.dir, &server) {
        Ok(ok) => ok,
        Err(diag) => {
            out.error(&diag);
            return ExitCode::from(1);
        }
    };
    out.raw_err(&format!(
        "postie demo: the PingOne workflow library against the stand-in at {}\n",
        server.auth_path()
    ));
    let code = super::run::run(run_args, switches);
    out.raw_err(&format!(
        "postie demo: reports in {} and {}\n",
        args.dir.join("junit.xml").display(),
        args.dir.join("report.json").display()
    ));
    code
}

/// Writes the inputs into `dir` and builds the `postie run` arguments.
fn prepare(dir: &Path, server: &PingOneServer) -> Result<(RunArgs, ReporterSwitches), Diagnostic> {
    let write = |name: &str, value: &Value| -> Result<PathBuf, Diagnostic> {
        let path = dir.join(name);
        let text = serde_json::to_string_pretty(value).unwrap_or_default() + "\n";
        std::fs::write(&path, text).map_err(|e| {
            Diagnostic::new(format!("could not write {}", path.display())).detail(e.to_string())
        })?;
        Ok(path)
    };
    std::fs::create_dir_all(dir).map_err(|e| {
        Diagnostic::new(format!("could not create {}", dir.display())).detail(e.to_string())
    })?;
    let collection = write(
        "pingone-workflow-library.postman_collection.json",
        &library()?,
    )?;
    let template = serde_json::from_str::<Value>(TEMPLATE_ENVIRONMENT).map_err(embedded)?;
    let environment = write("pingone-template.postman_environment.json", &template)?;
    let mut line: Vec<OsString> = vec![collection.into(), "-e".into(), environment.into()];
    let mut vars = server.env_vars();
    vars.push(("privateKey".into(), demo_value("privateKey")?));
    for (key, value) in vars {
        line.push("--env-var".into());
        line.push(format!("{key}={value}").into());
    }
    for flag in ["-r", "cli,junit,json"] {
        line.push(flag.into());
    }
    line.push("--reporter-junit-export".into());
    line.push(dir.join("junit.xml").into());
    line.push("--reporter-json-export".into());
    line.push(dir.join("report.json").into());
    let (line, flags) = reporter_flags::extract(line);
    let parsed = RunLine::try_parse_from(line)
        .map_err(|e| Diagnostic::new("could not build the run").detail(e.to_string()))?;
    Ok((parsed.args, ReporterSwitches::from_flags(&flags)))
}

/// The five collections as the folders of one ("PingOne Workflow Library"), their collection
/// variables merged (they share names and defaults; each Setup captures its own values).
pub fn library() -> Result<Value, Diagnostic> {
    let mut folders = Vec::new();
    let mut variables: Vec<Value> = Vec::new();
    for (_, text) in COLLECTIONS {
        let c: Value = serde_json::from_str(text).map_err(embedded)?;
        let mut folder = Map::new();
        folder.insert("id".into(), c["info"]["_postman_id"].clone());
        folder.insert("name".into(), c["info"]["name"].clone());
        folder.insert("description".into(), c["info"]["description"].clone());
        folder.insert("item".into(), c["item"].clone());
        folders.push(Value::Object(folder));
        for v in c["variable"].as_array().into_iter().flatten() {
            if !variables.iter().any(|seen| seen["key"] == v["key"]) {
                variables.push(v.clone());
            }
        }
    }
    Ok(json!({
        "info": {
            "_postman_id": "2a7c0e51-8f0b-5d3e-9a41-6b2f0c7d8e19",
            "name": "PingOne Workflow Library",
            "description": "The five Client Authentication Methods workflows (postie demo).",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "item": folders,
        "variable": variables,
    }))
}

/// The value of `key` in the demo environment.
pub fn demo_value(key: &str) -> Result<String, Diagnostic> {
    let env: Value = serde_json::from_str(DEMO_ENVIRONMENT).map_err(embedded)?;
    env["values"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|v| v["key"] == key)
        .and_then(|v| v["value"].as_str())
        .map(str::to_owned)
        .ok_or_else(|| Diagnostic::new(format!("the demo environment has no {key}")))
}

fn embedded(e: serde_json::Error) -> Diagnostic {
    Diagnostic::new("a file built into postie is not valid JSON").detail(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mock::pingone;

    #[test]
    fn the_library_has_the_five_collections_as_folders() {
        let lib = library().expect("library");
        let names: Vec<&str> = lib["item"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f["name"].as_str())
            .collect();
        assert_eq!(names.len(), 5);
        assert!(names
            .iter()
            .all(|n| n.starts_with("PingOne Workflow Library: ")));
        let keys: Vec<&str> = lib["variable"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v["key"].as_str())
            .collect();
        let unique: std::collections::HashSet<_> = keys.iter().collect();
        assert_eq!(unique.len(), keys.len());
        assert!(keys.contains(&"redirectUri") && keys.contains(&"codeVerifier"));
    }

    #[test]
    fn the_demo_environment_is_the_stand_ins_tenant() {
        for (key, want) in [
            ("adminEnvID", pingone::DEMO_ADMIN_ENV_ID),
            ("adminAppID", pingone::DEMO_ADMIN_APP_ID),
            ("adminAppSecret", pingone::DEMO_ADMIN_APP_SECRET),
            ("envID", pingone::DEMO_ENV_ID),
            ("authPath", "http://127.0.0.1:8787"),
            ("apiPath", "http://127.0.0.1:8787/v1"),
        ] {
            assert_eq!(demo_value(key).ok().as_deref(), Some(want), "{key}");
        }
        assert!(
            demo_value("privateKey").is_ok_and(|k| k.starts_with("-----BEGIN PRIVATE KEY-----"))
        );
    }
}
