// lodash "Util" and "Function": ranges, function helpers, template, iteratee helpers.
import {
  identity, iteratee, property, matches, matchesProperty, toFinite, toInteger, toStr, stringToPath,
  toKey, baseGet, castPath, isKey, isObject, keys, hasOwn,
} from './base.js';
import { baseFlatten } from './array.js';

function baseRange(start, end, step, fromRight) {
  start = toFinite(start);
  if (end === undefined) {
    end = start;
    start = 0;
  } else {
    end = toFinite(end);
  }
  step = step === undefined ? (start < end ? 1 : -1) : toFinite(step);
  let length = Math.max(Math.ceil((end - start) / (step || 1)), 0);
  const out = new Array(length);
  let i = -1;
  while (length--) {
    out[fromRight ? length : ++i] = start;
    start += step;
  }
  return out;
}

let idCounter = 0;

const reEscape = /<%-([\s\S]+?)%>/g;
const reEvaluate = /<%([\s\S]+?)%>/g;
const reInterpolate = /<%=([\s\S]+?)%>/g;
const reEsTemplate = /\$\{([^\\}]*(?:\\.[^\\}]*)*)\}/g;
const reNoMatch = /($^)/;
const stringEscapes = { '\\': '\\', "'": "'", '\n': 'n', '\r': 'r', '\u2028': 'u2028', '\u2029': 'u2029' };

/** Builds `_.template` for a lodash object (its `templateSettings` and `escape`). */
export function makeTemplate(lodash) {
  return function template(string, options) {
    const settings = lodash.templateSettings;
    string = toStr(string);
    options = Object.assign({}, settings, options || {});
    const imports = Object.assign({}, settings.imports, options.imports || {});
    const importKeys = keys(imports);
    const importValues = importKeys.map((k) => imports[k]);
    let isEscaping = false;
    let isEvaluating = false;
    let index = 0;
    const interpolate = options.interpolate || reNoMatch;
    let source = "__p += '";
    const reDelimiters = RegExp(
      (options.escape || reNoMatch).source + '|' +
      interpolate.source + '|' +
      (interpolate === reInterpolate ? reEsTemplate : reNoMatch).source + '|' +
      (options.evaluate || reNoMatch).source + '|$', 'g');
    string.replace(reDelimiters, (match, escapeValue, interpolateValue, esValue, evaluateValue, offset) => {
      if (interpolateValue === undefined) interpolateValue = esValue;
      source += string.slice(index, offset).replace(/['\n\r\u2028\u2029\\]/g, (c) => '\\' + stringEscapes[c]);
      if (escapeValue) {
        isEscaping = true;
        source += "' +\n__e(" + escapeValue + ") +\n'";
      }
      if (evaluateValue) {
        isEvaluating = true;
        source += "';\n" + evaluateValue + ";\n__p += '";
      }
      if (interpolateValue) {
        source += "' +\n((__t = (" + interpolateValue + ")) == null ? '' : __t) +\n'";
      }
      index = offset + match.length;
      return match;
    });
    source += "';\n";
    const variable = hasOwn(options, 'variable') && options.variable;
    if (!variable) source = 'with (obj) {\n' + source + '\n}\n';
    source = 'function(' + (variable || 'obj') + ') {\n' +
      (variable ? '' : 'obj || (obj = {});\n') +
      "var __t, __p = ''" +
      (isEscaping ? ', __e = _.escape' : '') +
      (isEvaluating ? ", __j = Array.prototype.join;\nfunction print() { __p += __j.call(arguments, '') }\n" : ';\n') +
      source + 'return __p\n}';
    let result;
    try {
      // eslint-disable-next-line no-new-func
      result = Function(...importKeys, 'return ' + source).apply(undefined, importValues);
    } catch (e) {
      e.source = source;
      throw e;
    }
    result.source = source;
    return result;
  };
}

export function makeSettings(lodash) {
  return { escape: reEscape, evaluate: reEvaluate, interpolate: reInterpolate, variable: '', imports: { _: lodash } };
}

function debounce(func, wait, options) {
  let timer;
  let lastArgs;
  let lastThis;
  let result;
  let lastCall;
  let lastInvoke = 0;
  wait = toFinite(wait) || 0;
  const leading = !!(options && options.leading);
  const trailing = options && 'trailing' in options ? !!options.trailing : true;
  const maxWait = options && 'maxWait' in options ? Math.max(toFinite(options.maxWait) || 0, wait) : undefined;
  const invoke = (time) => {
    const args = lastArgs;
    const self = lastThis;
    lastArgs = lastThis = undefined;
    lastInvoke = time;
    result = func.apply(self, args);
    return result;
  };
  const remaining = (time) => {
    const sinceCall = time - lastCall;
    const left = wait - sinceCall;
    return maxWait === undefined ? left : Math.min(left, maxWait - (time - lastInvoke));
  };
  const shouldInvoke = (time) => {
    if (lastCall === undefined) return true;
    const sinceCall = time - lastCall;
    return sinceCall >= wait || sinceCall < 0 || (maxWait !== undefined && time - lastInvoke >= maxWait);
  };
  const timerExpired = () => {
    const time = Date.now();
    if (shouldInvoke(time)) {
      timer = undefined;
      if (trailing && lastArgs) return invoke(time);
      lastArgs = lastThis = undefined;
      return result;
    }
    timer = setTimeout(timerExpired, remaining(time));
    return undefined;
  };
  function debounced(...args) {
    const time = Date.now();
    const isInvoking = shouldInvoke(time);
    lastArgs = args;
    lastThis = this;
    lastCall = time;
    if (isInvoking && timer === undefined) {
      lastInvoke = time;
      timer = setTimeout(timerExpired, wait);
      return leading ? invoke(time) : result;
    }
    if (timer === undefined) timer = setTimeout(timerExpired, wait);
    return result;
  }
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    lastInvoke = 0;
    lastArgs = lastCall = lastThis = timer = undefined;
  };
  debounced.flush = () => (timer === undefined ? result : timerExpired());
  return debounced;
}

export const util = {
  identity,
  noop: () => undefined,
  constant: (v) => () => v,
  times(n, fn) {
    n = toInteger(n);
    if (n < 1 || n > Number.MAX_SAFE_INTEGER) return [];
    fn = typeof fn === 'function' ? fn : identity;
    const out = [];
    for (let i = 0; i < Math.min(n, 4294967295); i++) out.push(fn(i));
    return out;
  },
  range: (start, end, step) => baseRange(start, end, step, false),
  rangeRight: (start, end, step) => baseRange(start, end, step, true),
  uniqueId: (prefix) => toStr(prefix) + ++idCounter,
  iteratee: (v) => iteratee(v),
  property,
  propertyOf: (object) => (path) => (object == null ? undefined : baseGet(object, path)),
  matches,
  matchesProperty,
  method: (path, ...args) => (object) => {
    const p = castPath(path, object);
    const parent = p.length < 2 ? object : baseGet(object, p.slice(0, -1));
    const fn = parent == null ? undefined : parent[toKey(p[p.length - 1])];
    return fn == null ? undefined : fn.apply(parent, args);
  },
  flow: (...funcs) => {
    funcs = baseFlatten(funcs, 1);
    return function flowed(...args) {
      let i = 0;
      let result = funcs.length ? funcs[0].apply(this, args) : args[0];
      while (++i < funcs.length) result = funcs[i].call(this, result);
      return result;
    };
  },
  flowRight: (...funcs) => util.flow(...baseFlatten(funcs, 1).reverse()),
  memoize(func, resolver) {
    if (typeof func !== 'function' || (resolver != null && typeof resolver !== 'function')) {
      throw new TypeError('Expected a function');
    }
    const memoized = function memoized(...args) {
      const key = resolver ? resolver.apply(this, args) : args[0];
      const cache = memoized.cache;
      if (cache.has(key)) return cache.get(key);
      const result = func.apply(this, args);
      memoized.cache = cache.set(key, result) || cache;
      return result;
    };
    memoized.cache = new Map();
    return memoized;
  },
  once: (func) => util.before(2, func),
  before(n, func) {
    let result;
    n = toInteger(n);
    return function (...args) {
      if (--n > 0) result = func.apply(this, args);
      if (n <= 1) func = undefined;
      return result;
    };
  },
  after(n, func) {
    n = toInteger(n);
    return function (...args) {
      if (--n < 1) return func.apply(this, args);
      return undefined;
    };
  },
  negate: (predicate) => function (...args) { return !predicate.apply(this, args); },
  ary: (func, n) => function (...args) { return func.apply(this, args.slice(0, n === undefined ? func.length : n)); },
  unary: (func) => function (a) { return func.call(this, a); },
  rest: (func, start) => {
    start = start === undefined ? func.length - 1 : toInteger(start);
    return function (...args) { return func.apply(this, [...args.slice(0, start), args.slice(start)]); };
  },
  spread: (func) => function (array) { return func.apply(this, array); },
  flip: (func) => function (...args) { return func.apply(this, args.reverse()); },
  nthArg: (n) => (...args) => args[n < 0 ? args.length + toInteger(n) : toInteger(n)],
  over: (...fns) => function (...args) { return baseFlatten(fns, 1).map((f) => iteratee(f).apply(this, args)); },
  overEvery: (...fns) => function (...args) { return baseFlatten(fns, 1).every((f) => iteratee(f).apply(this, args)); },
  overSome: (...fns) => function (...args) { return baseFlatten(fns, 1).some((f) => iteratee(f).apply(this, args)); },
  cond: (pairs) => function (...args) {
    for (const [test, run] of pairs || []) if (iteratee(test).apply(this, args)) return iteratee(run).apply(this, args);
    return undefined;
  },
  conforms: (source) => (object) => util.conformsTo(object, source),
  conformsTo(object, source) {
    const ks = keys(source);
    if (object == null) return !ks.length;
    return ks.every((k) => k in Object(object) && source[k](object[k]));
  },
  bind: (func, thisArg, ...partials) => function (...args) { return func.apply(thisArg, [...partials, ...args]); },
  bindAll(object, ...methodNames) {
    for (const name of baseFlatten(methodNames, Infinity)) {
      const k = toKey(name);
      object[k] = object[k].bind(object);
    }
    return object;
  },
  partial: (func, ...partials) => function (...args) { return func.apply(this, [...partials, ...args]); },
  partialRight: (func, ...partials) => function (...args) { return func.apply(this, [...args, ...partials]); },
  curry(func, arity) {
    arity = arity === undefined ? func.length : toInteger(arity);
    const curried = (...got) => (got.length >= arity ? func(...got) : (...more) => curried(...got, ...more));
    return curried;
  },
  wrap: (value, wrapper) => function (...args) { return wrapper.apply(this, [value, ...args]); },
  debounce,
  throttle: (func, wait, options) => debounce(func, wait, {
    leading: options && 'leading' in options ? !!options.leading : true,
    maxWait: wait,
    trailing: options && 'trailing' in options ? !!options.trailing : true,
  }),
  defer: (func, ...args) => setTimeout(() => func(...args), 1),
  delay: (func, wait, ...args) => setTimeout(() => func(...args), toFinite(wait) || 0),
  defaultTo: (value, defaultValue) => (value == null || value !== value ? defaultValue : value),
  attempt(func, ...args) {
    try {
      return func(...args);
    } catch (e) {
      return e instanceof Error ? e : new Error(e);
    }
  },
  stubArray: () => [],
  stubFalse: () => false,
  stubObject: () => ({}),
  stubString: () => '',
  stubTrue: () => true,
  toPath: (value) => (Array.isArray(value) ? value.map(toKey) : typeof value === 'symbol' ? [value] : stringToPath(toStr(value))),
  now: () => Date.now(),
};

export { isKey, isObject };
