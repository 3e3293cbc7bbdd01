// `require('querystring')`: Node's querystring rules: `+` is a space when parsing, repeated keys
// become arrays, malformed escapes are kept, `maxKeys` (1000) caps the pairs; stringify drops
// values that are not strings, finite numbers, bigints or booleans to ''.
const B = globalThis.__postie.bytes;

/** Decodes %XX escapes byte by byte (bad ones kept as they are); `+` as space when asked. */
export function unescapeBuffer(s, decodeSpaces) {
  const bytes = B.utf8Encode(String(s));
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x2b && decodeSpaces) {
      out.push(0x20);
      continue;
    }
    if (b === 0x25 && i + 2 < bytes.length) {
      const pair = String.fromCharCode(bytes[i + 1], bytes[i + 2]);
      if (/^[0-9a-fA-F]{2}$/.test(pair)) {
        out.push(parseInt(pair, 16));
        i += 2;
        continue;
      }
    }
    out.push(b);
  }
  return globalThis.Buffer ? globalThis.Buffer.from(Uint8Array.from(out)) : Uint8Array.from(out);
}

export function unescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch (e) {
    return B.utf8Decode(unescapeBuffer(s, decodeSpaces));
  }
}

export function escape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  return encodeURIComponent(str);
}

function primitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return '' + v;
  if (typeof v === 'bigint') return '' + v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

export function stringify(obj, sep = '&', eq = '=', options) {
  const encode = (options && typeof options.encodeURIComponent === 'function') ? options.encodeURIComponent : escape;
  if (obj === null || typeof obj !== 'object') return '';
  const parts = [];
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    const key = encode(primitive(k)) + eq;
    if (Array.isArray(v)) {
      for (const item of v) parts.push(key + encode(primitive(item)));
    } else {
      parts.push(key + encode(primitive(v)));
    }
  }
  return parts.join(sep);
}

export function parse(qs, sep = '&', eq = '=', options) {
  const obj = Object.create(null);
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep || '&';
  eq = eq || '=';
  const maxKeys = options && typeof options.maxKeys === 'number' ? options.maxKeys : 1000;
  const decode = (options && typeof options.decodeURIComponent === 'function') ? options.decodeURIComponent : unescape;
  let pairs = qs.split(sep);
  if (maxKeys > 0) pairs = pairs.slice(0, maxKeys);
  for (const pair of pairs) {
    if (pair === '' && pairs.length > 1) continue;
    const at = pair.indexOf(eq);
    const rawKey = at === -1 ? pair : pair.slice(0, at);
    const rawValue = at === -1 ? '' : pair.slice(at + eq.length);
    const dec = (s) => {
      const spaced = s.replace(/\+/g, ' ');
      try {
        return decode(spaced, true);
      } catch (e) {
        return unescape(spaced, true);
      }
    };
    const key = dec(rawKey);
    const value = dec(rawValue);
    if (key === '' && value === '' && at === -1 && pair === '') continue;
    if (key in obj) {
      if (Array.isArray(obj[key])) obj[key].push(value);
      else obj[key] = [obj[key], value];
    } else {
      obj[key] = value;
    }
  }
  return obj;
}

export const decode = parse;
export const encode = stringify;

export default { parse, stringify, decode, encode, escape, unescape, unescapeBuffer };
