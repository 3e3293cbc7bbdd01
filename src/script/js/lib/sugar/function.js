// sugar 1.4 Function methods: once, after, fill (currying with placeholders) and the timer
// helpers delay, every, lazy, throttle, debounce and cancel. Timers are the sandbox's
// setTimeout/clearTimeout (so a script waits for them, as with Newman); the timers a function
// started are remembered per function so `cancel()` can clear them.
import { define } from './common.js';

const pending = new WeakMap();

function remember(fn, id) {
  let set = pending.get(fn);
  if (!set) pending.set(fn, (set = new Set()));
  set.add(id);
}

function forget(fn, id) {
  const set = pending.get(fn);
  if (set) set.delete(id);
}

const cancelHooks = new WeakMap();

function later(fn, ms, action) {
  const id = globalThis.setTimeout(() => {
    forget(fn, id);
    action();
  }, ms);
  remember(fn, id);
  return id;
}

const delayOf = (ms) => (typeof ms === 'number' && ms >= 0 ? ms : 1);

function lazy(fn, ms, immediate, limit) {
  ms = delayOf(ms);
  const max = typeof limit === 'number' ? limit : Infinity;
  let queue = [];
  let locked = false;
  let count = 0;
  let result;
  let wrapper;
  const tick = () => {
    if (queue.length) {
      const [ctx, args] = queue.shift();
      result = fn.apply(ctx, args);
      later(wrapper, ms, tick);
    } else {
      locked = false;
      count = 0;
    }
  };
  wrapper = function (...args) {
    if (locked && count >= max) return result;
    count++;
    if (!locked) {
      locked = true;
      if (immediate) result = fn.apply(this, args);
      else queue.push([this, args]);
      later(wrapper, ms, tick);
      return result;
    }
    queue.push([this, args]);
    return result;
  };
  cancelHooks.set(wrapper, () => {
    queue = [];
    locked = false;
    count = 0;
  });
  return wrapper;
}

const methods = {
  once() {
    const fn = this;
    let done = false;
    let result;
    return function (...args) {
      if (!done) {
        done = true;
        result = fn.apply(this, args);
      }
      return result;
    };
  },
  after(num) {
    const fn = this;
    const n = typeof num === 'number' ? Math.max(0, Math.floor(num)) : 1;
    let calls = [];
    if (n === 0) fn.call(this, []);
    return function (...args) {
      calls.push(args);
      if (calls.length >= n) {
        const collected = calls;
        calls = [];
        return fn.call(this, collected);
      }
      return undefined;
    };
  },
  fill(...filled) {
    const fn = this;
    return function (...args) {
      const merged = filled.map((v) => (v === undefined && args.length ? args.shift() : v));
      return fn.apply(this, merged.concat(args));
    };
  },
  delay(ms, ...args) {
    const fn = this;
    later(fn, delayOf(ms), () => fn.apply(fn, args));
    return fn;
  },
  every(ms, ...args) {
    const fn = this;
    const wait = delayOf(ms);
    const run = () => {
      later(fn, wait, run);
      fn.apply(fn, args);
    };
    later(fn, wait, run);
    return fn;
  },
  cancel() {
    const set = pending.get(this);
    if (set) {
      for (const id of set) globalThis.clearTimeout(id);
      set.clear();
    }
    const hook = cancelHooks.get(this);
    if (hook) hook();
    return this;
  },
  lazy(ms, immediate, limit) {
    return lazy(this, ms, immediate, limit);
  },
  throttle(ms) {
    return lazy(this, ms, true, 1);
  },
  debounce(ms) {
    const fn = this;
    const wait = delayOf(ms);
    const debounced = function (...args) {
      methods.cancel.call(debounced);
      later(debounced, wait, () => fn.apply(this, args));
    };
    return debounced;
  },
};

export function installFunction() {
  define(Function.prototype, methods);
}
