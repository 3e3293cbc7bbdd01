// The legacy globals (Newman's sandbox 4 "postman legacy interface"): tests[...], responseBody,
// responseCode, responseHeaders, responseTime, responseCookies, request, environment, globals,
// data, iteration and postman.*. Each is a lazy global computed on first use; objects and
// functions among them log Newman's deprecation warning once per script when used. A script
// starting with 'use sandbox2'; gets none of them.
import { requestOf, responseOf, infoOf } from './pm/index.js';
import { Request } from './pm/request.js';
import { makeCookies } from './pm/cookies.js';
import { scopes } from './pm/scopes.js';

const N = globalThis.__postie;

const ALTERNATIVES = {
  tests: 'pm.test()',
  globals: 'pm.globals',
  environment: 'pm.environment',
  data: 'pm.iterationData',
  request: 'pm.request',
  responseCookies: 'pm.cookies',
  responseHeaders: 'pm.response.headers',
  responseTime: 'pm.response.responseTime',
  responseCode: 'pm.response.code',
  responseBody: 'pm.response.text()',
  iteration: 'pm.info.iteration',
  _: "require('lodash')",
  CryptoJS: "require('crypto-js')",
  atob: "require('atob')",
  btoa: "require('btoa')",
  tv4: "require('ajv')",
  xml2Json: "require('xml2js')",
  Backbone: "require('backbone')",
  cheerio: "require('cheerio')",
  'postman.setNextRequest': 'pm.execution.setNextRequest()',
  'postman.setEnvironmentVariable': 'pm.environment.set()',
  'postman.getEnvironmentVariable': 'pm.environment.get()',
  'postman.clearEnvironmentVariables': 'pm.environment.clear()',
  'postman.clearEnvironmentVariable': 'pm.environment.unset()',
  'postman.setGlobalVariable': 'pm.globals.set()',
  'postman.getGlobalVariable': 'pm.globals.get()',
  'postman.clearGlobalVariables': 'pm.globals.clear()',
  'postman.clearGlobalVariable': 'pm.globals.unset()',
  'postman.getResponseCookie': 'pm.cookies.get()',
  'postman.getResponseHeader': 'pm.response.headers.get()',
};

const COMMON = ['tests', 'globals', 'environment', 'data', 'request', 'iteration', 'postman'];
const TEST_ONLY = ['responseCookies', 'responseHeaders', 'responseTime', 'responseCode', 'responseBody'];
const ALL = COMMON.concat(TEST_ONLY);
/** Library globals that warn when a legacy script uses them (their modules install them). */
const LIBRARIES = ['_', 'CryptoJS', 'atob', 'btoa', 'tv4', 'xml2Json', 'Backbone', 'cheerio'];
const LEGACY_GLOBS = ALL.concat(LIBRARIES);

function warn(S, key) {
  if (!S.legacyWarnings || S.warned.has(key)) return;
  S.warned.add(key);
  if (ALTERNATIVES[key]) console.warn(`Using "${key}" is deprecated. Use "${ALTERNATIVES[key]}" instead.`);
  else if (LEGACY_GLOBS.includes(key)) console.warn(`Using "${key}" is deprecated.`);
}

/** Wraps an object or function so that using it logs the deprecation warning of `key`. */
function watched(S, key, value) {
  if (!value || (typeof value !== 'object' && typeof value !== 'function')) return value;
  return new Proxy(value, {
    get(target, prop) {
      warn(S, key === 'postman' ? `postman.${String(prop)}` : key);
      return target[prop];
    },
    set(target, prop, v) {
      warn(S, key);
      target[prop] = v;
      return true;
    },
    apply(target, thisArg, args) {
      warn(S, key);
      return Reflect.apply(target, thisArg, args);
    },
  });
}

function defineGlobal(name, get, set) {
  Object.defineProperty(globalThis, name, { get, set, enumerable: false, configurable: true });
}

/** The raw (unwatched) legacy value `name` of script S, computed once. */
function raw(S, name) {
  const L = S.legacy;
  if (!(name in L)) L[name] = compute(S, name);
  return L[name];
}

function compute(S, name) {
  switch (name) {
    case 'tests': return {};
    case 'environment': return snapshot(S, 'environment');
    case 'globals': return snapshot(S, 'globals');
    case 'data': return snapshot(S, 'iterationData');
    case 'iteration': return infoOf(S).iteration;
    case 'request': return legacyRequest(S);
    case 'postman': return legacyPostman(S);
    case 'responseBody': { const r = responseOf(S); return r ? r.text() : undefined; }
    case 'responseTime': { const r = responseOf(S); return r ? r.responseTime : NaN; }
    case 'responseCode': {
      const r = responseOf(S);
      return r ? r.details() : { code: NaN, name: '', details: '' };
    }
    case 'responseHeaders': {
      const out = {};
      const r = responseOf(S);
      if (r) r.headers.each((h) => { if (h && !h.disabled) out[h.key] = h.value; });
      return out;
    }
    case 'responseCookies': return makeCookies(N.cookies() || []);
    default: return undefined;
  }
}

function bodyData(body) {
  if (!body || body.isEmpty()) return {};
  const mode = body.mode;
  if (mode === 'raw') return body.raw;
  if (mode === 'file') return (body.file && body.file.content) || {};
  if (mode === 'urlencoded' || mode === 'formdata') {
    const out = {};
    for (const p of body[mode].members) {
      if (p.disabled) continue;
      if (out[p.key]) out[p.key] = Array.isArray(out[p.key]) ? out[p.key].concat([p.value]) : [out[p.key], p.value];
      else out[p.key] = p.value;
    }
    return out;
  }
  return {};
}

function legacyRequest(S) {
  // The request as the script started with it (later pm.request changes do not show here).
  const req = S.request !== undefined && S.requestBaseline !== undefined
    ? new Request(JSON.parse(S.requestBaseline)) : requestOf(S).clone();
  const info = infoOf(S);
  const desc = req.description;
  return {
    id: info.requestId,
    name: info.requestName,
    description: desc === undefined || desc === null ? undefined : typeof desc === 'object' && desc.content !== undefined ? String(desc.content) : String(desc),
    headers: req.headers.toObject(true, false, true, true),
    method: req.method,
    url: req.url.toString(),
    data: bodyData(req.body),
  };
}

function asText(value) {
  return (value === false || value) && typeof (value && value.toString) === 'function' ? value.toString() : value;
}

function legacyPostman(S) {
  const env = () => raw(S, 'environment');
  const glob = () => raw(S, 'globals');
  const clearAll = (obj) => { for (const k of Object.keys(obj)) delete obj[k]; };
  const postman = {
    setEnvironmentVariable(key, value) { value = asText(value); env()[key] = value; scopes.environment.set(key, value); },
    getEnvironmentVariable(key) { return scopes.environment.get(key); },
    clearEnvironmentVariables() { clearAll(env()); scopes.environment.clear(); },
    clearEnvironmentVariable(key) { if (key) delete env()[key]; scopes.environment.unset(key); },
    setGlobalVariable(key, value) { value = asText(value); glob()[key] = value; scopes.globals.set(key, value); },
    getGlobalVariable(key) { return scopes.globals.get(key); },
    clearGlobalVariables() { clearAll(glob()); scopes.globals.clear(); },
    clearGlobalVariable(key) { if (key) delete glob()[key]; scopes.globals.unset(key); },
    setNextRequest(what) { N.nextRequest(what); },
  };
  if (S.eventName === 'test') {
    postman.getResponseCookie = function getResponseCookie(name) {
      return raw(S, 'responseCookies').one(String(name));
    };
    postman.getResponseHeader = function getResponseHeader(name) {
      const r = responseOf(S);
      const h = r && r.headers.one(name);
      return h ? h.value : undefined;
    };
  }
  return postman;
}

/** The legacy script running now (null: none, or a 'use sandbox2' one). */
let active = null;
/** Which legacy globals exist on globalThis: 'none', 'prerequest' (no response ones) or 'test'. */
let installed = 'none';

/** The watched value of legacy global `name` for the running script. */
function legacyGet(name) {
  const S = active;
  if (!S) return undefined;
  if (Object.hasOwn(S.assigned, name)) return S.assigned[name];
  if (!Object.hasOwn(S.watchedCache, name)) S.watchedCache[name] = watched(S, name, raw(S, name));
  return S.watchedCache[name];
}

function defineLegacy(name) {
  defineGlobal(name, () => legacyGet(name), (v) => { if (active) active.assigned[name] = v; });
}

/** Library globals as their modules defined them, before we wrapped them. */
const originals = new Map();

function defineLibrary(name) {
  defineGlobal(name, () => {
    const value = libraryValue(name);
    const S = active;
    if (!S) return value;
    if (!Object.hasOwn(S.libraryCache, name)) S.libraryCache[name] = watched(S, name, value);
    return S.libraryCache[name];
  }, (v) => {
    originals.set(name, { value: v, writable: true, enumerable: false, configurable: true });
    if (active) delete active.libraryCache[name];
  });
}

/** The library's value (runs its lazy loader once, which replaces our accessor: put it back). */
function libraryValue(name) {
  const desc = originals.get(name);
  if (!desc.get) return desc.value;
  const value = desc.get.call(globalThis);
  originals.set(name, { value, writable: true, enumerable: false, configurable: true });
  defineLibrary(name);
  return value;
}

/** Wraps the library globals (once): legacy scripts get them watched, others as they are. */
function wrapLibraries() {
  for (const name of LIBRARIES) {
    if (originals.has(name)) continue;
    const desc = Object.getOwnPropertyDescriptor(globalThis, name);
    if (!desc) continue;
    originals.set(name, desc);
    defineLibrary(name);
  }
}

/** Makes the legacy globals of script S available (they are computed on first use). */
export function installLegacy(S) {
  S.legacy = {};
  S.assigned = {};
  S.watchedCache = {};
  S.libraryCache = {};
  S.warned = new Set();
  S.legacyWarnings = true;
  active = S;
  const mode = S.eventName === 'test' ? 'test' : 'prerequest';
  if (installed === 'none') {
    for (const name of COMMON) defineLegacy(name);
    wrapLibraries();
  }
  if (mode === 'test' && installed !== 'test') for (const name of TEST_ONLY) defineLegacy(name);
  if (mode !== 'test' && installed === 'test') for (const name of TEST_ONLY) delete globalThis[name];
  installed = mode;
}

/** Removes the legacy globals (a 'use sandbox2' script). */
export function removeLegacy() {
  active = null;
  if (installed === 'none') return;
  for (const name of ALL) delete globalThis[name];
  installed = 'none';
}

/** The script ended: its legacy values are no longer reachable. */
export function endLegacy() {
  active = null;
}

const SNAPSHOT_OF = { environment: 'environment', globals: 'globals', iterationData: 'data' };

/** A scope as it was when script S started: its values now, with the script's writes undone. */
function snapshot(S, scope) {
  const obj = N.varObject(scope);
  const journal = S.journal && S.journal[scope];
  if (journal) {
    for (const [key, before] of journal) {
      if (before.had) obj[key] = before.value;
      else delete obj[key];
    }
  }
  return obj;
}

/** Before a script writes a scope whose legacy snapshot nobody asked for yet, remember what it
 * overwrites (cheaper than copying the whole scope up front); clear() takes the snapshot now. */
export function legacyBeforeWrite(S, scope, key) {
  const name = SNAPSHOT_OF[scope];
  if (!S.legacy || !name || Object.hasOwn(S.legacy, name)) return;
  if (key === undefined) { raw(S, name); return; }
  if (!S.journal) S.journal = {};
  const journal = S.journal[scope] || (S.journal[scope] = new Map());
  if (!journal.has(key)) journal.set(key, { had: N.varHas(scope, key), value: N.varGet(scope, key) });
}

/** Reports `tests[...]` entries as assertions, after the script's pm.test ones. */
export function flushLegacy(S) {
  if (!S.legacy) return;
  S.legacyWarnings = false;
  const tests = S.legacy.tests;
  if (!tests || typeof tests !== 'object') return;
  for (const name of Object.keys(tests)) {
    const value = tests[name];
    const error = value ? null : { name: 'AssertionError', message: `expected ${String(value)} to be truthy` };
    if (!S.dead) N.assertion(String(name), S.assertions++, false, error);
  }
}
