// The SDK's Url: protocol, auth, host labels, port, path segments, query (PropertyList of
// QueryParam), hash and path variables, parsed from a string or a collection `url` object, and
// turned back into a string exactly as Postman does (no encoding, `{{vars}}` left alone).
import { PropertyList, QueryParam, VariableList } from './list.js';

const RE = {
  protocol: /^([^:?]+):\/\/([^?#/:]*|$)/,
  host: /^([^?#/]+)/,
  hostAuth: /^([^@]+)@/,
  port: /:([^:]*)$/,
  path: /.*?(?=\?|#|$)/,
  query: /^\?([^#]+)/,
  hash: /#(.+)$/,
};

/** Splits a host on dots that are not inside `{{…}}`. */
function splitHost(host) {
  const out = [];
  let cur = '';
  let depth = 0;
  for (let i = 0; i < host.length; i++) {
    const c = host[i];
    if (c === '{' && host[i + 1] === '{') { depth++; cur += '{{'; i++; continue; }
    if (c === '}' && host[i + 1] === '}' && depth > 0) { depth--; cur += '}}'; i++; continue; }
    if (c === '.' && depth === 0) { out.push(cur); cur = ''; continue; }
    cur += c;
  }
  out.push(cur);
  return out;
}

function trimDots(s) { return s.replace(/^\.+|\.+$/g, ''); }

function splitPath(path) {
  if (!path) return undefined;
  const trimmed = path.length > 1 && path[0] === '/' ? path.slice(1) : path;
  return trimmed === '/' ? [''] : trimmed.split('/');
}

/** Parses a URL string into the parts a collection `url` object has. */
export function parseUrl(input) {
  let url = String(input).replace(/^\s+/, '');
  const p = { raw: url };
  const proto = url.match(RE.protocol);
  if (proto) { p.protocol = proto[1]; url = url.slice(p.protocol.length + 3); }
  const host = url.match(RE.host);
  if (host) {
    let h = host[1];
    url = url.slice(h.length);
    const auth = h.match(RE.hostAuth);
    if (auth) {
      h = h.slice(auth[1].length + 1);
      const at = auth[1].indexOf(':');
      p.auth = at < 0 ? { user: auth[1] } : { user: auth[1].slice(0, at), password: auth[1].slice(at + 1) };
    }
    const port = h.match(RE.port);
    if (port && !port[1].includes(']')) {
      p.port = port[1];
      h = h.slice(0, h.length - port[1].length - 1);
    }
    p.host = splitHost(trimDots(h));
  }
  const path = url.match(RE.path);
  if (path) { url = url.slice(path[0].length); p.path = splitPath(path[0]); }
  const query = url.match(RE.query);
  if (query) { url = url.slice(query[1].length + 1); p.query = QueryParam.parse(query[1]); }
  const hash = url.match(RE.hash);
  if (hash) p.hash = hash[1];
  if (p.path) {
    const seen = new Set();
    const vars = [];
    for (const seg of p.path) {
      if (seg.length > 1 && seg[0] === ':' && !seen.has(seg)) { seen.add(seg); vars.push({ key: seg.slice(1) }); }
    }
    if (vars.length) p.variable = vars;
  }
  return p;
}

/** A request URL as the SDK models it. */
export class Url {
  constructor(options) { this.update(options); }

  update(url) {
    const p = typeof url === 'string' ? parseUrl(url) : url && typeof url === 'object' ? url : parseUrl('');
    let { query, path, host, variable } = p;
    if (typeof query === 'string') query = QueryParam.parse(query);
    if (query && !Array.isArray(query) && typeof query === 'object' && !(query instanceof PropertyList)) {
      query = Object.keys(query).map((key) => ({ key, value: query[key] }));
    }
    if (typeof path === 'string') path = splitPath(path);
    if (typeof host === 'string') host = splitHost(host);
    if (Array.isArray(variable)) variable = variable.map((v) => (v && typeof v === 'object' && v.key === undefined && v.id !== undefined ? { ...v, key: v.id } : v));
    this.auth = p.auth && typeof p.auth === 'object' ? { ...p.auth } : undefined;
    this.protocol = p.protocol || undefined;
    this.port = p.port === undefined || p.port === null || p.port === '' ? undefined : String(p.port);
    this.path = Array.isArray(path) ? path.map(String) : undefined;
    this.hash = p.hash || undefined;
    this.host = Array.isArray(host) ? host.map(String) : undefined;
    this.query = query instanceof PropertyList ? query : new PropertyList(QueryParam, query || [], this);
    this.variables = p.variables instanceof VariableList ? p.variables : new VariableList(this, variable || []);
  }

  addQueryParams(params) {
    this.query.populate(typeof params === 'string' ? QueryParam.parse(params) : params);
  }

  removeQueryParams(params) {
    const keys = Array.isArray(params) ? params.map((p) => (p && p.key !== undefined ? p.key : p)) : [params && params.key !== undefined ? params.key : params];
    this.query.remove((p) => keys.includes(p.key));
  }

  getRaw() { return this.toString(); }

  toString(forceProtocol) { return this._unparse(forceProtocol, false); }

  _unparse(forceProtocol, unresolved) {
    let raw = '';
    let protocol = this.protocol;
    if (forceProtocol && !protocol) protocol = 'http';
    if (protocol) raw += protocol.endsWith('://') ? protocol : protocol + '://';
    if (this.auth && this.auth.user) raw += (this.auth.password ? `${this.auth.user}:${this.auth.password}` : this.auth.user) + '@';
    if (this.host) raw += this.getHost();
    if (this.port) raw += ':' + this.port;
    if (this.path) raw += this.getPath(unresolved);
    if (this.query && this.query.count()) {
      // `?` stays when a parameter is enabled, even an empty one (`http://h/p?`).
      const qs = this.getQueryString({ ignoreDisabled: true });
      if (qs || this.query.members.some((p) => p && !p.disabled)) raw += '?' + qs;
    }
    if (this.hash) raw += '#' + this.hash;
    return raw;
  }

  /** `/a/b` with `:var` segments replaced by path variable values (unless `unresolved`). */
  getPath(unresolved) {
    if (unresolved && typeof unresolved === 'object') unresolved = unresolved.unresolved;
    const path = this.path || [];
    if (unresolved) return '/' + path.join('/');
    const segs = path.map((seg) => {
      if (seg.length > 1 && seg[0] === ':') {
        const v = this.variables.one(seg.slice(1));
        const value = v && v.valueOf();
        if (typeof value === 'string') return value;
      }
      return seg;
    });
    return '/' + segs.join('/');
  }

  getQueryString(options) {
    if (!this.query.count()) return '';
    const opts = options && typeof options === 'object' ? options : { encode: Boolean(options) };
    return QueryParam.unparse(this.query.members, { ignoreDisabled: true, ...opts });
  }

  getPathWithQuery(encode) {
    let path = this.getPath();
    if (this.query.count()) path += '?' + this.getQueryString(encode);
    return path;
  }

  getHost() {
    if (!this.host) return '';
    return Array.isArray(this.host) ? this.host.join('.') : String(this.host);
  }

  getRemote(forcePort) {
    if (forcePort && typeof forcePort === 'object') forcePort = forcePort.forcePort;
    const host = this.getHost();
    let port = this.port && String(this.port);
    if (forcePort && !port) port = this.protocol === 'https' ? '443' : '80';
    return port ? `${host}:${port}` : host;
  }

  getOAuth1BaseUrl() {
    let protocol = this.protocol || 'http';
    const port = this.port ? String(this.port) : undefined;
    const host = this.getHost();
    const remote = port === undefined || port === '80' || port === '443' ? host : `${host}:${port}`;
    protocol = protocol.endsWith('://') ? protocol : protocol + '://';
    return protocol.toLowerCase() + remote.toLowerCase() + this.getPath();
  }

  /** The collection v2.1 `url` object. */
  toJSON() {
    const out = { raw: this._unparse(false, true) };
    if (this.protocol) out.protocol = this.protocol;
    if (this.auth) out.auth = { ...this.auth };
    if (this.host) out.host = this.host.slice();
    if (this.port) out.port = this.port;
    if (this.path) out.path = this.path.slice();
    if (this.query.count()) out.query = this.query.toJSON();
    if (this.hash) out.hash = this.hash;
    if (this.variables.count()) out.variable = this.variables.toJSON();
    return out;
  }

  static parse(url) { return parseUrl(url); }
  static isUrl(obj) { return obj instanceof Url; }
}
Url._postman_propertyName = 'Url';
