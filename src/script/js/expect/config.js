// Settings shared by every assertion, with chai 4's defaults and meanings.
//
// truncateThreshold: longest rendering of a value inside a message before it is shortened
// (0 = never shorten). showDiff: whether failures carry `showDiff: true` for reporters.
// useProxy: whether unknown assertion properties throw "Invalid Chai property".
// proxyExcludedKeys: property names that never throw (promise and serialisation probes).
// includeStack is accepted for compatibility and has no effect.

export const config = {
  includeStack: false,
  showDiff: true,
  truncateThreshold: 40,
  useProxy: true,
  proxyExcludedKeys: ['then', 'catch', 'inspect', 'toJSON'],
};
