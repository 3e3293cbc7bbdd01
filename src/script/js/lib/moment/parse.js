// Reading dates for moment: ISO 8601 (extended and basic), RFC 2822, format strings (loose and
// strict, one or several formats), arrays and objects. Produces `{parts, offset, valid,
// timestamp}` for core.js to turn into an instant.
import { en, expandFormat } from './locale.js';
import { daysInMonth, toInt, utcStamp, dayOfYearFromWeeks, weeksInYear, normalizeUnits } from './units.js';

const m12 = /\d\d?/;
const m2 = /\d\d/;
const m3 = /\d{3}/;
const m4 = /\d{4}/;
const m13 = /\d{1,3}/;
const m14 = /\d{1,4}/;
const m16 = /[+-]?\d{1,6}/;
const mSigned = /[+-]?\d+/;
const mUnsigned = /\d+/;
const mOffset = /Z|[+-]\d\d(?::?\d\d)?/gi;
const mTimestamp = /[+-]?\d+(\.\d{1,3})?/;
const mWord = /[0-9]{0,256}['a-z\u00A0-\u05FF\u0700-\uD7FF\uF900-\uFDCF\uFDF0-\uFF07\uFF10-\uFFEF]{1,256}|[\u0600-\u06FF\/]{1,256}(\s*?[\u0600-\u06FF]{1,256}){1,2}/i;

const escapeRe = (s) => s.replace(/[-\/\\^$*+?.()|[\]{}]/g, '\\$&');
const namesRe = (names) => new RegExp('(' + names.slice().sort((a, b) => b.length - a.length).map(escapeRe).join('|') + ')', 'i');
const monthsLoose = namesRe([...en.months, ...en.monthsShort]);
const weekdaysLoose = namesRe([...en.weekdays, ...en.weekdaysShort, ...en.weekdaysMin]);

const twoDigitYear = (input) => toInt(input) + (toInt(input) > 68 ? 1900 : 2000);

/** The offset in minutes of the last `Z`/`±hh:mm` in a string, or null. */
export function offsetFromString(string) {
  const matches = String(string).match(mOffset);
  if (!matches) return null;
  const chunk = matches[matches.length - 1];
  if (/^z$/i.test(chunk)) return 0;
  const parts = chunk.match(/([+-]|\d\d)/g);
  const minutes = +(parts[1] * 60) + toInt(parts[2] || 0);
  return minutes === 0 ? 0 : parts[0] === '+' ? minutes : -minutes;
}

function nameIndex(list, input) {
  const lower = input.toLowerCase();
  return list.findIndex((n) => n.toLowerCase() === lower);
}

/** Token → [loose regex, strict regex, apply(input, state)]. */
const PARSERS = {
  YYYY: [m14, m4, (i, s) => { s.parts.year = i.length === 2 ? twoDigitYear(i) : toInt(i); }],
  YYYYY: [m16, /[+-]?\d{5}/, (i, s) => { s.parts.year = toInt(i); }],
  YYYYYY: [m16, /[+-]\d{6}/, (i, s) => { s.parts.year = toInt(i); }],
  YY: [m12, m2, (i, s) => { s.parts.year = twoDigitYear(i); }],
  Y: [mSigned, mSigned, (i, s) => { s.parts.year = toInt(i); }],
  M: [m12, m12, (i, s) => { s.parts.month = toInt(i) - 1; }],
  MM: [m12, m2, (i, s) => { s.parts.month = toInt(i) - 1; }],
  MMM: [monthsLoose, namesRe(en.monthsShort), (i, s) => {
    const n = nameIndex(en.monthsShort, i);
    const m = n >= 0 ? n : nameIndex(en.months, i);
    if (m < 0) s.invalid = true;
    else s.parts.month = m;
  }],
  MMMM: [monthsLoose, namesRe(en.months), (i, s) => {
    const n = nameIndex(en.months, i);
    const m = n >= 0 ? n : nameIndex(en.monthsShort, i);
    if (m < 0) s.invalid = true;
    else s.parts.month = m;
  }],
  Q: [/\d/, /\d/, (i, s) => { s.parts.month = (toInt(i) - 1) * 3; }],
  D: [m12, m12, (i, s) => { s.parts.date = toInt(i); }],
  DD: [m12, m2, (i, s) => { s.parts.date = toInt(i); }],
  Do: [/\d{1,2}(?:th|st|nd|rd)?/i, /\d{1,2}(?:th|st|nd|rd)/i, (i, s) => { s.parts.date = toInt(i.match(m12)[0]); }],
  DDD: [m13, m13, (i, s) => { s.dayOfYear = toInt(i); }],
  DDDD: [m13, m3, (i, s) => { s.dayOfYear = toInt(i); }],
  d: [m12, /\d/, (i, s) => { s.weekday = toInt(i); }],
  dd: [weekdaysLoose, namesRe(en.weekdaysMin), (i, s) => { s.weekdayName = i; }],
  ddd: [weekdaysLoose, namesRe(en.weekdaysShort), (i, s) => { s.weekdayName = i; }],
  dddd: [weekdaysLoose, namesRe(en.weekdays), (i, s) => { s.weekdayName = i; }],
  e: [m12, /\d/, (i, s) => { s.week.e = toInt(i); }],
  E: [m12, /\d/, (i, s) => { s.week.E = toInt(i); }],
  w: [m12, m12, (i, s) => { s.week.w = toInt(i); }],
  ww: [m12, m2, (i, s) => { s.week.w = toInt(i); }],
  W: [m12, m12, (i, s) => { s.week.W = toInt(i); }],
  WW: [m12, m2, (i, s) => { s.week.W = toInt(i); }],
  gg: [m12, m2, (i, s) => { s.week.gg = twoDigitYear(i); }],
  gggg: [m14, m4, (i, s) => { s.week.gg = toInt(i); }],
  GG: [m12, m2, (i, s) => { s.week.GG = twoDigitYear(i); }],
  GGGG: [m14, m4, (i, s) => { s.week.GG = toInt(i); }],
  a: [/[ap]\.?m?\.?/i, /[ap]\.?m?\.?/i, (i, s) => { s.pm = i.toLowerCase().charAt(0) === 'p'; }],
  A: [/[ap]\.?m?\.?/i, /[ap]\.?m?\.?/i, (i, s) => { s.pm = i.toLowerCase().charAt(0) === 'p'; }],
  H: [m12, m12, (i, s) => { s.parts.hour = toInt(i); }],
  HH: [m12, m2, (i, s) => { s.parts.hour = toInt(i); }],
  h: [m12, m12, (i, s) => { s.parts.hour = toInt(i); s.twelve = true; }],
  hh: [m12, m2, (i, s) => { s.parts.hour = toInt(i); s.twelve = true; }],
  k: [m12, m12, (i, s) => { s.parts.hour = toInt(i) === 24 ? 0 : toInt(i); }],
  kk: [m12, m2, (i, s) => { s.parts.hour = toInt(i) === 24 ? 0 : toInt(i); }],
  m: [m12, m12, (i, s) => { s.parts.minute = toInt(i); }],
  mm: [m12, m2, (i, s) => { s.parts.minute = toInt(i); }],
  s: [m12, m12, (i, s) => { s.parts.second = toInt(i); }],
  ss: [m12, m2, (i, s) => { s.parts.second = toInt(i); }],
  X: [mTimestamp, mTimestamp, (i, s) => { s.timestamp = parseFloat(i) * 1000; }],
  x: [mSigned, mSigned, (i, s) => { s.timestamp = toInt(i); }],
  Z: [mOffset, mOffset, (i, s) => { s.offset = offsetFromString(i); }],
  ZZ: [mOffset, mOffset, (i, s) => { s.offset = offsetFromString(i); }],
};
const msApply = (i, s) => { s.parts.millisecond = toInt(('0.' + i) * 1000); };
PARSERS.S = [m13, /\d/, msApply];
PARSERS.SS = [m13, m2, msApply];
PARSERS.SSS = [m13, m3, msApply];
for (let n = 4; n <= 9; n++) PARSERS['S'.repeat(n)] = [mUnsigned, mUnsigned, msApply];

const TOKEN_SPLIT = new RegExp('(\\[[^\\[]*\\])|(\\\\)?(' +
  Object.keys(PARSERS).concat(['Mo', 'DDDo', 'do', 'wo', 'Wo', 'Qo', 'zz', 'z', 'Hmm', 'Hmmss', 'hmm', 'hmmss'])
    .sort((a, b) => b.length - a.length).join('|') + '|.)', 'g');

function newState() {
  return { parts: {}, week: {}, offset: undefined, invalid: false, empty: true, unused: 0, leftover: 0 };
}

/** Parses `string` with one format (moment's loose or strict rules). */
export function parseWithFormat(string, format, strict) {
  const state = newState();
  let rest = String(string);
  const total = rest.length;
  let consumed = 0;
  const tokens = expandFormat(expandFormat(format)).match(TOKEN_SPLIT) || [];
  for (const token of tokens) {
    const parser = PARSERS[token];
    let re;
    if (parser) re = strict ? parser[1] : parser[0];
    else re = new RegExp(escapeRe(token.replace(/^\[|\]$/g, '').replace(/\\(.)/g, '$1')));
    const found = rest.match(new RegExp(re.source, re.flags.replace('g', '')));
    const input = found ? found[0] : undefined;
    if (input) {
      const at = rest.indexOf(input);
      if (at > 0 && strict) state.unused++;
      rest = rest.slice(at + input.length);
      consumed += input.length;
    }
    if (parser) {
      if (input) {
        state.empty = false;
        parser[2](input, state);
      } else {
        state.unused++;
      }
    } else if (strict && !input) {
      state.unused++;
    }
  }
  state.leftover = total - consumed;
  if (strict && (state.leftover > 0 || state.unused > 0)) state.invalid = true;
  if (state.empty) state.invalid = true;
  if (state.twelve && state.pm !== undefined) {
    if (state.pm && state.parts.hour < 12) state.parts.hour += 12;
    if (!state.pm && state.parts.hour === 12) state.parts.hour = 0;
  } else if (state.pm !== undefined && state.parts.hour !== undefined) {
    if (state.pm && state.parts.hour < 12) state.parts.hour += 12;
  }
  return state;
}

const ISO_EXT = /^\s*((?:[+-]\d{6}|\d{4})-(?:\d\d-\d\d|W\d\d-\d|W\d\d|\d\d\d|\d\d))(?:(T| )(\d\d(?::\d\d(?::\d\d(?:[.,]\d+)?)?)?)([+-]\d\d(?::?\d\d)?|\s*Z)?)?$/;
const ISO_BASIC = /^\s*((?:[+-]\d{6}|\d{4})(?:\d\d\d\d|W\d\d\d|W\d\d|\d\d\d|\d\d|))(?:(T| )(\d\d(?:\d\d(?:\d\d(?:[.,]\d+)?)?)?)([+-]\d\d(?::?\d\d)?|\s*Z)?)?$/;

/** ISO 8601 as moment reads it by default; null when the text is not ISO. */
export function parseISO(string) {
  const s = String(string);
  const ext = ISO_EXT.exec(s);
  const m = ext || ISO_BASIC.exec(s);
  if (!m) return null;
  const state = newState();
  state.empty = false;
  const date = m[1];
  let d;
  let allowTime = true;
  if ((d = /^([+-]\d{6}|\d{4})-?(\d\d)-?(\d\d)$/.exec(date)) && (ext ? date.length >= 10 : date.length >= 8)) {
    state.parts.year = toInt(d[1]);
    state.parts.month = toInt(d[2]) - 1;
    state.parts.date = toInt(d[3]);
  } else if ((d = /^(\d{4})-?W(\d\d)(?:-?(\d))?$/.exec(date))) {
    state.week.GG = toInt(d[1]);
    state.week.W = toInt(d[2]);
    if (d[3] !== undefined) state.week.E = toInt(d[3]);
  } else if ((d = /^(\d{4})-?(\d{3})$/.exec(date))) {
    state.parts.year = toInt(d[1]);
    state.dayOfYear = toInt(d[2]);
  } else if ((d = /^(\d{4})-?(\d\d)$/.exec(date))) {
    state.parts.year = toInt(d[1]);
    state.parts.month = toInt(d[2]) - 1;
    allowTime = false;
  } else if ((d = /^(\d{4})$/.exec(date))) {
    state.parts.year = toInt(d[1]);
    allowTime = false;
  } else {
    return null;
  }
  if (m[3] && !allowTime) state.invalid = true;
  if (m[3]) {
    const t = /^(\d\d):?(\d\d)?(?::?(\d\d)(?:[.,](\d+))?)?$/.exec(m[3]);
    if (!t) return null;
    state.parts.hour = toInt(t[1]);
    if (t[2] !== undefined) state.parts.minute = toInt(t[2]);
    if (t[3] !== undefined) state.parts.second = toInt(t[3]);
    if (t[4] !== undefined) state.parts.millisecond = toInt(('0.' + t[4]) * 1000);
  }
  if (m[4]) state.offset = offsetFromString(m[4]);
  state.iso = true;
  return state;
}

const RFC_2822 = /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\s)?(\d{1,2})\s(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s(\d{2,4})\s(\d\d):(\d\d)(?::(\d\d))?\s(?:(UT|GMT|[ECMP][SD]T)|([Zz])|([+-]\d{4}))$/;
const RFC_ZONES = { UT: 0, GMT: 0, EDT: -240, EST: -300, CDT: -300, CST: -360, MDT: -360, MST: -420, PDT: -420, PST: -480 };

export function parseRFC2822(string) {
  const clean = String(string).replace(/\([^()]*\)|[\n\t]/g, ' ').replace(/(\s\s+)/g, ' ').replace(/^\s\s*/, '').replace(/\s\s*$/, '');
  const m = RFC_2822.exec(clean);
  if (!m) return null;
  const state = newState();
  state.empty = false;
  const y = toInt(m[4]);
  state.parts.year = m[4].length <= 2 ? (y <= 49 ? 2000 + y : 1900 + y) : y;
  state.parts.month = en.monthsShort.indexOf(m[3]);
  state.parts.date = toInt(m[2]);
  state.parts.hour = toInt(m[5]);
  state.parts.minute = toInt(m[6]);
  if (m[7]) state.parts.second = toInt(m[7]);
  if (m[1]) state.weekdayName = m[1];
  if (m[8]) state.offset = RFC_ZONES[m[8]];
  else if (m[9]) state.offset = 0;
  else {
    const hm = parseInt(m[10], 10);
    const mins = hm % 100;
    state.offset = ((hm - mins) / 100) * 60 + mins;
  }
  return state;
}

/** `{year, month, day …}` (any unit names) into parts. */
export function partsFromObject(obj) {
  const state = newState();
  state.empty = false;
  for (const k of Object.keys(obj)) {
    const unit = normalizeUnits(k);
    const v = toInt(obj[k]);
    if (unit === 'day' || unit === 'date') state.parts.date = v;
    else if (unit && ['year', 'month', 'hour', 'minute', 'second', 'millisecond'].includes(unit)) state.parts[unit] = v;
  }
  return state;
}

export function partsFromArray(arr) {
  const state = newState();
  state.empty = false;
  const names = ['year', 'month', 'date', 'hour', 'minute', 'second', 'millisecond'];
  arr.forEach((v, i) => { if (i < 7) state.parts[names[i]] = toInt(v); });
  return state;
}

/**
 * Completes parts (today's date for leading missing fields, zero after), checks overflow and
 * returns the instant, or NaN. `now` gives today's fields in the target zone; `zone` is the
 * offset to read the fields at (null: local).
 */
export function resolve(state, now, zone) {
  if (state.invalid) return NaN;
  if (state.timestamp !== undefined) return state.timestamp;
  const p = Object.assign({}, state.parts);
  const w = state.week;
  if ((w.W !== undefined || w.w !== undefined || w.GG !== undefined || w.gg !== undefined || w.E !== undefined || w.e !== undefined) && p.date === undefined && p.month === undefined) {
    const iso = w.GG !== undefined || w.W !== undefined || w.E !== undefined;
    const dow = iso ? 1 : 0;
    const doy = iso ? 4 : 6;
    const year = iso ? (w.GG !== undefined ? w.GG : now.year) : (w.gg !== undefined ? w.gg : now.year);
    const week = iso ? (w.W !== undefined ? w.W : 1) : (w.w !== undefined ? w.w : 1);
    let weekday = iso ? (w.E !== undefined ? w.E : 1) : (w.e !== undefined ? w.e + dow : dow);
    if (iso && weekday === 7) weekday = 0;
    if (week < 1 || week > weeksInYear(year, dow, doy)) return NaN;
    const r = dayOfYearFromWeeks(year, week, weekday, dow, doy);
    p.year = r.year;
    state.dayOfYear = r.dayOfYear;
  }
  if (state.dayOfYear !== undefined) {
    const year = p.year !== undefined ? p.year : now.year;
    if (state.dayOfYear < 1 || state.dayOfYear > (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 366 : 365)) return NaN;
    const d = new Date(utcStamp(year, 0, state.dayOfYear, 0, 0, 0, 0));
    p.year = year;
    p.month = d.getUTCMonth();
    p.date = d.getUTCDate();
  }
  const order = ['year', 'month', 'date'];
  let i = 0;
  for (; i < 3 && p[order[i]] === undefined; i++) p[order[i]] = now[order[i]];
  for (; i < 3; i++) if (p[order[i]] === undefined) p[order[i]] = order[i] === 'date' ? 1 : 0;
  for (const k of ['hour', 'minute', 'second', 'millisecond']) if (p[k] === undefined) p[k] = 0;
  if (p.month < 0 || p.month > 11) return NaN;
  if (p.date < 1 || p.date > daysInMonth(p.year, p.month)) return NaN;
  if (p.hour < 0 || p.hour > 24 || (p.hour === 24 && (p.minute || p.second || p.millisecond))) return NaN;
  if (p.minute < 0 || p.minute > 59 || p.second < 0 || p.second > 59 || p.millisecond < 0 || p.millisecond > 999) return NaN;
  let nextDay = false;
  if (p.hour === 24) {
    p.hour = 0;
    nextDay = true;
  }
  let t;
  const useOffset = state.offset !== undefined && state.offset !== null ? state.offset : zone;
  if (useOffset === null) {
    const d = new Date(p.year, p.month, p.date, p.hour, p.minute, p.second, p.millisecond);
    if (p.year < 100 && p.year >= 0) d.setFullYear(p.year);
    t = d.valueOf();
  } else {
    t = utcStamp(p.year, p.month, p.date, p.hour, p.minute, p.second, p.millisecond) - useOffset * 60000;
  }
  if (nextDay) t += 864e5;
  if (state.weekdayName !== undefined || state.weekday !== undefined) {
    const actual = new Date(useOffset === null ? t : t + useOffset * 60000);
    const day = useOffset === null ? actual.getDay() : actual.getUTCDay();
    const wanted = state.weekdayName !== undefined
      ? [en.weekdays, en.weekdaysShort, en.weekdaysMin].map((l) => nameIndex(l, state.weekdayName)).find((x) => x >= 0)
      : state.weekday;
    if (wanted !== undefined && wanted !== day) return NaN;
  }
  return t;
}

export { mWord };
