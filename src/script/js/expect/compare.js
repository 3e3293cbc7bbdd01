// Ordering and size assertions: above/gt/greaterThan, least/gte, below/lt/lessThan, most/lte,
// within, closeTo/approximately, and length/lengthOf (callable, or a chain that makes the next
// comparison look at `.length`, or `.size` for Map/Set: `.to.have.lengthOf.above(2)`).
//
// Without the length chain the value must be a number (compared to a number) or a Date (compared
// to a Date); anything else is reported before comparing, as chai does.

import { Assertion, messagePrefix } from './core.js';
import { AssertionError } from './assertion-error.js';
import { typeOf } from './type.js';

// Per comparison: its test and the positive/negated wording, for plain values and for lengths.
const COMPARISONS = {
  above: {
    test: (a, b) => a > b,
    plain: ['to be above #{exp}', 'to be at most #{exp}'],
    size: (d) => [`to have a ${d} above #{exp} but got #{act}`, `to not have a ${d} above #{exp}`],
  },
  least: {
    test: (a, b) => a >= b,
    plain: ['to be at least #{exp}', 'to be below #{exp}'],
    size: (d) => [`to have a ${d} at least #{exp} but got #{act}`, `to have a ${d} below #{exp}`],
  },
  below: {
    test: (a, b) => a < b,
    plain: ['to be below #{exp}', 'to be at least #{exp}'],
    size: (d) => [`to have a ${d} below #{exp} but got #{act}`, `to not have a ${d} below #{exp}`],
  },
  most: {
    test: (a, b) => a <= b,
    plain: ['to be at most #{exp}', 'to be above #{exp}'],
    size: (d) => [`to have a ${d} at most #{exp} but got #{act}`, `to have a ${d} above #{exp}`],
  },
};

function notNumberOrDate(prefix, obj, objType) {
  const shown = objType === 'string' ? "'" + obj + "'" : obj;
  return new AssertionError(prefix + 'expected ' + shown + ' to be a number or a date');
}

// `.length` (or `.size` for Map/Set) of the value, with the word for it in messages.
function measure(obj, objType) {
  if (objType === 'map' || objType === 'set') return { descriptor: 'size', count: obj.size };
  return { descriptor: 'length', count: obj.length };
}

// Fails (with chai's property message) when a non-Map/Set value has no `length`.
function requireLength(assertion, obj, objType) {
  if (objType !== 'map' && objType !== 'set') {
    new Assertion(obj, assertion.__flags.message).to.have.property('length');
  }
}

function compareWith(name) {
  const spec = COMPARISONS[name];
  return function (n, msg) {
    if (msg) this.__flags.message = msg;
    const flags = this.__flags;
    const obj = flags.object;
    const doLength = flags.doLength;
    const prefix = messagePrefix(this);
    const objType = typeOf(obj).toLowerCase();
    const nType = typeOf(n).toLowerCase();
    if (doLength) requireLength(this, obj, objType);
    if (!doLength && objType === 'date' && nType !== 'date') {
      throw new AssertionError(prefix + 'the argument to ' + name + ' must be a date');
    } else if (nType !== 'number' && (doLength || objType === 'number')) {
      throw new AssertionError(prefix + 'the argument to ' + name + ' must be a number');
    } else if (!doLength && objType !== 'date' && objType !== 'number') {
      throw notNumberOrDate(prefix, obj, objType);
    }
    if (doLength) {
      const { descriptor, count } = measure(obj, objType);
      const [yes, no] = spec.size(descriptor);
      this.assert(spec.test(count, n), 'expected #{this} ' + yes, 'expected #{this} ' + no, n, count);
    } else {
      this.assert(spec.test(obj, n), 'expected #{this} ' + spec.plain[0], 'expected #{this} ' + spec.plain[1], n);
    }
  };
}

export const above = compareWith('above');
export const least = compareWith('least');
export const below = compareWith('below');
export const most = compareWith('most');

export function within(start, finish, msg) {
  if (msg) this.__flags.message = msg;
  const flags = this.__flags;
  const obj = flags.object;
  const doLength = flags.doLength;
  const prefix = messagePrefix(this);
  const objType = typeOf(obj).toLowerCase();
  const startType = typeOf(start).toLowerCase();
  const finishType = typeOf(finish).toLowerCase();
  const range =
    startType === 'date' && finishType === 'date'
      ? start.toISOString() + '..' + finish.toISOString()
      : start + '..' + finish;
  if (doLength) requireLength(this, obj, objType);
  if (!doLength && objType === 'date' && (startType !== 'date' || finishType !== 'date')) {
    throw new AssertionError(prefix + 'the arguments to within must be dates');
  } else if ((startType !== 'number' || finishType !== 'number') && (doLength || objType === 'number')) {
    throw new AssertionError(prefix + 'the arguments to within must be numbers');
  } else if (!doLength && objType !== 'date' && objType !== 'number') {
    throw notNumberOrDate(prefix, obj, objType);
  }
  if (doLength) {
    const { descriptor, count } = measure(obj, objType);
    this.assert(
      count >= start && count <= finish,
      'expected #{this} to have a ' + descriptor + ' within ' + range,
      'expected #{this} to not have a ' + descriptor + ' within ' + range,
    );
  } else {
    this.assert(
      obj >= start && obj <= finish,
      'expected #{this} to be within ' + range,
      'expected #{this} to not be within ' + range,
    );
  }
}

export function closeTo(expected, delta, msg) {
  if (msg) this.__flags.message = msg;
  const obj = this.__flags.object;
  new Assertion(obj, this.__flags.message).is.a('number');
  if (typeof expected !== 'number' || typeof delta !== 'number') {
    const deltaNote = delta === undefined ? ', and a delta is required' : '';
    throw new AssertionError(
      messagePrefix(this) + 'the arguments to closeTo or approximately must be numbers' + deltaNote,
    );
  }
  this.assert(
    Math.abs(obj - expected) <= delta,
    'expected #{this} to be close to ' + expected + ' +/- ' + delta,
    'expected #{this} not to be close to ' + expected + ' +/- ' + delta,
  );
}

export function lengthChain() {
  this.__flags.doLength = true;
}

export function lengthOf(n, msg) {
  if (msg) this.__flags.message = msg;
  const obj = this.__flags.object;
  const objType = typeOf(obj).toLowerCase();
  requireLength(this, obj, objType);
  const { descriptor, count } = measure(obj, objType);
  this.assert(
    count == n,
    'expected #{this} to have a ' + descriptor + ' of #{exp} but got #{act}',
    'expected #{this} to not have a ' + descriptor + ' of #{act}',
    n,
    count,
  );
}
