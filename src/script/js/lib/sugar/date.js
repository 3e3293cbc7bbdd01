// sugar 1.4 Date methods and Date.create: setting and moving (set, advance, rewind, addDays,
// reset, beginningOfMonth, …), comparing (is, isAfter, isBefore, isBetween, isToday, isPast,
// isLastWeek, isMonday, …), measuring (daysAgo, hoursUntil, getISOWeek, daysInMonth),
// formatting (format, relative, short/long/full, iso) and the utc flag.
import { define } from './common.js';
import {
  UNITS, UNIT_MS, MONTHS, WEEKDAYS, unitIndex, get, put, daysInMonth, resetFrom, beginningOf, endOf,
  addUnit, setUnits, advanceUnits,
} from './date-core.js';
import { create, parse } from './date-parse.js';
import { formatDate, relative, offsetText, NAMED } from './date-format.js';
import { installDateNumbers } from './date-number.js';

const clone = (d) => {
  const c = new Date(d.getTime());
  if (d._utc) markUTC(c, true);
  return c;
};

function markUTC(d, on) {
  Object.defineProperty(d, '_utc', { value: on, writable: true, configurable: true, enumerable: false });
  return d;
}

/** A date argument (date, timestamp, text; nothing = now) as a Date. */
export const toDate = (args) => create(args).date;

/** [start, end] of what `d` denotes: text with its precision ('July' = the whole month). */
function rangeOf(arg) {
  if (typeof arg === 'string') {
    const found = parse(arg) || { date: new Date(NaN), unit: 0 };
    if (found.unit === 0) return [found.date.getTime(), found.date.getTime()];
    const s = beginningOf(clone(found.date), found.unit);
    return [s.getTime(), endOf(clone(found.date), found.unit).getTime()];
  }
  const t = toDate([arg]).getTime();
  return [t, t];
}

function is(d, arg, margin) {
  const t = d.getTime();
  if (Number.isNaN(t)) return false;
  const m = +margin || 0;
  if (typeof arg === 'string') {
    const s = arg.trim().toLowerCase();
    if (s === 'weekday') return get(d, 'weekday') % 6 !== 0;
    if (s === 'weekend') return get(d, 'weekday') % 6 === 0;
    const wd = WEEKDAYS.findIndex((w) => w === s || w.slice(0, 3) === s);
    if (wd >= 0) return get(d, 'weekday') === wd;
    const mo = MONTHS.findIndex((n) => n === s || n.slice(0, 3) === s);
    if (mo >= 0) return get(d, 'month') === mo;
  }
  const [start, end] = rangeOf(arg);
  return t >= start - m && t <= end + m;
}

/** Whole units between `a` and `b` (b - a): calendar months/years, rounded for the rest. */
function unitsBetween(a, b, index) {
  if (index >= 6) {
    const months = index === 6 ? 1 : 12;
    let n = (get(b, 'year') - get(a, 'year')) * (12 / months) + (index === 6 ? get(b, 'month') - get(a, 'month') : 0);
    const moved = addUnit(clone(a), index, n);
    if (n > 0 && moved > b) n--;
    else if (n < 0 && moved < b) n++;
    return n;
  }
  return Math.round((b.getTime() - a.getTime()) / UNIT_MS[index]);
}

const unitMethods = {};
UNITS.forEach((unit, i) => {
  const Unit = unit.charAt(0).toUpperCase() + unit.slice(1);
  const units = unit + 's';
  unitMethods[units + 'Ago'] = function () { return unitsBetween(this, new Date(), i); };
  unitMethods[units + 'FromNow'] = function () { return unitsBetween(new Date(), this, i); };
  unitMethods[units + 'Since'] = function (...args) { return unitsBetween(toDate(args), this, i); };
  unitMethods[units + 'Until'] = function (...args) { return unitsBetween(this, toDate(args), i); };
  unitMethods['add' + Unit + 's'] = function (num, reset) { return advanceUnits(this, [{ [unit]: num }], reset, 1); };
});
['Day', 'Week', 'Month', 'Year'].forEach((Unit) => {
  const i = unitIndex(Unit);
  unitMethods['beginningOf' + Unit] = function () { return beginningOf(this, i); };
  unitMethods['endOf' + Unit] = function () { return endOf(this, i); };
});
['Week', 'Month', 'Year'].forEach((Unit) => {
  const i = unitIndex(Unit);
  const within = (d, shift) => {
    const ref = addUnit(new Date(), i, shift);
    const s = beginningOf(clone(ref), i).getTime();
    const e = endOf(clone(ref), i).getTime();
    return d.getTime() >= s && d.getTime() <= e;
  };
  unitMethods['isLast' + Unit] = function () { return within(this, -1); };
  unitMethods['isThis' + Unit] = function () { return within(this, 0); };
  unitMethods['isNext' + Unit] = function () { return within(this, 1); };
});
WEEKDAYS.forEach((day, n) => {
  unitMethods['is' + day.charAt(0).toUpperCase() + day.slice(1)] = function () { return get(this, 'weekday') === n; };
});
MONTHS.forEach((month, n) => {
  unitMethods['is' + month.charAt(0).toUpperCase() + month.slice(1)] = function () { return get(this, 'month') === n; };
});

function isoWeek(d) {
  const t = new Date(Date.UTC(get(d, 'year'), get(d, 'month'), get(d, 'day')));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7);
}

const methods = {
  ...unitMethods,
  set(...args) {
    const reset = args.length > 1 && typeof args[args.length - 1] === 'boolean' ? args.pop() : false;
    if (args.length === 1 && typeof args[0] === 'number') {
      this.setTime(args[0]);
      return this;
    }
    return setUnits(this, args, reset);
  },
  setWeekday(n) {
    if (n === undefined) return this.getTime();
    put(this, 'day', get(this, 'day') + (n - get(this, 'weekday')));
    return this.getTime();
  },
  setISOWeek(n) {
    put(this, 'day', get(this, 'day') + (n - isoWeek(this)) * 7);
    return this.getTime();
  },
  getISOWeek() { return isoWeek(this); },
  beginningOfISOWeek() {
    put(this, 'day', get(this, 'day') - ((get(this, 'weekday') || 7) - 1));
    return resetFrom(this, 3);
  },
  endOfISOWeek() {
    put(this, 'day', get(this, 'day') + (7 - (get(this, 'weekday') || 7)));
    return endOf(this, 4);
  },
  getUTCOffset(iso) { return offsetText(this, !!iso); },
  utc(on) { return markUTC(this, on !== false); },
  isUTC() { return this._utc === true || this.getTimezoneOffset() === 0; },
  advance(...args) {
    const reset = args.length > 1 && typeof args[args.length - 1] === 'boolean' ? args.pop() : false;
    return move(this, args, reset, 1);
  },
  rewind(...args) {
    const reset = args.length > 1 && typeof args[args.length - 1] === 'boolean' ? args.pop() : false;
    return move(this, args, reset, -1);
  },
  isValid() { return !Number.isNaN(this.getTime()); },
  isAfter(d, margin) { return this.getTime() > toDate([d]).getTime() - (+margin || 0); },
  isBefore(d, margin) { return this.getTime() < toDate([d]).getTime() + (+margin || 0); },
  isBetween(d1, d2, margin) {
    const a = toDate([d1]).getTime();
    const b = toDate([d2]).getTime();
    const m = +margin || 0;
    const t = this.getTime();
    return t > Math.min(a, b) - m && t < Math.max(a, b) + m;
  },
  isLeapYear() {
    const y = get(this, 'year');
    return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  },
  daysInMonth() { return daysInMonth(get(this, 'year'), get(this, 'month')); },
  format(f) { return formatDate(this, f); },
  short() { return formatDate(this, 'short'); },
  long() { return formatDate(this, 'long'); },
  full() { return formatDate(this, 'full'); },
  relative(fn) { return Number.isNaN(this.getTime()) ? 'Invalid Date' : relative(this, fn); },
  is(d, margin) { return is(this, d, margin); },
  reset(unit) { return resetFrom(this, unitIndex(unit === undefined ? 'hours' : unit)); },
  clone() { return clone(this); },
  iso() { return this.toISOString(); },
  getWeekday() { return get(this, 'weekday'); },
  getUTCWeekday() { return this.getUTCDay(); },
  isToday() { return is(this, 'today'); },
  isYesterday() { return is(this, 'yesterday'); },
  isTomorrow() { return is(this, 'tomorrow'); },
  isWeekday() { return get(this, 'weekday') % 6 !== 0; },
  isWeekend() { return get(this, 'weekday') % 6 === 0; },
  isFuture() { return this.getTime() > Date.now(); },
  isPast() { return this.getTime() < Date.now(); },
};

/** advance/rewind: a number of milliseconds, '2 days', an object or (years, months, …). */
function move(d, args, reset, sign) {
  if (args.length === 1 && typeof args[0] === 'number') {
    d.setTime(d.getTime() + sign * args[0]);
    return d;
  }
  if (args.length === 1 && typeof args[0] === 'string') {
    const m = /^\s*(-?\d+(?:\.\d+)?)\s*([a-z]+?)s?\s*$/i.exec(args[0]);
    const i = m ? unitIndex(m[2]) : -1;
    if (i < 0) return d;
    return advanceUnits(d, [{ [UNITS[i]]: +m[1] }], reset, sign);
  }
  return advanceUnits(d, args, reset, sign);
}

const statics = {
  create(...args) { return create(args).date; },
  past(...args) { return create(args, { prefer: -1 }).date; },
  future(...args) { return create(args, { prefer: 1 }).date; },
  utc: {
    create(...args) { return create(args, { utc: true }).date; },
    past(...args) { return create(args, { utc: true, prefer: -1 }).date; },
    future(...args) { return create(args, { utc: true, prefer: 1 }).date; },
  },
  getLocale() { return { code: 'en' }; },
  setLocale() { return { code: 'en' }; },
  addLocale() { return { code: 'en' }; },
  addFormat() {},
  RFC1123: NAMED.RFC1123,
  RFC1036: NAMED.RFC1036,
  ISO8601_DATE: NAMED.ISO8601_DATE,
  ISO8601_DATETIME: NAMED.ISO8601_DATETIME,
};

export function installDate() {
  define(Date.prototype, methods);
  define(Date, statics);
  installDateNumbers(toDate);
}
