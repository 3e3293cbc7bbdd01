// equal / eql / members / oneOf.
//
// `equal` is strict (===) unless `deep` is set, then it is `eql`. `eql` is deepEqual().
// `members(list)`: same members as the array (any order; `ordered` for order; `include` for a
// subset; `deep` for deep equality of items; duplicates count). `oneOf(list)`: the value is an
// item of the list (=== or deep); with `contain`, the value contains one of the items.

import { Assertion } from './core.js';
import { deepEqual } from './deep-equal.js';

export function equal(val, msg) {
  if (msg) this.__flags.message = msg;
  if (this.__flags.deep) {
    this.eql(val);
    return;
  }
  this.assert(
    val === this.__flags.object,
    'expected #{this} to equal #{exp}',
    'expected #{this} to not equal #{exp}',
    val,
    this.__flags.object,
    true,
  );
}

export function eql(val, msg) {
  if (msg) this.__flags.message = msg;
  this.assert(
    deepEqual(val, this.__flags.object),
    'expected #{this} to deeply equal #{exp}',
    'expected #{this} to not deeply equal #{exp}',
    val,
    this.__flags.object,
    true,
  );
}

// Whether every item of `subset` is matched in `superset` (by `same`, or === when absent).
// Without `contains` both must have the same length and each match is used up once.
function isSubsetOf(subset, superset, same, contains, ordered) {
  let pool = superset;
  if (!contains) {
    if (subset.length !== superset.length) return false;
    pool = superset.slice();
  }
  return subset.every((item, index) => {
    if (ordered) return same ? same(item, pool[index]) : item === pool[index];
    if (!same) {
      const at = pool.indexOf(item);
      if (at === -1) return false;
      if (!contains) pool.splice(at, 1);
      return true;
    }
    return pool.some((candidate, at) => {
      if (!same(item, candidate)) return false;
      if (!contains) pool.splice(at, 1);
      return true;
    });
  });
}

export function members(subset, msg) {
  if (msg) this.__flags.message = msg;
  const flags = this.__flags;
  const obj = flags.object;
  new Assertion(obj, flags.message).to.be.an('array');
  new Assertion(subset, flags.message).to.be.an('array');
  let failMsg;
  let failNegateMsg;
  if (flags.contains) {
    const subject = flags.ordered ? 'an ordered superset' : 'a superset';
    failMsg = 'expected #{this} to be ' + subject + ' of #{exp}';
    failNegateMsg = 'expected #{this} to not be ' + subject + ' of #{exp}';
  } else {
    const subject = flags.ordered ? 'ordered members' : 'members';
    failMsg = 'expected #{this} to have the same ' + subject + ' as #{exp}';
    failNegateMsg = 'expected #{this} to not have the same ' + subject + ' as #{exp}';
  }
  const same = flags.deep ? deepEqual : undefined;
  this.assert(isSubsetOf(subset, obj, same, flags.contains, flags.ordered), failMsg, failNegateMsg, subset, obj, true);
}

export function oneOf(list, msg) {
  if (msg) this.__flags.message = msg;
  const flags = this.__flags;
  const value = flags.object;
  new Assertion(list, flags.message).to.be.an('array');
  if (flags.contains) {
    this.assert(
      list.some((item) => value.indexOf(item) > -1),
      'expected #{this} to contain one of #{exp}',
      'expected #{this} to not contain one of #{exp}',
      list,
      value,
    );
  } else if (flags.deep) {
    this.assert(
      list.some((item) => deepEqual(value, item)),
      'expected #{this} to deeply equal one of #{exp}',
      'expected #{this} to deeply equal one of #{exp}',
      list,
      value,
    );
  } else {
    this.assert(
      list.indexOf(value) > -1,
      'expected #{this} to be one of #{exp}',
      'expected #{this} to not be one of #{exp}',
      list,
      value,
    );
  }
}
