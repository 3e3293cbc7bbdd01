// sugar 1.4 Object class methods: type checks (Object.isString …), equal, merge, clone, each,
// the enumerable methods over an object's values (Object.any/map/sum/min/findAll …, callbacks
// get (key, value)), select/reject, query strings and Object.extended (a hash whose prototype
// carries the same methods).
import {
  define, classOf, equal, matcher, isPlainObject, hasOwn, isRegExp, isArray,
} from './common.js';
import { arrayMethods } from './array.js';

const keysOf = (o) => (o == null ? [] : Object.keys(Object(o)));

/** A map shortcut over values: functions get (key, value), other values name a property. */
function valueMapper(obj, map) {
  if (typeof map === 'function') return (key) => map.call(obj, key, obj[key]);
  if (map == null) return (key) => obj[key];
  return (key) => {
    const v = obj[key] == null ? undefined : obj[key][map];
    return typeof v === 'function' ? v.call(obj[key]) : v;
  };
}

/** A matcher over an object's entries: functions get (key, value), others match the value. */
function entryTest(obj, f) {
  if (typeof f === 'function') return (key) => !!f.call(obj, key, obj[key]);
  const test = matcher(f);
  return (key) => test(obj[key]);
}

function pickKeys(obj, finds, keep) {
  const tests = [];
  for (const f of finds.flat()) {
    if (isRegExp(f)) tests.push((k) => f.test(k));
    else if (f !== null && typeof f === 'object') tests.push((k) => hasOwn(f, k));
    else tests.push((k) => k === String(f));
  }
  const out = {};
  for (const k of keysOf(obj)) {
    if (tests.some((t) => t(k)) === keep) out[k] = obj[k];
  }
  return out;
}

/** Keys with the extreme mapped value (min/max) or by frequency (least/most). */
function pickBy(obj, map, all, choose) {
  const m = valueMapper(obj, map);
  const keys = keysOf(obj);
  const mapped = keys.map((k) => m(k));
  const chosen = choose.call(mapped, (v) => v, true);
  const out = {};
  keys.forEach((k, i) => {
    if (chosen.includes(mapped[i])) out[k] = obj[k];
  });
  return all ? out : Object.keys(out)[0];
}

export function merge(target, source, deep, resolve) {
  if (target === null || typeof target !== 'object' || source === null || typeof source !== 'object') return target;
  for (const key of Object.keys(source)) {
    const value = source[key];
    const conflict = hasOwn(target, key) && target[key] !== undefined;
    if (deep && value !== null && typeof value === 'object') {
      if (classOf(value) === '[object Date]') target[key] = new Date(value.getTime());
      else if (isRegExp(value)) target[key] = new RegExp(value.source, value.flags);
      else {
        const into = target[key] !== null && typeof target[key] === 'object' ? target[key] : isArray(value) ? [] : {};
        target[key] = merge(into, value, true, resolve);
      }
    } else if (conflict && resolve === false) {
      continue;
    } else if (conflict && typeof resolve === 'function') {
      target[key] = resolve.call(source, key, target[key], value);
    } else {
      target[key] = value;
    }
  }
  return target;
}

export function clone(obj, deep) {
  if (obj === null || typeof obj !== 'object') return obj;
  if (classOf(obj) === '[object Date]') return new Date(obj.getTime());
  if (isRegExp(obj)) return new RegExp(obj.source, obj.flags);
  const out = isArray(obj) ? [] : Object.create(Object.getPrototypeOf(obj));
  return merge(out, obj, !!deep);
}

function encode(s) {
  return encodeURIComponent(s).replace(/%20/g, '+');
}

function toQueryString(obj, namespace) {
  const parts = [];
  const add = (name, value) => {
    if (value !== null && typeof value === 'object' && classOf(value) !== '[object Date]') {
      for (const k of Object.keys(value)) add(`${name}[${k}]`, value[k]);
    } else {
      const v = value == null ? '' : classOf(value) === '[object Date]' ? value.getTime() : value;
      parts.push(encode(name) + '=' + encode(v));
    }
  };
  if (obj !== null && typeof obj === 'object') {
    for (const k of Object.keys(obj)) add(namespace ? `${namespace}[${k}]` : k, obj[k]);
  }
  return parts.join('&');
}

function fromQueryString(str, booleans) {
  const out = {};
  const query = String(str).replace(/^[^?]*\?/, '');
  for (const pair of query.split('&')) {
    const parts = pair.split('=');
    if (parts.length !== 2) continue;
    let value = decodeURIComponent(parts[1]);
    if (booleans && (value === 'true' || value === 'false')) value = value === 'true';
    const path = parts[0].split(/\]?\[/).map((p) => p.replace(/\]$/, ''));
    let node = out;
    for (let i = 0; i < path.length; i++) {
      const key = path[i];
      const last = i === path.length - 1;
      if (last) {
        if (key === '' && isArray(node)) node.push(value);
        else node[key] = value;
      } else {
        const next = path[i + 1];
        if (!hasOwn(node, key) || node[key] === null || typeof node[key] !== 'object') node[key] = next === '' || /^\d+$/.test(next) ? [] : {};
        node = node[key];
      }
    }
  }
  return out;
}

const enumerable = {
  each(obj, fn) {
    if (typeof fn !== 'function') throw new TypeError('Callback is not callable');
    for (const k of keysOf(obj)) if (fn.call(obj, k, obj[k], obj) === false) break;
    return obj;
  },
  map(obj, map) {
    const m = valueMapper(obj, map);
    const out = {};
    for (const k of keysOf(obj)) out[k] = m(k);
    return out;
  },
  reduce(obj, fn, init) {
    const values = keysOf(obj).map((k) => obj[k]);
    return arguments.length > 2 ? values.reduce(fn, init) : values.reduce(fn);
  },
  size(obj) { return keysOf(obj).length; },
  any(obj, f) { return keysOf(obj).some(entryTest(obj, f)); },
  all(obj, f) { return keysOf(obj).every(entryTest(obj, f)); },
  none(obj, f) { return !keysOf(obj).some(entryTest(obj, f)); },
  count(obj, f) { return keysOf(obj).filter(entryTest(obj, f)).length; },
  find(obj, f) { return keysOf(obj).find(entryTest(obj, f)); },
  findAll(obj, f) {
    const out = {};
    const test = entryTest(obj, f);
    for (const k of keysOf(obj)) if (test(k)) out[k] = obj[k];
    return out;
  },
  isEmpty(obj) {
    if (obj == null || typeof obj === 'number' || typeof obj === 'boolean') return true;
    return typeof obj === 'string' || isArray(obj) ? obj.length === 0 : keysOf(obj).length === 0;
  },
  sum(obj, map) { const m = valueMapper(obj, map); return arrayMethods.sum.call(keysOf(obj).map(m)); },
  average(obj, map) { const m = valueMapper(obj, map); return arrayMethods.average.call(keysOf(obj).map(m)); },
  min(obj, map, all) { return pickBy(obj, map, all, arrayMethods.min); },
  max(obj, map, all) { return pickBy(obj, map, all, arrayMethods.max); },
  least(obj, map, all) { return pickBy(obj, map, all, arrayMethods.least); },
  most(obj, map, all) { return pickBy(obj, map, all, arrayMethods.most); },
  merge,
  clone,
  equal: (a, b) => equal(a, b),
  has(obj, key) { return hasOwn(obj, key); },
  select(obj, ...finds) { return pickKeys(obj, finds, true); },
  reject(obj, ...finds) { return pickKeys(obj, finds, false); },
  tap(obj, fn) {
    if (typeof fn === 'function') fn.call(obj, obj);
    else if (obj != null && typeof obj[fn] === 'function') obj[fn]();
    return obj;
  },
  toQueryString,
  watch(obj, prop, fn) {
    let value = obj[prop];
    Object.defineProperty(obj, prop, {
      enumerable: true,
      configurable: true,
      get: () => value,
      set: (v) => { value = fn.call(obj, prop, value, v); },
    });
  },
};

const typeChecks = {
  isObject: (v) => isPlainObject(v),
  isArray: (v) => isArray(v),
  isString: (v) => classOf(v) === '[object String]',
  isNumber: (v) => classOf(v) === '[object Number]',
  isBoolean: (v) => classOf(v) === '[object Boolean]',
  isDate: (v) => classOf(v) === '[object Date]',
  isRegExp: (v) => isRegExp(v),
  isFunction: (v) => typeof v === 'function',
  isNaN: (v) => classOf(v) === '[object Number]' && Number.isNaN(Number(v)),
};

/** Object.extended(obj): a copy whose prototype has the enumerable methods as instance methods. */
function makeHash() {
  function Hash(obj) {
    if (obj != null) Object.assign(this, Object(obj));
  }
  const proto = {};
  const names = 'all any average clone count each find findAll has isEmpty least map max merge min most none reduce reject select size sum tap toQueryString watch';
  for (const name of names.split(' ')) {
    proto[name] = function (...args) {
      const r = enumerable[name](this, ...args);
      return name === 'clone' ? new Hash(r) : r;
    };
  }
  proto.equals = function (other) { return equal(Object.assign({}, this), other); };
  proto.keys = function (fn) { const k = Object.keys(this); if (typeof fn === 'function') k.forEach((key) => fn.call(this, key, this[key])); return k; };
  proto.values = function (fn) { const v = Object.values(this); if (typeof fn === 'function') v.forEach((x) => fn.call(this, x)); return v; };
  define(Hash.prototype, proto);
  return Hash;
}

let Hash;

export function installObject() {
  define(Object, enumerable);
  define(Object, typeChecks);
  define(Object, {
    fromQueryString,
    extended(obj) {
      Hash = Hash || makeHash();
      return new Hash(obj);
    },
  });
}
