// `require('timers')`: the sandbox's timer functions (the same as the globals), plus
// `timers.promises`.
const g = globalThis;

export const setTimeout = (...a) => g.setTimeout(...a);
export const clearTimeout = (id) => g.clearTimeout(id);
export const setInterval = (...a) => g.setInterval(...a);
export const clearInterval = (id) => g.clearInterval(id);
export const setImmediate = (...a) => g.setImmediate(...a);
export const clearImmediate = (id) => g.clearImmediate(id);

export const promises = {
  setTimeout: (ms, value) => new Promise((resolve) => g.setTimeout(() => resolve(value), ms)),
  setImmediate: (value) => new Promise((resolve) => g.setImmediate(() => resolve(value))),
};

export default { setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate, promises };
