// CryptoJS's core shapes, written for postie from CryptoJS's documented behaviour: the `Base`
// object model (extend/create/init/mixIn/clone), `WordArray` (big-endian 32-bit words plus a
// significant byte count) and the encoders. Bytes cross to Rust as Uint8Arrays.
const B = globalThis.__postie.bytes;
const N = globalThis.__postie.crypto;

export const Base = {
  extend(overrides) {
    const sub = Object.create(this);
    if (overrides) sub.mixIn(overrides);
    if (!Object.prototype.hasOwnProperty.call(sub, 'init') || this.init === sub.init) {
      sub.init = function () { sub.$super.init.apply(this, arguments); };
    }
    sub.init.prototype = sub;
    sub.$super = this;
    return sub;
  },
  create(...args) {
    const instance = Object.create(this);
    instance.init(...args);
    return instance;
  },
  init() {},
  mixIn(properties) {
    for (const name of Object.keys(properties)) this[name] = properties[name];
    return this;
  },
  clone() {
    const copy = Object.create(Object.getPrototypeOf(this));
    return Object.assign(copy, this);
  },
};

/** The bytes of a WordArray (its first `sigBytes`), as a Uint8Array. */
export function waToBytes(wa, length) {
  const n = length === undefined ? Math.max(0, Math.floor(wa.sigBytes)) : length;
  const words = wa.words;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (words[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff;
  return out;
}

/** A WordArray holding the given bytes. */
export function bytesToWa(bytes) {
  const n = bytes.length;
  const words = new Array((n + 3) >>> 2).fill(0);
  for (let i = 0; i < n; i++) words[i >>> 2] |= bytes[i] << (24 - (i % 4) * 8);
  return WordArray.create(words, n);
}

function isView(v) {
  return v instanceof ArrayBuffer || ArrayBuffer.isView(v);
}

function viewBytes(v) {
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (v instanceof Uint8Array) return v;
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

export const WordArray = Base.extend({
  init(words, sigBytes) {
    if (isView(words)) {
      const b = viewBytes(words);
      const wa = bytesToWa(b);
      this.words = wa.words;
      this.sigBytes = wa.sigBytes;
      return;
    }
    this.words = words || [];
    this.sigBytes = sigBytes !== undefined ? sigBytes : this.words.length * 4;
  },
  toString(encoder) {
    return (encoder || Hex).stringify(this);
  },
  concat(other) {
    this.clamp();
    const thisSig = this.sigBytes;
    const words = this.words;
    const theirs = other.words;
    const count = other.sigBytes;
    if (thisSig % 4) {
      for (let i = 0; i < count; i++) {
        const byte = (theirs[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff;
        words[(thisSig + i) >>> 2] |= byte << (24 - ((thisSig + i) % 4) * 8);
      }
    } else {
      for (let i = 0; i < count; i += 4) words[(thisSig + i) >>> 2] = theirs[i >>> 2];
    }
    this.sigBytes += count;
    return this;
  },
  clamp() {
    const words = this.words;
    const sig = this.sigBytes;
    words[sig >>> 2] &= 0xffffffff << (32 - (sig % 4) * 8);
    words.length = Math.ceil(sig / 4);
  },
  clone() {
    const copy = Base.clone.call(this);
    copy.words = this.words.slice(0);
    return copy;
  },
  random(nBytes) {
    return bytesToWa(N.random(nBytes));
  },
});

export const Hex = {
  stringify(wa) {
    const words = wa.words;
    let out = '';
    for (let i = 0; i < wa.sigBytes; i++) {
      const b = (words[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff;
      out += (b < 16 ? '0' : '') + b.toString(16);
    }
    return out;
  },
  parse(hex) {
    const len = hex.length;
    const words = [];
    for (let i = 0; i < len; i += 2) {
      words[i >>> 3] |= parseInt(hex.substr(i, 2), 16) << (24 - (i % 8) * 4);
    }
    return WordArray.create(words, len / 2);
  },
};

export const Latin1 = {
  stringify(wa) {
    return B.latin1Decode(waToBytes(wa));
  },
  parse(str) {
    const len = str.length;
    const words = [];
    for (let i = 0; i < len; i++) words[i >>> 2] |= (str.charCodeAt(i) & 0xff) << (24 - (i % 4) * 8);
    return WordArray.create(words, len);
  },
};

export const Utf8 = {
  stringify(wa) {
    const s = B.utf8Decode(waToBytes(wa), true);
    if (s === undefined) throw new Error('Malformed UTF-8 data');
    return s;
  },
  parse(str) {
    return bytesToWa(B.utf8Encode(String(str)));
  },
};

function utf16(littleEndian) {
  const swap = (u) => (littleEndian ? ((u << 8) & 0xff00) | ((u >>> 8) & 0xff) : u);
  return {
    stringify(wa) {
      const words = wa.words;
      let out = '';
      for (let i = 0; i < wa.sigBytes; i += 2) {
        out += String.fromCharCode(swap((words[i >>> 2] >>> (16 - (i % 4) * 8)) & 0xffff));
      }
      return out;
    },
    parse(str) {
      const words = [];
      for (let i = 0; i < str.length; i++) words[i >>> 1] |= swap(str.charCodeAt(i)) << (16 - (i % 2) * 16);
      return WordArray.create(words, str.length * 2);
    },
  };
}

export const Utf16BE = utf16(false);
export const Utf16LE = utf16(true);

const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function b64parse(str, alphabet) {
  let len = str.length;
  const pad = str.indexOf('=');
  if (pad !== -1) len = pad;
  const words = [];
  let n = 0;
  let prev = 0;
  for (let i = 0; i < len; i++) {
    const v = Math.max(alphabet.indexOf(str.charAt(i)), 0);
    if (i % 4) {
      const byte = ((prev << ((i % 4) * 2)) | (v >>> (6 - (i % 4) * 2))) & 0xff;
      words[n >>> 2] |= byte << (24 - (n % 4) * 8);
      n++;
    }
    prev = v;
  }
  return WordArray.create(words, n);
}

export const Base64 = {
  stringify(wa) {
    return B.base64Encode(waToBytes(wa));
  },
  parse(str) {
    return b64parse(String(str), STD);
  },
};

export const Base64url = {
  stringify(wa, urlSafe = true) {
    return urlSafe ? B.base64Encode(waToBytes(wa), true) : B.base64Encode(waToBytes(wa));
  },
  parse(str, urlSafe = true) {
    return b64parse(String(str), urlSafe ? URL : STD);
  },
};

/** A message as bytes (strings as UTF-8, WordArrays by their significant bytes). */
export function toBytes(message) {
  if (typeof message === 'string') return B.utf8Encode(message);
  if (message && Array.isArray(message.words)) return waToBytes(message);
  if (isView(message)) return viewBytes(message);
  if (message === undefined || message === null) return new Uint8Array(0);
  return B.utf8Encode(String(message));
}

/** What a native accepts for a message: strings pass through as they are. */
export function toInput(message) {
  return typeof message === 'string' ? message : toBytes(message);
}

export const enc = { Hex, Latin1, Utf8, Utf16: Utf16BE, Utf16BE, Utf16LE, Base64, Base64url };
