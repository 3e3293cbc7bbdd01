// `require('uuid')`: the uuid package's API (v1, v3, v4, v5 with the DNS/URL namespaces, NIL,
// MAX, validate, version, parse, stringify), written for postie; hashing and randomness in
// Rust.
const N = globalThis.__postie.crypto;
const B = globalThis.__postie.bytes;

const PATTERN = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/i;

export const NIL = '00000000-0000-0000-0000-000000000000';
export const MAX = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

export function validate(uuid) {
  return typeof uuid === 'string' && PATTERN.test(uuid);
}

export function version(uuid) {
  if (!validate(uuid)) throw new TypeError('Invalid UUID');
  return parseInt(uuid.slice(14, 15), 16);
}

export function parse(uuid) {
  if (!validate(uuid)) throw new TypeError('Invalid UUID');
  const hex = uuid.replace(/-/g, '');
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function stringify(arr, offset = 0) {
  const h = B.hexEncode(Uint8Array.from(Array.prototype.slice.call(arr, offset, offset + 16)));
  const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  if (!validate(uuid)) throw new TypeError('Stringified UUID is invalid');
  return uuid;
}

function output(bytes, buf, offset = 0) {
  if (buf) {
    for (let i = 0; i < 16; i++) buf[offset + i] = bytes[i];
    return buf;
  }
  return stringify(bytes);
}

export function v4(options, buf, offset) {
  const bytes = options && (options.random || (options.rng && options.rng())) ? Uint8Array.from(options.random || options.rng()) : N.random(16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return output(bytes, buf, offset);
}

// v1 state: a random node id and clock sequence per sandbox, as the uuid package keeps them.
let node;
let clockseq;
let lastMs = 0;
let lastNs = 0;

export function v1(options = {}, buf, offset) {
  if (node === undefined || clockseq === undefined) {
    const seed = N.random(16);
    if (node === undefined) node = [seed[0] | 0x01, seed[1], seed[2], seed[3], seed[4], seed[5]];
    if (clockseq === undefined) clockseq = ((seed[6] << 8) | seed[7]) & 0x3fff;
  }
  let cs = options.clockseq !== undefined ? options.clockseq : clockseq;
  let ms = options.msecs !== undefined ? +options.msecs : Date.now();
  let ns = options.nsecs !== undefined ? options.nsecs : lastNs + 1;
  const dt = ms - lastMs + (ns - lastNs) / 10000;
  if (dt < 0 && options.clockseq === undefined) cs = (cs + 1) & 0x3fff;
  if ((dt < 0 || ms > lastMs) && options.nsecs === undefined) ns = 0;
  if (ns >= 10000) throw new Error("uuid.v1(): Can't create more than 10M uuids/sec");
  lastMs = ms;
  lastNs = ns;
  clockseq = cs;
  ms += 12219292800000;
  const b = new Uint8Array(16);
  const tl = ((ms & 0xfffffff) * 10000 + ns) % 0x100000000;
  b[0] = (tl >>> 24) & 0xff;
  b[1] = (tl >>> 16) & 0xff;
  b[2] = (tl >>> 8) & 0xff;
  b[3] = tl & 0xff;
  const tmh = ((ms / 0x100000000) * 10000) & 0xfffffff;
  b[4] = (tmh >>> 8) & 0xff;
  b[5] = tmh & 0xff;
  b[6] = ((tmh >>> 24) & 0xf) | 0x10;
  b[7] = (tmh >>> 16) & 0xff;
  b[8] = (cs >>> 8) | 0x80;
  b[9] = cs & 0xff;
  const n = options.node || node;
  for (let i = 0; i < 6; i++) b[10 + i] = n[i];
  return output(b, buf, offset);
}

function named(alg, ver) {
  const fn = function (value, namespace, buf, offset) {
    const ns = typeof namespace === 'string' ? parse(namespace) : Uint8Array.from(namespace);
    if (ns.length !== 16) throw new RangeError('Namespace must be array-like (16 iterable integer values, 0-255)');
    const name = typeof value === 'string' ? B.utf8Encode(value) : Uint8Array.from(value);
    const input = new Uint8Array(16 + name.length);
    input.set(ns);
    input.set(name, 16);
    const bytes = N.digest(alg, input).subarray(0, 16);
    bytes[6] = (bytes[6] & 0x0f) | (ver << 4);
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    return output(bytes, buf, offset);
  };
  fn.DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
  fn.URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
  return fn;
}

export const v3 = named('md5', 3);
export const v5 = named('sha1', 5);

// Old uuid releases (and Postman's vendored copy) are also callable as v4 themselves.
function uuid(options, buf, offset) {
  return v4(options, buf, offset);
}
Object.assign(uuid, { v1, v3, v4, v5, NIL, MAX, validate, version, parse, stringify });

export default uuid;
