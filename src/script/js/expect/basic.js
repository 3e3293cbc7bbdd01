// Assertions about a single value: its type, truthiness, emptiness, class, shape and state.
//
// `a`/`an(type)` compares against typeOf() case-insensitively; `ok`, `true`, `false`, `null`,
// `undefined`, `NaN`, `exist`, `finite`; `empty` (strings/arrays by length, Map/Set by size,
// objects by own enumerable keys); `arguments`; `instanceOf(Ctor)`; `match(re)`;
// `string(substr)`; `respondTo(name)`; `satisfy(fn)`; `extensible`, `sealed`, `frozen`.

import { Assertion, messagePrefix } from './core.js';
import { AssertionError } from './assertion-error.js';
import { inspect, objDisplay } from './inspect.js';
import { typeOf, functionName } from './type.js';

const VOWELS = ['a', 'e', 'i', 'o', 'u'];

export function typeIs(type, msg) {
  if (msg) this.__flags.message = msg;
  const wanted = type.toLowerCase();
  const article = VOWELS.indexOf(wanted.charAt(0)) !== -1 ? 'an ' : 'a ';
  this.assert(
    wanted === typeOf(this.__flags.object).toLowerCase(),
    'expected #{this} to be ' + article + wanted,
    'expected #{this} not to be ' + article + wanted,
  );
}

export function ok() {
  this.assert(this.__flags.object, 'expected #{this} to be truthy', 'expected #{this} to be falsy');
}

export function isTrue() {
  this.assert(
    this.__flags.object === true,
    'expected #{this} to be true',
    'expected #{this} to be false',
    !this.__flags.negate,
  );
}

export function isFalse() {
  this.assert(
    this.__flags.object === false,
    'expected #{this} to be false',
    'expected #{this} to be true',
    !!this.__flags.negate,
  );
}

export function isNull() {
  this.assert(this.__flags.object === null, 'expected #{this} to be null', 'expected #{this} not to be null');
}

export function isUndefined() {
  this.assert(
    this.__flags.object === undefined,
    'expected #{this} to be undefined',
    'expected #{this} not to be undefined',
  );
}

export function isNaN() {
  this.assert(Number.isNaN(this.__flags.object), 'expected #{this} to be NaN', 'expected #{this} not to be NaN');
}

export function exist() {
  const value = this.__flags.object;
  this.assert(value !== null && value !== undefined, 'expected #{this} to exist', 'expected #{this} to not exist');
}

export function empty() {
  const value = this.__flags.object;
  const prefix = messagePrefix(this);
  let count;
  switch (typeOf(value).toLowerCase()) {
    case 'array':
    case 'string':
      count = value.length;
      break;
    case 'map':
    case 'set':
      count = value.size;
      break;
    case 'weakmap':
    case 'weakset':
      throw new AssertionError(prefix + '.empty was passed a weak collection');
    case 'function':
      throw new AssertionError((prefix + '.empty was passed a function ' + functionName(value)).trim());
    default:
      if (value !== Object(value)) {
        throw new AssertionError(prefix + '.empty was passed non-string primitive ' + inspect(value));
      }
      count = Object.keys(value).length;
  }
  this.assert(count === 0, 'expected #{this} to be empty', 'expected #{this} not to be empty');
}

export function isArguments() {
  const type = typeOf(this.__flags.object);
  this.assert(
    type === 'Arguments',
    'expected #{this} to be arguments but got ' + type,
    'expected #{this} to not be arguments',
  );
}

export function instanceOf(constructor, msg) {
  if (msg) this.__flags.message = msg;
  let result;
  try {
    result = this.__flags.object instanceof constructor;
  } catch (err) {
    if (err instanceof TypeError) {
      throw new AssertionError(
        messagePrefix(this) + 'The instanceof assertion needs a constructor but ' + typeOf(constructor) + ' was given.',
      );
    }
    throw err;
  }
  let name = functionName(constructor);
  if (name === null) name = 'an unnamed constructor';
  this.assert(
    result,
    'expected #{this} to be an instance of ' + name,
    'expected #{this} to not be an instance of ' + name,
  );
}

export function match(re, msg) {
  if (msg) this.__flags.message = msg;
  this.assert(re.exec(this.__flags.object), 'expected #{this} to match ' + re, 'expected #{this} not to match ' + re);
}

export function containsString(str, msg) {
  if (msg) this.__flags.message = msg;
  const value = this.__flags.object;
  new Assertion(value, this.__flags.message).is.a('string');
  this.assert(
    value.indexOf(str) !== -1,
    'expected #{this} to contain ' + inspect(str),
    'expected #{this} to not contain ' + inspect(str),
  );
}

export function respondTo(method, msg) {
  if (msg) this.__flags.message = msg;
  const value = this.__flags.object;
  const target = typeof value === 'function' && !this.__flags.itself ? value.prototype[method] : value[method];
  this.assert(
    typeof target === 'function',
    'expected #{this} to respond to ' + inspect(method),
    'expected #{this} to not respond to ' + inspect(method),
  );
}

export function satisfy(matcher, msg) {
  if (msg) this.__flags.message = msg;
  const result = matcher(this.__flags.object);
  this.assert(
    result,
    'expected #{this} to satisfy ' + objDisplay(matcher),
    'expected #{this} to not satisfy' + objDisplay(matcher),
    !this.__flags.negate,
    result,
  );
}

export function extensible() {
  const value = this.__flags.object;
  this.assert(
    value === Object(value) && Object.isExtensible(value),
    'expected #{this} to be extensible',
    'expected #{this} to not be extensible',
  );
}

export function sealed() {
  const value = this.__flags.object;
  this.assert(
    value === Object(value) ? Object.isSealed(value) : true,
    'expected #{this} to be sealed',
    'expected #{this} to not be sealed',
  );
}

export function frozen() {
  const value = this.__flags.object;
  this.assert(
    value === Object(value) ? Object.isFrozen(value) : true,
    'expected #{this} to be frozen',
    'expected #{this} to not be frozen',
  );
}

export function finite() {
  const value = this.__flags.object;
  this.assert(
    typeof value === 'number' && isFinite(value),
    'expected #{this} to be a finite number',
    'expected #{this} to not be a finite number',
  );
}
