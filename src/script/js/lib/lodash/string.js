// lodash "String": case conversion, padding, trimming, escaping, words.
import { toStr, toInteger, hasOwn } from './base.js';

const LU = '\\p{Lu}';
const LL = '\\p{Ll}';
const SEP = '[\\s!-\\/:-@\\[-`{-~\\u00d7\\u00f7\\u2000-\\u206f]';
const CONTR_L = "(?:['\\u2019](?:d|ll|m|re|s|t|ve))?";
const CONTR_U = "(?:['\\u2019](?:D|LL|M|RE|S|T|VE))?";
// Words as lodash splits them: camel humps, upper-case runs, ordinals, digit runs, emoji.
const wordParts = [
  `[${LU}]?[${LL}]+${CONTR_L}(?=${SEP}|[${LU}]|$)`,
  `[${LU}]+${CONTR_U}(?=${SEP}|[${LU}][${LL}]|$)`,
  `[${LU}]?[${LL}]+${CONTR_L}`,
  `[${LU}]+${CONTR_U}`,
  '\\d*(?:1ST|2ND|3RD|(?![123])\\dTH)(?=\\b|[a-z_])',
  '\\d*(?:1st|2nd|3rd|(?![123])\\dth)(?=\\b|[A-Z_])',
  '\\d+',
];
const reUnicodeWord = (() => {
  try {
    return new RegExp([...wordParts, '\\p{Extended_Pictographic}(?:\\u200d\\p{Extended_Pictographic})*'].join('|'), 'gu');
  } catch (e) {
    return new RegExp(wordParts.join('|'), 'gu');
  }
})();
const reAsciiWord = /[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+/g;
const reHasUnicodeWord = /[a-z][A-Z]|[A-Z]{2}[a-z]|[0-9][a-zA-Z]|[a-zA-Z][0-9]|[^a-zA-Z0-9 ]/;

export function words(string, pattern) {
  string = toStr(string);
  if (pattern === undefined) {
    return reHasUnicodeWord.test(string) ? string.match(reUnicodeWord) || [] : string.match(reAsciiWord) || [];
  }
  return string.match(pattern) || [];
}

const DEBURR_EXTRA = {
  'Æ': 'Ae', 'æ': 'ae', 'Ø': 'O', 'ø': 'o', 'ß': 'ss', 'Þ': 'Th', 'þ': 'th', 'Ð': 'D', 'ð': 'd',
  'Đ': 'D', 'đ': 'd', 'Ħ': 'H', 'ħ': 'h', 'ı': 'i', 'Ĳ': 'IJ', 'ĳ': 'ij', 'Ŀ': 'L', 'ŀ': 'l',
  'Ł': 'L', 'ł': 'l', 'Œ': 'Oe', 'œ': 'oe', 'ŉ': "'n", 'ſ': 's', 'Ŧ': 'T', 'ŧ': 't',
};

export function deburr(string) {
  string = toStr(string);
  return string
    .replace(/[\u00c0-\u017f]/g, (c) => DEBURR_EXTRA[c] || c.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))
    .replace(/[\u0300-\u036f\ufe20-\ufe2f\u20d0-\u20ff]/g, '');
}

const upperFirst = (s) => {
  s = toStr(s);
  if (!s) return s;
  const first = String.fromCodePoint(s.codePointAt(0));
  return first.toUpperCase() + s.slice(first.length);
};
const lowerFirst = (s) => {
  s = toStr(s);
  if (!s) return s;
  const first = String.fromCodePoint(s.codePointAt(0));
  return first.toLowerCase() + s.slice(first.length);
};

const compounder = (fn) => (string) =>
  words(deburr(string).replace(/['\u2019]/g, '')).reduce((acc, word, i) => fn(acc, word, i), '');

function padding(length, chars) {
  chars = chars === undefined ? ' ' : toStr(chars);
  if (length <= 0 || !chars) return '';
  const out = chars.repeat(Math.ceil(length / chars.length));
  return Array.from(out).slice(0, length).join('');
}

const strLen = (s) => Array.from(s).length;

function trimChars(string, chars, start, end) {
  string = toStr(string);
  if (chars === undefined) {
    if (start && end) return string.trim();
    return start ? string.trimStart() : string.trimEnd();
  }
  const set = new Set(Array.from(toStr(chars)));
  const list = Array.from(string);
  let a = 0;
  let b = list.length;
  if (start) while (a < b && set.has(list[a])) a++;
  if (end) while (b > a && set.has(list[b - 1])) b--;
  return list.slice(a, b).join('');
}

const htmlEscapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const htmlUnescapes = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

export const string = {
  camelCase: compounder((acc, word, i) => acc + (i ? upperFirst(word.toLowerCase()) : word.toLowerCase())),
  kebabCase: compounder((acc, word, i) => acc + (i ? '-' : '') + word.toLowerCase()),
  snakeCase: compounder((acc, word, i) => acc + (i ? '_' : '') + word.toLowerCase()),
  lowerCase: compounder((acc, word, i) => acc + (i ? ' ' : '') + word.toLowerCase()),
  upperCase: compounder((acc, word, i) => acc + (i ? ' ' : '') + word.toUpperCase()),
  startCase: compounder((acc, word, i) => acc + (i ? ' ' : '') + upperFirst(word)),
  capitalize: (s) => upperFirst(toStr(s).toLowerCase()),
  upperFirst,
  lowerFirst,
  deburr,
  words,
  toLower: (s) => toStr(s).toLowerCase(),
  toUpper: (s) => toStr(s).toUpperCase(),
  pad(s, length, chars) {
    s = toStr(s);
    length = toInteger(length);
    const n = length ? strLen(s) : 0;
    if (!length || n >= length) return s;
    const mid = (length - n) / 2;
    return padding(Math.floor(mid), chars) + s + padding(Math.ceil(mid), chars);
  },
  padStart(s, length, chars) {
    s = toStr(s);
    length = toInteger(length);
    const n = length ? strLen(s) : 0;
    return length && n < length ? padding(length - n, chars) + s : s;
  },
  padEnd(s, length, chars) {
    s = toStr(s);
    length = toInteger(length);
    const n = length ? strLen(s) : 0;
    return length && n < length ? s + padding(length - n, chars) : s;
  },
  repeat(s, n) {
    n = n === undefined ? 1 : toInteger(n);
    return n < 1 ? '' : toStr(s).repeat(n);
  },
  trim: (s, chars) => trimChars(s, chars, true, true),
  trimStart: (s, chars) => trimChars(s, chars, true, false),
  trimEnd: (s, chars) => trimChars(s, chars, false, true),
  truncate(s, options) {
    s = toStr(s);
    let length = 30;
    let omission = '...';
    let separator;
    if (options != null && typeof options === 'object') {
      if ('separator' in options) separator = options.separator;
      if ('length' in options) length = toInteger(options.length);
      if ('omission' in options) omission = toStr(options.omission);
    }
    const chars = Array.from(s);
    if (length >= chars.length) return s;
    const end = length - strLen(omission);
    if (end < 1) return omission;
    let result = chars.slice(0, end).join('');
    if (separator === undefined) return result + omission;
    if (separator instanceof RegExp) {
      const rest = s.slice(result.length);
      if (rest.search(separator)) {
        const g = new RegExp(separator.source, separator.flags.includes('g') ? separator.flags : separator.flags + 'g');
        let last;
        let m;
        while ((m = g.exec(result))) {
          last = m.index;
          if (m[0] === '') g.lastIndex++;
        }
        if (last !== undefined) result = result.slice(0, last);
      }
    } else if (s.indexOf(toStr(separator), end) !== end) {
      const i = result.lastIndexOf(toStr(separator));
      if (i > -1) result = result.slice(0, i);
    }
    return result + omission;
  },
  startsWith(s, target, position) {
    s = toStr(s);
    position = position == null ? 0 : Math.min(Math.max(toInteger(position), 0), s.length);
    target = toStr(target);
    return s.slice(position, position + target.length) === target;
  },
  endsWith(s, target, position) {
    s = toStr(s);
    target = toStr(target);
    const n = s.length;
    position = position === undefined ? n : Math.min(Math.max(toInteger(position), 0), n);
    const end = position - target.length;
    return end >= 0 && s.slice(end, position) === target;
  },
  escape: (s) => toStr(s).replace(/[&<>"']/g, (c) => htmlEscapes[c]),
  unescape: (s) => toStr(s).replace(/&(?:amp|lt|gt|quot|#39);/g, (c) => htmlUnescapes[c]),
  escapeRegExp: (s) => toStr(s).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'),
  parseInt: (s, radix) => parseInt(toStr(s).replace(/^\s+/, ''), radix == null ? 0 : +radix || 0),
  replace(...args) {
    const s = toStr(args[0]);
    return args.length < 3 ? s : s.replace(args[1], args[2]);
  },
  split(s, separator, limit) {
    limit = limit === undefined ? 4294967295 : limit >>> 0;
    if (!limit) return [];
    s = toStr(s);
    if (s && (typeof separator === 'string' || (separator != null && !(separator instanceof RegExp)))) {
      separator = toStr(separator);
      if (!separator) return Array.from(s).slice(0, limit);
    }
    return s.split(separator, limit);
  },
};

export { hasOwn, htmlEscapes };
