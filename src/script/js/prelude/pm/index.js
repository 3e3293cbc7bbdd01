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
    S.response = meta ? mainResponse(meta) : null;
  }
  return S.response === null ? undefined : S.response;
}

function cookieListOf(S) {
  if (S.cookieList === undefined) S.cookieList = N.cookies() || [];
  return S.cookieList;
}

/** `pm`: one per script; every surface is built on first access and kept for that script. */
class Pm {
  #S;
  #cache = {};

  constructor(S) { this.#S = S; }

  #get(name, build) {
    const c = this.#cache;
    return name in c ? c[name] : (c[name] = build(this.#S, this));
  }

  get info() { return this.#get('info', (S) => makeInfo(infoOf(S))); }
  get globals() { return scopes.globals; }
  get environment() { return scopes.environment; }
  get collectionVariables() { return scopes.collectionVariables; }
  get variables() { return scopes.variables; }
  get iterationData() { return scopes.iterationData; }
  get vault() { return vault; }
  get visualizer() { return visualizer; }
  get request() { return this.#get('request', requestOf); }
  set request(value) { this.#cache.request = value; }
  get response() { return this.#get('response', responseOf); }
  set response(value) { this.#cache.response = value; }
  get cookies() { return this.#get('cookies', (S) => makeCookies(cookieListOf(S))); }
  get sendRequest() { return this.#get('sendRequest', (S, pm) => makeSendRequest(pm)); }
  get execution() { return this.#get('execution', (S) => makeExecution(S, infoOf(S))); }
  get test() { return this.#get('test', makeTest); }
  set test(value) { this.#cache.test = value; }
  get expect() { return loadExpect().expect; }
}

/** A fresh `pm` for the script whose state is `S`. */
export function makePm(S) {
  return new Pm(S);
}
