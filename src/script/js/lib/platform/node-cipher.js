// Node's createCipheriv / createDecipheriv over the Rust block ciphers: aes-{128,192,256}-
// {cbc,ecb,ctr,cfb,ofb}, des-cbc/des-ecb, des-ede3-cbc/des-ede3 (PKCS#7 unless
// setAutoPadding(false)). Input is gathered; `final()` does the work, so `update()` returns
// what can already be told (nothing), and `update() + final()` equals Node's output.
import { Buffer } from '../buffer.js';

const N = globalThis.__postie.crypto;

const CIPHERS = {};
for (const bits of [128, 192, 256]) {
  for (const mode of ['cbc', 'ecb', 'ctr', 'cfb', 'ofb']) CIPHERS[`aes-${bits}-${mode}`] = { alg: 'aes', mode, key: bits / 8, iv: mode === 'ecb' ? 0 : 16 };
  CIPHERS[`aes${bits}`] = CIPHERS[`aes-${bits}-cbc`];
}
CIPHERS['des-cbc'] = { alg: 'des', mode: 'cbc', key: 8, iv: 8 };
CIPHERS['des-ecb'] = { alg: 'des', mode: 'ecb', key: 8, iv: 0 };
CIPHERS['des-ede3-cbc'] = { alg: 'tripledes', mode: 'cbc', key: 24, iv: 8 };
CIPHERS['des-ede3'] = { alg: 'tripledes', mode: 'ecb', key: 24, iv: 0 };
CIPHERS['des3'] = CIPHERS['des-ede3-cbc'];

export const cipherNames = Object.keys(CIPHERS);

function toBuf(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  const err = new TypeError('The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView.');
  err.code = 'ERR_INVALID_ARG_TYPE';
  throw err;
}

class CipherBase {
  constructor(name, key, iv, encrypt) {
    const spec = CIPHERS[String(name).toLowerCase()];
    if (!spec) throw new Error('Invalid cipher type');
    const k = toBuf(key);
    if (k.length !== spec.key) throw new RangeError('Invalid key length');
    const v = iv === null || iv === undefined ? Buffer.alloc(0) : toBuf(iv);
    if (v.length !== spec.iv) throw new TypeError('Invalid initialization vector');
    this._spec = spec;
    this._key = k;
    this._iv = v;
    this._encrypt = encrypt;
    this._chunks = [];
    this._padding = true;
    this._done = false;
  }

  setAutoPadding(on = true) {
    this._padding = !!on;
    return this;
  }

  update(data, inputEncoding, outputEncoding) {
    if (this._done) throw new Error('Unsupported state');
    this._chunks.push(toBuf(data, inputEncoding));
    const empty = Buffer.alloc(0);
    return outputEncoding && outputEncoding !== 'buffer' ? '' : empty;
  }

  final(outputEncoding) {
    if (this._done) throw new Error('Unsupported state');
    this._done = true;
    const spec = this._spec;
    const stream = spec.mode === 'ctr' || spec.mode === 'cfb' || spec.mode === 'ofb';
    const data = Buffer.concat(this._chunks);
    if (!stream && !this._padding && data.length % (spec.alg === 'aes' ? 16 : 8)) {
      throw new Error(this._encrypt ? 'data not multiple of block length' : 'wrong final block length');
    }
    const padding = stream || !this._padding ? 'nopadding' : 'pkcs7';
    const out = Buffer.from(N.cipher(spec.alg, { encrypt: this._encrypt, mode: spec.mode, padding }, this._key, this._iv, data));
    return outputEncoding && outputEncoding !== 'buffer' ? out.toString(outputEncoding) : out;
  }

  setAAD() {
    throw new Error('authenticated modes are not supported by postie');
  }
}

export function createCipheriv(name, key, iv) {
  return new CipherBase(name, key, iv, true);
}

export function createDecipheriv(name, key, iv) {
  return new CipherBase(name, key, iv, false);
}
