// `require('crypto-js')` / the `CryptoJS` global: CryptoJS 3.x's API (the version Postman's
// sandbox ships), written for postie. The shapes live in ./crypto-js/*.js; hashing and ciphers
// run in Rust.
import { Base, WordArray, enc } from './crypto-js/core.js';
import { Hasher, HMAC, algo as hashAlgo, hashHelper, hmacHelper, PBKDF2, EvpKDF } from './crypto-js/hash.js';
import {
  CipherParams, SerializableCipher, PasswordBasedCipher, format, kdf, mode, pad,
  algo as cipherAlgo, cipherHelper,
} from './crypto-js/cipher.js';

const Cipher = Base.extend({ _ENC_XFORM_MODE: 1, _DEC_XFORM_MODE: 2 });
const BlockCipherMode = Base.extend();

const x64Word = Base.extend({
  init(high, low) {
    this.high = high;
    this.low = low;
  },
});
const x64WordArray = Base.extend({
  init(words, sigBytes) {
    this.words = words || [];
    this.sigBytes = sigBytes !== undefined ? sigBytes : this.words.length * 8;
  },
  toX32() {
    const out = [];
    for (const w of this.words) out.push(w.high, w.low);
    return WordArray.create(out, this.sigBytes);
  },
  clone() {
    const copy = Base.clone.call(this);
    copy.words = this.words.map((w) => w.clone());
    return copy;
  },
});

const CryptoJS = {
  lib: {
    Base,
    WordArray,
    BufferedBlockAlgorithm: Base.extend(),
    Hasher,
    Cipher,
    StreamCipher: Cipher.extend(),
    BlockCipherMode,
    BlockCipher: Cipher.extend(),
    CipherParams,
    SerializableCipher,
    PasswordBasedCipher,
  },
  enc,
  algo: Object.assign({}, hashAlgo, cipherAlgo),
  x64: { Word: x64Word, WordArray: x64WordArray },
  mode,
  pad,
  format,
  kdf,
  PBKDF2,
  EvpKDF,
};

for (const name of ['MD5', 'SHA1', 'SHA256', 'SHA224', 'SHA512', 'SHA384', 'SHA3', 'RIPEMD160']) {
  CryptoJS[name] = hashHelper(hashAlgo[name]);
  CryptoJS['Hmac' + name] = hmacHelper(hashAlgo[name]);
}
for (const name of ['AES', 'DES', 'TripleDES', 'RC4', 'RC4Drop', 'Rabbit', 'RabbitLegacy']) {
  CryptoJS[name] = cipherHelper(cipherAlgo[name]);
}
void HMAC;

export default CryptoJS;
