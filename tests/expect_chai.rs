//! postie's chai-compatible `expect` (src/script/js/expect/) checked against the real chai.
//!
//! tests/fixtures/chai/cases.json holds several hundred assertions run through chai 4.3.8 +
//! chai-postman in Node (see tests/fixtures/chai/generate.js). Here the same cases run in QuickJS
//! against our ES modules, and pass/fail, the error name and the exact message must match.
//! The modules are loaded from source, named as the engine names them ('expect/index.js', ...),
//! with their relative imports resolved by QuickJS's default module name rules.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use rquickjs::{CatchResultExt, Context, Ctx, Function, Module, Runtime};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// Declares every module of src/script/js/expect/ plus the fixture harness, then evaluates a
/// bootstrap that exposes them as globals (`__expect`, `__runAll`, `__runCase`, ...).
fn load_expect(ctx: &Ctx<'_>) {
    let dir = root().join("src/script/js/expect");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("listing {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "js"))
        .collect();
    files.sort();
    assert!(
        files.len() > 5,
        "expect modules missing in {}",
        dir.display()
    );
    // QuickJS resolves a module's imports when compiling it, so declare dependencies first.
    let sources: Vec<(String, String)> = files
        .iter()
        .map(|file| {
            let name = file
                .file_name()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            (name, read(file))
        })
        .collect();
    let mut declared: Vec<String> = Vec::new();
    while declared.len() < sources.len() {
        let before = declared.len();
        for (name, source) in &sources {
            let ready = !declared.contains(name)
                && relative_imports(source)
                    .iter()
                    .all(|dep| declared.contains(dep));
            if ready {
                let full = format!("expect/{name}");
                Module::declare(ctx.clone(), full.clone(), source.clone())
                    .catch(ctx)
                    .unwrap_or_else(|e| panic!("compiling {full}: {e}"));
                declared.push(name.clone());
            }
        }
        assert!(
            declared.len() > before,
            "import cycle among {:?}",
            sources.iter().map(|s| &s.0).collect::<Vec<_>>()
        );
    }
    let harness = root().join("tests/fixtures/chai/harness.js");
    Module::declare(ctx.clone(), "fixtures/harness.js", read(&harness))
        .catch(ctx)
        .unwrap_or_else(|e| panic!("compiling harness: {e}"));
    let bootstrap = r#"
        import { expect, AssertionError, inspect, objDisplay, use, config } from 'expect/index.js';
        import { runAll, runCase } from 'fixtures/harness.js';
        globalThis.__expect = expect;
        globalThis.__AssertionError = AssertionError;
        globalThis.__inspect = inspect;
        globalThis.__objDisplay = objDisplay;
        globalThis.__use = use;
        globalThis.__config = config;
        globalThis.__runAll = (json) => JSON.stringify(runAll(expect, JSON.parse(json)));
        globalThis.__runCase = (json) => JSON.stringify(runCase(expect, JSON.parse(json)));
    "#;
    let module = Module::declare(ctx.clone(), "bootstrap.js", bootstrap)
        .catch(ctx)
        .unwrap_or_else(|e| panic!("compiling bootstrap: {e}"));
    let (_, promise) = module
        .eval()
        .catch(ctx)
        .unwrap_or_else(|e| panic!("evaluating modules: {e}"));
    promise
        .finish::<()>()
        .catch(ctx)
        .unwrap_or_else(|e| panic!("evaluating modules: {e}"));
}

/// The files a module imports with `from './x.js'`.
fn relative_imports(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|line| {
            let rest = line.split(" from './").nth(1)?;
            Some(rest.split('\'').next()?.to_string())
        })
        .collect()
}

fn with_expect<R>(rt: &Runtime, f: impl FnOnce(Ctx<'_>) -> R) -> R {
    let context = Context::full(rt).expect("context");
    context.with(|ctx| {
        load_expect(&ctx);
        f(ctx)
    })
}

/// Evaluates a (sloppy-mode) script and returns its completion value as a string.
fn eval_string(ctx: &Ctx<'_>, code: &str) -> String {
    ctx.eval::<String, _>(code)
        .catch(ctx)
        .unwrap_or_else(|e| panic!("evaluating {code}: {e}"))
}

fn call_string(ctx: &Ctx<'_>, global: &str, arg: String) -> String {
    let f: Function = ctx.globals().get(global).expect("harness function");
    f.call::<_, String>((arg,))
        .catch(ctx)
        .unwrap_or_else(|e| panic!("calling {global}: {e}"))
}

fn cases() -> Vec<Value> {
    let path = root().join("tests/fixtures/chai/cases.json");
    let parsed: Value = serde_json::from_str(&read(&path)).expect("cases.json is JSON");
    parsed.as_array().expect("cases.json is an array").clone()
}

#[test]
fn every_chai_case_matches() {
    let all = cases();
    let skipped = all.iter().filter(|c| c.get("skip").is_some()).count();
    let run = all.len() - skipped;
    assert!(run >= 400, "only {run} runnable cases in cases.json");
    assert!(
        all.iter()
            .filter(|c| c["pass"] == Value::Bool(false))
            .count()
            > 200,
        "the fixture should be mostly failures (messages are what we compare)"
    );

    let rt = Runtime::new().expect("runtime");
    let report = with_expect(&rt, |ctx| {
        call_string(&ctx, "__runAll", serde_json::to_string(&all).expect("json"))
    });
    let mismatches: Vec<Value> = serde_json::from_str(&report).expect("harness output");
    let shown: Vec<String> = mismatches
        .iter()
        .take(25)
        .map(|m| {
            format!(
                "#{} {}\n  want {}\n  got  {}",
                m["index"], m["code"], m["want"], m["got"]
            )
        })
        .collect();
    assert!(
        mismatches.is_empty(),
        "{} of {run} cases differ from chai:\n{}",
        mismatches.len(),
        shown.join("\n")
    );
}

#[test]
fn a_failure_carries_chai_error_fields() {
    let rt = Runtime::new().expect("runtime");
    with_expect(&rt, |ctx| {
        let got = eval_string(
            &ctx,
            r#"
            let out;
            try { __expect({ a: 1 }, 'ctx').to.deep.equal({ a: 2 }); } catch (e) {
                out = [e.name, e.message, e instanceof Error, e instanceof __AssertionError,
                    JSON.stringify(e.actual), JSON.stringify(e.expected), e.showDiff,
                    Object.keys(e.toJSON(false)).join(',')].join('|');
            }
            out
            "#,
        );
        assert_eq!(
            got,
            "AssertionError|ctx: expected { a: 1 } to deeply equal { a: 2 }|true|true|{\"a\":1}|{\"a\":2}|true|name,message,showDiff,actual,expected,operator"
        );
        let fail = eval_string(
            &ctx,
            "try { __expect.fail(1, 2, 'nope', '>'); } catch (e) { [e.message, e.actual, e.expected, e.operator, e.showDiff].join('|') }",
        );
        assert_eq!(fail, "nope|1|2|>|false");
        let stack = eval_string(
            &ctx,
            "function userFn() { __expect(1).to.equal(2); }\ntry { userFn(); } catch (e) { e.stack }",
        );
        assert!(
            stack.starts_with(
                "AssertionError: expected 1 to equal 2\n    at userFn (eval_script:1:"
            ),
            "stack should start at the asserting script: {stack}"
        );
    });
}

#[test]
fn inspect_is_exported_with_chai_truncation() {
    let rt = Runtime::new().expect("runtime");
    with_expect(&rt, |ctx| {
        let got = eval_string(
            &ctx,
            r#"[
                __inspect('it\'s'), __inspect(-0), __inspect([1, [2, { a: 3n }]]),
                __objDisplay(function aVeryLongFunctionNameThatKeepsGoingAndGoing() {}),
                __inspect({ a: 'aaaaaaaaaaaaaaaaaaa', b: 'bbbbbbbbbbbbbbbbbbbbb', c: 1 }),
            ].join(' | ')"#,
        );
        assert_eq!(
            got,
            "'it\\'s' | -0 | [ 1, [ 2, { a: 3n } ] ] | [Function: aVeryLongFunctionNameThatKeepsGoingAndGoing] | { a: 'aaaaaaaaaaaaaaaaaaa', …(2) }"
        );
        // truncateThreshold 0 turns truncation off, as in chai.
        let full = eval_string(
            &ctx,
            "__config.truncateThreshold = 0; const s = __inspect('x'.repeat(60)); __config.truncateThreshold = 40; String(s.length)",
        );
        assert_eq!(full, "62");
    });
}

#[test]
fn plugins_can_add_assertions() {
    let rt = Runtime::new().expect("runtime");
    with_expect(&rt, |ctx| {
        let got = eval_string(
            &ctx,
            r#"
            __use(function (chai, utils) {
                chai.Assertion.addMethod('even', function () {
                    this.assert(utils.flag(this, 'object') % 2 === 0,
                        'expected #{this} to be even', 'expected #{this} to not be even');
                });
            });
            __expect(4).to.be.even();
            let msg;
            try { __expect(3).to.be.even(); } catch (e) { msg = e.message; }
            try { __expect(4).to.not.be.even(); } catch (e) { msg += ' / ' + e.message; }
            msg
            "#,
        );
        assert_eq!(got, "expected 3 to be even / expected 4 to not be even");
    });
}

#[test]
fn json_schema_without_validator_says_so() {
    let rt = Runtime::new().expect("runtime");
    with_expect(&rt, |ctx| {
        let got = eval_string(
            &ctx,
            "try { __expect({}).to.have.jsonSchema({ type: 'object' }); 'passed' } catch (e) { e.name + ': ' + e.message }",
        );
        assert_eq!(
            got,
            "Error: jsonSchema: JSON schema validation is not available in this build of postie"
        );
    });
}

/// Work per `expect(x).to.equal(y)` stays small. Measured without a clock: QuickJS calls the
/// interrupt handler once per 10,000 "ticks" (function calls and loop back-edges), so the number
/// of handler calls over many assertions is a deterministic measure of the work they do. For the
/// two assertions below, this implementation costs about 110 ticks; chai 4.3.8 itself, loaded into
/// QuickJS, costs about 860 (one Proxy per chain step). The bound leaves room for growth but not
/// for a return to that design.
#[test]
fn a_typical_assertion_is_cheap() {
    const ROUNDS: usize = 20_000;
    let rt = Runtime::new().expect("runtime");
    let polls = Arc::new(AtomicUsize::new(0));
    let counter = polls.clone();
    rt.set_interrupt_handler(Some(Box::new(move || {
        counter.fetch_add(1, Ordering::Relaxed);
        false
    })));
    let ticks = |ctx: &Ctx<'_>, code: &str| {
        let before = polls.load(Ordering::Relaxed);
        eval_string(ctx, code);
        (polls.load(Ordering::Relaxed) - before) * 10_000
    };
    with_expect(&rt, |ctx| {
        let loop_only = ticks(
            &ctx,
            &format!("for (let i = 0; i < {ROUNDS}; i++) {{}} 'ok'"),
        );
        let assertions = ticks(
            &ctx,
            &format!(
                "for (let i = 0; i < {ROUNDS}; i++) {{ __expect(i).to.equal(i); __expect('a').to.be.a('string'); }} 'ok'"
            ),
        );
        let per_round = assertions.saturating_sub(loop_only) / ROUNDS;
        assert!(
            per_round <= 250,
            "two assertions cost about {per_round} ticks (loop alone: {loop_only} ticks)"
        );
    });
}
