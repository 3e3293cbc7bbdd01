// `require('chai')`: the sandbox's own assertion library (src/script/js/expect/, the same
// `expect` as `pm.expect`), shaped as chai's module: { expect, assert, AssertionError, should,
// use, config, version }. Loaded on first require; the expect module is looked up at run time.
const N = globalThis.__postie;

function load() {
  if (!N.hasModule('expect/index.js')) {
    const err = new Error("Cannot find module 'chai'");
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  }
  return N.require('expect/index.js');
}

const mod = load();
const pick = (name) => (mod && mod[name] !== undefined ? mod[name] : mod && mod.default ? mod.default[name] : undefined);

const chai = {
  expect: pick('expect'),
  assert: pick('assert'),
  AssertionError: pick('AssertionError'),
  should: pick('should'),
  config: pick('config') || { includeStack: false, showDiff: true, truncateThreshold: 40 },
  use: pick('use') || function (plugin) {
    if (typeof plugin === 'function') plugin(chai, pick('util') || {});
    return chai;
  },
  util: pick('util'),
  Assertion: pick('Assertion'),
  version: '4.3.8',
};

export default chai;
