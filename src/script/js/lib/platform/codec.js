// Byte encodings shared by Buffer, TextEncoder/TextDecoder, atob/btoa and string_decoder, with
// Node's rules: utf8 (WHATWG replacement on bad input), hex (stops at the first bad pair),
// base64/base64url (forgiving decode), latin1/binary, ascii, utf16le/ucs2.
const B = globalThis.__postie.bytes;

const ALIASES = {
  utf8: 'utf8', 'utf-8': 'utf8',
  hex: 'hex',
  base64: 'base64', base64url: 'base64url',
  latin1: 'latin1', binary: 'latin1',
  ascii: 'ascii',
  ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le', 'utf-16le': 'utf16le',
};

/** The canonical name of a Node encoding, or undefined. */
export function normalizeEncoding(enc) {
  if (enc === undefined || enc === null || enc === '') return 'utf8';
  return ALIASES[String(enc).toLowerCase()];
}

export function checkEncoding(enc) {
  const n = normalizeEncoding(enc);
  if (n === undefined) {
    const err = new TypeError(`Unknown encoding: ${enc}`);
    err.code = 'ERR_UNKNOWN_ENCODING';
    throw err;
  }
  return n;
}

function hexDecode(s) {
  const n = s.length >>> 1;
  const out = new Uint8Array(n);
  let i = 0;
  for (; i < n; i++) {
    const hi = parseInt(s[2 * i], 16);
    const lo = parseInt(s[2 * i + 1], 16);
    if (Number.isNaN(hi) || Number.isNaN(lo)) break;
    out[i] = (hi << 4) | lo;
  }
  return i === n ? out : out.subarray(0, i);
}

/** A string's bytes in encoding `enc` (already normalized). */
export function encodeString(s, enc) {
  switch (enc) {
    case 'utf8': return B.utf8Encode(s);
    case 'hex': return hexDecode(s);
    case 'base64':
    case 'base64url': return B.base64Decode(s);
    case 'latin1':
    case 'ascii': {
      const out = new Uint8Array(s.length);
      for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
      return out;
    }
    case 'utf16le': {
      const out = new Uint8Array(s.length * 2);
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        out[2 * i] = c & 0xff;
        out[2 * i + 1] = c >>> 8;
      }
      return out;
    }
    default: throw new TypeError(`Unknown encoding: ${enc}`);
  }
}

/** Bytes decoded as a string in encoding `enc` (already normalized). */
export function decodeBytes(bytes, enc) {
  switch (enc) {
    case 'utf8': return B.utf8Decode(bytes);
    case 'hex': return B.hexEncode(bytes);
    case 'base64': return B.base64Encode(bytes);
    case 'base64url': return B.base64Encode(bytes, true);
    case 'latin1': return B.latin1Decode(bytes);
    case 'ascii': {
      const copy = new Uint8Array(bytes.length);
      for (let i = 0; i < bytes.length; i++) copy[i] = bytes[i] & 0x7f;
      return B.latin1Decode(copy);
    }
    case 'utf16le': {
      let out = '';
      for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
      return out;
    }
    default: throw new TypeError(`Unknown encoding: ${enc}`);
  }
}

/** Byte length of `s` in encoding `enc` (normalized). */
export function byteLengthOf(s, enc) {
  switch (enc) {
    case 'utf8': return B.utf8Encode(s).length;
    case 'hex': return s.length >>> 1;
    case 'base64':
    case 'base64url': {
      let n = s.length;
      if (n > 0 && s.charCodeAt(n - 1) === 0x3d) n--;
      if (n > 1 && s.charCodeAt(n - 1) === 0x3d) n--;
      return (n * 3) >>> 2;
    }
    case 'utf16le': return s.length * 2;
    default: return s.length;
  }
}

/** A view of any ArrayBuffer / typed array / DataView as bytes (no copy). */
export function asBytes(v) {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer)) return new Uint8Array(v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  return undefined;
}
