// moment's format tokens (`YYYY-MM-DD HH:mm`, `Do MMMM`, `[literal]` …) for the English locale.
import { en, expandFormat } from './locale.js';
import { weekOfYear, dayOfYear } from './units.js';

const pad = (n, width, forceSign) => {
  const abs = '' + Math.abs(n);
  const sign = n >= 0;
  return (sign ? (forceSign ? '+' : '') : '-') + abs.padStart(width, '0');
};

function offsetText(m, sep) {
  let o = m.utcOffset();
  const sign = o < 0 ? '-' : '+';
  o = Math.abs(o);
  return sign + pad(Math.floor(o / 60), 2) + sep + pad(o % 60, 2);
}

const TOKENS = {
  M: (m) => m._f().month + 1,
  Mo: (m) => en.ordinal(m._f().month + 1),
  MM: (m) => pad(m._f().month + 1, 2),
  MMM: (m) => en.monthsShort[m._f().month],
  MMMM: (m) => en.months[m._f().month],
  Q: (m) => Math.ceil((m._f().month + 1) / 3),
  Qo: (m) => en.ordinal(Math.ceil((m._f().month + 1) / 3)),
  D: (m) => m._f().date,
  Do: (m) => en.ordinal(m._f().date),
  DD: (m) => pad(m._f().date, 2),
  DDD: (m) => dayOfYear(m._f()),
  DDDo: (m) => en.ordinal(dayOfYear(m._f())),
  DDDD: (m) => pad(dayOfYear(m._f()), 3),
  d: (m) => m._f().day,
  do: (m) => en.ordinal(m._f().day),
  dd: (m) => en.weekdaysMin[m._f().day],
  ddd: (m) => en.weekdaysShort[m._f().day],
  dddd: (m) => en.weekdays[m._f().day],
  e: (m) => (m._f().day + 7 - en.week.dow) % 7,
  E: (m) => m._f().day || 7,
  w: (m) => weekOfYear(m._f(), en.week.dow, en.week.doy).week,
  wo: (m) => en.ordinal(weekOfYear(m._f(), en.week.dow, en.week.doy).week),
  ww: (m) => pad(weekOfYear(m._f(), en.week.dow, en.week.doy).week, 2),
  W: (m) => weekOfYear(m._f(), 1, 4).week,
  Wo: (m) => en.ordinal(weekOfYear(m._f(), 1, 4).week),
  WW: (m) => pad(weekOfYear(m._f(), 1, 4).week, 2),
  YY: (m) => pad(m._f().year % 100, 2),
  YYYY: (m) => {
    const y = m._f().year;
    return y <= 9999 ? pad(y, 4) : '+' + y;
  },
  YYYYY: (m) => pad(m._f().year, 5),
  YYYYYY: (m) => pad(m._f().year, 6, true),
  Y: (m) => {
    const y = m._f().year;
    return y <= 9999 ? pad(y, 4) : '+' + y;
  },
  gg: (m) => pad(weekOfYear(m._f(), en.week.dow, en.week.doy).year % 100, 2),
  gggg: (m) => pad(weekOfYear(m._f(), en.week.dow, en.week.doy).year, 4),
  ggggg: (m) => pad(weekOfYear(m._f(), en.week.dow, en.week.doy).year, 5),
  GG: (m) => pad(weekOfYear(m._f(), 1, 4).year % 100, 2),
  GGGG: (m) => pad(weekOfYear(m._f(), 1, 4).year, 4),
  GGGGG: (m) => pad(weekOfYear(m._f(), 1, 4).year, 5),
  a: (m) => en.meridiem(m._f().hour, m._f().minute, true),
  A: (m) => en.meridiem(m._f().hour, m._f().minute, false),
  H: (m) => m._f().hour,
  HH: (m) => pad(m._f().hour, 2),
  h: (m) => m._f().hour % 12 || 12,
  hh: (m) => pad(m._f().hour % 12 || 12, 2),
  k: (m) => m._f().hour || 24,
  kk: (m) => pad(m._f().hour || 24, 2),
  hmm: (m) => '' + (m._f().hour % 12 || 12) + pad(m._f().minute, 2),
  hmmss: (m) => '' + (m._f().hour % 12 || 12) + pad(m._f().minute, 2) + pad(m._f().second, 2),
  Hmm: (m) => '' + m._f().hour + pad(m._f().minute, 2),
  Hmmss: (m) => '' + m._f().hour + pad(m._f().minute, 2) + pad(m._f().second, 2),
  m: (m) => m._f().minute,
  mm: (m) => pad(m._f().minute, 2),
  s: (m) => m._f().second,
  ss: (m) => pad(m._f().second, 2),
  Z: (m) => offsetText(m, ':'),
  ZZ: (m) => offsetText(m, ''),
  z: (m) => (m._isUTC ? 'UTC' : ''),
  zz: (m) => (m._isUTC ? 'Coordinated Universal Time' : ''),
  X: (m) => Math.floor(m.valueOf() / 1000),
  x: (m) => m.valueOf(),
};
for (let n = 1; n <= 9; n++) {
  TOKENS['S'.repeat(n)] = (m) => {
    const ms = pad(m._f().millisecond, 3);
    return n <= 3 ? ms.slice(0, n) : ms + '0'.repeat(n - 3);
  };
}

/** Splits a format into `[escaped]` text, `\\x` escapes, tokens (longest first) and other
 * characters. */
export const TOKEN_RE = new RegExp('(\\[[^\\[]*\\])|(\\\\)?(' +
  Object.keys(TOKENS).concat(['N', 'NN', 'NNN', 'NNNN', 'NNNNN', 'y', 'yy', 'yyy', 'yyyy', 'yo'])
    .sort((x, y) => y.length - x.length)
    .join('|') + '|.)', 'g');

export function formatMoment(m, format) {
  if (!m.isValid()) return en.invalidDate;
  const expanded = expandFormat(expandFormat(format));
  return expanded.replace(TOKEN_RE, (match, escaped, backslash, token) => {
    if (escaped) return escaped.slice(1, -1);
    if (backslash) return token;
    const fn = TOKENS[match];
    return fn ? String(fn(m)) : match.replace(/\\/g, '');
  });
}

export { TOKENS };
