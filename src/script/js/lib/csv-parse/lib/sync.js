// `require('csv-parse/lib/sync')`: csv-parse 1.2's synchronous parser — delimiter, quote,
// escape, row delimiter (detected), comment, trim/ltrim/rtrim, auto_parse, columns, objname,
// relax, relax_column_count, skip_empty_lines, from, to. As in that version, a record with the
// wrong number of columns ends the parse and the records so far are returned.

function detectRowDelimiter(text) {
  const m = /\r\n|\n|\r/.exec(text);
  return m ? m[0] : '\n';
}

function autoParse(value) {
  if (value.trim() !== '' && isFinite(Number(value)) && !/^\s*0x/i.test(value)) return Number(value);
  return value;
}

class CsvError extends Error {}

/** Splits the text into records of raw fields; stops at the first column-count problem. */
function* records(text, o) {
  const delim = o.delimiter;
  const quote = o.quote;
  const escape = o.escape;
  const rowDelim = o.rowDelimiter || detectRowDelimiter(text);
  let i = 0;
  let line = 1;
  const n = text.length;
  const at = (s) => s !== '' && text.startsWith(s, i);
  while (i < n) {
    if (o.comment && at(o.comment)) {
      const end = text.indexOf(rowDelim, i);
      i = end < 0 ? n : end + rowDelim.length;
      line++;
      continue;
    }
    const record = [];
    let field = '';
    let quoted = false;
    let wasQuoted = false;
    let started = false;
    let done = false;
    while (!done) {
      if (i >= n) {
        if (quoted) throw new CsvError('Quoted field not terminated at line ' + line);
        record.push([field, wasQuoted]);
        done = true;
        break;
      }
      if (quoted) {
        if (escape !== quote && at(escape) && text.startsWith(quote, i + escape.length)) {
          field += quote;
          i += escape.length + quote.length;
        } else if (at(quote)) {
          if (escape === quote && text.startsWith(quote, i + quote.length)) {
            field += quote;
            i += 2 * quote.length;
          } else {
            i += quote.length;
            quoted = false;
            if (i < n && !at(delim) && !at(rowDelim)) {
              if (!o.relax) {
                throw new CsvError('Invalid closing quote at line ' + line + '; found ' + JSON.stringify(text[i]) +
                  ' instead of delimiter ' + JSON.stringify(delim));
              }
              field = quote + field + quote;
              wasQuoted = false;
            }
          }
        } else {
          if (text[i] === '\n') line++;
          field += text[i++];
        }
        continue;
      }
      if (at(delim)) {
        record.push([field, wasQuoted]);
        field = '';
        wasQuoted = false;
        started = false;
        i += delim.length;
        continue;
      }
      if (at(rowDelim)) {
        record.push([field, wasQuoted]);
        i += rowDelim.length;
        line++;
        done = true;
        break;
      }
      if (at(quote)) {
        const leading = (o.ltrim || o.trim) ? field.trim() === '' : field === '';
        if (!started || leading) {
          if (leading && !started) {
            field = '';
            quoted = true;
            wasQuoted = true;
            started = true;
            i += quote.length;
            continue;
          }
        }
        if (!o.relax) throw new CsvError('Invalid opening quote at line ' + line);
      }
      field += text[i++];
      started = true;
    }
    yield record;
  }
}

function shapeField([value, wasQuoted], o) {
  let v = value;
  if (!wasQuoted) {
    if (o.trim) v = v.trim();
    else {
      if (o.ltrim) v = v.replace(/^\s+/, '');
      if (o.rtrim) v = v.replace(/\s+$/, '');
    }
  }
  if (o.auto_parse) v = autoParse(v);
  return v;
}

export default function parse(input, options) {
  const o = Object.assign({ delimiter: ',', quote: '"', escape: '"', comment: '', relax: false }, options || {});
  if (o.quote === null || o.quote === false) o.quote = '';
  const text = String(input == null ? '' : input);
  const out = [];
  let header = Array.isArray(o.columns) ? o.columns : typeof o.columns === 'function' ? null : null;
  let count = 0;
  let expected;
  let objects = o.objname ? {} : null;
  try {
    for (const raw of records(text, o)) {
      const emptyLine = raw.length === 1 && raw[0][0] === '';
      if (o.skip_empty_lines && emptyLine) continue;
      const record = raw.map((f) => shapeField(f, o));
      if (o.columns && !header) {
        header = typeof o.columns === 'function' ? o.columns(record) : record;
        continue;
      }
      const want = header ? header.length : expected;
      if (!emptyLine && want !== undefined && record.length !== want && !o.relax_column_count) break;
      if (expected === undefined && !emptyLine) expected = record.length;
      count++;
      if (o.from && count < o.from) continue;
      if (o.to && count > o.to) break;
      let value = record;
      if (header) {
        value = {};
        header.forEach((name, k) => { if (name !== undefined && name !== null && name !== false) value[name] = record[k]; });
      }
      if (objects) objects[header ? value[o.objname] : record[o.objname]] = value;
      else out.push(value);
    }
  } catch (e) {
    if (e instanceof CsvError) throw new Error(e.message);
    throw e;
  }
  return objects || out;
}
