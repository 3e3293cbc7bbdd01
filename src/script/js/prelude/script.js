// Per-script setup and teardown. `beginScript` makes the script's state, a fresh `pm` and (unless
// the script opts out with 'use sandbox2') the legacy globals; `endScript` flushes what is reported
// at the end (legacy `tests[...]`, tests that never finished) and hands a changed `pm.request` back.
import { makePm } from './pm/index.js';
import { scopeHooks } from './pm/scopes.js';
import { flushPending } from './pm/test.js';
import { installLegacy, removeLegacy, flushLegacy, endLegacy, legacyBeforeWrite } from './legacy.js';

const N = globalThis.__postie;
let current = null;

function setGlobal(name, value) {
  Object.defineProperty(globalThis, name, { value, enumerable: false, writable: true, configurable: true });
}

/** The running script's state (null between scripts). */
export function currentScript() {
  return current;
}

export function beginScript(eventName, legacy) {
  const S = {
    eventName,
    dead: false,
    assertions: 0,
    pending: new Map(),
    cache: {},
    info: undefined,
    request: undefined,
    requestBaseline: undefined,
    response: undefined,
    cookieList: undefined,
    legacy: null,
  };
  current = S;
  setGlobal('pm', makePm(S));
  if (legacy) {
    installLegacy(S);
    scopeHooks.beforeWrite = (scope, key) => legacyBeforeWrite(S, scope, key);
  } else {
    removeLegacy();
    scopeHooks.beforeWrite = null;
  }
  return S;
}

/** Ends the running script; true when it changed `pm.request`. */
export function endScript() {
  const S = current;
  if (!S) return false;
  flushPending(S);
  flushLegacy(S);
  endLegacy();
  S.dead = true;
  scopeHooks.beforeWrite = null;
  current = null;
  if (S.request === undefined) return false;
  const json = S.request.toJSON();
  if (JSON.stringify(json) === S.requestBaseline) return false;
  N.setRequest(json);
  return true;
}
