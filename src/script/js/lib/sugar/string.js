// sugar 1.4 String methods: searching (has, each), case conversion (camelize, underscore,
// dasherize, spacify, capitalize, titleize, parameterize, humanize), escaping (RegExp, URL,
// HTML, base64), slicing (first/last/from/to), padding, truncation, tags, assign and the
// script tests (isLatin, hasCyrillic, …). Plural forms are in inflect.js.
import { define, isRegExp } from './common.js';
import { pluralize, singularize, humanize } from './inflect.js';

const REGEXP_CHARS = /([\\/'*+?|()[\]{}.^$])/g;
export const escapeRegExp = (s) => String(s).replace(REGEXP_CHARS, '\\$1');

const isLetter = (c) => c.toLowerCase() !== c.toUpperCase();

function capitalize(s, all) {
  const lower = s.toLowerCase();
  if (!all) return lower.charAt(0).toUpperCase() + lower.slice(1);
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i];
    const prev = i > 0 ? lower[i - 1] : '';
    out += isLetter(c) && !isLetter(prev) && prev !== "'" ? c.toUpperCase() : c;
  }
  return out;
}

function underscore(s) {
  return s
    .replace(/[-\s]+/g, '_')
    .replace(/([A-Z\d]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

function camelize(s, first) {
  const parts = underscore(s).split(/_(?=[^_])/);
  return parts
    .map((p, i) => {
      if (i === 0 && first === false) return p;
      return p.charAt(0).toUpperCase() + p.slice(1);
    })
    .join('');
}

const spacify = (s) => underscore(s).replace(/_/g, ' ');

const SMALL_WORDS = new Set('and or nor a an the so but to of at by from into on onto off out in over with for'.split(' '));

function titleize(s) {
  const words = capitalize(spacify(s), true).split(' ');
  return words
    .map((w, i) => {
      const lower = w.toLowerCase();
      const afterColon = i > 0 && /:$/.test(words[i - 1]);
      if (i > 0 && i < words.length - 1 && !afterColon && SMALL_WORDS.has(lower)) return lower;
      return w;
    })
    .join(' ');
}

function parameterize(s, separator) {
  const sep = separator === undefined ? '-' : String(separator);
  let out = s.replace(/[^a-z0-9\-_]+/gi, sep);
  if (sep) {
    const e = escapeRegExp(sep);
    out = out.replace(new RegExp(`${e}{2,}`, 'g'), sep).replace(new RegExp(`^${e}|${e}$`, 'g'), '');
  }
  return out.toLowerCase();
}

function truncate(s, length, from, ellipsis, onWord) {
  length = Math.max(0, Math.floor(+length) || 0);
  ellipsis = ellipsis === undefined ? '...' : String(ellipsis);
  from = from || 'right';
  if (s.length <= length) return s;
  const cut = (text, fromEnd) => {
    if (!onWord) return text;
    if (fromEnd) {
      const next = s.charAt(s.length - text.length - 1);
      return /\s/.test(next) ? text.trim() : text.replace(/^\S*\s*/, '');
    }
    const next = s.charAt(text.length);
    return /\s/.test(next) ? text.trim() : text.replace(/\s*\S*$/, '');
  };
  if (from === 'left') return ellipsis + cut(s.slice(s.length - length), true);
  if (from === 'middle') {
    const left = Math.ceil(length / 2);
    const right = Math.floor(length / 2);
    return cut(s.slice(0, left), false) + ellipsis + (right ? cut(s.slice(-right), true) : '');
  }
  return cut(s.slice(0, length), false) + ellipsis;
}

function pad(s, num, padding, left, right) {
  const total = Math.floor(+num) || 0;
  const p = padding === undefined ? ' ' : String(padding);
  const missing = Math.max(0, total - s.length);
  const l = left && right ? Math.floor(missing / 2) : left ? missing : 0;
  const r = missing - l;
  return p.repeat(l) + s + p.repeat(r);
}

function tagPattern(tags, withContent) {
  const names = tags.length ? tags.map((t) => escapeRegExp(t)).join('|') : '[a-z][a-z0-9:-]*';
  if (withContent) return new RegExp(`<(${names})(\\s[^>]*)?(/>|>[\\s\\S]*?</\\1\\s*>)`, 'gi');
  return new RegExp(`</?(${names})(\\s[^>]*)?/?>`, 'gi');
}

function removeTags(s, tags) {
  const re = tagPattern(tags, true);
  let prev;
  do {
    prev = s;
    s = s.replace(re, '');
  } while (s !== prev);
  return s;
}

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '/': '&#x2f;' };
const HTML_UNESCAPES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&#x2f;': '/' };

function utf8Bytes(s) {
  const bytes = [];
  for (const ch of s) {
    let c = ch.codePointAt(0);
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else {
      bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
  }
  return bytes;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function encodeBase64(s) {
  const b = utf8Bytes(s);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] || 0) << 8) | (b[i + 2] || 0);
    out += B64[n >> 18] + B64[(n >> 12) & 63];
    out += i + 1 < b.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < b.length ? B64[n & 63] : '=';
  }
  return out;
}

function decodeBase64(s) {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  const bytes = [];
  for (let i = 0; i < clean.length; i += 4) {
    const n = [0, 1, 2, 3].map((k) => (i + k < clean.length ? B64.indexOf(clean[i + k]) : -1));
    bytes.push((n[0] << 2) | (n[1] >> 4));
    if (n[2] >= 0) bytes.push(((n[1] & 15) << 4) | (n[2] >> 2));
    if (n[3] >= 0) bytes.push(((n[2] & 3) << 6) | n[3]);
  }
  let text = '';
  for (const b of bytes) text += '%' + (b < 16 ? '0' : '') + b.toString(16);
  try {
    return decodeURIComponent(text);
  } catch (e) {
    return bytes.map((b) => String.fromCharCode(b)).join('');
  }
}

/** Calls `fn(item, index)` for each item when given, returns the items. */
function each(items, fn) {
  if (typeof fn === 'function') items.forEach((item, i) => fn(item, i));
  return items;
}

const SCRIPTS = {
  Arabic: '\u0600-\u06FF', Cyrillic: '\u0400-\u04FF', Devanagari: '\u0900-\u097F', Greek: '\u0370-\u03FF',
  Hangul: '\uAC00-\uD7AF\u1100-\u11FF', Han: '\u4E00-\u9FFF\uF900-\uFAFF', Kanji: '\u4E00-\u9FFF\uF900-\uFAFF',
  Hebrew: '\u0590-\u05FF', Hiragana: '\u3040-\u309F\u30FB-\u30FC', Kana: '\u3040-\u30FF\uFF61-\uFF9F',
  Katakana: '\u30A0-\u30FF\uFF61-\uFF9F', Latin: '\u0001-\u007F\u0080-\u00FF\u0100-\u017F\u0180-\u024F',
  Thai: '\u0E00-\u0E7F',
};

function scriptMethods() {
  const out = {};
  for (const name of Object.keys(SCRIPTS)) {
    const all = new RegExp(`^[${SCRIPTS[name]}\\s]+$`);
    const any = new RegExp(`[${SCRIPTS[name]}]`);
    out['is' + name] = function () {
      const s = String(this);
      return s.trim().length > 0 && all.test(s);
    };
    out['has' + name] = function () {
      return any.test(String(this));
    };
  }
  return out;
}

function fullWidthDigits(s) {
  return s.replace(/[\uFF10-\uFF19\uFF0E]/g, (c) => (c === '\uFF0E' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

function assign(s, args) {
  const values = {};
  let n = 1;
  for (const a of args) {
    if (a !== null && typeof a === 'object' && !Array.isArray(a)) Object.assign(values, a);
    else if (Array.isArray(a)) for (const v of a) values[n++] = v;
    else values[n++] = a;
  }
  return s.replace(/\{([^{}]+)\}/g, (m, key) => (Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : m));
}

const methods = {
  escapeRegExp() { return escapeRegExp(this); },
  escapeURL(param) { return param ? encodeURIComponent(String(this)) : encodeURI(String(this)); },
  unescapeURL(partial) { return partial ? decodeURI(String(this)) : decodeURIComponent(String(this)); },
  escapeHTML() { return String(this).replace(/[&<>"'/]/g, (c) => HTML_ESCAPES[c]); },
  unescapeHTML() { return String(this).replace(/&(amp|lt|gt|quot|apos|#x2f);/g, (m) => HTML_UNESCAPES[m]); },
  encodeBase64() { return encodeBase64(String(this)); },
  decodeBase64() { return decodeBase64(String(this)); },
  each(search, fn) {
    const s = String(this);
    if (typeof search === 'function') [search, fn] = [undefined, search];
    let items;
    if (search === undefined) items = s.split('');
    else {
      const re = isRegExp(search) ? new RegExp(search.source, search.flags.includes('g') ? search.flags : search.flags + 'g') : new RegExp(escapeRegExp(search), 'g');
      items = s.match(re) || [];
    }
    return each(items, fn);
  },
  shift(n) {
    const k = Math.floor(+n) || 0;
    return String(this).replace(/[\s\S]/g, (c) => String.fromCharCode(c.charCodeAt(0) + k));
  },
  codes(fn) { return each(String(this).split('').map((c) => c.charCodeAt(0)), fn); },
  chars(fn) { return each(String(this).split(''), fn); },
  words(fn) { return each(String(this).trim().split(/\s+/).filter((w) => w), fn); },
  lines(fn) { return each(String(this).trim().split(/[\r\n]/), fn); },
  paragraphs(fn) { return each(String(this).trim().split(/[\r\n]{2,}/).filter((p) => p), fn); },
  isBlank() { return String(this).trim().length === 0; },
  has(find) { return isRegExp(find) ? find.test(String(this)) : String(this).indexOf(String(find)) !== -1; },
  add(str, index) {
    const s = String(this);
    let i = index === undefined ? s.length : Math.floor(+index) || 0;
    if (i < 0) i = Math.max(0, s.length + i);
    return s.slice(0, i) + String(str) + s.slice(i);
  },
  insert(str, index) { return methods.add.call(this, str, index); },
  remove(f) { return String(this).replace(isRegExp(f) ? f : String(f), ''); },
  reverse() { return String(this).split('').reverse().join(''); },
  compact() { return String(this).trim().replace(/([\r\n\s\u3000])+/g, (m, c) => (c === '\u3000' ? c : ' ')); },
  from(index) { return String(this).slice(Math.floor(+index) || 0); },
  to(index) { const s = String(this); return index === undefined ? s : s.slice(0, Math.floor(+index) || 0); },
  first(n) { return String(this).slice(0, n === undefined ? 1 : Math.max(0, Math.floor(+n) || 0)); },
  last(n) {
    const s = String(this);
    const k = n === undefined ? 1 : Math.max(0, Math.floor(+n) || 0);
    return k ? s.slice(-k) : '';
  },
  dasherize() { return underscore(String(this)).replace(/_/g, '-'); },
  underscore() { return underscore(String(this)); },
  camelize(first) { return camelize(String(this), first); },
  spacify() { return spacify(String(this)); },
  capitalize(all) { return capitalize(String(this), all); },
  titleize() { return titleize(String(this)); },
  parameterize(separator) { return parameterize(String(this), separator); },
  humanize() { return humanize(String(this)); },
  pluralize() { return pluralize(String(this)); },
  singularize() { return singularize(String(this)); },
  stripTags(...tags) { return String(this).replace(tagPattern(tags, false), ''); },
  removeTags(...tags) { return removeTags(String(this), tags); },
  truncate(length, from, ellipsis) { return truncate(String(this), length, from, ellipsis, false); },
  truncateOnWord(length, from, ellipsis) { return truncate(String(this), length, from, ellipsis, true); },
  pad(num, padding) { return pad(String(this), num, padding, true, true); },
  padLeft(num, padding) { return pad(String(this), num, padding, true, false); },
  padRight(num, padding) { return pad(String(this), num, padding, false, true); },
  toNumber(base) {
    const s = fullWidthDigits(String(this)).replace(/,/g, '');
    if (base !== undefined) return parseInt(s, base);
    return s.indexOf('.') >= 0 ? parseFloat(s) : parseInt(s, 10);
  },
  assign(...args) { return assign(String(this), args); },
};

export function installString() {
  define(String.prototype, methods);
  define(String.prototype, scriptMethods());
}
