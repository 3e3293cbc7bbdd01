// The moment object: an instant plus how to read it (local time, or a fixed UTC offset — UTC
// being offset 0), with moment's getters/setters, arithmetic, comparison, diff, startOf/endOf
// and display.
import {
  normalizeUnits, fieldsOf, stampOf, daysInMonth, isLeapYear, weekOfYear, weeksInYear, dayOfYear,
  absFloor, absRound, toInt,
} from './units.js';
import { formatMoment } from './format.js';
import { en } from './locale.js';
import { Duration, createDuration } from './duration.js';
import { offsetFromString } from './parse.js';

export class Moment {
  constructor(t, offset, isUTC) {
    this._t = t;
    this._offset = offset;
    this._isUTC = isUTC;
    this._isAMomentObject = true;
    this._cache = null;
  }

  /** Calendar fields in this moment's zone (cached until it changes). */
  _f() {
    if (!this._cache) this._cache = fieldsOf(this._t, this._isUTC ? this._offset : null);
    return this._cache;
  }
  _zone() { return this._isUTC ? this._offset : null; }
  _setT(t) {
    this._t = t;
    this._cache = null;
    return this;
  }
  _setFields(changes) {
    if (!this.isValid()) return this;
    const f = Object.assign({}, this._f(), changes);
    return this._setT(stampOf(f, this._zone()));
  }

  isValid() { return !isNaN(this._t); }
  valueOf() { return this._t; }
  unix() { return Math.floor(this._t / 1000); }
  toDate() { return new Date(this._t); }
  clone() {
    const m = new Moment(this._t, this._offset, this._isUTC);
    m._i = this._i;
    m._pf = this._pf;
    return m;
  }

  // ---- getters / setters ----
  year(v) { return v === undefined ? this._f().year : this._setYear(toInt(v)); }
  _setYear(y) {
    const f = this._f();
    const date = f.month === 1 && f.date === 29 && !isLeapYear(y) ? 28 : f.date;
    return this._setFields({ year: y, date });
  }
  month(v) {
    if (v === undefined) return this._f().month;
    if (!this.isValid()) return this;
    if (typeof v === 'string') {
      if (/^\d+$/.test(v)) v = toInt(v);
      else {
        const lower = v.toLowerCase();
        v = en.months.findIndex((n) => n.toLowerCase() === lower);
        if (v < 0) v = en.monthsShort.findIndex((n) => n.toLowerCase() === lower);
        if (v < 0) return this;
      }
    }
    const f = this._f();
    const date = Math.min(f.date, daysInMonth(f.year, v));
    return this._setFields({ month: v, date });
  }
  date(v) { return v === undefined ? this._f().date : this._setFields({ date: toInt(v) }); }
  hour(v) { return v === undefined ? this._f().hour : this._setFields({ hour: toInt(v) }); }
  minute(v) { return v === undefined ? this._f().minute : this._setFields({ minute: toInt(v) }); }
  second(v) { return v === undefined ? this._f().second : this._setFields({ second: toInt(v) }); }
  millisecond(v) { return v === undefined ? this._f().millisecond : this._setFields({ millisecond: toInt(v) }); }
  day(v) {
    if (v === undefined) return this.isValid() ? this._f().day : NaN;
    if (typeof v === 'string') {
      const lower = v.toLowerCase();
      const lists = [en.weekdays, en.weekdaysShort, en.weekdaysMin];
      const found = lists.map((l) => l.findIndex((n) => n.toLowerCase() === lower)).find((i) => i >= 0);
      v = found !== undefined ? found : isNaN(v) ? undefined : toInt(v);
      if (v === undefined) return this;
    }
    return this.add(v - this._f().day, 'd');
  }
  weekday(v) {
    const wd = (this._f().day + 7 - en.week.dow) % 7;
    return v === undefined ? wd : this.add(v - wd, 'd');
  }
  isoWeekday(v) {
    if (v === undefined) return this._f().day || 7;
    return this.day(this._f().day % 7 ? v : v - 7);
  }
  dayOfYear(v) {
    const d = dayOfYear(this._f());
    return v === undefined ? d : this.add(v - d, 'd');
  }
  week(v) {
    const w = weekOfYear(this._f(), en.week.dow, en.week.doy).week;
    return v === undefined ? w : this.add((v - w) * 7, 'd');
  }
  isoWeek(v) {
    const w = weekOfYear(this._f(), 1, 4).week;
    return v === undefined ? w : this.add((v - w) * 7, 'd');
  }
  weekYear() { return weekOfYear(this._f(), en.week.dow, en.week.doy).year; }
  isoWeekYear() { return weekOfYear(this._f(), 1, 4).year; }
  weeksInYear() { return weeksInYear(this.year(), en.week.dow, en.week.doy); }
  isoWeeksInYear() { return weeksInYear(this.year(), 1, 4); }
  quarter(v) {
    const q = Math.ceil((this._f().month + 1) / 3);
    return v === undefined ? q : this.month((v - 1) * 3 + (this._f().month % 3));
  }
  daysInMonth() { return daysInMonth(this.year(), this.month()); }
  isLeapYear() { return isLeapYear(this.year()); }
  get(units) {
    const u = normalizeUnits(units);
    return typeof this[u] === 'function' ? this[u]() : this[units] ? this[units]() : undefined;
  }
  set(units, value) {
    if (typeof units === 'object' && units !== null) {
      const order = ['year', 'quarter', 'month', 'week', 'isoWeek', 'dayOfYear', 'date', 'day', 'weekday', 'isoWeekday', 'hour', 'minute', 'second', 'millisecond'];
      const entries = Object.keys(units).map((k) => [normalizeUnits(k), units[k]]).filter(([u]) => u);
      entries.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
      for (const [u, v] of entries) this[u](v);
      return this;
    }
    const u = normalizeUnits(units);
    if (u && typeof this[u] === 'function') return this[u](value);
    return this;
  }

  // ---- arithmetic ----
  add(input, value) { return addSubtract(this, input, value, 1); }
  subtract(input, value) { return addSubtract(this, input, value, -1); }

  startOf(units) {
    const u = normalizeUnits(units);
    if (!u || u === 'millisecond' || !this.isValid()) return this;
    const f = this._f();
    const z = { hour: 0, minute: 0, second: 0, millisecond: 0 };
    switch (u) {
      case 'year': return this._setFields(Object.assign({ month: 0, date: 1 }, z));
      case 'quarter': return this._setFields(Object.assign({ month: f.month - (f.month % 3), date: 1 }, z));
      case 'month': return this._setFields(Object.assign({ date: 1 }, z));
      case 'week': return this._setFields(Object.assign({ date: f.date - ((f.day + 7 - en.week.dow) % 7) }, z));
      case 'isoWeek': return this._setFields(Object.assign({ date: f.date - ((f.day + 6) % 7) }, z));
      case 'day': case 'date': return this._setFields(z);
      case 'hour': return this._setFields({ minute: 0, second: 0, millisecond: 0 });
      case 'minute': return this._setFields({ second: 0, millisecond: 0 });
      case 'second': return this._setFields({ millisecond: 0 });
      default: return this;
    }
  }
  endOf(units) {
    let u = normalizeUnits(units);
    if (!u || u === 'millisecond' || !this.isValid()) return this;
    if (u === 'date') u = 'day';
    this.startOf(u);
    return this.add(1, u === 'isoWeek' ? 'week' : u).subtract(1, 'ms');
  }

  // ---- zones ----
  utcOffset(input, keepLocalTime) {
    if (input === undefined || input === null) {
      if (input === null) return this;
      if (this._isUTC) return this._offset;
      return this.isValid() ? -Math.round(new Date(this._t).getTimezoneOffset()) : NaN;
    }
    let offset = input;
    if (typeof input === 'string') {
      offset = offsetFromString(input);
      if (offset === null) return this;
    } else if (Math.abs(input) < 16) {
      offset = input * 60;
    }
    if (keepLocalTime && this.isValid()) {
      const f = this._f();
      this._t = stampOf(f, offset);
    }
    this._offset = offset;
    this._isUTC = true;
    this._cache = null;
    return this;
  }
  utc(keepLocalTime) { return this.utcOffset(0, keepLocalTime); }
  local(keepLocalTime) {
    if (this._isUTC) {
      const f = this._f();
      this._isUTC = false;
      this._offset = null;
      this._cache = null;
      if (keepLocalTime && this.isValid()) this._t = stampOf(f, null);
    }
    return this;
  }
  parseZone() { return this; }
  isUTC() { return !!this._isUTC && this._offset === 0; }
  isUtc() { return this.isUTC(); }
  isLocal() { return this.isValid() ? !this._isUTC : false; }
  isUtcOffset() { return this.isValid() ? !!this._isUTC : false; }
  isDST() {
    if (this._isUTC || !this.isValid()) return false;
    const jan = new Date(this.year(), 0, 1).getTimezoneOffset();
    const jul = new Date(this.year(), 6, 1).getTimezoneOffset();
    return -new Date(this._t).getTimezoneOffset() > -Math.max(jan, jul);
  }
  zoneAbbr() { return this._isUTC ? 'UTC' : ''; }
  zoneName() { return this._isUTC ? 'Coordinated Universal Time' : ''; }

  // ---- comparison ----
  isBefore(input, units) {
    const other = toMoment(input);
    if (!(this.isValid() && other.isValid())) return false;
    const u = normalizeUnits(units) || 'millisecond';
    if (u === 'millisecond') return this.valueOf() < other.valueOf();
    return this.clone().endOf(u).valueOf() < other.valueOf();
  }
  isAfter(input, units) {
    const other = toMoment(input);
    if (!(this.isValid() && other.isValid())) return false;
    const u = normalizeUnits(units) || 'millisecond';
    if (u === 'millisecond') return this.valueOf() > other.valueOf();
    return other.valueOf() < this.clone().startOf(u).valueOf();
  }
  isSame(input, units) {
    const other = toMoment(input);
    if (!(this.isValid() && other.isValid())) return false;
    const u = normalizeUnits(units) || 'millisecond';
    if (u === 'millisecond') return this.valueOf() === other.valueOf();
    const v = other.valueOf();
    return this.clone().startOf(u).valueOf() <= v && v <= this.clone().endOf(u).valueOf();
  }
  isSameOrAfter(input, units) { return this.isSame(input, units) || this.isAfter(input, units); }
  isSameOrBefore(input, units) { return this.isSame(input, units) || this.isBefore(input, units); }
  isBetween(from, to, units, inclusivity) {
    const a = toMoment(from);
    const b = toMoment(to);
    if (!(this.isValid() && a.isValid() && b.isValid())) return false;
    inclusivity = inclusivity || '()';
    const left = inclusivity[0] === '(' ? this.isAfter(a, units) : !this.isBefore(a, units);
    const right = inclusivity[1] === ')' ? this.isBefore(b, units) : !this.isAfter(b, units);
    return left && right;
  }

  diff(input, units, asFloat) {
    if (!this.isValid()) return NaN;
    const that = cloneWithOffset(toMoment(input), this);
    if (!that.isValid()) return NaN;
    const zoneDelta = (that.utcOffset() - this.utcOffset()) * 6e4;
    const u = normalizeUnits(units);
    let out;
    switch (u) {
      case 'year': out = monthDiff(this, that) / 12; break;
      case 'month': out = monthDiff(this, that); break;
      case 'quarter': out = monthDiff(this, that) / 3; break;
      case 'second': out = (this - that) / 1e3; break;
      case 'minute': out = (this - that) / 6e4; break;
      case 'hour': out = (this - that) / 36e5; break;
      case 'day': out = (this - that - zoneDelta) / 864e5; break;
      case 'week': out = (this - that - zoneDelta) / 6048e5; break;
      default: out = this - that;
    }
    return asFloat ? out : absFloor(out);
  }

  // ---- display ----
  format(fmt) {
    if (fmt === undefined || fmt === null || fmt === '') {
      fmt = this.isUTC() ? hooks.defaultFormatUtc : hooks.defaultFormat;
    }
    return formatMoment(this, fmt);
  }
  toString() { return this.clone().locale('en').format('ddd MMM DD YYYY HH:mm:ss [GMT]ZZ'); }
  toISOString(keepOffset) {
    if (!this.isValid()) return null;
    const utc = keepOffset !== true;
    const m = utc ? this.clone().utc() : this;
    const y = m.year();
    if (y < 0 || y > 9999) return formatMoment(m, utc ? 'YYYYYY-MM-DD[T]HH:mm:ss.SSS[Z]' : 'YYYYYY-MM-DD[T]HH:mm:ss.SSSZ');
    if (utc) return new Date(this._t).toISOString();
    return new Date(this._t + this.utcOffset() * 60000).toISOString().replace('Z', formatMoment(m, 'Z'));
  }
  toJSON() { return this.isValid() ? this.toISOString() : null; }
  inspect() { return 'moment("' + this.format() + '")'; }
  toArray() {
    const f = this._f();
    return [f.year, f.month, f.date, f.hour, f.minute, f.second, f.millisecond];
  }
  toObject() {
    const f = this._f();
    return { years: f.year, months: f.month, date: f.date, hours: f.hour, minutes: f.minute, seconds: f.second, milliseconds: f.millisecond };
  }
  locale(key) { return key === undefined ? 'en' : this; }
  lang(key) { return this.locale(key); }
  localeData() { return localeData(); }
  from(time, withoutSuffix) {
    const other = toMoment(time);
    if (!(this.isValid() && other.isValid())) return en.invalidDate;
    return createDuration(momentsDiffParts(other, this)).humanize(!withoutSuffix);
  }
  fromNow(withoutSuffix) { return this.from(hooks.now(), withoutSuffix); }
  to(time, withoutSuffix) {
    const other = toMoment(time);
    if (!(this.isValid() && other.isValid())) return en.invalidDate;
    return createDuration(momentsDiffParts(this, other)).humanize(!withoutSuffix);
  }
  toNow(withoutSuffix) { return this.to(hooks.now(), withoutSuffix); }
  calendar(time, formats) {
    const now = time === undefined ? hooks.now() : toMoment(time);
    const sod = cloneWithOffset(now, this).startOf('day');
    const diff = this.diff(sod, 'days', true);
    const key = diff < -6 ? 'sameElse' : diff < -1 ? 'lastWeek' : diff < 0 ? 'lastDay' : diff < 1 ? 'sameDay' : diff < 2 ? 'nextDay' : diff < 7 ? 'nextWeek' : 'sameElse';
    let out = formats && formats[key] !== undefined ? formats[key] : en.calendar[key];
    if (typeof out === 'function') out = out.call(this, now);
    return this.format(out);
  }
  invalidAt() { return this.isValid() ? -1 : 0; }
  parsingFlags() { return Object.assign({ overflow: -2, empty: false }, this._pf || {}); }
  creationData() { return { input: this._i, format: this._fmt, locale: localeData(), isUTC: this._isUTC, strict: !!this._strict }; }
}

// plural and alias getters/setters
for (const [alias, name] of [['years', 'year'], ['months', 'month'], ['dates', 'date'], ['days', 'day'],
  ['hours', 'hour'], ['minutes', 'minute'], ['seconds', 'second'], ['milliseconds', 'millisecond'],
  ['weeks', 'week'], ['isoWeeks', 'isoWeek'], ['quarters', 'quarter']]) {
  Moment.prototype[alias] = Moment.prototype[name];
}

/** Settings and hooks shared with index.js (now(), default formats). */
export const hooks = {
  now: () => Date.now(),
  defaultFormat: 'YYYY-MM-DDTHH:mm:ssZ',
  defaultFormatUtc: 'YYYY-MM-DDTHH:mm:ss[Z]',
  create: null,
};

export function localeData() {
  return {
    months: (m) => (m ? en.months[m.month()] : en.months.slice()),
    monthsShort: (m) => (m ? en.monthsShort[m.month()] : en.monthsShort.slice()),
    weekdays: (m) => (m ? en.weekdays[m.day()] : en.weekdays.slice()),
    weekdaysShort: (m) => (m ? en.weekdaysShort[m.day()] : en.weekdaysShort.slice()),
    weekdaysMin: (m) => (m ? en.weekdaysMin[m.day()] : en.weekdaysMin.slice()),
    firstDayOfWeek: () => en.week.dow,
    firstDayOfYear: () => en.week.doy,
    longDateFormat: (k) => en.longDateFormat[k],
    ordinal: (n) => en.ordinal(n),
    meridiem: (h, m, lower) => en.meridiem(h, m, lower),
    isPM: (input) => String(input).toLowerCase().charAt(0) === 'p',
    _abbr: 'en',
  };
}

/** Any moment input as a moment (via the factory in index.js). */
export function toMoment(input) {
  return input instanceof Moment ? input : hooks.create(input);
}

function cloneWithOffset(input, model) {
  const m = input.clone();
  if (model._isUTC) {
    m._offset = model._offset;
    m._isUTC = true;
  } else {
    m._offset = null;
    m._isUTC = false;
  }
  m._cache = null;
  return m;
}

function monthDiff(a, b) {
  if (a.date() < b.date()) return -monthDiff(b, a);
  const whole = (b.year() - a.year()) * 12 + (b.month() - a.month());
  const anchor = a.clone().add(whole, 'months');
  let adjust;
  if (b - anchor < 0) {
    const anchor2 = a.clone().add(whole - 1, 'months');
    adjust = (b - anchor) / (anchor - anchor2);
  } else {
    const anchor2 = a.clone().add(whole + 1, 'months');
    adjust = (b - anchor) / (anchor2 - anchor);
  }
  return -(whole + adjust) || 0;
}

/** The duration parts from `base` to `other` (moment's `{from, to}` durations). */
function momentsDiffParts(base, other) {
  const b = base;
  const o = cloneWithOffset(other, base);
  if (b.isBefore(o)) return positiveDiff(b, o);
  const res = positiveDiff(o, b);
  return { millisecond: -res.millisecond, month: -res.month };
}

function positiveDiff(base, other) {
  let months = other.month() - base.month() + (other.year() - base.year()) * 12;
  if (base.clone().add(months, 'M').isAfter(other)) --months;
  const ms = +other - +base.clone().add(months, 'M');
  return { millisecond: ms, month: months };
}

function addSubtract(mom, input, value, direction) {
  if (!mom.isValid()) return mom;
  let duration;
  if (typeof input === 'string' && (typeof value === 'number' || (value !== undefined && !isNaN(+value)))
    && isNaN(+input)) {
    duration = createDuration(value, input);
  } else {
    duration = createDuration(input, value);
  }
  if (!(duration instanceof Duration) || !duration.isValid()) return mom;
  const ms = duration._milliseconds;
  const days = absRound(duration._days);
  const months = absRound(duration._months);
  if (months) {
    const f = mom._f();
    const target = f.month + months * direction;
    const y = f.year + Math.floor(target / 12);
    const mth = ((target % 12) + 12) % 12;
    mom._setFields({ year: y, month: mth, date: Math.min(f.date, daysInMonth(y, mth)) });
  }
  if (days) mom._setFields({ date: mom._f().date + days * direction });
  if (ms) mom._setT(mom._t + ms * direction);
  return mom;
}

export { cloneWithOffset, momentsDiffParts };
