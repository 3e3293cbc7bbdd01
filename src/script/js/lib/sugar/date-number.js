// The time-unit methods sugar 1.4 adds to numbers: (5).minutes() (milliseconds),
// (3).daysAgo(), (2).hoursFromNow(), (1).yearBefore('2024-01-01'), (5).daysAfter(date) and
// (90000).duration() ("1 minute").
import { define } from './common.js';
import { UNITS, UNIT_MS, addUnit } from './date-core.js';
import { duration } from './date-format.js';

export function installDateNumbers(toDate) {
  const methods = {
    duration() { return duration(Number(this)); },
  };
  UNITS.forEach((unit, i) => {
    const ms = function () { return Number(this) * UNIT_MS[i]; };
    const shifted = (sign, from) => function (...args) {
      return addUnit(from ? toDate(args) : new Date(), i, sign * Number(this));
    };
    for (const name of [unit, unit + 's']) {
      methods[name] = ms;
      methods[name + 'Ago'] = shifted(-1, false);
      methods[name + 'FromNow'] = shifted(1, false);
      methods[name + 'Before'] = shifted(-1, true);
      methods[name + 'After'] = shifted(1, true);
    }
  });
  define(Number.prototype, methods);
}
