// `require('util')`: format and inspect (the console's own, from the prelude), `types.*`,
// isDeepStrictEqual, promisify/callbackify, inherits, deprecate, TextEncoder/TextDecoder and
// the legacy `isX` predicates.
import { inspect as baseInspect, format as baseFormat } from '../prelude/inspect.js';
import { deepEqual } from './platform/deep-equal.js';
import { TextEncoder, TextDecoder } from './platform/encoding.js';

const customInspect = Symbol.for('nodejs.util.inspect.custom');

export function inspect(value, opts) {
  if (typeof opts === 'boolean') opts = { showHidden: opts, depth: arguments[2] };
  return baseInspect(value, opts);
}
inspect.custom = customInspect;
inspect.defaultOptions = { depth: 2, colors: false, showHidden: false };

/** `%o` shows an array's hidden `length` as Node's showHidden does. */
function showHidden(v) {
  const text = baseInspect(v, { depth: 4 });
  if (!Array.isArray(v)) return text;
  return text === '[]' ? '[ [length]: 0 ]' : text.replace(/ \]$/, `, [length]: ${v.length} ]`);
}

/** Node's util.format: the console's format, with `%o` in showHidden form. */
export function format(...args) {
  const first = args[0];
  if (typeof first !== 'string' || !first.includes('%o')) return baseFormat(...args);
  let i = 1;
  let out = first.replace(/%[sdifjoOc%]/g, (m) => {
    if (m === '%%') return '%';
    if (i >= args.length) return m;
    const a = args[i++];
    return m === '%o' ? showHidden(a) : baseFormat(m, a);
  });
  for (; i < args.length; i++) out += ' ' + (typeof args[i] === 'string' ? args[i] : baseInspect(args[i]));
  return out;
}

export function formatWithOptions(options, ...args) {
  return baseFormat(...args);
}

const toStr = (v) => Object.prototype.toString.call(v);
const proto = (C) => (v) => v instanceof C;
const typed = (name) => (v) => ArrayBuffer.isView(v) && toStr(v) === `[object ${name}]`;

export const types = {
  isDate: proto(Date),
  isRegExp: proto(RegExp),
  isPromise: proto(Promise),
  isMap: proto(Map),
  isSet: proto(Set),
  isWeakMap: proto(WeakMap),
  isWeakSet: proto(WeakSet),
  isNativeError: proto(Error),
  isArrayBuffer: proto(ArrayBuffer),
  isSharedArrayBuffer: (v) => typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer,
  isAnyArrayBuffer: (v) => v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer),
  isArrayBufferView: (v) => ArrayBuffer.isView(v),
  isDataView: proto(DataView),
  isTypedArray: (v) => ArrayBuffer.isView(v) && !(v instanceof DataView),
  isUint8Array: typed('Uint8Array'),
  isUint8ClampedArray: typed('Uint8ClampedArray'),
  isUint16Array: typed('Uint16Array'),
  isUint32Array: typed('Uint32Array'),
  isInt8Array: typed('Int8Array'),
  isInt16Array: typed('Int16Array'),
  isInt32Array: typed('Int32Array'),
  isFloat32Array: typed('Float32Array'),
  isFloat64Array: typed('Float64Array'),
  isBigInt64Array: typed('BigInt64Array'),
  isBigUint64Array: typed('BigUint64Array'),
  isAsyncFunction: (v) => typeof v === 'function' && v.constructor && v.constructor.name === 'AsyncFunction',
  isGeneratorFunction: (v) => typeof v === 'function' && v.constructor && /GeneratorFunction$/.test(v.constructor.name),
  isGeneratorObject: (v) => toStr(v) === '[object Generator]',
  isBoxedPrimitive: (v) => v instanceof Number || v instanceof String || v instanceof Boolean || (typeof v === 'object' && v !== null && (toStr(v) === '[object Symbol]' || toStr(v) === '[object BigInt]')),
  isNumberObject: proto(Number),
  isStringObject: proto(String),
  isBooleanObject: proto(Boolean),
  isSymbolObject: (v) => typeof v === 'object' && toStr(v) === '[object Symbol]',
  isBigIntObject: (v) => typeof v === 'object' && toStr(v) === '[object BigInt]',
  isProxy: () => false,
  isMapIterator: (v) => toStr(v) === '[object Map Iterator]',
  isSetIterator: (v) => toStr(v) === '[object Set Iterator]',
};

export function isDeepStrictEqual(a, b) {
  return deepEqual(a, b, true);
}

const promisifyCustom = Symbol.for('nodejs.util.promisify.custom');

export function promisify(fn) {
  if (typeof fn !== 'function') {
    const err = new TypeError(`The "original" argument must be of type function. Received ${fn === null ? 'null' : typeof fn}`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  if (fn[promisifyCustom]) return fn[promisifyCustom];
  const wrapped = function (...args) {
    return new Promise((resolve, reject) => {
      fn.call(this, ...args, (err, ...values) => {
        if (err) reject(err);
        else resolve(values.length > 1 ? values : values[0]);
      });
    });
  };
  Object.setPrototypeOf(wrapped, Object.getPrototypeOf(fn));
  return Object.defineProperties(wrapped, Object.getOwnPropertyDescriptors(fn));
}
promisify.custom = promisifyCustom;

export function callbackify(fn) {
  return function (...args) {
    const cb = args.pop();
    fn.apply(this, args).then((v) => setTimeout(() => cb(null, v)), (e) => setTimeout(() => {
      if (!e) {
        const err = new Error('Promise was rejected with a falsy value');
        err.code = 'ERR_FALSY_VALUE_REJECTION';
        err.reason = e;
        e = err;
      }
      cb(e);
    }));
  };
}

export function inherits(ctor, superCtor) {
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

export function deprecate(fn, msg) {
  let warned = false;
  return function (...args) {
    if (!warned) {
      warned = true;
      console.warn(`DeprecationWarning: ${msg}`);
    }
    return fn.apply(this, args);
  };
}

export function debuglog() {
  const log = () => {};
  log.enabled = false;
  return log;
}

export function stripVTControlCharacters(s) {
  return String(s).replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

export function toUSVString(s) {
  return String(s).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

const legacy = {
  isArray: Array.isArray,
  isBoolean: (v) => typeof v === 'boolean',
  isNull: (v) => v === null,
  isNullOrUndefined: (v) => v === null || v === undefined,
  isNumber: (v) => typeof v === 'number',
  isString: (v) => typeof v === 'string',
  isSymbol: (v) => typeof v === 'symbol',
  isUndefined: (v) => v === undefined,
  isRegExp: types.isRegExp,
  isObject: (v) => v !== null && typeof v === 'object',
  isDate: types.isDate,
  isError: (v) => v instanceof Error,
  isFunction: (v) => typeof v === 'function',
  isPrimitive: (v) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
  isBuffer: (v) => !!(globalThis.Buffer && globalThis.Buffer.isBuffer(v)),
};

export { TextEncoder, TextDecoder };

export default {
  inspect, format, formatWithOptions, types, isDeepStrictEqual, promisify, callbackify, inherits, deprecate,
  debuglog, debug: debuglog, stripVTControlCharacters, toUSVString, TextEncoder, TextDecoder, ...legacy,
};
