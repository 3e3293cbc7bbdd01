// Array#sortBy: values compare with < and >, strings with sugar's default "alphanumeric"
// collation: case-insensitive, accented letters next to their base letter (é after e), runs of
// digits compared as numbers ('a2' < 'a10', '1.10' < '1.5' as decimals), then accents break ties.
// The order of letters is sugar's documented default (Array.AlphanumericSortOrder).

const ORDER = 'AaÁáÀàÂâÃãĄąBbCcĆćČčÇçDdĎďÐðEeÉéÈèĚěÊêËëĘęFfGgĞğHhııIiÍíÌìİÎîÏïJjKkLlŁłMmNnŃńŇňÑñ' +
  'OoÓóÒòÔôPpQqRrŘřSsŚśŠšŞşTtŤťUuÚúÙùŮůÛûÜüVvWwXxYyÝýZzŹźŻżŽžÞþÆæŒœØøÕõÅåÄäÖö';
const EQUIVALENTS = {
  Á: 'A', á: 'a', À: 'A', à: 'a', Â: 'A', â: 'a', Ã: 'A', ã: 'a', Ä: 'A', ä: 'a', Ç: 'C', ç: 'c',
  É: 'E', é: 'e', È: 'E', è: 'e', Ê: 'E', ê: 'e', Ë: 'E', ë: 'e', Í: 'I', í: 'i', Ì: 'I', ì: 'i',
  İ: 'I', Î: 'I', î: 'i', Ï: 'I', ï: 'i', Ó: 'O', ó: 'o', Ò: 'O', ò: 'o', Ô: 'O', ô: 'o', Õ: 'O',
  õ: 'o', Ö: 'O', ö: 'o', ß: 's', Ú: 'U', ú: 'u', Ù: 'U', ù: 'u', Û: 'U', û: 'u', Ü: 'U', ü: 'u',
};

let weights;

/** Weight of each letter of ORDER: its base ASCII letter's code plus its place after it. */
function letterWeights() {
  if (weights) return weights;
  weights = new Map();
  let base = 97;
  let offset = 0;
  for (const c of ORDER) {
    if (/[a-z]/i.test(c)) {
      base = c.toLowerCase().charCodeAt(0);
      offset = 0;
    }
    if (!weights.has(c)) weights.set(c, base + offset++ / 100);
  }
  return weights;
}

function weight(c, equivalents) {
  if (equivalents && EQUIVALENTS[c]) c = EQUIVALENTS[c];
  const w = letterWeights();
  const lower = c.toLowerCase();
  if (w.has(lower)) return w.get(lower);
  if (w.has(c)) return w.get(c);
  return c.charCodeAt(0);
}

const isDigit = (c) => c >= '0' && c <= '9';
const numberAt = (s, i) => parseFloat(/^\d+(?:\.\d+)?/.exec(s.slice(i))[0]);

function compareText(a, b, equivalents) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a[i];
    const cb = b[i];
    if (isDigit(ca) && isDigit(cb)) {
      const na = numberAt(a, i);
      const nb = numberAt(b, i);
      if (na !== nb) return na < nb ? -1 : 1;
      continue;
    }
    const wa = weight(ca, equivalents);
    const wb = weight(cb, equivalents);
    if (wa !== wb) return wa < wb ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

export function collate(a, b) {
  return compareText(a, b, true) || compareText(a, b, false);
}

function compare(a, b) {
  if (typeof a === 'string' && typeof b === 'string') return collate(a, b);
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

/** A sorted copy of `arr` by `map` (see common.mapper), descending when `desc`. */
export function sortBy(arr, map, desc) {
  const keyed = arr.map((el, i) => ({ el, key: map(el, i, arr), i }));
  keyed.sort((x, y) => {
    if (x.key === undefined || y.key === undefined) {
      if (x.key === y.key) return x.i - y.i;
      return x.key === undefined ? 1 : -1;
    }
    const c = compare(x.key, y.key);
    return (desc ? -c : c) || x.i - y.i;
  });
  return keyed.map((k) => k.el);
}
