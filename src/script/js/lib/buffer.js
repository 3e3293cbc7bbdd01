// `require('buffer')` and the `Buffer` global: Node's Buffer as a Uint8Array subclass, written
// for postie from Node's documented API. Encodings live in platform/codec.js; the number
// readers/writers in platform/buffer-rw.js.
import { normalizeEncoding, checkEncoding, encodeString, decodeBytes, byteLengthOf, asBytes } from './platform/codec.js';
import { installReadWrite } from './platform/buffer-rw.js';
import atob from './atob.js';
import btoa from './btoa.js';

const kMaxLength = 2 ** 32;

function argError(name, expected, value) {
  const got = value === null ? 'null' : typeof value === 'object' ? `an instance of ${value.constructor ? value.constructor.name : 'Object'}` : `type ${typeof value} (${String(value)})`;
  const err = new TypeError(`The "${name}" argument must be ${expected}. Received ${got}`);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

function rangeError(name, value) {
  const err = new RangeError(`The value of "${name}" is out of range. Received ${value}`);
  err.code = 'ERR_OUT_OF_RANGE';
  return err;
}

function checkSize(size) {
  if (typeof size !== 'number') throw argError('size', 'of type number', size);
  if (!(size >= 0 && size <= kMaxLength)) throw rangeError('size', size);
}

export class Buffer extends Uint8Array {
  // `new Buffer(string | array)` is Node's deprecated constructor form; everything else is
  // Uint8Array's (sizes, and the views Uint8Array methods create through the species).
  constructor(a, b, c) {
    if (typeof a === 'string') super(encodeString(a, checkEncoding(b)));
    else if (Array.isArray(a)) super(a.map((x) => x & 255));
    else super(a, b, c);
  }

  static from(value, encodingOrOffset, length) {
    if (typeof value === 'string') return fromBytes(encodeString(value, checkEncoding(encodingOrOffset)));
    if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)) {
      const offset = encodingOrOffset === undefined ? 0 : +encodingOrOffset || 0;
      if (offset > value.byteLength) throw new RangeError('"offset" is outside of buffer bounds');
      const len = length === undefined ? value.byteLength - offset : +length || 0;
      if (offset + len > value.byteLength) throw new RangeError('"length" is outside of buffer bounds');
      return new Buffer(value, offset, len);
    }
    if (ArrayBuffer.isView(value)) return fromBytes(Uint8Array.from(asBytes(value)));
    if (value !== null && typeof value === 'object') {
      if (typeof value[Symbol.toPrimitive] === 'function' || (typeof value.valueOf === 'function' && value.valueOf() !== value)) {
        const prim = typeof value[Symbol.toPrimitive] === 'function' ? value[Symbol.toPrimitive]('string') : value.valueOf();
        if (prim !== value && prim !== null && (typeof prim === 'string' || typeof prim === 'object')) return Buffer.from(prim, encodingOrOffset, length);
      }
      if (value.type === 'Buffer' && Array.isArray(value.data)) return fromArrayLike(value.data);
      if (Array.isArray(value) || typeof value.length === 'number') return fromArrayLike(value);
    }
    throw argError('first argument', 'of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object', value);
  }

  static alloc(size, fill, encoding) {
    checkSize(size);
    const buf = new Buffer(size);
    if (fill !== undefined && fill !== 0 && size > 0) buf.fill(fill, 0, size, encoding);
    return buf;
  }

  static allocUnsafe(size) {
    checkSize(size);
    return new Buffer(size);
  }

  static allocUnsafeSlow(size) {
    return Buffer.allocUnsafe(size);
  }

  static isBuffer(b) {
    return b instanceof Buffer;
  }

  static isEncoding(enc) {
    return typeof enc === 'string' && enc !== '' && normalizeEncoding(enc) !== undefined;
  }

  static byteLength(value, encoding) {
    if (typeof value !== 'string') {
      if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value.byteLength;
      throw argError('string', 'of type string or an instance of Buffer or ArrayBuffer', value);
    }
    return byteLengthOf(value, normalizeEncoding(encoding) || 'utf8');
  }

  static compare(a, b) {
    if (!(a instanceof Uint8Array)) throw argError('buf1', 'an instance of Buffer or Uint8Array', a);
    if (!(b instanceof Uint8Array)) throw argError('buf2', 'an instance of Buffer or Uint8Array', b);
    return compareBytes(a, b);
  }

  static concat(list, totalLength) {
    if (!Array.isArray(list)) throw argError('list', 'an instance of Array', list);
    if (totalLength === undefined) totalLength = list.reduce((n, b) => n + b.length, 0);
    const out = Buffer.alloc(totalLength);
    let at = 0;
    for (const b of list) {
      if (!(b instanceof Uint8Array)) throw argError('list[0]', 'an instance of Buffer or Uint8Array', b);
      const part = at + b.length > totalLength ? b.subarray(0, totalLength - at) : b;
      out.set(part, at);
      at += part.length;
      if (at >= totalLength) break;
    }
    return out;
  }

  static get poolSize() {
    return 8192;
  }

  get parent() {
    return this.buffer;
  }

  get offset() {
    return this.byteOffset;
  }

  toString(encoding, start, end) {
    if (arguments.length === 0) return decodeBytes(this, 'utf8');
    const len = this.length;
    start = start === undefined || start < 0 ? 0 : Math.min(start | 0, len);
    end = end === undefined || end > len ? len : end | 0;
    if (end <= start) return '';
    return decodeBytes(this.subarray(start, end), checkEncoding(encoding));
  }

  toLocaleString(encoding, start, end) {
    return this.toString(encoding, start, end);
  }

  toJSON() {
    return { type: 'Buffer', data: Array.from(this) };
  }

  equals(other) {
    if (!(other instanceof Uint8Array)) throw argError('otherBuffer', 'an instance of Buffer or Uint8Array', other);
    return compareBytes(this, other) === 0;
  }

  compare(target, targetStart = 0, targetEnd = target.length, sourceStart = 0, sourceEnd = this.length) {
    if (!(target instanceof Uint8Array)) throw argError('target', 'an instance of Buffer or Uint8Array', target);
    return compareBytes(this.subarray(sourceStart, sourceEnd), target.subarray(targetStart, targetEnd));
  }

  slice(start, end) {
    return this.subarray(start, end);
  }

  write(string, offset, length, encoding) {
    if (typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      length = this.length;
    } else if (typeof length === 'string') {
      encoding = length;
      length = this.length - (offset || 0);
    }
    offset = offset === undefined ? 0 : offset >>> 0;
    const room = this.length - offset;
    length = length === undefined ? room : Math.min(room, length >>> 0);
    const enc = checkEncoding(encoding);
    let bytes = encodeString(String(string), enc);
    if (bytes.length > length) {
      bytes = bytes.subarray(0, enc === 'utf8' ? utf8Boundary(bytes, length) : length);
    }
    this.set(bytes, offset);
    return bytes.length;
  }

  fill(value, offset, end, encoding) {
    if (typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = this.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = this.length;
    }
    offset = offset === undefined ? 0 : offset;
    end = end === undefined ? this.length : end;
    if (typeof value === 'number') return Uint8Array.prototype.fill.call(this, value & 255, offset, end), this;
    if (typeof value === 'boolean') return Uint8Array.prototype.fill.call(this, +value, offset, end), this;
    const bytes = typeof value === 'string' ? encodeString(value, checkEncoding(encoding)) : asBytes(value);
    if (!bytes || bytes.length === 0) return Uint8Array.prototype.fill.call(this, 0, offset, end), this;
    for (let i = offset, j = 0; i < end; i++, j = (j + 1) % bytes.length) this[i] = bytes[j];
    return this;
  }

  copy(target, targetStart = 0, sourceStart = 0, sourceEnd = this.length) {
    const part = Uint8Array.prototype.subarray.call(this, sourceStart, Math.min(sourceEnd, sourceStart + target.length - targetStart));
    target.set(part, targetStart);
    return part.length;
  }

  indexOf(value, byteOffset, encoding) {
    return search(this, value, byteOffset, encoding, true);
  }

  lastIndexOf(value, byteOffset, encoding) {
    return search(this, value, byteOffset, encoding, false);
  }

  includes(value, byteOffset, encoding) {
    return this.indexOf(value, byteOffset, encoding) !== -1;
  }

  swap16() { return swap(this, 2); }
  swap32() { return swap(this, 4); }
  swap64() { return swap(this, 8); }
}

function fromBytes(bytes) {
  return new Buffer(bytes.buffer, bytes.byteOffset, bytes.length);
}

function fromArrayLike(arr) {
  const n = arr.length >>> 0;
  const out = new Buffer(n);
  for (let i = 0; i < n; i++) out[i] = arr[i] & 255;
  return out;
}

function compareBytes(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function utf8Boundary(bytes, limit) {
  let n = limit;
  while (n > 0 && (bytes[n] & 0xc0) === 0x80) n--;
  return n;
}

function swap(buf, size) {
  if (buf.length % size !== 0) throw new RangeError(`Buffer size must be a multiple of ${size * 8}-bits`);
  for (let i = 0; i < buf.length; i += size) {
    for (let a = i, b = i + size - 1; a < b; a++, b--) {
      const t = buf[a];
      buf[a] = buf[b];
      buf[b] = t;
    }
  }
  return buf;
}

function search(buf, value, byteOffset, encoding, forward) {
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  }
  const len = buf.length;
  let from = byteOffset === undefined || Number.isNaN(+byteOffset) ? (forward ? 0 : len) : +byteOffset;
  if (from < 0) from = Math.max(len + from, forward ? 0 : -1);
  let needle;
  if (typeof value === 'number') needle = [value & 255];
  else if (typeof value === 'string') needle = encodeString(value, checkEncoding(encoding));
  else if (value instanceof Uint8Array) needle = value;
  else throw argError('value', 'one of type number or string or an instance of Buffer or Uint8Array', value);
  if (needle.length === 0) return forward ? Math.min(from, len) : Math.min(from, len);
  const match = (i) => {
    for (let j = 0; j < needle.length; j++) if (buf[i + j] !== needle[j]) return false;
    return true;
  };
  if (forward) {
    for (let i = from; i + needle.length <= len; i++) if (match(i)) return i;
  } else {
    for (let i = Math.min(from, len - needle.length); i >= 0; i--) if (match(i)) return i;
  }
  return -1;
}

installReadWrite(Buffer.prototype);

export const SlowBuffer = Buffer;
export const INSPECT_MAX_BYTES = 50;
export const constants = { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: 2 ** 29 - 24 };

export default { Buffer, SlowBuffer, INSPECT_MAX_BYTES, kMaxLength, constants, atob, btoa };
