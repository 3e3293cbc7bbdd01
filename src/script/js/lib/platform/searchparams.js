// URLSearchParams with WHATWG semantics: application/x-www-form-urlencoded parsing and
// serializing, and write-through to the URL it belongs to.
const B = globalThis.__postie.bytes;

function percentDecode(s) {
  const bytes = B.utf8Encode(s);
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x25 && i + 2 < bytes.length) {
      const h = parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16);
      if (/^[0-9a-fA-F]{2}$/.test(String.fromCharCode(bytes[i + 1], bytes[i + 2]))) {
        out.push(h);
        i += 2;
        continue;
      }
    }
    out.push(b);
  }
  return B.utf8Decode(Uint8Array.from(out));
}

export function formDecode(s) {
  return percentDecode(s.replace(/\+/g, ' '));
}

export function formEncode(s) {
  const bytes = B.utf8Encode(String(s));
  let out = '';
  for (const b of bytes) {
    if ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x2a || b === 0x2d || b === 0x2e || b === 0x5f) out += String.fromCharCode(b);
    else if (b === 0x20) out += '+';
    else out += '%' + (b < 16 ? '0' : '') + b.toString(16).toUpperCase();
  }
  return out;
}

export function parseForm(query) {
  const list = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? '' : part.slice(eq + 1);
    list.push([formDecode(name), formDecode(value)]);
  }
  return list;
}

const owners = new WeakMap();

export class URLSearchParams {
  constructor(init = '') {
    this._list = [];
    if (init instanceof URLSearchParams) this._list = init._list.map((p) => p.slice());
    else if (init !== null && typeof init === 'object') {
      if (typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          const p = Array.from(pair);
          if (p.length !== 2) throw new TypeError('Each query pair must be an iterable [name, value] tuple');
          this._list.push([String(p[0]), String(p[1])]);
        }
      } else {
        for (const k of Object.keys(init)) this._list.push([k, String(init[k])]);
      }
    } else {
      const s = String(init);
      this._list = parseForm(s.startsWith('?') ? s.slice(1) : s);
    }
  }

  _update() {
    const url = owners.get(this);
    if (url) url._setSearchFromParams(this.toString());
  }

  get size() { return this._list.length; }

  append(name, value) {
    this._list.push([String(name), String(value)]);
    this._update();
  }

  delete(name, value) {
    name = String(name);
    this._list = this._list.filter(([n, v]) => !(n === name && (value === undefined || v === String(value))));
    this._update();
  }

  get(name) {
    const hit = this._list.find(([n]) => n === String(name));
    return hit ? hit[1] : null;
  }

  getAll(name) {
    return this._list.filter(([n]) => n === String(name)).map(([, v]) => v);
  }

  has(name, value) {
    return this._list.some(([n, v]) => n === String(name) && (value === undefined || v === String(value)));
  }

  set(name, value) {
    name = String(name);
    const i = this._list.findIndex(([n]) => n === name);
    if (i === -1) this._list.push([name, String(value)]);
    else {
      this._list[i][1] = String(value);
      this._list = this._list.filter(([n], j) => n !== name || j === i);
    }
    this._update();
  }

  sort() {
    this._list = this._list.map((p, i) => [p, i]).sort((a, b) => (a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1])).map(([p]) => p);
    this._update();
  }

  forEach(cb, thisArg) {
    for (const [n, v] of this._list) cb.call(thisArg, v, n, this);
  }

  *entries() { for (const [n, v] of this._list) yield [n, v]; }
  *keys() { for (const [n] of this._list) yield n; }
  *values() { for (const [, v] of this._list) yield v; }
  [Symbol.iterator]() { return this.entries(); }

  toString() {
    return this._list.map(([n, v]) => formEncode(n) + '=' + formEncode(v)).join('&');
  }

  get [Symbol.toStringTag]() { return 'URLSearchParams'; }
}

/** Ties a params object to its URL so changes write through to `url.search`. */
export function bindParams(params, url) {
  owners.set(params, url);
}
