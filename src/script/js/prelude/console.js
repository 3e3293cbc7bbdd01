// `console.*` → console events. Each argument is shown as Node's util.inspect shows it (strings
// quoted), which is what Newman's cli prints; printf-style first arguments are formatted.
import { inspect, format } from './inspect.js';

function messages(args) {
  if (args.length > 1 && typeof args[0] === 'string' && /%[sdifjoOc%]/.test(args[0])) {
    return [inspect(format(...args))];
  }
  return args.map((a) => inspect(a));
}

export function installConsole(N) {
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
    dir: function (v) { N.console('log', [inspect(v)]); },
    table: log('log'),
    assert: function (cond, ...args) { if (!cond) N.console('error', messages(['Assertion failed', ...args])); },
    count: function (label = 'default') { const n = (counters.get(label) || 0) + 1; counters.set(label, n); N.console('log', [inspect(`${label}: ${n}`)]); },
    countReset: function (label = 'default') { counters.delete(label); },
    time: function (label = 'default') { timers.set(label, Date.now()); },
    timeEnd: function (label = 'default') { const t = timers.get(label); if (t !== undefined) { timers.delete(label); N.console('log', [inspect(`${label}: ${Date.now() - t}ms`)]); } },
    timeLog: function (label = 'default', ...rest) { const t = timers.get(label); if (t !== undefined) N.console('log', messages([`${label}: ${Date.now() - t}ms`, ...rest])); },
  };
  Object.defineProperty(globalThis, 'console', { value: c, enumerable: false, writable: true, configurable: true });
}
