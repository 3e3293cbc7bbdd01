// Node's legacy URL API (`url.parse`, `url.format`, `url.resolve`), written from its documented
// behaviour: a `Url` object with protocol, slashes, auth, host, port, hostname, hash, search,
// query, pathname, path and href (missing parts are null); host lowercased; a few unsafe
// characters escaped in the path.
import querystring from '../querystring.js';

const SLASHED = new Set(['http:', 'https:', 'ftp:', 'gopher:', 'file:', 'ws:', 'wss:']);
const NO_HOST = new Set(['javascript:', 'javascript']);
const AUTO_ESCAPE = { '{': '%7B', '}': '%7D', '|': '%7C', '\\': '%5C', '^': '%5E', '`': '%60', "'": '%27', '<': '%3C', '>': '%3E', '"': '%22', ' ': '%20', '\r': '', '\n': '', '\t': '' };

export function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

function escapeUnsafe(s) {
  return s.replace(/[{}|\\^`'<> "\r\n\t]/g, (c) => AUTO_ESCAPE[c]);
}

Url.prototype.parse = function (url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') {
    const err = new TypeError(`The "url" argument must be of type string. Received ${url === null ? 'null' : typeof url}`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  let rest = url.trim();
  const split = rest.search(/[?#]/);
  const head = split === -1 ? rest : rest.slice(0, split);
  rest = head.replace(/\\/g, '/') + (split === -1 ? '' : rest.slice(split));
  const hashAt = rest.indexOf('#');
  if (hashAt !== -1) {
    this.hash = escapeUnsafe(rest.slice(hashAt));
    rest = rest.slice(0, hashAt);
  }
  const qAt = rest.indexOf('?');
  let search = null;
  if (qAt !== -1) {
    search = rest.slice(qAt);
    rest = rest.slice(0, qAt);
  }
  const proto = /^[a-z0-9.+-]+:/i.exec(rest);
  if (proto) {
    this.protocol = proto[0].toLowerCase();
    rest = rest.slice(proto[0].length);
  }
  const slashes = rest.startsWith('//');
  if ((slashesDenoteHost || proto || /^\/\/[^@/]+@[^@/]+/.test(rest)) && slashes && !(this.protocol && NO_HOST.has(this.protocol))) {
    rest = rest.slice(2);
    this.slashes = true;
  }
  if (!(this.protocol && NO_HOST.has(this.protocol)) && (this.slashes || (this.protocol && !SLASHED.has(this.protocol)))) {
    let end = rest.search(/[/?#]/);
    if (end === -1) end = rest.length;
    let hostPart = rest.slice(0, end);
    rest = rest.slice(end);
    const at = hostPart.lastIndexOf('@');
    if (at !== -1) {
      this.auth = decodeURIComponent(hostPart.slice(0, at));
      hostPart = hostPart.slice(at + 1);
    }
    const portMatch = /:([0-9]*)$/.exec(hostPart);
    if (portMatch) {
      if (portMatch[1]) this.port = portMatch[1];
      hostPart = hostPart.slice(0, hostPart.length - portMatch[0].length);
    }
    let hostname = hostPart.toLowerCase();
    if (hostname.startsWith('[') && hostname.endsWith(']')) hostname = hostname.slice(1, -1);
    this.hostname = hostname;
    this.host = (hostPart.startsWith('[') ? `[${hostname}]` : hostname) + (this.port ? ':' + this.port : '');
  }
  if (search !== null) {
    this.search = escapeUnsafe(search);
    this.query = this.search.slice(1);
    if (parseQueryString) this.query = querystring.parse(search.slice(1));
  } else if (parseQueryString) {
    this.search = '';
    this.query = Object.create(null);
  }
  rest = escapeUnsafe(rest);
  if (rest) this.pathname = rest;
  if (SLASHED.has(this.protocol) && this.hostname && !this.pathname) this.pathname = '/';
  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

Url.prototype.format = function () {
  let auth = this.auth || '';
  if (auth) auth = encodeURIComponent(auth).replace(/%3A/i, ':') + '@';
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  if (this.host) host = auth + this.host;
  else if (this.hostname) {
    host = auth + (this.hostname.includes(':') && !this.hostname.startsWith('[') ? `[${this.hostname}]` : this.hostname);
    if (this.port) host += ':' + this.port;
  }
  let search = this.search || '';
  if (!search && this.query && typeof this.query === 'object' && Object.keys(this.query).length) {
    search = '?' + querystring.stringify(this.query);
  }
  if (protocol && !protocol.endsWith(':')) protocol += ':';
  pathname = pathname.replace(/[?#]/g, encodeURIComponent);
  search = search.replace('#', '%23');
  if (this.slashes || ((!protocol || SLASHED.has(protocol)) && host)) {
    host = '//' + host;
    if (pathname && pathname[0] !== '/') pathname = '/' + pathname;
  }
  if (search && search[0] !== '?') search = '?' + search;
  if (hash && hash[0] !== '#') hash = '#' + hash;
  return protocol + host + pathname + search + hash;
};

export function legacyParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  return new Url().parse(url, parseQueryString, slashesDenoteHost);
}

export function legacyFormat(obj) {
  if (typeof obj === 'string') obj = legacyParse(obj);
  if (obj === null || typeof obj !== 'object') {
    const err = new TypeError('The "urlObject" argument must be one of type object or string.');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  return Url.prototype.format.call(obj);
}

export function legacyResolve(from, to) {
  const U = globalThis.__postie.url;
  const absolute = U.parse(String(from));
  if (absolute !== null) {
    const joined = U.parse(String(to), String(from));
    return joined === null ? String(to) : joined.href;
  }
  // A relative base: resolve under a stand-in root and strip it again.
  const base = String(from).startsWith('/') ? 'http://x' + from : 'http://x/' + from;
  const joined = U.parse(String(to), base);
  if (joined === null) return String(to);
  if (joined.host !== 'x') return joined.href;
  const out = joined.pathname + joined.search + joined.hash;
  return String(from).startsWith('/') ? out : out.slice(1);
}
