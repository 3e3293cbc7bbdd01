// The sandbox prelude: installs the globals every script sees (console, timers, require) and the
// per-script entry points the Rust driver calls: __postie_begin, __postie_deliver, __postie_end.
import { installConsole } from './console.js';
import { installTimers, resetTimers, deliver } from './timers.js';
import { beginScript, endScript } from './script.js';
import { installRequire } from './require.js';
import { installLibraries } from '../lib/globals.js';
import { installSugar } from './sugar.js';

const N = globalThis.__postie;

installConsole(N);
installTimers(N);
installRequire();
installLibraries();
installSugar();

Object.defineProperty(globalThis, '__postie', { value: N, enumerable: false, writable: false, configurable: false });

function define(name, value) {
  Object.defineProperty(globalThis, name, { value, enumerable: false, writable: true, configurable: true });
}

/** Whatever the script threw, as the error the driver reports (skipRequest's unwinding is none). */
function finish(e) {
  if (e && e.__postie_skip) N.done(null);
  else if (e && typeof e === 'object') N.done(e);
  else N.done({ name: 'Error', message: String(e) });
}

define('__postie_deliver', deliver);

define('__postie_begin', function (eventName, fn, legacy) {
  resetTimers();
  beginScript(eventName, legacy);
  let promise;
  try {
    promise = fn();
  } catch (e) {
    finish(e);
    return;
  }
  promise.then(() => N.done(null), finish);
});

define('__postie_end', function () {
  return endScript();
});
