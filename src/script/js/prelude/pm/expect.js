// The chai-compatible `expect` (src/script/js/expect/index.js, another module), loaded on first use.
const N = globalThis.__postie;
let loaded = null;

function missing() {
  throw new TypeError('pm.expect is not available in this build');
}

/** The expect module's exports (`expect`, `AssertionError`, …), or a stand-in that throws. */
export function loadExpect() {
  if (loaded) return loaded;
  loaded = N.hasModule('expect/index.js') ? N.require('expect/index.js') : { expect: missing };
  return loaded;
}
