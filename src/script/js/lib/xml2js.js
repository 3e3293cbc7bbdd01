// `require('xml2js')`: xml2js 0.4's parseString / Parser / parseStringPromise / Builder /
// processors over postie's Rust XML reader (__postie.xml), shaping results as xml2js does
// (explicitArray, mergeAttrs, attrkey, charkey, explicitRoot, trim, normalize, emptyTag …).
// Also Postman's legacy `xml2Json(text)`.
const N = globalThis.__postie;

const defaults = {
  '0.1': {
    explicitCharkey: false, trim: true, normalize: true, normalizeTags: false, attrkey: '@', charkey: '#',
    explicitArray: false, ignoreAttrs: false, mergeAttrs: false, explicitRoot: false, validator: null,
    xmlns: false, explicitChildren: false, childkey: '@@', charsAsChildren: false, includeWhiteChars: false,
    async: false, strict: true, attrNameProcessors: null, attrValueProcessors: null, tagNameProcessors: null,
    valueProcessors: null, emptyTag: '',
  },
  '0.2': {
    explicitCharkey: false, trim: false, normalize: false, normalizeTags: false, attrkey: '$', charkey: '_',
    explicitArray: true, ignoreAttrs: false, mergeAttrs: false, explicitRoot: true, validator: null,
    xmlns: false, explicitChildren: false, preserveChildrenOrder: false, childkey: '$$', charsAsChildren: false,
    includeWhiteChars: false, async: false, strict: true, attrNameProcessors: null, attrValueProcessors: null,
    tagNameProcessors: null, valueProcessors: null, rootName: 'root',
    xmldec: { version: '1.0', encoding: 'UTF-8', standalone: true }, doctype: null,
    renderOpts: { pretty: true, indent: '  ', newline: '\n' }, headless: false, chunkSize: 10000, emptyTag: '', cdata: false,
  },
};

const processors = {
  normalize: (str) => str.toLowerCase(),
  firstCharLowerCase: (str) => str.charAt(0).toLowerCase() + str.slice(1),
  stripPrefix: (str) => str.replace(/(?!xmlns)^.*:/, ''),
  parseNumbers: (str) => {
    if (!isNaN(str)) return str % 1 === 0 ? parseInt(str, 10) : parseFloat(str);
    return str;
  },
  parseBooleans: (str) => (/^(?:true|false)$/i.test(str) ? str.toLowerCase() === 'true' : str),
};

const processItem = (fns, item, key) => {
  for (const fn of fns) item = fn(item, key);
  return item;
};

/** Builds xml2js's value for one element of the Rust tree. */
function shape(node, o) {
  const obj = {};
  obj[o.charkey] = '';
  let cdata = false;
  if (!o.ignoreAttrs) {
    for (const [key, value] of node.a) {
      if (!(o.attrkey in obj) && !o.mergeAttrs) obj[o.attrkey] = {};
      const newValue = o.attrValueProcessors ? processItem(o.attrValueProcessors, value, key) : value;
      const newKey = o.attrNameProcessors ? processItem(o.attrNameProcessors, key) : key;
      if (o.mergeAttrs) assignOrPush(obj, newKey, newValue, o);
      else obj[o.attrkey][newKey] = newValue;
    }
  }
  const children = [];
  for (const child of node.c) {
    if (typeof child === 'string') {
      obj[o.charkey] += child;
    } else if (child.cd !== undefined) {
      obj[o.charkey] += child.cd;
      cdata = true;
    } else {
      const name = elementName(child, o);
      const value = shape(child, o);
      assignOrPush(obj, name, value, o);
      children.push([name, value]);
    }
  }
  let result = obj;
  let emptyStr = '';
  if (/^\s*$/.test(obj[o.charkey]) && !cdata) {
    emptyStr = obj[o.charkey];
    delete obj[o.charkey];
  } else {
    if (o.trim) obj[o.charkey] = obj[o.charkey].trim();
    if (o.normalize) obj[o.charkey] = obj[o.charkey].replace(/\s{2,}/g, ' ').trim();
    if (o.valueProcessors) obj[o.charkey] = processItem(o.valueProcessors, obj[o.charkey], elementName(node, o));
    if (Object.keys(obj).length === 1 && o.charkey in obj && !o.explicitCharkey) result = obj[o.charkey];
  }
  if (typeof result === 'object' && result !== null && Object.keys(result).length === 0) {
    result = o.emptyTag !== '' ? (typeof o.emptyTag === 'function' ? o.emptyTag() : o.emptyTag) : emptyStr;
  }
  if (o.explicitChildren && !o.mergeAttrs && typeof result === 'object' && result !== null) {
    const kids = {};
    for (const [name, value] of children) {
      delete result[name];
      (kids[name] || (kids[name] = [])).push(value);
    }
    if (children.length) result[o.childkey] = kids;
  }
  return result;
}

function elementName(node, o) {
  let name = node.n;
  if (o.normalizeTags) name = name.toLowerCase();
  return o.tagNameProcessors ? processItem(o.tagNameProcessors, name) : name;
}

function assignOrPush(obj, key, value, o) {
  if (!(key in obj)) {
    obj[key] = o.explicitArray ? [value] : value;
  } else {
    if (!Array.isArray(obj[key])) obj[key] = [obj[key]];
    obj[key].push(value);
  }
}

function parseText(str, o) {
  str = String(str);
  if (str.charCodeAt(0) === 0xfeff) str = str.slice(1);
  if (str.trim() === '') return null;
  const tree = N.xml.parse(str);
  if (tree === null) return null;
  const value = shape(tree, o);
  if (!o.explicitRoot) return value;
  const out = {};
  out[elementName(tree, o)] = value;
  return out;
}

class Parser {
  constructor(opts) {
    this.options = Object.assign({}, defaults['0.2'], opts || {});
    if (this.options.xmlns) this.options.xmlnskey = this.options.attrkey + 'ns';
    this._listeners = {};
  }
  on(event, fn) {
    (this._listeners[event] || (this._listeners[event] = [])).push(fn);
    return this;
  }
  emit(event, ...args) {
    for (const fn of this._listeners[event] || []) fn(...args);
  }
  reset() { return this; }
  parseString(str, cb) {
    let result;
    try {
      result = parseText(str, this.options);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      this.emit('error', err);
      if (cb) cb(err);
      return;
    }
    this.emit('end', result);
    if (cb) cb(null, result);
  }
  parseStringPromise(str) {
    return new Promise((resolve, reject) => {
      this.parseString(str, (err, value) => (err ? reject(err) : resolve(value)));
    });
  }
}

function parseString(str, a, b) {
  let cb = b;
  let options = {};
  if (typeof a === 'function') cb = a;
  else if (typeof a === 'object' && a !== null) options = a;
  return new Parser(options).parseString(str, cb);
}

const escapeXml = (s, attr) => {
  let out = String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (attr) out = out.replace(/"/g, '&quot;');
  return out.replace(/\r/g, '&#xD;');
};

class Builder {
  constructor(opts) {
    this.options = Object.assign({}, defaults['0.2'], opts || {});
    this.options.renderOpts = Object.assign({}, defaults['0.2'].renderOpts, (opts && opts.renderOpts) || {});
    this.options.xmldec = Object.assign({}, defaults['0.2'].xmldec, (opts && opts.xmldec) || {});
  }
  buildObject(rootObj) {
    const o = this.options;
    let rootName = o.rootName;
    if (rootObj && typeof rootObj === 'object' && Object.keys(rootObj).length === 1 && o.rootName === defaults['0.2'].rootName) {
      rootName = Object.keys(rootObj)[0];
      rootObj = rootObj[rootName];
    }
    const pretty = o.renderOpts.pretty;
    const indent = pretty ? o.renderOpts.indent : '';
    const nl = pretty ? o.renderOpts.newline : '';
    const lines = [];
    if (!o.headless) {
      const d = o.xmldec;
      let dec = '<?xml version="' + d.version + '"';
      if (d.encoding) dec += ' encoding="' + d.encoding + '"';
      if (d.standalone !== undefined && d.standalone !== null) dec += ' standalone="' + (d.standalone ? 'yes' : 'no') + '"';
      lines.push(dec + '?>');
    }
    const render = (name, value, depth) => {
      const pad = indent.repeat(depth);
      if (Array.isArray(value)) {
        for (const v of value) render(name, v, depth);
        return;
      }
      if (value === null || value === undefined || (typeof value === 'object' && !Object.keys(value).length)) {
        lines.push(pad + '<' + name + '/>');
        return;
      }
      if (typeof value !== 'object') {
        lines.push(pad + '<' + name + '>' + text(value) + '</' + name + '>');
        return;
      }
      let attrs = '';
      const kids = [];
      let body;
      for (const key of Object.keys(value)) {
        if (key === o.attrkey && typeof value[key] === 'object') {
          for (const a of Object.keys(value[key])) attrs += ' ' + a + '="' + escapeXml(value[key][a], true) + '"';
        } else if (key === o.charkey) {
          body = text(value[key]);
        } else {
          kids.push(key);
        }
      }
      if (!kids.length) {
        lines.push(pad + '<' + name + attrs + (body === undefined ? '/>' : '>' + body + '</' + name + '>'));
        return;
      }
      lines.push(pad + '<' + name + attrs + '>');
      if (body !== undefined) lines.push(indent.repeat(depth + 1) + body);
      for (const k of kids) render(k, value[k], depth + 1);
      lines.push(pad + '</' + name + '>');
    };
    const text = (v) => (o.cdata && /[<&]/.test(String(v)) ? '<![CDATA[' + String(v).replace(/]]>/g, ']]]]><![CDATA[>') + ']]>' : escapeXml(v, false));
    render(rootName, rootObj, 0);
    return lines.join(nl);
  }
}

/** Postman's legacy `xml2Json(text)`: xml2js with explicitArray off and trim on; the result,
 * or undefined when the text is not XML. */
export function xml2Json(string) {
  let out = {};
  parseString(string, { explicitArray: false, async: false, trim: true, mergeAttrs: false }, (_, r) => { out = r; });
  return out;
}

class ValidationError extends Error {}

const api = {
  defaults, processors, Parser, parseString, Builder, ValidationError,
  parseStringPromise: (s, o) => new Parser(o).parseStringPromise(s),
};
Object.defineProperty(api, 'xml2Json', { value: xml2Json, enumerable: false });

export default api;
