// inspect / objDisplay: how values are written inside assertion messages.
//
// Reproduces the rendering chai 4.3.8 gets from loupe 2.3: strings in single quotes with escapes,
// `+0`/`-0`, `10n`, `[Function name]`, `Symbol(x)`, ISO dates, `Map{ k => v }`, `Set{ 1 }`,
// `[ 1, 2 ]`, `{ a: 1 }`, `Foo{ x: 1 }` for class instances, `Error: msg`, `[Circular]`, and the
// length budget: once a rendering would pass `truncateThreshold` characters, lists end in
// `…(n)` (n = items left out) and long scalars end in `…`. Nesting depth is not limited (loupe 2
// ignores it); only the length budget shortens output.
//
// The budget bookkeeping below is deliberately exact: each nested value gets its own copy of the
// options (as loupe's option normalisation does), while the key/entry renderers spend from the
// list's shared options, and lists "peek" at the next item before deciding where to stop.

import { config } from './config.js';
import { functionName } from './type.js';

const ELLIPSIS = '…';
const objectToString = Object.prototype.toString;

// Characters written as escapes inside quoted strings.
const ESCAPED =
  /['\u0000-\u001f\u007f-\u009f\u00ad\u0600-\u0604\u070f\u17b4\u17b5\u200c-\u200f\u2028-\u202f\u2060-\u206f\ufeff\ufff0-\uffff]/g;
const SHORT_ESCAPES = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', "'": "\\'", '\\': '\\\\' };

// Shortens `text` to at most `limit` characters, ending in the ellipsis when cut.
function cut(text, limit, tail = ELLIPSIS) {
  const s = String(text);
  if (tail.length > limit && s.length > tail.length) return tail;
  if (s.length > limit && s.length > tail.length) return s.slice(0, limit - tail.length) + tail;
  return s;
}

// Renders the items of `list` separated by ', ' within `opts.truncate` characters.
function renderList(list, opts, renderItem) {
  const count = list.length;
  if (count === 0) return '';
  const sep = ', ';
  const budget = opts.truncate;
  let out = '';
  let next = '';
  let rest = '';
  for (let i = 0; i < count; i += 1) {
    const isLast = i + 1 === count;
    const isPenultimate = i + 2 === count;
    rest = `${ELLIPSIS}(${count - i})`;
    opts.truncate = budget - out.length - (isLast ? 0 : sep.length);
    const piece = next || renderItem(list[i], opts) + (isLast ? '' : sep);
    const withPiece = out.length + piece.length;
    const withRest = withPiece + rest.length;
    if (isLast && withPiece > budget && out.length + rest.length <= budget) break;
    if (!isLast && !isPenultimate && withRest > budget) break;
    next = isLast ? '' : renderItem(list[i + 1], opts) + (isPenultimate ? '' : sep);
    if (!isLast && isPenultimate && withRest > budget && withPiece + next.length > budget) break;
    out += piece;
    if (!isLast && !isPenultimate && withPiece + next.length >= budget) {
      rest = `${ELLIPSIS}(${count - i - 1})`;
      break;
    }
    rest = '';
  }
  return out + rest;
}

function renderKey(key) {
  if (/^[a-zA-Z_][a-zA-Z_0-9]*$/.test(key)) return key;
  return JSON.stringify(key)
    .replace(/'/g, "\\'")
    .replace(/\\"/g, '"')
    .replace(/(^"|"$)/g, "'");
}

// `key: value` for object properties; spends the key's length from the list's budget.
function renderProperty(entry, opts) {
  let key = entry[0];
  opts.truncate -= 2;
  if (typeof key === 'string') key = renderKey(key);
  else if (typeof key !== 'number') key = `[${render(key, opts)}]`;
  opts.truncate -= key.length;
  return `${key}: ${render(entry[1], opts)}`;
}

function renderMapEntry(entry, opts) {
  opts.truncate -= 4;
  const key = render(entry[0], opts);
  opts.truncate -= key.length;
  return `${key} => ${render(entry[1], opts)}`;
}

function renderItem(value, opts) {
  return render(value, opts);
}

function renderNumber(n, opts) {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (n === 0) return 1 / n === Infinity ? '+0' : '-0';
  return cut(n, opts.truncate);
}

function renderString(s, opts) {
  let text = String(s);
  ESCAPED.lastIndex = 0;
  if (ESCAPED.test(text)) {
    text = text.replace(ESCAPED, (ch) => SHORT_ESCAPES[ch] || '\\u' + ('0000' + ch.charCodeAt(0).toString(16)).slice(-4));
  }
  ESCAPED.lastIndex = 0;
  return `'${cut(text, opts.truncate - 2)}'`;
}

function renderBigInt(n, opts) {
  const digits = cut(n.toString(), opts.truncate - 1);
  return digits === ELLIPSIS ? digits : digits + 'n';
}

function renderFunction(fn, opts) {
  const name = functionName(fn);
  return name ? `[Function ${cut(name, opts.truncate - 11)}]` : '[Function]';
}

function renderSymbol(sym) {
  return sym.description ? `Symbol(${sym.description})` : 'Symbol()';
}

function renderDate(date, opts) {
  const iso = date.toJSON();
  if (iso === null) return 'Invalid Date';
  const parts = iso.split('T');
  return `${parts[0]}T${cut(parts[1], opts.truncate - parts[0].length - 1)}`;
}

function renderRegExp(re, opts) {
  const flags = re.toString().split('/')[2];
  return `/${cut(re.source, opts.truncate - (2 + flags.length))}/${flags}`;
}

function renderArray(array, opts) {
  const extraKeys = Object.keys(array).slice(array.length);
  if (!array.length && !extraKeys.length) return '[]';
  opts.truncate -= 4;
  const items = renderList(array, opts, renderItem);
  opts.truncate -= items.length;
  let extras = '';
  if (extraKeys.length) extras = renderList(extraKeys.map((k) => [k, array[k]]), opts, renderProperty);
  return `[ ${items}${extras ? `, ${extras}` : ''} ]`;
}

function typedArrayName(array) {
  const B = globalThis.Buffer;
  if (typeof B === 'function' && array instanceof B) return 'Buffer';
  if (array[Symbol.toStringTag]) return array[Symbol.toStringTag];
  return functionName(array.constructor);
}

function renderTypedArray(array, opts) {
  const name = typedArrayName(array);
  opts.truncate -= name.length + 4;
  const extraKeys = Object.keys(array).slice(array.length);
  if (!array.length && !extraKeys.length) return `${name}[]`;
  let out = '';
  for (let i = 0; i < array.length; i += 1) {
    const piece = `${cut(array[i], opts.truncate)}${i === array.length - 1 ? '' : ', '}`;
    opts.truncate -= piece.length;
    if (array[i] !== array.length && opts.truncate <= 3) {
      out += `${ELLIPSIS}(${array.length - array[i] + 1})`;
      break;
    }
    out += piece;
  }
  let extras = '';
  if (extraKeys.length) extras = renderList(extraKeys.map((k) => [k, array[k]]), opts, renderProperty);
  return `${name}[ ${out}${extras ? `, ${extras}` : ''} ]`;
}

function renderObject(object, opts) {
  const names = Object.getOwnPropertyNames(object);
  const symbols = Object.getOwnPropertySymbols(object);
  if (names.length === 0 && symbols.length === 0) return '{}';
  opts.truncate -= 4;
  if (opts.seen.indexOf(object) >= 0) return '[Circular]';
  opts.seen.push(object);
  const named = renderList(names.map((k) => [k, object[k]]), opts, renderProperty);
  const symbolic = renderList(symbols.map((k) => [k, object[k]]), opts, renderProperty);
  opts.seen.pop();
  return `{ ${named}${named && symbolic ? ', ' : ''}${symbolic} }`;
}

function renderInstance(value, opts) {
  let name = '';
  if (Symbol.toStringTag in value) name = value[Symbol.toStringTag];
  name = name || functionName(value.constructor);
  if (!name || name === '_class') name = '<Anonymous Class>';
  opts.truncate -= name.length;
  return `${name}${renderObject(value, opts)}`;
}

const ERROR_OWN_KEYS = new Set([
  'stack', 'line', 'column', 'name', 'message', 'fileName', 'lineNumber', 'columnNumber', 'number', 'description',
]);

function renderError(error, opts) {
  const extra = Object.getOwnPropertyNames(error).filter((k) => !ERROR_OWN_KEYS.has(k));
  const name = error.name;
  opts.truncate -= name.length;
  let message = '';
  if (typeof error.message === 'string') message = cut(error.message, opts.truncate);
  else extra.unshift('message');
  message = message ? `: ${message}` : '';
  opts.truncate -= message.length + 5;
  const props = renderList(extra.map((k) => [k, error[k]]), opts, renderProperty);
  return `${name}${message}${props ? ` { ${props} }` : ''}`;
}

function renderMap(map, opts) {
  // A one-entry Map renders as `Map{}` in chai 4 (loupe 2 counts `size - 1`); kept for parity.
  if (map.size - 1 <= 0) return 'Map{}';
  opts.truncate -= 7;
  const entries = [];
  map.forEach((v, k) => entries.push([k, v]));
  return `Map{ ${renderList(entries, opts, renderMapEntry)} }`;
}

function renderSet(set, opts) {
  if (set.size === 0) return 'Set{}';
  opts.truncate -= 7;
  const values = [];
  set.forEach((v) => values.push(v));
  return `Set{ ${renderList(values, opts, renderItem)} }`;
}

function renderArguments(args, opts) {
  if (args.length === 0) return 'Arguments[]';
  opts.truncate -= 13;
  return `Arguments[ ${renderList(args, opts, renderItem)} ]`;
}

const empty = () => '';

const BY_TYPE = new Map([
  ['undefined', () => 'undefined'],
  ['null', () => 'null'],
  ['boolean', (v) => String(v)],
  ['Boolean', (v) => String(v)],
  ['number', renderNumber],
  ['Number', renderNumber],
  ['bigint', renderBigInt],
  ['BigInt', renderBigInt],
  ['string', renderString],
  ['String', renderString],
  ['function', renderFunction],
  ['Function', renderFunction],
  ['symbol', renderSymbol],
  ['Symbol', renderSymbol],
  ['Array', renderArray],
  ['Date', renderDate],
  ['Map', renderMap],
  ['Set', renderSet],
  ['RegExp', renderRegExp],
  ['Promise', () => 'Promise{…}'],
  ['WeakSet', () => 'WeakSet{…}'],
  ['WeakMap', () => 'WeakMap{…}'],
  ['Arguments', renderArguments],
  ['Int8Array', renderTypedArray],
  ['Uint8Array', renderTypedArray],
  ['Uint8ClampedArray', renderTypedArray],
  ['Int16Array', renderTypedArray],
  ['Uint16Array', renderTypedArray],
  ['Int32Array', renderTypedArray],
  ['Uint32Array', renderTypedArray],
  ['Float32Array', renderTypedArray],
  ['Float64Array', renderTypedArray],
  ['Generator', empty],
  ['DataView', empty],
  ['ArrayBuffer', empty],
  ['Error', renderError],
]);

const CHAI_INSPECT = Symbol.for('chai/inspect');

// A value's own rendering hook: `[Symbol.for('chai/inspect')](options)` or `inspect(depth, options)`.
function customRendering(value, opts) {
  if (CHAI_INSPECT in value && typeof value[CHAI_INSPECT] === 'function') return value[CHAI_INSPECT](opts);
  if ('inspect' in value && typeof value.inspect === 'function') return value.inspect(opts.depth, opts);
  return '';
}

function render(value, parentOpts) {
  const opts = { depth: 2, truncate: Number(parentOpts.truncate), seen: parentOpts.seen };
  let type = value === null ? 'null' : typeof value;
  if (type === 'object') type = objectToString.call(value).slice(8, -1);
  const byType = BY_TYPE.get(type);
  if (byType !== undefined) return byType(value, opts);
  if (value) {
    const custom = customRendering(value, opts);
    if (custom) return typeof custom === 'string' ? custom : render(custom, opts);
  }
  const proto = value ? Object.getPrototypeOf(value) : false;
  if (proto === Object.prototype || proto === null) return renderObject(value, opts);
  if ('constructor' in value) {
    return value.constructor !== Object ? renderInstance(value, opts) : renderObject(value, opts);
  }
  if (value === Object(value)) return renderObject(value, opts);
  return String(value);
}

// Renders `value` the way chai's `utils.inspect` does (used for property names, included values).
export function inspect(value) {
  const limit = config.truncateThreshold ? config.truncateThreshold : Infinity;
  return render(value, { truncate: limit, seen: [] });
}

// Renders `value` for `#{this}` / `#{act}` / `#{exp}` in messages: `inspect`, except that a
// rendering reaching the threshold is replaced by a summary (`[Function: f]`, `[ Array(12) ]`,
// `{ Object (a, b, ...) }`).
export function objDisplay(value) {
  const text = inspect(value);
  const limit = config.truncateThreshold;
  if (!limit || text.length < limit) return text;
  const kind = objectToString.call(value);
  if (kind === '[object Function]') return !value.name ? '[Function]' : `[Function: ${value.name}]`;
  if (kind === '[object Array]') return `[ Array(${value.length}) ]`;
  if (kind === '[object Object]') {
    const keys = Object.keys(value);
    const shown = keys.length > 2 ? keys.slice(0, 2).join(', ') + ', ...' : keys.join(', ');
    return `{ Object (${shown}) }`;
  }
  return text;
}
