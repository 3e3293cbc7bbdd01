// Builds a lodash function object: `_(value)` wrappers with implicit chaining (methods that
// return a single value unwrap it), `_.chain(value)` explicit chains, `.value()`, `.tap`,
// `.thru`, the array methods on wrappers, and `_.mixin`.

/**
 * @param {object} fns the functions to expose (name → function)
 * @param {object} opts `{version, unwrapped: 'name name …', arrayMethodsUnwrapped}`
 */
export function buildLodash(fns, opts) {
  const unwrapped = new Set(opts.unwrapped.split(/\s+/));

  function lodash(value) {
    if (value instanceof LodashWrapper) return value;
    return new LodashWrapper(value, false);
  }
  function LodashWrapper(value, chainAll) {
    this.__wrapped__ = value;
    this.__chain__ = !!chainAll;
  }
  LodashWrapper.prototype = lodash.prototype;
  lodash.prototype.constructor = lodash;

  const wrap = (self, value) => new LodashWrapper(value, self.__chain__);
  const proto = lodash.prototype;
  const define = (name, fn) =>
    Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true, enumerable: false });

  // Wrapper methods are made on first use (a proxy behind the prototype), so building `_`
  // costs one property per function instead of two.
  const chainable = new Set();
  const makeMethod = (name, func) => function (...args) {
    const result = func.apply(lodash, [this.__wrapped__, ...args]);
    if (this.__chain__ || !unwrapped.has(name)) return wrap(this, result);
    return result;
  };
  Object.setPrototypeOf(proto, new Proxy(Object.prototype, {
    get(target, name, receiver) {
      if (typeof name === 'string' && chainable.has(name) && typeof lodash[name] === 'function') {
        const method = makeMethod(name, lodash[name]);
        define(name, method);
        return method;
      }
      return Reflect.get(target, name, receiver);
    },
  }));

  function mixin(object, source, options) {
    let target = object;
    if (source === undefined || (options === undefined && !isPlainSource(source))) {
      options = source;
      source = object;
      target = lodash;
    }
    const chain = !(options && options.chain === false);
    for (const name of Object.keys(source)) {
      const func = source[name];
      if (typeof func !== 'function') continue;
      if (target[name] !== func) target[name] = func;
      if (target === lodash) {
        if (!chain) unwrapped.add(name);
        chainable.add(name);
        if (Object.prototype.hasOwnProperty.call(proto, name)) define(name, makeMethod(name, func));
      }
    }
    return target;
  }
  function isPlainSource(s) {
    return s != null && typeof s === 'object' && Object.keys(s).some((k) => typeof s[k] === 'function');
  }

  Object.assign(lodash, fns);
  mixin(lodash, fns);
  lodash.mixin = mixin;
  lodash.chain = (value) => {
    const w = lodash(value);
    return new LodashWrapper(w.__wrapped__, true);
  };
  lodash.tap = (value, interceptor) => {
    interceptor(value);
    return value;
  };
  lodash.thru = (value, interceptor) => interceptor(value);
  lodash.VERSION = opts.version;

  define('chain', function () { return new LodashWrapper(this.__wrapped__, true); });
  define('value', function () { return this.__wrapped__; });
  define('valueOf', proto.value);
  define('toJSON', proto.value);
  define('toString', function () { return String(this.__wrapped__); });
  define('commit', function () { return wrap(this, this.__wrapped__); });
  define('plant', function (value) { return wrap(this, value); });
  define('tap', function (fn) { fn(this.__wrapped__); return this; });
  define('thru', function (fn) { return wrap(this, fn(this.__wrapped__)); });
  define('reverse', function () {
    const v = this.__wrapped__;
    if (Array.isArray(v)) v.reverse();
    return wrap(this, v);
  });
  for (const name of ['pop', 'push', 'shift', 'sort', 'splice', 'unshift', 'join', 'replace', 'split']) {
    if (Object.prototype.hasOwnProperty.call(proto, name)) continue;
    const onString = name === 'replace' || name === 'split';
    const native = onString ? String.prototype[name] : Array.prototype[name];
    const returnsValue = ['pop', 'shift', 'join', 'replace'].includes(name);
    define(name, function (...args) {
      const v = this.__wrapped__;
      const target = onString ? String(v) : Array.isArray(v) ? v : [];
      if (returnsValue && !this.__chain__) return native.apply(target, args);
      if (name === 'push' || name === 'sort' || name === 'unshift') {
        native.apply(target, args);
        return this;
      }
      return wrap(this, native.apply(target, args));
    });
  }
  if (typeof Symbol === 'function' && Symbol.iterator) {
    define(Symbol.iterator, function () { return Array.from(this.__wrapped__ == null ? [] : this.__wrapped__)[Symbol.iterator](); });
  }
  return lodash;
}
