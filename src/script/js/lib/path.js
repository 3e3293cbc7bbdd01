// `require('path')`: POSIX paths (what Postman's sandbox has), written from Node's documented
// behaviour; the working directory is `/`. `path.win32` is the same POSIX implementation.
function check(p, name = 'path') {
  if (typeof p !== 'string') {
    const err = new TypeError(`The "${name}" argument must be of type string. Received ${p === null ? 'null' : typeof p}`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
}

function normalizeParts(path, allowAbove) {
  const out = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (allowAbove) out.push('..');
    } else out.push(seg);
  }
  return out;
}

export function normalize(p) {
  check(p);
  if (p === '') return '.';
  const abs = p.startsWith('/');
  const trailing = p.endsWith('/');
  let out = normalizeParts(p, !abs).join('/');
  if (out === '' && !abs) out = '.';
  if (out !== '' && trailing) out += '/';
  return (abs ? '/' : '') + out;
}

export function join(...parts) {
  parts.forEach((p) => check(p));
  const joined = parts.filter((p) => p !== '').join('/');
  return joined === '' ? '.' : normalize(joined);
}

export function resolve(...parts) {
  let resolved = '';
  for (let i = parts.length - 1; i >= 0 && !resolved.startsWith('/'); i--) {
    check(parts[i]);
    if (parts[i] === '') continue;
    resolved = parts[i] + (resolved ? '/' + resolved : '');
  }
  if (!resolved.startsWith('/')) resolved = '/' + resolved;
  return '/' + normalizeParts(resolved, false).join('/');
}

export function isAbsolute(p) {
  check(p);
  return p.startsWith('/');
}

export function relative(from, to) {
  check(from, 'from');
  check(to, 'to');
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(i).map(() => '..').concat(b.slice(i)).join('/');
}

export function dirname(p) {
  check(p);
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  const at = trimmed.lastIndexOf('/');
  if (at === -1) return '.';
  if (at === 0) return '/';
  return trimmed.slice(0, at).replace(/\/+$/, '') || '/';
}

export function basename(p, ext) {
  check(p);
  const trimmed = p.replace(/\/+$/, '');
  let base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  if (ext !== undefined && base.endsWith(ext)) base = base.slice(0, base.length - ext.length);
  return base;
}

export function extname(p) {
  check(p);
  const base = basename(p);
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || base === '..') return '';
  return base.slice(dot);
}

export function parse(p) {
  check(p);
  const root = p.startsWith('/') ? '/' : '';
  const base = basename(p);
  const ext = extname(p);
  let dir = dirname(p);
  if (dir === '.' && !p.includes('/')) dir = '';
  return { root, dir, base, ext, name: ext ? base.slice(0, base.length - ext.length) : base };
}

export function format(obj) {
  if (obj === null || typeof obj !== 'object') {
    const err = new TypeError(`The "pathObject" argument must be of type object. Received ${obj === null ? 'null' : typeof obj}`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const dir = obj.dir || obj.root || '';
  const base = obj.base || (obj.name || '') + (obj.ext ? (obj.ext.startsWith('.') ? '' : '.') + obj.ext : '');
  if (!dir) return base;
  return dir === obj.root ? dir + base : dir + '/' + base;
}

export function toNamespacedPath(p) {
  return p;
}

export const sep = '/';
export const delimiter = ':';

const path = { normalize, join, resolve, isAbsolute, relative, dirname, basename, extname, parse, format, toNamespacedPath, sep, delimiter };
path.posix = path;
path.win32 = path;
export default path;
