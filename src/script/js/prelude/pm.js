// A first `pm`: variable scopes, pm.test/expect, pm.info, pm.request/pm.response, pm.sendRequest,
// pm.execution. (The full SDK-shaped surface grows in ./pm/.)
import { waitFor } from './timers.js';

const N = globalThis.__postie;
let expectModule = null;

function loadExpect() {
  if (!expectModule) expectModule = N.require('expect/index.js');
  return expectModule;
}

class Scope {
  constructor(name) { this._scope = name; }
  get(key) { return N.varGet(this._scope, String(key)); }
  has(key) { return N.varHas(this._scope, String(key)); }
  set(key, value, type) {
    if (type === undefined) N.varSet(this._scope, String(key), value);
    else N.varSet(this._scope, String(key), value, String(type));
  }
  unset(key) { N.varUnset(this._scope, String(key)); }
  clear() { N.varClear(this._scope); }
  toObject() { return N.varObject(this._scope); }
  toJSON() { return N.varObject(this._scope); }
  replaceIn(text) { return N.replaceIn ? N.replaceIn(text) : text; }
}

class MergedScope extends Scope {
  constructor() { super('variables'); }
  get(key) { return N.varGet('merged', String(key)); }
  has(key) { return N.varHas('merged', String(key)); }
  toObject() { return N.varObject('merged'); }
  toJSON() { return N.varObject('merged'); }
}

class HeaderView {
  constructor(pairs) { this._pairs = pairs; }
  get(name) {
    const lower = String(name).toLowerCase();
    for (let i = this._pairs.length - 1; i >= 0; i--) if (this._pairs[i][0].toLowerCase() === lower) return this._pairs[i][1];
    return undefined;
  }
  has(name) { return this.get(name) !== undefined; }
  toObject() { const o = {}; for (const [k, v] of this._pairs) o[k.toLowerCase()] = v; return o; }
  all() { return this._pairs.map(([key, value]) => ({ key, value })); }
  each(fn) { this.all().forEach(fn); }
  count() { return this._pairs.length; }
}

export function makeResponse(data, bodyText) {
  let text = bodyText;
  const res = {
    _postman_propertyName: 'Response',
    code: data.code,
    status: data.status,
    reason() { return data.status; },
    headers: new HeaderView(data.headers || []),
    responseTime: data.responseTime,
    responseSize: data.responseSize,
    text() { if (text === undefined) text = N.responseText(); return text === undefined || text === null ? '' : text; },
    json() { return JSON.parse(this.text()); },
    get to() { return loadExpect().expect(this).to; },
  };
  return res;
}

function urlString(url) {
  if (typeof url === 'string') return url;
  if (!url || typeof url !== 'object') return '';
  if (!url.host && url.raw) return url.raw;
  let s = url.protocol ? url.protocol + '://' : '';
  s += Array.isArray(url.host) ? url.host.join('.') : url.host || '';
  if (url.port) s += ':' + url.port;
  const path = Array.isArray(url.path) ? url.path.join('/') : url.path || '';
  if (path) s += '/' + path.replace(/^\//, '');
  const query = (url.query || []).filter((q) => !q.disabled).map((q) => (q.value === null || q.value === undefined ? q.key : `${q.key}=${q.value}`));
  if (query.length) s += '?' + query.join('&');
  if (url.hash) s += '#' + url.hash;
  return s;
}

function makeRequest(script) {
  const json = N.request() || {};
  const request = {
    _postman_propertyName: 'Request',
    get method() { return json.method || 'GET'; },
    set method(m) { json.method = String(m).toUpperCase(); script.requestChanged = true; },
    url: { toString: () => urlString(json.url) },
    headers: {
      _list() { if (!Array.isArray(json.header)) json.header = []; return json.header; },
      get(name) { const l = String(name).toLowerCase(); const h = this._list().filter((x) => !x.disabled && String(x.key).toLowerCase() === l).pop(); return h ? h.value : undefined; },
      has(name) { return this.get(name) !== undefined; },
      add(h) { this._list().push({ key: h.key, value: h.value }); script.requestChanged = true; },
      upsert(h) { const l = String(h.key).toLowerCase(); const found = this._list().find((x) => String(x.key).toLowerCase() === l); if (found) found.value = h.value; else this._list().push({ key: h.key, value: h.value }); script.requestChanged = true; },
      remove(name) { const l = String(name).toLowerCase(); json.header = this._list().filter((x) => String(x.key).toLowerCase() !== l); script.requestChanged = true; },
      toObject() { const o = {}; for (const h of this._list()) if (!h.disabled) o[h.key] = h.value; return o; },
    },
    get body() { return json.body; },
    get auth() { return json.auth; },
    toJSON() { return json; },
  };
  script.request = request;
  return request;
}

function recordTest(name, error) {
  if (!error) return N.assertion(name, false, null);
  const e = error instanceof Error || (error && typeof error === 'object') ? error : { name: 'Error', message: String(error) };
  N.assertion(name, false, { name: e.name || 'Error', message: e.message === undefined ? String(e) : e.message, stack: e.stack });
}

function makeTest(script, pm) {
  const test = function (name, fn) {
    name = String(name);
    if (typeof fn !== 'function') { recordTest(name, null); return pm; }
    if (fn.length > 0) {
      const token = {};
      script.pendingTests.add(name);
      let finished = false;
      const done = (err) => {
        if (finished) return;
        finished = true;
        script.pendingTests.delete(name);
        recordTest(name, err || null);
      };
      try { fn(done); } catch (e) { done(e); }
      return pm;
    }
    let result;
    try { result = fn(); } catch (e) { recordTest(name, e); return pm; }
    if (result && typeof result.then === 'function') {
      script.pendingTests.add(name);
      result.then(() => { script.pendingTests.delete(name); recordTest(name, null); },
        (e) => { script.pendingTests.delete(name); recordTest(name, e); });
    } else {
      recordTest(name, null);
    }
    return pm;
  };
  test.skip = function (name) { N.assertion(String(name), true, null); return pm; };
  return test;
}

function sendRequest(req, callback) {
  const promise = new Promise((resolve, reject) => {
    const id = N.send(typeof req === 'string' ? req : JSON.parse(JSON.stringify(req)));
    waitFor(id, (err, res) => {
      if (err) {
        const e = new Error(String(err));
        if (callback) callback(e, undefined); else reject(e);
        return;
      }
      const response = makeResponse(res, res.body);
      if (callback) callback(null, response); else resolve(response);
    });
  });
  if (callback) return undefined;
  return promise;
}

export function buildPm(script) {
  const pm = {};
  const info = N.info();
  Object.defineProperty(pm, 'info', { value: Object.freeze({
    eventName: info.eventName, iteration: info.iteration, iterationCount: info.iterationCount,
    requestName: info.requestName, requestId: info.requestId }), enumerable: true });
  pm.environment = new Scope('environment');
  Object.defineProperty(pm.environment, 'name', { get: () => N.scopeName('environment') || undefined });
  pm.globals = new Scope('globals');
  pm.collectionVariables = new Scope('collectionVariables');
  pm.variables = new MergedScope();
  pm.iterationData = new Scope('iterationData');
  pm.request = makeRequest(script);
  const res = script.eventName === 'test' ? N.response() : undefined;
  if (res) pm.response = makeResponse(res);
  pm.test = makeTest(script, pm);
  Object.defineProperty(pm, 'expect', { get: () => loadExpect().expect, enumerable: false });
  pm.sendRequest = sendRequest;
  const location = info.location.slice();
  location.current = info.current;
  pm.execution = {
    location,
    setNextRequest: (target) => N.nextRequest(target === undefined ? null : target),
    skipRequest: () => { if (script.eventName === 'prerequest') N.skipRequest(); },
  };
  pm.visualizer = { set() {}, clear() {} };
  return pm;
}
