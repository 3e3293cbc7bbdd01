// moment.duration: lengths of time kept as milliseconds, days and months (the three do not
// convert exactly), with moment's bubbling into years…milliseconds, `as*`, ISO 8601 text and
// humanize.
import { normalizeUnits, absFloor, absCeil, absRound, toInt } from './units.js';
import { en, thresholds } from './locale.js';

const daysToMonths = (days) => (days * 4800) / 146097;
const monthsToDays = (months) => (months * 146097) / 4800;
const sign = (x) => (x > 0) - (x < 0) || +x;

const ASP_NET = /^(-|\+)?(?:(\d*)[. ])?(\d+):(\d+)(?::(\d+)(\.\d*)?)?$/;
const ISO = /^(-|\+)?P(?:([-+]?[0-9,.]*)Y)?(?:([-+]?[0-9,.]*)M)?(?:([-+]?[0-9,.]*)W)?(?:([-+]?[0-9,.]*)D)?(?:T(?:([-+]?[0-9,.]*)H)?(?:([-+]?[0-9,.]*)M)?(?:([-+]?[0-9,.]*)S)?)?$/;

export class Duration {
  constructor(parts) {
    const p = parts || {};
    const n = (k) => +(p[k] || 0);
    this._isValid = Object.keys(p).every((k) => p[k] == null || !isNaN(+p[k]));
    this._milliseconds = n('millisecond') + n('second') * 1e3 + n('minute') * 6e4 + n('hour') * 36e5;
    this._days = n('day') + n('week') * 7;
    this._months = n('month') + n('quarter') * 3 + n('year') * 12;
    this._data = {};
    this._bubble();
  }

  _bubble() {
    let ms = this._milliseconds;
    let days = this._days;
    let months = this._months;
    const data = this._data;
    if (!((ms >= 0 && days >= 0 && months >= 0) || (ms <= 0 && days <= 0 && months <= 0))) {
      ms += absCeil(monthsToDays(months) + days) * 864e5;
      days = 0;
      months = 0;
    }
    data.milliseconds = ms % 1000;
    const seconds = absFloor(ms / 1000);
    data.seconds = seconds % 60;
    const minutes = absFloor(seconds / 60);
    data.minutes = minutes % 60;
    const hours = absFloor(minutes / 60);
    data.hours = hours % 24;
    days += absFloor(hours / 24);
    const monthsFromDays = absFloor(daysToMonths(days));
    months += monthsFromDays;
    days -= absCeil(monthsToDays(monthsFromDays));
    const years = absFloor(months / 12);
    months %= 12;
    data.days = days;
    data.months = months;
    data.years = years;
  }

  isValid() { return this._isValid; }

  as(units) {
    if (!this._isValid) return NaN;
    units = normalizeUnits(units);
    const ms = this._milliseconds;
    if (units === 'month' || units === 'quarter' || units === 'year') {
      const days = this._days + ms / 864e5;
      const months = this._months + daysToMonths(days);
      return units === 'month' ? months : units === 'quarter' ? months / 3 : months / 12;
    }
    const days = this._days + Math.round(monthsToDays(this._months));
    switch (units) {
      case 'week': return days / 7 + ms / 6048e5;
      case 'day': return days + ms / 864e5;
      case 'hour': return days * 24 + ms / 36e5;
      case 'minute': return days * 1440 + ms / 6e4;
      case 'second': return days * 86400 + ms / 1000;
      case 'millisecond': return Math.floor(days * 864e5) + ms;
      default: throw new Error('Unknown unit ' + units);
    }
  }

  valueOf() {
    if (!this._isValid) return NaN;
    return this._milliseconds + this._days * 864e5 + (this._months % 12) * 2592e6 + toInt(this._months / 12) * 31536e6;
  }

  get(units) {
    units = normalizeUnits(units);
    return this._isValid ? this[units + 's']() : NaN;
  }

  milliseconds() { return this._isValid ? this._data.milliseconds : NaN; }
  seconds() { return this._isValid ? this._data.seconds : NaN; }
  minutes() { return this._isValid ? this._data.minutes : NaN; }
  hours() { return this._isValid ? this._data.hours : NaN; }
  days() { return this._isValid ? this._data.days : NaN; }
  weeks() { return absFloor(this.days() / 7); }
  months() { return this._isValid ? this._data.months : NaN; }
  years() { return this._isValid ? this._data.years : NaN; }

  _addSub(input, value, direction) {
    const other = createDuration(input, value);
    this._milliseconds += direction * other._milliseconds;
    this._days += direction * other._days;
    this._months += direction * other._months;
    this._bubble();
    return this;
  }
  add(input, value) { return this._addSub(input, value, 1); }
  subtract(input, value) { return this._addSub(input, value, -1); }

  abs() {
    this._milliseconds = Math.abs(this._milliseconds);
    this._days = Math.abs(this._days);
    this._months = Math.abs(this._months);
    this._bubble();
    return this;
  }

  clone() { return createDuration(this); }

  humanize(withSuffix, thresholdOverrides) {
    if (!this._isValid) return en.invalidDate;
    let suffix = false;
    let th = thresholds;
    if (typeof withSuffix === 'object' && withSuffix !== null) {
      thresholdOverrides = withSuffix;
      withSuffix = false;
    }
    if (typeof withSuffix === 'boolean') suffix = withSuffix;
    if (typeof thresholdOverrides === 'object' && thresholdOverrides !== null) {
      th = Object.assign({}, thresholds, thresholdOverrides);
      if (thresholdOverrides.s != null && thresholdOverrides.ss == null) th.ss = thresholdOverrides.s - 1;
    }
    let output = relativeTime(this, th);
    if (suffix) output = (this.valueOf() > 0 ? en.relativeTime.future : en.relativeTime.past).replace(/%s/i, output);
    return output;
  }

  toISOString() {
    if (!this._isValid) return en.invalidDate;
    let seconds = Math.abs(this._milliseconds) / 1000;
    const days = Math.abs(this._days);
    let months = Math.abs(this._months);
    const total = this.asSeconds();
    if (!total) return 'P0D';
    let minutes = absFloor(seconds / 60);
    const hours = absFloor(minutes / 60);
    seconds %= 60;
    minutes %= 60;
    const years = absFloor(months / 12);
    months %= 12;
    const s = seconds ? seconds.toFixed(3).replace(/\.?0+$/, '') : '';
    const totalSign = total < 0 ? '-' : '';
    const ymSign = sign(this._months) !== sign(total) ? '-' : '';
    const daysSign = sign(this._days) !== sign(total) ? '-' : '';
    const hmsSign = sign(this._milliseconds) !== sign(total) ? '-' : '';
    return totalSign + 'P' + (years ? ymSign + years + 'Y' : '') + (months ? ymSign + months + 'M' : '') +
      (days ? daysSign + days + 'D' : '') + (hours || minutes || seconds ? 'T' : '') +
      (hours ? hmsSign + hours + 'H' : '') + (minutes ? hmsSign + minutes + 'M' : '') + (seconds ? hmsSign + s + 'S' : '');
  }

  toJSON() { return this.toISOString(); }
  toString() { return this.toISOString(); }
  locale() { return 'en'; }
  localeData() { return en; }
}

for (const [name, unit] of [['asMilliseconds', 'ms'], ['asSeconds', 's'], ['asMinutes', 'm'], ['asHours', 'h'],
  ['asDays', 'd'], ['asWeeks', 'w'], ['asMonths', 'M'], ['asQuarters', 'Q'], ['asYears', 'y']]) {
  Duration.prototype[name] = function () { return this.as(unit); };
}

function relativeTime(duration, th) {
  const d = createDuration(duration).abs();
  const seconds = Math.round(d.as('s'));
  const minutes = Math.round(d.as('m'));
  const hours = Math.round(d.as('h'));
  const days = Math.round(d.as('d'));
  const months = Math.round(d.as('M'));
  const weeks = Math.round(d.as('w'));
  const years = Math.round(d.as('y'));
  let a = (seconds <= th.ss && ['s', seconds]) || (seconds < th.s && ['ss', seconds]) ||
    (minutes <= 1 && ['m']) || (minutes < th.m && ['mm', minutes]) ||
    (hours <= 1 && ['h']) || (hours < th.h && ['hh', hours]) ||
    (days <= 1 && ['d']) || (days < th.d && ['dd', days]);
  if (th.w != null) a = a || (weeks <= 1 && ['w']) || (weeks < th.w && ['ww', weeks]);
  a = a || (months <= 1 && ['M']) || (months < th.M && ['MM', months]) || (years <= 1 && ['y']) || ['yy', years];
  return en.relativeTime[a[0]].replace(/%d/i, a[1]);
}

const UNIT_OF = { y: 'year', M: 'month', w: 'week', d: 'day', h: 'hour', m: 'minute', s: 'second', ms: 'millisecond' };

/** moment.duration(input, unit): numbers (ms or the unit), objects, ISO/ASP.NET strings,
 * durations, `{from, to}` diffs (via `diffParts`). */
export function createDuration(input, key) {
  if (input instanceof Duration) {
    const d = new Duration({});
    d._milliseconds = input._milliseconds;
    d._days = input._days;
    d._months = input._months;
    d._isValid = input._isValid;
    d._bubble();
    return d;
  }
  if (typeof input === 'number' || (typeof input === 'string' && !isNaN(+input))) {
    const unit = normalizeUnits(key);
    if (key && unit) return new Duration({ [unit === 'date' ? 'day' : unit]: +input });
    return new Duration({ millisecond: +input });
  }
  if (typeof input === 'string') {
    let m = ASP_NET.exec(input);
    if (m) {
      const sgn = m[1] === '-' ? -1 : 1;
      return new Duration({
        day: toInt(m[2]) * sgn, hour: toInt(m[3]) * sgn, minute: toInt(m[4]) * sgn,
        second: toInt(m[5]) * sgn, millisecond: toInt(absRound((m[6] || 0) * 1000)) * sgn,
      });
    }
    m = ISO.exec(input);
    if (m) {
      const sgn = m[1] === '-' ? -1 : 1;
      const f = (x) => {
        const res = x && parseFloat(x.replace(',', '.'));
        return (isNaN(res) ? 0 : res) * sgn;
      };
      return new Duration({ year: f(m[2]), month: f(m[3]), week: f(m[4]), day: f(m[5]), hour: f(m[6]), minute: f(m[7]), second: f(m[8]) });
    }
    return new Duration({});
  }
  if (input == null) return new Duration({});
  if (typeof input === 'object') {
    const parts = {};
    for (const k of Object.keys(input)) {
      const unit = normalizeUnits(k) || UNIT_OF[k];
      if (unit) parts[unit === 'date' ? 'day' : unit] = input[k];
    }
    return new Duration(parts);
  }
  return new Duration({});
}

export const isDuration = (d) => d instanceof Duration;
