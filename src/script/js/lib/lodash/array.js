// lodash "Array": slicing, flattening, set operations, zipping.
import { isArrayLike, isObjectLike, isArguments, iteratee, eq, toInteger, identity, castPath } from './base.js';
import { baseSet } from './object.js';

const isArrayLikeObject = (v) => isObjectLike(v) && isArrayLike(v);
const arr = (a) => (a == null ? [] : Array.prototype.slice.call(a));
const indexOfZero = (list, v) => {
  for (let i = 0; i < list.length; i++) if (eq(list[i], v)) return i;
  return -1;
};
const isFlattenable = (v) => Array.isArray(v) || isArguments(v) || !!(v && v[Symbol.isConcatSpreadable]);

export function baseFlatten(array, depth, out = []) {
  for (const v of array) {
    if (depth > 0 && isFlattenable(v)) {
      if (depth > 1) baseFlatten(v, depth - 1, out);
      else for (let i = 0; i < v.length; i++) out.push(v[i]);
    } else {
      out.push(v);
    }
  }
  return out;
}

/** Splits trailing non-array arguments (an iteratee or comparator) from the arrays. */
function splitLast(args) {
  const last = args[args.length - 1];
  if (args.length && !isArrayLikeObject(last)) return [args.slice(0, -1), last];
  return [args, undefined];
}

export function baseUniq(array, fn, comparator) {
  const seen = [];
  const out = [];
  for (const v of array) {
    const c = fn ? fn(v) : v;
    const dup = comparator ? seen.some((s) => comparator(c, s)) : indexOfZero(seen, c) > -1;
    if (!dup) {
      seen.push(c);
      out.push(v);
    }
  }
  return out;
}

function baseDifference(array, exclude, fn, comparator) {
  const ex = fn ? exclude.map(fn) : exclude;
  return array.filter((v) => {
    const c = fn ? fn(v) : v;
    return comparator ? !ex.some((e) => comparator(c, e)) : indexOfZero(ex, c) < 0;
  });
}

function baseIntersection(arrays, fn, comparator) {
  if (!arrays.length) return [];
  const [first, ...rest] = arrays.map(arr);
  const restC = rest.map((a) => (fn ? a.map(fn) : a));
  const out = [];
  const seen = [];
  for (const v of first) {
    const c = fn ? fn(v) : v;
    const has = (list) => (comparator ? list.some((x) => comparator(c, x)) : indexOfZero(list, c) > -1);
    if (!has(seen) && restC.every(has)) {
      seen.push(c);
      out.push(v);
    }
  }
  return out;
}

function sortedIndexBy(array, value, fn, retHighest) {
  const list = arr(array);
  const target = fn(value);
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const c = fn(list[mid]);
    if (retHighest ? c <= target : c < target) low = mid + 1;
    else high = mid;
  }
  return high;
}

function unzip(array) {
  if (!(array && array.length)) return [];
  const groups = array.filter(isArrayLikeObject);
  const length = Math.max(0, ...groups.map((g) => g.length));
  const out = [];
  for (let i = 0; i < length; i++) out.push(groups.map((g) => g[i]));
  return out;
}

const n1 = (n) => (n === undefined ? 1 : toInteger(n));

export const array = {
  chunk(array, size) {
    size = Math.max(toInteger(size === undefined ? 1 : size), 0);
    const list = arr(array);
    if (!list.length || size < 1) return [];
    const out = [];
    for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
    return out;
  },
  compact: (array) => arr(array).filter(Boolean),
  concat(...args) {
    if (!args.length) return [];
    const [first, ...values] = args;
    return baseFlatten(values, 1, Array.isArray(first) ? first.slice() : [first]);
  },
  difference: (array, ...values) =>
    isArrayLikeObject(array) ? baseDifference(arr(array), baseFlatten(values.filter(isArrayLikeObject), 1)) : [],
  differenceBy(array, ...rest) {
    const [values, it] = splitLast(rest);
    return isArrayLikeObject(array) ? baseDifference(arr(array), baseFlatten(values, 1), iteratee(it)) : [];
  },
  differenceWith(array, ...rest) {
    const [values, cmp] = splitLast(rest);
    return isArrayLikeObject(array) ? baseDifference(arr(array), baseFlatten(values, 1), undefined, cmp) : [];
  },
  drop: (array, n) => arr(array).slice(Math.max(n1(n), 0)),
  dropRight(array, n) {
    const list = arr(array);
    return list.slice(0, Math.max(list.length - n1(n), 0));
  },
  dropWhile(array, predicate) {
    const fn = iteratee(predicate);
    const list = arr(array);
    let i = 0;
    while (i < list.length && fn(list[i], i, list)) i++;
    return list.slice(i);
  },
  dropRightWhile(array, predicate) {
    const fn = iteratee(predicate);
    const list = arr(array);
    let i = list.length;
    while (i > 0 && fn(list[i - 1], i - 1, list)) i--;
    return list.slice(0, i);
  },
  fill(array, value, start, end) {
    if (!(array && array.length)) return [];
    const n = array.length;
    start = start === undefined ? 0 : toInteger(start);
    end = end === undefined ? n : toInteger(end);
    if (start < 0) start = Math.max(n + start, 0);
    if (end < 0) end = Math.max(n + end, 0);
    for (let i = start; i < Math.min(end, n); i++) array[i] = value;
    return array;
  },
  findIndex(array, predicate, fromIndex) {
    const list = arr(array);
    const fn = iteratee(predicate);
    let i = fromIndex === undefined ? 0 : toInteger(fromIndex);
    if (i < 0) i = Math.max(list.length + i, 0);
    for (; i < list.length; i++) if (fn(list[i], i, list)) return i;
    return -1;
  },
  findLastIndex(array, predicate, fromIndex) {
    const list = arr(array);
    const fn = iteratee(predicate);
    let i = list.length - 1;
    if (fromIndex !== undefined) {
      i = toInteger(fromIndex);
      i = i < 0 ? Math.max(list.length + i, 0) : Math.min(i, list.length - 1);
    }
    for (; i >= 0; i--) if (fn(list[i], i, list)) return i;
    return -1;
  },
  head: (array) => (array && array.length ? array[0] : undefined),
  flatten: (array) => (array && array.length ? baseFlatten(arr(array), 1) : []),
  flattenDeep: (array) => (array && array.length ? baseFlatten(arr(array), Infinity) : []),
  flattenDepth: (array, depth) => (array && array.length ? baseFlatten(arr(array), depth === undefined ? 1 : toInteger(depth)) : []),
  fromPairs(pairs) {
    const out = {};
    for (const p of arr(pairs)) out[p[0]] = p[1];
    return out;
  },
  indexOf(array, value, fromIndex) {
    const list = arr(array);
    let i = fromIndex == null ? 0 : toInteger(fromIndex);
    if (i < 0) i = Math.max(list.length + i, 0);
    for (; i < list.length; i++) if (eq(list[i], value)) return i;
    return -1;
  },
  lastIndexOf(array, value, fromIndex) {
    const list = arr(array);
    let i = list.length - 1;
    if (fromIndex !== undefined) {
      i = toInteger(fromIndex);
      i = i < 0 ? Math.max(list.length + i, 0) : Math.min(i, list.length - 1);
    }
    for (; i >= 0; i--) if (eq(list[i], value)) return i;
    return -1;
  },
  initial: (array) => arr(array).slice(0, -1),
  intersection: (...arrays) => baseIntersection(arrays.filter(isArrayLikeObject)),
  intersectionBy(...args) {
    const [arrays, it] = splitLast(args);
    return baseIntersection(arrays, iteratee(it));
  },
  intersectionWith(...args) {
    const [arrays, cmp] = splitLast(args);
    return baseIntersection(arrays, undefined, cmp);
  },
  join: (array, separator) => (array == null ? '' : Array.prototype.join.call(array, separator === undefined ? ',' : separator)),
  last: (array) => (array && array.length ? array[array.length - 1] : undefined),
  nth(array, n) {
    const list = arr(array);
    if (!list.length) return undefined;
    n = toInteger(n);
    if (n < 0) n += list.length;
    return list[n];
  },
  pullAll(array, values) {
    if (!(array && array.length && values && values.length)) return array;
    for (let i = array.length - 1; i >= 0; i--) if (indexOfZero(values, array[i]) > -1) array.splice(i, 1);
    return array;
  },
  pullAllBy(array, values, it) {
    if (!(array && array.length && values && values.length)) return array;
    const fn = iteratee(it);
    const vs = values.map(fn);
    for (let i = array.length - 1; i >= 0; i--) if (indexOfZero(vs, fn(array[i])) > -1) array.splice(i, 1);
    return array;
  },
  pullAt(array, ...indexes) {
    const idx = baseFlatten(indexes, Infinity).map(Number);
    const removed = idx.map((i) => array[i]);
    [...new Set(idx)].sort((a, b) => b - a).forEach((i) => array.splice(i, 1));
    return removed;
  },
  remove(array, predicate) {
    const out = [];
    if (!(array && array.length)) return out;
    const fn = iteratee(predicate);
    const hits = [];
    for (let i = 0; i < array.length; i++) {
      if (fn(array[i], i, array)) {
        out.push(array[i]);
        hits.push(i);
      }
    }
    for (let j = hits.length - 1; j >= 0; j--) array.splice(hits[j], 1);
    return out;
  },
  reverse: (array) => (array == null ? array : Array.prototype.reverse.call(array)),
  slice(array, start, end) {
    const list = arr(array);
    return list.slice(start === undefined ? 0 : toInteger(start), end === undefined ? list.length : toInteger(end));
  },
  sortedIndex: (array, value) => sortedIndexBy(array, value, identity, false),
  sortedIndexBy: (array, value, it) => sortedIndexBy(array, value, iteratee(it), false),
  sortedLastIndex: (array, value) => sortedIndexBy(array, value, identity, true),
  sortedLastIndexBy: (array, value, it) => sortedIndexBy(array, value, iteratee(it), true),
  sortedIndexOf(array, value) {
    const i = sortedIndexBy(array, value, identity, false);
    return array && i < array.length && eq(array[i], value) ? i : -1;
  },
  sortedLastIndexOf(array, value) {
    const i = sortedIndexBy(array, value, identity, true) - 1;
    return array && i >= 0 && eq(array[i], value) ? i : -1;
  },
  sortedUniq: (array) => baseUniq(arr(array)),
  sortedUniqBy: (array, it) => baseUniq(arr(array), iteratee(it)),
  tail: (array) => arr(array).slice(1),
  take: (array, n) => arr(array).slice(0, Math.max(n1(n), 0)),
  takeRight(array, n) {
    const list = arr(array);
    n = n1(n);
    return n <= 0 ? [] : list.slice(Math.max(list.length - n, 0));
  },
  takeWhile(array, predicate) {
    const fn = iteratee(predicate);
    const list = arr(array);
    let i = 0;
    while (i < list.length && fn(list[i], i, list)) i++;
    return list.slice(0, i);
  },
  takeRightWhile(array, predicate) {
    const fn = iteratee(predicate);
    const list = arr(array);
    let i = list.length;
    while (i > 0 && fn(list[i - 1], i - 1, list)) i--;
    return list.slice(i);
  },
  union: (...arrays) => baseUniq(baseFlatten(arrays.filter(isArrayLikeObject), 1)),
  unionBy(...args) {
    const [arrays, it] = splitLast(args);
    return baseUniq(baseFlatten(arrays.filter(isArrayLikeObject), 1), iteratee(it));
  },
  unionWith(...args) {
    const [arrays, cmp] = splitLast(args);
    return baseUniq(baseFlatten(arrays.filter(isArrayLikeObject), 1), undefined, cmp);
  },
  uniq: (array) => (array && array.length ? baseUniq(arr(array)) : []),
  uniqBy: (array, it) => (array && array.length ? baseUniq(arr(array), iteratee(it)) : []),
  uniqWith: (array, cmp) => (array && array.length ? baseUniq(arr(array), undefined, typeof cmp === 'function' ? cmp : undefined) : []),
  unzip,
  unzipWith(array, fn) {
    const groups = unzip(array);
    return fn == null ? groups : groups.map((g) => fn(...g));
  },
  without: (array, ...values) => (isArrayLikeObject(array) ? baseDifference(arr(array), values) : []),
  xor: (...arrays) => xorOf(arrays.filter(isArrayLikeObject)),
  xorBy(...args) {
    const [arrays, it] = splitLast(args);
    return xorOf(arrays.filter(isArrayLikeObject), iteratee(it));
  },
  xorWith(...args) {
    const [arrays, cmp] = splitLast(args);
    return xorOf(arrays.filter(isArrayLikeObject), undefined, cmp);
  },
  zip: (...arrays) => unzip(arrays),
  zipObject(props, values) {
    const out = {};
    arr(props).forEach((p, i) => { out[p] = values ? values[i] : undefined; });
    return out;
  },
  zipObjectDeep(props, values) {
    const out = {};
    arr(props).forEach((p, i) => baseSet(out, castPath(p, out), values ? values[i] : undefined));
    return out;
  },
  zipWith(...args) {
    const fn = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
    const groups = unzip(args);
    return fn ? groups.map((g) => fn(...g)) : groups;
  },
};
array.first = array.head;
array.pull = (list, ...values) => array.pullAll(list, values);

function xorOf(arrays, fn, cmp) {
  if (arrays.length === 1) return baseUniq(arr(arrays[0]), fn, cmp);
  const parts = arrays.map((a, i) => {
    const others = baseFlatten(arrays.filter((_, j) => j !== i), 1);
    return baseDifference(arr(a), others, fn, cmp);
  });
  return baseUniq(baseFlatten(parts, 1), fn, cmp);
}
