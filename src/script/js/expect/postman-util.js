// Small value helpers the Postman assertions need, with the semantics Postman's assertions get
// from lodash 4: isNumber, isString, isPlainObject, isEqual (structural equality), has / get
// (property paths such as 'a.b[0].c' or 'a["x.y"]').

const objectToString = Object.prototype.toString;
const hasOwn = Object.prototype.hasOwnProperty;

export function isNumber(value) {
  return typeof value === 'number' || (typeof value === 'object' && value !== null && objectToString.call(value) === '[object Number]');
}

export function isString(value) {
  return typeof value === 'string' || (typeof value === 'object' && value !== null && !Array.isArray(value) && objectToString.call(value) === '[object String]');
}

export function isPlainObject(value) {
  if (typeof value !== 'object' || value === null || objectToString.call(value) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const ctor = hasOwn.call(proto, 'constructor') && proto.constructor;
  return typeof ctor === 'function' && Function.prototype.toString.call(ctor) === Function.prototype.toString.call(Object);
}

function ownEnumerable(obj) {
  const keys = Object.keys(obj);
  for (const sym of Object.getOwnPropertySymbols(obj)) {
    if (Object.prototype.propertyIsEnumerable.call(obj, sym)) keys.push(sym);
  }
  return keys;
}

// Structural equality: === (so +0 equals -0), NaN equals NaN, same-tag objects compared by
// content (arrays by items, plain objects and instances by own enumerable keys with compatible
// constructors, Dates by time, RegExps and boxed values by value, Maps and Sets by entries in
// order, Errors by name and message). Cycles compare as equal.
export function isEqual(a, b, stack = []) {
  if (a === b) return true;
  if (a == null || b == null || (typeof a !== 'object' && typeof b !== 'object')) {
    return a !== a && b !== b;
  }
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  const tag = objectToString.call(a);
  if (tag !== objectToString.call(b)) return false;
  for (const [left, right] of stack) {
    if (left === a) return right === b;
  }
  switch (tag) {
    case '[object Date]':
    case '[object Boolean]':
    case '[object Number]': {
      const x = +a;
      const y = +b;
      return x === y || (x !== x && y !== y);
    }
    case '[object RegExp]':
    case '[object String]':
      return String(a) === String(b);
    case '[object Error]':
      return a.name === b.name && a.message === b.message;
    default:
      break;
  }
  stack.push([a, b]);
  try {
    if (tag === '[object Map]' || tag === '[object Set]') {
      if (a.size !== b.size) return false;
      return isEqual(Array.from(a), Array.from(b), stack);
    }
    if (Array.isArray(a)) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i += 1) {
        if (!isEqual(a[i], b[i], stack)) return false;
      }
      return true;
    }
    return sameObject(a, b, stack);
  } finally {
    stack.pop();
  }
}

function sameObject(a, b, stack) {
  const keysA = ownEnumerable(a);
  if (keysA.length !== ownEnumerable(b).length) return false;
  for (const key of keysA) {
    if (!hasOwn.call(b, key) || !isEqual(a[key], b[key], stack)) return false;
  }
  const ctorA = a.constructor;
  const ctorB = b.constructor;
  if (ctorA !== ctorB && 'constructor' in a && 'constructor' in b) {
    const plainA = typeof ctorA === 'function' && ctorA instanceof ctorA;
    const plainB = typeof ctorB === 'function' && ctorB instanceof ctorB;
    if (!(plainA && plainB)) return false;
  }
  return true;
}

// Splits a property path: 'a.b', 'a[0]', 'a[-1.5]', 'a["x.y"]', "a['x']", 'a[b]'. A leading '.'
// gives an empty first key; a '.' (or '[]') followed by another separator or the end gives an
// empty key.
function pathKeys(path) {
  const keys = [];
  if (path[0] === '.') keys.push('');
  let i = 0;
  while (i < path.length) {
    const ch = path[i];
    if (ch === '[') {
      const bracket = readBracket(path, i);
      if (bracket !== null) {
        keys.push(bracket.key);
        i = bracket.end;
        continue;
      }
      if (path[i + 1] === ']' && separatorOrEnd(path, i + 2)) keys.push('');
      i += 1;
    } else if (ch === ']') {
      i += 1;
    } else if (ch === '.') {
      if (separatorOrEnd(path, i + 1)) keys.push('');
      i += 1;
    } else {
      let j = i;
      while (j < path.length && path[j] !== '.' && path[j] !== '[' && path[j] !== ']') j += 1;
      keys.push(path.slice(i, j));
      i = j;
    }
  }
  return keys;
}

function separatorOrEnd(path, at) {
  return at >= path.length || path[at] === '.' || (path[at] === '[' && path[at + 1] === ']');
}

// Reads a `[number]` or `["quoted"]` / `['quoted']` step at `start` (backslash escapes the next
// character inside quotes); null for any other bracket.
function readBracket(path, start) {
  const number = /^\[(-?\d+(?:\.\d+)?)\]/.exec(path.slice(start));
  if (number) return { key: number[1], end: start + number[0].length };
  const quote = path[start + 1];
  if (quote !== '"' && quote !== "'") return null;
  let text = '';
  for (let i = start + 2; i < path.length; i += 1) {
    const ch = path[i];
    if (ch === quote) return path[i + 1] === ']' ? { key: text, end: i + 2 } : null;
    if (ch === '\\' && i + 1 < path.length) {
      i += 1;
      text += path[i];
    } else {
      text += ch;
    }
  }
  return null;
}

const DEEP_PATH = /\.|\[(?:[^[\]]*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\]/;

function toKeys(path, object) {
  if (Array.isArray(path)) return path.map((k) => (typeof k === 'symbol' ? k : String(k)));
  if (typeof path !== 'string') return [path];
  if (/^\w*$/.test(path) || !DEEP_PATH.test(path)) return [path];
  if (object != null && path in Object(object)) return [path];
  return pathKeys(path);
}

// Whether `object` has the own property at `path` (every step must be an own property; a
// missing last index inside an array's length counts, as for sparse arrays).
export function has(object, path) {
  const keys = toKeys(path, object);
  let current = object;
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i];
    if (current != null && hasOwn.call(current, key)) {
      current = current[key];
      continue;
    }
    if (i !== keys.length - 1 || current == null) return false;
    const length = current.length;
    const index = Number(key);
    return (
      Array.isArray(current) && Number.isInteger(length) && length > 0 &&
      /^(?:0|[1-9]\d*)$/.test(String(key)) && index < length
    );
  }
  return keys.length > 0;
}

// The value at `path` in `object`, or undefined.
export function get(object, path) {
  const keys = toKeys(path, object);
  let current = object;
  for (const key of keys) {
    if (current == null) return undefined;
    current = current[key];
  }
  return keys.length ? current : undefined;
}
