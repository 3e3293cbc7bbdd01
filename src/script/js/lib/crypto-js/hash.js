// CryptoJS hashers, HMAC and the key derivations, with the hashing itself in Rust
// (`__postie.crypto`): a hasher gathers its updates and hashes them once at `finalize`.
import { Base, WordArray, Utf8, bytesToWa, toBytes, toInput } from './core.js';

const N = globalThis.__postie.crypto;

function concatBytes(chunks) {
  if (chunks.length === 1) return chunks[0];
  let total = 0;
  for (const c of chunks) total += c.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The native algorithm name of a hasher object (or its instance). */
export function algName(hasher, cfg) {
  const h = hasher || {};
  if (h._alg === 'sha3') {
    const bits = (cfg && cfg.outputLength) || (h.cfg && h.cfg.outputLength) || 512;
    return 'keccak' + bits;
  }
  if (!h._alg) throw new TypeError('unsupported hasher');
  return h._alg;
}

export const Hasher = Base.extend({
  cfg: Base.extend(),
  init(cfg) {
    this.cfg = this.cfg.extend(cfg);
    this.reset();
  },
  reset() {
    this._chunks = [];
    this._nDataBytes = 0;
  },
  update(message) {
    const bytes = toBytes(message);
    this._chunks.push(bytes);
    this._nDataBytes += bytes.length;
    return this;
  },
  finalize(message) {
    if (message !== undefined) this.update(message);
    const out = bytesToWa(N.digest(algName(this), concatBytes(this._chunks)));
    this.reset();
    return out;
  },
  _createHelper(hasher) {
    return (message, cfg) => hasher.create(cfg).finalize(message);
  },
  _createHmacHelper(hasher) {
    return (message, key) => HMAC.create(hasher, key).finalize(message);
  },
});

function hasher(alg, blockWords, outputBits) {
  return Hasher.extend({ _alg: alg, blockSize: blockWords, _outputBits: outputBits });
}

export const algo = {
  MD5: hasher('md5', 16, 128),
  SHA1: hasher('sha1', 16, 160),
  SHA256: hasher('sha256', 16, 256),
  SHA224: hasher('sha224', 16, 224),
  SHA512: hasher('sha512', 32, 512),
  SHA384: hasher('sha384', 32, 384),
  SHA3: Hasher.extend({ _alg: 'sha3', cfg: Hasher.cfg.extend({ outputLength: 512 }) }),
  RIPEMD160: hasher('ripemd160', 16, 160),
};
algo.SHA3.blockSize = (1600 - 2 * 512) / 32;

/** `CryptoJS.SHA256(message, cfg)` and friends: one native call for the common case. */
export function hashHelper(h) {
  return function (message, cfg) {
    return bytesToWa(N.digest(algName(h, cfg), toInput(message)));
  };
}

function keyInput(key) {
  return typeof key === 'string' ? key : toBytes(key);
}

export const HMAC = Base.extend({
  init(hasher, key) {
    this._hasher = hasher;
    this._key = keyInput(key);
    this.reset();
  },
  reset() {
    this._chunks = [];
  },
  update(message) {
    this._chunks.push(toBytes(message));
    return this;
  },
  finalize(message) {
    if (message !== undefined) this.update(message);
    const out = bytesToWa(N.hmac(algName(this._hasher), this._key, concatBytes(this._chunks)));
    this.reset();
    return out;
  },
});
algo.HMAC = HMAC;

/** `CryptoJS.HmacSHA256(message, key)` and friends. */
export function hmacHelper(h) {
  return function (message, key) {
    return bytesToWa(N.hmac(algName(h), keyInput(key), toInput(message)));
  };
}

function kdf(name, defaults, run) {
  return Base.extend({
    cfg: Base.extend(defaults),
    init(cfg) {
      this.cfg = this.cfg.extend(cfg);
    },
    compute(password, salt) {
      const cfg = this.cfg;
      const len = Math.max(0, Math.ceil(cfg.keySize)) * 4;
      const wa = bytesToWa(run(algName(cfg.hasher), keyInput(password), keyInput(salt), cfg.iterations, len));
      wa.sigBytes = cfg.keySize * 4;
      return wa;
    },
    _name: name,
  });
}

// crypto-js 3.x defaults, the ones Postman's sandbox ships: PBKDF2 with SHA-1 and 1 iteration.
algo.PBKDF2 = kdf('PBKDF2', { keySize: 128 / 32, hasher: algo.SHA1, iterations: 1 }, (alg, pw, salt, it, len) => N.pbkdf2(alg, pw, salt, it, len));
algo.EvpKDF = kdf('EvpKDF', { keySize: 128 / 32, hasher: algo.MD5, iterations: 1 }, (alg, pw, salt, it, len) => N.evpkdf(alg, pw, salt, len, it));

export function PBKDF2(password, salt, cfg) {
  return algo.PBKDF2.create(cfg).compute(password, salt);
}

export function EvpKDF(password, salt, cfg) {
  return algo.EvpKDF.create(cfg).compute(password, salt);
}

export { WordArray, Utf8 };
