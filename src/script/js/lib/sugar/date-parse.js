// Date.create's text parsing (English): ISO 8601 and other numeric forms ('2024-03-05',
// '3/5/2024', '20240305', '2024'), month and weekday names ('July 4, 1776', '4 July 1776',
// 'march 2024', 'next monday'), relative phrases ('now', 'today', '3 days ago', 'in 2 hours',
// 'next week', 'beginning of the month') and times ('10:30pm', 'tomorrow at 3pm'), in local time
// (or UTC for Date.utc.create); anything else goes to the engine's own Date parser (RFC 2822 …).
// parse() also reports the precision of the text ('January' → month), which Date#is uses.
import {
  MONTHS, WEEKDAYS, unitIndex, get, put, addUnit, beginningOf, endOf, resetFrom, setUnits,
} from './date-core.js';

const NUMBER_WORDS = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const UNIT_RE = '(millisecond|second|minute|hour|day|week|month|year)s?';
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY_RE = '(sun(?:day)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?)';
const TIME_RE = '(\\d{1,2})(?::(\\d{2}))?(?::(\\d{2})(?:[.,](\\d+))?)?\\s*(am|pm)?';
const TZ_RE = '(z|[+-]\\d{2}:?\\d{2})?';

const monthOf = (name) => MONTHS.findIndex((m) => m.startsWith(name.slice(0, 3)));
const weekdayOf = (name) => WEEKDAYS.findIndex((w) => w.startsWith(name.slice(0, 3)));

/** A date in local time (or UTC) from fields, with JS overflow ('2024-02-30' → March 1). */
function build(utc, y, mo, d, h, mi, s, ms) {
  const date = new Date(0);
  if (utc) date.setUTCFullYear(y, mo, d);
  else date.setFullYear(y, mo, d);
  put(date, 'hour', h || 0, utc);
  put(date, 'minute', mi || 0, utc);
  put(date, 'second', s || 0, utc);
  put(date, 'millisecond', ms || 0, utc);
  return date;
}

function fraction(text) {
  return text ? Math.round(parseFloat('0.' + text) * 1000) : 0;
}

function hour24(h, ampm) {
  let hour = +h;
  if (ampm === 'pm' && hour < 12) hour += 12;
  if (ampm === 'am' && hour === 12) hour = 0;
  return hour;
}

/** Applies an offset ('z', '+05:30') to a date built as UTC fields. */
function withOffset(date, tz) {
  if (tz === 'z') return date;
  const m = /([+-])(\d{2}):?(\d{2})/.exec(tz);
  const minutes = (+m[2] * 60 + +m[3]) * (m[1] === '-' ? -1 : 1);
  return new Date(date.getTime() - minutes * 60000);
}

function today(now, utc) {
  const d = new Date(now.getTime());
  return resetFrom(d, 3, utc);
}

/** Sets the time of day from a TIME_RE match starting at `k`. */
function setTime(date, m, k, utc) {
  put(date, 'hour', hour24(m[k], m[k + 4]), utc);
  put(date, 'minute', +(m[k + 1] || 0), utc);
  put(date, 'second', +(m[k + 2] || 0), utc);
  put(date, 'millisecond', fraction(m[k + 3]), utc);
  return date;
}

function numeric(s, now, utc) {
  let m = new RegExp(`^(\\d{4})[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?(?:[t ]${TIME_RE})?\\s*${TZ_RE}$`).exec(s);
  if (m) {
    const tz = m[9];
    const d = build(utc || !!tz, +m[1], +m[2] - 1, m[3] ? +m[3] : 1, hour24(m[4] || 0, m[8]), +(m[5] || 0), +(m[6] || 0), fraction(m[7]));
    return { date: tz ? withOffset(d, tz) : d, unit: m[4] ? 0 : m[3] ? 4 : 6 };
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return { date: build(utc, +m[1], +m[2] - 1, +m[3]), unit: 4 };
  m = /^(\d{4})$/.exec(s);
  if (m) return { date: build(utc, +m[1], 0, 1), unit: 7 };
  m = new RegExp(`^(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?(?:\\s+${TIME_RE})?$`).exec(s);
  if (m) {
    let year = m[3] ? +m[3] : get(now, 'year', utc);
    if (m[3] && m[3].length === 2) year += year < 50 ? 2000 : 1900;
    const d = build(utc, year, +m[1] - 1, +m[2]);
    if (m[4]) setTime(d, m, 4, utc);
    return { date: d, unit: m[4] ? 0 : 4 };
  }
  return null;
}

function named(s, now, utc, prefer) {
  const time = `(?:(?:\\s+|\\s*,\\s*)(?:at\\s+)?${TIME_RE})?`;
  const ord = '(\\d{1,2})(?:st|nd|rd|th)?\\b';
  let m = new RegExp(`^(?:${DAY_RE},?\\s+)?${MONTH_RE}\\.?\\s+${ord}(?:,?\\s+(\\d{4}))?${time}$`).exec(s);
  if (m) return monthDay(m[2], +m[3], m[4], m, 5, now, utc);
  m = new RegExp(`^(?:${DAY_RE},?\\s+)?(?:the\\s+)?${ord}(?:\\s+of)?\\s+${MONTH_RE},?(?:\\s+(\\d{4}))?${time}$`).exec(s);
  if (m) return monthDay(m[3], +m[2], m[4], m, 5, now, utc);
  m = new RegExp(`^${MONTH_RE},?(?:\\s+(\\d{4}))?$`).exec(s);
  if (m) {
    let year = m[2] ? +m[2] : get(now, 'year', utc);
    const month = monthOf(m[1]);
    if (!m[2] && prefer && (prefer > 0 ? month < get(now, 'month', utc) : month > get(now, 'month', utc))) year += prefer;
    return { date: build(utc, year, month, 1), unit: 6 };
  }
  m = /^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)$/.exec(s);
  if (m) return { date: build(utc, get(now, 'year', utc), get(now, 'month', utc), +m[1]), unit: 4 };
  return null;
}

function monthDay(monthName, day, year, m, k, now, utc) {
  const d = build(utc, year ? +year : get(now, 'year', utc), monthOf(monthName), day);
  if (m[k]) setTime(d, m, k, utc);
  return { date: d, unit: m[k] ? 0 : 4 };
}

function relative(s, now, utc, prefer) {
  const amount = (t) => (t in NUMBER_WORDS ? NUMBER_WORDS[t] : /^\d+$/.test(t) ? +t : NaN);
  let m = new RegExp(`^(an?|one|two|three|four|five|six|seven|eight|nine|ten|\\d+)\\s+${UNIT_RE}\\s+(ago|before|from now|after|later|hence)$`).exec(s);
  if (m) {
    const sign = m[3] === 'ago' || m[3] === 'before' ? -1 : 1;
    const i = unitIndex(m[2]);
    return { date: addUnit(new Date(now.getTime()), i, sign * amount(m[1])), unit: i };
  }
  m = new RegExp(`^in\\s+(an?|one|two|three|four|five|six|seven|eight|nine|ten|\\d+)\\s+${UNIT_RE}$`).exec(s);
  if (m) {
    const i = unitIndex(m[2]);
    return { date: addUnit(new Date(now.getTime()), i, amount(m[1])), unit: i };
  }
  m = new RegExp(`^(last|this|next)\\s+${UNIT_RE}$`).exec(s);
  if (m) {
    const i = unitIndex(m[2]);
    return { date: addUnit(new Date(now.getTime()), i, { last: -1, this: 0, next: 1 }[m[1]]), unit: i };
  }
  m = new RegExp(`^(?:(last|this|next)\\s+(?:week\\s+)?)?${DAY_RE}$`).exec(s);
  if (m) {
    const d = today(now, utc);
    const target = weekdayOf(m[2]);
    put(d, 'day', get(d, 'day', utc) + target - get(d, 'weekday', utc), utc);
    if (m[1]) addUnit(d, 4, { last: -7, this: 0, next: 7 }[m[1]]);
    else if (prefer && (prefer > 0 ? d < today(now, utc) : d > today(now, utc))) addUnit(d, 4, 7 * prefer);
    return { date: d, unit: 4 };
  }
  m = new RegExp(`^(beginning|end) of (?:the\\s+)?(?:(last|this|next)\\s+)?(day|week|month|year)$`).exec(s);
  if (m) {
    const i = unitIndex(m[3]);
    const d = addUnit(new Date(now.getTime()), i, { last: -1, next: 1 }[m[2]] || 0);
    return { date: m[1] === 'end' ? endOf(d, i) : beginningOf(d, i), unit: 0 };
  }
  return null;
}

function dayWords(s, now, utc) {
  const m = new RegExp(`^(now|today|yesterday|tomorrow)(?:\\s+(?:at\\s+)?${TIME_RE})?$`).exec(s);
  if (m) {
    if (m[1] === 'now') return m[2] ? null : { date: new Date(now.getTime()), unit: 0 };
    const d = addUnit(today(now, utc), 4, { today: 0, yesterday: -1, tomorrow: 1 }[m[1]]);
    if (m[2]) setTime(d, m, 2, utc);
    return { date: d, unit: m[2] ? 0 : 4 };
  }
  const t = new RegExp(`^${TIME_RE}$`).exec(s);
  if (t && (t[2] || t[5])) return { date: setTime(today(now, utc), t, 1, utc), unit: 0 };
  const w = new RegExp(`^${DAY_RE}\\s+(?:at\\s+)?${TIME_RE}$`).exec(s);
  if (w) {
    const r = relative(w[1], now, utc, 0);
    return { date: setTime(r.date, w, 2, utc), unit: 0 };
  }
  return null;
}

/** Parses `text`: {date, unit} (unit = precision as a UNITS index) or null. */
export function parse(text, options) {
  const utc = !!(options && options.utc);
  const prefer = (options && options.prefer) || 0;
  const s = String(text).trim().toLowerCase().replace(/\s+/g, ' ');
  if (!s) return null;
  const now = new Date();
  const found = dayWords(s, now, utc) || numeric(s, now, utc) || named(s, now, utc, prefer) || relative(s, now, utc, prefer);
  if (found) return found;
  const native = Date.parse(String(text));
  return Number.isNaN(native) ? null : { date: new Date(native), unit: 0 };
}

/** Date.create's argument forms: nothing/null (now), a date, a number, (year, month, …),
 * an object of units, or text. Returns {date, unit}. */
export function create(args, options) {
  const utc = !!(options && options.utc);
  const first = args[0];
  if (args.length === 0 || first === null || first === undefined) return { date: new Date(), unit: 0 };
  if (args.length > 1 && typeof first === 'number') {
    const [y, mo, d, h, mi, s, ms] = args;
    return { date: build(utc, y, mo || 0, d === undefined ? 1 : d, h, mi, s, ms), unit: 0 };
  }
  if (first instanceof Date || Object.prototype.toString.call(first) === '[object Date]') return { date: new Date(first.getTime()), unit: 0 };
  if (typeof first === 'number') return { date: new Date(first), unit: 0 };
  if (typeof first === 'object') {
    const d = build(utc, get(new Date(), 'year', utc), 0, 1);
    setUnits(d, [first], false);
    return { date: d, unit: 0 };
  }
  const found = parse(first, options);
  return found || { date: new Date(NaN), unit: 0 };
}
