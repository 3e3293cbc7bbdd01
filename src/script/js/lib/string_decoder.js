// `require('string_decoder')`: StringDecoder keeps a multi-byte character (utf8, utf16le) or a
// base64 group split across chunks until the rest arrives; `end()` flushes what is left.
import { checkEncoding, decodeBytes, asBytes } from './platform/codec.js';

function utf8Pending(b) {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const c = b[b.length - back];
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

export class StringDecoder {
  constructor(encoding) {
    this.encoding = checkEncoding(encoding);
    this._rest = new Uint8Array(0);
  }

  _join(buf) {
    const b = typeof buf === 'string' ? new Uint8Array(Array.from(buf, (c) => c.charCodeAt(0) & 0xff)) : asBytes(buf) || new Uint8Array(0);
    if (this._rest.length === 0) return b;
    const all = new Uint8Array(this._rest.length + b.length);
    all.set(this._rest);
    all.set(b, this._rest.length);
    return all;
  }

  write(buf) {
    const all = this._join(buf);
    let keep = 0;
    if (this.encoding === 'utf8') keep = utf8Pending(all);
    else if (this.encoding === 'utf16le') {
      keep = all.length % 2;
      const last = all.length - keep;
      if (last >= 2 && (all[last - 1] & 0xfc) === 0xd8) keep += 2;
    } else if (this.encoding === 'base64' || this.encoding === 'base64url') keep = all.length % 3;
    this._rest = all.slice(all.length - keep);
    return decodeBytes(all.subarray(0, all.length - keep), this.encoding);
  }

  end(buf) {
    let out = buf === undefined ? '' : this.write(buf);
    if (this._rest.length) {
      out += this.encoding === 'utf16le' && this._rest.length % 2 ? decodeBytes(this._rest.subarray(0, this._rest.length - 1), 'utf16le') : decodeBytes(this._rest, this.encoding);
      this._rest = new Uint8Array(0);
    }
    return out;
  }

  text(buf, offset) {
    return this.write(asBytes(buf).subarray(offset));
  }
}

export default { StringDecoder };
