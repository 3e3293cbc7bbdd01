// The `pm` object of one script. Everything is built on first access (a script that only touches
// pm.environment pays for nothing else): the surfaces are getters on a shared prototype that cache
// what they build on the script's state `S`.
import { scopes } from './scopes.js';
import { Request } from './request.js';
import { mainResponse } from './response.js';
import { makeCookies } from './cookies.js';
import { makeSendRequest } from './send-request.js';
import { makeExecution } from './execution.js';
import { makeInfo } from './info.js';
import { makeTest } from './test.js';
import { vault } from './vault.js';
import { visualizer } from './visualizer.js';
import { loadExpect } from './expect.js';

const N = globalThis.__postie;
const STATE = Symbol('postie.script');

/** The script's facts from Rust, fetched once. */
export function infoOf(S) {
  if (!S.info) S.info = N.info();
  return S.info;
}

/** The script's `pm.request` (built from the request JSON the runner gave). */
export function requestOf(S) {
  if (S.request === undefined) {
    S.request = new Request(N.request() || {});
    S.requestBaseline = JSON.stringify(S.request.toJSON());
  }
  return S.request;
}

/** The script's `pm.response` (test scripts only). */
export function responseOf(S) {
  if (S.response === undefined) {
    const meta = S.eventName === 'test' ? N.response() : undefined;
    S.response = meta ? mainResponse(meta, cookieListOf(S)) : null;
  }
  return S.response === null ? undefined : S.response;
}

function cookieListOf(S) {
  if (S.cookieList === undefined) S.cookieList = N.cookies() || [];
  return S.cookieList;
}

function cached(name, build) {
  return {
    get() {
      const S = this[STATE];
      if (!(name in S.cache)) S.cache[name] = build(S, this);
      return S.cache[name];
    },
    set(value) { this[STATE].cache[name] = value; },
    enumerable: true,
    configurable: true,
  };
}

const proto = {};
Object.defineProperties(proto, {
  info: cached('info', (S) => makeInfo(infoOf(S))),
  globals: { value: scopes.globals, enumerable: true },
  environment: { value: scopes.environment, enumerable: true },
  collectionVariables: { value: scopes.collectionVariables, enumerable: true },
  variables: { value: scopes.variables, enumerable: true },
  iterationData: { value: scopes.iterationData, enumerable: true },
  vault: { value: vault, enumerable: true },
  visualizer: { value: visualizer, enumerable: true },
  request: cached('request', (S) => requestOf(S)),
  response: cached('response', (S) => responseOf(S)),
  cookies: cached('cookies', (S) => makeCookies(cookieListOf(S))),
  sendRequest: cached('sendRequest', (S, pm) => makeSendRequest(pm)),
  execution: cached('execution', (S) => makeExecution(S, infoOf(S))),
  test: cached('test', (S, pm) => makeTest(S, pm)),
  expect: { get() { return loadExpect().expect; }, enumerable: false, configurable: true },
});

/** A fresh `pm` for the script whose state is `S`. */
export function makePm(S) {
  const pm = Object.create(proto);
  Object.defineProperty(pm, STATE, { value: S, enumerable: false });
  return pm;
}
