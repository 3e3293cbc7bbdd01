// The legacy globals real collections still use: tests[...], responseBody, responseCode,
// responseHeaders, responseTime, request, environment, globals, data, iteration, postman.*.
const N = globalThis.__postie;

export function installLegacy(script, pm, setGlobal) {
  script.tests = {};
  setGlobal('tests', script.tests);
  setGlobal('environment', N.varObject('environment'));
  setGlobal('globals', N.varObject('globals'));
  setGlobal('data', N.varObject('iterationData'));
  setGlobal('iteration', pm.info.iteration);
  const req = N.request() || {};
  setGlobal('request', legacyRequest(req, pm));
  const res = N.response();
  if (res && script.eventName === 'test') {
    const body = N.responseText();
    setGlobal('responseBody', body);
    setGlobal('responseCode', { code: res.code, name: res.status, detail: res.status });
    const headers = {};
    for (const [k, v] of res.headers) headers[k] = v;
    setGlobal('responseHeaders', headers);
    setGlobal('responseTime', res.responseTime);
    setGlobal('responseCookies', []);
  } else {
    for (const name of ['responseBody', 'responseCode', 'responseHeaders', 'responseTime', 'responseCookies']) {
      setGlobal(name, undefined);
    }
  }
  setGlobal('postman', legacyPostman(script));
}

function legacyRequest(req, pm) {
  const headers = {};
  for (const h of Array.isArray(req.header) ? req.header : []) {
    if (h && !h.disabled) headers[h.key] = h.value;
  }
  let data = {};
  const body = req.body || {};
  if (body.mode === 'raw') data = body.raw || '';
  else if (body.mode === 'urlencoded' || body.mode === 'formdata') {
    for (const p of body[body.mode] || []) if (!p.disabled) data[p.key] = p.value;
  }
  return {
    id: pm.info.requestId,
    name: pm.info.requestName,
    description: req.description,
    headers,
    method: req.method || 'GET',
    url: pm.request ? pm.request.url.toString() : '',
    data,
  };
}

function legacyPostman(script) {
  const text = (v) => (v === undefined || v === null ? v : typeof v === 'string' ? v : String(v));
  return {
    setEnvironmentVariable: (k, v) => N.varSet('environment', String(k), text(v)),
    getEnvironmentVariable: (k) => N.varGet('environment', String(k)),
    clearEnvironmentVariable: (k) => N.varUnset('environment', String(k)),
    clearEnvironmentVariables: () => N.varClear('environment'),
    setGlobalVariable: (k, v) => N.varSet('globals', String(k), text(v)),
    getGlobalVariable: (k) => N.varGet('globals', String(k)),
    clearGlobalVariable: (k) => N.varUnset('globals', String(k)),
    clearGlobalVariables: () => N.varClear('globals'),
    setNextRequest: (name) => N.nextRequest(name === undefined ? null : name),
    getResponseHeader: (name) => {
      const res = N.response();
      if (!res) return undefined;
      const lower = String(name).toLowerCase();
      const found = res.headers.find(([k]) => k.toLowerCase() === lower);
      return found ? found[1] : undefined;
    },
    getResponseCookie: () => undefined,
  };
}

export function flushLegacy(script) {
  const tests = script.tests;
  if (!tests || typeof tests !== 'object') return;
  for (const name of Object.keys(tests)) {
    const value = tests[name];
    const error = value ? null : { name: 'AssertionError', message: `expected ${String(value)} to be truthy` };
    N.assertion(name, false, error);
  }
}
