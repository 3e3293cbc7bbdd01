// `console.*` → console events. Newman passes each argument through util.inspect separately
// (strings quoted, no printf formatting) with its cli's break length; functions arrive as the
// '[Function: name]' strings Newman's sandbox turns them into.
import { inspect } from './inspect.js';

export function installConsole(N) {
  const options = { breakLength: typeof N.breakLength === 'number' ? N.breakLength : 80, functionsAsStrings: true };
  const messages = (args) => args.map((a) => inspect(a, options));
  const counters = new Map();
  const timers = new Map();
  const log = (level) => function (...args) { N.console(level, messages(args)); };
  const c = {
    log: log('log'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    debug: log('debug'),
    trace: log('log'),
    clear: function () { N.console('clear', []); },
    dir: function (v) { N.console('log', messages([v])); },
    table: log('log'),
    assert: function (cond, ...args) { if (!cond) N.console('error', messages(['Assertion failed', ...args])); },
    count: function (label = 'default') { const n = (counters.get(label) || 0) + 1; counters.set(label, n); N.console('log', messages([`${label}: ${n}`])); },
    countReset: function (label = 'default') { counters.delete(label); },
    time: function (label = 'default') { timers.set(label, Date.now()); },
    timeEnd: function (label = 'default') { const t = timers.get(label); if (t !== undefined) { timers.delete(label); N.console('log', messages([`${label}: ${Date.now() - t}ms`])); } },
    timeLog: function (label = 'default', ...rest) { const t = timers.get(label); if (t !== undefined) N.console('log', messages([`${label}: ${Date.now() - t}ms`, ...rest])); },
  };
  Object.defineProperty(globalThis, 'console', { value: c, enumerable: false, writable: true, configurable: true });
}
