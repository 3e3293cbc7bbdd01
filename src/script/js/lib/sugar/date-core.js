// Date building blocks for the sugar modules: the time units, reading and writing a date's
// fields in local time (or UTC for dates flagged with `utc()`), set/advance with sugar's
// argument forms and the beginning/end of a unit.

export const UNITS = ['millisecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'year'];
export const UNIT_MS = [1, 1000, 60000, 3600000, 86400000, 604800000, 30.4375 * 86400000, 365.25 * 86400000];
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december'];
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The index in UNITS of a unit name ('days', 'Hour', 'date' …), or -1. */
export function unitIndex(name) {
  let n = String(name).toLowerCase().replace(/s$/, '');
  if (n === 'date') n = 'day';
  return UNITS.indexOf(n);
}

export const isUTC = (d) => d._utc === true;

const FIELDS = {
  year: ['getFullYear', 'setFullYear'],
  month: ['getMonth', 'setMonth'],
  day: ['getDate', 'setDate'],
  weekday: ['getDay', null],
  hour: ['getHours', 'setHours'],
  minute: ['getMinutes', 'setMinutes'],
  second: ['getSeconds', 'setSeconds'],
  millisecond: ['getMilliseconds', 'setMilliseconds'],
};

const method = (d, name, utc) => (utc === undefined ? isUTC(d) : utc) ? name.replace(/^(get|set)/, '$1UTC') : name;

export function get(d, field, utc) {
  return d[method(d, FIELDS[field][0], utc)]();
}

export function put(d, field, value, utc) {
  d[method(d, FIELDS[field][1], utc)](value);
}

export const daysInMonth = (year, month) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** Resets the unit `index` (a UNITS index) and all smaller ones: day → the 1st, month →
 * January, year → year 0 (as sugar's Date#reset); week counts as day. */
export function resetFrom(d, index, utc) {
  if (index >= 7) put(d, 'year', 0, utc);
  if (index >= 6) put(d, 'month', 0, utc);
  if (index >= 4) put(d, 'day', 1, utc);
  if (index >= 3) put(d, 'hour', 0, utc);
  if (index >= 2) put(d, 'minute', 0, utc);
  if (index >= 1) put(d, 'second', 0, utc);
  put(d, 'millisecond', 0, utc);
  return d;
}

/** The unit below `index` to reset after setting or advancing units (week is skipped). */
export const belowUnit = (index) => (index - 1 === 5 ? 4 : index - 1);

/** Beginning of the day/week/month/year holding `d` (in place). */
export function beginningOf(d, unit) {
  const i = typeof unit === 'number' ? unit : unitIndex(unit);
  if (i === 5) {
    put(d, 'day', get(d, 'day') - get(d, 'weekday'));
    return resetFrom(d, 3);
  }
  if (i === 4) return resetFrom(d, 3);
  if (i === 6) return resetFrom(d, 4);
  if (i === 7) return resetFrom(d, 6);
  return resetFrom(d, Math.max(0, i - 1));
}

/** End of the day/week/month/year holding `d` (in place): its last millisecond. */
export function endOf(d, unit) {
  const i = typeof unit === 'number' ? unit : unitIndex(unit);
  beginningOf(d, i);
  if (i === 5) put(d, 'day', get(d, 'day') + 7);
  else if (i === 4) put(d, 'day', get(d, 'day') + 1);
  else if (i === 6) put(d, 'month', get(d, 'month') + 1);
  else if (i === 7) put(d, 'year', get(d, 'year') + 1);
  d.setTime(d.getTime() - 1);
  return d;
}

/** Adds `amount` of a unit; months keep the day within the target month. */
export function addUnit(d, index, amount) {
  if (!amount) return d;
  if (index === 6 || index === 7) {
    const months = index === 6 ? amount : 0;
    const years = index === 7 ? amount : 0;
    if (months) {
      const day = get(d, 'day');
      put(d, 'day', 1);
      put(d, 'month', get(d, 'month') + months);
      put(d, 'day', Math.min(day, daysInMonth(get(d, 'year'), get(d, 'month'))));
    }
    if (years) put(d, 'year', get(d, 'year') + years);
    return d;
  }
  if (index === 5) return addUnit(d, 4, amount * 7);
  if (index === 4) {
    put(d, 'day', get(d, 'day') + amount);
    return d;
  }
  d.setTime(d.getTime() + amount * UNIT_MS[index]);
  return d;
}

/** sugar's object/argument form `{year, month, day, hour, …}` or (year, month, day, …) as
 * [[unitIndex, value]…] plus a possible weekday. */
export function unitsOf(args) {
  const out = [];
  let weekday;
  if (args.length === 1 && args[0] !== null && typeof args[0] === 'object') {
    for (const key of Object.keys(args[0])) {
      if (/^weekdays?$/i.test(key)) weekday = args[0][key];
      else {
        const i = unitIndex(key);
        if (i >= 0) out.push([i, args[0][key]]);
      }
    }
  } else {
    const order = [7, 6, 4, 3, 2, 1, 0];
    args.forEach((v, k) => {
      if (k < order.length && v !== undefined) out.push([order[k], v]);
    });
  }
  return { units: out, weekday };
}

/** Date#set: sets the given units (largest first), resetting smaller ones when `reset`. */
export function setUnits(d, args, reset) {
  const { units, weekday } = unitsOf(args);
  units.sort((a, b) => a[0] - b[0]);
  const names = ['millisecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'year'];
  for (const [i, v] of units) {
    if (i === 5) continue;
    put(d, names[i], v);
  }
  if (weekday !== undefined) put(d, 'day', get(d, 'day') + (weekday - get(d, 'weekday')));
  if (reset && units.length) {
    const smallest = Math.min(...units.map((u) => u[0]));
    if (smallest > 0) resetFrom(d, belowUnit(smallest));
  }
  return d;
}

/** Date#advance / rewind: adds the units (sign = 1 or -1). */
export function advanceUnits(d, args, reset, sign) {
  const { units } = unitsOf(args);
  units.sort((a, b) => b[0] - a[0]);
  for (const [i, v] of units) addUnit(d, i, sign * (+v || 0));
  if (reset && units.length) {
    const smallest = Math.min(...units.map((u) => u[0]));
    if (smallest > 0) resetFrom(d, belowUnit(smallest));
  }
  return d;
}
