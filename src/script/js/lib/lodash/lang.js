// lodash "Lang": type checks, conversions and cloning.
import {
  tagOf, isObject, isObjectLike, isLength, isArrayLike, isArguments, isTypedArray, isPlainObject,
  keys, hasOwn, isPrototype, eq, isEqual, isEqualWith, isMatch, toNumber, toFinite, toInteger, toStr,
} from './base.js';

const tagIs = (tag) => (v) => isObjectLike(v) && tagOf(v) === tag;

export const lang = {
  isArray: Array.isArray,
  isArguments,
  isArrayLike,
  isArrayLikeObject: (v) => isObjectLike(v) && isArrayLike(v),
  isBoolean: (v) => v === true || v === false || tagIs('[object Boolean]')(v),
  isBuffer: () => false,
  isDate: tagIs('[object Date]'),
  isElement: (v) => isObjectLike(v) && v.nodeType === 1 && !isPlainObject(v),
  isEmpty(v) {
    if (v == null) return true;
    if (isArrayLike(v) && (Array.isArray(v) || typeof v === 'string' || typeof v.splice === 'function' || isTypedArray(v) || isArguments(v))) {
      return !v.length;
    }
    const tag = tagOf(v);
    if (tag === '[object Map]' || tag === '[object Set]') return !v.size;
    if (isPrototype(v)) return !Object.keys(v).filter((k) => k !== 'constructor').length;
    for (const k in v) if (hasOwn(v, k)) return false;
    return true;
  },
  isEqual,
  isEqualWith: (a, b, c) => isEqualWith(a, b, typeof c === 'function' ? c : undefined),
  isError: (v) => isObjectLike(v) && (tagOf(v) === '[object Error]' || (typeof v.message === 'string' && typeof v.name === 'string' && !isPlainObject(v))),
  isFinite: (v) => typeof v === 'number' && Number.isFinite(v),
  isFunction: (v) => typeof v === 'function',
  isInteger: (v) => typeof v === 'number' && v === toInteger(v),
  isLength,
  isMap: tagIs('[object Map]'),
  isMatch,
  isNaN: (v) => (typeof v === 'number' || tagIs('[object Number]')(v)) && v != +v,
  isNative: (v) => typeof v === 'function' && /\{\s*\[native code\]\s*\}/.test(Function.prototype.toString.call(v)),
  isNil: (v) => v == null,
  isNull: (v) => v === null,
  isNumber: (v) => typeof v === 'number' || tagIs('[object Number]')(v),
  isObject,
  isObjectLike,
  isPlainObject,
  isRegExp: tagIs('[object RegExp]'),
  isSafeInteger: (v) => Number.isSafeInteger(v),
  isSet: tagIs('[object Set]'),
  isString: (v) => typeof v === 'string' || (!Array.isArray(v) && tagIs('[object String]')(v)),
  isSymbol: (v) => typeof v === 'symbol' || tagIs('[object Symbol]')(v),
  isTypedArray,
  isUndefined: (v) => v === undefined,
  isWeakMap: tagIs('[object WeakMap]'),
  isWeakSet: tagIs('[object WeakSet]'),
  eq,
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
  castArray: (...args) => (!args.length ? [] : Array.isArray(args[0]) ? args[0] : [args[0]]),
  toArray(v) {
    if (!v) return [];
    if (typeof v === 'string') return Array.from(v);
    if (isArrayLike(v)) return Array.prototype.slice.call(v);
    const tag = tagOf(v);
    if (tag === '[object Map]') return [...v];
    if (tag === '[object Set]') return [...v];
    return keys(v).map((k) => v[k]);
  },
  toNumber,
  toFinite,
  toInteger,
  toSafeInteger: (v) => (v ? Math.min(Math.max(toInteger(v), -Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER) : v === 0 ? v : 0),
  toLength: (v) => (v ? Math.min(Math.max(toInteger(v), 0), 4294967295) : 0),
  toString: toStr,
  toPlainObject(v) {
    const out = {};
    for (const k in Object(v)) out[k] = v[k];
    return out;
  },
  clone: (v) => baseClone(v, false),
  cloneDeep: (v) => baseClone(v, true),
  cloneWith: (v, c) => baseClone(v, false, c),
  cloneDeepWith: (v, c) => baseClone(v, true, c),
};

/** lodash's clone: arrays, plain and class objects (keeping the prototype), dates, regexps,
 * maps, sets, typed arrays, boxed primitives; functions and errors become `{}` at the top and
 * stay as they are inside. */
export function baseClone(value, deep, customizer, key, parent, stack) {
  if (customizer) {
    const r = parent ? customizer(value, key, parent, stack) : customizer(value);
    if (r !== undefined) return r;
  }
  if (!isObject(value)) return value;
  stack = stack || new Map();
  if (stack.has(value)) return stack.get(value);
  const tag = tagOf(value);
  const sub = (v, k, p) => (deep ? baseClone(v, deep, customizer, k, p, stack) : v);
  let out;
  if (Array.isArray(value)) {
    out = new Array(value.length);
    stack.set(value, out);
    for (let i = 0; i < value.length; i++) out[i] = sub(value[i], i, value);
    if (typeof value.index === 'number' && typeof value.input === 'string') {
      out.index = value.index;
      out.input = value.input;
    }
    return out;
  }
  if (typeof value === 'function' || tag === '[object Error]' || tag === '[object WeakMap]') {
    return parent ? value : {};
  }
  switch (tag) {
    case '[object Date]':
      return new Date(+value);
    case '[object RegExp]': {
      const r = new RegExp(value.source, value.flags);
      r.lastIndex = value.lastIndex;
      return r;
    }
    case '[object Number]':
    case '[object String]':
    case '[object Boolean]':
      return Object(value.valueOf());
    case '[object Map]':
      out = new Map();
      stack.set(value, out);
      value.forEach((v, k) => out.set(k, sub(v, k, value)));
      return out;
    case '[object Set]':
      out = new Set();
      stack.set(value, out);
      value.forEach((v) => out.add(sub(v, v, value)));
      return out;
    case '[object ArrayBuffer]':
      return value.slice(0);
    default:
  }
  if (isTypedArray(value)) return new value.constructor(value);
  out = isArguments(value) ? {} : Object.create(isPrototype(value) ? Object.prototype : Object.getPrototypeOf(value));
  stack.set(value, out);
  for (const k of Object.keys(value)) out[k] = sub(value[k], k, value);
  for (const s of Object.getOwnPropertySymbols(value)) {
    if (Object.prototype.propertyIsEnumerable.call(value, s)) out[s] = sub(value[s], s, value);
  }
  return out;
}
