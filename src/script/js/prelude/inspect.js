// A Node-style `util.inspect` (the format Newman's cli shows console messages in): strings
// quoted with single quotes, `{ a: 1 }`, `[ 1, 2 ]`, `[Function: f]`, nested levels past the
// depth limit as `[Object]`, long forms broken over lines.

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function quote(s) {
  let q = "'";
  if (s.includes("'")) {
    if (!s.includes('"')) q = '"';
    else if (!s.includes('`') && !s.includes('${')) q = '`';
  }
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).toUpperCase().padStart(2, '0');
    else out += ch;
  }
  return q + out + q;
}

function key(k) {
  if (typeof k === 'symbol') return '[' + k.toString() + ']';
  return IDENT.test(k) ? k : quote(k);
}

function fnName(f) {
  const cls = Function.prototype.toString.call(f).startsWith('class');
  if (cls) return f.name ? `[class ${f.name}]` : '[class (anonymous)]';
  return f.name ? `[Function: ${f.name}]` : '[Function (anonymous)]';
}

function ctorName(o) {
  const proto = Object.getPrototypeOf(o);
  if (proto === null) return '[Object: null prototype]';
  const c = proto.constructor;
  return c && typeof c.name === 'string' ? c.name : 'Object';
}

function wrap(open, parts, close, indent) {
  if (parts.length === 0) return open + close;
  const single = `${open} ${parts.join(', ')} ${close}`;
  if (single.length + indent <= 72 && !single.includes('\n')) return single;
  const pad = ' '.repeat(indent + 2);
  return `${open}\n${pad}${parts.join(',\n' + pad)}\n${' '.repeat(indent)}${close}`;
}

function formatValue(v, depth, seen, indent) {
  switch (typeof v) {
    case 'string': return quote(v);
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint': return `${v}n`;
    case 'boolean': return String(v);
    case 'undefined': return 'undefined';
    case 'symbol': return v.toString();
    case 'function': {
      const extra = Object.keys(v);
      if (extra.length === 0) return fnName(v);
      return formatObject(v, depth, seen, indent, fnName(v) + ' ');
    }
  }
  if (v === null) return 'null';
  if (seen.includes(v)) return '[Circular *1]';
  if (v instanceof Date) return isNaN(v) ? 'Invalid Date' : v.toISOString();
  if (v instanceof RegExp) return String(v);
  if (v instanceof Error) return v.stack ? `${v.name}: ${v.message}\n${v.stack}`.trimEnd() : `[${v.name}: ${v.message}]`;
  if (v instanceof Promise) return 'Promise { <pending> }';
  if (Array.isArray(v)) return formatArray(v, depth, seen, indent);
  if (v instanceof Map) {
    if (depth < 0) return '[Map]';
    const parts = [...v].map(([k, val]) => `${formatValue(k, depth - 1, seen.concat([v]), indent + 2)} => ${formatValue(val, depth - 1, seen.concat([v]), indent + 2)}`);
    return wrap(`Map(${v.size}) {`, parts, '}', indent);
  }
  if (v instanceof Set) {
    if (depth < 0) return '[Set]';
    const parts = [...v].map((x) => formatValue(x, depth - 1, seen.concat([v]), indent + 2));
    return wrap(`Set(${v.size}) {`, parts, '}', indent);
  }
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const name = ctorName(v);
    const parts = Array.from(v).slice(0, 100).map(String);
    if (v.length > 100) parts.push(`... ${v.length - 100} more items`);
    return wrap(`${name}(${v.length}) [`, parts, ']', indent);
  }
  const name = ctorName(v);
  return formatObject(v, depth, seen, indent, name === 'Object' ? '' : name + ' ');
}

function formatArray(a, depth, seen, indent) {
  if (depth < 0) return '[Array]';
  const inner = seen.concat([a]);
  const parts = [];
  let holes = 0;
  const limit = Math.min(a.length, 100);
  for (let i = 0; i < limit; i++) {
    if (!(i in a)) { holes++; continue; }
    if (holes) { parts.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`); holes = 0; }
    parts.push(formatValue(a[i], depth - 1, inner, indent + 2));
  }
  if (holes) parts.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
  if (a.length > 100) parts.push(`... ${a.length - 100} more item${a.length - 100 > 1 ? 's' : ''}`);
  for (const k of Object.keys(a)) {
    if (!/^\d+$/.test(k)) parts.push(`${key(k)}: ${formatValue(a[k], depth - 1, inner, indent + 2)}`);
  }
  return wrap('[', parts, ']', indent);
}

function formatObject(o, depth, seen, indent, prefix) {
  const keys = Object.keys(o);
  const syms = Object.getOwnPropertySymbols(o).filter((s) => Object.prototype.propertyIsEnumerable.call(o, s));
  if (depth < 0) return prefix ? `[${prefix.trim()}]` : '[Object]';
  const inner = seen.concat([o]);
  const parts = [];
  for (const k of [...keys, ...syms]) {
    const desc = Object.getOwnPropertyDescriptor(o, k);
    let shown;
    if (desc && (desc.get || desc.set)) shown = desc.get && desc.set ? '[Getter/Setter]' : desc.get ? '[Getter]' : '[Setter]';
    else shown = formatValue(o[k], depth - 1, inner, indent + 2);
    parts.push(`${key(k)}: ${shown}`);
  }
  if (parts.length === 0) return prefix ? `${prefix}{}` : '{}';
  return wrap(prefix + '{', parts, '}', indent);
}

/** `util.inspect(value)` with Node's defaults (depth 2). */
export function inspect(value, options) {
  const depth = options && typeof options.depth === 'number' ? options.depth : options && options.depth === null ? Infinity : 2;
  return formatValue(value, depth, [], 0);
}

/** `util.format(...args)`: printf-style `%s %d %i %f %j %o %O %%`, the rest inspected. */
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
      case '%s': return typeof a === 'string' ? a : typeof a === 'object' && a !== null ? inspect(a, { depth: 0 }) : String(a);
      case '%d': return typeof a === 'bigint' ? `${a}n` : String(Number(a));
      case '%i': return String(parseInt(a, 10));
      case '%f': return String(parseFloat(a));
      case '%j': try { return JSON.stringify(a); } catch (e) { return '[Circular]'; }
      case '%c': return '';
      default: return inspect(a);
    }
  });
  for (; i < args.length; i++) out += ' ' + (typeof args[i] === 'string' ? args[i] : inspect(args[i]));
  return out;
}
