// `require('crypto')`: the part of Node's crypto module collections use (createHash,
// createHmac, randomBytes, randomUUID, timingSafeEqual, pbkdf2, createSign/createVerify,
// sign/verify, key objects, generateKeyPairSync, publicEncrypt/privateDecrypt,
// createCipheriv/createDecipheriv, webcrypto/subtle), written for postie; the work runs in Rust.
import { Buffer } from './buffer.js';
import { crypto as webcrypto, subtle, getRandomValues, randomUUID } from './platform/webcrypto.js';
import { KeyObject, toKeyObject, keyOptions, handleOf } from './platform/keyobject.js';
import { createCipheriv, createDecipheriv, cipherNames } from './platform/node-cipher.js';

const N = globalThis.__postie.crypto;
const W = globalThis.__postie.webcrypto;

const HASHES = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-224', 'sha512-256', 'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512', 'ripemd160'];
const HASH_ALIASES = { rmd160: 'ripemd160', 'ripemd-160': 'ripemd160', 'sha-1': 'sha1', 'sha-224': 'sha224', 'sha-256': 'sha256', 'sha-384': 'sha384', 'sha-512': 'sha512' };

function hashAlg(name) {
  const lower = String(name).toLowerCase();
  const alg = HASH_ALIASES[lower] || lower;
  if (!HASHES.includes(alg)) throw new Error('Digest method not supported');
  return alg;
}

function toBuf(data, encoding, name = 'data') {
  if (typeof data === 'string') return Buffer.from(data, encoding);
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  const err = new TypeError(`The "${name}" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received ${data === null ? 'null' : typeof data}`);
  err.code = 'ERR_INVALID_ARG_TYPE';
  throw err;
}

function output(bytes, encoding) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return encoding && encoding !== 'buffer' ? buf.toString(encoding) : buf;
}

function concat(chunks) {
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}

class Hash {
  constructor(alg, chunks) {
    this._alg = alg;
    this._chunks = chunks || [];
    this._done = false;
  }

  update(data, inputEncoding) {
    if (this._done) throw Object.assign(new Error('Digest already called'), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
    this._chunks.push(toBuf(data, inputEncoding));
    return this;
  }

  digest(encoding) {
    if (this._done) throw Object.assign(new Error('Digest already called'), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
    this._done = true;
    return output(this._compute(concat(this._chunks)), encoding);
  }

  _compute(data) {
    return N.digest(this._alg, data);
  }

  copy() {
    if (this._done) throw Object.assign(new Error('Digest already called'), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
    return new Hash(this._alg, this._chunks.slice());
  }
}

class Hmac extends Hash {
  constructor(alg, key) {
    super(alg);
    this._key = key instanceof KeyObject ? handleOf(key) : toBuf(key, 'utf8', 'key');
  }

  _compute(data) {
    return N.hmac(this._alg, this._key, data);
  }
}

export function createHash(alg) {
  return new Hash(hashAlg(alg));
}

export function createHmac(alg, key) {
  return new Hmac(hashAlg(alg), key);
}

export function hash(alg, data, encoding = 'hex') {
  return output(N.digest(hashAlg(alg), toBuf(data, 'utf8')), encoding);
}

function callback(cb, fn) {
  if (typeof cb !== 'function') return fn();
  let result;
  try {
    result = fn();
  } catch (e) {
    setTimeout(() => cb(e));
    return undefined;
  }
  setTimeout(() => cb(null, result));
  return undefined;
}

export function randomBytes(size, cb) {
  if (typeof size !== 'number' || size < 0 || size > 2 ** 31 - 1) {
    throw Object.assign(new RangeError(`The value of "size" is out of range. It must be >= 0 && <= 2147483647. Received ${size}`), { code: 'ERR_OUT_OF_RANGE' });
  }
  return callback(cb, () => output(N.random(size)));
}

export function randomFillSync(buf, offset = 0, size) {
  const view = toBuf(buf, undefined, 'buf');
  const n = size === undefined ? view.length - offset : size;
  view.set(N.random(n), offset);
  return buf;
}

export function randomInt(min, max, cb) {
  if (max === undefined || typeof max === 'function') {
    cb = max;
    max = min;
    min = 0;
  }
  const range = max - min;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || range <= 0) {
    throw Object.assign(new RangeError(`The value of "max" is out of range. It must be greater than the value of "min" (${min}). Received ${max}`), { code: 'ERR_OUT_OF_RANGE' });
  }
  return callback(cb, () => {
    const b = N.random(6);
    const r = b.reduce((acc, x) => acc * 256 + x, 0) / 2 ** 48;
    return min + Math.floor(r * range);
  });
}

export function timingSafeEqual(a, b) {
  const x = toBuf(a, undefined, 'buf1');
  const y = toBuf(b, undefined, 'buf2');
  if (x.length !== y.length) {
    throw Object.assign(new RangeError('Input buffers must have the same byte length'), { code: 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH' });
  }
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
  return diff === 0;
}

export function pbkdf2Sync(password, salt, iterations, keylen, digest = 'sha1') {
  return output(N.pbkdf2(hashAlg(digest), toBuf(password, 'utf8', 'password'), toBuf(salt, 'utf8', 'salt'), iterations, keylen));
}

export function pbkdf2(password, salt, iterations, keylen, digest, cb) {
  if (typeof digest === 'function') {
    cb = digest;
    digest = 'sha1';
  }
  return callback(cb, () => pbkdf2Sync(password, salt, iterations, keylen, digest));
}

// ---- signatures ----

const RSA_PKCS1_PSS_PADDING = 6;
const SALTLEN_DIGEST = -1;
const SALTLEN_MAX = -2;

function signAlg(name) {
  let lower = String(name).toLowerCase().replace(/^rsa-/, '').replace(/^ecdsa-with-/, '');
  if (lower.endsWith('withrsaencryption')) lower = lower.slice(0, -'withrsaencryption'.length);
  return hashAlg(lower);
}

function signOpts(alg, keyObj, opts, signing) {
  const o = { hash: alg };
  const h = handleOf(keyObj);
  if (h.kind === 'RSA' && opts.padding === RSA_PKCS1_PSS_PADDING) {
    o.scheme = 'pss';
    const hashLen = N.hashSize(alg);
    const max = Math.ceil((h.bits - 1) / 8) - hashLen - 2;
    const s = opts.saltLength === undefined ? SALTLEN_MAX : opts.saltLength;
    if (s === SALTLEN_DIGEST) o.saltLength = hashLen;
    else if (s === SALTLEN_MAX) {
      if (signing) o.saltLength = max;
    } else o.saltLength = s;
  }
  if (h.kind === 'EC') o.dsaEncoding = opts.dsaEncoding === 'ieee-p1363' ? 'ieee-p1363' : 'der';
  return o;
}

class Sign {
  constructor(alg) {
    this._alg = signAlg(alg);
    this._chunks = [];
  }

  update(data, inputEncoding) {
    this._chunks.push(toBuf(data, inputEncoding));
    return this;
  }

  sign(key, outputEncoding) {
    const keyObj = toKeyObject(key, 'private');
    const sig = W.sign(handleOf(keyObj), signOpts(this._alg, keyObj, keyOptions(key), true), concat(this._chunks));
    return output(sig, outputEncoding);
  }

  verify(key, signature, signatureEncoding) {
    const keyObj = toKeyObject(key, 'public');
    const sig = toBuf(signature, signatureEncoding, 'signature');
    return W.verify(handleOf(keyObj), signOpts(this._alg, keyObj, keyOptions(key), false), concat(this._chunks), sig);
  }
}

export function createSign(alg) {
  return new Sign(alg);
}

export function createVerify(alg) {
  return new Sign(alg);
}

function oneShotAlg(alg, keyObj) {
  if (alg === null || alg === undefined) {
    if (handleOf(keyObj).kind === 'RSA' || handleOf(keyObj).kind === 'EC') return 'sha256';
  }
  return signAlg(alg);
}

export function sign(alg, data, key, cb) {
  return callback(cb, () => {
    const keyObj = toKeyObject(key, 'private');
    const a = oneShotAlg(alg, keyObj);
    return output(W.sign(handleOf(keyObj), signOpts(a, keyObj, keyOptions(key), true), toBuf(data)));
  });
}

export function verify(alg, data, key, signature, cb) {
  return callback(cb, () => {
    const keyObj = toKeyObject(key, 'public');
    const a = oneShotAlg(alg, keyObj);
    return W.verify(handleOf(keyObj), signOpts(a, keyObj, keyOptions(key), false), toBuf(data), toBuf(signature));
  });
}

// ---- keys ----

export function createPrivateKey(key) {
  return toKeyObject(key, 'private');
}

export function createPublicKey(key) {
  return toKeyObject(key, 'public');
}

export function createSecretKey(key, encoding) {
  return new KeyObject('secret', Uint8Array.from(toBuf(key, encoding, 'key')));
}

function encodeKey(keyObj, encoding) {
  return encoding ? keyObj.export(encoding) : keyObj;
}

export function generateKeyPairSync(type, options = {}) {
  let pair;
  if (type === 'rsa') {
    const e = options.publicExponent || 65537;
    const exp = [];
    for (let v = e; v > 0; v = Math.floor(v / 256)) exp.unshift(v % 256);
    pair = W.generate('RSA', { bits: options.modulusLength || 2048, exponent: Uint8Array.from(exp) });
  } else if (type === 'ec') {
    const curves = { 'P-256': 'P-256', prime256v1: 'P-256', secp256r1: 'P-256', 'P-384': 'P-384', secp384r1: 'P-384', 'P-521': 'P-521', secp521r1: 'P-521' };
    const curve = curves[options.namedCurve];
    if (!curve) throw new TypeError(`Invalid EC curve name: ${options.namedCurve}`);
    pair = W.generate('EC', { curve });
  } else {
    throw new Error(`key type ${type} is not supported by postie (rsa, ec are)`);
  }
  return {
    privateKey: encodeKey(new KeyObject('private', pair[0]), options.privateKeyEncoding),
    publicKey: encodeKey(new KeyObject('public', pair[1]), options.publicKeyEncoding),
  };
}

export function generateKeyPair(type, options, cb) {
  return callback(cb, () => generateKeyPairSync(type, options));
}

const RSA_PKCS1_PADDING = 1;
const RSA_PKCS1_OAEP_PADDING = 4;

function rsaCrypt(key, data, encrypt, want) {
  const keyObj = toKeyObject(key, want);
  const opts = keyOptions(key);
  const padding = opts.padding === undefined ? RSA_PKCS1_OAEP_PADDING : opts.padding;
  const hash = padding === RSA_PKCS1_PADDING ? 'pkcs1' : hashAlg(opts.oaepHash || 'sha1');
  const bytes = toBuf(data);
  return output(encrypt ? W.encrypt(handleOf(keyObj), hash, bytes) : W.decrypt(handleOf(keyObj), hash, bytes));
}

export function publicEncrypt(key, data) {
  return rsaCrypt(key, data, true, 'public');
}

export function privateDecrypt(key, data) {
  return rsaCrypt(key, data, false, 'private');
}

export function getHashes() {
  return HASHES.slice();
}

export function getCiphers() {
  return cipherNames.slice();
}

export function getCurves() {
  return ['prime256v1', 'secp384r1', 'secp521r1'];
}

export const constants = {
  RSA_PKCS1_PADDING, RSA_NO_PADDING: 3, RSA_PKCS1_OAEP_PADDING, RSA_PKCS1_PSS_PADDING,
  RSA_PSS_SALTLEN_DIGEST: SALTLEN_DIGEST, RSA_PSS_SALTLEN_MAX_SIGN: SALTLEN_MAX, RSA_PSS_SALTLEN_AUTO: SALTLEN_MAX,
};

export { webcrypto, subtle, getRandomValues, randomUUID, KeyObject, createCipheriv, createDecipheriv };

export default {
  createHash, createHmac, hash, randomBytes, randomFillSync, randomInt, randomUUID, getRandomValues, timingSafeEqual,
  pbkdf2, pbkdf2Sync, createSign, createVerify, sign, verify, createPrivateKey, createPublicKey, createSecretKey,
  generateKeyPair, generateKeyPairSync, publicEncrypt, privateDecrypt, createCipheriv, createDecipheriv,
  getHashes, getCiphers, getCurves, constants, webcrypto, subtle, KeyObject,
};
