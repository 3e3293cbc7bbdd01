// `require('assert')`: Node's assert with its AssertionError and the messages Node 20 gives
// for the common cases (ok, equal, strictEqual, deepEqual, deepStrictEqual with a +/- line
// diff, throws/rejects, match, fail, ifError). `assert.strict` is the strict flavour.
import { inspect } from '../prelude/inspect.js';
import { deepEqual } from './platform/deep-equal.js';

export class AssertionError extends Error {
  constructor(options = {}) {
    super(options.message);
    this.name = 'AssertionError';
    this.code = 'ERR_ASSERTION';
    this.actual = options.actual;
    this.expected = options.expected;
    this.operator = options.operator;
    this.generatedMessage = !options.userMessage;
  }
}

/** Node's multi-line rendering of a value inside assertion messages. */
function block(v, indent = '') {
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[\n' + v.map((x) => indent + '  ' + block(x, indent + '  ')).join(',\n') + '\n' + indent + ']';
  }
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const keys = Object.keys(v);
    if (keys.length === 0) return '{}';
    const key = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : inspect(k));
    return '{\n' + keys.map((k) => `${indent}  ${key(k)}: ${block(v[k], indent + '  ')}`).join(',\n') + '\n' + indent + '}';
  }
  return inspect(v);
}

function lineDiff(actual, expected) {
  const a = actual.split('\n');
  const b = expected.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push('  ' + a[i++]);
      j++;
    } else if (j >= b.length || (i < a.length && lcs[i + 1][j] >= lcs[i][j + 1])) {
      out.push('+ ' + a[i++]);
    } else {
      out.push('- ' + b[j++]);
    }
  }
  return out.join('\n');
}

function isObj(v) {
  return v !== null && (typeof v === 'object' || typeof v === 'function');
}

function fail(message, actual, expected, operator, fallback) {
  if (message instanceof Error) throw message;
  throw new AssertionError({ message: message === undefined ? fallback() : message, userMessage: message !== undefined, actual, expected, operator });
}

function okCheck(args) {
  const [value, message] = args;
  if (args.length === 0) fail(undefined, undefined, true, '==', () => 'No value argument passed to `assert.ok()`');
  if (!value) fail(message, value, true, '==', () => `${inspect(value)} == true`);
}

function assert(...args) {
  okCheck(args);
}

assert.ok = (...args) => okCheck(args);
assert.AssertionError = AssertionError;

assert.fail = function (message) {
  if (message instanceof Error) throw message;
  throw new AssertionError({ message: message === undefined ? 'Failed' : message, userMessage: message !== undefined, operator: 'fail' });
};

assert.equal = function (actual, expected, message) {
  if (!(actual == expected || (actual !== actual && expected !== expected))) fail(message, actual, expected, '==', () => `${inspect(actual)} == ${inspect(expected)}`); // eslint-disable-line eqeqeq
};

assert.notEqual = function (actual, expected, message) {
  if (actual == expected || (actual !== actual && expected !== expected)) fail(message, actual, expected, '!=', () => `${inspect(actual)} != ${inspect(expected)}`); // eslint-disable-line eqeqeq
};

assert.strictEqual = function (actual, expected, message) {
  if (Object.is(actual, expected)) return;
  fail(message, actual, expected, 'strictEqual', () => {
    if (isObj(actual) && isObj(expected) && deepEqual(actual, expected, true)) {
      return `Values have same structure but are not reference-equal:\n\n${block(actual)}\n`;
    }
    if (isObj(actual) || isObj(expected)) return `Expected values to be strictly equal:\n+ actual - expected\n\n${lineDiff(block(actual), block(expected))}`;
    return `Expected values to be strictly equal:\n\n${inspect(actual)} !== ${inspect(expected)}\n`;
  });
};

assert.notStrictEqual = function (actual, expected, message) {
  if (Object.is(actual, expected)) fail(message, actual, expected, 'notStrictEqual', () => `Expected "actual" to be strictly unequal to: ${inspect(expected)}`);
};

assert.deepEqual = function (actual, expected, message) {
  if (!deepEqual(actual, expected, false)) {
    fail(message, actual, expected, 'deepEqual', () => `Expected values to be loosely deep-equal:\n\n${block(actual)}\n\nshould loosely deep-equal\n\n${block(expected)}`);
  }
};

assert.notDeepEqual = function (actual, expected, message) {
  if (deepEqual(actual, expected, false)) {
    fail(message, actual, expected, 'notDeepEqual', () => `"actual" deepEqual "expected"\n\n${block(actual)}`);
  }
};

assert.deepStrictEqual = function (actual, expected, message) {
  if (deepEqual(actual, expected, true)) return;
  fail(message, actual, expected, 'deepStrictEqual', () => {
    if (!isObj(actual) && !isObj(expected)) return `Expected values to be strictly deep-equal:\n\n${inspect(actual)} !== ${inspect(expected)}\n`;
    return `Expected values to be strictly deep-equal:\n+ actual - expected\n\n${lineDiff(block(actual), block(expected))}`;
  });
};

assert.notDeepStrictEqual = function (actual, expected, message) {
  if (deepEqual(actual, expected, true)) {
    fail(message, actual, expected, 'notDeepStrictEqual', () => `Expected "actual" not to be strictly deep-equal to:\n\n${block(expected)}\n`);
  }
};

assert.match = function (string, regexp, message) {
  if (typeof string !== 'string' || !regexp.test(string)) {
    fail(message, string, regexp, 'match', () => `The input did not match the regular expression ${String(regexp)}. Input:\n\n${inspect(string)}\n`);
  }
};

assert.doesNotMatch = function (string, regexp, message) {
  if (typeof string === 'string' && regexp.test(string)) {
    fail(message, string, regexp, 'doesNotMatch', () => `The input was expected to not match the regular expression ${String(regexp)}. Input:\n\n${inspect(string)}\n`);
  }
};

assert.ifError = function (value) {
  if (value === null || value === undefined) return;
  const text = value && value.message !== undefined ? value.message : inspect(value);
  throw new AssertionError({ message: `ifError got unwanted exception: ${text}`, userMessage: true, actual: value, expected: null, operator: 'ifError' });
};

function checkError(actual, expected, message, operator) {
  if (expected === undefined) return;
  if (expected instanceof RegExp) {
    const text = String(actual);
    if (!expected.test(text)) fail(message, actual, expected, operator, () => `The input did not match the regular expression ${String(expected)}. Input:\n\n${inspect(text)}\n`);
    return;
  }
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && actual instanceof expected) return;
    if (Error.isPrototypeOf(expected) || expected === Error) {
      const got = actual && actual.constructor ? actual.constructor.name : typeof actual;
      fail(message, actual, expected, operator, () => `The error is expected to be an instance of "${expected.name}". Received "${got}"\n\nError message:\n\n${actual && actual.message}`);
    }
    if (expected.call({}, actual) !== true) {
      fail(message, actual, expected, operator, () => `The ${expected.name ? `"${expected.name}" validation function` : 'validation function'} is expected to return "true". Received ${inspect(expected.call({}, actual))}`);
    }
    return;
  }
  if (isObj(expected)) {
    for (const k of Object.keys(expected)) {
      const want = expected[k];
      const got = actual == null ? undefined : actual[k];
      const ok = want instanceof RegExp && typeof got === 'string' ? want.test(got) : deepEqual(got, want, true);
      if (!ok) fail(message, actual, expected, operator, () => `Expected values to be strictly deep-equal:\n+ actual - expected\n\n+ ${k}: ${inspect(got)}\n- ${k}: ${inspect(want)}`);
    }
  }
}

const NONE = Symbol('none');

assert.throws = function (fn, expected, message) {
  if (typeof expected === 'string') {
    message = expected;
    expected = undefined;
  }
  let caught = NONE;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  if (caught === NONE) {
    throw new AssertionError({ message: `Missing expected exception${expected && expected.name ? ` (${expected.name})` : ''}${message ? `: ${message}` : '.'}`, userMessage: true, operator: 'throws', expected });
  }
  checkError(caught, expected, message, 'throws');
};

assert.doesNotThrow = function (fn, expected, message) {
  if (typeof expected === 'string') message = expected;
  try {
    fn();
  } catch (e) {
    throw new AssertionError({ message: `Got unwanted exception${message ? `: ${message}` : '.'}\nActual message: "${e && e.message}"`, userMessage: true, actual: e, operator: 'doesNotThrow' });
  }
};

assert.rejects = async function (promiseOrFn, expected, message) {
  if (typeof expected === 'string') {
    message = expected;
    expected = undefined;
  }
  let caught = NONE;
  try {
    await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
  } catch (e) {
    caught = e;
  }
  if (caught === NONE) {
    throw new AssertionError({ message: `Missing expected rejection${expected && expected.name ? ` (${expected.name})` : ''}${message ? `: ${message}` : '.'}`, userMessage: true, operator: 'rejects', expected });
  }
  checkError(caught, expected, message, 'rejects');
};

assert.doesNotReject = async function (promiseOrFn, expected, message) {
  if (typeof expected === 'string') message = expected;
  try {
    await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
  } catch (e) {
    throw new AssertionError({ message: `Got unwanted rejection${message ? `: ${message}` : '.'}\nActual message: "${e && e.message}"`, userMessage: true, actual: e, operator: 'doesNotReject' });
  }
};

function strict(...args) {
  okCheck(args);
}
Object.assign(strict, assert, {
  equal: assert.strictEqual,
  notEqual: assert.notStrictEqual,
  deepEqual: assert.deepStrictEqual,
  notDeepEqual: assert.notDeepStrictEqual,
});
strict.strict = strict;
assert.strict = strict;

export default assert;
