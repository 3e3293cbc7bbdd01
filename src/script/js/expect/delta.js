// change / increase / decrease (and their -s forms), with `.by(n)`.
//
// `expect(fn).to.change(obj, 'prop')` reads obj.prop before and after calling fn;
// `expect(fn).to.change(getter)` calls the getter before and after. `increase`/`decrease` need a
// number and a positive / negative difference. `.by(n)` then checks the size of the difference.

import { Assertion } from './core.js';

function measureAround(assertion, subject, prop, behaviour, numeric) {
  const flags = assertion.__flags;
  const fn = flags.object;
  new Assertion(fn, flags.message).is.a('function');
  let initial;
  if (!prop) {
    new Assertion(subject, flags.message).is.a('function');
    initial = subject();
  } else {
    new Assertion(subject, flags.message).to.have.property(prop);
    initial = subject[prop];
  }
  if (numeric) new Assertion(initial, flags.message).is.a('number');
  fn();
  const noProp = prop === undefined || prop === null;
  const final = noProp ? subject() : subject[prop];
  const shown = noProp ? initial : '.' + prop;
  flags.deltaMsgObj = shown;
  flags.initialDeltaValue = initial;
  flags.finalDeltaValue = final;
  flags.deltaBehavior = behaviour;
  return { initial, final, shown };
}

export function change(subject, prop, msg) {
  if (msg) this.__flags.message = msg;
  const { initial, final, shown } = measureAround(this, subject, prop, 'change', false);
  this.__flags.realDelta = final !== initial;
  this.assert(initial !== final, 'expected ' + shown + ' to change', 'expected ' + shown + ' to not change');
}

export function increase(subject, prop, msg) {
  if (msg) this.__flags.message = msg;
  const { initial, final, shown } = measureAround(this, subject, prop, 'increase', true);
  this.__flags.realDelta = final - initial;
  this.assert(final - initial > 0, 'expected ' + shown + ' to increase', 'expected ' + shown + ' to not increase');
}

export function decrease(subject, prop, msg) {
  if (msg) this.__flags.message = msg;
  const { initial, final, shown } = measureAround(this, subject, prop, 'decrease', true);
  this.__flags.realDelta = initial - final;
  this.assert(final - initial < 0, 'expected ' + shown + ' to decrease', 'expected ' + shown + ' to not decrease');
}

export function by(delta, msg) {
  if (msg) this.__flags.message = msg;
  const flags = this.__flags;
  const behaviour = flags.deltaBehavior;
  const shown = flags.deltaMsgObj;
  const expression =
    behaviour === 'change'
      ? Math.abs(flags.finalDeltaValue - flags.initialDeltaValue) === Math.abs(delta)
      : flags.realDelta === Math.abs(delta);
  this.assert(
    expression,
    'expected ' + shown + ' to ' + behaviour + ' by ' + delta,
    'expected ' + shown + ' to not ' + behaviour + ' by ' + delta,
  );
}
