// include / contain / includes / contains.
//
// Strings: substring. Arrays: an item (=== or, with `deep`, deep equality). Sets: membership
// (deep: any deeply equal item). Maps: a value (SameValueZero or deep). WeakSets: `has`. Other
// objects: every property of the given object is present with that value (via `property`, so
// `nested`, `own` and `deep` apply; negated with several properties it fails only when all are
// present). Used as a chain (`.include.members`, `.contain.keys`, `.include.oneOf`) it sets the
// `contains` flag instead.

import { Assertion, transferFlags, messagePrefix } from './core.js';
import { AssertionError } from './assertion-error.js';
import { deepEqual } from './deep-equal.js';
import { inspect } from './inspect.js';
import { typeOf } from './type.js';

export function includeChain() {
  this.__flags.contains = true;
}

function sameValueZero(a, b) {
  return (Number.isNaN(a) && Number.isNaN(b)) || a === b;
}

export function include(val, msg) {
  if (msg) this.__flags.message = msg;
  const flags = this.__flags;
  const obj = flags.object;
  const objType = typeOf(obj).toLowerCase();
  const isDeep = flags.deep;
  const prefix = messagePrefix(this);
  let included = false;
  switch (objType) {
    case 'string':
      included = obj.indexOf(val) !== -1;
      break;
    case 'weakset':
      if (isDeep) throw new AssertionError(prefix + 'unable to use .deep.include with WeakSet');
      included = obj.has(val);
      break;
    case 'map': {
      const same = isDeep ? deepEqual : sameValueZero;
      obj.forEach((item) => {
        included = included || same(item, val);
      });
      break;
    }
    case 'set':
      if (isDeep) {
        obj.forEach((item) => {
          included = included || deepEqual(item, val);
        });
      } else {
        included = obj.has(val);
      }
      break;
    case 'array':
      included = isDeep ? obj.some((item) => deepEqual(item, val)) : obj.indexOf(val) !== -1;
      break;
    default:
      includeProperties(this, obj, objType, val, prefix);
      return;
  }
  const descriptor = isDeep ? 'deep ' : '';
  this.assert(
    included,
    'expected #{this} to ' + descriptor + 'include ' + inspect(val),
    'expected #{this} to not ' + descriptor + 'include ' + inspect(val),
  );
}

function includeProperties(assertion, obj, objType, val, prefix) {
  if (val !== Object(val)) {
    const valType = typeOf(val).toLowerCase();
    throw new AssertionError(
      prefix +
        'the given combination of arguments (' + objType + ' and ' + valType + ') is invalid for this assertion. ' +
        'You can use an array, a map, an object, a set, a string, or a weakset instead of a ' + valType,
    );
  }
  const negate = assertion.__flags.negate;
  const props = Object.keys(val);
  let firstError = null;
  let failures = 0;
  for (const prop of props) {
    const check = new Assertion(obj);
    transferFlags(assertion, check, true);
    if (!negate || props.length === 1) {
      check.property(prop, val[prop]);
      continue;
    }
    try {
      check.property(prop, val[prop]);
    } catch (err) {
      if (!(err instanceof AssertionError)) throw err;
      if (firstError === null) firstError = err;
      failures += 1;
    }
  }
  if (negate && props.length > 1 && failures === props.length) throw firstError;
}
