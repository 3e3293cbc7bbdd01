// Why a text is not JSON, said the way Postman's liquid-json says it for `pm.response.json()`:
// a `JSONError` whose message names the first offending character or the end of input, its line
// and column, the source line and a caret (`Unexpected token '<' at 1:1\n<html>\n^`). Only runs
// after JSON.parse failed, so it favours clarity over speed.

const WS = new Set([' ', '\t', '\n', '\r']);

class Scanner {
  constructor(text) {
    this.s = text;
    this.i = 0;
    this.line = 0;
    this.lineStart = 0;
  }

  fail(msg) {
    const err = new SyntaxError(format(this, msg));
    err.row = this.line + 1;
    err.column = this.i - this.lineStart + 1;
    throw err;
  }

  unexpected() { this.fail(undefined); }

  space() {
    const s = this.s;
    while (this.i < s.length && WS.has(s[this.i])) {
      const c = s[this.i++];
      if (c === '\r' && s[this.i] === '\n') this.i++;
      if (c === '\n' || c === '\r') { this.line++; this.lineStart = this.i; }
    }
  }

  value() {
    this.space();
    const c = this.s[this.i];
    if (c === undefined) this.unexpected();
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (c === word[0]) return this.keyword(word);
    }
    return this.unexpected();
  }

  /** A misspelt keyword is reported at its first letter. */
  keyword(word) {
    const start = this.i;
    for (const ch of word) {
      if (this.s[this.i] !== ch) { this.i = start; this.unexpected(); }
      this.i++;
    }
  }

  digits() {
    const start = this.i;
    while (this.s[this.i] >= '0' && this.s[this.i] <= '9') this.i++;
    if (this.i === start) this.unexpected();
  }

  number() {
    if (this.s[this.i] === '-') this.i++;
    if (this.s[this.i] === '0') this.i++;
    else this.digits();
    if (this.s[this.i] === '.') { this.i++; this.digits(); }
    if (this.s[this.i] === 'e' || this.s[this.i] === 'E') {
      this.i++;
      if (this.s[this.i] === '+' || this.s[this.i] === '-') this.i++;
      this.digits();
    }
  }

  string() {
    this.i++;
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined || c === '\n' || c === '\r') this.unexpected();
      if (c === '"') { this.i++; return; }
      if (c < ' ') this.unexpected();
      if (c === '\\') {
        this.i++;
        const e = this.s[this.i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) {
            if (!/[0-9a-fA-F]/.test(this.s[this.i + k] || '')) { this.i += k; this.unexpected(); }
          }
          this.i += 4;
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) {
          this.unexpected();
        }
      }
      this.i++;
    }
  }

  array() {
    this.i++;
    this.space();
    if (this.s[this.i] === ']') { this.i++; return; }
    for (;;) {
      this.value();
      this.space();
      const c = this.s[this.i];
      if (c === ',') { this.i++; continue; }
      if (c === ']') { this.i++; return; }
      this.unexpected();
    }
  }

  object() {
    this.i++;
    this.space();
    if (this.s[this.i] === '}') { this.i++; return; }
    for (;;) {
      this.space();
      if (this.s[this.i] !== '"') this.unexpected();
      this.string();
      this.space();
      if (this.s[this.i] !== ':') this.unexpected();
      this.i++;
      this.value();
      this.space();
      const c = this.s[this.i];
      if (c === ',') { this.i++; continue; }
      if (c === '}') { this.i++; return; }
      this.unexpected();
    }
  }
}

/** `msg at line:col`, then the offending line (at most ~78 characters) and a caret under it. */
function format(sc, msg) {
  const input = sc.s;
  const position = sc.i;
  const column = position - sc.lineStart;
  if (!msg) {
    if (position < input.length) {
      const token = JSON.stringify(input[position]).replace(/^"|"$/g, '').replace(/'/g, "\\'").replace(/\\"/g, '"');
      msg = `Unexpected token '${token}'`;
    } else {
      msg = 'Unexpected end of input';
    }
  }
  const out = `${msg} at ${sc.line + 1}:${column + 1}`;
  let at = position - column - 1;
  if (at < position - 70) at = position - 70;
  let source = '';
  let caret = '';
  for (;;) {
    const ch = input[++at];
    if (ch === '\n' || ch === '\r' || at >= input.length) {
      if (position >= at) caret += '^';
      break;
    }
    source += ch;
    if (position === at) caret += '^';
    else if (position > at) caret += ch === '\t' ? '\t' : ' ';
    if (source.length > 78) break;
  }
  return `${out}\n${source}\n${caret}`;
}

/** Throws the JSONError describing why `text` is not JSON (call after JSON.parse failed). */
export function throwJsonError(text, original) {
  try {
    const sc = new Scanner(text);
    sc.value();
    sc.space();
    if (sc.i < text.length) sc.unexpected();
  } catch (e) {
    e.name = 'JSONError';
    throw e;
  }
  // The scanner found nothing wrong (a reviver threw, say): keep the original error.
  original.name = 'JSONError';
  throw original;
}
