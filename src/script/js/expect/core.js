// The Assertion object: flags, the three ways to add assertions, `assert`, messages, and the guard
// that turns unknown property names into "Invalid Chai property" errors.
//
// An Assertion keeps its state in `__flags` (a null-prototype record: `object` is the value under
// test, `message` the user's custom message, plus `negate`, `deep`, `nested`, `own`, `ordered`,
// `any`, `all`, `contains`, `doLength`, `itself`, ... as set by the chains). As in chai, every
// property step (`.to`, `.not`, `.deep`) returns a fresh Assertion carrying a copy of the flags,
// so a saved intermediate assertion is never changed by later steps.
//
// The typo guard: chai wraps each Assertion in a Proxy. Here one shared Proxy sits at the end of
// the prototype chain instead, so known names resolve without a trap and only misses reach it.
// The observable behaviour is the same: unknown string properties throw a plain Error
// ("Invalid Chai property: tru. Did you mean \"true\"?"), `then`/`catch`/`inspect`/`toJSON` and
// symbols read as usual, and methods reject anything but their own properties
// ("Invalid Chai property: equal.foo. See docs for proper usage of \"equal\".").

import { config } from './config.js';
import { AssertionError } from './assertion-error.js';
import { objDisplay } from './inspect.js';
import { typeOf } from './type.js';

export function Assertion(object, message) {
  const flags = Object.create(null);
  flags.object = object;
  flags.message = message;
  this.__flags = flags;
}

// Reads (two arguments) or sets (three arguments) one flag of an assertion.
export function flag(assertion, key, value) {
  const flags = assertion.__flags || (assertion.__flags = Object.create(null));
  if (arguments.length === 3) {
    flags[key] = value;
    return undefined;
  }
  return flags[key];
}

// Copies the flags of `from` onto `to`; with `includeAll === false`, leaves out the value under
// test and the custom message.
export function transferFlags(from, to, includeAll) {
  const source = from.__flags || (from.__flags = Object.create(null));
  const target = to.__flags || (to.__flags = Object.create(null));
  const all = arguments.length === 3 ? includeAll : true;
  for (const key in source) {
    if (all || (key !== 'object' && key !== 'ssfi' && key !== 'lockSsfi' && key !== 'message')) {
      target[key] = source[key];
    }
  }
}

// A new Assertion with a copy of `from`'s flags (the result of every chain step).
export function derive(from) {
  const next = Object.create(Assertion.prototype);
  // Object.assign copies in native code: much cheaper than a for-in loop in QuickJS.
  next.__flags = Object.assign(Object.create(null), from.__flags);
  return next;
}

// Prefix for errors raised outside `assert` ("custom message: ").
export function messagePrefix(assertion) {
  const msg = assertion.__flags.message;
  return msg ? msg + ': ' : '';
}

// Builds the failure message: picks the positive or negated template, then replaces `#{this}`,
// `#{act}` and `#{exp}` with their displays, and prefixes the custom message.
export function getMessage(assertion, args) {
  const flags = assertion.__flags;
  const actual = args.length > 4 ? args[4] : flags.object;
  let template = flags.negate ? args[2] : args[1];
  if (typeof template === 'function') template = template();
  const text = (template || '')
    .replace(/#\{this\}/g, () => objDisplay(flags.object))
    .replace(/#\{act\}/g, () => objDisplay(actual))
    .replace(/#\{exp\}/g, () => objDisplay(args[3]));
  return flags.message ? flags.message + ': ' + text : text;
}

function operatorFor(flags, args) {
  if (flags.operator) return flags.operator;
  let template = flags.negate ? args[2] : args[1];
  if (typeof template === 'function') template = template();
  if (!template || /\shave\s/.test(template)) return undefined;
  const expectedType = typeOf(args[3]);
  const objectLike = expectedType === 'Array' || expectedType === 'Object' || expectedType === 'function';
  if (/\snot\s/.test(template)) return objectLike ? 'notDeepStrictEqual' : 'notStrictEqual';
  return objectLike ? 'deepStrictEqual' : 'strictEqual';
}

// assert(expression, message, negatedMessage, expected, actual, showDiff): throws an
// AssertionError when `expression` (inverted under `not`) is falsy. `actual` defaults to the value
// under test when fewer than five arguments are given.
Assertion.prototype.assert = function assert(expr, msg, negateMsg, expected, _actual, showDiff) {
  const flags = this.__flags;
  const ok = flags.negate ? !expr : expr;
  if (ok) return;
  let diff = showDiff !== false;
  if (expected === undefined && _actual === undefined) diff = false;
  if (config.showDiff !== true) diff = false;
  const props = {
    actual: arguments.length > 4 ? _actual : flags.object,
    expected,
    showDiff: diff,
  };
  const operator = operatorFor(flags, arguments);
  if (operator) props.operator = operator;
  throw new AssertionError(getMessage(this, arguments), props);
};

Object.defineProperty(Assertion.prototype, '_obj', {
  get() {
    return this.__flags.object;
  },
  set(value) {
    this.__flags.object = value;
  },
  configurable: true,
});

// ---------------------------------------------------------------------------------------------
// The typo guard.

const NOT_SUGGESTED = new Set(['__flags', '__methods', '_obj', 'assert']);
const METHOD_NAME = Symbol('assertion method name');

// Edit distance between a and b, giving up (returning `cap`) once it cannot be below `cap`.
// Matches chai's table exactly, including its first row, so suggestions are the same.
function cappedDistance(a, b, cap) {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  const rows = [];
  for (let i = 0; i <= a.length; i += 1) {
    rows.push(new Array(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j < b.length; j += 1) rows[0][j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const ch = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      if (Math.abs(i - j) >= cap) {
        rows[i][j] = cap;
        continue;
      }
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (ch === b.charCodeAt(j - 1) ? 0 : 1));
    }
  }
  return rows[a.length][b.length];
}

// Every property name reachable from `object` (own first, then up the prototype chain).
function reachableNames(object) {
  const names = Object.getOwnPropertyNames(object);
  const seen = new Set(names);
  for (let proto = Object.getPrototypeOf(object); proto !== null; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (!seen.has(name)) {
        seen.add(name);
        names.push(name);
      }
    }
  }
  return names;
}

function unknownProperty(receiver, property) {
  let suggestion = null;
  let best = 4;
  for (const name of reachableNames(receiver)) {
    if (Object.prototype.hasOwnProperty(name) || NOT_SUGGESTED.has(name)) continue;
    const d = cappedDistance(property, name, best);
    if (d < best) {
      suggestion = name;
      best = d;
    }
  }
  if (suggestion !== null) return new Error(`Invalid Chai property: ${property}. Did you mean "${suggestion}"?`);
  return new Error(`Invalid Chai property: ${property}`);
}

function guarded(property, target) {
  return (
    typeof property === 'string' &&
    config.useProxy &&
    config.proxyExcludedKeys.indexOf(property) === -1 &&
    !Reflect.has(target, property)
  );
}

const assertionGuard = new Proxy(
  {},
  {
    get(target, property, receiver) {
      if (guarded(property, target)) throw unknownProperty(receiver, property);
      return Reflect.get(target, property, receiver);
    },
  },
);

const methodGuard = new Proxy(Object.create(Function.prototype), {
  get(target, property, receiver) {
    if (guarded(property, target)) {
      const name = receiver[METHOD_NAME];
      throw new Error(`Invalid Chai property: ${name}.${property}. See docs for proper usage of "${name}".`);
    }
    return Reflect.get(target, property, receiver);
  },
});

Object.setPrototypeOf(Assertion.prototype, assertionGuard);

// `.length` right after a method is almost always a mistake for `.lengthOf`; say so. The
// descriptor is made once per method name and shared by every wrapper made for it.
function lengthGuard(name, chainable) {
  return {
    get() {
      if (chainable) {
        throw Error(
          `Invalid Chai property: ${name}.length. Due to a compatibility issue, "length" cannot directly follow "${name}". Use "${name}.lengthOf" instead.`,
        );
      }
      throw Error(`Invalid Chai property: ${name}.length. See docs for proper usage of "${name}".`);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Adding assertions (chai's plugin API).

// A property such as `.true` or `.deep`: runs `getter`; returns its result, or a fresh Assertion.
export function addProperty(proto, name, getter) {
  const run = getter === undefined ? () => undefined : getter;
  Object.defineProperty(proto, name, {
    get() {
      const result = run.call(this);
      return result === undefined ? derive(this) : result;
    },
    configurable: true,
  });
}

// A method such as `.equal(x)`: runs `method`; returns its result, or a fresh Assertion.
export function addMethod(proto, name, method) {
  const wrapper = function () {
    const result = method.apply(this, arguments);
    return result === undefined ? derive(this) : result;
  };
  Object.defineProperty(wrapper, 'length', lengthGuard(name, false));
  Object.defineProperty(wrapper, METHOD_NAME, { value: name });
  Object.setPrototypeOf(wrapper, methodGuard);
  proto[name] = wrapper;
}

const fnCall = Function.prototype.call;
const fnApply = Function.prototype.apply;

// Something usable both as a chain step and as a call (`.include`, `.a`, `.lengthOf`): reading it
// runs `chainingBehavior` on the assertion and yields a function that runs `method` when called
// and otherwise behaves like the assertion itself.
export function addChainableMethod(proto, name, method, chainingBehavior) {
  if (!Object.prototype.hasOwnProperty.call(proto, '__methods')) {
    Object.defineProperty(proto, '__methods', { value: {}, writable: true, configurable: true });
  }
  const behaviour = {
    method,
    chainingBehavior: typeof chainingBehavior === 'function' ? chainingBehavior : () => undefined,
  };
  proto.__methods[name] = behaviour;
  const guard = lengthGuard(name, true);
  Object.defineProperty(proto, name, {
    get() {
      behaviour.chainingBehavior.call(this);
      const wrapper = function () {
        const result = behaviour.method.apply(this, arguments);
        return result === undefined ? derive(this) : result;
      };
      Object.defineProperty(wrapper, 'length', guard);
      const base = Object.create(this);
      base.call = fnCall;
      base.apply = fnApply;
      Object.setPrototypeOf(wrapper, base);
      // chai's transferFlags(this, wrapper) here copies the flags onto themselves: the wrapper
      // reads `__flags` through its prototype chain. Only the creation matters.
      if (!this.__flags) this.__flags = Object.create(null);
      return wrapper;
    },
    configurable: true,
  });
}

// Replaces a property; `fn(original)` returns the new getter (called with the assertion).
export function overwriteProperty(proto, name, fn) {
  const desc = Object.getOwnPropertyDescriptor(proto, name);
  const original = desc && typeof desc.get === 'function' ? desc.get : () => undefined;
  const replacement = fn(function () {
    return original.call(this);
  });
  addProperty(proto, name, function () {
    return replacement.call(this);
  });
}

// Replaces a method; `fn(original)` returns the new method.
export function overwriteMethod(proto, name, fn) {
  const original = typeof proto[name] === 'function' ? proto[name] : () => undefined;
  addMethod(proto, name, fn(original));
}

Assertion.addProperty = (name, fn) => addProperty(Assertion.prototype, name, fn);
Assertion.addMethod = (name, fn) => addMethod(Assertion.prototype, name, fn);
Assertion.addChainableMethod = (name, fn, chain) => addChainableMethod(Assertion.prototype, name, fn, chain);
Assertion.overwriteProperty = (name, fn) => overwriteProperty(Assertion.prototype, name, fn);
Assertion.overwriteMethod = (name, fn) => overwriteMethod(Assertion.prototype, name, fn);
