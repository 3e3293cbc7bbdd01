// Postman's assertions on responses and requests (chai-postman 2.0.1): `pm.response.to.have
// .status(200)`, `.to.be.ok`, `.to.have.header('X')`, `.to.have.jsonBody('a.b', 1)`, ...
//
// A Response is an object with `_postman_propertyName === 'Response'` (own or inherited, or on its
// constructor); a Request likewise with 'Request'. See docs/spec/expect.md for the members each
// assertion reads (`code`, `reason()`, `details()`, `headers.has/get`, `text()`, `json()`,
// `responseTime`, `size()`). Each assertion first checks those members with plain chai checks,
// so a malformed object fails with chai's usual message rather than a TypeError.

import { Assertion, flag } from './core.js';
import { isNumber, isString, isPlainObject, isEqual, has, get } from './postman-util.js';

const STATUS_CLASSES = { info: 1, success: 2, redirection: 3, clientError: 4, serverError: 5 };

// `name` is the expected reason phrase, compared upper-cased ('Acceptable' for notAcceptable is
// what Postman checks).
const STATUS_NAMES = {
  accepted: { code: 202, name: 'Accepted' },
  withoutContent: { code: 204, name: 'No Content' },
  badRequest: { code: 400, name: 'Bad Request' },
  unauthorised: { code: 401, name: 'Unauthorised' },
  unauthorized: { code: 401, name: 'Unauthorized' },
  forbidden: { code: 403, name: 'Forbidden' },
  notFound: { code: 404, name: 'Not Found' },
  notAcceptable: { code: 406, name: 'Acceptable' },
  rateLimited: { code: 429, name: 'Too Many Requests' },
};

function isKind(value, kind) {
  if (!value) return false;
  if (value._postman_propertyName === kind) return true;
  for (let ctor = value.constructor; ctor; ctor = ctor.super_) {
    if (ctor._postman_propertyName === kind) return true;
  }
  return false;
}

export const isResponse = (value) => isKind(value, 'Response');
export const isRequest = (value) => isKind(value, 'Request');

const check = (value) => new Assertion(value);

// The member checks below run the full chai assertion (for its exact failure message) only when
// the quick test says it would fail: a passing check costs a property read, not an Assertion.
function requireResponse(obj) {
  if (!isResponse(obj)) check(obj).to.be.postmanResponse;
}

function requireRequestOrResponse(obj) {
  if (!isResponse(obj) && !isRequest(obj)) check(obj).to.be.postmanRequestOrResponse;
}

function requireProperty(obj, name) {
  if (obj === null || obj === undefined || !(name in Object(obj))) check(obj).to.have.property(name);
}

function requireCode(assertion) {
  const obj = assertion._obj;
  requireResponse(obj);
  requireProperty(obj, 'code');
  if (typeof obj.code !== 'number') check(obj.code).to.be.a('number');
}

function requireFunction(obj, name) {
  requireProperty(obj, name);
  if (typeof obj[name] !== 'function') check(obj[name]).to.be.a('function');
}

// The first line of a JSON parse error ('Unexpected token ...'), or `Name: message`.
function parseErrorText(err) {
  if (err.name === 'JSONError' && err.message) return err.message.replace(/(.*?)\n.*/g, '$1');
  return err.name + ': ' + err.message;
}

export function postmanRequest() {
  this.assert(isRequest(this._obj), 'expecting a postman request object but got #{this}', 'not expecting a postman request object');
}

export function postmanResponse() {
  this.assert(isResponse(this._obj), 'expecting a postman response object but got #{this}', 'not expecting a postman response object');
}

export function postmanRequestOrResponse() {
  this.assert(
    isResponse(this._obj) || isRequest(this._obj),
    'expecting a postman request or response object but got #{this}',
    'not expecting a postman request or response object',
  );
}

function assertStatusClass(assertion, classCode) {
  requireCode(assertion);
  assertion.assert(
    Math.floor(assertion._obj.code / 100) === classCode,
    'expected response code to be #{exp}XX but found #{act}',
    'expected response code to not be #{exp}XX',
    classCode,
    assertion._obj.code,
  );
}

export function statusCodeClass(classCode) {
  assertStatusClass(this, classCode);
}

// Property getters for info/success/redirection/clientError/serverError, in chai-postman order.
export const statusClassProperties = Object.keys(STATUS_CLASSES).map((name) => [
  name,
  function () {
    assertStatusClass(this, STATUS_CLASSES[name]);
  },
]);

export function error() {
  requireCode(this);
  const statusClass = Math.floor(this._obj.code / 100);
  this.assert(
    statusClass === 4 || statusClass === 5,
    'expected response code to be 4XX or 5XX but found #{act}',
    'expected response code to not be 4XX or 5XX',
    null,
    this._obj.code,
  );
}

function assertCode(assertion, code) {
  assertion.assert(
    assertion._obj.code === code,
    'expected response to have status code #{exp} but got #{act}',
    'expected response to not have status code #{act}',
    code,
    assertion._obj.code,
  );
}

export function statusCode(code) {
  requireCode(this);
  assertCode(this, Number(code));
}

export function statusReason(reason) {
  requireResponse(this._obj);
  requireFunction(this._obj, 'reason');
  const wanted = String(reason);
  this.assert(
    this._obj.reason() === wanted,
    'expected response to have status reason #{exp} but got #{act}',
    'expected response to not have status reason #{act}',
    wanted,
    this._obj.reason(),
  );
}

function assertReasonAndCode(assertion, wantedReason, wantedCode) {
  requireFunction(assertion._obj, 'reason');
  requireFunction(assertion._obj, 'details');
  const actualReason = String(assertion._obj.reason()).toUpperCase();
  const actualCode = Number(assertion._obj.details().code);
  assertion.assert(
    actualReason === wantedReason,
    'expected response to have status reason #{exp} but got #{act}',
    'expected response to not have status reason #{act}',
    wantedReason,
    actualReason,
  );
  assertion.assert(
    actualCode === wantedCode,
    'expected response to have status code #{exp} but got #{act}',
    'expected response to not have status code #{act}',
    wantedCode,
    actualCode,
  );
}

// Property getters for accepted/withoutContent/badRequest/..., in chai-postman order.
export const statusNameProperties = Object.keys(STATUS_NAMES).map((name) => [
  name,
  function () {
    requireResponse(this._obj);
    assertReasonAndCode(this, STATUS_NAMES[name].name.toUpperCase(), STATUS_NAMES[name].code);
  },
]);

// `ok`: on a Response, reason OK and code 200; on anything else, truthiness.
export function ok() {
  if (!isResponse(this._obj)) {
    this.assert(flag(this, 'object'), 'expected #{this} to be truthy', 'expected #{this} to be falsy');
    return;
  }
  assertReasonAndCode(this, 'OK', 200);
}

export function status(codeOrReason) {
  requireResponse(this._obj);
  if (isNumber(codeOrReason)) {
    requireProperty(this._obj, 'code');
    if (typeof this._obj.code !== 'number') check(this._obj.code).to.be.a('number');
    assertCode(this, Number(codeOrReason));
    return;
  }
  requireFunction(this._obj, 'reason');
  this.assert(
    this._obj.reason() === codeOrReason,
    'expected response to have status reason #{exp} but got #{act}',
    'expected response to not have status reason #{act}',
    codeOrReason,
    this._obj.reason(),
  );
}

// The header value Postman's `headers.one(key).value` gives.
function headerValue(headers, key) {
  if (typeof headers.get === 'function') return headers.get(key);
  const found = headers.one(key);
  return found ? found.value : undefined;
}

export function header(headerKey, value) {
  requireRequestOrResponse(this._obj);
  requireProperty(this._obj, 'headers');
  const kind = isRequest(this._obj) ? 'request' : 'response';
  const key = String(headerKey);
  const present = this._obj.headers.has(headerKey);
  this.assert(
    present,
    'expected ' + kind + " to have header with key '" + key + "'",
    'expected ' + kind + " to not have header with key '" + key + "'",
    true,
    present,
  );
  if (arguments.length < 2) return;
  const actual = headerValue(this._obj.headers, headerKey);
  this.assert(
    actual === value,
    "expected '" + key + "' " + kind + ' header to be #{exp} but got #{act}',
    "expected '" + key + "' " + kind + ' header to not be #{act}',
    value,
    actual,
  );
}

function assertHasBody(assertion, text) {
  assertion.assert(
    isString(text) && text.length,
    'expected response to have content in body',
    'expected response to not have content in body',
  );
}

export function withBody() {
  requireResponse(this._obj);
  requireFunction(this._obj, 'text');
  assertHasBody(this, this._obj.text());
}

export function json() {
  requireResponse(this._obj);
  requireFunction(this._obj, 'json');
  let parseError;
  try {
    this._obj.json();
  } catch (err) {
    parseError = parseErrorText(err);
  }
  this.assert(
    !parseError,
    'expected response body to be a valid json but got error ' + parseError,
    'expected response body not to be a valid json',
  );
}

export function body(content) {
  requireResponse(this._obj);
  if (isPlainObject(content)) {
    requireFunction(this._obj, 'json');
    let data;
    try {
      data = this._obj.json();
    } catch {
      // an unparsable body simply does not equal the object
    }
    this.assert(
      isEqual(data, content),
      'expected response body json to equal #{exp} but got #{act}',
      'expected response body json to not equal #{exp} but got #{act}',
      content,
      data,
    );
    return;
  }
  requireFunction(this._obj, 'text');
  const text = this._obj.text();
  if (arguments.length === 0) {
    assertHasBody(this, text);
    return;
  }
  if (content instanceof RegExp) {
    this.assert(
      content.exec(text) !== null,
      'expected response body text to match #{exp} but got #{act}',
      'expected response body text #{act} to not match #{exp}',
      content,
      text,
    );
    return;
  }
  this.assert(
    isEqual(text, content),
    'expected response body to equal #{exp} but got #{act}',
    'expected response body to not equal #{exp}',
    content,
    text,
  );
}

export function jsonBody(path, value) {
  requireResponse(this._obj);
  requireFunction(this._obj, 'json');
  let data;
  let parseError;
  try {
    data = this._obj.json();
  } catch (err) {
    parseError = parseErrorText(err);
  }
  if (arguments.length === 0) {
    this.assert(
      !parseError,
      'expected response body to be a valid json but got error ' + parseError,
      'expected response body not to be a valid json',
    );
    return;
  }
  if (!isString(path)) return;
  this.assert(
    has(data, path),
    'expected #{act} in response to contain property #{exp}',
    'expected #{act} in response to not contain property #{exp}',
    path,
    data,
  );
  if (arguments.length > 1) {
    const found = get(data, path);
    this.assert(
      isEqual(found, value),
      'expected response body json at "' + path + '" to contain #{exp} but got #{act}',
      'expected response body json at "' + path + '" to not contain #{exp} but got #{act}',
      value,
      found,
    );
  }
}

export function responseTime(value) {
  const time = flag(this, 'number');
  this.assert(
    isNumber(time),
    'expected response to have a valid response time but got #{act}',
    'expected response to not have a valid response time but got #{act}',
    null,
    time,
  );
  if (arguments.length) {
    this.assert(
      isEqual(time, value),
      'expected response to have a valid response time but got #{act}',
      'expected response to not have a valid response time but got #{act}',
      null,
      time,
    );
  }
}

export function responseTimeChain() {
  requireResponse(this._obj);
  requireProperty(this._obj, 'responseTime');
  flag(this, 'number', this._obj.responseTime);
  this._obj = get(this._obj, 'responseTime');
}

export function responseSize(value) {
  const size = flag(this, 'number');
  this.assert(
    isNumber(size),
    'expected response to have a valid response size but got #{act}',
    'expected response to not have a valid response size but got #{act}',
    null,
    size,
  );
  if (arguments.length) {
    this.assert(
      isEqual(size, value),
      'expected response size to equal #{act} but got #{exp}',
      'expected response size to not equal #{act} but got #{exp}',
      value,
      size,
    );
  }
}

export function responseSizeChain() {
  requireResponse(this._obj);
  requireFunction(this._obj, 'size');
  const size = this._obj.size();
  const total = (size.header || 0) + (size.body || 0);
  flag(this, 'number', total);
  this._obj = total;
}

// `jsonSchema(schema)`: validates the response's (or request's) JSON body, or the value itself,
// through the host hook `globalThis.__postie_validateSchema(schema, data)`, which returns
// `{ valid, errors }` with `errors` an array of Ajv-style texts ('data.a should be string').
export function jsonSchema(schema, options) {
  check(schema).to.be.an('object');
  const validate = globalThis.__postie_validateSchema;
  if (typeof validate !== 'function') {
    throw new Error('jsonSchema: JSON schema validation is not available in this build of postie');
  }
  const obj = this._obj;
  const data =
    isResponse(obj) || (isRequest(obj) && typeof obj.json === 'function') ? obj.json() : obj;
  const outcome = validate(schema, data, options) || {};
  const errors = Array.isArray(outcome.errors) ? outcome.errors : [];
  const valid = Boolean(outcome.valid) && errors.length === 0;
  this.assert(
    valid,
    'expected data to satisfy schema but found following errors: \n' + (errors.length ? errors.join(', ') : 'No errors'),
    'expected data to not satisfy schema',
    true,
    outcome.valid,
  );
}
