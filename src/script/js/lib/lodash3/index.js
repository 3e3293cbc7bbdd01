// lodash 3 (Postman's `_` global): lodash 4's functions adjusted to lodash 3.10's API —
// `thisArg` arguments, the older names and aliases (pluck, where, indexBy, contains, padLeft,
// trunc, sortByOrder …), and the places where 3.x behaves differently (max/min/sum, uniq's
// isSorted, flatten's isDeep, capitalize, words, escape, key-only pick/omit).
import { lodash4Functions } from '../lodash/index.js';
import { buildLodash } from '../lodash/chain.js';
import { makeTemplate, makeSettings } from '../lodash/util.js';
import {
  identity, property, matches, matchesProperty, forEachOf, keysIn, keys, toStr, isArrayLike, hasOwn,
} from '../lodash/base.js';
import { baseOrderBy } from '../lodash/collection.js';
import { baseUniq } from '../lodash/array.js';

const V4_ONLY = 'assignIn assignInWith assignWith castArray concat cond conforms differenceBy differenceWith flatMap ' +
  'flatMapDeep flatMapDepth flattenDepth flip fromPairs functionsIn intersectionBy intersectionWith invertBy invokeMap ' +
  'keyBy mergeWith nthArg omitBy orderBy over overArgs overEvery overSome pickBy pullAll pullAllBy pullAllWith ' +
  'rangeRight reverse sampleSize setWith sortedUniq sortedUniqBy split toPairs toPairsIn toPath unary unionBy ' +
  'unionWith uniqBy uniqWith unset update updateWith xorBy xorWith zipObjectDeep entries entriesIn extendWith clamp ' +
  'cloneDeepWith cloneWith conformsTo defaultTo divide hasIn isArrayBuffer isArrayLike isArrayLikeObject isBuffer ' +
  'isEqualWith isInteger isLength isMap isMatchWith isNil isObjectLike isSafeInteger isSet isSymbol isWeakMap ' +
  'isWeakSet join lowerCase lowerFirst maxBy mean meanBy minBy stubArray stubFalse stubObject stubString stubTrue ' +
  'multiply nth padEnd padStart replace sortedIndexBy sortedIndexOf sortedLastIndexBy sortedLastIndexOf subtract ' +
  'sumBy toFinite toInteger toLength toLower toNumber toSafeInteger toUpper trimEnd trimStart truncate upperCase ' +
  'upperFirst forEachRight eachRight findLast isError rest invokeMap';

const UNWRAPPED_V3 = 'add attempt camelCase capitalize ceil clone cloneDeep deburr endsWith escape escapeRegExp every ' +
  'find findIndex findKey findLast findLastIndex findLastKey findWhere first floor get gt gte has identity includes ' +
  'indexOf inRange isArguments isArray isBoolean isDate isElement isEmpty isEqual isError isFinite isFunction isMatch ' +
  'isNaN isNative isNull isNumber isObject isPlainObject isRegExp isString isTypedArray isUndefined kebabCase last ' +
  'lastIndexOf lt lte max min noConflict noop now pad padLeft padRight parseInt random reduce reduceRight repeat ' +
  'result round runInContext size snakeCase some sortedIndex sortedLastIndex startCase startsWith sum template trim ' +
  'trimLeft trimRight trunc unescape uniqueId words all any contains eq detect foldl foldr head include inject';

/** lodash 3's `_.callback`: functions (bound to thisArg), objects as matchers, other values as
 * property names, or with a thisArg as `[name, value]` matchers. */
function callback(func, thisArg) {
  if (func == null) return identity;
  if (typeof func === 'function') return thisArg === undefined ? func : func.bind(thisArg);
  if (typeof func === 'object') return matches(func);
  return thisArg === undefined ? property(func) : matchesProperty(func, thisArg);
}

const LU = 'A-Z\\xc0-\\xd6\\xd8-\\xde';
const LL = 'a-z\\xdf-\\xf6\\xf8-\\xff';
const reWords3 = new RegExp(`[${LU}]+(?=[${LU}][${LL}]+)|[${LU}]?[${LL}]+|[${LU}]+|[0-9]+`, 'g');

function extremum(collection, it, thisArg, isMax) {
  const fn = callback(it, thisArg);
  const ex = isMax ? -Infinity : Infinity;
  let computed = ex;
  let result = ex;
  forEachOf(collection, (value) => {
    const current = +fn(value);
    if ((isMax ? current > computed : current < computed) || (current === ex && current === result)) {
      computed = current;
      result = value;
    }
  });
  return result;
}

export function createLodash3() {
  const v4 = lodash4Functions();
  const fns = Object.assign({}, v4);
  for (const name of V4_ONLY.split(' ')) delete fns[name];
  const withThis = (name, argc) => {
    const f = v4[name];
    return (...args) => {
      const a = args.slice(0, argc + 1);
      a[1] = callback(args[1], args[argc + 1]);
      return f(...a);
    };
  };
  for (const name of ['map', 'filter', 'reject', 'find', 'some', 'every', 'groupBy', 'countBy', 'partition',
    'findIndex', 'findLastIndex', 'findKey', 'findLastKey', 'mapValues', 'mapKeys', 'dropWhile', 'dropRightWhile',
    'takeWhile', 'takeRightWhile', 'remove']) {
    fns[name] = withThis(name, 1);
  }
  fns.findLast = (c, p, t) => { const list = isArrayLike(c) ? Array.from(c) : keys(c).map((k) => c[k]); const fn = callback(p, t); for (let i = list.length - 1; i >= 0; i--) if (fn(list[i])) return list[i]; return undefined; };
  fns.forEach = (c, it, t) => v4.forEach(c, typeof it === 'function' && t !== undefined ? it.bind(t) : it);
  fns.forEachRight = (c, it, t) => v4.forEachRight(c, typeof it === 'function' && t !== undefined ? it.bind(t) : it);
  fns.forIn = (o, it, t) => v4.forIn(o, typeof it === 'function' && t !== undefined ? it.bind(t) : it);
  fns.forOwn = (o, it, t) => v4.forOwn(o, typeof it === 'function' && t !== undefined ? it.bind(t) : it);
  fns.reduce = (c, it, ...rest) => v4.reduce(c, callback(it, rest[1]), ...rest.slice(0, 1));
  fns.reduceRight = (c, it, ...rest) => v4.reduceRight(c, callback(it, rest[1]), ...rest.slice(0, 1));
  fns.transform = (o, it, acc, t) => v4.transform(o, callback(it, t), acc);
  fns.times = (n, it, t) => v4.times(n, callback(it, t));
  fns.sortBy = (c, it, t) => baseOrderBy(c, [callback(it, t)]);
  fns.sortByAll = (c, ...its) => baseOrderBy(c, v4.flatten(its).map((i) => callback(i)));
  fns.sortByOrder = (c, its, orders) => baseOrderBy(c, (Array.isArray(its) ? its : [its]).map((i) => callback(i)),
    (Array.isArray(orders) ? orders : orders == null ? [] : [orders]).map((o) => (o === false || o === 'desc' ? 'desc' : 'asc')));
  fns.indexBy = (c, it, t) => v4.keyBy(c, callback(it, t));
  fns.max = (c, it, t) => extremum(c, it, t, true);
  fns.min = (c, it, t) => extremum(c, it, t, false);
  fns.sum = (c, it, t) => {
    const fn = callback(it, t);
    let total = 0;
    forEachOf(c, (v) => { total += +fn(v) || 0; });
    return total;
  };
  fns.uniq = (array, isSorted, it, t) => {
    if (!(array && array.length)) return [];
    if (isSorted != null && typeof isSorted !== 'boolean') {
      t = it;
      it = isSorted;
      isSorted = false;
    }
    const fn = it == null ? undefined : callback(it, t);
    if (isSorted) {
      const out = [];
      let last;
      array.forEach((v, i) => {
        const c = fn ? fn(v) : v;
        if (!i || c !== last) out.push(v);
        last = c;
      });
      return out;
    }
    return baseUniq(Array.from(array), fn);
  };
  fns.unique = fns.uniq;
  fns.flatten = (array, isDeep) => (isDeep ? v4.flattenDeep(array) : v4.flatten(array));
  fns.sortedIndex = (array, value, it, t) => v4.sortedIndexBy(array, value, callback(it, t));
  fns.sortedLastIndex = (array, value, it, t) => v4.sortedLastIndexBy(array, value, callback(it, t));
  fns.pluck = (c, path) => v4.map(c, property(path));
  fns.where = (c, source) => v4.filter(c, matches(source));
  fns.findWhere = (c, source) => v4.find(c, matches(source));
  fns.pairs = (o) => keys(o).map((k) => [k, o[k]]);
  fns.zipObject = (props, values) => {
    const out = {};
    (props || []).forEach((p, i) => {
      if (values) out[p] = values[i];
      else if (p) out[p[0]] = p[1];
    });
    return out;
  };
  fns.object = fns.zipObject;
  fns.padLeft = v4.padStart;
  fns.padRight = v4.padEnd;
  fns.trimLeft = v4.trimStart;
  fns.trimRight = v4.trimEnd;
  fns.trunc = (s, options) => v4.truncate(s, typeof options === 'object' && options ? options : options == null ? undefined : { length: options });
  fns.capitalize = (s) => { s = toStr(s); return s && s.charAt(0).toUpperCase() + s.slice(1); };
  fns.words = (s, pattern) => toStr(s).match(pattern || reWords3) || [];
  const compound = (fn) => (s) => (toStr(v4.deburr(s)).match(reWords3) || []).reduce((acc, w, i) => fn(acc, w, i), '');
  fns.camelCase = compound((acc, w, i) => { w = w.toLowerCase(); return acc + (i ? w.charAt(0).toUpperCase() + w.slice(1) : w); });
  fns.kebabCase = compound((acc, w, i) => acc + (i ? '-' : '') + w.toLowerCase());
  fns.snakeCase = compound((acc, w, i) => acc + (i ? '_' : '') + w.toLowerCase());
  fns.startCase = compound((acc, w, i) => acc + (i ? ' ' : '') + w.charAt(0).toUpperCase() + w.slice(1));
  fns.escape = (s) => v4.escape(s).replace(/`/g, '&#96;');
  fns.unescape = (s) => v4.unescape(toStr(s).replace(/&#96;/g, '`'));
  fns.pick = (object, ...rest) => {
    if (object == null) return {};
    if (typeof rest[0] === 'function') {
      const fn = callback(rest[0], rest[1]);
      const out = {};
      for (const k of keysIn(object)) if (fn(object[k], k, object)) out[k] = object[k];
      return out;
    }
    const out = {};
    const o = Object(object);
    for (const k of v4.flattenDeep(rest)) if (k in o) out[k] = o[k];
    return out;
  };
  fns.omit = (object, ...rest) => {
    if (object == null) return {};
    if (typeof rest[0] === 'function') {
      const fn = callback(rest[0], rest[1]);
      return fns.pick(object, (v, k, o) => !fn(v, k, o));
    }
    const drop = v4.flattenDeep(rest).map(String);
    const out = {};
    for (const k of keysIn(object)) if (!drop.includes(k)) out[k] = object[k];
    return out;
  };
  const lastFn = (args) => (typeof args[args.length - 1] === 'function' && args.length > 2 ? args.pop() : undefined);
  fns.assign = (object, ...sources) => {
    const c = lastFn([object, ...sources]) && sources.pop();
    return c ? v4.assignWith(object, ...sources, c) : v4.assign(object, ...sources);
  };
  fns.extend = fns.assign;
  fns.merge = (object, ...sources) => {
    const c = lastFn([object, ...sources]) && sources.pop();
    return c ? v4.mergeWith(object, ...sources, c) : v4.merge(object, ...sources);
  };
  fns.clone = (value, isDeep, customizer, t) => {
    if (typeof isDeep === 'function') {
      t = customizer;
      customizer = isDeep;
      isDeep = false;
    }
    const c = customizer ? callback(customizer, t) : undefined;
    return isDeep ? v4.cloneDeepWith(value, c) : v4.cloneWith(value, c);
  };
  fns.cloneDeep = (value, customizer, t) => v4.cloneDeepWith(value, customizer ? callback(customizer, t) : undefined);
  fns.isEqual = (a, b, customizer, t) => v4.isEqualWith(a, b, customizer ? callback(customizer, t) : undefined);
  fns.invert = (object, multiValue) => {
    if (!multiValue) return v4.invert(object);
    const out = {};
    for (const k of keys(object)) {
      const v = object[k];
      if (hasOwn(out, v)) out[v].push(k);
      else out[v] = [k];
    }
    return out;
  };
  fns.sample = (c, n) => (n == null ? v4.sample(c) : v4.sampleSize(c, n));
  fns.first = v4.head;
  fns.head = v4.head;
  fns.rest = v4.tail;
  fns.tail = v4.tail;
  fns.contains = v4.includes;
  fns.include = v4.includes;
  fns.all = fns.every;
  fns.any = fns.some;
  fns.collect = fns.map;
  fns.select = fns.filter;
  fns.detect = fns.find;
  fns.foldl = fns.reduce;
  fns.foldr = fns.reduceRight;
  fns.inject = fns.reduce;
  fns.methods = v4.functions;
  fns.backflow = v4.flowRight;
  fns.compose = v4.flowRight;
  fns.callback = callback;
  fns.iteratee = callback;
  fns.restParam = v4.rest;
  fns.modArgs = (func, ...transforms) => function (...args) {
    const ts = v4.flatten(transforms);
    return func.apply(this, args.map((a, i) => (ts[i] ? ts[i](a) : a)));
  };
  fns.support = {};
  const _ = buildLodash(fns, { version: '3.10.2', unwrapped: UNWRAPPED_V3 });
  _.templateSettings = makeSettings(_);
  _.template = makeTemplate(_);
  _.noConflict = () => _;
  _.runInContext = () => createLodash3();
  return _;
}

export default createLodash3();
