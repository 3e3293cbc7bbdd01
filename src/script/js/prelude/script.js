// Per-script setup and teardown: a fresh `pm`, the legacy globals, and what is flushed when the
// script ends (legacy `tests[...]`, tests that never finished, a changed `pm.request`).
import { buildPm } from './pm.js';
import { installLegacy, flushLegacy } from './legacy.js';

const N = globalThis.__postie;
let current = null;

function setGlobal(name, value) {
  Object.defineProperty(globalThis, name, { value, enumerable: false, writable: true, configurable: true });
}

export function beginScript(eventName) {
  current = { eventName, pendingTests: new Set(), requestChanged: false };
  const pm = buildPm(current);
  setGlobal('pm', pm);
  installLegacy(current, pm, setGlobal);
}

export function endScript() {
  const script = current;
  if (!script) return false;
  flushLegacy(script);
  for (const name of script.pendingTests) {
    N.assertion(name, false, { name: 'Error', message: 'the test did not complete: its callback or promise never finished' });
  }
  script.pendingTests.clear();
  const changed = script.requestChanged && script.request !== undefined;
  if (changed) N.setRequest(script.request.toJSON());
  current = null;
  return changed;
}
