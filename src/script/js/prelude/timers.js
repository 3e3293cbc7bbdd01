// setTimeout & co on top of the driver's timer ops. Callbacks wait in a map until the driver
// delivers their op id; the script ends when no timer or request is left.
const callbacks = new Map();
const intervals = new Map();
let nextInterval = 1;
let N;

export function deliver(id, err, value) {
  const cb = callbacks.get(id);
  if (!cb) return;
  callbacks.delete(id);
  try {
    cb(err === undefined ? null : err, value);
  } catch (e) {
    N.unhandled(e);
  }
}

export function waitFor(id, cb) {
  callbacks.set(id, cb);
}

export function resetTimers() {
  callbacks.clear();
  intervals.clear();
}

function check(fn) {
  if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function. Received ' + typeof fn);
}

export function installTimers(native) {
  N = native;
  const define = (name, value) => Object.defineProperty(globalThis, name, { value, enumerable: false, writable: true, configurable: true });
  define('setTimeout', function setTimeout(fn, ms, ...args) {
    check(fn);
    const id = N.timer(Number(ms) || 0);
    callbacks.set(id, () => fn(...args));
    return id;
  });
  define('clearTimeout', function clearTimeout(id) {
    if (callbacks.delete(id)) N.cancel(id);
  });
  define('setImmediate', function setImmediate(fn, ...args) {
    check(fn);
    const id = N.timer(0);
    callbacks.set(id, () => fn(...args));
    return id;
  });
  define('clearImmediate', function clearImmediate(id) {
    if (callbacks.delete(id)) N.cancel(id);
  });
  define('setInterval', function setInterval(fn, ms, ...args) {
    check(fn);
    const handle = nextInterval++;
    const delay = Number(ms) || 0;
    const arm = () => {
      const id = N.timer(delay);
      intervals.set(handle, id);
      callbacks.set(id, () => {
        arm();
        fn(...args);
      });
    };
    arm();
    return handle;
  });
  define('clearInterval', function clearInterval(handle) {
    const id = intervals.get(handle);
    if (id === undefined) return;
    intervals.delete(handle);
    if (callbacks.delete(id)) N.cancel(id);
  });
}
