// lodash "Collection": iteration over arrays, strings and objects; sorting and grouping.
import {
  isArrayLike, iteratee, forEachOf, toArrayish, values, eq, toInteger, hasOwn, keys, tagOf, isKey, baseGet,
  castPath, toKey, identity,
} from './base.js';
import { baseFlatten } from './array.js';

const predicateOf = (p) => iteratee(p);

/** lodash's ascending order: numbers and strings by `<`, then symbols, null, undefined, NaN. */
export function compareAscending(a, b) {
  if (a === b) return 0;
  const cat = (v) => (v === undefined ? 3 : v === null ? 2 : typeof v === 'symbol' ? 1 : v !== v ? 4 : 0);
  const ca = cat(a);
  const cb = cat(b);
  if (ca === 0 && cb === 0) return a > b ? 1 : a < b ? -1 : 0;
  return ca > cb ? 1 : ca < cb ? -1 : 0;
}

function criteriaOf(iteratees) {
  const list = iteratees.length ? iteratees : [identity];
  return list.map((it) => {
    if (Array.isArray(it)) return (v) => baseGet(v, it.length === 1 ? it[0] : it);
    return iteratee(it);
  });
}

export function baseOrderBy(collection, iteratees, orders) {
  const fns = criteriaOf(iteratees);
  const items = [];
  forEachOf(collection, (v) => { items.push({ v, c: fns.map((f) => f(v)), i: items.length }); });
  items.sort((x, y) => {
    for (let k = 0; k < fns.length; k++) {
      const r = compareAscending(x.c[k], y.c[k]);
      if (r) {
        const o = orders && orders[k];
        return o === 'desc' ? -r : r;
      }
    }
    return x.i - y.i;
  });
  return items.map((x) => x.v);
}

function createAggregator(setter, init) {
  return (collection, it) => {
    const fn = iteratee(it);
    const acc = init();
    forEachOf(collection, (v) => setter(acc, v, fn(v)));
    return acc;
  };
}

function shuffleList(list) {
  const out = list.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export const collection = {
  forEach(collection, fn) {
    return forEachOf(collection, typeof fn === 'function' ? fn : identity);
  },
  forEachRight(collection, fn) {
    fn = typeof fn === 'function' ? fn : identity;
    if (isArrayLike(collection)) {
      for (let i = collection.length - 1; i >= 0; i--) if (fn(collection[i], i, collection) === false) break;
    } else if (collection != null) {
      const ks = keys(collection);
      for (let i = ks.length - 1; i >= 0; i--) if (fn(collection[ks[i]], ks[i], collection) === false) break;
    }
    return collection;
  },
  map(collection, it) {
    const fn = iteratee(it);
    const out = [];
    forEachOf(collection, (v, k, c) => { out.push(fn(v, k, c)); });
    return out;
  },
  filter(collection, predicate) {
    const fn = predicateOf(predicate);
    const out = [];
    forEachOf(collection, (v, k, c) => { if (fn(v, k, c)) out.push(v); });
    return out;
  },
  reject(collection, predicate) {
    const fn = predicateOf(predicate);
    const out = [];
    forEachOf(collection, (v, k, c) => { if (!fn(v, k, c)) out.push(v); });
    return out;
  },
  find(collection, predicate, fromIndex) {
    const fn = predicateOf(predicate);
    if (isArrayLike(collection)) {
      let i = fromIndex == null ? 0 : toInteger(fromIndex);
      if (i < 0) i = Math.max(collection.length + i, 0);
      const list = typeof collection === 'string' ? collection.split('') : collection;
      for (; i < list.length; i++) if (fn(list[i], i, collection)) return list[i];
      return undefined;
    }
    let found;
    forEachOf(collection, (v, k, c) => {
      if (fn(v, k, c)) { found = v; return false; }
      return undefined;
    });
    return found;
  },
  findLast(collection, predicate, fromIndex) {
    const fn = predicateOf(predicate);
    const list = isArrayLike(collection) ? toArrayish(collection) : values(collection);
    const ks = isArrayLike(collection) ? null : keys(collection);
    let i = list.length - 1;
    if (fromIndex !== undefined) {
      i = toInteger(fromIndex);
      i = i < 0 ? Math.max(list.length + i, 0) : Math.min(i, list.length - 1);
    }
    for (; i >= 0; i--) if (fn(list[i], ks ? ks[i] : i, collection)) return list[i];
    return undefined;
  },
  reduce(collection, fn, ...rest) {
    fn = iteratee(fn);
    let init = rest.length === 0;
    let acc = rest[0];
    forEachOf(collection, (v, k, c) => {
      if (init) { acc = v; init = false; } else acc = fn(acc, v, k, c);
    });
    return acc;
  },
  reduceRight(collection, fn, ...rest) {
    fn = iteratee(fn);
    let init = rest.length === 0;
    let acc = rest[0];
    collection_.forEachRight(collection, (v, k, c) => {
      if (init) { acc = v; init = false; } else acc = fn(acc, v, k, c);
    });
    return acc;
  },
  some(collection, predicate) {
    const fn = predicateOf(predicate);
    let hit = false;
    forEachOf(collection, (v, k, c) => {
      if (fn(v, k, c)) { hit = true; return false; }
      return undefined;
    });
    return hit;
  },
  every(collection, predicate) {
    const fn = predicateOf(predicate);
    let all = true;
    forEachOf(collection, (v, k, c) => {
      if (!fn(v, k, c)) { all = false; return false; }
      return undefined;
    });
    return all;
  },
  includes(collection, value, fromIndex) {
    const list = isArrayLike(collection) ? collection : values(collection);
    const n = list.length;
    let from = fromIndex ? toInteger(fromIndex) : 0;
    if (from < 0) from = Math.max(n + from, 0);
    if (typeof list === 'string') return from <= n && list.indexOf(value, from) > -1;
    if (!n) return false;
    for (let i = from; i < n; i++) if (eq(list[i], value)) return true;
    return false;
  },
  size(collection) {
    if (collection == null) return 0;
    if (isArrayLike(collection)) return typeof collection === 'string' ? Array.from(collection).length : collection.length;
    const tag = tagOf(collection);
    if (tag === '[object Map]' || tag === '[object Set]') return collection.size;
    return keys(collection).length;
  },
  sortBy: (collection, ...iteratees) => (collection == null ? [] : baseOrderBy(collection, baseFlatten(iteratees, 1))),
  orderBy(collection, iteratees, orders) {
    if (collection == null) return [];
    if (!Array.isArray(iteratees)) iteratees = iteratees == null ? [] : [iteratees];
    if (!Array.isArray(orders)) orders = orders == null ? [] : [orders];
    return baseOrderBy(collection, iteratees, orders);
  },
  groupBy: createAggregator((acc, v, k) => {
    if (hasOwn(acc, k)) acc[k].push(v);
    else acc[k] = [v];
  }, () => ({})),
  keyBy: createAggregator((acc, v, k) => { acc[k] = v; }, () => ({})),
  countBy: createAggregator((acc, v, k) => {
    if (hasOwn(acc, k)) acc[k]++;
    else acc[k] = 1;
  }, () => ({})),
  partition: createAggregator((acc, v, k) => { acc[k ? 0 : 1].push(v); }, () => [[], []]),
  sample(collection) {
    const list = toArrayish(collection);
    return list.length ? list[Math.floor(Math.random() * list.length)] : undefined;
  },
  sampleSize(collection, n) {
    const list = toArrayish(collection);
    n = n === undefined ? 1 : Math.min(Math.max(toInteger(n), 0), list.length);
    return shuffleList(list).slice(0, n);
  },
  shuffle: (collection) => shuffleList(toArrayish(collection)),
  flatMap: (collection, it) => baseFlatten(collection_.map(collection, it), 1),
  flatMapDeep: (collection, it) => baseFlatten(collection_.map(collection, it), Infinity),
  flatMapDepth: (collection, it, depth) => baseFlatten(collection_.map(collection, it), depth === undefined ? 1 : toInteger(depth)),
  invokeMap(collection, path, ...args) {
    return collection_.map(collection, (v) => {
      if (typeof path === 'function') return path.apply(v, args);
      const p = castPath(path, v);
      const parent = p.length < 2 ? v : baseGet(v, p.slice(0, -1));
      const fn = parent == null ? undefined : parent[toKey(p[p.length - 1])];
      return fn == null ? undefined : fn.apply(parent, args);
    });
  },
};
const collection_ = collection;
collection.each = collection.forEach;
collection.eachRight = collection.forEachRight;
export { isKey };
