// pm.test: sync tests, `done`-callback tests and async (promise-returning) tests; each assertion
// is numbered when the test is declared and reported when it completes. The script ends only after
// every test finished. pm.test.skip records a skipped assertion; pm.test.index() counts them.
const N = globalThis.__postie;

/** `{name, message, stack}` of whatever a test threw or passed to `done`. */
export function errorOf(e) {
  if (e && typeof e === 'object') {
    const name = e.name === undefined ? 'Error' : String(e.name);
    const message = e.message === undefined ? String(e) : String(e.message);
    return { name, message, stack: typeof e.stack === 'string' ? e.stack : undefined };
  }
  return { name: 'Error', message: String(e) };
}

/** Reports one assertion of the running script. */
export function report(S, name, index, skipped, error) {
  if (S.dead) return;
  N.assertion(name, index, skipped, error === null || error === undefined ? null : errorOf(error));
}

/** Builds the `pm.test` function of one script. */
export function makeTest(S, pm) {
  function test(name, options, fn) {
    if (typeof options === 'function' && fn === undefined) fn = options;
    const title = String(name);
    const index = S.assertions++;
    if (typeof fn !== 'function') { report(S, title, index, false, null); return pm; }
    if (fn.length > 0) {
      let finished = false;
      const token = {};
      S.pending.set(token, [title, index]);
      const done = (err) => {
        if (finished) return;
        finished = true;
        S.pending.delete(token);
        report(S, title, index, false, err || null);
      };
      try { fn(done); } catch (e) { done(e === undefined || e === null ? new Error(String(e)) : e); }
      return pm;
    }
    let result;
    try { result = fn(); } catch (e) { report(S, title, index, false, e === undefined || e === null ? new Error(String(e)) : e); return pm; }
    if (result && typeof result.then === 'function') {
      const token = {};
      S.pending.set(token, [title, index]);
      const settle = (err) => { S.pending.delete(token); report(S, title, index, false, err); };
      result.then(() => settle(null), (e) => settle(e === undefined || e === null ? new Error(String(e)) : e));
    } else {
      report(S, title, index, false, null);
    }
    return pm;
  }
  test.skip = function skip(name) {
    report(S, String(name), S.assertions++, true, null);
    return pm;
  };
  test.index = function index() { return S.assertions; };
  return test;
}

/** Tests that never finished when the script ended are failures. */
export function flushPending(S) {
  for (const [name, index] of S.pending.values()) {
    report(S, name, index, false, { name: 'Error', message: 'the test did not complete: its callback or promise never finished' });
  }
  S.pending.clear();
}
