// Calendar arithmetic shared by moment's parts: unit names, month lengths, week numbering,
// and reading/writing calendar fields of an instant in local time or at a fixed UTC offset.

const ALIASES = {
  y: 'year', year: 'year', years: 'year',
  Q: 'quarter', quarter: 'quarter', quarters: 'quarter',
  M: 'month', month: 'month', months: 'month',
  w: 'week', week: 'week', weeks: 'week',
  W: 'isoWeek', isoweek: 'isoWeek', isoweeks: 'isoWeek', isoWeek: 'isoWeek', isoWeeks: 'isoWeek',
  d: 'day', day: 'day', days: 'day',
  D: 'date', date: 'date', dates: 'date',
  DDD: 'dayOfYear', dayofyear: 'dayOfYear', dayofyears: 'dayOfYear', dayOfYear: 'dayOfYear',
  e: 'weekday', weekday: 'weekday', weekdays: 'weekday',
  E: 'isoWeekday', isoweekday: 'isoWeekday', isoweekdays: 'isoWeekday', isoWeekday: 'isoWeekday',
  h: 'hour', hour: 'hour', hours: 'hour',
  m: 'minute', minute: 'minute', minutes: 'minute',
  s: 'second', second: 'second', seconds: 'second',
  ms: 'millisecond', millisecond: 'millisecond', milliseconds: 'millisecond',
  gg: 'weekYear', weekyear: 'weekYear', weekyears: 'weekYear', weekYear: 'weekYear',
  GG: 'isoWeekYear', isoweekyear: 'isoWeekYear', isoweekyears: 'isoWeekYear', isoWeekYear: 'isoWeekYear',
};

/** `'days'`, `'d'`, `'Day'` → `'day'` (moment.normalizeUnits). */
export function normalizeUnits(units) {
  if (typeof units !== 'string') return undefined;
  return ALIASES[units] || ALIASES[units.toLowerCase()] || undefined;
}

export const isLeapYear = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysInYear = (y) => (isLeapYear(y) ? 366 : 365);
export function daysInMonth(y, m) {
  if (isNaN(y) || isNaN(m)) return NaN;
  const mm = ((m % 12) + 12) % 12;
  y += (m - mm) / 12;
  return mm === 1 ? (isLeapYear(y) ? 29 : 28) : 31 - ((mm % 7) % 2);
}

export const absFloor = (n) => (n < 0 ? Math.ceil(n) || 0 : Math.floor(n));
export const absCeil = (n) => (n < 0 ? Math.floor(n) : Math.ceil(n));
export const absRound = (n) => (n < 0 ? Math.round(-1 * n) * -1 : Math.round(n));
export const toInt = (v) => {
  const n = +v;
  return n !== 0 && isFinite(n) ? absFloor(n) : 0;
};

/** A UTC timestamp for calendar fields (years 0–99 kept as such). */
export function utcStamp(y, M, d, h, m, s, ms) {
  const date = new Date(Date.UTC(y, M, d, h, m, s, ms));
  if (y < 100 && y >= 0) date.setUTCFullYear(y, M, d);
  return date.valueOf();
}

/** A local-time timestamp for calendar fields. */
export function localStamp(y, M, d, h, m, s, ms) {
  const date = new Date(y, M, d, h, m, s, ms);
  if (y < 100 && y >= 0) date.setFullYear(y, M, d);
  return date.valueOf();
}

/** Calendar fields of instant `t` for `offset` minutes east of UTC, or local time when offset
 * is null. */
export function fieldsOf(t, offset) {
  if (offset === null) {
    const d = new Date(t);
    return {
      year: d.getFullYear(), month: d.getMonth(), date: d.getDate(), day: d.getDay(),
      hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds(), millisecond: d.getMilliseconds(),
    };
  }
  const d = new Date(t + offset * 60000);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth(), date: d.getUTCDate(), day: d.getUTCDay(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds(),
  };
}

/** The instant of calendar fields in local time (offset null) or at a fixed offset. */
export function stampOf(f, offset) {
  if (offset === null) return localStamp(f.year, f.month, f.date, f.hour, f.minute, f.second, f.millisecond);
  return utcStamp(f.year, f.month, f.date, f.hour, f.minute, f.second, f.millisecond) - offset * 60000;
}

export function dayOfYear(f) {
  return Math.round((utcStamp(f.year, f.month, f.date, 0, 0, 0, 0) - utcStamp(f.year, 0, 1, 0, 0, 0, 0)) / 864e5) + 1;
}

/** Where week 1 starts, in days relative to Jan 1 (dow: first day of week; doy: dow + 7 -
 * the day of January that must be in week 1). */
function firstWeekOffset(year, dow, doy) {
  const fwd = 7 + dow - doy;
  const fwdlw = (7 + new Date(utcStamp(year, 0, fwd, 0, 0, 0, 0)).getUTCDay() - dow) % 7;
  return -fwdlw + fwd - 1;
}

export function weeksInYear(year, dow, doy) {
  return (daysInYear(year) - firstWeekOffset(year, dow, doy) + firstWeekOffset(year + 1, dow, doy)) / 7;
}

/** `{week, year}` of the fields for a week rule (ISO: dow 1, doy 4; en: dow 0, doy 6). */
export function weekOfYear(f, dow, doy) {
  const offset = firstWeekOffset(f.year, dow, doy);
  const week = Math.floor((dayOfYear(f) - offset - 1) / 7) + 1;
  if (week < 1) return { week: week + weeksInYear(f.year - 1, dow, doy), year: f.year - 1 };
  if (week > weeksInYear(f.year, dow, doy)) return { week: week - weeksInYear(f.year, dow, doy), year: f.year + 1 };
  return { week, year: f.year };
}

/** The date (year, day of year) of a week-numbered day. */
export function dayOfYearFromWeeks(year, week, weekday, dow, doy) {
  const localWeekday = (7 + weekday - dow) % 7;
  const offset = firstWeekOffset(year, dow, doy);
  let doyOut = 1 + 7 * (week - 1) + localWeekday + offset;
  let y = year;
  if (doyOut <= 0) {
    y = year - 1;
    doyOut += daysInYear(y);
  } else if (doyOut > daysInYear(year)) {
    y = year + 1;
    doyOut -= daysInYear(year);
  }
  return { year: y, dayOfYear: doyOut };
}
