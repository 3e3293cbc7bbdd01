// The SDK's Request as scripts see it (`pm.request`, `pm.sendRequest` arguments): Url, HeaderList,
// RequestBody, RequestAuth, method, and the helpers to change them. `toJSON()` gives the collection
// v2.1 request object the runner sends.
import { PropertyList, HeaderList, QueryParam, FormParam, VariableList } from './list.js';
import { Url } from './url.js';
import { loadExpect } from './expect.js';

const MODES = { raw: 'raw', urlencoded: 'urlencoded', formdata: 'formdata', file: 'file', graphql: 'graphql' };

/** A request body in one of Postman's modes. */
export class RequestBody {
  constructor(options) { this.update(options || {}); }

  update(o) {
    if (typeof o === 'string') o = { mode: 'raw', raw: o };
    this.mode = o.mode;
    this.raw = o.raw === undefined ? undefined : o.raw;
    this.urlencoded = o.urlencoded === undefined ? undefined
      : o.urlencoded instanceof PropertyList ? o.urlencoded
        : new PropertyList(QueryParam, typeof o.urlencoded === 'string' ? QueryParam.parse(o.urlencoded) : o.urlencoded, this);
    this.formdata = o.formdata === undefined ? undefined
      : o.formdata instanceof PropertyList ? o.formdata : new PropertyList(FormParam, o.formdata, this);
    this.file = o.file === undefined ? undefined : typeof o.file === 'string' ? { src: o.file } : o.file;
    this.graphql = o.graphql;
    this.options = o.options;
    this.disabled = o.disabled;
  }

  isEmpty() {
    const data = this.mode && this[this.mode];
    if (!data) return true;
    if (this.mode === MODES.file) return !(data.src || data.content);
    if (typeof data === 'string') return data.length === 0;
    if (typeof data.count === 'function') return data.count() === 0;
    return Object.keys(data).length === 0;
  }

  toString() {
    if (this.mode === MODES.urlencoded) {
      return this.urlencoded instanceof PropertyList ? QueryParam.unparse(this.urlencoded.members) : '';
    }
    if (this.mode === MODES.raw) return this.raw === undefined || this.raw === null ? '' : String(this.raw);
    return '';
  }

  toJSON() {
    const out = {};
    if (this.mode !== undefined) out.mode = this.mode;
    if (this.raw !== undefined) out.raw = this.raw;
    if (this.urlencoded !== undefined) out.urlencoded = this.urlencoded.toJSON();
    if (this.formdata !== undefined) out.formdata = this.formdata.toJSON();
    if (this.file !== undefined) out.file = this.file;
    if (this.graphql !== undefined) out.graphql = this.graphql;
    if (this.options !== undefined) out.options = this.options;
    if (this.disabled !== undefined) out.disabled = this.disabled;
    return out;
  }
}
RequestBody._postman_propertyName = 'RequestBody';
RequestBody.MODES = MODES;

/** Auth parameters given as a v2.1 list, a v2.0 object, or a VariableList. */
function paramList(params) {
  if (params instanceof VariableList) return params.members.map((v) => v.toJSON());
  if (Array.isArray(params)) return params;
  if (params && typeof params === 'object') return Object.keys(params).map((key) => ({ key, value: params[key] }));
  return [];
}

/** Request auth: a type and the parameters of each type. */
export class RequestAuth {
  constructor(options, parent) {
    Object.defineProperty(this, '__parent', { value: parent, writable: true, enumerable: false, configurable: true });
    if (options) this.update(options);
  }

  update(options, type) {
    if (!options) return;
    if (type === undefined && !Array.isArray(options) && typeof options === 'object' && options.type !== undefined) {
      this.type = options.type;
      for (const key of Object.keys(options)) {
        if (key !== 'type' && options[key] !== undefined) this[key] = new VariableList(this, paramList(options[key]));
      }
      return;
    }
    const t = type || this.type;
    if (!t) return;
    const list = this[t] instanceof VariableList ? this[t] : (this[t] = new VariableList(this, []));
    for (const p of paramList(options)) list.upsert({ key: p.key, value: p.value, type: p.type });
  }

  use(type, options) {
    if (!type) return;
    this.type = type;
    if (!(this[type] instanceof VariableList)) this[type] = new VariableList(this, []);
    if (options) this.update(options, type);
  }

  current() { return this.type; }

  parameters() { return this.type ? this[this.type] : undefined; }

  clear(type) {
    if (type && type !== 'type' && this[type] instanceof VariableList) this[type] = new VariableList(this, []);
  }

  toJSON() {
    const out = { type: this.type };
    for (const key of Object.keys(this)) {
      const v = this[key];
      if (key !== 'type' && v instanceof VariableList) {
        out[key] = v.members.map((m) => {
          const o = { key: m.key, value: m.value };
          o.type = m.type === undefined || m.type === 'any' ? (typeof m.value === 'string' ? 'string' : 'any') : m.type;
          return o;
        });
      }
    }
    return out;
  }

  static isValidType(type) { return typeof type === 'string' && type !== ''; }
}
RequestAuth._postman_propertyName = 'RequestAuth';

function toAuth(auth, parent) {
  if (auth === undefined || auth === null) return undefined;
  if (auth instanceof RequestAuth) return auth;
  return new RequestAuth(auth, parent);
}

function toBody(body) {
  if (body === undefined || body === null) return undefined;
  return body instanceof RequestBody ? body : new RequestBody(body);
}

/** A request definition. */
export class Request {
  constructor(options) { this.update(options); }

  update(options) {
    const o = typeof options === 'string' ? { url: options } : options && typeof options === 'object' ? options : {};
    this.url = toUrl(o.url);
    this.method = o.method === undefined || o.method === null || o.method === '' ? 'GET' : String(o.method).toUpperCase();
    this.headers = toHeaders(o.header !== undefined ? o.header : o.headers, this);
    this.body = toBody(o.body);
    this.auth = toAuth(o.auth, this);
    if (o.description !== undefined) this.description = o.description;
    if (o.id !== undefined) this.id = o.id;
    if (o.name !== undefined) this.name = o.name;
  }

  // As in the SDK, url/headers/body/auth are plain properties a script may replace with plain
  // values (`pm.request.url = 'http://…'`); toJSON() and the helpers below accept both.
  get header() { return this.headers; }
  set header(value) { this.headers = value; }

  #headerList() {
    if (!(this.headers instanceof PropertyList)) this.headers = toHeaders(this.headers, this);
    return this.headers;
  }

  #urlObject() {
    if (!(this.url instanceof Url)) this.url = toUrl(this.url);
    return this.url;
  }

  get to() { return loadExpect().expect(this).to; }

  getHeaders(options) {
    const o = options || {};
    return this.#headerList().toObject(o.enabled, !o.ignoreCase, o.multiValue, o.sanitizeKeys);
  }

  forEachHeader(fn, context) {
    this.#headerList().each((h) => { if (!h.disabled) fn.call(context || this, h, this); });
  }

  addHeader(header) { this.#headerList().add(header); }

  removeHeader(toRemove, options) {
    const name = typeof toRemove === 'string' ? toRemove : toRemove && toRemove.key;
    if (!name) return;
    const ignoreCase = options && options.ignoreCase;
    this.#headerList().remove((h) => (ignoreCase ? String(h.key).toLowerCase() === name.toLowerCase() : h.key === name));
  }

  upsertHeader(header) {
    if (!(header && header.key)) return;
    const lower = String(header.key).toLowerCase();
    const list = this.#headerList();
    const existing = list.find((h) => String(h.key).toLowerCase() === lower);
    if (existing) existing.value = header.value === undefined || header.value === null ? '' : String(header.value);
    else list.add(header);
  }

  addQueryParams(params) { this.#urlObject().addQueryParams(params); }
  removeQueryParams(params) { this.#urlObject().removeQueryParams(params); }

  authorizeUsing(type, options) {
    if (type && typeof type === 'object' && options === undefined) {
      options = { ...type };
      type = options.type;
      delete options.type;
    }
    if (type === null) { this.auth = undefined; return; }
    if (!RequestAuth.isValidType(type)) return;
    if (!(this.auth instanceof RequestAuth)) this.auth = new RequestAuth(null, this);
    else this.auth.clear(type);
    this.auth.use(type, options);
  }

  size() {
    const body = this.body ? String(this.body).length : 0;
    const header = this.#headerList().contentSize();
    return { body, header, total: body + header };
  }

  clone() { return new Request(this.toJSON()); }

  /** The collection v2.1 request object. */
  toJSON() {
    const out = { url: toUrl(this.url).toJSON(), method: this.method === undefined ? 'GET' : String(this.method) };
    out.header = toHeaders(this.headers, this).toJSON();
    const body = toBody(this.body);
    if (body !== undefined) out.body = body.toJSON();
    const auth = toAuth(this.auth, this);
    if (auth !== undefined) out.auth = auth.toJSON();
    if (this.description !== undefined) out.description = this.description;
    return out;
  }

  static isRequest(obj) { return obj instanceof Request; }
}
Request._postman_propertyName = 'Request';
Request.prototype._postman_propertyName = 'Request';

function toUrl(url) {
  return url instanceof Url ? url : new Url(url === undefined || url === null ? '' : url);
}

function toHeaders(headers, parent) {
  return headers instanceof PropertyList ? headers : new HeaderList(parent, headerInput(headers));
}

/** Headers given as a list, a `k: v` text block, or a plain object. */
function headerInput(headers) {
  if (headers === undefined || headers === null) return [];
  if (Array.isArray(headers) || typeof headers === 'string') return headers;
  if (typeof headers === 'object') return Object.keys(headers).map((key) => ({ key, value: headers[key] }));
  return [];
}
