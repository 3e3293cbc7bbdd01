// sugar 1.4 Number methods: parity and multiples, ordinalize, format/pad/hex, rounding with a
// precision, Math shortcuts, ranges (upto/downto/times), abbreviations (abbr/metric/bytes) and
// Number.random. Time units (seconds(), daysAgo(), duration()) are in date-number.js.
import { define } from './common.js';

/** Rounds with `precision` decimals (negative: tens, hundreds, …) using Math[method]. */
export function withPrecision(n, precision, method) {
  const fn = Math[method || 'round'];
  const p = Math.floor(+precision) || 0;
  if (p === 0) return fn(n);
  const m = Math.pow(10, Math.abs(p));
  return p > 0 ? fn(n * m) / m : fn(n / m) * m;
}

/** Number#format: thousands separators, `place` decimals (padded) or as many as the number has. */
export function format(n, place, thousands, decimal) {
  const sep = thousands === undefined ? ',' : String(thousands);
  const point = decimal === undefined ? '.' : String(decimal);
  let value = n;
  if (typeof place === 'number') value = withPrecision(n, place);
  const text = String(Math.abs(value));
  const dot = text.indexOf('.');
  let int = dot >= 0 ? text.slice(0, dot) : text;
  let frac = dot >= 0 ? text.slice(dot + 1) : '';
  if (typeof place === 'number' && place > 0) frac = (frac + '0'.repeat(place)).slice(0, Math.max(place, frac.length));
  let grouped = '';
  while (int.length > 3) {
    grouped = sep + int.slice(-3) + grouped;
    int = int.slice(0, -3);
  }
  return (value < 0 ? '-' : '') + int + grouped + (frac ? point + frac : '');
}

/** Number#pad: the integer part padded with zeros to `place` digits, in `base`. */
export function padNumber(n, place, sign, base) {
  const abs = Math.abs(n);
  const text = abs.toString(base || 10);
  const dot = text.indexOf('.');
  const intLen = dot >= 0 ? dot : text.length;
  const zeros = '0'.repeat(Math.max(0, (Math.floor(+place) || 0) - intLen));
  const prefix = n < 0 || (n === 0 && 1 / n < 0) ? '-' : sign ? '+' : '';
  return prefix + zeros + text;
}

function ordinalSuffix(n) {
  const abs = Math.abs(n);
  const last2 = abs % 100;
  if (last2 >= 11 && last2 <= 13) return 'th';
  switch (abs % 10) {
    case 1: return 'st';
    case 2: return 'nd';
    case 3: return 'rd';
    default: return 'th';
  }
}

/** abbr/metric/bytes: the unit by decimal magnitude (within limits), the value in that unit. */
function abbreviate(n, precision, units, base, zeroIndex, maxIndex, suffix) {
  const abs = Math.abs(n);
  let index = 0;
  if (abs >= 1) while (abs >= Math.pow(10, 3 * (index + 1))) index++;
  else if (abs > 0) while (abs < Math.pow(10, 3 * index)) index--;
  index = Math.min(index, maxIndex);
  index = Math.max(index, -zeroIndex);
  const value = withPrecision(n / Math.pow(base, index), precision || 0);
  return format(value) + units[index + zeroIndex].trim() + suffix;
}

function range(from, to, fn, step) {
  const s = Math.abs(step || 1);
  const out = [];
  if (from <= to) for (let i = from; i <= to; i += s) out.push(i);
  else for (let i = from; i >= to; i -= s) out.push(i);
  if (typeof fn === 'function') out.forEach((v) => fn(v));
  return out;
}

const num = (v) => Number(v);

const methods = {
  hex(pad) { return padNumber(num(this), pad || 1, false, 16); },
  isEven() { return num(this) % 2 === 0; },
  isOdd() { return num(this) % 2 !== 0 && !Number.isNaN(num(this)); },
  isInteger() { return num(this) % 1 === 0; },
  isMultipleOf(n) { return num(this) % n === 0; },
  ordinalize() { const n = num(this); return String(n) + ordinalSuffix(Math.floor(Math.abs(n)) === Math.abs(n) ? n : 0); },
  format(place, thousands, decimal) { return format(num(this), place, thousands, decimal); },
  pad(place, sign, base) { return padNumber(num(this), place, sign, base); },
  round(precision) { return withPrecision(num(this), precision, 'round'); },
  ceil(precision) { return withPrecision(num(this), precision, 'ceil'); },
  floor(precision) { return withPrecision(num(this), precision, 'floor'); },
  abs() { return Math.abs(this); },
  pow(p) { return Math.pow(this, p); },
  sin() { return Math.sin(this); },
  asin() { return Math.asin(this); },
  cos() { return Math.cos(this); },
  acos() { return Math.acos(this); },
  tan() { return Math.tan(this); },
  atan() { return Math.atan(this); },
  exp() { return Math.exp(this); },
  sqrt() { return Math.sqrt(this); },
  log(base) { return base === undefined ? Math.log(this) : Math.log(this) / Math.log(base); },
  chr() { return String.fromCharCode(this); },
  toNumber() { return num(this); },
  times(fn) {
    const n = num(this);
    if (typeof fn === 'function') for (let i = 0; i < n; i++) fn.call(this, i);
    return n;
  },
  upto(to, fn, step) { return range(num(this), +to, fn, step); },
  downto(to, fn, step) { return range(num(this), +to, fn, step); },
  clamp(start, end) {
    const n = num(this);
    const lo = Math.min(start, end);
    const hi = Math.max(start, end);
    return n < lo ? lo : n > hi ? hi : n;
  },
  cap(max) { const n = num(this); return max !== undefined && n > max ? max : n; },
  abbr(precision) { return abbreviate(num(this), precision, ['', 'k', 'm', 'b', 't'], 1000, 0, 4, ''); },
  metric(precision, limit) {
    const max = limit === false ? 6 : limit === undefined ? 1 : Math.floor(+limit) || 0;
    return abbreviate(num(this), precision, ['n', 'μ', 'm', '', 'k', 'M', 'G', 'T', 'P', 'E'], 1000, 3, max, '');
  },
  bytes(precision, limit) {
    const max = limit === false ? 6 : limit === undefined ? 4 : Math.floor(+limit) || 0;
    return abbreviate(num(this), precision, ['', 'k', 'M', 'G', 'T', 'P', 'E'], 1024, 0, max, 'B');
  },
};

const statics = {
  random(n1, n2) {
    let lo = n1 === undefined ? 0 : Math.floor(+n1);
    let hi = n2 === undefined ? (n1 === undefined ? 1 : 0) : Math.floor(+n2);
    if (lo > hi) [lo, hi] = [hi, lo];
    return lo + Math.floor(Math.random() * (hi - lo + 1));
  },
};

export function installNumber() {
  define(Number.prototype, methods);
  define(Number, statics);
}
