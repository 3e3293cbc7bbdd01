// setTimeout & co on top of the driver's timer ops (also the delivery point of every async op:
// sendRequest, host calls). Callbacks wait in a map until the driver
// delivers their op id; the script ends when no timer or request is left.
const callbacks = new Map();
const intervals = new Map();
let N;

export function deliver(id, err, value) {
  const cb = callbacks.get(id);
  if (!cb) return;
  callbacks.delete(id);
  try {
    cb(err === undefined ? null : err, value);
  } catch (e) {
    if (!(e && e.__postie_skip)) N.unhandled(e);
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
  const clear = (handle) => {
    const id = intervals.has(handle) ? intervals.get(handle) : handle;
    intervals.delete(handle);
    if (callbacks.delete(id)) N.cancel(id);
  };
  define('setTimeout', function setTimeout(fn, ms, ...args) {
    check(fn);
    const id = N.timer(Number(ms) || 0);
    callbacks.set(id, () => fn(...args));
    return id;
  });
  define('setImmediate', function setImmediate(fn, ...args) {
    check(fn);
    const id = N.timer(0);
    callbacks.set(id, () => fn(...args));
    return id;
  });
  define('setInterval', function setInterval(fn, ms, ...args) {
    check(fn);
    const delay = Number(ms) || 0;
    let handle;
    const arm = () => {
      const id = N.timer(delay);
      if (handle === undefined) handle = id;
      intervals.set(handle, id);
      callbacks.set(id, () => {
        arm();
        fn(...args);
      });
    };
    arm();
    return handle;
  });
  define('clearTimeout', function clearTimeout(handle) { clear(handle); });
  define('clearImmediate', function clearImmediate(handle) { clear(handle); });
  define('clearInterval', function clearInterval(handle) { clear(handle); });
}
