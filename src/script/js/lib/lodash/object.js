// lodash "Object": paths (get/set/has/unset/update), picking, assigning, merging, mapping.
import {
  hasOwn, isObject, isPlainObject, isArguments, isTypedArray, isArrayLike, isIndex, keys, keysIn,
  castPath, toKey, baseGet, hasPath, hasIn, eq, iteratee, tagOf, isPrototype,
} from './base.js';
import { baseClone } from './lang.js';

const flatPaths = (args) => args.flat(Infinity);
const unsafeKey = (k) => k === '__proto__';

function assignValue(object, key, value) {
  const old = object[key];
  if (!(hasOwn(object, key) && eq(old, value)) || (value === undefined && !(key in object))) {
    object[key] = value;
  }
}

export function baseSet(object, path, value, customizer) {
  if (!isObject(object)) return object;
  path = castPath(path, object);
  let nested = object;
  for (let i = 0; nested != null && i < path.length; i++) {
    const key = toKey(path[i]);
    if (unsafeKey(key) || key === 'constructor' || key === 'prototype') return object;
    let newValue = value;
    if (i !== path.length - 1) {
      const objValue = nested[key];
      newValue = customizer ? customizer(objValue, key, nested) : undefined;
      if (newValue === undefined) {
        newValue = isObject(objValue) ? objValue : isIndex(path[i + 1]) ? [] : {};
      }
    }
    assignValue(nested, key, newValue);
    nested = nested[key];
  }
  return object;
}

function baseUnset(object, path) {
  path = castPath(path, object);
  const parent = path.length < 2 ? object : baseGet(object, path.slice(0, -1));
  if (parent == null) return true;
  const key = toKey(path[path.length - 1]);
  return delete parent[key];
}

function basePickBy(object, paths, predicate) {
  const result = {};
  for (const path of paths) {
    const value = baseGet(object, path);
    if (predicate(value, path)) baseSet(result, castPath(path, object), value);
  }
  return result;
}

function allKeysIn(object) {
  const out = keysIn(object);
  for (let o = object; o != null; o = Object.getPrototypeOf(o)) {
    for (const s of Object.getOwnPropertySymbols(o)) {
      if (Object.prototype.propertyIsEnumerable.call(o, s)) out.push(s);
    }
  }
  return out;
}

export function baseMerge(object, source, customizer, stack) {
  if (object === source) return;
  stack = stack || new Map();
  const srcKeys = Array.isArray(source) || isTypedArray(source) ? keys(source) : keysIn(source);
  for (const key of srcKeys) {
    if (unsafeKey(key)) continue;
    const srcValue = source[key];
    if (isObject(srcValue)) {
      mergeDeep(object, source, key, customizer, stack);
      continue;
    }
    let newValue = customizer ? customizer(safeGet(object, key), srcValue, key + '', object, source, stack) : undefined;
    if (newValue === undefined) newValue = srcValue;
    assignMergeValue(object, key, newValue);
  }
}

function safeGet(object, key) {
  if (key === 'constructor' && typeof object[key] === 'function') return undefined;
  if (unsafeKey(key)) return undefined;
  return object[key];
}

function assignMergeValue(object, key, value) {
  if ((value !== undefined && !eq(object[key], value)) || (value === undefined && !(key in object))) {
    object[key] = value;
  }
}

function mergeDeep(object, source, key, customizer, stack) {
  const objValue = safeGet(object, key);
  const srcValue = safeGet(source, key);
  if (stack.has(srcValue)) {
    assignMergeValue(object, key, stack.get(srcValue));
    return;
  }
  let newValue = customizer ? customizer(objValue, srcValue, key + '', object, source, stack) : undefined;
  let isCommon = newValue === undefined;
  if (isCommon) {
    const isArr = Array.isArray(srcValue);
    const isTyped = !isArr && isTypedArray(srcValue);
    newValue = srcValue;
    if (isArr || isTyped) {
      if (Array.isArray(objValue)) newValue = objValue;
      else if (isObject(objValue) && isArrayLike(objValue)) newValue = Array.prototype.slice.call(objValue);
      else if (isTyped) newValue = new srcValue.constructor(srcValue);
      else newValue = [];
    } else if (isPlainObject(srcValue) || isArguments(srcValue)) {
      newValue = objValue;
      if (isArguments(objValue)) newValue = Object.assign({}, objValue);
      else if (!isObject(objValue) || typeof objValue === 'function') {
        newValue = isPrototype(srcValue) ? {} : Object.create(Object.getPrototypeOf(srcValue));
      }
    } else {
      isCommon = false;
    }
  }
  if (isCommon) {
    stack.set(srcValue, newValue);
    baseMerge(newValue, srcValue, customizer, stack);
    stack.delete(srcValue);
  }
  assignMergeValue(object, key, newValue);
}

function defaultsMerge(objValue, srcValue, key, object, source, stack) {
  if (isObject(objValue) && isObject(srcValue)) {
    stack.set(srcValue, objValue);
    baseMerge(objValue, srcValue, defaultsMerge, stack);
    stack.delete(srcValue);
  }
  return objValue;
}

function assignWithKeys(keyFn, withCustomizer) {
  return (object, ...sources) => {
    object = Object(object);
    let customizer;
    if (withCustomizer && sources.length > 1 && typeof sources[sources.length - 1] === 'function') customizer = sources.pop();
    for (const source of sources) {
      if (source == null) continue;
      for (const k of keyFn(source)) {
        const v = customizer ? customizer(object[k], source[k], k, object, source) : source[k];
        assignValue(object, k, v === undefined && customizer ? source[k] : v);
      }
    }
    return object;
  };
}

const forOwnKeys = (object, fn, keyFn = keys) => {
  if (object == null) return object;
  for (const k of keyFn(object)) if (fn(object[k], k, object) === false) break;
  return object;
};

function initAccumulator(object) {
  if (Array.isArray(object) || isTypedArray(object)) return new object.constructor();
  if (isObject(object) && typeof object.constructor === 'function' && !isPrototype(object)) {
    return Object.create(Object.getPrototypeOf(object));
  }
  return {};
}

const objectFns = {
  get(object, path, defaultValue) {
    const r = object == null ? undefined : baseGet(object, path);
    return r === undefined ? defaultValue : r;
  },
  set: (object, path, value) => (object == null ? object : baseSet(object, path, value)),
  setWith: (object, path, value, customizer) =>
    object == null ? object : baseSet(object, path, value, typeof customizer === 'function' ? customizer : undefined),
  has: (object, path) => object != null && hasPath(object, path, true),
  hasIn,
  unset: (object, path) => (object == null ? true : baseUnset(object, path)),
  update: (object, path, updater) => (object == null ? object : baseSet(object, path, updater(baseGet(object, path)))),
  updateWith: (object, path, updater, customizer) =>
    object == null ? object : baseSet(object, path, updater(baseGet(object, path)), customizer),
  pick: (object, ...paths) =>
    object == null ? {} : basePickBy(object, flatPaths(paths), (v, path) => hasIn(object, path)),
  pickBy(object, predicate) {
    if (object == null) return {};
    const fn = iteratee(predicate);
    return basePickBy(object, allKeysIn(object).map((k) => [k]), (v, path) => fn(v, path[0]));
  },
  omit(object, ...paths) {
    if (object == null) return {};
    paths = flatPaths(paths).map((p) => castPath(p, object));
    let result = {};
    for (const k of allKeysIn(object)) result[k] = object[k];
    if (paths.some((p) => p.length > 1)) {
      result = baseClone(result, true, (v) => (isPlainObject(v) ? undefined : v));
    }
    for (const p of paths) baseUnset(result, p);
    return result;
  },
  omitBy(object, predicate) {
    const fn = iteratee(predicate);
    return objectFns.pickBy(object, (v, k) => !fn(v, k));
  },
  keys,
  keysIn,
  values: (o) => keys(o).map((k) => Object(o)[k]),
  valuesIn: (o) => keysIn(o).map((k) => Object(o)[k]),
  toPairs(o) {
    const tag = tagOf(o);
    if (tag === '[object Map]') return [...o];
    if (tag === '[object Set]') return [...o].map((v) => [v, v]);
    return keys(o).map((k) => [k, o[k]]);
  },
  toPairsIn: (o) => keysIn(o).map((k) => [k, o[k]]),
  assign: assignWithKeys(keys),
  assignIn: assignWithKeys(keysIn),
  defaults(object, ...sources) {
    object = Object(object);
    for (const source of sources) {
      if (source == null) continue;
      for (const k of keysIn(source)) {
        const v = object[k];
        if (v === undefined || (eq(v, Object.prototype[k]) && !hasOwn(object, k))) object[k] = source[k];
      }
    }
    return object;
  },
  defaultsDeep(object, ...sources) {
    for (const s of sources) if (s != null) baseMerge(object, s, defaultsMerge);
    return object;
  },
  merge(object, ...sources) {
    object = Object(object);
    for (const s of sources) if (s != null) baseMerge(object, Object(s));
    return object;
  },
  mergeWith(object, ...sources) {
    object = Object(object);
    const customizer = typeof sources[sources.length - 1] === 'function' ? sources.pop() : undefined;
    for (const s of sources) if (s != null) baseMerge(object, Object(s), customizer);
    return object;
  },
  mapValues(object, fn) {
    fn = iteratee(fn);
    const out = {};
    forOwnKeys(object, (v, k, o) => { out[k] = fn(v, k, o); });
    return out;
  },
  mapKeys(object, fn) {
    fn = iteratee(fn);
    const out = {};
    forOwnKeys(object, (v, k, o) => { out[fn(v, k, o)] = v; });
    return out;
  },
  invert(object) {
    const out = {};
    forOwnKeys(object, (v, k) => {
      out[v != null && typeof v.toString !== 'function' ? Object.prototype.toString.call(v) : v] = k;
    });
    return out;
  },
  invertBy(object, fn) {
    fn = iteratee(fn);
    const out = {};
    forOwnKeys(object, (v, k) => {
      const key = fn(v);
      if (hasOwn(out, key)) out[key].push(k);
      else out[key] = [k];
    });
    return out;
  },
  findKey(object, predicate) {
    const fn = iteratee(predicate);
    let found;
    forOwnKeys(object, (v, k, o) => {
      if (fn(v, k, o)) { found = k; return false; }
      return undefined;
    });
    return found;
  },
  findLastKey(object, predicate) {
    const fn = iteratee(predicate);
    const ks = object == null ? [] : keys(object);
    for (let i = ks.length - 1; i >= 0; i--) if (fn(object[ks[i]], ks[i], object)) return ks[i];
    return undefined;
  },
  forOwn: (object, fn) => forOwnKeys(object, typeof fn === 'function' ? fn : (v) => v),
  forOwnRight(object, fn) {
    const ks = object == null ? [] : keys(object);
    for (let i = ks.length - 1; i >= 0; i--) if (fn(object[ks[i]], ks[i], object) === false) break;
    return object;
  },
  forIn: (object, fn) => forOwnKeys(object, typeof fn === 'function' ? fn : (v) => v, keysIn),
  forInRight(object, fn) {
    const ks = object == null ? [] : keysIn(object);
    for (let i = ks.length - 1; i >= 0; i--) if (fn(object[ks[i]], ks[i], object) === false) break;
    return object;
  },
  functions: (o) => (o == null ? [] : keys(o).filter((k) => typeof o[k] === 'function')),
  functionsIn: (o) => (o == null ? [] : keysIn(o).filter((k) => typeof o[k] === 'function')),
  result(object, path, defaultValue) {
    path = castPath(path, object);
    let i = -1;
    let n = path.length;
    if (!n) {
      n = 1;
      object = undefined;
    }
    while (++i < n) {
      let value = object == null ? undefined : object[toKey(path[i])];
      if (value === undefined) {
        i = n;
        value = defaultValue;
      }
      object = typeof value === 'function' ? value.call(object) : value;
    }
    return object;
  },
  at: (object, ...paths) => flatPaths(paths).map((p) => (object == null ? undefined : baseGet(object, p))),
  transform(object, fn, accumulator) {
    fn = iteratee(fn);
    if (accumulator === undefined) accumulator = initAccumulator(object);
    if (object == null) return accumulator;
    if (Array.isArray(object) || isTypedArray(object)) {
      for (let i = 0; i < object.length; i++) if (fn(accumulator, object[i], i, object) === false) break;
    } else {
      forOwnKeys(object, (v, k, o) => fn(accumulator, v, k, o));
    }
    return accumulator;
  },
  create(prototype, properties) {
    const out = Object.create(prototype == null ? Object.prototype : Object(prototype));
    return properties == null ? out : Object.assign(out, properties);
  },
  invoke(object, path, ...args) {
    path = castPath(path, object);
    const parent = path.length < 2 ? object : baseGet(object, path.slice(0, -1));
    const fn = parent == null ? undefined : parent[toKey(path[path.length - 1])];
    return fn == null ? undefined : fn.apply(parent, args);
  },
};
objectFns.extend = objectFns.assignIn;
objectFns.entries = objectFns.toPairs;
objectFns.entriesIn = objectFns.toPairsIn;
objectFns.assignWith = assignWithKeys(keys, true);
objectFns.assignInWith = assignWithKeys(keysIn, true);
objectFns.extendWith = objectFns.assignInWith;
export { objectFns as object };
