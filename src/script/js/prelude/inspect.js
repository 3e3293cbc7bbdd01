// Node's `util.inspect` for the values scripts log (Newman's cli shows console arguments through
// it): quoting and escaping, `{ a: 1 }` / `[ 1, 2 ]`, class names and null prototypes, Map/Set/
// typed arrays/Date/RegExp/Error/Promise, `[Object]` past the depth limit, `<ref *1>` circulars,
// and Node's line-breaking (breakLength, compact 3, grouping of long arrays of short items).

const KEY_IDENT = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
const ARRAY = 1;
const ARRAY_EXTRAS = 2;
const OBJECT = 0;
const MIN_LINE_WIDTH = 16;

const ESCAPES = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\\': '\\\\' };

/** A string literal as Node writes it: single quotes unless the text has some. */
export function strEscape(str) {
  let quote = "'";
  if (str.includes("'")) {
    if (!str.includes('"')) quote = '"';
    else if (!str.includes('`') && !str.includes('${')) quote = '`';
  }
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const ch = str[i];
    const code = str.charCodeAt(i);
    if (ch === quote) out += '\\' + ch;
    else if (ESCAPES[ch] !== undefined) out += ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).toUpperCase().padStart(2, '0');
    else if (code >= 0xd800 && code <= 0xdfff) {
      const next = str.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) { out += ch + str[i + 1]; i++; } else out += '\\u' + code.toString(16).toUpperCase();
    } else out += ch;
  }
  return quote + out + quote;
}

function formatNumber(n) { return Object.is(n, -0) ? '-0' : `${n}`; }

function formatPrimitive(ctx, value) {
  switch (typeof value) {
    case 'string': {
      let trailer = '';
      if (value.length > ctx.maxStringLength) {
        const remaining = value.length - ctx.maxStringLength;
        value = value.slice(0, ctx.maxStringLength);
        trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
      }
      if (value.length > MIN_LINE_WIDTH && value.length > ctx.breakLength - ctx.indentationLvl - 4) {
        const lines = value.split(/(?<=\n)/);
        if (lines.length > 1) return lines.map(strEscape).join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`) + trailer;
      }
      return strEscape(value) + trailer;
    }
    case 'number': return formatNumber(value);
    case 'bigint': return `${value}n`;
    case 'boolean': return `${value}`;
    case 'undefined': return 'undefined';
    default: return value.toString(); // symbol
  }
}

/** The name of the nearest constructor on the prototype chain; null for a null prototype. */
function constructorName(obj) {
  let o = obj;
  let first = true;
  while (o !== null && o !== undefined) {
    const desc = Object.getOwnPropertyDescriptor(o, 'constructor');
    if (desc && typeof desc.value === 'function' && desc.value.name !== '') {
      return desc.value.name;
    }
    o = Object.getPrototypeOf(o);
    if (first && o === null) return null;
    first = false;
  }
  return first ? null : '';
}

function prefixOf(constructor, tag, fallback, size = '') {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
}

function ownKeys(value, skipIndices) {
  let keys = Object.keys(value);
  if (skipIndices) keys = keys.filter((k) => !(/^(0|[1-9][0-9]*)$/.test(k) && Number(k) < 4294967295));
  for (const sym of Object.getOwnPropertySymbols(value)) {
    if (Object.prototype.propertyIsEnumerable.call(value, sym)) keys.push(sym);
  }
  return keys;
}

function functionBase(fn, constructor, tag) {
  const src = Function.prototype.toString.call(fn);
  if (src.startsWith('class') && src.endsWith('}')) {
    let base = `[class ${fn.name || '(anonymous)'}`;
    if (fn.name === '') base = '[class (anonymous)';
    const superClass = Object.getPrototypeOf(fn);
    if (superClass && superClass.name) base += ` extends ${superClass.name}`;
    return base + ']';
  }
  let type = 'Function';
  if (constructor === 'GeneratorFunction' || constructor === 'AsyncGeneratorFunction') type = 'Generator' + type;
  if (constructor === 'AsyncFunction' || constructor === 'AsyncGeneratorFunction') type = 'Async' + type;
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  base += fn.name === '' ? ' (anonymous)' : `: ${fn.name}`;
  base += ']';
  if (constructor !== type && constructor !== null && constructor !== 'Function') base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  return base;
}

function formatError(err, constructor, ctx, keys) {
  const name = err.name === undefined ? 'Error' : String(err.name);
  const message = err.message === undefined ? '' : String(err.message);
  const head = message ? `${name}: ${message}` : name;
  let stack = typeof err.stack === 'string' ? err.stack.replace(/\s+$/, '') : '';
  if (stack && !stack.startsWith(name) && !stack.startsWith(head)) stack = `${head}\n${stack}`;
  if (!stack) stack = head;
  if (constructor !== null && constructor !== name && !stack.startsWith(constructor) && constructor !== 'Error') {
    stack = stack.replace(name, `${name} [${constructor}]`);
  }
  for (const k of ['name', 'message', 'stack']) {
    const i = keys.indexOf(k);
    if (i !== -1 && stack.includes(String(err[k]))) keys.splice(i, 1);
  }
  if (!stack.includes('\n    at')) stack = `[${stack}]`;
  if (ctx.indentationLvl !== 0) stack = stack.replace(/\n/g, `\n${' '.repeat(ctx.indentationLvl)}`);
  return stack;
}

function formatValue(ctx, value, recurseTimes) {
  if (typeof value !== 'object' && typeof value !== 'function') return formatPrimitive(ctx, value);
  if (value === null) return 'null';
  if (typeof value === 'function' && ctx.functionsAsStrings) {
    const kind = value.constructor && value.constructor.name ? value.constructor.name : 'Function';
    return formatPrimitive(ctx, value.name ? `[${kind}: ${value.name}]` : `[${kind}]`);
  }
  if (ctx.seen.includes(value)) {
    if (!ctx.circular) ctx.circular = new Map();
    let index = ctx.circular.get(value);
    if (index === undefined) { index = ctx.circular.size + 1; ctx.circular.set(value, index); }
    return `[Circular *${index}]`;
  }
  return formatRaw(ctx, value, recurseTimes);
}

function formatRaw(ctx, value, recurseTimes) {
  const constructor = constructorName(value);
  let tag = value[Symbol.toStringTag];
  if (typeof tag !== 'string' || (tag !== '' && Object.prototype.propertyIsEnumerable.call(value, Symbol.toStringTag))) tag = '';
  let keys;
  let base = '';
  let braces;
  let formatter = () => [];
  let extras = OBJECT;

  if (Array.isArray(value)) {
    const prefix = constructor !== 'Array' || tag !== '' ? prefixOf(constructor, tag, 'Array', `(${value.length})`) : '';
    keys = ownKeys(value, true);
    braces = [`${prefix}[`, ']'];
    if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
    extras = ARRAY_EXTRAS;
    formatter = formatArray;
  } else if (value instanceof Set) {
    const prefix = prefixOf(constructor, tag, 'Set', `(${value.size})`);
    keys = ownKeys(value);
    if (value.size === 0 && keys.length === 0) return `${prefix}{}`;
    braces = [`${prefix}{`, '}'];
    formatter = formatSet;
  } else if (value instanceof Map) {
    const prefix = prefixOf(constructor, tag, 'Map', `(${value.size})`);
    keys = ownKeys(value);
    if (value.size === 0 && keys.length === 0) return `${prefix}{}`;
    braces = [`${prefix}{`, '}'];
    formatter = formatMap;
  } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    keys = ownKeys(value, true);
    const prefix = prefixOf(constructor, tag, '', `(${value.length})`);
    braces = [`${prefix}[`, ']'];
    if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
    formatter = formatTypedArray;
    extras = ARRAY_EXTRAS;
  } else {
    keys = ownKeys(value);
    braces = ['{', '}'];
    if (constructor === 'Object') {
      if (tag !== '') braces[0] = `${prefixOf(constructor, tag, 'Object')}{`;
      if (keys.length === 0) return `${braces[0]}}`;
    } else if (typeof value === 'function') {
      base = functionBase(value, constructor, tag);
      if (keys.length === 0) return base;
    } else if (value instanceof RegExp) {
      base = RegExp.prototype.toString.call(value);
      const prefix = prefixOf(constructor, tag, 'RegExp');
      if (prefix !== 'RegExp ') base = `${prefix}${base}`;
      if (keys.length === 0 || recurseTimes > ctx.depth) return base;
    } else if (value instanceof Date) {
      base = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
      const prefix = prefixOf(constructor, tag, 'Date');
      if (prefix !== 'Date ') base = `${prefix}${base}`;
      if (keys.length === 0) return base;
    } else if (value instanceof Error) {
      base = formatError(value, constructor, ctx, keys);
      if (keys.length === 0) return base;
    } else if (value instanceof Promise) {
      braces[0] = `${prefixOf(constructor, tag, 'Promise')}{`;
      formatter = () => ['<pending>'];
    } else if (value instanceof ArrayBuffer) {
      const prefix = prefixOf(constructor, tag, 'ArrayBuffer');
      braces[0] = `${prefix}{`;
      formatter = (c) => [`[Uint8Contents]: <${Array.from(new Uint8Array(value).slice(0, 50), (b) => b.toString(16).padStart(2, '0')).join(' ')}${value.byteLength > 50 ? ` ... ${value.byteLength - 50} more bytes` : ''}>`, `byteLength: ${formatValue(c, value.byteLength, recurseTimes)}`];
    } else if (value instanceof WeakMap || value instanceof WeakSet) {
      return `${prefixOf(constructor, tag, value instanceof WeakMap ? 'WeakMap' : 'WeakSet')}{ <items unknown> }`;
    } else if (value instanceof Number || value instanceof String || value instanceof Boolean) {
      const kind = value instanceof Number ? 'Number' : value instanceof String ? 'String' : 'Boolean';
      base = `[${kind}: ${formatPrimitive({ ...ctx, indentationLvl: 0 }, value.valueOf())}]`;
      if (value instanceof String) keys = keys.filter((k) => !/^\d+$/.test(k));
      if (keys.length === 0) return base;
    } else {
      if (keys.length === 0) return `${prefixOf(constructor, tag, 'Object')}{}`;
      braces[0] = `${prefixOf(constructor, tag, 'Object')}{`;
    }
  }

  if (recurseTimes > ctx.depth) {
    let name = prefixOf(constructor, tag, 'Object').slice(0, -1);
    if (constructor !== null) name = `[${name}]`;
    return name;
  }
  recurseTimes += 1;
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  const output = formatter(ctx, value, recurseTimes);
  for (const key of keys) output.push(formatProperty(ctx, value, recurseTimes, key, extras));
  if (ctx.circular !== undefined) {
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const ref = `<ref *${index}>`;
      base = base === '' ? ref : `${ref} ${base}`;
    }
  }
  ctx.seen.pop();
  return reduceToSingleString(ctx, output, base, braces, extras, recurseTimes, value);
}

function formatProperty(ctx, value, recurseTimes, key, type) {
  const desc = Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
  let str;
  if (desc.value !== undefined) {
    ctx.indentationLvl += 2;
    str = formatValue(ctx, desc.value, recurseTimes);
    ctx.indentationLvl -= 2;
  } else if (desc.get !== undefined) {
    str = desc.set !== undefined ? '[Getter/Setter]' : '[Getter]';
  } else if (desc.set !== undefined) {
    str = '[Setter]';
  } else {
    str = 'undefined';
  }
  if (type === ARRAY) return str;
  let name;
  if (typeof key === 'symbol') name = `[${key.toString()}]`;
  else if (key === '__proto__') name = "['__proto__']";
  else if (desc.enumerable === false) name = `[${key}]`;
  else if (KEY_IDENT.test(key)) name = key;
  else name = strEscape(key);
  return `${name}: ${str}`;
}

function remainingText(n) { return `... ${n} more item${n > 1 ? 's' : ''}`; }

function formatArray(ctx, value, recurseTimes) {
  const len = Math.min(ctx.maxArrayLength, value.length);
  const output = [];
  let holes = 0;
  for (let i = 0; i < len; i++) {
    if (!Object.prototype.hasOwnProperty.call(value, i)) { holes++; continue; }
    if (holes) { output.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`); holes = 0; }
    output.push(formatProperty(ctx, value, recurseTimes, i, ARRAY));
  }
  if (holes) output.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
  if (value.length > len) output.push(remainingText(value.length - len));
  return output;
}

function formatTypedArray(ctx, value) {
  const len = Math.min(ctx.maxArrayLength, value.length);
  const output = [];
  const big = typeof value[0] === 'bigint';
  for (let i = 0; i < len; i++) output.push(big ? `${value[i]}n` : formatNumber(value[i]));
  if (value.length > len) output.push(remainingText(value.length - len));
  return output;
}

function formatSet(ctx, value, recurseTimes) {
  const output = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const v of value) {
    if (i++ >= ctx.maxArrayLength) break;
    output.push(formatValue(ctx, v, recurseTimes));
  }
  if (value.size > ctx.maxArrayLength) output.push(remainingText(value.size - ctx.maxArrayLength));
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(ctx, value, recurseTimes) {
  const output = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const [k, v] of value) {
    if (i++ >= ctx.maxArrayLength) break;
    output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
  }
  if (value.size > ctx.maxArrayLength) output.push(remainingText(value.size - ctx.maxArrayLength));
  ctx.indentationLvl -= 2;
  return output;
}

/** Lines up more than six short array entries in columns, as Node does. */
function groupArrayElements(ctx, output, value) {
  let totalLength = 0;
  let maxLength = 0;
  let outputLength = output.length;
  if (ctx.maxArrayLength < output.length) outputLength--;
  const separatorSpace = 2;
  const dataLen = new Array(outputLength);
  for (let i = 0; i < outputLength; i++) {
    const len = output[i].length;
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength && (totalLength / actualMax > 5 || maxLength <= 6)) {
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(
      Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15,
    );
    if (columns <= 1) return output;
    const tmp = [];
    const maxLineLength = [];
    for (let i = 0; i < columns; i++) {
      let lineLength = 0;
      for (let j = i; j < output.length; j += columns) if (dataLen[j] > lineLength) lineLength = dataLen[j];
      maxLineLength.push(lineLength + separatorSpace);
    }
    let padStart = true;
    if (value !== undefined) {
      for (let i = 0; i < output.length; i++) {
        if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') { padStart = false; break; }
      }
    }
    for (let i = 0; i < outputLength; i += columns) {
      const max = Math.min(i + columns, outputLength);
      let str = '';
      let j = i;
      for (; j < max - 1; j++) {
        const cell = `${output[j]}, `;
        str += padStart ? cell.padStart(maxLineLength[j - i], ' ') : cell.padEnd(maxLineLength[j - i], ' ');
      }
      str += padStart ? output[j].padStart(maxLineLength[j - i] - separatorSpace, ' ') : output[j];
      tmp.push(str);
    }
    if (ctx.maxArrayLength < output.length) tmp.push(output[outputLength]);
    return tmp;
  }
  return output;
}

function isBelowBreakLength(ctx, output, start, base) {
  let total = output.length + start;
  if (total + output.length > ctx.breakLength) return false;
  for (const entry of output) {
    total += entry.length;
    if (total > ctx.breakLength) return false;
  }
  return base === '' || !base.includes('\n');
}

function reduceToSingleString(ctx, output, base, braces, extras, recurseTimes, value) {
  const entries = output.length;
  if (extras === ARRAY_EXTRAS && entries > 6) output = groupArrayElements(ctx, output, value);
  if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
    const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
    if (isBelowBreakLength(ctx, output, start, base)) {
      const joined = output.join(', ');
      if (!joined.includes('\n')) return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
    }
  }
  const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
  return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
}

/**
 * `util.inspect(value[, options])` with Node's defaults (depth 2, breakLength 80, compact 3).
 * Extra option `functionsAsStrings`: show functions as the quoted `'[Function: f]'` strings
 * Newman's sandbox turns them into before they reach the console.
 */
export function inspect(value, options) {
  const o = options && typeof options === 'object' ? options : {};
  const ctx = {
    depth: o.depth === null || o.depth === Infinity ? Infinity : typeof o.depth === 'number' ? o.depth : 2,
    breakLength: typeof o.breakLength === 'number' ? o.breakLength : 80,
    compact: 3,
    maxArrayLength: typeof o.maxArrayLength === 'number' ? o.maxArrayLength : 100,
    maxStringLength: typeof o.maxStringLength === 'number' ? o.maxStringLength : 10000,
    functionsAsStrings: Boolean(o.functionsAsStrings),
    indentationLvl: 0,
    currentDepth: 0,
    seen: [],
    circular: undefined,
  };
  return formatValue(ctx, value, 0);
}

/** `util.format(...args)`: printf-style `%s %d %i %f %j %o %O %c %%`, the rest inspected. */
export function format(...args) {
  if (args.length === 0) return '';
  const first = args[0];
  if (typeof first !== 'string') return args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  let i = 1;
  let out = first.replace(/%[sdifjoOc%]/g, (m) => {
    if (m === '%%') return '%';
    if (i >= args.length) return m;
    const a = args[i++];
    switch (m) {
      case '%s': return typeof a === 'string' ? a : typeof a === 'bigint' ? `${a}n` : typeof a === 'object' && a !== null ? inspect(a, { depth: 0 }) : String(a);
      case '%d': return typeof a === 'bigint' ? `${a}n` : typeof a === 'object' && a !== null ? 'NaN' : formatNumber(Number(a));
      case '%i': return typeof a === 'bigint' ? `${a}n` : String(parseInt(a, 10));
      case '%f': return String(parseFloat(a));
      case '%j': try { return JSON.stringify(a); } catch (e) { return '[Circular]'; }
      case '%c': return '';
      case '%o': return inspect(a, { depth: 4 });
      default: return inspect(a);
    }
  });
  for (; i < args.length; i++) out += ' ' + (typeof args[i] === 'string' ? args[i] : inspect(args[i]));
  return out;
}
