// Web Crypto as Postman's sandbox offers it: `crypto.getRandomValues`, `crypto.randomUUID` and
// `crypto.subtle` (digest; HMAC, RSASSA-PKCS1-v1_5, RSA-PSS and ECDSA sign/verify; RSA-OAEP,
// AES-CBC and AES-CTR encrypt/decrypt; PBKDF2 and HKDF derivation; importKey/exportKey in raw,
// jwk, pkcs8 and spki; generateKey). Every operation returns a Promise; the work runs in Rust.
const N = globalThis.__postie.crypto;
const W = globalThis.__postie.webcrypto;
const B = globalThis.__postie.bytes;

const slots = new WeakMap();

function domError(name, message) {
  return new DOMException(message, name);
}

export class CryptoKey {
  constructor() {
    throw new TypeError('Illegal constructor');
  }
}

function makeKey(type, extractable, algorithm, usages, slot) {
  const key = Object.create(CryptoKey.prototype);
  Object.defineProperties(key, {
    type: { value: type, enumerable: true },
    extractable: { value: !!extractable, enumerable: true },
    algorithm: { value: Object.freeze(algorithm), enumerable: true },
    usages: { value: Object.freeze(usages.slice()), enumerable: true },
  });
  slots.set(key, slot);
  return key;
}

function slotOf(key) {
  const slot = slots.get(key);
  if (!slot) throw new TypeError('parameter is not of type CryptoKey');
  return slot;
}

/** A BufferSource as a Uint8Array view. */
export function bufferSource(data, name = 'data') {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError(`Failed to execute: parameter "${name}" is not of type 'BufferSource'`);
}

function arrayBuffer(u8) {
  return u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength ? u8.buffer : u8.slice().buffer;
}

const HASHES = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

function normalize(alg) {
  const a = typeof alg === 'string' ? { name: alg } : Object.assign({}, alg);
  if (typeof a.name !== 'string') throw new TypeError('Algorithm: name: Missing or not a string');
  const upper = a.name.toUpperCase();
  const known = ['HMAC', 'RSASSA-PKCS1-V1_5', 'RSA-PSS', 'RSA-OAEP', 'ECDSA', 'AES-CBC', 'AES-CTR', 'AES-GCM', 'PBKDF2', 'HKDF', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'];
  const found = known.find((k) => k === upper);
  if (!found) throw domError('NotSupportedError', 'Unrecognized algorithm name');
  a.name = found === 'RSASSA-PKCS1-V1_5' ? 'RSASSA-PKCS1-v1_5' : found;
  if (a.hash !== undefined) a.hash = normalize(a.hash);
  return a;
}

function hashName(hash) {
  const n = HASHES[hash && hash.name];
  if (!n) throw domError('NotSupportedError', 'Unrecognized hash algorithm');
  return n;
}

function checkUsage(key, usage) {
  if (!key.usages.includes(usage)) throw domError('InvalidAccessError', `The requested operation is not valid for the provided key (usage '${usage}' not allowed)`);
}

function checkAlg(key, alg) {
  if (key.algorithm.name !== alg.name) throw domError('InvalidAccessError', 'The requested operation is not valid for the provided key');
}

function curveBits(curve) {
  return { 'P-256': 256, 'P-384': 384, 'P-521': 521 }[curve];
}

const toB64u = (u8) => B.base64Encode(u8, true);
const fromB64u = (s) => B.base64Decode(String(s));

// ---- importKey / exportKey ----

function importSecret(format, keyData, alg, extractable, usages) {
  let bytes;
  if (format === 'raw') bytes = Uint8Array.from(bufferSource(keyData, 'keyData'));
  else if (format === 'jwk') {
    if (!keyData || keyData.kty !== 'oct') throw domError('DataError', 'The JWK "kty" member was not "oct"');
    bytes = fromB64u(keyData.k || '');
  } else throw domError('NotSupportedError', `Unsupported key format: ${format}`);
  let algorithm;
  if (alg.name === 'HMAC') {
    algorithm = { name: 'HMAC', hash: { name: alg.hash.name }, length: alg.length || bytes.length * 8 };
  } else if (alg.name.startsWith('AES-')) {
    if (![16, 24, 32].includes(bytes.length)) throw domError('DataError', 'Invalid key length');
    algorithm = { name: alg.name, length: bytes.length * 8 };
  } else {
    algorithm = { name: alg.name };
  }
  return makeKey('secret', extractable, algorithm, usages, { bytes });
}

function asymAlgorithm(alg, handle) {
  if (alg.name === 'ECDSA') return { name: 'ECDSA', namedCurve: handle.curve };
  return { name: alg.name, modulusLength: handle.bits, publicExponent: new Uint8Array(handle.exponent), hash: { name: alg.hash.name } };
}

function importAsym(format, keyData, alg, extractable, usages) {
  const isEc = alg.name === 'ECDSA';
  if (isEc && !curveBits(alg.namedCurve)) throw domError('NotSupportedError', 'Unsupported namedCurve');
  let handle;
  try {
    if (format === 'jwk') handle = W.importKey('jwk', JSON.stringify(keyData), isEc ? alg.namedCurve : undefined);
    else if (format === 'raw' && isEc) handle = W.importKey('raw', bufferSource(keyData, 'keyData'), alg.namedCurve);
    else if (format === 'pkcs8' || format === 'spki') handle = W.importKey(format, bufferSource(keyData, 'keyData'), isEc ? alg.namedCurve : undefined);
    else throw domError('NotSupportedError', `Unsupported key format: ${format}`);
  } catch (e) {
    if (e instanceof DOMException) throw e;
    throw domError('DataError', e.message);
  }
  if ((handle.kind === 'EC') !== isEc) throw domError('DataError', 'The key is not of the expected type');
  return makeKey(handle.type, extractable, asymAlgorithm(alg, handle), usages, { handle });
}

function exportSecret(format, key, slot) {
  if (format === 'raw') return arrayBuffer(Uint8Array.from(slot.bytes));
  if (format === 'jwk') {
    const jwk = { kty: 'oct', k: toB64u(slot.bytes), ext: key.extractable, key_ops: key.usages.slice() };
    const a = key.algorithm;
    if (a.name === 'HMAC') jwk.alg = 'HS' + a.hash.name.slice(4);
    else if (a.name.startsWith('AES-')) jwk.alg = `A${a.length}${a.name.slice(4)}`;
    return jwk;
  }
  throw domError('NotSupportedError', `Unsupported key format: ${format}`);
}

const JWK_ALG = {
  'RSASSA-PKCS1-v1_5': { 'SHA-1': 'RS1', 'SHA-256': 'RS256', 'SHA-384': 'RS384', 'SHA-512': 'RS512' },
  'RSA-PSS': { 'SHA-1': 'PS1', 'SHA-256': 'PS256', 'SHA-384': 'PS384', 'SHA-512': 'PS512' },
  'RSA-OAEP': { 'SHA-1': 'RSA-OAEP', 'SHA-256': 'RSA-OAEP-256', 'SHA-384': 'RSA-OAEP-384', 'SHA-512': 'RSA-OAEP-512' },
};

function exportAsym(format, key, slot) {
  if (format === 'jwk') {
    const jwk = JSON.parse(W.exportKey(slot.handle, 'jwk'));
    const a = key.algorithm;
    if (JWK_ALG[a.name]) jwk.alg = JWK_ALG[a.name][a.hash.name];
    jwk.ext = key.extractable;
    jwk.key_ops = key.usages.slice();
    return jwk;
  }
  if ((format === 'pkcs8' && key.type !== 'private') || (format === 'spki' && key.type !== 'public') || (format === 'raw' && key.type !== 'public')) {
    throw domError('InvalidAccessError', `Cannot export a ${key.type} key as ${format}`);
  }
  return arrayBuffer(W.exportKey(slot.handle, format));
}

// ---- the operations ----

const ops = {
  digest(alg, data) {
    const a = normalize(alg);
    return arrayBuffer(N.digest(hashName(a), bufferSource(data)));
  },
  importKey(format, keyData, alg, extractable, usages = []) {
    const a = normalize(alg);
    if (['HMAC', 'AES-CBC', 'AES-CTR', 'AES-GCM', 'PBKDF2', 'HKDF'].includes(a.name)) return importSecret(format, keyData, a, extractable, usages);
    return importAsym(format, keyData, a, extractable, usages);
  },
  exportKey(format, key) {
    const slot = slotOf(key);
    if (!key.extractable) throw domError('InvalidAccessError', 'key is not extractable');
    return slot.bytes ? exportSecret(format, key, slot) : exportAsym(format, key, slot);
  },
  generateKey(alg, extractable, usages = []) {
    const a = normalize(alg);
    if (a.name === 'HMAC' || a.name.startsWith('AES-')) {
      const bits = a.length || (a.name === 'HMAC' ? ({ 'SHA-384': 1024, 'SHA-512': 1024 }[a.hash.name] || 512) : 0);
      if (!bits) throw domError('OperationError', 'AES key length must be 128, 192 or 256');
      return importSecret('raw', N.random(bits / 8), a, extractable, usages);
    }
    const isEc = a.name === 'ECDSA';
    if (isEc && !curveBits(a.namedCurve)) throw domError('NotSupportedError', 'Unsupported namedCurve');
    const [priv, pub] = isEc
      ? W.generate('EC', { curve: a.namedCurve })
      : W.generate('RSA', { bits: a.modulusLength, exponent: a.publicExponent && bufferSource(a.publicExponent) });
    const algorithm = asymAlgorithm(a, priv);
    const pubUsages = usages.filter((u) => u === 'verify' || u === 'encrypt' || u === 'wrapKey');
    const privUsages = usages.filter((u) => u === 'sign' || u === 'decrypt' || u === 'unwrapKey');
    return {
      publicKey: makeKey('public', true, algorithm, pubUsages, { handle: pub }),
      privateKey: makeKey('private', extractable, algorithm, privUsages, { handle: priv }),
    };
  },
  sign(alg, key, data) {
    const a = normalize(alg);
    const slot = slotOf(key);
    checkAlg(key, a);
    checkUsage(key, 'sign');
    return arrayBuffer(signOrVerify(a, key, slot, bufferSource(data)));
  },
  verify(alg, key, signature, data) {
    const a = normalize(alg);
    const slot = slotOf(key);
    checkAlg(key, a);
    checkUsage(key, 'verify');
    return signOrVerify(a, key, slot, bufferSource(data), bufferSource(signature, 'signature'));
  },
  encrypt(alg, key, data) {
    return crypt(normalize(alg), key, bufferSource(data), true);
  },
  decrypt(alg, key, data) {
    return crypt(normalize(alg), key, bufferSource(data), false);
  },
  deriveBits(alg, baseKey, length) {
    const a = normalize(alg);
    checkUsage(baseKey, 'deriveBits');
    return arrayBuffer(derive(a, slotOf(baseKey), length));
  },
  deriveKey(alg, baseKey, derivedAlg, extractable, usages) {
    const a = normalize(alg);
    checkUsage(baseKey, 'deriveKey');
    const target = normalize(derivedAlg);
    const bits = target.length || (target.name === 'HMAC' ? ({ 'SHA-384': 1024, 'SHA-512': 1024 }[target.hash.name] || 512) : 0);
    return importSecret('raw', derive(a, slotOf(baseKey), bits), target, extractable, usages);
  },
};

function signOrVerify(a, key, slot, data, signature) {
  if (a.name === 'HMAC') {
    const mac = N.hmac(hashName(key.algorithm.hash), slot.bytes, data);
    if (!signature) return mac;
    return signature.length === mac.length && mac.every((b, i) => b === signature[i]);
  }
  const opts = { hash: a.name === 'ECDSA' ? hashName(a.hash) : hashName(key.algorithm.hash) };
  if (a.name === 'RSA-PSS') {
    opts.scheme = 'pss';
    opts.saltLength = a.saltLength === undefined ? 0 : a.saltLength;
  }
  if (a.name === 'ECDSA') opts.dsaEncoding = 'ieee-p1363';
  return signature ? W.verify(slot.handle, opts, data, signature) : W.sign(slot.handle, opts, data);
}

function crypt(a, key, data, encrypt) {
  const slot = slotOf(key);
  checkAlg(key, a);
  checkUsage(key, encrypt ? 'encrypt' : 'decrypt');
  if (a.name === 'RSA-OAEP') {
    if (a.label && bufferSource(a.label).length) throw domError('NotSupportedError', 'RSA-OAEP labels are not supported');
    const hash = hashName(key.algorithm.hash);
    return arrayBuffer(encrypt ? W.encrypt(slot.handle, hash, data) : W.decrypt(slot.handle, hash, data));
  }
  if (a.name === 'AES-CBC' || a.name === 'AES-CTR') {
    const iv = bufferSource(a.name === 'AES-CBC' ? a.iv : a.counter, a.name === 'AES-CBC' ? 'iv' : 'counter');
    if (iv.length !== 16) throw domError('OperationError', 'The iv / counter must be 16 bytes');
    const opts = { encrypt, mode: a.name === 'AES-CBC' ? 'cbc' : 'ctr', padding: a.name === 'AES-CBC' ? 'pkcs7' : 'nopadding' };
    try {
      return arrayBuffer(N.cipher('aes', opts, slot.bytes, iv, data));
    } catch (e) {
      throw domError('OperationError', e.message);
    }
  }
  throw domError('NotSupportedError', `${a.name} is not supported by postie`);
}

function derive(a, slot, length) {
  if (length === null || length === undefined || length % 8) throw domError('OperationError', 'length must be a multiple of 8');
  if (a.name === 'PBKDF2') {
    return N.pbkdf2(hashName(a.hash), slot.bytes, bufferSource(a.salt, 'salt'), a.iterations, length / 8);
  }
  if (a.name === 'HKDF') {
    const hash = hashName(a.hash);
    const prk = N.hmac(hash, bufferSource(a.salt, 'salt'), slot.bytes);
    const info = bufferSource(a.info, 'info');
    const out = new Uint8Array(length / 8);
    let prev = new Uint8Array(0);
    for (let at = 0, i = 1; at < out.length; i++) {
      const input = new Uint8Array(prev.length + info.length + 1);
      input.set(prev);
      input.set(info, prev.length);
      input[input.length - 1] = i;
      prev = N.hmac(hash, prk, input);
      out.set(prev.subarray(0, Math.min(prev.length, out.length - at)), at);
      at += prev.length;
    }
    return out;
  }
  throw domError('NotSupportedError', `${a.name} cannot derive bits`);
}

export class SubtleCrypto {
  constructor() {
    throw new TypeError('Illegal constructor');
  }
}
for (const [name, fn] of Object.entries(ops)) {
  Object.defineProperty(SubtleCrypto.prototype, name, {
    value: function (...args) {
      // A failure rejects from a timer, once the caller's promise chain has had every chance
      // to attach its `catch` (so an `await` in try/catch is never reported as unhandled).
      try {
        return Promise.resolve(fn(...args));
      } catch (e) {
        return new Promise((resolve, reject) => setTimeout(() => reject(e), 0));
      }
    },
    writable: true,
    configurable: true,
  });
}

export const subtle = Object.create(SubtleCrypto.prototype);

const INTEGER_ARRAYS = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, BigInt64Array, BigUint64Array];

export function getRandomValues(array) {
  if (!INTEGER_ARRAYS.some((C) => array instanceof C)) {
    throw domError('TypeMismatchError', "The data argument must be an integer-type TypedArray");
  }
  if (array.byteLength > 65536) {
    throw domError('QuotaExceededError', `The ArrayBufferView's byte length (${array.byteLength}) exceeds the number of bytes of entropy available via this API (65536)`);
  }
  new Uint8Array(array.buffer, array.byteOffset, array.byteLength).set(N.random(array.byteLength));
  return array;
}

export function randomUUID() {
  const b = N.random(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = B.hexEncode(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export class Crypto {
  constructor() {
    throw new TypeError('Illegal constructor');
  }

  get subtle() {
    return subtle;
  }
}
Crypto.prototype.getRandomValues = function (array) { return getRandomValues(array); };
Crypto.prototype.randomUUID = function () { return randomUUID(); };

export const crypto = Object.create(Crypto.prototype);

/** The Rust key handle behind a CryptoKey (for Node's KeyObject.from). */
export function keySlot(key) {
  return slotOf(key);
}

export default { crypto, subtle, CryptoKey, SubtleCrypto, Crypto, getRandomValues, randomUUID };
