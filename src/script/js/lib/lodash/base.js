// Shared internals of our lodash: type tags, keys, paths, iteratees and deep equality, written
// from lodash's documented behaviour.

export const hasOwn = (o, k) => o != null && Object.prototype.hasOwnProperty.call(o, k);
export const tagOf = (v) => Object.prototype.toString.call(v);
export const isObject = (v) => v != null && (typeof v === 'object' || typeof v === 'function');
export const isObjectLike = (v) => v != null && typeof v === 'object';
export const isLength = (n) => typeof n === 'number' && n > -1 && n % 1 === 0 && n <= Number.MAX_SAFE_INTEGER;
export const isArrayLike = (v) => v != null && typeof v !== 'function' && isLength(v.length);
export const isIndex = (v, length = Number.MAX_SAFE_INTEGER) => {
  const t = typeof v;
  return length > 0 && (t === 'number' || (t !== 'symbol' && /^(?:0|[1-9]\d*)$/.test(v))) && v > -1 && v % 1 === 0 && v < length;
};
export const isArguments = (v) => isObjectLike(v) && tagOf(v) === '[object Arguments]';
export const isTypedArray = (v) => ArrayBuffer.isView(v) && !(v instanceof DataView);
export const isPlainObject = (v) => {
  if (!isObjectLike(v) || tagOf(v) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(v);
  if (proto === null) return true;
  const Ctor = hasOwn(proto, 'constructor') && proto.constructor;
  return typeof Ctor === 'function' && Ctor instanceof Ctor && Function.prototype.toString.call(Ctor) === Function.prototype.toString.call(Object);
};
export const isPrototype = (v) => {
  const Ctor = v && v.constructor;
  return v === ((typeof Ctor === 'function' && Ctor.prototype) || Object.prototype);
};

/** Own enumerable string keys; array-likes list their indexes first. */
export function keys(object) {
  if (object == null) return [];
  if (isArrayLike(object) && (Array.isArray(object) || typeof object === 'string' || isArguments(object) || isTypedArray(object))) {
    return arrayLikeKeys(object, false);
  }
  const o = Object(object);
  if (isPrototype(o)) return Object.keys(o).filter((k) => k !== 'constructor');
  return Object.keys(o);
}

/** Own and inherited enumerable string keys. */
export function keysIn(object) {
  if (object == null) return [];
  if (isArrayLike(object) && (Array.isArray(object) || typeof object === 'string' || isArguments(object) || isTypedArray(object))) {
    return arrayLikeKeys(object, true);
  }
  const out = [];
  const proto = isPrototype(Object(object));
  for (const k in Object(object)) if (!(k === 'constructor' && (proto || !hasOwn(object, k)))) out.push(k);
  return out;
}

function arrayLikeKeys(value, inherited) {
  const n = value.length;
  const out = [];
  for (let i = 0; i < n; i++) out.push(String(i));
  const o = Object(value);
  if (inherited) {
    for (const k in o) if (!(isIndex(k, n) || (Array.isArray(value) && k === 'length'))) out.push(k);
  } else {
    for (const k of Object.keys(o)) if (!isIndex(k, n)) out.push(k);
  }
  return out;
}

export const values = (object) => keys(object).map((k) => Object(object)[k]);

// ---- paths ----------------------------------------------------------------------------------

/** `'a[0].b["c"]'` → `['a', '0', 'b', 'c']`, as lodash's toPath reads it: runs of plain
 * characters, `[number]`, quoted `["key"]`, and an empty key where a dot or `[]` is followed by
 * another or by the end. */
export function stringToPath(string) {
  const s = String(string);
  const out = [];
  if (s.charCodeAt(0) === 46) out.push('');
  const emptyHere = (i) => /^(?:\.|\[\])(?:\.|\[\]|$)/.test(s.slice(i));
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c !== '.' && c !== '[' && c !== ']') {
      let j = i;
      while (j < s.length && s[j] !== '.' && s[j] !== '[' && s[j] !== ']') j++;
      out.push(s.slice(i, j));
      i = j;
      continue;
    }
    if (c === '[') {
      const num = /^\[(-?\d+(?:\.\d+)?)\]/.exec(s.slice(i));
      if (num) {
        out.push(num[1]);
        i += num[0].length;
        continue;
      }
      const q = s[i + 1];
      if (q === '"' || q === "'") {
        let j = i + 2;
        let inner = '';
        let closed = false;
        while (j < s.length) {
          if (s[j] === '\\' && j + 1 < s.length) {
            inner += s[j + 1];
            j += 2;
            continue;
          }
          if (s[j] === q) {
            closed = s[j + 1] === ']';
            break;
          }
          inner += s[j];
          j++;
        }
        if (closed) {
          out.push(inner);
          i = j + 2;
          continue;
        }
      }
    }
    if (emptyHere(i)) out.push('');
    i++;
  }
  return out;
}

const reIsDeepProp = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/;
const reIsPlainProp = /^\w*$/;

/** Whether `value` names one property rather than a path. */
export function isKey(value, object) {
  if (Array.isArray(value)) return false;
  const t = typeof value;
  if (t === 'number' || t === 'symbol' || t === 'boolean' || value == null) return true;
  return reIsPlainProp.test(value) || !reIsDeepProp.test(value) || (object != null && value in Object(object));
}

export const toKey = (v) => (typeof v === 'symbol' ? v : Object.is(v, -0) ? '-0' : String(v));

export function castPath(value, object) {
  if (Array.isArray(value)) return value;
  return isKey(value, object) ? [value] : stringToPath(toStr(value));
}

export function baseGet(object, path) {
  path = castPath(path, object);
  let i = 0;
  const n = path.length;
  while (object != null && i < n) object = object[toKey(path[i++])];
  return i && i === n ? object : undefined;
}

export function toStr(v) {
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((x) => (x == null ? x : toStr(x))).join(',');
  if (typeof v === 'symbol') return v.toString();
  const s = String(v);
  return s === '0' && 1 / v === -Infinity ? '-0' : s;
}

// ---- equality -------------------------------------------------------------------------------

export const eq = (a, b) => a === b || (a !== a && b !== b);

export function isEqualWith(a, b, customizer, stack) {
  if (customizer) {
    const r = customizer(a, b);
    if (r !== undefined) return !!r;
  }
  if (a === b) return true;
  if (a == null || b == null || (!isObjectLike(a) && !isObjectLike(b))) return a !== a && b !== b;
  const ta = tagOf(a);
  const tb = tagOf(b);
  if (ta !== tb) return false;
  switch (ta) {
    case '[object Number]':
    case '[object Boolean]':
    case '[object Date]':
      return eq(+a, +b);
    case '[object String]':
    case '[object RegExp]':
      return String(a) === String(b);
    case '[object Error]':
      return a.name === b.name && a.message === b.message;
    case '[object Symbol]':
      return Symbol.prototype.valueOf.call(a) === Symbol.prototype.valueOf.call(b);
    default:
  }
  stack = stack || [];
  for (const [x, y] of stack) if (x === a) return y === b;
  stack.push([a, b]);
  try {
    if (ta === '[object Map]' || ta === '[object Set]') {
      if (a.size !== b.size) return false;
      const xs = [...a];
      const ys = [...b];
      return xs.every((x) => ys.some((y) => isEqualWith(x, y, customizer, stack)));
    }
    if (Array.isArray(a) || isTypedArray(a)) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!isEqualWith(a[i], b[i], customizer, stack)) return false;
      return true;
    }
    const ka = keys(a);
    const kb = keys(b);
    if (ka.length !== kb.length) return false;
    for (const k of ka) {
      if (!hasOwn(b, k) || !isEqualWith(a[k], b[k], customizer, stack)) return false;
    }
    const ca = a.constructor;
    const cb = b.constructor;
    if (ca !== cb && 'constructor' in a && 'constructor' in b &&
      !(typeof ca === 'function' && ca instanceof ca && typeof cb === 'function' && cb instanceof cb)) {
      return false;
    }
    return true;
  } finally {
    stack.pop();
  }
}

export const isEqual = (a, b) => isEqualWith(a, b);

/** Partial deep match: every property of `source` is in `object` (arrays: contained). */
export function isMatch(object, source) {
  if (object === source) return true;
  const ks = keys(source);
  if (object == null) return !ks.length;
  const o = Object(object);
  for (const k of ks) {
    if (!(k in o)) return false;
    if (!matchValue(o[k], source[k])) return false;
  }
  return true;
}

function matchValue(v, s) {
  if (isObject(s) && !(typeof s === 'function')) {
    if (Array.isArray(s)) {
      if (!Array.isArray(v)) return false;
      return s.every((x) => v.some((y) => matchValue(y, x)));
    }
    if (!isPlainObject(s)) return isEqual(v, s);
    return isObject(v) && isMatch(v, s);
  }
  return eq(v, s);
}

// ---- iteratees ------------------------------------------------------------------------------

export const identity = (v) => v;
export const property = (path) => {
  if (isKey(path)) {
    const k = toKey(path);
    return (o) => (o == null ? undefined : o[k]);
  }
  return (o) => baseGet(o, path);
};
export const matches = (source) => {
  const copy = cloneSimple(source);
  return (o) => isMatch(o, copy);
};
export const matchesProperty = (path, srcValue) => (o) => {
  const v = baseGet(o, path);
  return v === undefined && v === srcValue ? hasIn(o, path) : matchValue(v, srcValue);
};

function cloneSimple(v) {
  if (Array.isArray(v)) return v.map(cloneSimple);
  if (isPlainObject(v)) {
    const o = {};
    for (const k of Object.keys(v)) o[k] = cloneSimple(v[k]);
    return o;
  }
  return v;
}

export function hasPath(object, path, own) {
  path = castPath(path, object);
  let result = false;
  let i = 0;
  const n = path.length;
  for (; i < n; i++) {
    const key = toKey(path[i]);
    result = object != null && (own ? hasOwn(object, key) : key in Object(object));
    if (!result) break;
    object = object[key];
  }
  if (result || i !== n) return result;
  const len = object == null ? 0 : object.length;
  return !!len && isLength(len) && isIndex(path[n - 1], len) && (Array.isArray(object) || isArguments(object));
}
export const hasIn = (o, p) => o != null && hasPath(o, p, false);

/** lodash 4's `_.iteratee`: functions as they are, strings/numbers as property getters, arrays
 * as `[path, value]` matchers, objects as partial matchers. */
export function iteratee(value) {
  if (typeof value === 'function') return value;
  if (value == null) return identity;
  if (typeof value === 'object') {
    return Array.isArray(value) ? matchesProperty(value[0], value[1]) : matches(value);
  }
  return property(value);
}

// ---- iteration ------------------------------------------------------------------------------

/** Calls `fn(value, key, collection)` over an array-like (by index) or object (own keys);
 * stops when `fn` returns false. */
export function forEachOf(collection, fn) {
  if (collection == null) return collection;
  if (isArrayLike(collection)) {
    const c = typeof collection === 'string' ? collection.split('') : collection;
    for (let i = 0; i < collection.length; i++) if (fn(c[i], i, collection) === false) break;
  } else {
    const o = Object(collection);
    for (const k of keys(o)) if (fn(o[k], k, collection) === false) break;
  }
  return collection;
}

export function toArrayish(collection) {
  if (collection == null) return [];
  if (typeof collection === 'string') return collection.split('');
  if (isArrayLike(collection)) return Array.prototype.slice.call(collection);
  return values(collection);
}

export const toNumber = (v) => {
  if (typeof v === 'number') return v;
  if (typeof v === 'symbol') return NaN;
  if (isObject(v)) {
    const other = typeof v.valueOf === 'function' ? v.valueOf() : v;
    v = isObject(other) ? String(other) : other;
  }
  if (typeof v !== 'string') return v === 0 ? v : +v;
  v = v.trim();
  if (/^0b[01]+$/i.test(v)) return parseInt(v.slice(2), 2);
  if (/^0o[0-7]+$/i.test(v)) return parseInt(v.slice(2), 8);
  if (/^[-+]0x[0-9a-f]+$/i.test(v)) return NaN;
  return +v;
};
export const toFinite = (v) => {
  if (!v) return v === 0 ? v : 0;
  v = toNumber(v);
  if (v === Infinity || v === -Infinity) return (v < 0 ? -1 : 1) * Number.MAX_VALUE;
  return v === v ? v : 0;
};
export const toInteger = (v) => {
  const r = toFinite(v);
  const rem = r % 1;
  return r === r ? (rem ? r - rem : r) : 0;
};
