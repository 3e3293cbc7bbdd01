// `require('cheerio')` and the `cheerio` global: cheerio 0.22's reading API (load, $(selector),
// find, children, parent(s), closest, siblings, each, map, filter, eq, first, last, text, html,
// attr, data, val, is, hasClass …) over postie's Rust HTML parser and CSS selectors
// (__postie.html). Documents are read-only: methods that change them throw.
const N = globalThis.__postie;

/** A node of a parsed document, shaped like cheerio's (domhandler) nodes. */
class DomNode {
  constructor(doc, id, info) {
    this._doc = doc;
    this._id = id;
    this.type = info.type;
    if (info.name !== undefined) this.name = info.name;
    if (info.attribs !== undefined) this.attribs = info.attribs;
    if (info.data !== undefined) this.data = info.data;
  }
  get tagName() { return this.name; }
  get nodeType() { return this.type === 'text' ? 3 : this.type === 'comment' ? 8 : this.type === 'root' ? 9 : 1; }
  get children() { return this._doc.children(this._id).map((c) => this._doc.node(c)); }
  get childNodes() { return this.children; }
  get parent() {
    const p = N.html.parent(this._doc.id, this._id);
    return p === undefined || p === null ? null : this._doc.node(p);
  }
  get parentNode() { return this.parent; }
  get firstChild() { return this.children[0] || null; }
  get lastChild() { const c = this.children; return c[c.length - 1] || null; }
  get next() { return sibling(this, 1); }
  get prev() { return sibling(this, -1); }
  get nextSibling() { return this.next; }
  get previousSibling() { return this.prev; }
}

function sibling(node, step) {
  const parent = node.parent;
  if (!parent) return null;
  const list = node._doc.children(parent._id);
  const i = list.indexOf(node._id);
  const j = i + step;
  return j >= 0 && j < list.length ? node._doc.node(list[j]) : null;
}

const isElement = (n) => n && (n.type === 'tag' || n.type === 'script' || n.type === 'style');
const matchesSel = (node, selector) => !!(node && node._doc && node._doc.matches(node, selector));

class Doc {
  constructor(html) {
    this.id = N.html.load(String(html));
    this.rootId = N.html.root(this.id);
    this.nodes = new Map();
  }
  node(id) {
    let n = this.nodes.get(id);
    if (!n) {
      n = new DomNode(this, id, id === this.rootId ? { type: 'root', name: 'root' } : N.html.info(this.id, id));
      this.nodes.set(id, n);
    }
    return n;
  }
  children(id) { return N.html.children(this.id, id); }
  select(ids, selector) { return N.html.select(this.id, ids, String(selector)).map((i) => this.node(i)); }
  matches(node, selector) { return isElement(node) && N.html.matches(this.id, node._id, String(selector)); }
  root() { return this.node(this.rootId); }
}

const readOnly = (name) => function () {
  throw new Error('cheerio: .' + name + '() changes the document, which postie does not support');
};

function dataValue(v) {
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (v === 'null') return null;
  if (v !== '' && String(+v) === v) return +v;
  if (/^(?:\{[\w\W]*\}|\[[\w\W]*\])$/.test(v)) {
    try { return JSON.parse(v); } catch (e) { return v; }
  }
  return v;
}

const camel = (s) => s.replace(/[_.-](\w|$)/g, (m, c) => c.toUpperCase());

function textOf(nodes) {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += n.data;
    else if (n.type !== 'comment' && n._doc) out += N.html.text(n._doc.id, n._id);
  }
  return out;
}

function makeApi(doc) {
  class Cheerio {
    constructor(nodes, prev) {
      const list = nodes || [];
      for (let i = 0; i < list.length; i++) this[i] = list[i];
      this.length = list.length;
      this._prev = prev;
    }
    _wrap(nodes) { return new Cheerio(nodes, this); }
    _list() { return Array.prototype.slice.call(this); }
    _unique(nodes) {
      const seen = new Set();
      const out = nodes.filter((n) => n && !seen.has(n) && seen.add(n));
      return out.sort((a, b) => a._id - b._id);
    }
    find(selector) {
      if (selector && typeof selector === 'object') {
        const within = toNodes(selector);
        return this._wrap(within.filter((n) => this._list().some((p) => contains(p, n))));
      }
      const found = [];
      for (const n of this._list()) if (n._doc) found.push(...n._doc.select([n._id], selector));
      return this._wrap(this._unique(found));
    }
    children(selector) {
      const kids = this._list().flatMap((n) => (n._doc ? n.children.filter(isElement) : []));
      return this._wrap(selector ? kids.filter((k) => matchesSel(k, selector)) : kids);
    }
    contents() { return this._wrap(this._list().flatMap((n) => (n._doc ? n.children : []))); }
    parent(selector) {
      const ps = this._unique(this._list().map((n) => n.parent).filter((p) => p && p.type !== 'root' && p._id !== p._doc.rootId));
      return this._wrap(selector ? ps.filter((p) => matchesSel(p, selector)) : ps);
    }
    parents(selector) {
      const out = [];
      for (const n of this._list()) {
        for (let p = n.parent; p && p.type !== 'root' && p._id !== p._doc.rootId; p = p.parent) out.push(p);
      }
      const list = [...new Set(out)];
      return this._wrap(selector ? list.filter((p) => matchesSel(p, selector)) : list);
    }
    closest(selector) {
      const out = [];
      for (const n of this._list()) {
        for (let p = n; p && p._id !== p._doc.rootId && p.type !== 'root'; p = p.parent) {
          if (matchesSel(p, selector)) {
            if (!out.includes(p)) out.push(p);
            break;
          }
        }
      }
      return this._wrap(out);
    }
    next(selector) { return this._sib((n) => { let s = n.next; while (s && !isElement(s)) s = s.next; return s ? [s] : []; }, selector); }
    prev(selector) { return this._sib((n) => { let s = n.prev; while (s && !isElement(s)) s = s.prev; return s ? [s] : []; }, selector); }
    nextAll(selector) { return this._sib((n) => { const out = []; for (let s = n.next; s; s = s.next) if (isElement(s)) out.push(s); return out; }, selector); }
    prevAll(selector) { return this._sib((n) => { const out = []; for (let s = n.prev; s; s = s.prev) if (isElement(s)) out.push(s); return out; }, selector); }
    siblings(selector) {
      return this._sib((n) => (n.parent ? n.parent.children.filter((s) => isElement(s) && s !== n) : []), selector);
    }
    _sib(fn, selector) {
      const all = this._unique(this._list().flatMap(fn));
      return this._wrap(selector ? all.filter((s) => matchesSel(s, selector)) : all);
    }
    each(fn) {
      const list = this._list();
      for (let i = 0; i < list.length; i++) if (fn.call(list[i], i, list[i]) === false) break;
      return this;
    }
    map(fn) {
      const out = [];
      this._list().forEach((el, i) => {
        const v = fn.call(el, i, el);
        if (v != null) out.push(...(Array.isArray(v) ? v : [v]));
      });
      return this._wrap(out);
    }
    filter(match) {
      const list = this._list();
      if (typeof match === 'function') return this._wrap(list.filter((el, i) => match.call(el, i, el)));
      if (typeof match === 'string') return this._wrap(list.filter((el) => matchesSel(el, match)));
      const keep = toNodes(match);
      return this._wrap(list.filter((el) => keep.includes(el)));
    }
    not(match) {
      const keep = new Set(this.filter(match)._list());
      return this._wrap(this._list().filter((el) => !keep.has(el)));
    }
    has(selector) {
      return this._wrap(this._list().filter((el) => (typeof selector === 'string'
        ? el._doc.select([el._id], selector).length > 0
        : toNodes(selector).some((n) => contains(el, n)))));
    }
    is(match) { return match ? this.filter(match).length > 0 : false; }
    first() { return this.eq(0); }
    last() { return this.eq(this.length - 1); }
    eq(i) {
      i = +i;
      if (i < 0) i += this.length;
      return this._wrap(this[i] ? [this[i]] : []);
    }
    get(i) {
      if (i === undefined) return this._list();
      return this[i < 0 ? this.length + i : i];
    }
    toArray() { return this._list(); }
    slice(a, b) { return this._wrap(this._list().slice(a, b)); }
    end() { return this._prev || this._wrap([]); }
    add(other, context) {
      const more = typeof other === 'string' ? $(other, context)._list() : toNodes(other);
      return this._wrap(this._unique(this._list().concat(more)));
    }
    addBack() { return this._wrap(this._unique(this._list().concat(this._prev ? this._prev._list() : []))); }
    index(selectorOrNeedle) {
      if (selectorOrNeedle === undefined) {
        const n = this[0];
        if (!n || !n.parent) return -1;
        return n.parent.children.filter(isElement).indexOf(n);
      }
      const hay = typeof selectorOrNeedle === 'string' ? $(selectorOrNeedle)._list() : this._list();
      const needle = typeof selectorOrNeedle === 'string' ? this[0] : toNodes(selectorOrNeedle)[0];
      return hay.indexOf(needle);
    }
    text(value) {
      if (value !== undefined) return readOnly('text')();
      return textOf(this._list());
    }
    html(value) {
      if (value !== undefined) return readOnly('html')();
      const n = this[0];
      if (!n || !n._doc) return null;
      return N.html.html(n._doc.id, n._id, true);
    }
    toString() { return this._list().map((n) => (n._doc ? N.html.html(n._doc.id, n._id, false) : '')).join(''); }
    attr(name, value) {
      if (value !== undefined || (name && typeof name === 'object')) return readOnly('attr')();
      const n = this[0];
      if (!n || !isElement(n)) return undefined;
      if (name === undefined) return Object.assign({}, n.attribs);
      return Object.prototype.hasOwnProperty.call(n.attribs, name) ? n.attribs[name] : undefined;
    }
    prop(name) {
      const n = this[0];
      if (!n || !isElement(n)) return undefined;
      if (name === 'tagName' || name === 'nodeName') return n.name.toUpperCase();
      if (name === 'outerHTML') return N.html.html(n._doc.id, n._id, false);
      if (name === 'innerHTML') return N.html.html(n._doc.id, n._id, true);
      if (name === 'textContent') return textOf([n]);
      if (name === 'checked' || name === 'selected' || name === 'disabled') return Object.prototype.hasOwnProperty.call(n.attribs, name);
      return n.attribs[name];
    }
    data(name) {
      const n = this[0];
      if (!n || !isElement(n)) return undefined;
      const all = {};
      for (const k of Object.keys(n.attribs)) {
        if (k.startsWith('data-')) all[camel(k.slice(5))] = dataValue(n.attribs[k]);
      }
      return name === undefined ? all : all[camel(String(name))];
    }
    val(value) {
      if (value !== undefined) return readOnly('val')();
      const n = this[0];
      if (!n || !isElement(n)) return undefined;
      switch (n.name) {
        case 'textarea': return this.text();
        case 'select': {
          const selected = this.find('option[selected]');
          const chosen = selected.length ? selected : this.find('option').first();
          if (n.attribs.multiple !== undefined) return selected.map((i, o) => $(o).val()).get();
          return chosen.length ? chosen.val() : undefined;
        }
        case 'option': return n.attribs.value !== undefined ? n.attribs.value : this.text();
        case 'input':
          if ((n.attribs.type === 'checkbox' || n.attribs.type === 'radio') && n.attribs.value === undefined) return 'on';
          return n.attribs.value;
        default: return n.attribs.value;
      }
    }
    hasClass(cls) {
      return this._list().some((n) => isElement(n) && (n.attribs.class || '').split(/\s+/).includes(cls));
    }
    serializeArray() {
      return this.find('input, select, textarea').filter('[name]').toArray()
        .filter((n) => !('disabled' in n.attribs) && !(['checkbox', 'radio'].includes(n.attribs.type) && !('checked' in n.attribs)))
        .map((n) => ({ name: n.attribs.name, value: String($(n).val()).replace(/\r?\n/g, '\r\n') }));
    }
  }
  for (const name of ['addClass', 'removeClass', 'toggleClass', 'removeAttr', 'css', 'append', 'prepend', 'after',
    'before', 'appendTo', 'prependTo', 'insertAfter', 'insertBefore', 'remove', 'replaceWith', 'empty', 'wrap']) {
    Cheerio.prototype[name] = readOnly(name);
  }
  Cheerio.prototype.cheerio = '[cheerio object]';
  Cheerio.prototype.splice = Array.prototype.splice;

  function toNodes(x) {
    if (x == null) return [];
    if (x instanceof Cheerio) return x._list();
    if (Array.isArray(x)) return x;
    if (x instanceof DomNode) return [x];
    return [];
  }

  function contains(container, node) {
    for (let p = node.parent; p; p = p.parent) if (p === container) return true;
    return false;
  }

  function $(selector, context) {
    if (selector == null || selector === '') return new Cheerio([]);
    if (selector instanceof Cheerio) return selector;
    if (selector instanceof DomNode || Array.isArray(selector)) return new Cheerio(toNodes(selector));
    if (typeof selector === 'string' && /^\s*</.test(selector)) {
      const fresh = new Doc(selector);
      return new Cheerio(fresh.children(fresh.rootId).map((id) => fresh.node(id)));
    }
    if (context !== undefined) {
      const ctx = typeof context === 'string' ? $(context) : $(context);
      return ctx.find(selector);
    }
    return new Cheerio(doc.select([doc.rootId], selector));
  }
  $.root = () => new Cheerio([doc.root()]);
  $.html = (what) => {
    if (what === undefined) return N.html.html(doc.id, doc.rootId, true);
    const sel = typeof what === 'string' ? $(what) : $(what);
    return sel.toString();
  };
  $.xml = (what) => $.html(what);
  $.text = (what) => (what === undefined ? textOf([doc.root()]) : textOf(toNodes(what)));
  $.contains = (container, node) => contains(container, node);
  $.parseHTML = (html) => (html ? $(String(html)).toArray() : null);
  $.fn = Cheerio.prototype;
  $.prototype = Cheerio.prototype;
  $._root = doc.root();
  return $;
}

const cheerio = {
  load(content) {
    return makeApi(new Doc(content == null ? '' : content));
  },
  html(what) { return what && what.toString ? what.toString() : ''; },
  text(what) { return textOf(Array.prototype.slice.call(what || [])); },
  version: '0.22.0',
};

export default cheerio;
