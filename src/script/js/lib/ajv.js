// `require('ajv')`: Ajv 6's API (new Ajv(opts), validate, compile, addSchema, getSchema,
// addFormat, errorsText) over postie's Rust JSON-schema validator (__postie.schema), with
// Ajv 6's error objects and texts. Also backs `pm.response.to.have.jsonSchema` through the
// hidden global `__postie_validateSchema` (see docs/spec/libraries.md).
const N = globalThis.__postie;

const MESSAGES = {
  type: (p) => 'should be ' + (Array.isArray(p.type) ? p.type.join(',') : p.type),
  required: (p) => "should have required property '" + p.missingProperty + "'",
  additionalProperties: () => 'should NOT have additional properties',
  additionalItems: (p) => 'should NOT have more than ' + p.limit + ' items',
  minLength: (p) => 'should NOT be shorter than ' + p.limit + ' characters',
  maxLength: (p) => 'should NOT be longer than ' + p.limit + ' characters',
  minItems: (p) => 'should NOT have fewer than ' + p.limit + ' items',
  maxItems: (p) => 'should NOT have more than ' + p.limit + ' items',
  minProperties: (p) => 'should NOT have fewer than ' + p.limit + ' properties',
  maxProperties: (p) => 'should NOT have more than ' + p.limit + ' properties',
  minimum: (p) => 'should be ' + p.comparison + ' ' + p.limit,
  maximum: (p) => 'should be ' + p.comparison + ' ' + p.limit,
  exclusiveMinimum: (p) => 'should be ' + p.comparison + ' ' + p.limit,
  exclusiveMaximum: (p) => 'should be ' + p.comparison + ' ' + p.limit,
  multipleOf: (p) => 'should be multiple of ' + p.multipleOf,
  pattern: (p) => 'should match pattern "' + p.pattern + '"',
  format: (p) => 'should match format "' + p.format + '"',
  enum: () => 'should be equal to one of the allowed values',
  const: () => 'should be equal to constant',
  uniqueItems: (p) => 'should NOT have duplicate items (items ## ' + p.j + ' and ' + p.i + ' are identical)',
  anyOf: () => 'should match some schema in anyOf',
  oneOf: () => 'should match exactly one schema in oneOf',
  not: () => 'should NOT be valid',
  contains: () => 'should contain a valid item',
  dependencies: (p) => 'should have ' + (p.depsCount === 1 ? 'property ' : 'properties ') + p.deps + ' when property ' + p.property + ' is present',
  propertyNames: (p) => "property name '" + p.propertyName + "' is invalid",
  if: (p) => 'should match "' + p.failingKeyword + '" schema',
  'false schema': () => 'boolean schema is false',
};

const PARAM_KEYS = {
  type: ['type'], required: ['missingProperty'], additionalProperties: ['additionalProperty'],
  additionalItems: ['limit'], minLength: ['limit'], maxLength: ['limit'], minItems: ['limit'], maxItems: ['limit'],
  minProperties: ['limit'], maxProperties: ['limit'], minimum: ['comparison', 'limit', 'exclusive'],
  maximum: ['comparison', 'limit', 'exclusive'], exclusiveMinimum: ['comparison', 'limit', 'exclusive'],
  exclusiveMaximum: ['comparison', 'limit', 'exclusive'], multipleOf: ['multipleOf'], pattern: ['pattern'],
  format: ['format'], enum: ['allowedValues'], const: ['allowedValue'], uniqueItems: ['i', 'j'], anyOf: [],
  oneOf: ['passingSchemas'], not: [], contains: [], dependencies: ['property', 'missingProperty', 'depsCount', 'deps'],
  propertyNames: ['propertyName'], if: ['failingKeyword'], 'false schema': [],
};

const isIdentifier = (k) => /^[a-z$_][a-z$_0-9]*$/i.test(k);
const propExpr = (k) => (isIdentifier(k) ? '.' + k : "['" + String(k).replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "']");
const escapeFragment = (s) => encodeURIComponent(String(s).replace(/~/g, '~0').replace(/\//g, '~1'));

function toAjvError(rec, opts) {
  const params = {};
  for (const k of PARAM_KEYS[rec.keyword] || Object.keys(rec.params)) params[k] = rec.params[k];
  if (rec.keyword === 'type' && Array.isArray(params.type)) params.type = params.type.join(',');
  if (!opts.allErrors && rec.keyword === 'required') params.missingProperty = propExpr(params.missingProperty);
  const err = {
    keyword: rec.keyword,
    dataPath: opts.jsonPointers ? rec.pointer : rec.dataPath,
    schemaPath: '#' + rec.schemaPath.map((s) => '/' + escapeFragment(s)).join('') +
      (rec.keyword === 'false schema' ? '/false schema' : ''),
    params,
    message: (MESSAGES[rec.keyword] || (() => 'should pass "' + rec.keyword + '" keyword validation'))(params),
  };
  if (opts.messages === false) delete err.message;
  if (rec.propertyName !== undefined) err.propertyName = rec.propertyName;
  if (opts.verbose) err.data = rec.value;
  return err;
}

/** With allErrors, Ajv reports why each item failed `contains` before the `contains` error. */
function containsItems(rec, root, formats) {
  let sub = root;
  for (const s of rec.schemaPath) sub = sub == null ? undefined : sub[s];
  if (sub === undefined || JSON.stringify(sub).includes('"$ref"') || !Array.isArray(rec.value)) return [];
  return [rec.value.flatMap((item, i) => {
    const out = N.schema.validate(sub, item, { style: 'ajv', formats }).errors;
    const shift = (r) => {
      r.dataPath = rec.dataPath + '[' + i + ']' + r.dataPath;
      r.pointer = rec.pointer + '/' + i + r.pointer;
      r.schemaPath = rec.schemaPath.concat(r.schemaPath);
      (r.sub || []).forEach((b) => b.forEach(shift));
      return r;
    };
    return out.map(shift);
  })];
}

/** Ajv's list: each error after the errors of the branches under it; without allErrors, only
 * the first error (with what it carries) is kept. */
function flatten(records, opts, root, formats) {
  if (opts.allErrors) {
    for (const r of records) if (r.keyword === 'contains' && !r.sub) r.sub = containsItems(r, root, formats);
  }
  const out = [];
  const closers = new Map();
  for (const r of records) if (r.closes !== undefined) closers.set(r.closes, r);
  const visit = (r, all) => {
    for (const branch of r.sub || []) {
      const list = all ? branch : branch.slice(0, 1);
      for (const b of list) visit(b, all);
    }
    out.push(toAjvError(r, opts));
  };
  if (opts.allErrors) {
    for (const r of records) visit(r, true);
  } else if (records.length) {
    const first = records[0];
    visit(first, false);
    for (const id of (first.conds || []).slice().reverse()) {
      const closer = closers.get(id);
      if (closer && closer !== first) out.push(toAjvError(closer, opts));
    }
  }
  return out;
}

function errorsText(errors, options) {
  options = options || {};
  if (!errors) return 'No errors';
  const separator = options.separator === undefined ? ', ' : options.separator;
  const dataVar = options.dataVar === undefined ? 'data' : options.dataVar;
  return errors.map((e) => dataVar + e.dataPath + ' ' + e.message).join(separator);
}

/** Runs the Rust validator; returns Ajv error objects (empty when valid). */
function check(schema, data, opts, formats) {
  if (schema === true) return [];
  if (schema === false) return [{ keyword: 'false schema', dataPath: '', schemaPath: '#/false schema', params: {}, message: 'boolean schema is false' }];
  const out = N.schema.validate(schema, data, { style: 'ajv', formats });
  return flatten(out.errors, opts, schema, formats);
}

function Ajv(opts) {
  if (!(this instanceof Ajv)) return new Ajv(opts);
  this._opts = Object.assign({}, opts || {});
  this._schemas = {};
  this._formats = [];
  this._keywords = {};
  this.errors = null;
}

Ajv.prototype.compile = function (schema) {
  const self = this;
  if (schema === null || (typeof schema !== 'object' && typeof schema !== 'boolean')) {
    throw new Error('schema should be object or boolean');
  }
  // Compile once now, so a bad schema throws here as in Ajv.
  check(schema, null, { allErrors: false }, self._formats);
  const validate = function (data) {
    const errors = check(schema, data, self._opts, self._formats);
    validate.errors = errors.length ? errors : null;
    return !errors.length;
  };
  validate.schema = schema;
  validate.errors = null;
  return validate;
};

Ajv.prototype.validate = function (schemaKeyRef, data) {
  let v;
  if (typeof schemaKeyRef === 'string') {
    v = this.getSchema(schemaKeyRef);
    if (!v) throw new Error('no schema with key or ref "' + schemaKeyRef + '"');
  } else {
    v = this.compile(schemaKeyRef);
  }
  const valid = v(data);
  this.errors = v.errors;
  return valid;
};

Ajv.prototype.addSchema = function (schema, key) {
  if (Array.isArray(schema)) {
    for (const s of schema) this.addSchema(s);
    return this;
  }
  const id = key || (schema && (schema.$id || schema.id));
  if (!id) throw new Error('schema should have $id or key');
  const ref = String(id).replace(/#$/, '');
  if (this._schemas[ref]) throw new Error('schema with key or id "' + ref + '" already exists');
  this._schemas[ref] = schema;
  return this;
};

Ajv.prototype.addMetaSchema = function (schema, key) {
  const id = key || (schema && (schema.$id || schema.id));
  if (id) this._schemas[String(id).replace(/#$/, '')] = schema;
  return this;
};

Ajv.prototype.getSchema = function (keyRef) {
  const schema = this._schemas[String(keyRef).replace(/#$/, '')];
  return schema === undefined ? undefined : this.compile(schema);
};

Ajv.prototype.removeSchema = function (keyRef) {
  if (keyRef === undefined) this._schemas = {};
  else if (typeof keyRef === 'string') delete this._schemas[keyRef.replace(/#$/, '')];
  return this;
};

Ajv.prototype.validateSchema = function (schema) {
  try {
    check(schema, null, { allErrors: false }, this._formats);
    this.errors = null;
    return true;
  } catch (e) {
    this.errors = [{ keyword: 'schema', dataPath: '', schemaPath: '#', params: {}, message: e.message }];
    return false;
  }
};

Ajv.prototype.addFormat = function (name, format) {
  let pattern;
  if (format instanceof RegExp) pattern = format.source;
  else if (typeof format === 'string') pattern = format;
  else if (format && format.validate instanceof RegExp) pattern = format.validate.source;
  this._formats = this._formats.filter((f) => f.name !== name).concat([{ name, pattern }]);
  return this;
};

Ajv.prototype.getKeyword = function (keyword) { return this._keywords[keyword] || false; };
Ajv.prototype.addKeyword = function (keyword, definition) {
  this._keywords[keyword] = definition || true;
  return this;
};
Ajv.prototype.removeKeyword = function (keyword) {
  delete this._keywords[keyword];
  return this;
};
Ajv.prototype.errorsText = function (errors, options) {
  return errorsText(errors || this.errors, options);
};

Ajv.ValidationError = class ValidationError extends Error {
  constructor(errors) {
    super('validation failed');
    this.errors = errors;
    this.ajv = this.validation = true;
  }
};
Ajv.MissingRefError = class MissingRefError extends Error {};

/** For `pm.response.to.have.jsonSchema(schema[, ajvOptions])`: Ajv with allErrors, returning
 * `{valid, errors: ['data.alpha should be boolean', …]}`. */
export function validateForAssertion(schema, data, options) {
  const ajv = new Ajv(Object.assign({ allErrors: true }, options || {}));
  const valid = ajv.validate(schema, data);
  const errors = (ajv.errors || []).map((e) => 'data' + e.dataPath + ' ' + e.message);
  return { valid, errors };
}

Object.defineProperty(Ajv, '__forAssertion', { value: validateForAssertion, enumerable: false });

export default Ajv;
