// Cookies: the SDK's Cookie and CookieList (`pm.cookies`, `pm.response.cookies`, legacy
// `responseCookies`), and `pm.cookies.jar()`, whose calls go to the run's cookie jar as host ops
// (`cookies.get`, `cookies.getAll`, `cookies.set`, `cookies.unset`, `cookies.clear`). Each jar
// method takes a Node-style callback `(err, result)` or, without one, returns a promise.
import { PropertyList } from './list.js';
import { Url } from './url.js';
import { waitFor } from '../timers.js';

const N = globalThis.__postie;

/** One cookie. */
export class Cookie {
  constructor(options) { this.update(options || {}); }
  update(o) {
    if (typeof o === 'string') o = parseSetCookie(o) || {};
    this.name = o.name !== undefined ? String(o.name) : o.key !== undefined ? String(o.key) : '';
    this.value = o.value === undefined || o.value === null ? '' : String(o.value);
    for (const k of ['domain', 'path', 'maxAge', 'extensions']) if (o[k] !== undefined && o[k] !== null) this[k] = o[k];
    if (o.expires !== undefined && o.expires !== null && o.expires !== 'Infinity') {
      this.expires = o.expires instanceof Date ? o.expires : new Date(o.expires);
    }
    for (const k of ['httpOnly', 'secure', 'hostOnly', 'session']) if (o[k] !== undefined && o[k] !== null) this[k] = Boolean(o[k]);
  }
  valueOf() { return this.value; }
  toString() {
    let s = `${this.name}=${this.value}`;
    if (this.expires instanceof Date && !isNaN(this.expires)) s += '; Expires=' + this.expires.toUTCString();
    if (this.maxAge !== undefined) s += '; Max-Age=' + this.maxAge;
    if (this.domain) s += '; Domain=' + this.domain;
    if (this.path) s += '; Path=' + this.path;
    if (this.secure) s += '; Secure';
    if (this.httpOnly) s += '; HttpOnly';
    return s;
  }
  toJSON() {
    const out = {};
    for (const k of ['domain', 'path', 'expires', 'maxAge', 'httpOnly', 'secure', 'hostOnly', 'session', 'name', 'value', 'extensions']) {
      const v = this[k];
      if (v !== undefined) out[k] = v instanceof Date ? (isNaN(v) ? null : v.toISOString()) : v;
    }
    return out;
  }
  static parse(text) { return parseSetCookie(text); }
  static isCookie(obj) { return obj instanceof Cookie; }
}
Cookie._postman_propertyName = 'Cookie';
Cookie._postman_propertyIndexKey = 'name';
Cookie._postman_propertySeparator = '; ';

/** A PropertyList of Cookie, looked up by name. */
export class CookieList extends PropertyList {
  constructor(parent, cookies) { super(Cookie, cookies, parent); }
  static isCookieList(obj) { return obj instanceof CookieList; }
}
CookieList._postman_propertyName = 'CookieList';

/** A `Set-Cookie` value as a cookie object (no defaults filled in), or undefined. */
export function parseSetCookie(text) {
  const parts = String(text).split(';');
  const first = parts.shift();
  const eq = first.indexOf('=');
  if (eq < 1) return undefined;
  const cookie = { name: first.slice(0, eq).trim(), value: first.slice(eq + 1).trim() };
  for (const part of parts) {
    const at = part.indexOf('=');
    const key = (at < 0 ? part : part.slice(0, at)).trim().toLowerCase();
    const val = at < 0 ? '' : part.slice(at + 1).trim();
    if (key === 'domain') cookie.domain = val.replace(/^\./, '');
    else if (key === 'path') cookie.path = val;
    else if (key === 'expires') cookie.expires = val;
    else if (key === 'max-age') cookie.maxAge = Number(val);
    else if (key === 'secure') cookie.secure = true;
    else if (key === 'httponly') cookie.httpOnly = true;
  }
  return cookie;
}

function urlText(url, method) {
  if (url instanceof Url) return url.toString(true);
  if (typeof url === 'string' && url) return new Url(url).toString(true);
  throw new TypeError(`CookieJar.${method}() requires a valid url`);
}

/** Runs a host op and hands its result to `callback`, or returns a promise of it. */
function hostCall(op, args, shape, callback) {
  const settle = (resolve, reject) => {
    waitFor(N.host(op, args), (err, value) => {
      if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else resolve(shape(value));
    });
  };
  if (typeof callback !== 'function') return new Promise(settle);
  settle((v) => callback(null, v), (e) => callback(e));
  return undefined;
}

const asCookie = (c) => (c && typeof c === 'object' ? new Cookie(c) : null);

/** `pm.cookies.jar()`: the run's cookie jar. */
export class CookieJar {
  get(url, name, callback) {
    const u = urlText(url, 'get');
    if (typeof name !== 'string') throw new TypeError('CookieJar.get() requires cookie name to be a string');
    return hostCall('cookies.get', { url: u, name }, (c) => (c && typeof c === 'object' ? String(c.value) : null), callback);
  }

  getAll(url, options, callback) {
    const u = urlText(url, 'getAll');
    if (typeof options === 'function' && callback === undefined) { callback = options; options = {}; }
    if (options === undefined || options === null) options = {};
    if (typeof options !== 'object') throw new TypeError('CookieJar.getAll() requires options to be an object');
    const args = { url: u, http: Object.hasOwn(options, 'http') ? Boolean(options.http) : true };
    if (Object.hasOwn(options, 'secure')) args.secure = Boolean(options.secure);
    return hostCall('cookies.getAll', args, (list) => new CookieList(null, Array.isArray(list) ? list : []), callback);
  }

  set(url, name, value, callback) {
    const u = urlText(url, 'set');
    if (typeof value === 'function' && callback === undefined) { callback = value; value = undefined; }
    let cookie;
    if (name && typeof name === 'string' && value !== undefined && value !== null) cookie = { name, value: String(value) };
    else if (name && typeof name === 'object') cookie = new Cookie(name).toJSON();
    else if (typeof name === 'string' && name) cookie = parseSetCookie(name);
    if (!cookie) throw new TypeError('CookieJar.set() requires a valid set cookie arguments');
    return hostCall('cookies.set', { url: u, cookie }, asCookie, callback);
  }

  unset(url, name, callback) {
    const u = urlText(url, 'unset');
    if (typeof name !== 'string') throw new TypeError('CookieJar.unset() requires cookie name to be a string');
    return hostCall('cookies.unset', { url: u, name }, () => undefined, callback);
  }

  clear(url, callback) {
    const u = urlText(url, 'clear');
    return hostCall('cookies.clear', { url: u }, () => undefined, callback);
  }
}

/** `pm.cookies`: the cookies of the response's URL, with `jar()`. */
export function makeCookies(list) {
  const cookies = new CookieList(null, Array.isArray(list) ? list : []);
  Object.defineProperty(cookies, 'jar', { value: () => new CookieJar(), enumerable: false, writable: true, configurable: true });
  return cookies;
}
