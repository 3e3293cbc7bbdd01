// Node's deep equality for `assert.deepEqual` (loose: ==, prototypes ignored) and
// `assert.deepStrictEqual` / `util.isDeepStrictEqual` (strict: Object.is, prototypes and
// own enumerable symbols compared), with cycles, Dates, RegExps, boxed primitives, Errors,
// Maps, Sets and typed arrays.

function tag(v) {
  return Object.prototype.toString.call(v);
}

export function deepEqual(a, b, strict, memo = new Map()) {
  if (strict ? Object.is(a, b) : a == b || (a !== a && b !== b)) return true; // eslint-disable-line eqeqeq
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (tag(a) !== tag(b)) return false;
  const seen = memo.get(a);
  if (seen && seen.has(b)) return true;
  if (seen) seen.add(b);
  else memo.set(a, new Set([b]));
  if (a instanceof Date) {
    if (a.getTime() !== b.getTime()) return false;
  } else if (a instanceof RegExp) {
    if (String(a) !== String(b) || a.lastIndex !== b.lastIndex) return false;
  } else if (a instanceof Error) {
    if (a.message !== b.message || a.name !== b.name) return false;
  } else if (ArrayBuffer.isView(a)) {
    if (a.length !== b.length || a.byteLength !== b.byteLength) return false;
    for (let i = 0; i < a.length; i++) if (!(strict ? Object.is(a[i], b[i]) : a[i] == b[i])) return false; // eslint-disable-line eqeqeq
  } else if (a instanceof Number || a instanceof String || a instanceof Boolean) {
    if (!Object.is(a.valueOf(), b.valueOf())) return false;
  } else if (a instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) {
      if (b.has(k)) {
        if (!deepEqual(v, b.get(k), strict, memo)) return false;
      } else {
        let found = false;
        for (const [k2, v2] of b) {
          if (deepEqual(k, k2, strict, memo) && deepEqual(v, v2, strict, memo)) {
            found = true;
            break;
          }
        }
        if (!found) return false;
      }
    }
    return true;
  } else if (a instanceof Set) {
    if (a.size !== b.size) return false;
    for (const v of a) {
      if (b.has(v)) continue;
      if (typeof v !== 'object' || v === null) {
        if (strict) return false;
      }
      let found = false;
      for (const w of b) {
        if (deepEqual(v, w, strict, memo)) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  if (Array.isArray(a) && a.length !== b.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!deepEqual(a[k], b[k], strict, memo)) return false;
  }
  if (strict) {
    const sa = Object.getOwnPropertySymbols(a).filter((s) => Object.prototype.propertyIsEnumerable.call(a, s));
    const sb = Object.getOwnPropertySymbols(b).filter((s) => Object.prototype.propertyIsEnumerable.call(b, s));
    if (sa.length !== sb.length) return false;
    for (const s of sa) if (!deepEqual(a[s], b[s], strict, memo)) return false;
  }
  return true;
}
