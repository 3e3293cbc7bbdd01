// Date#format with sugar 1.4's tokens ({yyyy} {MM} {dd} {hh} {HH} {mm} {ss} {fff} {Month}
// {Weekday} {tt} {tz} {isotz} …) and named formats (short, long, full, RFC1123, RFC1036,
// ISO8601_DATE, ISO8601_DATETIME), Date#relative ("3 days ago", "2 hours from now") and
// Number#duration ("5 minutes"), English only.
import { MONTHS, WEEKDAYS, UNITS, UNIT_MS, get, isUTC } from './date-core.js';

export const NAMED = {
  short: '{Month} {d}, {yyyy}',
  long: '{Month} {d}, {yyyy} {h}:{mm}{tt}',
  full: '{Weekday} {Month} {d}, {yyyy} {h}:{mm}:{ss}{tt}',
  RFC1123: '{Dow}, {dd} {Mon} {yyyy} {HH}:{mm}:{ss} {tz}',
  RFC1036: '{Weekday}, {dd}-{Mon}-{yy} {HH}:{mm}:{ss} {tz}',
  ISO8601_DATE: '{yyyy}-{MM}-{dd}',
  ISO8601_DATETIME: '{yyyy}-{MM}-{dd}T{HH}:{mm}:{ss}.{fff}{isotz}',
};

const pad = (n, size) => {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + '0'.repeat(Math.max(0, size - s.length)) + s;
};
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** Minutes east of UTC of `d` as shown by format ("+0530"), 0 for utc-flagged dates. */
export function offsetText(d, iso) {
  const minutes = isUTC(d) ? 0 : -d.getTimezoneOffset();
  if (iso && minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return (minutes < 0 ? '-' : '+') + pad(Math.floor(abs / 60), 2) + (iso ? ':' : '') + pad(abs % 60, 2);
}

const hour12 = (d) => get(d, 'hour') % 12 || 12;

const TOKENS = {
  ms: (d) => String(get(d, 'millisecond')),
  milliseconds: (d) => String(get(d, 'millisecond')),
  f: (d) => String(get(d, 'millisecond')),
  ff: (d) => pad(get(d, 'millisecond'), 2),
  fff: (d) => pad(get(d, 'millisecond'), 3),
  ffff: (d) => pad(get(d, 'millisecond'), 4),
  s: (d) => String(get(d, 'second')),
  seconds: (d) => String(get(d, 'second')),
  ss: (d) => pad(get(d, 'second'), 2),
  m: (d) => String(get(d, 'minute')),
  minutes: (d) => String(get(d, 'minute')),
  mm: (d) => pad(get(d, 'minute'), 2),
  h: (d) => String(hour12(d)),
  hours: (d) => String(hour12(d)),
  '12hr': (d) => String(hour12(d)),
  hh: (d) => pad(hour12(d), 2),
  H: (d) => String(get(d, 'hour')),
  '24hr': (d) => String(get(d, 'hour')),
  HH: (d) => pad(get(d, 'hour'), 2),
  d: (d) => String(get(d, 'day')),
  date: (d) => String(get(d, 'day')),
  day: (d) => String(get(d, 'day')),
  dd: (d) => pad(get(d, 'day'), 2),
  th: () => 'th',
  dow: (d) => WEEKDAYS[get(d, 'weekday')].slice(0, 3),
  Dow: (d) => cap(WEEKDAYS[get(d, 'weekday')].slice(0, 3)),
  weekday: (d) => WEEKDAYS[get(d, 'weekday')],
  Weekday: (d) => cap(WEEKDAYS[get(d, 'weekday')]),
  M: (d) => String(get(d, 'month') + 1),
  MM: (d) => pad(get(d, 'month') + 1, 2),
  month: (d) => MONTHS[get(d, 'month')],
  Month: (d) => cap(MONTHS[get(d, 'month')]),
  mon: (d) => MONTHS[get(d, 'month')].slice(0, 3),
  Mon: (d) => cap(MONTHS[get(d, 'month')].slice(0, 3)),
  yy: (d) => String(get(d, 'year') % 100),
  yyyy: (d) => String(get(d, 'year')),
  year: (d) => String(get(d, 'year')),
  t: (d) => (get(d, 'hour') < 12 ? 'a' : 'p'),
  tt: (d) => (get(d, 'hour') < 12 ? 'am' : 'pm'),
  T: (d) => (get(d, 'hour') < 12 ? 'A' : 'P'),
  TT: (d) => (get(d, 'hour') < 12 ? 'AM' : 'PM'),
  tz: (d) => offsetText(d, false),
  Z: (d) => offsetText(d, false),
  ZZ: (d) => offsetText(d, true).replace(/^Z$/, '+00:00'),
  isotz: (d) => offsetText(d, true),
};

/** Date#format(format): a named format or a string of {tokens}; unknown tokens lose their
 * braces and stray braces are dropped. A function formats relatively. */
export function formatDate(d, format) {
  if (Number.isNaN(d.getTime())) return 'Invalid Date';
  if (typeof format === 'function') return relative(d, format);
  if (format === undefined || format === null || format === '') format = NAMED.long;
  else if (typeof format !== 'string') throw new TypeError('format.match is not a function');
  else if (Object.prototype.hasOwnProperty.call(NAMED, format)) format = NAMED[format];
  const parts = format.match(/\{\w+\}|[^{}]+/g) || [];
  return parts
    .map((part) => {
      if (part.charAt(0) !== '{') return part;
      const name = part.slice(1, -1);
      return Object.prototype.hasOwnProperty.call(TOKENS, name) ? TOKENS[name](d) : name;
    })
    .join('');
}

/** The unit and value sugar shows for a span of `ms`: the largest unit reaching 0.95. */
export function adjustedUnit(ms, minUnit) {
  const abs = Math.abs(ms);
  for (let i = UNITS.length - 1; i >= minUnit; i--) {
    const value = Math.floor(Math.round((abs / UNIT_MS[i]) * 10) / 10);
    if (value >= 1 || i === minUnit) return { value: i === minUnit ? Math.max(value, minUnit ? 1 : value) : value, unit: i };
  }
  return { value: 0, unit: minUnit };
}

const unitText = (value, unit) => `${value} ${UNITS[unit]}${value > 1 ? 's' : ''}`;

/** Number#duration: "500 milliseconds", "1 hour". */
export function duration(ms) {
  const { value, unit } = adjustedUnit(ms, 0);
  return unitText(value, unit);
}

/** Date#relative([fn]): "1 minute ago", "3 days from now"; fn(value, unit, ms) may return
 * a format string of its own. */
export function relative(d, fn) {
  const ms = d.getTime() - Date.now();
  const { value, unit } = adjustedUnit(ms, 1);
  if (typeof fn === 'function') {
    const custom = fn(value, unit, ms, { code: 'en' });
    if (typeof custom === 'string') return formatDate(d, custom);
  }
  return `${unitText(value, unit)} ${ms > 0 ? 'from now' : 'ago'}`;
}
