// sugar.js 1.4 (Newman's sandbox loads it: 'x'.has('y'), [1, 2].average(), (56).hex(),
// new Date().format('{yyyy}'), Object.each …), loaded lazily. Each method name below is a
// non-enumerable accessor on its prototype or constructor; the first read loads lib/sugar (through
// require's cache, so __postie_loaded() shows it), which replaces every accessor with the real
// method. A name that already exists natively (String#startsWith, Array#at, Object.keys …) is
// left alone, except RegExp.escape: QuickJS has the ES2025 one, Newman's Node 20 has not, so
// Newman's scripts see sugar's (RegExp.escape('yes.') is 'yes\.', not '\x79es\.'). Array#map/filter/find/findIndex/every/some get sugar's shortcut forms
// (`list.map('name')`, `list.find({id: 2})`): a thin wrapper calls the native method whenever
// the first argument is a function and loads sugar only for the other forms.
import { requireModule } from './require.js';

const UNITS = ['millisecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'year'];
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const words = (s) => s.split(' ');
const expand = (list, fn) => [].concat(...list.map(fn));

const SCRIPTS = words('Arabic Cyrillic Devanagari Greek Hangul Han Kanji Hebrew Hiragana Kana Katakana Latin Thai');
const WEEKDAYS = words('Sunday Monday Tuesday Wednesday Thursday Friday Saturday');
const MONTHS = words('January February March April May June July August September October November December');

/** [target, names] for every method lib/sugar installs. */
function table() {
  return [
    [Array.prototype, words('findFrom findIndexFrom findAll count removeAt include exclude clone unique flatten union ' +
      'intersect subtract first last from to min max least most sum average inGroups inGroupsOf isEmpty sortBy ' +
      'randomize zip sample each add remove compact groupBy none all any insert')],
    [Array, ['create']],
    [String.prototype, words('escapeRegExp escapeURL unescapeURL escapeHTML unescapeHTML encodeBase64 decodeBase64 each ' +
      'shift codes chars words lines paragraphs isBlank has add insert remove reverse compact from to first last ' +
      'dasherize underscore camelize spacify capitalize titleize parameterize humanize pluralize singularize stripTags ' +
      'removeTags truncate truncateOnWord pad padLeft padRight toNumber assign')
      .concat(expand(SCRIPTS, (s) => ['is' + s, 'has' + s]))],
    [Number.prototype, words('hex isEven isOdd isInteger isMultipleOf ordinalize format pad round ceil floor abs pow sin ' +
      'asin cos acos tan atan exp sqrt log chr toNumber times upto downto clamp cap abbr metric bytes duration')
      .concat(expand(UNITS, (u) => expand([u, u + 's'], (n) => [n, n + 'Ago', n + 'FromNow', n + 'Before', n + 'After'])))],
    [Number, ['random']],
    [Function.prototype, words('once after fill delay every cancel lazy throttle debounce')],
    [Date.prototype, words('set setWeekday setISOWeek getISOWeek beginningOfISOWeek endOfISOWeek getUTCOffset utc isUTC ' +
      'advance rewind isValid isAfter isBefore isBetween isLeapYear daysInMonth format short long full relative is ' +
      'reset clone iso getWeekday getUTCWeekday isToday isYesterday isTomorrow isWeekday isWeekend isFuture isPast')
      .concat(expand(UNITS, (u) => [u + 'sAgo', u + 'sFromNow', u + 'sSince', u + 'sUntil', 'add' + cap(u) + 's']))
      .concat(expand(words('Day Week Month Year'), (u) => ['beginningOf' + u, 'endOf' + u]))
      .concat(expand(words('Week Month Year'), (u) => ['isLast' + u, 'isThis' + u, 'isNext' + u]))
      .concat(WEEKDAYS.concat(MONTHS).map((n) => 'is' + n))],
    [Date, words('create past future utc getLocale setLocale addLocale addFormat RFC1123 RFC1036 ISO8601_DATE ISO8601_DATETIME')],
    [Object, words('each map reduce size any all none count find findAll isEmpty sum average min max least most merge ' +
      'clone equal has select reject tap toQueryString watch isObject isArray isString isNumber isBoolean isDate ' +
      'isRegExp isFunction isNaN fromQueryString extended')],
    [RegExp.prototype, words('getFlags setFlags addFlag removeFlag')],
    [RegExp, ['escape']],
  ];
}

/** Natives newer than Newman's Node that sugar's method replaces there: see the header. */
const OVERRIDE = new Set([RegExp]);

const load = () => requireModule('sugar/index');

function accessor(target, name) {
  return {
    configurable: true,
    enumerable: false,
    get() {
      load();
      const d = Object.getOwnPropertyDescriptor(target, name);
      return d && !d.get ? d.value : undefined;
    },
    set(value) {
      // As assigning over sugar's (writable) method would: an own property of the receiver.
      if (this === null || (typeof this !== 'object' && typeof this !== 'function')) return;
      Object.defineProperty(this, name, { value, writable: true, configurable: true, enumerable: this !== target });
    },
  };
}

function shortcut(name) {
  const native = Array.prototype[name];
  const wrapper = {
    [name](f, thisArg) {
      if (typeof f === 'function') return native.call(this, f, thisArg);
      if (arguments.length === 0) return native.call(this);
      return load().shortcuts[name].call(this, f, thisArg);
    },
  }[name];
  Object.defineProperty(wrapper, 'length', { value: 1 });
  Object.defineProperty(Array.prototype, name, { value: wrapper, writable: true, configurable: true, enumerable: false });
}

export function installSugar() {
  for (const [target, names] of table()) {
    for (const name of names) {
      if (!Object.prototype.hasOwnProperty.call(target, name) || OVERRIDE.has(target)) {
        Object.defineProperty(target, name, accessor(target, name));
      }
    }
  }
  for (const name of words('map filter find findIndex every some')) shortcut(name);
}
