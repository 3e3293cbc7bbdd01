// `require('punycode')`: RFC 3492 Punycode (encode/decode), toASCII/toUnicode over domain
// labels (and email local parts left alone), and the ucs2 helpers.
const BASE = 36;
const TMIN = 1;
const TMAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX = 0x7fffffff;

function rangeError(kind) {
  const messages = {
    overflow: 'Overflow: input needs wider integers to process',
    'not-basic': 'Illegal input >= 0x80 (not a basic code point)',
    'invalid-input': 'Invalid input',
  };
  return new RangeError(messages[kind]);
}

export const ucs2 = {
  decode(string) {
    const out = [];
    for (let i = 0; i < string.length; i++) {
      const c = string.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < string.length) {
        const d = string.charCodeAt(i + 1);
        if ((d & 0xfc00) === 0xdc00) {
          out.push(((c & 0x3ff) << 10) + (d & 0x3ff) + 0x10000);
          i++;
          continue;
        }
      }
      out.push(c);
    }
    return out;
  },
  encode(codePoints) {
    return String.fromCodePoint(...codePoints);
  },
};

function adapt(delta, numPoints, first) {
  delta = first ? Math.floor(delta / DAMP) : delta >> 1;
  delta += Math.floor(delta / numPoints);
  let k = 0;
  while (delta > ((BASE - TMIN) * TMAX) >> 1) {
    delta = Math.floor(delta / (BASE - TMIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - TMIN + 1) * delta) / (delta + SKEW));
}

const digit = (d) => String.fromCharCode(d + 22 + 75 * (d < 26));
function basicValue(c) {
  if (c >= 0x30 && c < 0x3a) return 26 + (c - 0x30);
  if (c >= 0x41 && c < 0x5b) return c - 0x41;
  if (c >= 0x61 && c < 0x7b) return c - 0x61;
  return BASE;
}

export function encode(input) {
  const cps = ucs2.decode(input);
  let out = cps.filter((c) => c < 0x80).map((c) => String.fromCharCode(c)).join('');
  const basic = out.length;
  let handled = basic;
  if (basic) out += '-';
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < cps.length) {
    const m = Math.min(...cps.filter((c) => c >= n));
    if (m - n > Math.floor((MAX - delta) / (handled + 1))) throw rangeError('overflow');
    delta += (m - n) * (handled + 1);
    n = m;
    for (const c of cps) {
      if (c < n && ++delta > MAX) throw rangeError('overflow');
      if (c === n) {
        let q = delta;
        for (let k = BASE; ; k += BASE) {
          const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
          if (q < t) break;
          out += digit(t + ((q - t) % (BASE - t)));
          q = Math.floor((q - t) / (BASE - t));
        }
        out += digit(q);
        bias = adapt(delta, handled + 1, handled === basic);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return out;
}

export function decode(input) {
  const out = [];
  let basic = input.lastIndexOf('-');
  if (basic < 0) basic = 0;
  for (let j = 0; j < basic; j++) {
    if (input.charCodeAt(j) >= 0x80) throw rangeError('not-basic');
    out.push(input.charCodeAt(j));
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let at = basic > 0 ? basic + 1 : 0; at < input.length;) {
    const oldi = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (at >= input.length) throw rangeError('invalid-input');
      const d = basicValue(input.charCodeAt(at++));
      if (d >= BASE) throw rangeError('invalid-input');
      if (d > Math.floor((MAX - i) / w)) throw rangeError('overflow');
      i += d * w;
      const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
      if (d < t) break;
      if (w > Math.floor(MAX / (BASE - t))) throw rangeError('overflow');
      w *= BASE - t;
    }
    const len = out.length + 1;
    bias = adapt(i - oldi, len, oldi === 0);
    if (Math.floor(i / len) > MAX - n) throw rangeError('overflow');
    n += Math.floor(i / len);
    i %= len;
    out.splice(i++, 0, n);
  }
  return String.fromCodePoint(...out);
}

function mapDomain(domain, fn) {
  const at = domain.lastIndexOf('@');
  const local = at === -1 ? '' : domain.slice(0, at + 1);
  const host = (at === -1 ? domain : domain.slice(at + 1)).replace(/[\u3002\uFF0E\uFF61]/g, '.');
  return local + host.split('.').map(fn).join('.');
}

export function toASCII(input) {
  return mapDomain(input, (label) => (/[^\0-\x7f]/.test(label) ? 'xn--' + encode(label) : label));
}

export function toUnicode(input) {
  return mapDomain(input, (label) => (/^xn--/i.test(label) ? decode(label.slice(4).toLowerCase()) : label));
}

export const version = '2.1.0';

export default { version, ucs2, encode, decode, toASCII, toUnicode };
