// property / ownProperty / haveOwnProperty / ownPropertyDescriptor / keys / key.
//
// `property(name[, value])`: the property exists (own or inherited; own with `own`; a dotted /
// bracketed path with `nested`, e.g. 'a.b[1].c', where `\.` and `\[` escape), and equals `value`
// when given (=== or deep). It then makes the property's value the subject of the chain.
// `ownPropertyDescriptor(name[, descriptor])` likewise with the descriptor. `keys(...)` compares
// own enumerable keys (or Map/Set keys): exactly, or with `contain`/`include` a subset, or with
// `any` at least one.

import { messagePrefix } from './core.js';
import { AssertionError } from './assertion-error.js';
import { deepEqual } from './deep-equal.js';
import { inspect } from './inspect.js';
import { typeOf } from './type.js';

function hasProperty(obj, name) {
  if (obj === undefined || obj === null) return false;
  return name in Object(obj);
}

// Splits a nested path into its pieces: '.' separates (empty pieces are dropped), `\.` is a
// literal dot, and '[' starts a new piece unless escaped (or right after a '[' that started one).
function pathPieces(path) {
  const pieces = [];
  let piece = '';
  let splitBefore = -2; // index of the last '[' that started a piece
  for (let i = 0; i < path.length; i += 1) {
    const ch = path[i];
    if (ch === '\\' && path[i + 1] === '.') {
      piece += '\\.';
      i += 1;
    } else if (ch === '.') {
      if (piece) pieces.push(piece);
      piece = '';
    } else if (ch === '[' && i > 0 && path[i - 1] !== '\\' && splitBefore !== i - 1) {
      if (piece) pieces.push(piece);
      piece = '[';
      splitBefore = i;
    } else {
      piece += ch;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

// Steps of a nested path ({ key } or { index } for '[n]'); 'constructor', 'prototype' and
// '__proto__' become steps that read nothing.
function parsePath(path) {
  return pathPieces(path).map((piece) => {
    if (piece === 'constructor' || piece === '__proto__' || piece === 'prototype') return {};
    const index = /^\[(\d+)\]$/.exec(piece);
    if (index) return { index: parseFloat(index[1]) };
    return { key: piece.replace(/\\([.[\]])/g, '$1') };
  });
}

function stepName(step) {
  return step.key === undefined ? step.index : step.key;
}

// Value after following the first `depth` steps; null when a step meets a falsy value.
function followPath(obj, steps, depth) {
  let current = obj;
  let result = null;
  for (let i = 0; i < depth; i += 1) {
    if (current) {
      current = current[stepName(steps[i])];
      if (i === depth - 1) result = current;
    }
  }
  return result;
}

// { parent, name, value, exists } for a nested path.
export function pathInfo(obj, path) {
  const steps = parsePath(path);
  const last = steps[steps.length - 1];
  const parent = steps.length > 1 ? followPath(obj, steps, steps.length - 1) : obj;
  const name = last.key || last.index;
  return { parent, name, value: followPath(obj, steps, steps.length), exists: hasProperty(parent, name) };
}

export function property(name, val, msg) {
  if (msg) this.__flags.message = msg;
  const flags = this.__flags;
  const isNested = flags.nested;
  const isOwn = flags.own;
  const obj = flags.object;
  const prefix = messagePrefix(this);
  const nameType = typeof name;
  if (isNested) {
    if (nameType !== 'string') {
      throw new AssertionError(prefix + 'the argument to property must be a string when using nested syntax');
    }
  } else if (nameType !== 'string' && nameType !== 'number' && nameType !== 'symbol') {
    throw new AssertionError(prefix + 'the argument to property must be a string, number, or symbol');
  }
  if (isNested && isOwn) throw new AssertionError(prefix + 'The "nested" and "own" flags cannot be combined.');
  if (obj === null || obj === undefined) throw new AssertionError(prefix + 'Target cannot be null or undefined.');
  const isDeep = flags.deep;
  const info = isNested ? pathInfo(obj, name) : null;
  const value = isNested ? info.value : obj[name];
  let descriptor = '';
  if (isDeep) descriptor += 'deep ';
  if (isOwn) descriptor += 'own ';
  if (isNested) descriptor += 'nested ';
  descriptor += 'property ';
  let has;
  if (isOwn) has = Object.prototype.hasOwnProperty.call(obj, name);
  else if (isNested) has = info.exists;
  else has = hasProperty(obj, name);
  const shownName = inspect(name);
  if (!flags.negate || arguments.length === 1) {
    this.assert(
      has,
      'expected #{this} to have ' + descriptor + shownName,
      'expected #{this} to not have ' + descriptor + shownName,
    );
  }
  if (arguments.length > 1) {
    this.assert(
      has && (isDeep ? deepEqual(val, value) : val === value),
      'expected #{this} to have ' + descriptor + shownName + ' of #{exp}, but got #{act}',
      'expected #{this} to not have ' + descriptor + shownName + ' of #{act}',
      val,
      value,
    );
  }
  flags.object = value;
}

export function ownProperty(...args) {
  this.__flags.own = true;
  property.apply(this, args);
}

export function ownPropertyDescriptor(name, descriptor, msg) {
  if (typeof descriptor === 'string') {
    msg = descriptor;
    descriptor = null;
  }
  if (msg) this.__flags.message = msg;
  const obj = this.__flags.object;
  const actual = Object.getOwnPropertyDescriptor(Object(obj), name);
  if (actual && descriptor) {
    this.assert(
      deepEqual(descriptor, actual),
      'expected the own property descriptor for ' + inspect(name) + ' on #{this} to match ' + inspect(descriptor) +
        ', got ' + inspect(actual),
      'expected the own property descriptor for ' + inspect(name) + ' on #{this} to not match ' + inspect(descriptor),
      descriptor,
      actual,
      true,
    );
  } else {
    this.assert(
      actual,
      'expected #{this} to have an own property descriptor for ' + inspect(name),
      'expected #{this} to not have an own property descriptor for ' + inspect(name),
    );
  }
  this.__flags.object = actual;
}

function ownEnumerableKeys(obj) {
  const keys = Object.keys(obj);
  for (const sym of Object.getOwnPropertySymbols(obj)) {
    if (Object.getOwnPropertyDescriptor(obj, sym).enumerable) keys.push(sym);
  }
  return keys;
}

function byRendering(a, b) {
  return inspect(a) < inspect(b) ? -1 : 1;
}

export function keys(first) {
  const flags = this.__flags;
  const obj = flags.object;
  const objType = typeOf(obj);
  const keysType = typeOf(first);
  const isDeep = flags.deep;
  const prefix = messagePrefix(this);
  const mixedArgs =
    prefix +
    'when testing keys against an object or an array you must give a single Array|Object|String argument or multiple String arguments';
  let wanted = first;
  let actual;
  let deepWord = '';
  if (objType === 'Map' || objType === 'Set') {
    deepWord = isDeep ? 'deeply ' : '';
    actual = [];
    obj.forEach((value, key) => actual.push(key));
    if (keysType !== 'Array') wanted = Array.prototype.slice.call(arguments);
  } else {
    actual = ownEnumerableKeys(obj);
    if (keysType === 'Array') {
      if (arguments.length > 1) throw new AssertionError(mixedArgs);
    } else if (keysType === 'Object') {
      if (arguments.length > 1) throw new AssertionError(mixedArgs);
      wanted = Object.keys(first);
    } else {
      wanted = Array.prototype.slice.call(arguments);
    }
    wanted = wanted.map((key) => (typeof key === 'symbol' ? key : String(key)));
  }
  if (!wanted.length) throw new AssertionError(prefix + 'keys required');
  const count = wanted.length;
  const anyFlag = flags.any;
  let allFlag = flags.all;
  if (!anyFlag && !allFlag) allFlag = true;
  const same = (a, b) => (isDeep ? deepEqual(a, b) : a === b);
  const present = (key) => actual.some((have) => same(key, have));
  let ok = true;
  if (anyFlag) ok = wanted.some(present);
  if (allFlag) {
    ok = wanted.every(present);
    if (!flags.contains) ok = ok && wanted.length == actual.length;
  }
  let text;
  if (count > 1) {
    const shown = wanted.map((key) => inspect(key));
    const last = shown.pop();
    if (allFlag) text = shown.join(', ') + ', and ' + last;
    if (anyFlag) text = shown.join(', ') + ', or ' + last;
  } else {
    text = inspect(wanted[0]);
  }
  text = (count > 1 ? 'keys ' : 'key ') + text;
  text = (flags.contains ? 'contain ' : 'have ') + text;
  this.assert(
    ok,
    'expected #{this} to ' + deepWord + text,
    'expected #{this} to not ' + deepWord + text,
    wanted.slice(0).sort(byRendering),
    actual.sort(byRendering),
    true,
  );
}
