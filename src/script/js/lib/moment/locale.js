// moment's English locale ('en'): names, ordinals, long date formats, week rule, relative
// time and calendar phrases.

export const en = {
  name: 'en',
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  weekdaysShort: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  weekdaysMin: ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'],
  longDateFormat: {
    LTS: 'h:mm:ss A', LT: 'h:mm A', L: 'MM/DD/YYYY', LL: 'MMMM D, YYYY', LLL: 'MMMM D, YYYY h:mm A',
    LLLL: 'dddd, MMMM D, YYYY h:mm A',
  },
  week: { dow: 0, doy: 6 },
  relativeTime: {
    future: 'in %s', past: '%s ago', s: 'a few seconds', ss: '%d seconds', m: 'a minute', mm: '%d minutes',
    h: 'an hour', hh: '%d hours', d: 'a day', dd: '%d days', w: 'a week', ww: '%d weeks', M: 'a month',
    MM: '%d months', y: 'a year', yy: '%d years',
  },
  calendar: {
    sameDay: '[Today at] LT', nextDay: '[Tomorrow at] LT', nextWeek: 'dddd [at] LT',
    lastDay: '[Yesterday at] LT', lastWeek: '[Last] dddd [at] LT', sameElse: 'L',
  },
  invalidDate: 'Invalid date',
  ordinal(n) {
    const b = n % 10;
    const suffix = Math.floor((n % 100) / 10) === 1 ? 'th' : b === 1 ? 'st' : b === 2 ? 'nd' : b === 3 ? 'rd' : 'th';
    return n + suffix;
  },
  meridiem(hour, minute, lower) {
    const m = hour > 11 ? 'PM' : 'AM';
    return lower ? m.toLowerCase() : m;
  },
};

/** Expands localized tokens (LT, LL, l …) inside a format. */
export function expandFormat(format) {
  const lower = { l: 'L', ll: 'LL', lll: 'LLL', llll: 'LLLL' };
  return format.replace(/(\[[^\]]*\])|(LTS|LT|LL?L?L?|l{1,4})/g, (m, escaped, token) => {
    if (escaped) return escaped;
    if (lower[token]) {
      return en.longDateFormat[lower[token]].replace(/MMMM|MM|DD|dddd/g, (t) => t.slice(1));
    }
    return en.longDateFormat[token] || token;
  });
}

export const thresholds = { ss: 44, s: 45, m: 45, h: 22, d: 26, w: null, M: 11 };
