// AssertionError: the error every failed assertion throws.
//
// Shaped like chai's: `name` 'AssertionError' (on the prototype), `message`, `showDiff`, and the
// `actual` / `expected` / `operator` given by the assertion. Its prototype derives from
// Error.prototype, so `err instanceof Error` holds, while the object itself is an ordinary object
// (as in chai, where `Object.prototype.toString` reports it as a plain Object).

const RESERVED = new Set(['name', 'message', 'stack', 'constructor', 'toJSON']);

export function AssertionError(message, props) {
  this.message = message || 'Unspecified AssertionError';
  this.showDiff = false;
  if (props) {
    for (const key of Object.keys(props)) {
      if (!RESERVED.has(key)) this[key] = props[key];
    }
  }
  const probe = new Error(this.message);
  this.stack = typeof probe.stack === 'string' ? 'AssertionError: ' + this.message + '\n' + probe.stack : undefined;
}

AssertionError.prototype = Object.create(Error.prototype);
AssertionError.prototype.name = 'AssertionError';
AssertionError.prototype.constructor = AssertionError;

// Plain-object view of the error (name, message, showDiff, actual, expected, ...), with the stack
// unless `stack === false`.
AssertionError.prototype.toJSON = function toJSON(stack) {
  const out = { name: this.name };
  for (const key of Object.keys(this)) {
    if (key !== 'constructor' && key !== 'toJSON' && key !== 'stack') out[key] = this[key];
  }
  if (stack !== false && this.stack) out.stack = this.stack;
  return out;
};
