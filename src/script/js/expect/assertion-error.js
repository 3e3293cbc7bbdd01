// AssertionError: the error every failed assertion throws.
//
// Shaped like chai's: `name` 'AssertionError' (on the prototype), `message`, `showDiff`, and the
// `actual` / `expected` / `operator` given by the assertion, plus a non-enumerable `stack`
// ('AssertionError: <message>' then the frames from the asserting script on). Its prototype derives from
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
  Object.defineProperty(this, 'stack', {
    value: 'AssertionError: ' + this.message + '\n' + callerFrames(),
    writable: true,
    configurable: true,
  });
}

// The current stack without the frames of these modules (named 'expect/...'), so it starts at
// the script line that made the assertion.
function callerFrames() {
  const stack = new Error().stack;
  if (typeof stack !== 'string') return '';
  const frames = stack.split('\n');
  let first = 0;
  while (first < frames.length && /\((?:expect\/[^)]*|native)\)$/.test(frames[first])) first += 1;
  return frames.slice(first).join('\n');
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
