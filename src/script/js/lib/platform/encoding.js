// TextEncoder (UTF-8) and TextDecoder (utf-8, utf-16le, latin1/windows-1252 labels), WHATWG
// Encoding semantics: BOM handling, `fatal`, and `stream: true` keeping a split sequence.
const B = globalThis.__postie.bytes;

const LABELS = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8',
  'utf-16le': 'utf-16le', 'utf-16': 'utf-16le', ucs2: 'utf-16le',
  latin1: 'windows-1252', 'iso-8859-1': 'windows-1252', ascii: 'windows-1252', 'us-ascii': 'windows-1252', 'windows-1252': 'windows-1252',
};

function bytesOf(input) {
  if (input === undefined) return new Uint8Array(0);
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new TypeError('The "input" argument must be an instance of ArrayBuffer or ArrayBufferView');
}

export class TextEncoder {
  get encoding() {
    return 'utf-8';
  }

  encode(input = '') {
    return B.utf8Encode(String(input));
  }

  encodeInto(src, dest) {
    const s = String(src);
    let read = 0;
    let written = 0;
    for (const ch of s) {
      const bytes = B.utf8Encode(ch);
      if (written + bytes.length > dest.length) break;
      dest.set(bytes, written);
      written += bytes.length;
      read += ch.length;
    }
    return { read, written };
  }
}

/** How many trailing bytes form an unfinished UTF-8 sequence. */
function utf8Tail(b) {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const c = b[b.length - back];
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

export class TextDecoder {
  constructor(label = 'utf-8', options = {}) {
    const enc = LABELS[String(label).trim().toLowerCase()];
    if (!enc) throw new RangeError(`The "${label}" encoding is not supported`);
    this._enc = enc;
    this._fatal = !!options.fatal;
    this._ignoreBOM = !!options.ignoreBOM;
    this._pending = new Uint8Array(0);
    this._started = false;
  }

  get encoding() { return this._enc; }
  get fatal() { return this._fatal; }
  get ignoreBOM() { return this._ignoreBOM; }

  decode(input, options = {}) {
    let bytes = bytesOf(input);
    if (this._pending.length) {
      const all = new Uint8Array(this._pending.length + bytes.length);
      all.set(this._pending);
      all.set(bytes, this._pending.length);
      bytes = all;
    }
    const stream = !!options.stream;
    let keep = 0;
    if (stream) keep = this._enc === 'utf-8' ? utf8Tail(bytes) : this._enc === 'utf-16le' ? bytes.length % 2 : 0;
    this._pending = bytes.slice(bytes.length - keep);
    bytes = bytes.subarray(0, bytes.length - keep);
    let text = this._decode(bytes);
    if (!this._started && !this._ignoreBOM && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    this._started = stream && (this._started || text.length > 0);
    return text;
  }

  _decode(bytes) {
    if (this._enc === 'windows-1252') return B.latin1Decode(bytes);
    if (this._enc === 'utf-16le') {
      let out = '';
      for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
      if (bytes.length % 2) {
        if (this._fatal) throw this._invalid();
        out += '\ufffd';
      }
      return out;
    }
    if (this._fatal) {
      const s = B.utf8Decode(bytes, true);
      if (s === undefined) throw this._invalid();
      return s;
    }
    return B.utf8Decode(bytes);
  }

  _invalid() {
    const err = new TypeError(`The encoded data was not valid for encoding ${this._enc}`);
    err.code = 'ERR_ENCODING_INVALID_ENCODED_DATA';
    return err;
  }
}

export default { TextEncoder, TextDecoder };
