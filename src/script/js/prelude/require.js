// `require(name)`: our built-in libraries (src/script/js/lib/<name>.js, loaded from bytecode on
// first use and cached), and lazy globals that load a library the first time a script touches them.
const N = globalThis.__postie;
const cache = new Map();

/** The module path of a built-in library, or undefined. */
export function builtinPath(name) {
  const path = 'lib/' + String(name).replace(/^node:/, '') + '.js';
  return N.hasModule(path) ? path : undefined;
}

function notFound(name) {
  const err = new Error(`Cannot find module '${name}'`);
  err.code = 'MODULE_NOT_FOUND';
  return err;
}

function builtin(name) {
  if (cache.has(name)) return cache.get(name);
  const path = builtinPath(name);
  if (path === undefined) return undefined;
  const value = N.require(path);
  cache.set(name, value);
  return value;
}

/** CommonJS modules from the run's node_modules folder, by resolved path. */
const packages = new Map();

function loadPackage(name, fromDir) {
  if (typeof N.resolveModule !== 'function') return undefined;
  const found = N.resolveModule(name, fromDir);
  if (!found) return undefined;
  const known = packages.get(found.path);
  if (known) return known;
  const module = { exports: {}, id: found.path, filename: found.path, loaded: false, children: [], paths: [] };
  packages.set(found.path, module);
  try {
    if (found.path.endsWith('.json')) {
      module.exports = JSON.parse(found.source);
    } else {
      const fn = N.compileModule(found.source, found.path);
      const local = (n) => requireFrom(n, found.dir);
      local.resolve = (n) => { const r = N.resolveModule(String(n), found.dir); if (!r) throw notFound(n); return r.path; };
      local.cache = {};
      fn.call(module.exports, module.exports, local, module, found.path, found.dir);
    }
  } catch (e) {
    packages.delete(found.path);
    throw e;
  }
  module.loaded = true;
  return module;
}

/**
 * `require(name)` from a package in `fromDir` (or from a script): built-in libraries first (a
 * package of the same name wins only with --prefer-node-modules), then node_modules.
 */
function requireFrom(name, fromDir) {
  name = String(name);
  const local = name.startsWith('./') || name.startsWith('../');
  if (!local && !N.preferNodeModules) {
    const b = builtin(name);
    if (b !== undefined) return b;
  }
  const pkg = loadPackage(name, fromDir);
  if (pkg) return pkg.exports;
  if (!local) {
    const b = builtin(name);
    if (b !== undefined) return b;
  }
  throw notFound(name);
}

export function requireModule(name) {
  return requireFrom(name, undefined);
}

/**
 * `pm.require(name)`: `npm:pkg@version` (the version is not checked: the package in node_modules
 * is used) or a package-library name, resolved like `require`.
 */
export function pmRequire(name) {
  let n = String(name);
  if (n.startsWith('npm:')) {
    n = n.slice(4);
    const at = n.indexOf('@', n.startsWith('@') ? 1 : 0);
    if (at > 0) n = n.slice(0, at);
  } else if (n.startsWith('jsr:')) {
    throw new Error(`pm.require: JSR packages are not supported ('${name}')`);
  }
  try {
    return requireFrom(n, undefined);
  } catch (e) {
    if (e && e.code === 'MODULE_NOT_FOUND' && typeof N.resolveModule !== 'function') {
      throw new Error(`pm.require: cannot load '${name}': no node_modules folder (give one with --node-modules DIR)`);
    }
    throw e;
  }
}

/** Defines `globalThis[name]` as a getter that loads `moduleName` on first access. */
export function lazyGlobal(name, moduleName, pick) {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable: false,
    get() {
      const mod = requireModule(moduleName);
      const value = pick ? pick(mod) : mod;
      Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
      return value;
    },
    set(value) {
      Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
    },
  });
}

export function installRequire() {
  Object.defineProperty(globalThis, 'require', { value: requireModule, writable: true, configurable: true, enumerable: false });
  // The built-in modules loaded so far (tests check that libraries load lazily).
  Object.defineProperty(globalThis, '__postie_loaded', { value: () => [...cache.keys()], writable: false, configurable: false, enumerable: false });
}
