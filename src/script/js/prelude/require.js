// `require(name)`: our built-in libraries (src/script/js/lib/<name>.js, loaded from bytecode on
// first use and cached), and lazy globals that load a library the first time a script touches them.
const N = globalThis.__postie;
const cache = new Map();

/** The module path of a built-in library, or undefined. */
export function builtinPath(name) {
  const path = 'lib/' + String(name).replace(/^node:/, '') + '.js';
  return N.hasModule(path) ? path : undefined;
}

export function requireModule(name) {
  name = String(name);
  if (cache.has(name)) return cache.get(name);
  const path = builtinPath(name);
  if (path === undefined) {
    const err = new Error(`Cannot find module '${name}'`);
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  }
  const value = N.require(path);
  cache.set(name, value);
  return value;
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
