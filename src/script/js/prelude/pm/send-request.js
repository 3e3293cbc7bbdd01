// pm.sendRequest(request, callback) and its promise form. The request goes to the runner as given
// (a URL string, or a request object normalised to the collection v2.1 shape; no `{{var}}`
// substitution) through the `send` op; several may be in flight at once.
import { Request } from './request.js';
import { Response } from './response.js';
import { waitFor } from '../timers.js';

const N = globalThis.__postie;
const FILES_NOT_ALLOWED = 'uploading files from scripts is not allowed';

/** The JSON the runner receives for this request. */
function payload(req) {
  if (typeof req === 'string') return req;
  const json = (req instanceof Request ? req : new Request(req)).toJSON();
  const body = json.body;
  if (body && body.mode === 'file') {
    console.warn(FILES_NOT_ALLOWED);
    delete json.body;
  } else if (body && body.mode === 'formdata' && Array.isArray(body.formdata) && body.formdata.some((p) => p && p.type === 'file')) {
    console.warn(FILES_NOT_ALLOWED);
    body.formdata = body.formdata.filter((p) => !(p && p.type === 'file'));
  }
  return json;
}

function toError(err) {
  if (err instanceof Error) return err;
  if (err && typeof err === 'object') {
    const e = new Error(err.message === undefined ? String(err) : String(err.message));
    if (err.name) e.name = String(err.name);
    if (err.code) e.code = err.code;
    return e;
  }
  return new Error(String(err));
}

/** Starts the request; `done(err, response, history)` runs when it completes. */
function start(req, done) {
  if (!req) { done(new Error('sendrequest: nothing to request')); return; }
  const id = N.send(payload(req));
  waitFor(id, (err, res) => {
    if (err) { done(toError(err)); return; }
    const response = new Response({
      code: res.code,
      status: res.status,
      header: res.headers,
      body: res.body,
      stream: res.stream,
      responseTime: res.responseTime,
      responseSize: res.responseSize,
    });
    done(null, response, { cookies: response.cookies });
  });
}

/** `pm.sendRequest` bound to its `pm`. */
export function makeSendRequest(pm) {
  return function sendRequest(req, callback) {
    if (typeof callback === 'function') {
      // Errors thrown by the callback surface through the op delivery as script errors.
      start(req, (err, res, history) => (err ? callback.call(pm, err) : callback.call(pm, null, res, history)));
      return pm;
    }
    return new Promise((resolve, reject) => {
      start(req, (err, res) => (err ? reject(err) : resolve(res)));
    });
  };
}
