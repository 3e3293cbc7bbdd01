// typeOf: the type names chai reports (`a`/`an`, deep equality, argument checks).
//
// Primitives give their `typeof` ('string', 'number', 'function', ...), `null` gives 'null',
// objects give a capitalised tag: 'Array', 'Object', 'Date', 'RegExp', 'Map', 'Set', 'Promise',
// 'Error', 'Arguments', 'Uint8Array', ... An own or inherited string `Symbol.toStringTag` wins
// over the built-in kind, and the global object is 'global'.

const objectToString = Object.prototype.toString;

const PROTO_NAMES = new Map([
  [RegExp.prototype, 'RegExp'],
  [Date.prototype, 'Date'],
  [Promise.prototype, 'Promise'],
  [Set.prototype, 'Set'],
  [Map.prototype, 'Map'],
  [WeakSet.prototype, 'WeakSet'],
  [WeakMap.prototype, 'WeakMap'],
  [DataView.prototype, 'DataView'],
  [Object.getPrototypeOf(new Map().entries()), 'Map Iterator'],
  [Object.getPrototypeOf(new Set().entries()), 'Set Iterator'],
  [Object.getPrototypeOf([][Symbol.iterator]()), 'Array Iterator'],
  [Object.getPrototypeOf(''[Symbol.iterator]()), 'String Iterator'],
]);

export function typeOf(value) {
  const kind = typeof value;
  if (kind !== 'object') return kind;
  if (value === null) return 'null';
  if (value === globalThis) return 'global';
  if (Array.isArray(value) && !(Symbol.toStringTag in value)) return 'Array';
  const tag = value[Symbol.toStringTag];
  if (typeof tag === 'string') return tag;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return 'Object';
  const known = PROTO_NAMES.get(proto);
  if (known !== undefined) return known;
  return objectToString.call(value).slice(8, -1);
}

// The name of a function (its `name` property), or null for anything that is not a function.
export function functionName(fn) {
  if (typeof fn !== 'function') return null;
  return fn.name;
}
