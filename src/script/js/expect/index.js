// postie's chai-compatible `expect` (chai 4.3.8 BDD + the chai-postman assertions).
//
// Exports:
// - expect(value[, message]) -> Assertion; expect.fail([actual, expected,] message[, operator])
// - AssertionError, Assertion, config
// - inspect(value) (value rendering used in messages), objDisplay(value)
// - use(plugin): runs a chai-style plugin `plugin(chai, utils)` once
// - isResponse(value) / isRequest(value): the Postman object detection the assertions use
//
// Assertions are registered below in chai's own order (then chai-postman's), which matters only
// for the "Did you mean" suggestion when two names are equally close to a typo.

import { Assertion, addChainableMethod, addMethod, addProperty, flag, transferFlags, getMessage, overwriteMethod, overwriteProperty } from './core.js';
import { AssertionError } from './assertion-error.js';
import { config } from './config.js';
import { inspect, objDisplay } from './inspect.js';
import { deepEqual } from './deep-equal.js';
import { typeOf, functionName } from './type.js';
import * as language from './language.js';
import * as basic from './basic.js';
import * as compare from './compare.js';
import * as equality from './equality.js';
import { include, includeChain } from './include.js';
import * as property from './property.js';
import { throws } from './throws.js';
import * as delta from './delta.js';
import * as postman from './postman.js';

const proto = Assertion.prototype;

function properties(names, getter) {
  for (const name of names) addProperty(proto, name, getter);
}

function methods(names, fn) {
  for (const name of names) addMethod(proto, name, fn);
}

properties(language.CHAIN_WORDS);
properties(['not'], language.not);
properties(['deep'], language.deep);
properties(['nested'], language.nested);
properties(['own'], language.own);
properties(['ordered'], language.ordered);
properties(['any'], language.any);
properties(['all'], language.all);
addChainableMethod(proto, 'an', basic.typeIs);
addChainableMethod(proto, 'a', basic.typeIs);
for (const name of ['include', 'contain', 'contains', 'includes']) addChainableMethod(proto, name, include, includeChain);
properties(['ok'], postman.ok);
properties(['true'], basic.isTrue);
properties(['false'], basic.isFalse);
properties(['null'], basic.isNull);
properties(['undefined'], basic.isUndefined);
properties(['NaN'], basic.isNaN);
properties(['exist', 'exists'], basic.exist);
properties(['empty'], basic.empty);
properties(['arguments', 'Arguments'], basic.isArguments);
methods(['equal', 'equals', 'eq'], equality.equal);
methods(['eql', 'eqls'], equality.eql);
methods(['above', 'gt', 'greaterThan'], compare.above);
methods(['least', 'gte', 'greaterThanOrEqual'], compare.least);
methods(['below', 'lt', 'lessThan'], compare.below);
methods(['most', 'lte', 'lessThanOrEqual'], compare.most);
methods(['within'], compare.within);
methods(['instanceof', 'instanceOf'], basic.instanceOf);
methods(['property'], property.property);
methods(['ownProperty', 'haveOwnProperty'], property.ownProperty);
methods(['ownPropertyDescriptor', 'haveOwnPropertyDescriptor'], property.ownPropertyDescriptor);
addChainableMethod(proto, 'length', compare.lengthOf, compare.lengthChain);
addChainableMethod(proto, 'lengthOf', compare.lengthOf, compare.lengthChain);
methods(['match', 'matches'], basic.match);
methods(['string'], basic.containsString);
methods(['keys', 'key'], property.keys);
methods(['throw', 'throws', 'Throw'], throws);
methods(['respondTo', 'respondsTo'], basic.respondTo);
properties(['itself'], language.itself);
methods(['satisfy', 'satisfies'], basic.satisfy);
methods(['closeTo', 'approximately'], compare.closeTo);
methods(['members'], equality.members);
methods(['oneOf'], equality.oneOf);
methods(['change', 'changes'], delta.change);
methods(['increase', 'increases'], delta.increase);
methods(['decrease', 'decreases'], delta.decrease);
methods(['by'], delta.by);
properties(['extensible'], basic.extensible);
properties(['sealed'], basic.sealed);
properties(['frozen'], basic.frozen);
properties(['finite'], basic.finite);

// chai-postman
properties(['postmanRequest'], postman.postmanRequest);
properties(['postmanResponse'], postman.postmanResponse);
properties(['postmanRequestOrResponse'], postman.postmanRequestOrResponse);
methods(['statusCodeClass'], postman.statusCodeClass);
for (const [name, getter] of postman.statusClassProperties) addProperty(proto, name, getter);
properties(['error'], postman.error);
methods(['statusCode'], postman.statusCode);
methods(['statusReason'], postman.statusReason);
for (const [name, getter] of postman.statusNameProperties) addProperty(proto, name, getter);
methods(['status'], postman.status);
methods(['header'], postman.header);
properties(['withBody'], postman.withBody);
properties(['json'], postman.json);
methods(['body'], postman.body);
methods(['jsonBody'], postman.jsonBody);
addChainableMethod(proto, 'responseTime', postman.responseTime, postman.responseTimeChain);
addChainableMethod(proto, 'responseSize', postman.responseSize, postman.responseSizeChain);
methods(['jsonSchema'], postman.jsonSchema);

export function expect(value, message) {
  return new Assertion(value, message);
}

// expect.fail(message) or expect.fail(actual, expected, message[, operator]): always throws.
expect.fail = function fail(actual, expected, message, operator) {
  if (arguments.length < 2) {
    message = actual;
    actual = undefined;
  }
  throw new AssertionError(message || 'expect.fail()', { actual, expected, operator });
};

const utils = {
  flag,
  transferFlags,
  inspect,
  objDisplay,
  getMessage,
  type: typeOf,
  eql: deepEqual,
  getName: functionName,
  getPathInfo: property.pathInfo,
  hasProperty: (obj, name) => obj !== undefined && obj !== null && name in Object(obj),
  test: (assertion, args) => (flag(assertion, 'negate') ? !args[0] : args[0]),
  getActual: (assertion, args) => (args.length > 4 ? args[4] : assertion._obj),
  isNaN: Number.isNaN,
  addProperty,
  addMethod,
  addChainableMethod,
  overwriteProperty,
  overwriteMethod,
};

const installed = [];

const chai = { Assertion, AssertionError, config, expect, util: utils, use };

// Runs a chai plugin (`function (chai, utils) { chai.Assertion.addMethod(...) }`) once.
export function use(plugin) {
  if (installed.indexOf(plugin) === -1) {
    plugin(chai, utils);
    installed.push(plugin);
  }
  return chai;
}

export { Assertion, AssertionError, config, inspect, objDisplay };
export const isResponse = postman.isResponse;
export const isRequest = postman.isRequest;
