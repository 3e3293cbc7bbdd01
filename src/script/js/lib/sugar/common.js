// Helpers shared by the sugar 1.4 modules: defining methods, class checks, sugar's "egal"
// equality (Object.equal), its fuzzy element matching (Array#any/none/findAll/…, "array
// matching" in sugar's docs) and the string/function shortcuts of map-like methods.

const toStr = Object.prototype.toString;
const hasOwnProp = Object.prototype.hasOwnProperty;

export const hasOwn = (o, k) => o != null && hasOwnProp.call(o, k);
export const classOf = (v) => toStr.call(v);
export const isRegExp = (v) => classOf(v) === '[object RegExp]';
export const isArray = Array.isArray;

/** An object literal (or one whose constructor is Object), as sugar's `Object.isObject`. */
export function isPlainObject(v) {
  if (classOf(v) !== '[object Object]') return false;
  const ctor = v.constructor;
  return typeof ctor === 'function' && !hasOwn(v, 'constructor') && hasOwn(ctor.prototype, 'isPrototypeOf');
}

/** Installs `methods` ({name: fn}) on `target` as sugar does: non-enumerable, writable. A
 * value already there (a native method, or one a script assigned) is kept; the lazy accessors
 * of prelude/sugar.js are replaced. */
export function define(target, methods) {
  for (const name of Object.keys(methods)) {
    const existing = Object.getOwnPropertyDescriptor(target, name);
    if (existing && !existing.get) continue;
    Object.defineProperty(target, name, { value: methods[name], writable: true, configurable: true, enumerable: false });
  }
}

/** sugar's `Object.equal`: "egal" deep equality (0 !== -0, NaN equals NaN, plain objects and
 * arrays compared by own keys, dates by time, regexps by text; other objects by identity). */
export function equal(a, b, stack) {
  if (a === b) return a !== 0 || 1 / a === 1 / b;
  if (typeof a !== typeof b) return false;
  if (typeof a === 'number') return a !== a && b !== b;
  if (a === null || b === null || typeof a !== 'object') return false;
  const ca = classOf(a);
  if (ca !== classOf(b)) return false;
  switch (ca) {
    case '[object Date]':
    case '[object Number]':
    case '[object String]':
    case '[object Boolean]':
      return equal(a.valueOf(), b.valueOf());
    case '[object RegExp]':
      return String(a) === String(b);
    case '[object Array]':
    case '[object Arguments]':
      return equalKeys(a, b, stack, true);
    case '[object Object]':
      return isPlainObject(a) && isPlainObject(b) && equalKeys(a, b, stack, false);
    default:
      return false;
  }
}

function equalKeys(a, b, stack, indexed) {
  stack = stack || [];
  for (const [x, y] of stack) if (x === a && y === b) return true;
  stack.push([a, b]);
  try {
    if (indexed) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i], stack)) return false;
      return true;
    }
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (const k of ka) if (!hasOwn(b, k) || !equal(a[k], b[k], stack)) return false;
    return true;
  } finally {
    stack.pop();
  }
}

/** sugar's fuzzy matcher for `f`: a function is called, a regexp tests the element's text, an
 * object matches elements having (recursively) matching values, arrays and dates compare
 * deeply, other values with === (NaN matching NaN). Returns (el, i, arr) => boolean. */
export function matcher(f, context) {
  if (typeof f === 'function') return (el, i, arr) => !!f.call(context, el, i, arr);
  if (isRegExp(f)) return (el) => f.test(el);
  if (classOf(f) === '[object Object]' && f !== null) return (el) => matchObject(el, f);
  if (f !== null && typeof f === 'object') return (el) => equal(el, f);
  return (el) => el === f || (f !== f && el !== el);
}

function matchObject(el, f) {
  if (el === null || (typeof el !== 'object' && typeof el !== 'function')) return false;
  for (const key in f) {
    if (!matcher(f[key])(el[key])) return false;
  }
  return true;
}

/** The mapping shortcut of map/min/max/sortBy/groupBy/…: a function is called with
 * (el, i, arr); another value names a property (a method is called); null/undefined = identity. */
export function mapper(map, context) {
  if (typeof map === 'function') return (el, i, arr) => map.call(context, el, i, arr);
  if (map == null) return (el) => el;
  return (el) => {
    const v = el[map];
    return typeof v === 'function' ? v.call(el) : v;
  };
}

/** Elements of an array-like, with holes skipped (sugar iterates own indexes only). */
export function eachIndex(arr, fn) {
  const n = arr.length;
  for (let i = 0; i < n; i++) {
    if (i in arr && fn(arr[i], i) === false) return;
  }
}

/** Flattens the arguments (arrays spread one level) into one list. */
export function flatArgs(args) {
  const out = [];
  for (const a of args) {
    if (isArray(a)) out.push(...a);
    else out.push(a);
  }
  return out;
}

const NEGATIVE_ZERO = Symbol('-0');

/** The elements of `list` without repeats (egal: deep for arrays and objects, NaN once, 0 and
 * -0 apart), compared by `map(el)` when given. */
export function uniqueBy(list, map) {
  const out = [];
  const objects = [];
  const primitives = new Set();
  for (let i = 0; i < list.length; i++) {
    const el = list[i];
    const key = map ? map(el, i, list) : el;
    if (key !== null && typeof key === 'object') {
      if (objects.some((seen) => equal(seen, key))) continue;
      objects.push(key);
    } else {
      const tag = key === 0 && 1 / key < 0 ? NEGATIVE_ZERO : key;
      if (primitives.has(tag)) continue;
      primitives.add(tag);
    }
    out.push(el);
  }
  return out;
}
