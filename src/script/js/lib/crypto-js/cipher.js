// CryptoJS ciphers: CipherParams, the OpenSSL and Hex formats, the OpenSSL key derivation
// (EVP_BytesToKey with MD5 and a `Salted__` header), modes and paddings as named options, and
// the AES/DES/TripleDES/RC4/RC4Drop/Rabbit/RabbitLegacy helpers. The cipher work is one native
// call per message (`__postie.crypto.cipher`).
import { Base, WordArray, Base64, Hex, Utf8, bytesToWa, waToBytes, toBytes } from './core.js';
import { EvpKDF } from './hash.js';

const N = globalThis.__postie.crypto;

export const CipherParams = Base.extend({
  init(params) {
    if (params) this.mixIn(params);
  },
  toString(formatter) {
    return (formatter || this.formatter).stringify(this);
  },
});

const SALTED = [0x53616c74, 0x65645f5f];

export const format = {
  OpenSSL: {
    stringify(params) {
      const { ciphertext, salt } = params;
      const wa = salt ? WordArray.create(SALTED.slice()).concat(salt).concat(ciphertext) : ciphertext;
      return wa.toString(Base64);
    },
    parse(text) {
      const ciphertext = Base64.parse(text);
      const words = ciphertext.words;
      let salt;
      if (words[0] === SALTED[0] && words[1] === SALTED[1]) {
        salt = WordArray.create(words.slice(2, 4));
        words.splice(0, 4);
        ciphertext.sigBytes -= 16;
      }
      return CipherParams.create({ ciphertext, salt });
    },
  },
  Hex: {
    stringify(params) {
      return params.ciphertext.toString(Hex);
    },
    parse(text) {
      return CipherParams.create({ ciphertext: Hex.parse(text) });
    },
  },
};

export const kdf = {
  OpenSSL: {
    execute(password, keySize, ivSize, salt) {
      if (!salt) salt = WordArray.random(64 / 8);
      const key = EvpKDF(password, salt, { keySize: keySize + ivSize });
      const iv = WordArray.create(key.words.slice(keySize), ivSize * 4);
      key.sigBytes = keySize * 4;
      return CipherParams.create({ key, iv, salt });
    },
  },
};

function named(name, extra) {
  return Object.assign(Base.extend({ _name: name }), extra);
}

export const mode = {
  CBC: named('cbc'),
  CFB: named('cfb'),
  CTR: named('ctr'),
  OFB: named('ofb'),
  ECB: named('ecb'),
};

function padding(name, padBytes, unpadBytes) {
  return named(name, {
    pad(data, blockSize) {
      const out = padBytes(Array.from(waToBytes(data)), blockSize * 4);
      const wa = bytesToWa(Uint8Array.from(out));
      data.words = wa.words;
      data.sigBytes = wa.sigBytes;
    },
    unpad(data) {
      const bytes = Array.from(waToBytes(data));
      data.sigBytes = unpadBytes(bytes);
    },
  });
}

const countFromEnd = (b) => b.length - (b.length ? b[b.length - 1] : 0);
const fill = (b, bs, last) => {
  const n = bs - (b.length % bs);
  for (let i = 1; i < n; i++) b.push(last === 'random' ? N.random(1)[0] : last);
  b.push(n);
  return b;
};
const zeros = (b, bs) => {
  while (b.length % bs) b.push(0);
  return b;
};
const stripZeros = (b) => {
  let n = b.length;
  while (n > 0 && b[n - 1] === 0) n--;
  return n;
};

export const pad = {
  Pkcs7: padding('pkcs7', (b, bs) => { const n = bs - (b.length % bs); for (let i = 0; i < n; i++) b.push(n); return b; }, countFromEnd),
  AnsiX923: padding('ansix923', (b, bs) => fill(b, bs, 0), countFromEnd),
  Iso10126: padding('iso10126', (b, bs) => fill(b, bs, 'random'), countFromEnd),
  Iso97971: padding('iso97971', (b, bs) => { b.push(0x80); return zeros(b, bs); }, (b) => stripZeros(b) - 1),
  ZeroPadding: padding('zeropadding', zeros, stripZeros),
  NoPadding: padding('nopadding', (b) => b, (b) => b.length),
};

function nameOf(option, kind) {
  if (option && typeof option._name === 'string') return option._name;
  throw new TypeError(`unsupported ${kind}: only CryptoJS.${kind}.* built-ins are available`);
}

/** Key bytes: AES by its significant bytes, DES/TripleDES by every word they read. */
function keyBytes(cipher, key) {
  if (cipher._alg === 'des' || cipher._alg === 'tripledes') {
    return waToBytes(key, Math.min(key.words.length * 4, cipher.keySize * 4));
  }
  return waToBytes(key);
}

/** CryptoJS reads the iv's words up to the block size, whatever its `sigBytes`. */
function ivBytes(cipher, iv) {
  if (!iv) return new Uint8Array(0);
  if (cipher._stream) return waToBytes(iv);
  return waToBytes(iv, Math.min(iv.words.length, cipher.blockSize) * 4);
}

function run(cipher, encrypt, data, key, cfg) {
  const opts = { encrypt };
  if (cipher._stream) {
    if (cipher._alg === 'rc4') opts.drop = ((cfg && cfg.drop) || cipher.cfg.drop || 0) * 4;
  } else {
    opts.mode = nameOf(cfg.mode || mode.CBC, 'mode');
    opts.padding = nameOf(cfg.padding || pad.Pkcs7, 'pad');
  }
  return bytesToWa(N.cipher(cipher._alg, opts, keyBytes(cipher, key), ivBytes(cipher, cfg.iv), data));
}

const defaultCfg = () => ({ format: format.OpenSSL });

function parse(ciphertext, fmt) {
  return typeof ciphertext === 'string' ? fmt.parse(ciphertext) : ciphertext;
}

export const SerializableCipher = Base.extend({
  cfg: Base.extend({ format: format.OpenSSL }),
  encrypt(cipher, message, key, cfg) {
    cfg = Object.assign(defaultCfg(), cfg);
    const ciphertext = run(cipher, true, toBytes(message), key, cfg);
    return CipherParams.create({
      ciphertext,
      key,
      iv: cfg.iv,
      algorithm: cipher,
      mode: cfg.mode || (cipher._stream ? undefined : mode.CBC),
      padding: cfg.padding || (cipher._stream ? undefined : pad.Pkcs7),
      blockSize: cipher.blockSize,
      formatter: cfg.format,
    });
  },
  decrypt(cipher, ciphertext, key, cfg) {
    cfg = Object.assign(defaultCfg(), cfg);
    const params = parse(ciphertext, cfg.format);
    return run(cipher, false, waToBytes(params.ciphertext), key, cfg);
  },
});

export const PasswordBasedCipher = Base.extend({
  cfg: Base.extend({ format: format.OpenSSL, kdf: kdf.OpenSSL }),
  encrypt(cipher, message, password, cfg) {
    cfg = Object.assign({ format: format.OpenSSL, kdf: kdf.OpenSSL }, cfg);
    const derived = cfg.kdf.execute(password, cipher.keySize, cipher.ivSize);
    cfg.iv = derived.iv;
    const params = SerializableCipher.encrypt(cipher, message, derived.key, cfg);
    return params.mixIn(derived);
  },
  decrypt(cipher, ciphertext, password, cfg) {
    cfg = Object.assign({ format: format.OpenSSL, kdf: kdf.OpenSSL }, cfg);
    const params = parse(ciphertext, cfg.format);
    const derived = cfg.kdf.execute(password, cipher.keySize, cipher.ivSize, params.salt);
    cfg.iv = derived.iv;
    return SerializableCipher.decrypt(cipher, params, derived.key, cfg);
  },
});

/** A progressive encryptor/decryptor: gathers `process` input, does the work at `finalize`. */
const Processor = Base.extend({
  init(cipher, encrypt, key, cfg) {
    this._cipher = cipher;
    this._encrypt = encrypt;
    this._key = key;
    this.cfg = Object.assign({}, cfg);
    this.reset();
  },
  reset() {
    this._chunks = [];
  },
  process(data) {
    this._chunks.push(toBytes(data));
    return WordArray.create();
  },
  finalize(data) {
    if (data !== undefined) this.process(data);
    let total = 0;
    for (const c of this._chunks) total += c.length;
    const all = new Uint8Array(total);
    let at = 0;
    for (const c of this._chunks) {
      all.set(c, at);
      at += c.length;
    }
    const out = run(this._cipher, this._encrypt, all, this._key, this.cfg);
    this.reset();
    return out;
  },
});

function cipherAlgo(alg, keySize, ivSize, blockSize, stream, cfg) {
  return Base.extend({
    _alg: alg,
    _stream: stream,
    keySize,
    ivSize,
    blockSize,
    cfg: Base.extend(cfg || {}),
    createEncryptor(key, c) {
      return Processor.create(this, true, key, c);
    },
    createDecryptor(key, c) {
      return Processor.create(this, false, key, c);
    },
    _ENC_XFORM_MODE: 1,
    _DEC_XFORM_MODE: 2,
  });
}

export const algo = {
  AES: cipherAlgo('aes', 256 / 32, 128 / 32, 128 / 32, false),
  DES: cipherAlgo('des', 64 / 32, 64 / 32, 64 / 32, false),
  TripleDES: cipherAlgo('tripledes', 192 / 32, 64 / 32, 64 / 32, false),
  RC4: cipherAlgo('rc4', 256 / 32, 0, 1, true, { drop: 0 }),
  RC4Drop: cipherAlgo('rc4', 256 / 32, 0, 1, true, { drop: 192 }),
  Rabbit: cipherAlgo('rabbit', 128 / 32, 64 / 32, 128 / 32, true),
  RabbitLegacy: cipherAlgo('rabbit-legacy', 128 / 32, 64 / 32, 128 / 32, true),
};

/** `CryptoJS.AES` and friends: a passphrase (string) key goes through the OpenSSL KDF. */
export function cipherHelper(cipher) {
  const pick = (key) => (typeof key === 'string' ? PasswordBasedCipher : SerializableCipher);
  return {
    encrypt(message, key, cfg) {
      return pick(key).encrypt(cipher, message, key, cfg);
    },
    decrypt(ciphertext, key, cfg) {
      return pick(key).decrypt(cipher, ciphertext, key, cfg);
    },
  };
}

export { Utf8 };
