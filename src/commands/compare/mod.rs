//! `postie compare`: one collection run against several environments (and `--matrix` values)
//! at once, shown side by side. Loads the inputs once, plans the variants ([`plan`]), runs them
//! concurrently (`exec`), then prints the table and writes the compare export, the merged
//! JUnit file and each variant's own reports. Exit code: 1 when any variant failed (or, with
//! `--fail-on-diff`, when status codes or the requests that ran differ), unless `-x`.

mod exec;
pub mod plan;

use super::load::Loader;
use super::run::{load_environment, load_shared};
use crate::cli::options::{apply_pairs, color_choice, run_options};
use crate::cli::reporter_flags::ReporterSwitches;
use crate::cli::{CompareArgs, RunArgs};
use crate::output::{Diagnostic, Output};
use crate::report::compare::{self as report, Comparison, TableOptions};
use crate::report::{resolve_export_path, ReporterOptions};
use crate::run::RunOptions;
use crate::vars::VariableScope;
use exec::{Done, Job};
use plan::{EnvInput, VariantPlan};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Entry point of `postie compare`.
pub fn run(args: CompareArgs, switches: ReporterSwitches) -> ExitCode {
    let out = Output::new(color_choice(args.run.color));
    let suppress = args.run.suppress_exit_code;
    super::run_to_exit(out, suppress, execute(args, switches, out))
}

/// Which reports compare writes (`-r`; `cli` is the side-by-side table).
struct Selected {
    table: bool,
    json: bool,
    junit: bool,
}

fn select_reporters(args: &RunArgs, out: Output) -> Result<Selected, Diagnostic> {
    let mut names: Vec<String> = args
        .reporters
        .iter()
        .map(|n| n.trim().to_string())
        .collect();
    if names.is_empty() {
        names.push("cli".into());
    }
    // Unknown names get `postie run`'s error; building has no side effects.
    let probe = ReporterOptions {
        reporters: names.clone(),
        ..ReporterOptions::default()
    };
    crate::report::build(&probe, Box::new(std::io::sink()))
        .map_err(|e| Diagnostic::new(e.to_string()))?;
    for n in names
        .iter()
        .filter(|n| *n == "progress" || *n == "emojitrain")
    {
        out.warn(&Diagnostic::new(format!(
            "the {n} reporter does not apply to postie compare; ignoring it"
        )));
    }
    let has = |n: &str| names.iter().any(|x| x == n);
    Ok(Selected {
        table: has("cli"),
        json: has("json"),
        junit: has("junit"),
    })
}

/// Loads, runs, reports. Ok(true) when compare should exit 1.
async fn execute(
    args: CompareArgs,
    switches: ReporterSwitches,
    out: Output,
) -> Result<bool, Diagnostic> {
    for flag in &switches.unknown {
        out.warn(&Diagnostic::new(format!(
            "ignoring unknown reporter option {flag}"
        )));
    }
    let ra = &args.run;
    let matrix = args
        .matrix
        .iter()
        .map(|m| plan::parse_matrix(m))
        .collect::<Result<Vec<_>, _>>()?;
    let selected = select_reporters(ra, out)?;
    let mut base = run_options(ra, &switches)?;
    // Bodies are kept in events so each response's shape can be taken (then dropped).
    base.keep_bodies = true;
    base.export_cookies = ra.export_cookie_jar.is_some();
    let mut loader = Loader::new(
        base.http.clone(),
        ra.postman_api_key.clone(),
        ra.postman_api_url.clone(),
    );
    let collection = loader.collection(&ra.collection).await?;
    crate::run::select::select(&collection, &base.folders)
        .map_err(|e| Diagnostic::new(e.to_string()))?;
    load_shared(ra, &mut loader, &mut base).await?;
    let mut envs = Vec::new();
    for src in &ra.environment {
        envs.push(load_environment(&mut loader, src).await?);
    }
    let inputs: Vec<EnvInput> = ra
        .environment
        .iter()
        .zip(&envs)
        .map(|(source, env)| EnvInput {
            source: source.clone(),
            name: env.name.clone(),
        })
        .collect();
    let variants = plan::plan(&inputs, &args.name, &matrix)?;
    if variants.len() == 1 {
        out.warn(
            &Diagnostic::new("only one variant: there is nothing to compare it with")
                .hint("give another -e, or --matrix VAR=a,b"),
        );
    }
    let now = chrono::Utc::now();
    let jobs = variants
        .iter()
        .map(|v| {
            job(
                v,
                &args,
                &switches,
                &selected,
                &base,
                &envs,
                &collection.raw,
                now,
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    let parallel = args.parallel.map_or(jobs.len(), |n| n as usize);
    let collection = Arc::new(collection);
    let done = run_variants(collection.clone(), jobs, parallel, &base).await?;
    let mut failed = false;
    if report_start_errors(&done, out) {
        return Ok(true);
    }
    for d in &done {
        for e in &d.errors {
            out.error(e);
            failed = true;
        }
    }
    let runs: Vec<_> = done.iter().map(|d| d.run.clone()).collect();
    let comparison = Comparison::build(&collection.info.name, &runs, base.show_secrets);
    if let Err(e) = write_reports(&args, &switches, &selected, &comparison, done, now) {
        out.error(&e);
        failed = true;
    }
    failed |= comparison.any_failed();
    failed |= args.fail_on_diff && comparison.fatal_differences();
    Ok(failed)
}

/// Runs the jobs off this thread while Ctrl-C stays watched here.
async fn run_variants(
    collection: Arc<crate::collection::Collection>,
    jobs: Vec<Job>,
    parallel: usize,
    base: &RunOptions,
) -> Result<Vec<Done>, Diagnostic> {
    let cancel = base.cancel.clone();
    let ctrl_c = tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            cancel.cancel();
        }
    });
    let done = tokio::task::spawn_blocking(move || exec::run_all(&collection, jobs, parallel))
        .await
        .map_err(|e| Diagnostic::new(format!("a variant's run failed: {e}")));
    ctrl_c.abort();
    done
}

/// Prints why variants could not start (each message once); true when any could not.
fn report_start_errors(done: &[Done], out: Output) -> bool {
    let mut seen: Vec<String> = Vec::new();
    for d in done {
        let Some(e) = &d.run_error else { continue };
        if seen.contains(&e.title) {
            continue;
        }
        seen.push(e.title.clone());
        let mut diag = e.clone();
        diag.title = format!("variant {} could not run: {}", d.run.name, e.title);
        out.error(&diag);
    }
    !seen.is_empty()
}

/// The table, the compare export, the merged JUnit file.
fn write_reports(
    args: &CompareArgs,
    switches: &ReporterSwitches,
    selected: &Selected,
    comparison: &Comparison,
    done: Vec<Done>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), Diagnostic> {
    let ra = &args.run;
    if selected.table && !(ra.silent || switches.cli_silent) {
        let opts = TableOptions {
            color: color_choice(ra.color).enabled(std::io::stdout().is_terminal()),
            unicode: !ra.disable_unicode,
            verbose: ra.verbose,
        };
        let text = report::table::render(comparison, opts);
        let mut w = Output::report_writer();
        w.write_all(text.as_bytes())
            .and_then(|()| w.flush())
            .map_err(|e| Diagnostic::new(format!("could not write the table: {e}")))?;
    }
    let diag = |e: crate::report::ReportError| Diagnostic::new(e.to_string());
    if let Some(path) = &args.export_compare {
        report::export::write(path, comparison).map_err(diag)?;
    }
    if selected.junit {
        let path = resolve_export_path(
            switches.junit_export.as_deref().map(Path::new),
            "newman-run-report",
            "xml",
            now,
        );
        let started = done
            .iter()
            .map(|d| d.started_ms)
            .filter(|&t| t > 0)
            .min()
            .unwrap_or(0);
        let parts = done.into_iter().filter_map(|d| d.junit).collect();
        report::junit::write(&path, &comparison.collection, started, parts).map_err(diag)?;
    }
    Ok(())
}

/// A variant's run options and report paths.
#[allow(clippy::too_many_arguments)]
fn job(
    v: &VariantPlan,
    args: &CompareArgs,
    switches: &ReporterSwitches,
    selected: &Selected,
    base: &RunOptions,
    envs: &[VariableScope],
    collection_json: &std::sync::Arc<String>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Job, Diagnostic> {
    let ra = &args.run;
    let mut opts = base.clone();
    if let Some(env) = v.env.and_then(|i| envs.get(i)) {
        opts.environment = env.clone();
    }
    apply_pairs(&mut opts.environment, &ra.env_var, "--env-var")?;
    for (var, value) in &v.matrix {
        opts.environment.set(var, value.clone().into());
    }
    let json = selected.json.then(|| {
        let path = resolve_export_path(
            switches.json_export.as_deref().map(Path::new),
            "newman-run-report",
            "json",
            now,
        );
        let mut o = ReporterOptions {
            reporters: vec!["json".into()],
            collection: collection_json.clone(),
            environment_name: opts.environment.name.clone(),
            globals_name: opts.globals.name.clone(),
            ..ReporterOptions::default()
        };
        o.json.export = Some(plan::with_variant(&path, &v.slug));
        o.json.bodies = switches.json_bodies;
        o
    });
    let per_variant = |given: &Option<PathBuf>, stem: &str| {
        given.as_ref().map(|p| {
            let file = resolve_export_path(Some(p), stem, "json", now);
            plan::with_variant(&file, &v.slug)
        })
    };
    let exports = RunArgs {
        export_environment: per_variant(&ra.export_environment, "newman-environment"),
        export_globals: per_variant(&ra.export_globals, "newman-globals"),
        export_collection: per_variant(&ra.export_collection, "newman-collection"),
        export_cookie_jar: per_variant(&ra.export_cookie_jar, "newman-cookie-jar"),
        ..RunArgs::default()
    };
    Ok(Job {
        name: v.name.clone(),
        opts,
        json,
        junit: selected.junit,
        exports,
    })
}
