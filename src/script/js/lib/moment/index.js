// `require('moment')`: our implementation of moment 2.30's API for the English locale —
// parsing (ISO 8601, RFC 2822, formats, unix), formatting, arithmetic, comparison, zones
// (local time or a fixed offset) and durations.
import { Moment, hooks, localeData, toMoment, momentsDiffParts } from './core.js';
import { parseISO, parseRFC2822, parseWithFormat, partsFromArray, partsFromObject, resolve } from './parse.js';
import { createDuration, isDuration, Duration } from './duration.js';
import { normalizeUnits, fieldsOf } from './units.js';
import { en, thresholds } from './locale.js';

const ISO_8601 = function () {};
const RFC_2822 = function () {};

function nowFields(zone) {
  return fieldsOf(hooks.now(), zone);
}

function fromState(state, zone, input, mode) {
  if (!state) return new Moment(NaN, mode.offset, mode.utc);
  const t = resolve(state, nowFields(zone), zone);
  const m = new Moment(t, mode.offset, mode.utc);
  if (mode.parseZone && state.offset !== undefined && state.offset !== null) {
    m._offset = state.offset;
    m._isUTC = true;
  }
  m._i = input;
  return m;
}

/** Builds a moment from moment()'s arguments; `mode` says how to read it (local, utc, parseZone). */
function create(input, format, strict, mode) {
  const zone = mode.utc ? 0 : null;
  if (typeof format === 'boolean') {
    strict = format;
    format = undefined;
  }
  if (input instanceof Moment) {
    const m = input.clone();
    if (mode.utc) m.utc();
    return m;
  }
  if (input === undefined) {
    const m = new Moment(hooks.now(), mode.offset, mode.utc);
    return m;
  }
  if (input === null || input === '') return invalidWith(input, mode);
  if (input instanceof Date || Object.prototype.toString.call(input) === '[object Date]') {
    return new Moment(+input, mode.offset, mode.utc);
  }
  if (typeof input === 'number') return new Moment(input, mode.offset, mode.utc);
  if (Array.isArray(input)) return fromState(partsFromArray(input), zone, input, mode);
  if (typeof input === 'object' && !(input instanceof String)) {
    if (input._isAMomentObject) return new Moment(+input._t, mode.offset, mode.utc);
    return fromState(partsFromObject(input), zone, input, mode);
  }
  const text = String(input);
  if (format !== undefined && format !== null) {
    const formats = Array.isArray(format) ? format : [format];
    let best = null;
    let bestScore = Infinity;
    let bestValid = false;
    for (const f of formats) {
      let state;
      if (f === ISO_8601) state = parseISO(text) || { invalid: true, parts: {}, week: {} };
      else if (f === RFC_2822) state = parseRFC2822(text) || { invalid: true, parts: {}, week: {} };
      else state = parseWithFormat(text, String(f), !!strict);
      if (formats.length === 1) {
        best = state;
        break;
      }
      const valid = !isNaN(resolve(state, nowFields(zone), zone));
      const score = (state.leftover || 0) + (state.unused || 0) * 10;
      if ((valid && !bestValid) || (valid === bestValid && score < bestScore)) {
        best = state;
        bestScore = score;
        bestValid = valid;
      }
    }
    const m = fromState(best, zone, input, mode);
    m._fmt = format;
    m._strict = !!strict;
    return m;
  }
  const iso = parseISO(text);
  if (iso) return fromState(iso, zone, input, mode);
  const rfc = parseRFC2822(text);
  if (rfc) return fromState(rfc, zone, input, mode);
  const t = new Date(text + (mode.utc ? ' UTC' : '')).valueOf();
  return new Moment(isNaN(t) ? new Date(text).valueOf() : t, mode.offset, mode.utc);
}

function invalidWith(input, mode) {
  const m = new Moment(NaN, mode.offset, mode.utc);
  m._i = input;
  return m;
}

const LOCAL = { utc: false, offset: null };
const UTC = { utc: true, offset: 0 };

function moment(input, format, locale, strict) {
  if (typeof locale === 'boolean') strict = locale;
  return create(input, format, strict, LOCAL);
}

hooks.create = (input) => moment(input);

moment.utc = (input, format, locale, strict) => {
  if (typeof locale === 'boolean') strict = locale;
  return create(input, format, strict, UTC);
};
moment.parseZone = (input, format, locale, strict) => {
  if (typeof locale === 'boolean') strict = locale;
  return create(input, format, strict, { utc: true, offset: 0, parseZone: true });
};
moment.unix = (seconds) => moment(seconds * 1000);
moment.invalid = () => new Moment(NaN, null, false);
moment.isMoment = (m) => m instanceof Moment || (m != null && m._isAMomentObject === true);
moment.isDate = (d) => d instanceof Date || Object.prototype.toString.call(d) === '[object Date]';
moment.duration = (input, unit) => {
  if (input && typeof input === 'object' && !(input instanceof Duration) && ('from' in input || 'to' in input)) {
    return createDuration(momentsDiffParts(toMoment(input.from), toMoment(input.to)));
  }
  return createDuration(input, unit);
};
moment.isDuration = isDuration;
moment.normalizeUnits = normalizeUnits;
moment.now = () => hooks.now();
moment.min = (...args) => pick(args, 'isBefore');
moment.max = (...args) => pick(args, 'isAfter');
moment.locale = () => 'en';
moment.locales = () => ['en'];
moment.localeData = () => localeData();
moment.updateLocale = () => localeData();
moment.defineLocale = () => localeData();
moment.months = (i) => (typeof i === 'number' ? en.months[i] : en.months.slice());
moment.monthsShort = (i) => (typeof i === 'number' ? en.monthsShort[i] : en.monthsShort.slice());
moment.weekdays = (i) => (typeof i === 'number' ? en.weekdays[i] : en.weekdays.slice());
moment.weekdaysShort = (i) => (typeof i === 'number' ? en.weekdaysShort[i] : en.weekdaysShort.slice());
moment.weekdaysMin = (i) => (typeof i === 'number' ? en.weekdaysMin[i] : en.weekdaysMin.slice());
moment.relativeTimeThreshold = (unit, limit) => {
  if (thresholds[unit] === undefined) return false;
  if (limit === undefined) return thresholds[unit];
  thresholds[unit] = limit;
  if (unit === 's') thresholds.ss = limit - 1;
  return true;
};
moment.relativeTimeRounding = () => Math.round;
moment.ISO_8601 = ISO_8601;
moment.RFC_2822 = RFC_2822;
moment.version = '2.30.1';
moment.fn = Moment.prototype;
moment.prototype = Moment.prototype;
moment.HTML5_FMT = {
  DATETIME_LOCAL: 'YYYY-MM-DDTHH:mm', DATETIME_LOCAL_SECONDS: 'YYYY-MM-DDTHH:mm:ss',
  DATETIME_LOCAL_MS: 'YYYY-MM-DDTHH:mm:ss.SSS', DATE: 'YYYY-MM-DD', TIME: 'HH:mm', TIME_SECONDS: 'HH:mm:ss',
  TIME_MS: 'HH:mm:ss.SSS', WEEK: 'GGGG-[W]WW', MONTH: 'YYYY-MM',
};
Object.defineProperty(moment, 'defaultFormat', { get: () => hooks.defaultFormat, set: (v) => { hooks.defaultFormat = v; } });
Object.defineProperty(moment, 'defaultFormatUtc', { get: () => hooks.defaultFormatUtc, set: (v) => { hooks.defaultFormatUtc = v; } });

function pick(args, fn) {
  const list = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
  if (!list.length) return moment();
  let res = toMoment(list[0]);
  for (const m of list.slice(1)) {
    const c = toMoment(m);
    if (!c.isValid() || c[fn](res)) res = c;
  }
  return res;
}

export default moment;
