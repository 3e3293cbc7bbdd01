// The Postman SDK's list and property shapes scripts use: PropertyList (members indexed by key,
// optionally case-insensitive, last member wins on lookup), Header, QueryParam, FormParam,
// Variable, and their string forms. Plain JS, no natives.

const isObject = (v) => v !== null && typeof v === 'object';

/** A list of properties of one Type, looked up by the Type's index key. */
export class PropertyList {
  constructor(Type, items, parent) {
    Object.defineProperty(this, '__parent', { value: parent, writable: true, enumerable: false, configurable: true });
    this.members = [];
    this.Type = Type;
    if (items !== undefined && items !== null) this.populate(items);
  }

  get _postman_listIndexKey() { return this.Type._postman_propertyIndexKey || 'id'; }
  get _postman_listIndexCaseInsensitive() { return Boolean(this.Type._postman_propertyIndexCaseInsensitive); }

  _norm(key) {
    if (key === undefined || key === null) return key;
    return this._postman_listIndexCaseInsensitive ? String(key).toLowerCase() : String(key);
  }

  _keyOf(member) {
    return member ? this._norm(member[this._postman_listIndexKey]) : undefined;
  }

  _make(item) {
    if (item instanceof this.Type) return item;
    return typeof this.Type.create === 'function' ? this.Type.create(item) : new this.Type(item);
  }

  insert(item, before) {
    if (!isObject(item)) return;
    const dup = this.members.indexOf(item);
    if (dup > -1) this.members.splice(dup, 1);
    const at = before === undefined ? -1 : this.indexOf(before);
    if (at > -1) this.members.splice(at, 0, item);
    else this.members.push(item);
  }

  insertAfter(item, after) {
    const at = this.indexOf(after);
    this.insert(item, at > -1 ? this.members[at + 1] : undefined);
  }

  append(item) { this.insert(item); }
  prepend(item) { this.insert(item, this.members[0]); }

  add(item) {
    if (item === null || item === undefined || Number.isNaN(item)) return;
    this.insert(this._make(item));
  }

  /** Updates the member with the same key, or adds one. True when it added. */
  upsert(item) {
    if (item === null || item === undefined || Number.isNaN(item)) return null;
    const made = isObject(item) ? item : this._make(item);
    const existing = this.one(made[this._postman_listIndexKey]);
    if (existing) {
      if (typeof existing.update !== 'function') throw new Error('collection: unable to upsert into a list of Type that does not support .update()');
      existing.update(made);
      return false;
    }
    this.add(made);
    return true;
  }

  /** Removes members by predicate function, key, or member reference. */
  remove(predicate, context) {
    let test = predicate;
    if (typeof predicate === 'string') {
      const key = this._norm(predicate);
      test = (m) => this._keyOf(m) === key;
    } else if (isObject(predicate)) {
      const ref = predicate;
      test = (m) => m === ref;
    }
    if (typeof test !== 'function') return;
    const ctx = context || this;
    this.members = this.members.filter((m, i, all) => !test.call(ctx, m, i, all));
  }

  populate(items) {
    if (typeof items === 'string' && typeof this.Type.parse === 'function') items = this.Type.parse(items);
    if (Array.isArray(items)) {
      for (const item of items) this.add(item);
    } else if (isObject(items) && !(items instanceof this.Type) && Object.getPrototypeOf(items) === Object.prototype && !(this._postman_listIndexKey in items)) {
      for (const key of Object.keys(items)) this.add(this.Type.fromPair ? this.Type.fromPair(key, items[key]) : { key, value: items[key] });
    } else {
      this.add(items);
    }
  }

  clear() { this.members = []; }
  repopulate(items) { this.clear(); this.populate(items); }

  assimilate(source, prune) {
    const members = source instanceof PropertyList ? source.members : source;
    if (!Array.isArray(members)) return;
    if (prune) this.clear();
    for (const m of members) this.upsert(m);
  }

  all() { return this.members.slice(); }
  idx(index) { return this.members[index]; }
  count() { return this.members.length; }

  /** The last member with this key. */
  one(key) {
    const k = this._norm(key);
    for (let i = this.members.length - 1; i >= 0; i--) {
      if (this._keyOf(this.members[i]) === k) return this.members[i];
    }
    return undefined;
  }

  /** The value of the last member with this key. */
  get(key) {
    const m = this.one(key);
    return m === undefined ? undefined : (typeof m.valueOf === 'function' ? m.valueOf() : m);
  }

  indexOf(item) {
    return this.members.indexOf(typeof item === 'string' ? this.one(item) : item);
  }

  has(item, value) {
    if (typeof item === 'string') {
      const k = this._norm(item);
      const matches = this.members.filter((m) => this._keyOf(m) === k);
      if (!matches.length) return false;
      if (value === undefined) return true;
      return matches.some((m) => m.valueOf() === value);
    }
    return this.members.includes(item);
  }

  each(fn, context) { this.members.forEach(fn, context); }
  filter(fn, context) { return this.members.filter(fn, context); }
  find(fn, context) { return this.members.find(fn, context); }
  map(fn, context) { return this.members.map(fn, context || this); }
  reduce(fn, acc, context) { return this.members.reduce((a, m, i, all) => fn.call(context, a, m, i, all), acc); }

  /** key → value of the members (later ones win; several values become an array when the Type allows). */
  toObject(excludeDisabled, caseSensitive, multiValue, sanitizeKeys) {
    const out = {};
    const keyName = this._postman_listIndexKey;
    const sensitive = !this._postman_listIndexCaseInsensitive || caseSensitive;
    const multi = this.Type._postman_propertyAllowsMultipleValues || multiValue;
    for (const m of this.members) {
      if (!m || !Object.prototype.hasOwnProperty.call(m, keyName)) continue;
      if (excludeDisabled && m.disabled) continue;
      if (sanitizeKeys && !m[keyName]) continue;
      const key = sensitive ? m[keyName] : String(m[keyName]).toLowerCase();
      const value = typeof m.valueOf === 'function' ? m.valueOf() : m;
      if (multi && Object.prototype.hasOwnProperty.call(out, key)) {
        if (!Array.isArray(out[key])) out[key] = [out[key]];
        out[key].push(value);
      } else {
        out[key] = value;
      }
    }
    return out;
  }

  toString() {
    const sep = this.Type._postman_propertySeparator || '';
    return this.members.map((m) => String(m)).join(sep);
  }

  toJSON() {
    return this.members.map((m) => (m && typeof m.toJSON === 'function' ? m.toJSON() : m));
  }

  [Symbol.iterator]() { return this.members[Symbol.iterator](); }

  static isPropertyList(obj) { return obj instanceof PropertyList; }
}
PropertyList._postman_propertyName = 'PropertyList';
PropertyList.prototype._postman_propertyIsList = true;

/** Copies the own defined fields of a property, for toJSON. */
function plain(obj, keys) {
  const out = {};
  for (const k of keys) {
    const v = obj[k];
    if (v !== undefined) out[k] = v && typeof v.toJSON === 'function' ? v.toJSON() : v;
  }
  return out;
}

const CRLF_LEN = 2;

/** A header's key or value as the SDK keeps it: a string, '' for none. */
const headerText = (v) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : String(v));

/** A request or response header. */
export class Header {
  constructor(options, name) {
    if (typeof options === 'string') options = name === undefined ? Header.parseSingle(options) : { key: name, value: options };
    this.update(options || {});
  }
  update(o) {
    this.key = headerText(o.key);
    this.value = headerText(o.value);
    if (o.disabled !== undefined) this.disabled = Boolean(o.disabled);
    if (o.description !== undefined) this.description = o.description;
    if (o.system !== undefined) this.system = o.system;
  }
  valueOf() { return this.value; }
  toString() { return `${this.key}: ${this.value}`; }
  toJSON() { return plain(this, ['key', 'value', 'disabled', 'description', 'system']); }
  static parseSingle(text) {
    const s = String(text);
    const at = s.indexOf(':');
    if (at < 0) return { key: s.trim(), value: '' };
    return { key: s.slice(0, at).trim(), value: s.slice(at + 1).trim() };
  }
  static parse(text) {
    return String(text).split(/\r?\n/).filter((l) => l.trim()).map(Header.parseSingle);
  }
  static unparse(headers, sep) {
    const list = headers instanceof PropertyList ? headers.members : headers || [];
    return list.filter((h) => h && !h.disabled).map((h) => `${h.key}: ${h.value}`).join(sep === undefined ? '\n' : sep);
  }
  static isHeader(obj) { return obj instanceof Header; }
  static create(value, name) { return new Header(value, name); }
}
Header._postman_propertyName = 'Header';
Header._postman_propertyIndexKey = 'key';
Header._postman_propertyIndexCaseInsensitive = true;
Header._postman_propertyAllowsMultipleValues = true;
Header._postman_propertySeparator = '\n';

/** A HeaderList: a PropertyList of Header with the wire size of its members. */
export class HeaderList extends PropertyList {
  constructor(parent, headers) { super(Header, headers, parent); }
  contentSize() {
    let size = 0;
    for (const h of this.members) {
      if (h && !h.disabled) size += String(h.key).length + 2 + String(h.value).length + CRLF_LEN;
    }
    return size;
  }
  static isHeaderList(obj) { return obj instanceof HeaderList; }

  /** The list a response starts with: `[key, value]` pairs become Headers directly (what
   * `populate` would make, without its per-member lookups: this runs for every `pm.response`);
   * anything else goes through `add`. */
  static forResponse(parent, headers) {
    const list = new HeaderList(parent);
    const members = list.members;
    for (const h of headers) {
      if (Array.isArray(h)) {
        const header = Object.create(Header.prototype);
        header.key = headerText(h[0]);
        header.value = headerText(h[1]);
        members.push(header);
      } else {
        list.add(h);
      }
    }
    return list;
  }
}
HeaderList._postman_propertyName = 'HeaderList';

/** A URL query parameter (also used for url-encoded bodies). */
export class QueryParam {
  constructor(options) { this.update(options === undefined ? {} : options); }
  update(o) {
    if (typeof o === 'string') o = QueryParam.parseSingle(o);
    this.key = o.key === undefined || o.key === null ? (o.key === null ? null : '') : String(o.key);
    this.value = o.value === undefined ? undefined : o.value === null ? null : String(o.value);
    if (o.disabled !== undefined) this.disabled = Boolean(o.disabled);
    if (o.description !== undefined) this.description = o.description;
    if (o.type !== undefined) this.type = o.type;
  }
  valueOf() { return this.value; }
  toString() { return QueryParam.unparseSingle(this); }
  toJSON() { return plain(this, ['key', 'value', 'disabled', 'description', 'type']); }
  static parseSingle(param) {
    const s = String(param);
    const at = s.indexOf('=');
    return at < 0 ? { key: s, value: null } : { key: s.slice(0, at), value: s.slice(at + 1) };
  }
  static parse(query) {
    return typeof query === 'string' && query !== '' ? query.split('&').map(QueryParam.parseSingle) : [];
  }
  static unparseSingle(p) {
    if (!p) return '';
    let out = p.key === undefined || p.key === null ? '' : String(p.key);
    if (p.value !== undefined && p.value !== null) out += '=' + p.value;
    return out;
  }
  /** Joins params as a query string (disabled ones skipped when options.ignoreDisabled). */
  static unparse(params, options) {
    let list = params instanceof PropertyList ? params.members : params;
    if (!Array.isArray(list)) list = Object.keys(list || {}).map((key) => ({ key, value: list[key] }));
    const skip = options && options.ignoreDisabled;
    const encode = options && options.encode;
    const parts = [];
    for (const p of list) {
      if (!p || (skip && p.disabled)) continue;
      const s = QueryParam.unparseSingle(p);
      parts.push(encode ? encodeURI(s).replace(/%7B%7B/g, '{{').replace(/%7D%7D/g, '}}') : s);
    }
    return parts.join('&');
  }
  static fromPair(key, value) { return { key, value }; }
}
QueryParam._postman_propertyName = 'QueryParam';
QueryParam._postman_propertyIndexKey = 'key';
QueryParam._postman_propertyAllowsMultipleValues = true;
QueryParam._postman_propertySeparator = '&';

/** A form-data parameter (text or file). */
export class FormParam {
  constructor(options) { this.update(options || {}); }
  update(o) {
    this.key = o.key === undefined || o.key === null ? '' : String(o.key);
    this.value = o.value === undefined || o.value === null ? (o.value === null ? null : '') : o.value;
    for (const k of ['type', 'src', 'contentType', 'description', 'fileName']) if (o[k] !== undefined) this[k] = o[k];
    if (o.disabled !== undefined) this.disabled = Boolean(o.disabled);
  }
  valueOf() { return this.value; }
  toString() { return `${this.key}=${this.value}`; }
  toJSON() { return plain(this, ['key', 'value', 'type', 'src', 'contentType', 'fileName', 'description', 'disabled']); }
}
FormParam._postman_propertyName = 'FormParam';
FormParam._postman_propertyIndexKey = 'key';
FormParam._postman_propertyAllowsMultipleValues = true;

/** A variable (path variables, auth parameters, scope snapshots). */
export class Variable {
  constructor(options) { this.update(options || {}); }
  update(o) {
    if (o.key !== undefined) this.key = o.key === null ? null : String(o.key);
    else if (o.id !== undefined) this.key = String(o.id);
    else if (this.key === undefined) this.key = '';
    if ('value' in o) this.value = o.value;
    if (o.type !== undefined) this.type = o.type;
    else if (this.type === undefined) this.type = 'any';
    if (o.disabled !== undefined) this.disabled = Boolean(o.disabled);
    if (o.description !== undefined) this.description = o.description;
  }
  get() { return this.value; }
  set(value) { this.value = value; }
  valueOf() { return this.value; }
  toString() {
    const v = this.value;
    return v === undefined || v === null ? String(v) : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  toJSON() { return plain(this, ['key', 'value', 'type', 'disabled', 'description']); }
  static fromPair(key, value) { return { key, value }; }
}
Variable._postman_propertyName = 'Variable';
Variable._postman_propertyIndexKey = 'key';

/** A PropertyList of Variable. */
export class VariableList extends PropertyList {
  constructor(parent, values) { super(Variable, values, parent); }
  static isVariableList(obj) { return obj instanceof VariableList; }
}
VariableList._postman_propertyName = 'VariableList';
