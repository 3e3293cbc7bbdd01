// `require('postman-collection')`: the basics of Postman's collection SDK that scripts use —
// PropertyList, QueryParam, Header/HeaderList, Url, Variable/VariableList, RequestBody,
// Request, Response, FormParam — written from the SDK's documented behaviour.

class PropertyList {
  constructor(Type, parent, items) {
    this.Type = Type;
    this.members = [];
    Object.defineProperty(this, 'Type', { enumerable: false, value: Type, writable: true });
    Object.defineProperty(this, '_parent', { enumerable: false, value: parent, writable: true });
    if (items) this.populate(items);
  }
  _make(item) { return this.Type && !(item instanceof this.Type) ? new this.Type(item) : item; }
  populate(items) {
    if (typeof items === 'string' && this.Type && this.Type.parse) items = this.Type.parse(items);
    for (const item of [].concat(items || [])) if (item != null) this.members.push(this._make(item));
  }
  add(item) { this.members.push(this._make(item)); }
  append(item) { this.add(item); }
  prepend(item) { this.members.unshift(this._make(item)); }
  _match(key, caseInsensitive) {
    const k = String(key);
    return (m) => (caseInsensitive ? String(m.key).toLowerCase() === k.toLowerCase() : m.key === k);
  }
  _ci() { return !!(this.Type && this.Type._postman_propertyIndexCaseInsensitive); }
  one(key) {
    const found = this.members.filter(this._match(key, this._ci()));
    return found[found.length - 1];
  }
  get(key) {
    const m = this.one(key);
    return m ? (typeof m.valueOf === 'function' && m.value === undefined ? m.valueOf() : m.value) : undefined;
  }
  idx(i) { return this.members[i]; }
  has(key, value) {
    const list = this.members.filter(this._match(typeof key === 'object' ? key.key : key, this._ci()));
    return arguments.length > 1 ? list.some((m) => m.value === value) : list.length > 0;
  }
  remove(predicate, context) {
    const test = typeof predicate === 'function' ? predicate.bind(context)
      : typeof predicate === 'string' ? this._match(predicate, this._ci())
        : (m) => m === predicate || (predicate && m.key === predicate.key);
    this.members = this.members.filter((m) => !test(m));
  }
  upsert(item) {
    const existing = this.one(item.key);
    if (existing) {
      existing.update ? existing.update(item) : Object.assign(existing, item);
      return false;
    }
    this.add(item);
    return null;
  }
  clear() { this.members = []; }
  all() { return this.members.slice(); }
  count() { return this.members.length; }
  each(fn, ctx) { this.members.forEach(fn, ctx); }
  map(fn, ctx) { return this.members.map(fn, ctx); }
  filter(fn, ctx) { return this.members.filter(fn, ctx); }
  find(fn, ctx) { return this.members.find(fn, ctx); }
  reduce(fn, acc, ctx) { return this.members.reduce((a, m) => fn.call(ctx, a, m), acc); }
  indexOf(item) { return this.members.indexOf(typeof item === 'string' ? this.one(item) : item); }
  eachParent() {}
  toObject(excludeDisabled, caseSensitive, multiValue) {
    const out = {};
    for (const m of this.members) {
      if (excludeDisabled && m.disabled) continue;
      const k = caseSensitive === false || (caseSensitive === undefined && this._ci()) ? String(m.key).toLowerCase() : m.key;
      if (k === undefined || k === null) continue;
      if (Object.prototype.hasOwnProperty.call(out, k) && (multiValue || this.Type === QueryParam)) {
        out[k] = [].concat(out[k], m.value);
      } else {
        out[k] = m.value;
      }
    }
    return out;
  }
  toJSON() { return this.members.map((m) => (m.toJSON ? m.toJSON() : m)); }
  toString() {
    if (this.Type && this.Type.unparse) return this.Type.unparse(this.members);
    return this.members.map(String).join('');
  }
}

class QueryParam {
  constructor(options) {
    if (typeof options === 'string') options = QueryParam.parseSingle(options);
    this.update(options || {});
  }
  update(o) {
    this.key = o.key === undefined ? null : o.key;
    this.value = o.value === undefined ? null : o.value;
    if (o.disabled) this.disabled = true;
  }
  valueOf() { return this.value; }
  toString() { return QueryParam.unparseSingle(this); }
  toJSON() {
    const out = { key: this.key, value: this.value };
    if (this.disabled) out.disabled = true;
    return out;
  }
  static parse(query) {
    query = String(query || '').replace(/^\?/, '');
    if (!query) return [];
    return query.split('&').map(QueryParam.parseSingle);
  }
  static parseSingle(param) {
    const at = param.indexOf('=');
    if (at < 0) return { key: param, value: null };
    return { key: param.slice(0, at), value: param.slice(at + 1) };
  }
  static unparseSingle(p) {
    if (!p || p.disabled) return '';
    const key = p.key == null ? '' : String(p.key);
    return p.value === null || p.value === undefined ? key : key + '=' + p.value;
  }
  static unparse(params) {
    return [].concat(params || []).filter((p) => p && !p.disabled).map(QueryParam.unparseSingle).join('&');
  }
}

class Header {
  constructor(options, name) {
    if (typeof options === 'string') options = name !== undefined ? { key: name, value: options } : Header.parseSingle(options);
    this.update(options || {});
  }
  update(o) {
    this.key = o.key === undefined ? '' : o.key;
    this.value = o.value === undefined ? '' : o.value;
    if (o.disabled) this.disabled = true;
  }
  valueOf() { return this.value; }
  toString() { return this.key + ': ' + this.value; }
  toJSON() {
    const out = {};
    if (this.disabled) out.disabled = true;
    out.key = this.key;
    out.value = this.value;
    return out;
  }
  static parse(text) {
    return String(text || '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map(Header.parseSingle);
  }
  static parseSingle(text) {
    const s = String(text).trim();
    const at = s.indexOf(':');
    if (at < 0) return { key: s, value: '' };
    return { key: s.slice(0, at).trim(), value: s.slice(at + 1).trim() };
  }
  static unparse(headers, separator) {
    const sep = separator === undefined ? '\r\n' : separator;
    return [].concat(headers || []).filter((h) => h && !h.disabled).map((h) => h.key + ': ' + h.value + sep).join('');
  }
  static unparseSingle(h) { return h.key + ': ' + h.value; }
}
Header._postman_propertyIndexCaseInsensitive = true;

class HeaderList extends PropertyList {
  constructor(parent, items) { super(Header, parent, items); }
  contentSize() { return this.members.reduce((n, h) => n + (h.disabled ? 0 : String(h).length + 2), 0); }
}

const TYPES = {
  string: (v) => (v == null ? '' : String(v)),
  number: (v) => (typeof v === 'number' ? v : +v),
  boolean: (v) => (typeof v === 'string' ? v.toLowerCase() !== 'false' && v !== '' : !!v),
  json: (v) => (typeof v === 'string' ? (() => { try { return JSON.parse(v); } catch (e) { return undefined; } })() : v),
  any: (v) => v,
};

class Variable {
  constructor(definition) {
    const d = definition || {};
    this.type = TYPES[d.type] ? d.type : 'any';
    this.value = undefined;
    if (d.value !== undefined) this.set(d.value);
    if (d.key !== undefined) this.key = d.key;
    if (d.disabled) this.disabled = true;
    if (d.description) this.description = d.description;
  }
  get() { return this.value; }
  set(value) { this.value = TYPES[this.type](value); }
  valueOf(value) { if (value !== undefined) this.set(value); return this.get(); }
  valueType(type) {
    if (type !== undefined && TYPES[type]) {
      this.type = type;
      this.set(this.value);
    }
    return this.type;
  }
  toString() {
    const v = this.value;
    return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  update(o) {
    if (o.type) this.type = o.type;
    if ('value' in o) this.set(o.value);
    if (o.key !== undefined) this.key = o.key;
  }
  toJSON() {
    const out = { type: this.type, value: this.value };
    if (this.key !== undefined) out.key = this.key;
    if (this.disabled) out.disabled = true;
    return out;
  }
  static isVariable(v) { return v instanceof Variable; }
}

class VariableList extends PropertyList {
  constructor(parent, items) { super(Variable, parent, items); }
  replace(str, overrides) {
    return String(str).replace(/\{\{([^{}]+)\}\}/g, (m, name) => {
      const o = overrides && Object.prototype.hasOwnProperty.call(overrides, name) ? overrides[name] : undefined;
      if (o !== undefined) return o;
      return this.has(name) ? String(this.one(name)) : m;
    });
  }
}

const reUrl = /^(?:([a-zA-Z][\w.+-]*):\/\/)?(?:([^:@/?#]*)(?::([^@/?#]*))?@)?([^/?#]*)(\/[^?#]*)?(?:\?([^#]*))?(?:#(.*))?$/;

class Url {
  constructor(options) {
    this.update(options);
  }
  update(options) {
    const o = typeof options === 'string' ? Url.parse(options) : options || {};
    if (o.auth) this.auth = o.auth;
    if (o.protocol) this.protocol = o.protocol;
    if (o.port) this.port = o.port;
    this.path = typeof o.path === 'string' ? o.path.replace(/^\//, '').split('/') : o.path;
    if (o.hash) this.hash = o.hash;
    this.host = typeof o.host === 'string' ? o.host.split('.') : o.host;
    this.query = new PropertyList(QueryParam, this, o.query || []);
    const pathVars = (this.path || []).filter((p) => /^:/.test(p)).map((p) => ({ key: p.slice(1) }));
    this.variables = new VariableList(this, o.variable || pathVars);
  }
  static parse(url) {
    url = String(url || '').trim();
    const m = reUrl.exec(url) || [];
    const out = {};
    if (m[2] !== undefined) out.auth = { user: decodeURIComponent(m[2]), password: m[3] !== undefined ? decodeURIComponent(m[3]) : undefined };
    if (m[1]) out.protocol = m[1];
    let host = m[4] || '';
    const portAt = host.lastIndexOf(':');
    if (portAt >= 0 && /^\d*$/.test(host.slice(portAt + 1)) && !host.endsWith(']')) {
      out.port = host.slice(portAt + 1);
      host = host.slice(0, portAt);
    }
    if (m[5]) out.path = m[5].slice(1).split('/');
    if (m[7] !== undefined) out.hash = m[7];
    out.host = host ? host.split('.') : undefined;
    out.query = m[6] !== undefined ? QueryParam.parse(m[6]) : [];
    return out;
  }
  getHost() { return (this.host || []).join('.'); }
  getPath(unresolved) {
    const path = (this.path || []).map((seg) => {
      if (!unresolved && /^:/.test(seg)) {
        const v = this.variables.one(seg.slice(1));
        if (v && v.value !== undefined && v.value !== null) return String(v.value);
      }
      return seg;
    });
    return '/' + path.join('/');
  }
  getQueryString() { return QueryParam.unparse(this.query.all()); }
  getPathWithQuery(unresolved) {
    const q = this.getQueryString();
    return this.getPath(unresolved) + (q ? '?' + q : '');
  }
  getRemote(forcePort) {
    const port = this.port || (forcePort ? (this.protocol === 'https' ? '443' : '80') : undefined);
    return this.getHost() + (port ? ':' + port : '');
  }
  getOAuth1BaseUrl() { return (this.protocol || 'http') + '://' + this.getRemote() + this.getPath(); }
  addQueryParams(params) {
    const list = typeof params === 'string' ? QueryParam.parse(params) : [].concat(params);
    for (const p of list) this.query.add(p);
  }
  removeQueryParams(params) {
    const names = [].concat(params).map((p) => (typeof p === 'string' ? p : p.key));
    this.query.remove((q) => names.includes(q.key));
  }
  toString(forceProtocol) {
    let out = '';
    if (this.protocol) out += this.protocol + '://';
    else if (forceProtocol) out += 'http://';
    if (this.auth && this.auth.user !== undefined) {
      out += encodeURIComponent(this.auth.user);
      if (this.auth.password !== undefined) out += ':' + encodeURIComponent(this.auth.password);
      out += '@';
    }
    out += this.getHost();
    if (this.port) out += ':' + this.port;
    if (this.path) out += '/' + this.path.join('/');
    const q = this.getQueryString();
    if (this.query.count()) out += '?' + q;
    if (this.hash !== undefined) out += '#' + this.hash;
    return out;
  }
  toJSON() {
    const out = {};
    if (this.auth) out.auth = this.auth;
    if (this.protocol) out.protocol = this.protocol;
    if (this.port) out.port = this.port;
    if (this.path) out.path = this.path;
    if (this.hash !== undefined) out.hash = this.hash;
    if (this.host) out.host = this.host;
    out.query = this.query.toJSON();
    out.variable = this.variables.toJSON();
    return out;
  }
  static isUrl(u) { return u instanceof Url; }
}

class FormParam {
  constructor(o) {
    Object.assign(this, { key: (o || {}).key, value: (o || {}).value });
    if (o && o.type) this.type = o.type;
    if (o && o.disabled) this.disabled = true;
  }
  valueOf() { return this.value; }
  toString() { return this.key + '=' + this.value; }
  toJSON() { return Object.assign({}, this); }
}

class RequestBody {
  constructor(o) { this.update(o || {}); }
  update(o) {
    if (typeof o === 'string') o = { mode: 'raw', raw: o };
    this.mode = o.mode;
    if (o.mode === 'raw') this.raw = o.raw;
    if (o.mode === 'urlencoded') this.urlencoded = new PropertyList(QueryParam, this, o.urlencoded || []);
    if (o.mode === 'formdata') this.formdata = new PropertyList(FormParam, this, o.formdata || []);
    if (o.mode === 'file') this.file = o.file;
    if (o.mode === 'graphql') this.graphql = o.graphql;
    if (o.options) this.options = o.options;
    if (o.disabled) this.disabled = true;
  }
  isEmpty() {
    const v = this[this.mode];
    if (!this.mode || v == null) return true;
    if (v instanceof PropertyList) return v.count() === 0;
    return typeof v === 'string' ? v === '' : false;
  }
  toString() {
    if (this.mode === 'raw') return this.raw === undefined ? '' : String(this.raw);
    if (this.mode === 'urlencoded') return QueryParam.unparse(this.urlencoded.all());
    if (this.mode === 'graphql') return JSON.stringify(this.graphql);
    return '';
  }
  toJSON() {
    const out = { mode: this.mode };
    const v = this[this.mode];
    if (v !== undefined) out[this.mode] = v && v.toJSON ? v.toJSON() : v;
    if (this.options) out.options = this.options;
    return out;
  }
}

class Request {
  constructor(options) {
    const o = typeof options === 'string' ? { url: options } : options || {};
    this.url = o.url instanceof Url ? o.url : new Url(o.url);
    this.headers = new HeaderList(this, o.header || []);
    this.method = o.method ? String(o.method).toUpperCase() : 'GET';
    if (o.body) this.body = new RequestBody(o.body);
    if (o.auth) this.auth = o.auth;
    if (o.description) this.description = o.description;
  }
  getHeaders(options) {
    const out = {};
    for (const h of this.headers.all()) {
      if (options && options.enabled && h.disabled) continue;
      const k = options && options.ignoreCase ? String(h.key).toLowerCase() : h.key;
      if (Object.prototype.hasOwnProperty.call(out, k)) out[k] = [].concat(out[k], h.value);
      else out[k] = h.value;
    }
    return out;
  }
  addHeader(h) { this.headers.add(h); }
  upsertHeader(h) { this.headers.upsert(h); }
  removeHeader(toRemove, options) {
    const ignoreCase = options && options.ignoreCase;
    const name = typeof toRemove === 'string' ? toRemove : toRemove && toRemove.key;
    this.headers.remove((h) => (ignoreCase ? String(h.key).toLowerCase() === String(name).toLowerCase() : h.key === name));
  }
  addQueryParams(params) { this.url.addQueryParams(params); }
  removeQueryParams(params) { this.url.removeQueryParams(params); }
  clone() { return new Request(JSON.parse(JSON.stringify(this.toJSON()))); }
  toJSON() {
    const out = { url: this.url.toJSON() };
    if (this.headers.count()) out.header = this.headers.toJSON();
    out.method = this.method;
    if (this.body) out.body = this.body.toJSON();
    if (this.auth) out.auth = this.auth;
    return out;
  }
  static isRequest(r) { return r instanceof Request; }
}

const REASONS = {
  100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information',
  204: 'No Content', 205: 'Reset Content', 206: 'Partial Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other',
  304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized',
  402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
  408: 'Request Timeout', 409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed',
  413: 'Request Entity Too Large', 415: 'Unsupported Media Type', 418: "I'm a teapot (RFC 2324)", 422: 'Unprocessable Entity',
  429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout',
};

class Response {
  constructor(o) {
    o = o || {};
    this.status = o.status;
    this.code = o.code;
    this.headers = new HeaderList(this, o.header || []);
    this.body = o.body;
    this.stream = o.stream;
    this.cookies = new PropertyList(null, this, o.cookie || []);
    this.responseTime = o.responseTime;
    this.originalRequest = o.originalRequest ? new Request(o.originalRequest) : undefined;
  }
  text() { return this.body === undefined || this.body === null ? '' : String(this.body); }
  json(reviver) { return JSON.parse(this.text(), reviver); }
  reason() { return this.status || REASONS[this.code]; }
  details() {
    const name = REASONS[this.code] || this.status;
    return name ? { name: this.status || name, detail: name, code: this.code, standardName: name } : undefined;
  }
  size() {
    const body = this.text().length;
    const header = this.headers.all().reduce((n, h) => n + String(h).length + 2, 0);
    return { body, header, total: body + header };
  }
  toJSON() {
    const out = { status: this.status, code: this.code, header: this.headers.toJSON(), body: this.body, cookie: this.cookies.toJSON() };
    if (this.responseTime !== undefined) out.responseTime = this.responseTime;
    return out;
  }
  static isResponse(r) { return r instanceof Response; }
}

export default {
  PropertyList, QueryParam, Header, HeaderList, Variable, VariableList, Url, FormParam, RequestBody, Request, Response,
};
