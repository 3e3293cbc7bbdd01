// lodash 4 (what `require('lodash')` returns, see ../lodash.js): our own implementation of the
// functions collections use, assembled into a `_` with chaining.
import { lang } from './lang.js';
import { object } from './object.js';
import { array } from './array.js';
import { collection } from './collection.js';
import { math } from './math.js';
import { string } from './string.js';
import { util, makeTemplate, makeSettings } from './util.js';
import { buildLodash } from './chain.js';

export const UNWRAPPED_V4 = 'add attempt camelCase capitalize ceil clamp clone cloneDeep cloneDeepWith cloneWith conformsTo ' +
  'deburr defaultTo divide endsWith eq escape escapeRegExp every find findIndex findKey findLast findLastIndex findLastKey ' +
  'floor forEach forEachRight forIn forInRight forOwn forOwnRight get gt gte has hasIn head identity includes indexOf ' +
  'inRange invoke isArguments isArray isArrayBuffer isArrayLike isArrayLikeObject isBoolean isBuffer isDate isElement ' +
  'isEmpty isEqual isEqualWith isError isFinite isFunction isInteger isLength isMap isMatch isMatchWith isNaN isNative ' +
  'isNil isNull isNumber isObject isObjectLike isPlainObject isRegExp isSafeInteger isSet isString isSymbol isTypedArray ' +
  'isUndefined isWeakMap isWeakSet join kebabCase last lastIndexOf lowerCase lowerFirst lt lte max maxBy mean meanBy min ' +
  'minBy stubArray stubFalse stubObject stubString stubTrue multiply nth noConflict noop now pad padEnd padStart parseInt ' +
  'random reduce reduceRight repeat replace result round runInContext sample size snakeCase some sortedIndex sortedIndexBy ' +
  'sortedIndexOf sortedLastIndex sortedLastIndexBy sortedLastIndexOf startCase startsWith subtract sum sumBy template ' +
  'times toFinite toInteger toLength toLower toNumber toSafeInteger toUpper trim trimEnd trimStart truncate unescape ' +
  'uniqueId upperCase upperFirst each eachRight first toString toPlainObject';

/** All lodash 4 functions, unassembled (lodash 3 starts from these). */
export function lodash4Functions() {
  return Object.assign({}, lang, object, array, collection, math, string, util);
}

export function createLodash4() {
  const fns = lodash4Functions();
  const _ = buildLodash(fns, { version: '4.17.21', unwrapped: UNWRAPPED_V4 });
  _.templateSettings = makeSettings(_);
  _.template = makeTemplate(_);
  _.noConflict = () => _;
  _.runInContext = () => createLodash4();
  _.isMatchWith = (obj, src, customizer) => (customizer ? _.isEqualWith(obj, src, customizer) || fns.isMatch(obj, src) : fns.isMatch(obj, src));
  return _;
}

