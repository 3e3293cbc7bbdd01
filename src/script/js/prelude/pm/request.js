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
    this.url = o.url === undefined ? '' : o.url;
    this.method = o.method === undefined || o.method === null || o.method === '' ? 'GET' : String(o.method).toUpperCase();
    this.headers = o.header !== undefined ? o.header : o.headers;
    this.body = o.body;
    this.auth = o.auth;
    if (o.description !== undefined) this.description = o.description;
    if (o.id !== undefined) this.id = o.id;
    if (o.name !== undefined) this.name = o.name;
  }

  // url, headers, body and auth accept plain values (`pm.request.url = 'http://…'`) and keep
  // the SDK types.
  get url() { return this._url; }
  set url(value) { hidden(this, '_url', value instanceof Url ? value : new Url(value === undefined || value === null ? '' : value)); }
  get headers() { return this._headers; }
  set headers(value) { hidden(this, '_headers', value instanceof HeaderList ? value : new HeaderList(this, headerInput(value))); }
  get header() { return this._headers; }
  set header(value) { this.headers = value; }
  get body() { return this._body; }
  set body(value) { hidden(this, '_body', toBody(value)); }
  get auth() { return this._auth; }
  set auth(value) { hidden(this, '_auth', toAuth(value, this)); }

  get to() { return loadExpect().expect(this).to; }

  getHeaders(options) {
    const o = options || {};
    return this.headers.toObject(o.enabled, !o.ignoreCase, o.multiValue, o.sanitizeKeys);
  }

  forEachHeader(fn, context) {
    this.headers.each((h) => { if (!h.disabled) fn.call(context || this, h, this); });
  }

  addHeader(header) { this.headers.add(header); }

  removeHeader(toRemove, options) {
    const name = typeof toRemove === 'string' ? toRemove : toRemove && toRemove.key;
    if (!name) return;
    const ignoreCase = options && options.ignoreCase;
    this.headers.remove((h) => (ignoreCase ? String(h.key).toLowerCase() === name.toLowerCase() : h.key === name));
  }

  upsertHeader(header) {
    if (!(header && header.key)) return;
    const lower = String(header.key).toLowerCase();
    const existing = this.headers.find((h) => String(h.key).toLowerCase() === lower);
    if (existing) existing.value = header.value === undefined || header.value === null ? '' : String(header.value);
    else this.headers.add(header);
  }

  addQueryParams(params) { this.url.addQueryParams(params); }
  removeQueryParams(params) { this.url.removeQueryParams(params); }

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
    const body = this.body ? this.body.toString().length : 0;
    const header = this.headers.contentSize();
    return { body, header, total: body + header };
  }

  clone() { return new Request(this.toJSON()); }

  /** The collection v2.1 request object. */
  toJSON() {
    const out = { url: this.url instanceof Url ? this.url.toJSON() : this.url, method: this.method };
    out.header = this.headers instanceof PropertyList ? this.headers.toJSON() : this.headers;
    if (this.body !== undefined) out.body = this.body instanceof RequestBody ? this.body.toJSON() : this.body;
    if (this.auth !== undefined) out.auth = this.auth instanceof RequestAuth ? this.auth.toJSON() : this.auth;
    if (this.description !== undefined) out.description = this.description;
    return out;
  }

  static isRequest(obj) { return obj instanceof Request; }
}
Request._postman_propertyName = 'Request';
Request.prototype._postman_propertyName = 'Request';

function hidden(obj, key, value) {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: false, configurable: true });
}

/** Headers given as a list, a `k: v` text block, or a plain object. */
function headerInput(headers) {
  if (headers === undefined || headers === null) return [];
  if (Array.isArray(headers) || typeof headers === 'string') return headers;
  if (typeof headers === 'object') return Object.keys(headers).map((key) => ({ key, value: headers[key] }));
  return [];
}
