// The SDK's Response as scripts see it (`pm.response`, `pm.sendRequest` results): status, headers,
// cookies, timings and the body as text, JSON or bytes. The main response's body is fetched from
// Rust only when a script asks for it.
import { HeaderList } from './list.js';
import { CookieList, parseSetCookie } from './cookies.js';
import { reasonOf } from './http-reasons.js';
import { loadExpect } from './expect.js';
import { throwJsonError } from './json-error.js';
import { requireModule } from '../require.js';

const N = globalThis.__postie;
const toBase64 = globalThis.btoa;

/** JSON.parse as the SDK does it (liquid-json): a leading BOM is dropped unless `strict`; errors
 * are `JSONError`s that point at the offending character. */
export function parseJson(text, reviver, strict) {
  let input = text === undefined || text === null ? '' : String(text);
  if (input.charCodeAt(0) === 0xfeff) {
    if (strict) {
      const e = new SyntaxError('Unexpected byte order mark found in first 1 character(s)');
      e.name = 'JSONError';
      throw e;
    }
    input = input.slice(1);
  }
  try {
    return JSON.parse(input, reviver);
  } catch (e) {
    return throwJsonError(input, e);
  }
}

const MIME = [
  // [pattern, type, format, extension]
  [/json/, 'text', 'json', 'json'],
  [/javascript|ecmascript/, 'text', 'script', 'js'],
  [/xml/, 'text', 'xml', 'xml'],
  [/^text\/html/, 'text', 'html', 'html'],
  [/^text\/css/, 'text', 'css', 'css'],
  [/^text\/csv/, 'text', 'csv', 'csv'],
  [/^text\//, 'text', 'plain', 'txt'],
  [/^image\/svg/, 'image', 'image', 'svg'],
  [/^image\/(\w+)/, 'image', 'image', null],
  [/^audio\/(\w+)/, 'audio', 'audio', null],
  [/^video\/(\w+)/, 'video', 'video', null],
  [/^application\/pdf/, 'pdf', 'pdf', 'pdf'],
  [/^application\/x-www-form-urlencoded/, 'text', 'plain', null],
];

function mimeInfo(contentType) {
  const full = String(contentType || 'text/plain').trim();
  const base = full.split(';')[0].trim().toLowerCase();
  const charsetMatch = /charset=([^;]+)/i.exec(full);
  let type = 'unknown';
  let format = 'raw';
  let ext = '';
  for (const [re, t, f, e] of MIME) {
    const m = re.exec(base);
    if (m) { type = t; format = f; ext = e || m[1] || ''; break; }
  }
  return { base, full, type, format, ext, charset: charsetMatch ? charsetMatch[1].trim().replace(/^"|"$/g, '') : 'utf8' };
}

function fileNameOf(disposition) {
  if (!disposition) return undefined;
  const star = /filename\*=[^']*''([^;]+)/i.exec(disposition);
  if (star) { try { return decodeURIComponent(star[1].trim()); } catch (_) { return star[1].trim(); } }
  const plain = /filename=("([^"]*)"|[^;]+)/i.exec(disposition);
  return plain ? (plain[2] !== undefined ? plain[2] : plain[1].trim()) : undefined;
}

function base64(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  return toBase64(bin);
}

/** A response: `new Response({code, status, header, body|stream, cookie, responseTime, responseSize})`. */
export class Response {
  #text;
  #stream;
  #cookies;
  #source;

  constructor(options) {
    const o = options || {};
    this.code = o.code;
    this.status = o.status !== undefined ? o.status : o.reason !== undefined ? o.reason : reasonOf(o.code);
    this.headers = HeaderList.forResponse(this, o.header || o.headers || []);
    this.responseTime = o.responseTime;
    this.responseSize = o.responseSize;
    this.#text = o.body;
    this.#stream = o.stream;
    this.#cookies = o.cookie;
    this.#source = o.source;
  }

  get cookies() {
    let list = this.#cookies;
    if (list instanceof CookieList) return list;
    if (list === undefined && this.#source) list = this.#source.cookies();
    if (!Array.isArray(list)) {
      list = [];
      this.headers.each((h) => { if (String(h.key).toLowerCase() === 'set-cookie') { const c = parseSetCookie(h.value); if (c) list.push(c); } });
    }
    this.#cookies = new CookieList(this, list);
    return this.#cookies;
  }
  set cookies(value) { this.#cookies = value; }

  /** The body bytes, as a Node Buffer (`res.stream.toString()` is the text, as in Postman). */
  get stream() {
    let bytes = this.#stream;
    if (bytes === undefined) {
      bytes = this.#source ? this.#source.bytes() : new TextEncoderLite().encode(this.text());
    }
    if (bytes instanceof Uint8Array) {
      const { Buffer } = requireModule('buffer');
      if (!(bytes instanceof Buffer)) bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    this.#stream = bytes;
    return bytes;
  }
  set stream(value) { this.#stream = value; }

  get body() { return this.text(); }

  get to() { return loadExpect().expect(this).to; }

  text() {
    if (this.#text === undefined) {
      const t = this.#source ? this.#source.text() : undefined;
      this.#text = t === undefined || t === null ? '' : t;
    }
    return this.#text;
  }

  json(reviver, strict) { return parseJson(this.text(), reviver, strict); }

  jsonp(reviver, strict) {
    const text = (this.text() || '').replace(/^[^{(].*\(/, '').replace(/\)[^}].*$|\)$/, '');
    return parseJson(text, reviver, strict);
  }

  reason() { return this.status || reasonOf(this.code); }

  details() {
    const standard = reasonOf(this.code);
    const name = this.status || standard;
    return { name, detail: standard, code: this.code, standardName: standard };
  }

  size() {
    const encoding = this.headers.get('Content-Encoding');
    const length = this.headers.get('Content-Length');
    const compressed = typeof encoding === 'string' && /gzip|deflate/i.test(encoding);
    let body;
    if (length && compressed && /^\d+$/.test(String(length).trim())) body = parseInt(length, 10);
    else if (typeof this.responseSize === 'number') body = this.responseSize;
    else body = this.stream.byteLength || 0;
    const header = ('HTTP/X.X ' + this.code + ' ' + this.reason() + '\r\n\r\n').length + this.headers.contentSize();
    return { body, header, total: body + header };
  }

  contentInfo() {
    const type = this.headers.get('Content-Type');
    const info = mimeInfo(type);
    const fileName = fileNameOf(this.headers.get('Content-Disposition'));
    return {
      mimeType: info.type,
      mimeFormat: info.format,
      charset: info.charset,
      fileExtension: info.ext,
      fileName: fileName || 'response' + (info.ext ? '.' + info.ext : ''),
      contentType: type || info.base,
    };
  }

  mime() {
    const info = mimeInfo(this.headers.get('Content-Type'));
    return {
      type: info.type, format: info.format, name: 'response', ext: info.ext,
      filename: 'response' + (info.ext ? '.' + info.ext : ''), charset: info.charset,
      source: this.headers.has('Content-Type') ? 'header' : 'default',
      _originalContentType: this.headers.get('Content-Type'), _sanitisedContentType: info.base,
    };
  }

  dataURI() {
    return 'data:' + mimeInfo(this.headers.get('Content-Type')).base + ';base64, ' + base64(this.stream);
  }

  encoding() {
    const header = this.headers.get('Content-Encoding');
    if (header) return { format: header, source: 'header' };
    const s = this.stream;
    if (s && s[0] === 0x1f && s[1] === 0x8b && s[2] === 0x8) return { format: 'gzip', source: 'body' };
    return { format: undefined, source: undefined };
  }

  toJSON() {
    return {
      status: this.status,
      code: this.code,
      header: this.headers.toJSON(),
      cookie: this.cookies.toJSON(),
      body: this.text(),
      responseTime: this.responseTime,
      responseSize: this.responseSize,
    };
  }

  static isResponse(obj) { return obj instanceof Response; }
}
Response._postman_propertyName = 'Response';
Response.prototype._postman_propertyName = 'Response';

/** UTF-8 encoding without relying on a global TextEncoder. */
class TextEncoderLite {
  encode(text) {
    const out = [];
    for (const ch of String(text)) {
      let c = ch.codePointAt(0);
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return new Uint8Array(out);
  }
}

/** Where the main response's body and cookies come from: Rust, on demand. */
const MAIN_SOURCE = {
  text: () => N.responseText(),
  bytes: () => N.responseBytes(),
  cookies: () => N.cookies(),
};

/** The main response of a test script. */
export function mainResponse(meta) {
  return new Response({
    code: meta.code,
    status: meta.status,
    header: meta.headers,
    responseTime: meta.responseTime,
    responseSize: meta.responseSize,
    source: MAIN_SOURCE,
  });
}
