// `structuredClone(value)`: the HTML structured clone of plain data (objects, arrays, Date,
// RegExp, Map, Set, ArrayBuffer and views, Error, boxed primitives), cycles kept; functions,
// symbols and other platform objects throw a DataCloneError.

function fail(what) {
  return new DOMException(`${what} could not be cloned.`, 'DataCloneError');
}

function clone(v, seen) {
  if (typeof v === 'function') throw fail(String(v).split('\n')[0]);
  if (typeof v === 'symbol') throw fail(v.toString());
  if (v === null || typeof v !== 'object') return v;
  if (seen.has(v)) return seen.get(v);
  let out;
  if (Array.isArray(v)) {
    out = new Array(v.length);
    seen.set(v, out);
    for (const k of Object.keys(v)) out[k] = clone(v[k], seen);
    return out;
  }
  if (v instanceof Date) out = new Date(v.getTime());
  else if (v instanceof RegExp) out = new RegExp(v.source, v.flags);
  else if (v instanceof ArrayBuffer) out = v.slice(0);
  else if (ArrayBuffer.isView(v)) {
    const buffer = clone(v.buffer, seen);
    const Ctor = v instanceof DataView ? DataView : Object.getPrototypeOf(Object.getPrototypeOf(v)) === Uint8Array.prototype ? Uint8Array : v.constructor;
    out = v instanceof DataView ? new DataView(buffer, v.byteOffset, v.byteLength) : new Ctor(buffer, v.byteOffset, v.length);
  } else if (v instanceof Map) {
    out = new Map();
    seen.set(v, out);
    for (const [k, val] of v) out.set(clone(k, seen), clone(val, seen));
    return out;
  } else if (v instanceof Set) {
    out = new Set();
    seen.set(v, out);
    for (const x of v) out.add(clone(x, seen));
    return out;
  } else if (v instanceof Error) {
    const Ctor = { EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError }[v.name] || Error;
    out = new Ctor(v.message);
    if (v.stack !== undefined) out.stack = v.stack;
  } else if (v instanceof Boolean || v instanceof Number || v instanceof String) {
    out = Object(v.valueOf());
  } else if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet) {
    throw fail(`#<${v.constructor.name}>`);
  } else {
    out = {};
    seen.set(v, out);
    for (const k of Object.keys(v)) out[k] = clone(v[k], seen);
    return out;
  }
  seen.set(v, out);
  return out;
}

export default function structuredClone(value, options) {
  if (arguments.length === 0) throw new TypeError("The \"value\" argument must be specified");
  void options;
  return clone(value, new Map());
}
