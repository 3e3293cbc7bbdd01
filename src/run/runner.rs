//! The run loop: iterations × runnable items, setNextRequest jumps, bail, the whole-run timeout
//! and Ctrl-C, and the summary at the end. Items themselves run in `item`.

use super::event::RunEvent;
use super::item::{run_item, ItemOutcome};
use super::mask::Masker;
use super::options::RunOptions;
use super::select::{select, FolderNotFound, Runnable};
use super::summary::{Abort, Execution, Failure, FinalScopes, RunSummary};
use super::tally::Tally;
use crate::collection::{Collection, Item};
use crate::http::{Client, HttpError};
use crate::script::{EngineError, NextRequest, Sandbox};
use crate::vars::{Scopes, VariableScope};
use std::time::{Duration, Instant};

/// Receives every event of a run, in order (reporters, compare, tests).
pub trait Listener {
    fn on_event(&mut self, event: &RunEvent<'_>);
}

impl<F: FnMut(&RunEvent<'_>)> Listener for F {
    fn on_event(&mut self, event: &RunEvent<'_>) {
        self(event)
    }
}

/// Why a run could not start.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    Folder(#[from] FolderNotFound),
    #[error(transparent)]
    Http(#[from] HttpError),
    #[error(transparent)]
    Sandbox(#[from] EngineError),
}

/// What does not change during a run.
pub(super) struct Plan<'c> {
    pub collection: &'c Collection,
    pub runnables: Vec<Runnable<'c>>,
    pub opts: &'c RunOptions,
    pub cycles: usize,
}

/// What a run changes as it goes.
pub(super) struct RunState<'l> {
    pub scopes: Scopes,
    pub client: Client,
    pub sandbox: Option<Sandbox>,
    pub listener: &'l mut dyn Listener,
    pub tally: Tally,
    pub failures: Vec<Failure>,
    pub executions: Vec<Execution>,
    pub masker: Masker,
}

impl RunState<'_> {
    pub fn emit(&mut self, event: RunEvent<'_>) {
        self.listener.on_event(&event);
    }
}

/// Runs `collection` with `opts`, telling `listener` everything as it happens.
pub async fn run(
    collection: &Collection,
    opts: &RunOptions,
    listener: &mut dyn Listener,
) -> Result<RunSummary, RunError> {
    let runnables = select(collection, &opts.folders)?;
    let client = Client::new(&opts.http)?;
    if let Some(jar) = &opts.cookie_jar {
        client.cookies().load_tough_json(jar)?;
    }
    let sandbox = if has_scripts(collection) {
        Some(Sandbox::new(&opts.sandbox)?)
    } else {
        None
    };
    let cycles = opts
        .iterations
        .unwrap_or(if opts.data.is_empty() {
            1
        } else {
            opts.data.len()
        })
        .max(1);
    let plan = Plan {
        collection,
        runnables,
        opts,
        cycles,
    };
    let mut masker = Masker::new(!opts.show_secrets);
    let scopes = initial_scopes(collection, opts);
    masker.refresh(&scopes);
    let mut st = RunState {
        scopes,
        client,
        sandbox,
        listener,
        tally: Tally::default(),
        failures: Vec::new(),
        executions: Vec::new(),
        masker,
    };
    let started = chrono::Utc::now().timestamp_millis();
    st.emit(RunEvent::Start {
        collection_name: &collection.info.name,
        collection_id: &collection.info.id,
        iterations: cycles,
        items: plan.runnables.len(),
    });
    let abort = iterate(&plan, &mut st).await;
    if let Some(sb) = st.sandbox.as_mut() {
        if let Some(scopes) = sb.abandon() {
            st.scopes = scopes;
        }
    }
    Ok(summary(&plan, st, abort, started))
}

fn has_scripts(collection: &Collection) -> bool {
    fn any(items: &[Item]) -> bool {
        items.iter().any(|it| match it {
            Item::Request(r) => !r.events.is_empty(),
            Item::Folder(f) => !f.events.is_empty() || any(&f.items),
        })
    }
    !collection.events.is_empty() || any(&collection.items)
}

fn initial_scopes(collection: &Collection, opts: &RunOptions) -> Scopes {
    Scopes {
        environment: opts.environment.clone(),
        globals: opts.globals.clone(),
        collection: VariableScope::new(collection.variables.clone()),
        vault: opts.vault.clone(),
        ..Scopes::default()
    }
}

/// Every iteration; returns why the run stopped early, if it did.
async fn iterate(plan: &Plan<'_>, st: &mut RunState<'_>) -> Option<Abort> {
    let deadline = plan.opts.timeout.map(|t| Instant::now() + t);
    for iteration in 0..plan.cycles {
        if plan.opts.cancel.is_cancelled() {
            return Some(Abort::Interrupted);
        }
        st.scopes.data = data_row(plan.opts, iteration);
        st.emit(RunEvent::BeforeIteration {
            iteration,
            cycles: plan.cycles,
        });
        st.tally.stats.iterations.total += 1;
        let mut position = 0;
        while position < plan.runnables.len() {
            let outcome = match guarded(plan, st, position, iteration, deadline).await {
                Ok(outcome) => outcome,
                Err(abort) => return Some(abort),
            };
            if let Some(abort) = outcome.abort {
                return Some(abort);
            }
            if plan.opts.bail.failure && outcome.failed {
                return Some(Abort::Bail);
            }
            match outcome.next {
                None => position += 1,
                Some(NextRequest::Stop) => break,
                Some(NextRequest::To(target)) => match find_target(plan, &target) {
                    Some(i) => position = i,
                    None => break,
                },
            }
        }
        st.emit(RunEvent::Iteration { iteration });
    }
    None
}

/// Runs one item, giving up when the run's deadline passes or Ctrl-C arrives.
async fn guarded(
    plan: &Plan<'_>,
    st: &mut RunState<'_>,
    position: usize,
    iteration: usize,
    deadline: Option<Instant>,
) -> Result<ItemOutcome, Abort> {
    let cancel = plan.opts.cancel.clone();
    let limit = async {
        match deadline {
            Some(at) => tokio::time::sleep_until(at.into()).await,
            None => std::future::pending().await,
        }
    };
    tokio::select! {
        outcome = run_item(plan, st, position, iteration) => Ok(outcome),
        _ = cancel.cancelled() => Err(Abort::Interrupted),
        _ = limit => Err(Abort::Timeout {
            after_ms: plan.opts.timeout.map_or(0, |t: Duration| t.as_millis() as u64),
        }),
    }
}

/// setNextRequest's target among the runnable items: by id first, then by name (the last item
/// with that name wins).
fn find_target(plan: &Plan<'_>, target: &str) -> Option<usize> {
    let runnables = &plan.runnables;
    runnables
        .iter()
        .position(|r| r.item.id == target)
        .or_else(|| runnables.iter().rposition(|r| r.item.name == target))
}

fn data_row(opts: &RunOptions, iteration: usize) -> VariableScope {
    let Some(row) = opts.data.get(iteration).or(opts.data.last()) else {
        return VariableScope::default();
    };
    let values = row
        .iter()
        .map(|(k, v)| crate::collection::Variable::new(k.clone(), v.clone()))
        .collect();
    VariableScope::new(values)
}

fn summary(plan: &Plan<'_>, st: RunState<'_>, abort: Option<Abort>, started: i64) -> RunSummary {
    let completed = chrono::Utc::now().timestamp_millis();
    let mut stats = st.tally.stats.clone();
    stats.items.total = stats.prerequests.total;
    RunSummary {
        collection_name: plan.collection.info.name.clone(),
        collection_id: plan.collection.info.id.clone(),
        timings: st.tally.timings(started, completed),
        stats,
        failures: st.failures,
        executions: st.executions,
        response_total: st.tally.response_total,
        abort,
        scopes: FinalScopes {
            environment: st.scopes.environment.values,
            environment_name: st.scopes.environment.name,
            environment_id: st.scopes.environment.id,
            globals: st.scopes.globals.values,
            globals_id: st.scopes.globals.id,
            collection: st.scopes.collection.values,
            cookies: plan
                .opts
                .export_cookies
                .then(|| st.client.cookies().to_tough_json()),
        },
    }
}
