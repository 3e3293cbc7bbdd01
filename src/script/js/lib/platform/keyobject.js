// Node's KeyObject and the key arguments its `crypto` functions take (PEM text, DER with a
// type, JWK, KeyObject, CryptoKey, `{ key, passphrase, padding, saltLength, dsaEncoding }`).
import { Buffer } from '../buffer.js';
import { keySlot, CryptoKey } from './webcrypto.js';

const W = globalThis.__postie.webcrypto;
const handles = new WeakMap();

function invalid(message) {
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

export class KeyObject {
  constructor(type, handle) {
    this._type = type;
    handles.set(this, handle);
  }

  get type() {
    return this._type;
  }

  get asymmetricKeyType() {
    const h = handles.get(this);
    if (this._type === 'secret') return undefined;
    return h.kind === 'RSA' ? 'rsa' : 'ec';
  }

  get asymmetricKeyDetails() {
    const h = handles.get(this);
    if (this._type === 'secret') return undefined;
    if (h.kind === 'EC') return { namedCurve: { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' }[h.curve] };
    let e = 0n;
    for (const b of h.exponent) e = (e << 8n) | BigInt(b);
    return { modulusLength: h.bits, publicExponent: e };
  }

  get symmetricKeySize() {
    return this._type === 'secret' ? handles.get(this).length : undefined;
  }

  export(options = {}) {
    const h = handles.get(this);
    if (this._type === 'secret') {
      if (options.format === 'jwk') return { kty: 'oct', k: Buffer.from(h).toString('base64url') };
      return Buffer.from(h);
    }
    const format = options.format || 'pem';
    if (format === 'jwk') return JSON.parse(W.exportKey(h, 'jwk'));
    const der = W.exportKey(h, this._type === 'private' ? 'pkcs8' : 'spki');
    if (options.type === 'pkcs1' || options.type === 'sec1') throw new Error(`export type ${options.type} is not supported by postie; use pkcs8 / spki`);
    if (format === 'der') return Buffer.from(der);
    return W.exportKey(h, 'pem');
  }

  equals(other) {
    if (!(other instanceof KeyObject) || other._type !== this._type) return false;
    const a = handles.get(this);
    const b = handles.get(other);
    const x = a.der || a;
    const y = b.der || b;
    return Buffer.from(x).equals(Buffer.from(y));
  }

  static from(key) {
    if (!(key instanceof CryptoKey)) throw invalid('The "key" argument must be an instance of CryptoKey.');
    const slot = keySlot(key);
    return slot.bytes ? new KeyObject('secret', Uint8Array.from(slot.bytes)) : new KeyObject(key.type, slot.handle);
  }
}

export function handleOf(key) {
  return handles.get(key);
}

function importData(data, format, type, encoding) {
  if (format === 'jwk') return W.importKey('jwk', JSON.stringify(data));
  if (format === 'der') {
    const bytes = typeof data === 'string' ? Buffer.from(data, encoding || 'utf8') : data;
    const kind = type === 'spki' ? 'spki' : type === 'pkcs8' ? 'pkcs8' : undefined;
    if (kind) return W.importKey(kind, bytes);
    throw new Error(`DER key type ${type} is not supported by postie; use pkcs8 or spki`);
  }
  const text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
  return W.importKey('pem', text);
}

/** A KeyObject from what createPrivateKey / createPublicKey / sign / verify accept. */
export function toKeyObject(key, want) {
  if (key instanceof KeyObject) {
    if (want === 'public' && key.type === 'private') return new KeyObject('public', W.publicKey(handles.get(key)));
    return key;
  }
  if (key instanceof CryptoKey) return toKeyObject(KeyObject.from(key), want);
  let data = key;
  let format = 'pem';
  let type;
  let encoding;
  if (key !== null && typeof key === 'object' && !(key instanceof Uint8Array) && 'key' in key) {
    if (key.passphrase !== undefined) throw new Error('encrypted private keys are not supported by postie');
    data = key.key;
    if (data instanceof KeyObject || data instanceof CryptoKey) return toKeyObject(data, want);
    format = key.format || 'pem';
    type = key.type;
    encoding = key.encoding;
  }
  if (typeof data !== 'string' && !(data instanceof Uint8Array) && format !== 'jwk') {
    throw invalid('The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey.');
  }
  let handle = importData(data, format, type, encoding);
  if (want === 'private' && handle.type !== 'private') throw new Error('error:1E08010C:DECODER routines::unsupported');
  if (want === 'public' && handle.type === 'private') handle = W.publicKey(handle);
  return new KeyObject(handle.type, handle);
}

/** Signing options that may ride along with the key. */
export function keyOptions(key) {
  const o = key !== null && typeof key === 'object' && !(key instanceof Uint8Array) && !(key instanceof KeyObject) ? key : {};
  return { padding: o.padding, saltLength: o.saltLength, dsaEncoding: o.dsaEncoding, oaepHash: o.oaepHash };
}
