//! `postie run`: load the inputs, build the reporters, run with Ctrl-C handling, write the
//! reports and exports, and choose the exit code (Newman's: 1 on any failure unless `-x`).

use super::load::Loader;
use crate::cli::options::{apply_pairs, color_choice, reporter_options, run_options};
use crate::cli::reporter_flags::ReporterSwitches;
use crate::cli::RunArgs;
use crate::output::{Diagnostic, Output};
use crate::report::{self, Reporter, Reporters};
use crate::run::{self, Listener, RunEvent, RunOptions};
use crate::vars::VariableScope;
use std::io::IsTerminal;
use std::process::ExitCode;

/// Entry point of `postie run`.
pub fn run(args: RunArgs, switches: ReporterSwitches) -> ExitCode {
    let out = Output::new(color_choice(args.color));
    let suppress = args.suppress_exit_code;
    super::run_to_exit(out, suppress, execute(args, switches, out))
}

/// Forwards events to the reporters, keeping the first write error.
struct ReportListener {
    reporters: Reporters,
    error: Option<report::ReportError>,
}

impl Listener for ReportListener {
    fn on_event(&mut self, event: &RunEvent<'_>) {
        if let Err(e) = self.reporters.on_event(event) {
            self.error.get_or_insert(e);
        }
    }
}

/// Loads, runs, reports. Ok(true) when the run failed (exit 1).
async fn execute(
    args: RunArgs,
    switches: ReporterSwitches,
    out: Output,
) -> Result<bool, Diagnostic> {
    for flag in &switches.unknown {
        out.warn(&Diagnostic::new(format!(
            "ignoring unknown reporter option {flag}"
        )));
    }
    let mut opts = run_options(&args, &switches)?;
    let mut loader = Loader::new(
        opts.http.clone(),
        args.postman_api_key.clone(),
        args.postman_api_url.clone(),
    );
    let collection = loader.collection(&args.collection).await?;
    if collection.from_v1 {
        // Newman says so too (on stderr, before the run).
        out.warn(
            &Diagnostic::new(
                "the collection is in the v1 format, which Newman 4 and later deprecate",
            )
            .hint("export it from Postman as \"Collection v2.1\""),
        );
    }
    load_scopes(&args, &mut loader, &mut opts).await?;
    opts.sandbox.node_modules = node_modules(&args, &out)?;
    let is_tty = std::io::stdout().is_terminal();
    let mut rep_opts = reporter_options(&args, &switches, is_tty);
    rep_opts.collection = collection.raw.clone();
    rep_opts.environment_name = opts.environment.name.clone();
    rep_opts.globals_name = opts.globals.name.clone();
    let reporters = report::build(&rep_opts, Output::report_writer()).map_err(|e| match e {
        report::BuildError::UnknownReporter { name, hint } => {
            Diagnostic::new(format!("could not find \"{name}\" reporter")).hint(hint)
        }
    })?;
    let mut listener = ReportListener {
        reporters: Reporters::new(reporters),
        error: None,
    };
    let cancel = opts.cancel.clone();
    let ctrl_c = tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            cancel.cancel();
        }
    });
    opts.export_cookies = args.export_cookie_jar.is_some();
    let summary = run::run(&collection, &opts, &mut listener)
        .await
        .map_err(|e| Diagnostic::new(e.to_string()))?;
    ctrl_c.abort();
    // Reports show secret-typed variables masked; the exports below keep their values.
    let mut shown = summary.clone();
    run::mask::Masker::new(!opts.show_secrets).scopes(&mut shown.scopes);
    let finish = listener.reporters.finish(&shown);
    let report_error = listener.error.take().or(finish.err());
    if let Some(e) = &report_error {
        out.error(&Diagnostic::new(e.to_string()));
    }
    super::export::write_exports(&args, &collection, &summary)
        .map_err(|e| Diagnostic::new(e.to_string()))?;
    if let Some(diag) = summary.abort.as_ref().and_then(abort_diagnostic) {
        out.error(&diag);
    }
    Ok(summary.failed() || report_error.is_some())
}

/// What to say when the run stopped early (after the reports, as Newman does); `--bail` on a
/// failure says nothing more than the reports.
fn abort_diagnostic(abort: &run::Abort) -> Option<Diagnostic> {
    match abort {
        run::Abort::Timeout { after_ms } => {
            Some(Diagnostic::new("callback timed out").detail(format!(
                "the run did not finish within --timeout {after_ms} ms; the reports show what ran"
            )))
        }
        run::Abort::Interrupted => {
            Some(Diagnostic::new("interrupted").detail("the reports show what ran"))
        }
        run::Abort::Error(e) => Some(Diagnostic::new(e.message.clone())),
        run::Abort::Bail => None,
    }
}

/// Environment, globals (files and `--env-var`/`--global-var`), data, vault, cookie jar.
async fn load_scopes(
    args: &RunArgs,
    loader: &mut Loader,
    opts: &mut RunOptions,
) -> Result<(), Diagnostic> {
    if let Some(src) = args.environment.last() {
        opts.environment = load_environment(loader, src).await?;
    }
    apply_pairs(&mut opts.environment, &args.env_var, "--env-var")?;
    load_shared(args, loader, opts).await
}

/// One `-e` file as a scope (with its name and id).
pub(super) async fn load_environment(
    loader: &mut Loader,
    src: &str,
) -> Result<VariableScope, Diagnostic> {
    let env = loader.environment(src, "environment").await?;
    Ok(VariableScope {
        name: env.name,
        id: env.id,
        values: env.values,
    })
}

/// Everything but the environment: globals (and `--global-var`), data, vault, cookie jar.
pub(super) async fn load_shared(
    args: &RunArgs,
    loader: &mut Loader,
    opts: &mut RunOptions,
) -> Result<(), Diagnostic> {
    if let Some(src) = &args.globals {
        let g = loader.environment(src, "globals").await?;
        opts.globals = VariableScope {
            name: g.name,
            id: g.id,
            values: g.values,
        };
    }
    apply_pairs(&mut opts.globals, &args.global_var, "--global-var")?;
    if let Some(src) = &args.iteration_data {
        opts.data = loader.data(src).await?;
    }
    if let Some(path) = &args.vault {
        let v = loader.environment(&path.to_string_lossy(), "vault").await?;
        opts.vault = VariableScope::new(v.values);
    }
    if let Some(path) = &args.cookie_jar {
        let bytes = std::fs::read(path).map_err(|e| {
            Diagnostic::new("cookie jar could not be loaded")
                .detail(format!(
                    "unable to read data from file \"{}\"",
                    path.display()
                ))
                .detail(e.to_string())
        })?;
        if let Err(e) = serde_json::from_slice::<serde_json::Value>(&bytes) {
            return Err(Diagnostic::new("cookie jar could not be loaded")
                .detail(format!(
                    "the file at \"{}\" does not contain valid JSON data",
                    path.display()
                ))
                .detail(e.to_string())
                .hint("pass a jar written by --export-cookie-jar (tough-cookie JSON)"));
        }
        opts.cookie_jar = Some(bytes);
    }
    Ok(())
}

/// The node_modules folder for `require`/`pm.require`: `--node-modules DIR`, else a
/// `node_modules` folder beside a local collection file (announced with `--verbose`).
fn node_modules(
    args: &RunArgs,
    out: &Output,
) -> Result<Option<crate::script::node_modules::NodeModules>, Diagnostic> {
    let dir = match &args.node_modules {
        Some(dir) if dir.is_dir() => dir.clone(),
        Some(dir) => {
            return Err(Diagnostic::new(format!(
                "--node-modules {} is not a folder",
                dir.display()
            ))
            .hint("give the node_modules folder of an `npm install`"))
        }
        None => {
            let beside = std::path::Path::new(&args.collection)
                .parent()
                .map(|p| p.join("node_modules"));
            match beside.filter(|d| d.is_dir() && !args.collection.contains("://")) {
                Some(d) => {
                    if args.verbose {
                        out.note(&format!("using npm packages from {}", d.display()));
                    }
                    d
                }
                None => return Ok(None),
            }
        }
    };
    Ok(Some(crate::script::node_modules::NodeModules {
        dir,
        prefer: args.prefer_node_modules,
    }))
}
