// `require('url')` and the `URL` / `URLSearchParams` globals: WHATWG URL (parsed and set by the
// `url` crate in Rust) plus Node's legacy `url.parse` / `url.format` / `url.resolve`.
import { URLSearchParams, bindParams, parseForm } from './platform/searchparams.js';
import { legacyParse, legacyFormat, legacyResolve, Url } from './platform/legacy-url.js';

const U = globalThis.__postie.url;

function invalid(input) {
  const err = new TypeError('Invalid URL');
  err.code = 'ERR_INVALID_URL';
  err.input = input;
  return err;
}

export class URL {
  constructor(input, base) {
    const parts = U.parse(String(input), base === undefined ? undefined : String(base));
    if (parts === null) throw invalid(String(input));
    this._parts = parts;
    this._params = new URLSearchParams(parts.search);
    bindParams(this._params, this);
  }

  static canParse(input, base) {
    return U.parse(String(input), base === undefined ? undefined : String(base)) !== null;
  }

  static parse(input, base) {
    try {
      return new URL(input, base);
    } catch (e) {
      return null;
    }
  }

  _set(prop, value) {
    const parts = U.set(this._parts.href, prop, String(value));
    if (parts === null) {
      if (prop === 'href') throw invalid(String(value));
      return;
    }
    this._parts = parts;
    if (prop === 'search' || prop === 'href') this._params._list = parseForm(parts.search.replace(/^\?/, ''));
  }

  _setSearchFromParams(query) {
    const parts = U.set(this._parts.href, 'search', query);
    if (parts !== null) this._parts = parts;
    if (query === '' && this._parts.search === '') {
      // An emptied query drops the '?' entirely.
      const again = U.set(this._parts.href, 'search', '');
      if (again !== null) this._parts = again;
    }
  }

  get href() { return this._parts.href; }
  set href(v) { this._set('href', v); }
  get origin() { return this._parts.origin; }
  get protocol() { return this._parts.protocol; }
  set protocol(v) { this._set('protocol', v); }
  get username() { return this._parts.username; }
  set username(v) { this._set('username', v); }
  get password() { return this._parts.password; }
  set password(v) { this._set('password', v); }
  get host() { return this._parts.host; }
  set host(v) { this._set('host', v); }
  get hostname() { return this._parts.hostname; }
  set hostname(v) { this._set('hostname', v); }
  get port() { return this._parts.port; }
  set port(v) { this._set('port', v); }
  get pathname() { return this._parts.pathname; }
  set pathname(v) { this._set('pathname', v); }
  get search() { return this._parts.search; }
  set search(v) { this._set('search', v); }
  get hash() { return this._parts.hash; }
  set hash(v) { this._set('hash', v); }
  get searchParams() { return this._params; }

  toString() { return this.href; }
  toJSON() { return this.href; }
  get [Symbol.toStringTag]() { return 'URL'; }
}

export function domainToASCII(domain) {
  return U.domainToASCII(String(domain));
}

export function domainToUnicode(domain) {
  return U.domainToUnicode(String(domain));
}

export function fileURLToPath(url) {
  const u = typeof url === 'string' ? new URL(url) : url;
  if (u.protocol !== 'file:') throw new TypeError('The URL must be of scheme file');
  return decodeURIComponent(u.pathname);
}

export function pathToFileURL(path) {
  const u = new URL('file://');
  u.pathname = String(path);
  return u;
}

export function format(obj, options) {
  if (obj instanceof URL) {
    if (!options) return obj.href;
    let out = obj.protocol + (obj.host || obj.protocol === 'file:' ? '//' : '');
    if (options.auth !== false && (obj.username || obj.password)) out += obj.username + (obj.password ? ':' + obj.password : '') + '@';
    out += (options.unicode ? domainToUnicode(obj.hostname) : obj.hostname) + (obj.port ? ':' + obj.port : '');
    out += obj.pathname;
    if (options.search !== false) out += obj.search;
    if (options.fragment !== false) out += obj.hash;
    return out;
  }
  return legacyFormat(obj);
}

export { URLSearchParams, Url };
export const parse = legacyParse;
export const resolve = legacyResolve;

export function resolveObject(from, to) {
  return legacyParse(legacyResolve(from, to));
}

export default { URL, URLSearchParams, Url, parse, format, resolve, resolveObject, domainToASCII, domainToUnicode, fileURLToPath, pathToFileURL };
