// sugar 1.4 Array methods: matching (any/none/all/count/findAll/…), set operations
// (unique/union/intersect/subtract), access (first/last/from/to), statistics
// (min/max/least/most/sum/average), grouping, mutation (add/insert/remove/removeAt) and
// Array.create. The shortcut forms of the native map/filter/find/findIndex/every/some live
// in iterators.js.
import {
  define, matcher, mapper, equal, eachIndex, flatArgs, uniqueBy, isArray, classOf,
} from './common.js';
import { sortBy } from './sort.js';

const nativeSome = Array.prototype.some;
const nativeEvery = Array.prototype.every;

/** Index to start at, as findFrom/findAll/each read it (negative counts from the end). */
function startIndex(arr, index, loop) {
  let i = Math.floor(+index || 0);
  const n = arr.length;
  if (loop && n) i = ((i % n) + n) % n;
  else if (i < 0) i = Math.max(0, n + i);
  return i;
}

/** The indexes from `index` to the end, then (when `loop`) from 0 to index - 1. */
function indexes(arr, index, loop) {
  const start = startIndex(arr, index, loop);
  const out = [];
  for (let i = start; i < arr.length; i++) out.push(i);
  if (loop) for (let i = 0; i < start && i < arr.length; i++) out.push(i);
  return out;
}

function findAllFrom(arr, f, index, loop, firstOnly) {
  const test = matcher(f);
  const found = [];
  for (const i of indexes(arr, index, loop)) {
    if (i in arr && test(arr[i], i, arr)) {
      found.push(i);
      if (firstOnly) break;
    }
  }
  return found;
}

function removeMatching(arr, args) {
  for (const f of args) {
    const test = matcher(f);
    for (let i = 0; i < arr.length; i++) {
      if (test(arr[i], i, arr)) {
        arr.splice(i, 1);
        i--;
      }
    }
  }
  return arr;
}

function addAt(arr, el, index) {
  const items = isArray(el) ? el : [el];
  let i = index === undefined ? arr.length : Math.floor(+index);
  if (Number.isNaN(i)) i = arr.length;
  if (i < 0) i = Math.max(0, arr.length + i);
  arr.splice(Math.min(i, arr.length), 0, ...items);
  return arr;
}

function contains(list, el) {
  return list.some((x) => equal(x, el));
}

function flatten(arr, limit, depth, out) {
  eachIndex(arr, (el) => {
    if (isArray(el) && depth < limit) flatten(el, limit, depth + 1, out);
    else out.push(el);
  });
  return out;
}

/** Elements whose mapped value is the extreme one (min/max), all of them or the first. */
function extreme(arr, map, all, better) {
  const m = mapper(map);
  let best;
  let found = [];
  eachIndex(arr, (el, i) => {
    const v = m(el, i, arr);
    if (found.length === 0 || better(v, best)) {
      best = v;
      found = [el];
    } else if (v === best) {
      found.push(el);
    }
  });
  return all ? found : found[0];
}

/** Elements grouped by how often their mapped value occurs; `most` picks the largest groups. */
function byFrequency(arr, map, all, most) {
  const m = mapper(map);
  const groups = Object.create(null);
  eachIndex(arr, (el, i) => {
    const v = m(el, i, arr);
    const key = v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v);
    (groups[key] || (groups[key] = [])).push(el);
  });
  let pick = [];
  for (const key of Object.keys(groups)) {
    const list = groups[key];
    if (pick.length === 0 || (most ? list.length > pick[0].length : list.length < pick[0].length)) pick = [list];
    else if (list.length === pick[0].length) pick.push(list);
  }
  const flat = [].concat(...pick);
  return all ? flat : flat[0];
}

function sum(arr, map) {
  const m = mapper(map);
  const values = [];
  eachIndex(arr, (el, i) => {
    values.push(m(el, i, arr));
  });
  return values.length ? values.reduce((a, b) => a + b) : 0;
}

function inGroups(arr, num, padding, padded) {
  const size = Math.ceil(arr.length / num);
  const out = [];
  for (let i = 0; i < num; i++) {
    const group = arr.slice(size * i, size * (i + 1));
    if (padded) while (group.length < size) group.push(padding);
    out.push(group);
  }
  return out;
}

const methods = {
  findFrom(f, index, loop) {
    const found = findAllFrom(this, f, index, loop, true);
    return found.length ? this[found[0]] : undefined;
  },
  findIndexFrom(f, index, loop) {
    const found = findAllFrom(this, f, index, loop, true);
    return found.length ? found[0] : -1;
  },
  findAll(f, index, loop) {
    return findAllFrom(this, f, index, loop, false).map((i) => this[i]);
  },
  count(f) {
    if (f === undefined) return this.length;
    return findAllFrom(this, f, 0, false, false).length;
  },
  none(f, context) {
    if (arguments.length === 0) return !nativeSome.call(this);
    return !nativeSome.call(this, matcher(f, context));
  },
  any(f, context) {
    if (arguments.length === 0) return nativeSome.call(this);
    return nativeSome.call(this, matcher(f, context));
  },
  all(f, context) {
    if (arguments.length === 0) return nativeEvery.call(this);
    return nativeEvery.call(this, matcher(f, context));
  },
  removeAt(start, end) {
    if (start === undefined) return this;
    let s = Math.floor(+start);
    if (s < 0) s += this.length;
    const e = end === undefined ? s : Math.floor(+end);
    if (s >= 0 && s < this.length) this.splice(s, e - s + 1);
    return this;
  },
  include(el, index) {
    return addAt(this.slice(), el, index);
  },
  exclude(...args) {
    return removeMatching(this.slice(), args);
  },
  clone() {
    return this.slice();
  },
  unique(map) {
    return uniqueBy(this, map === undefined ? null : mapper(map));
  },
  flatten(limit) {
    return flatten(this, limit ? +limit : Infinity, 0, []);
  },
  union(...args) {
    return uniqueBy(this.concat(flatArgs(args)));
  },
  intersect(...args) {
    const other = flatArgs(args);
    return uniqueBy(this.filter((el) => contains(other, el)));
  },
  subtract(...args) {
    const other = flatArgs(args);
    return this.filter((el) => !contains(other, el));
  },
  first(n) {
    if (n === undefined) return this[0];
    return this.slice(0, Math.max(0, Math.floor(+n) || 0));
  },
  last(n) {
    if (n === undefined) return this[this.length - 1];
    const k = Math.max(0, Math.floor(+n) || 0);
    return k === 0 ? [] : this.slice(-k);
  },
  from(index) {
    return this.slice(Math.floor(+index) || 0);
  },
  to(index) {
    if (index === undefined) return this.slice();
    return this.slice(0, Math.floor(+index) || 0);
  },
  min(map, all) {
    return extreme(this, map, all, (v, best) => v < best);
  },
  max(map, all) {
    return extreme(this, map, all, (v, best) => v > best);
  },
  least(map, all) {
    return byFrequency(this, map, all, false);
  },
  most(map, all) {
    return byFrequency(this, map, all, true);
  },
  sum(map) {
    return sum(this, map);
  },
  average(map) {
    return this.length ? sum(this, map) / this.length : 0;
  },
  inGroups(num, padding) {
    return inGroups(this, Math.max(1, Math.floor(+num) || 1), padding, arguments.length > 1);
  },
  inGroupsOf(num, padding) {
    const size = Math.floor(+num) || 0;
    if (size <= 0) return this;
    const out = [];
    for (let i = 0; i < this.length; i += size) {
      const group = this.slice(i, i + size);
      while (group.length < size) group.push(padding === undefined ? null : padding);
      out.push(group);
    }
    return out;
  },
  isEmpty() {
    return this.length === 0 || this.every((v) => v == null || v !== v);
  },
  sortBy(map, desc) {
    return sortBy(this, mapper(map), desc);
  },
  randomize() {
    const a = this.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  },
  sample(num) {
    const shuffled = methods.randomize.call(this);
    if (num === undefined) return shuffled[0];
    return shuffled.slice(0, Math.max(0, Math.floor(+num) || 0));
  },
  zip(...arrays) {
    return this.map((el, i) => [el].concat(arrays.map((a) => (i < a.length ? a[i] : null))));
  },
  each(fn, index, loop) {
    if (typeof fn !== 'function') throw new TypeError('Callback is not a function');
    for (const i of indexes(this, index, loop)) {
      if (i in this && fn.call(this, this[i], i, this) === false) break;
    }
    return this;
  },
  add(el, index) {
    return addAt(this, el, index);
  },
  insert(el, index) {
    return addAt(this, el, index);
  },
  remove(...args) {
    return removeMatching(this, args);
  },
  compact(all) {
    const out = [];
    eachIndex(this, (el) => {
      if (isArray(el)) out.push(methods.compact.call(el, all));
      else if (all ? el : el != null && el === el) out.push(el);
    });
    return out;
  },
  groupBy(map, fn) {
    const m = mapper(map);
    const groups = {};
    eachIndex(this, (el, i) => {
      const key = m(el, i, this);
      (Object.prototype.hasOwnProperty.call(groups, key) ? groups[key] : (groups[key] = [])).push(el);
    });
    if (typeof fn === 'function') for (const k of Object.keys(groups)) fn.call(groups, k, groups[k]);
    return groups;
  },
};

const statics = {
  create(...args) {
    const out = [];
    for (const a of args) {
      if (isArray(a) || classOf(a) === '[object Arguments]') out.push(...Array.prototype.slice.call(a));
      else out.push(a);
    }
    return out;
  },
};

export function installArray() {
  define(Array.prototype, methods);
  define(Array, statics);
}

export { methods as arrayMethods };
