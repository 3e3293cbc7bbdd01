// lodash "Math" and "Number": sums, extremes, rounding, ranges, random numbers.
import { iteratee, toNumber, toFinite, toInteger, toStr, identity } from './base.js';

function baseSum(array, fn) {
  let result;
  for (const v of array) {
    const c = fn(v);
    if (c !== undefined) result = result === undefined ? c : result + c;
  }
  return result;
}

function extremum(array, fn, better) {
  let result;
  let computed;
  for (const v of array || []) {
    const c = fn(v);
    if (c != null && (computed === undefined ? c === c && typeof c !== 'symbol' : better(c, computed))) {
      computed = c;
      result = v;
    }
  }
  return result;
}

function createRound(method) {
  return (number, precision) => {
    number = toNumber(number);
    precision = precision == null ? 0 : Math.min(toInteger(precision), 292);
    if (precision && Number.isFinite(number)) {
      let pair = (toStr(number) + 'e').split('e');
      const value = Math[method](+(pair[0] + 'e' + (+pair[1] + precision)));
      pair = (toStr(value) + 'e').split('e');
      return +(pair[0] + 'e' + (+pair[1] - precision));
    }
    return Math[method](number);
  };
}

function createOperation(op, defaultValue) {
  return (a, b) => {
    if (a === undefined && b === undefined) return defaultValue;
    if (a !== undefined && b === undefined) return a;
    if (b !== undefined && a === undefined) return b;
    if (typeof a === 'string' || typeof b === 'string') return op(toStr(a), toStr(b));
    return op(toNumber(a), toNumber(b));
  };
}

export const math = {
  add: createOperation((a, b) => a + b, 0),
  subtract: createOperation((a, b) => a - b, 0),
  multiply: createOperation((a, b) => a * b, 1),
  divide: createOperation((a, b) => a / b, 1),
  ceil: createRound('ceil'),
  floor: createRound('floor'),
  round: createRound('round'),
  max: (array) => extremum(array, identity, (a, b) => a > b),
  maxBy: (array, it) => extremum(array, iteratee(it), (a, b) => a > b),
  min: (array) => extremum(array, identity, (a, b) => a < b),
  minBy: (array, it) => extremum(array, iteratee(it), (a, b) => a < b),
  sum: (array) => (array && array.length ? baseSum(array, identity) : 0),
  sumBy: (array, it) => (array && array.length ? baseSum(array, iteratee(it)) : 0),
  mean: (array) => math.meanBy(array, identity),
  meanBy(array, it) {
    const n = array == null ? 0 : array.length;
    return n ? baseSum(array, iteratee(it)) / n : NaN;
  },
  clamp(number, lower, upper) {
    if (upper === undefined) {
      upper = lower;
      lower = undefined;
    }
    number = toNumber(number);
    if (upper !== undefined) {
      upper = toNumber(upper);
      upper = upper === upper ? upper : 0;
    }
    if (lower !== undefined) {
      lower = toNumber(lower);
      lower = lower === lower ? lower : 0;
    }
    if (number === number) {
      if (upper !== undefined) number = number <= upper ? number : upper;
      if (lower !== undefined) number = number >= lower ? number : lower;
    }
    return number;
  },
  inRange(number, start, end) {
    start = toFinite(start);
    if (end === undefined) {
      end = start;
      start = 0;
    } else {
      end = toFinite(end);
    }
    number = toNumber(number);
    return number >= Math.min(start, end) && number < Math.max(start, end);
  },
  random(lower, upper, floating) {
    if (floating === undefined) {
      if (typeof upper === 'boolean') {
        floating = upper;
        upper = undefined;
      } else if (typeof lower === 'boolean') {
        floating = lower;
        lower = undefined;
      }
    }
    if (lower === undefined && upper === undefined) {
      lower = 0;
      upper = 1;
    } else {
      lower = toFinite(lower);
      if (upper === undefined) {
        upper = lower;
        lower = 0;
      } else {
        upper = toFinite(upper);
      }
    }
    if (lower > upper) [lower, upper] = [upper, lower];
    if (floating || lower % 1 || upper % 1) {
      const r = Math.random();
      return Math.min(lower + r * (upper - lower + parseFloat('1e-' + ((r + '').length - 1))), upper);
    }
    return lower + Math.floor(Math.random() * (upper - lower + 1));
  },
};
