// English inflection for String#pluralize/singularize/humanize: the usual irregular words,
// uncountable nouns and suffix rules (the same English rules Rails' inflector popularised, which
// sugar 1.4 follows). The first letter keeps its case.

const UNCOUNTABLE = new Set('equipment information rice money species series fish sheep jeans news'.split(' '));
const IRREGULAR = [
  ['person', 'people'], ['man', 'men'], ['child', 'children'], ['sex', 'sexes'], ['move', 'moves'],
  ['cow', 'kine'], ['zombie', 'zombies'], ['goose', 'geese'], ['tooth', 'teeth'], ['foot', 'feet'],
];

// [pattern, replacement], tried from the first.
const PLURAL = [
  [/(quiz)$/i, '$1zes'], [/^(oxen)$/i, '$1'], [/^(ox)$/i, '$1en'], [/^(m|l)ice$/i, '$1ice'],
  [/^(m|l)ouse$/i, '$1ice'], [/(matr|vert|ind)(?:ix|ex)$/i, '$1ices'], [/(x|ch|ss|sh)$/i, '$1es'],
  [/([^aeiouy]|qu)y$/i, '$1ies'], [/(hive)$/i, '$1s'], [/(lea)f$/i, '$1ves'], [/(?:([^f])fe|([lr])f)$/i, '$1$2ves'],
  [/sis$/i, 'ses'], [/([ti])a$/i, '$1a'], [/([ti])um$/i, '$1a'], [/(buffal|tomat|her|potat)o$/i, '$1oes'],
  [/(bu)s$/i, '$1ses'], [/(alias|status)$/i, '$1es'], [/(octop|vir)i$/i, '$1i'], [/(octop|vir)us$/i, '$1i'],
  [/^(ax|test)is$/i, '$1es'], [/s$/i, 's'], [/$/, 's'],
];
const SINGULAR = [
  [/(database)s$/i, '$1'], [/(quiz)zes$/i, '$1'], [/(matr)ices$/i, '$1ix'], [/(vert|ind)ices$/i, '$1ex'],
  [/^(ox)en/i, '$1'], [/(alias|status)(es)?$/i, '$1'], [/(octop|vir)(us|i)$/i, '$1us'],
  [/^(a)x[ie]s$/i, '$1xis'], [/(cris|test)(is|es)$/i, '$1is'], [/(shoe)s$/i, '$1'], [/(o)es$/i, '$1'],
  [/(bus)(es)?$/i, '$1'], [/^(m|l)ice$/i, '$1ouse'], [/(x|ch|ss|sh)es$/i, '$1'], [/(m)ovies$/i, '$1ovie'],
  [/(s)eries$/i, '$1eries'], [/([^aeiouy]|qu)ies$/i, '$1y'], [/([lr])ves$/i, '$1f'], [/(lea)ves$/i, '$1f'], [/(tive)s$/i, '$1'],
  [/(hive)s$/i, '$1'], [/([^f])ves$/i, '$1fe'], [/(^analy)(sis|ses)$/i, '$1sis'],
  [/((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)(sis|ses)$/i, '$1sis'], [/([ti])a$/i, '$1um'],
  [/(n)ews$/i, '$1ews'], [/(ss)$/i, '$1'], [/s$/i, ''],
];

function keepCase(word, result) {
  const first = word.charAt(0);
  return (first === first.toUpperCase() ? result.charAt(0).toUpperCase() : result.charAt(0)) + result.slice(1);
}

function inflect(word, rules, plural) {
  const lower = word.toLowerCase();
  if (!word || UNCOUNTABLE.has(lower)) return word;
  for (const [one, many] of IRREGULAR) {
    const [from, to] = plural ? [one, many] : [many, one];
    if (lower === to) return word;
    if (lower.endsWith(from)) {
      const head = word.slice(0, word.length - from.length);
      return head ? head + to : keepCase(word, to);
    }
  }
  for (const [re, replacement] of rules) {
    if (re.test(word)) return word.replace(re, replacement);
  }
  return word;
}

export const pluralize = (s) => inflect(s, PLURAL, true);
export const singularize = (s) => inflect(s, SINGULAR, false);

export function humanize(s) {
  const text = s.replace(/_id$/, '').replace(/_/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}
