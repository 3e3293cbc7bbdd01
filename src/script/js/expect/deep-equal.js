// deepEqual: chai's deep equality (`eql`, `deep.equal`, `deep.include`, `deep.members`, ...).
//
// Rules (chai 4 / deep-eql 4): identical values are equal except +0 and -0; NaN equals NaN; a
// primitive never equals an object; otherwise both sides must have the same type name (see
// type.js) and then:
// - String/Number/Boolean wrappers and Dates compare their primitive value;
// - functions, symbols, promises, WeakMap/WeakSet compare by identity;
// - Errors compare `name`, `message` and `code`;
// - arrays, arguments and typed arrays compare length and items in order;
// - RegExps compare their source text with flags;
// - Maps and Sets compare their entries after sorting them by their string form;
// - DataView/ArrayBuffer compare bytes; generators compare the values they yield;
// - anything else compares enumerable keys (own and inherited, plus own enumerable symbols), and
//   objects without keys compare what their iterators yield.
// Cyclic structures terminate: a pair of objects already under comparison counts as equal.

import { typeOf } from './type.js';

function isPrimitive(v) {
  return v === null || typeof v !== 'object';
}

// Outcome for pairs decidable without looking inside: true, false, or null (look inside).
function quickEqual(a, b) {
  if (a === b) return a !== 0 || 1 / a === 1 / b;
  if (a !== a && b !== b) return true; // both NaN
  if (isPrimitive(a) || isPrimitive(b)) return false;
  return null;
}

// Remembers results for object pairs (left -> right -> boolean).
class PairMemo {
  constructor() {
    this.byLeft = new WeakMap();
  }
  get(a, b) {
    if (isPrimitive(a) || isPrimitive(b)) return null;
    const inner = this.byLeft.get(a);
    if (!inner) return null;
    const hit = inner.get(b);
    return typeof hit === 'boolean' ? hit : null;
  }
  set(a, b, result) {
    if (isPrimitive(a) || isPrimitive(b)) return;
    let inner = this.byLeft.get(a);
    if (!inner) {
      inner = new WeakMap();
      this.byLeft.set(a, inner);
    }
    inner.set(b, result);
  }
}

export function deepEqual(a, b, memo) {
  const quick = quickEqual(a, b);
  if (quick !== null) return quick;
  return compareObjects(a, b, memo || new PairMemo());
}

function compareObjects(a, b, memo) {
  const known = memo.get(a, b);
  if (known !== null) return known;
  const knownReverse = memo.get(b, a);
  if (knownReverse !== null) return knownReverse;
  const type = typeOf(a);
  if (type !== typeOf(b)) {
    memo.set(a, b, false);
    return false;
  }
  memo.set(a, b, true);
  const result = compareByType(a, b, type, memo);
  memo.set(a, b, result);
  return result;
}

const SEQUENCE_TYPES = new Set([
  'Arguments', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
  'Uint32Array', 'Float32Array', 'Float64Array', 'Array',
]);

function compareByType(a, b, type, memo) {
  switch (type) {
    case 'String':
    case 'Number':
    case 'Boolean':
    case 'Date':
      return deepEqual(a.valueOf(), b.valueOf());
    case 'Promise':
    case 'Symbol':
    case 'function':
    case 'WeakMap':
    case 'WeakSet':
      return a === b;
    case 'Error':
      return sameKeys(a, b, ['name', 'message', 'code'], memo);
    case 'RegExp':
      return a.toString() === b.toString();
    case 'Generator':
      return sameSequence(drain(a), drain(b), memo);
    case 'DataView':
      return sameSequence(new Uint8Array(a.buffer), new Uint8Array(b.buffer), memo);
    case 'ArrayBuffer':
      return sameSequence(new Uint8Array(a), new Uint8Array(b), memo);
    case 'Set':
    case 'Map':
      return sameEntries(a, b, memo);
    default:
      if (SEQUENCE_TYPES.has(type)) return sameSequence(a, b, memo);
      return sameObject(a, b, memo);
  }
}

function sameSequence(a, b, memo) {
  const length = a.length;
  if (length !== b.length) return false;
  for (let i = 0; i < length; i += 1) {
    if (deepEqual(a[i], b[i], memo) === false) return false;
  }
  return true;
}

function sameKeys(a, b, keys, memo) {
  for (const key of keys) {
    if (deepEqual(a[key], b[key], memo) === false) return false;
  }
  return true;
}

// Map/Set contents as [value, key] pairs (the `forEach` argument order), sorted by string form.
function entryList(collection) {
  const pairs = [];
  collection.forEach((value, key) => pairs.push([value, key]));
  return pairs.sort();
}

function sameEntries(a, b, memo) {
  try {
    if (a.size !== b.size) return false;
    if (a.size === 0) return true;
  } catch {
    return false;
  }
  return sameSequence(entryList(a), entryList(b), memo);
}

function drain(iterator) {
  let step = iterator.next();
  const values = [step.value];
  while (step.done === false) {
    step = iterator.next();
    values.push(step.value);
  }
  return values;
}

function iteratedValues(target) {
  if (typeof target === 'object' && typeof target[Symbol.iterator] === 'function') {
    try {
      return drain(target[Symbol.iterator]());
    } catch {
      return [];
    }
  }
  return [];
}

function enumerableKeys(target) {
  const keys = [];
  for (const key in target) keys.push(key);
  for (const sym of Object.getOwnPropertySymbols(target)) {
    if (Object.getOwnPropertyDescriptor(target, sym).enumerable) keys.push(sym);
  }
  return keys;
}

function keyText(key) {
  return typeof key === 'symbol' ? key.toString() : key;
}

function sameObject(a, b, memo) {
  const keysA = enumerableKeys(a);
  const keysB = enumerableKeys(b);
  if (keysA.length && keysA.length === keysB.length) {
    if (sameSequence(keysA.map(keyText).sort(), keysB.map(keyText).sort()) === false) return false;
    return sameKeys(a, b, keysA, memo);
  }
  const valuesA = iteratedValues(a);
  const valuesB = iteratedValues(b);
  if (valuesA.length && valuesA.length === valuesB.length) {
    valuesA.sort();
    valuesB.sort();
    return sameSequence(valuesA, valuesB, memo);
  }
  return keysA.length === 0 && valuesA.length === 0 && keysB.length === 0 && valuesB.length === 0;
}
