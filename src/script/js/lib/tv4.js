// `require('tv4')` and the `tv4` global: tv4 1.3's API (validate, validateResult,
// validateMultiple, error, missing, addSchema, errorCodes …) for draft-04 schemas, over
// postie's Rust JSON-schema validator, with tv4's error codes, texts and paths.
const N = globalThis.__postie;

const ErrorCodes = {
  INVALID_TYPE: 0, ENUM_MISMATCH: 1, ANY_OF_MISSING: 10, ONE_OF_MISSING: 11, ONE_OF_MULTIPLE: 12, NOT_PASSED: 13,
  NUMBER_MULTIPLE_OF: 100, NUMBER_MINIMUM: 101, NUMBER_MINIMUM_EXCLUSIVE: 102, NUMBER_MAXIMUM: 103,
  NUMBER_MAXIMUM_EXCLUSIVE: 104, NUMBER_NOT_A_NUMBER: 105, STRING_LENGTH_SHORT: 200, STRING_LENGTH_LONG: 201,
  STRING_PATTERN: 202, OBJECT_PROPERTIES_MINIMUM: 300, OBJECT_PROPERTIES_MAXIMUM: 301, OBJECT_REQUIRED: 302,
  OBJECT_ADDITIONAL_PROPERTIES: 303, OBJECT_DEPENDENCY_KEY: 304, ARRAY_LENGTH_SHORT: 400, ARRAY_LENGTH_LONG: 401,
  ARRAY_UNIQUE: 402, ARRAY_ADDITIONAL_ITEMS: 403, FORMAT_CUSTOM: 500, KEYWORD_CUSTOM: 501, CIRCULAR_REFERENCE: 600,
  UNKNOWN_PROPERTY: 1000,
};

const MESSAGES = {
  0: 'Invalid type: {type} (expected {expected})',
  1: 'No enum match for: {value}',
  10: 'Data does not match any schemas from "anyOf"',
  11: 'Data does not match any schemas from "oneOf"',
  12: 'Data is valid against more than one schema from "oneOf": indices {index1} and {index2}',
  13: 'Data matches schema from "not"',
  100: 'Value {value} is not a multiple of {multipleOf}',
  101: 'Value {value} is less than minimum {minimum}',
  102: 'Value {value} is equal to exclusive minimum {minimum}',
  103: 'Value {value} is greater than maximum {maximum}',
  104: 'Value {value} is equal to exclusive maximum {maximum}',
  105: 'Value {value} is not a valid number',
  200: 'String is too short ({length} chars), minimum {minimum}',
  201: 'String is too long ({length} chars), maximum {maximum}',
  202: 'String does not match pattern: {pattern}',
  300: 'Too few properties defined ({propertyCount}), minimum {minimum}',
  301: 'Too many properties defined ({propertyCount}), maximum {maximum}',
  302: 'Missing required property: {key}',
  303: 'Additional properties not allowed',
  304: 'Dependency failed - key must exist: {missing} (due to key: {key})',
  400: 'Array is too short ({length}), minimum {minimum}',
  401: 'Array is too long ({length}), maximum {maximum}',
  402: 'Array items are not unique (indices {match1} and {match2})',
  403: 'Additional items not allowed',
  500: 'Format validation failed ({message})',
  501: 'Keyword failed: {key} ({message})',
  600: 'Circular $refs: {urls}',
  1000: 'Unknown property (not in schema)',
};

function ValidationError(code, params, dataPath, schemaPath, subErrors) {
  Error.call(this);
  const message = MESSAGES[code].replace(/\{([^{}]*)\}/g, (whole, name) => {
    const v = params[name];
    return typeof v === 'string' || typeof v === 'number' ? v : whole;
  });
  this.message = message;
  this.params = params;
  this.code = code;
  this.dataPath = dataPath || '';
  this.schemaPath = schemaPath || '';
  this.subErrors = subErrors || null;
  this.stack = 'ValidationError: ' + message;
}
ValidationError.prototype = Object.create(Error.prototype);
ValidationError.prototype.constructor = ValidationError;
ValidationError.prototype.name = 'ValidationError';

const escapePointer = (s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1');
const typeOf = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A tv4 error from one record of the Rust validator. */
function toTv4(rec) {
  const p = rec.params;
  const v = rec.value;
  const at = '/' + rec.evalPath.filter((s) => s !== '$ref').map(escapePointer).join('/');
  const level = at.slice(0, at.lastIndexOf('/'));
  const here = (k) => level + '/' + k;
  const sub = () => (rec.sub || []).map((b) => (b.length ? toTv4(b[0]) : null)).filter(Boolean);
  switch (rec.keyword) {
    case 'type':
      return new ValidationError(0, { type: typeOf(v), expected: [].concat(p.type).join('/') }, rec.pointer, here('type'));
    case 'enum':
      return new ValidationError(1, { value: JSON.stringify(v) }, rec.pointer, here('type'));
    case 'anyOf':
      return new ValidationError(10, {}, rec.pointer, here('anyOf'), sub());
    case 'oneOf':
      if (p.passingSchemas) {
        return new ValidationError(12, { index1: p.passingSchemas[0], index2: p.passingSchemas[1] }, rec.pointer, here('oneOf'));
      }
      return new ValidationError(11, {}, rec.pointer, here('oneOf'), sub());
    case 'not':
      return new ValidationError(13, {}, rec.pointer, here('not'));
    case 'multipleOf':
      return new ValidationError(100, { value: v, multipleOf: p.multipleOf }, rec.pointer, '');
    case 'minimum':
      return new ValidationError(101, { value: v, minimum: p.limit }, rec.pointer, here('minimum'));
    case 'exclusiveMinimum':
      return new ValidationError(102, { value: v, minimum: p.limit }, rec.pointer, here('exclusiveMinimum'));
    case 'maximum':
      return new ValidationError(103, { value: v, maximum: p.limit }, rec.pointer, here('maximum'));
    case 'exclusiveMaximum':
      return new ValidationError(104, { value: v, maximum: p.limit }, rec.pointer, here('exclusiveMaximum'));
    case 'minLength':
      return new ValidationError(200, { length: [...v].length, minimum: p.limit }, rec.pointer, here('minLength'));
    case 'maxLength':
      return new ValidationError(201, { length: [...v].length, maximum: p.limit }, rec.pointer, here('maxLength'));
    case 'pattern':
      return new ValidationError(202, { pattern: p.pattern }, rec.pointer, here('pattern'));
    case 'minProperties':
      return new ValidationError(300, { propertyCount: Object.keys(v).length, minimum: p.limit }, rec.pointer, here('minProperties'));
    case 'maxProperties':
      return new ValidationError(301, { propertyCount: Object.keys(v).length, maximum: p.limit }, rec.pointer, here('maxProperties'));
    case 'required':
      return new ValidationError(302, { key: p.missingProperty }, rec.pointer, here('required/' + p.index));
    case 'additionalProperties':
      return new ValidationError(303, { key: p.additionalProperty }, rec.pointer + '/' + escapePointer(p.additionalProperty), here('additionalProperties'));
    case 'dependencies':
      return new ValidationError(304, { key: p.property, missing: p.missingProperty }, rec.pointer,
        here('dependencies/' + escapePointer(p.property) + '/' + p.index));
    case 'minItems':
      return new ValidationError(400, { length: v.length, minimum: p.limit }, rec.pointer, here('minItems'));
    case 'maxItems':
      return new ValidationError(401, { length: v.length, maximum: p.limit }, rec.pointer, here('maxItems'));
    case 'uniqueItems': {
      const [a, b] = (p.pairs && p.pairs[0]) || [p.j, p.i];
      return new ValidationError(402, { match1: a, match2: b }, rec.pointer, here('uniqueItems'));
    }
    case 'additionalItems':
      return new ValidationError(403, {}, rec.pointer + '/' + p.limit, here('additionalItems'));
    default:
      return new ValidationError(501, { key: rec.keyword, message: rec.keyword }, rec.pointer, at);
  }
}

/** Every error record (unique items: one per duplicate pair, as tv4 reports them). */
function expand(records) {
  const out = [];
  for (const r of records) {
    if (r.keyword === 'uniqueItems' && r.params.pairs && r.params.pairs.length > 1) {
      for (const pair of r.params.pairs) {
        const e = toTv4(r);
        e.params = { match1: pair[0], match2: pair[1] };
        e.message = MESSAGES[402].replace('{match1}', pair[0]).replace('{match2}', pair[1]);
        out.push(e);
      }
    } else {
      out.push(toTv4(r));
    }
  }
  return out;
}

function createApi() {
  const schemas = {};
  const api = {
    error: null,
    missing: [],
    errorCodes: ErrorCodes,
    ValidationError,
    _run(data, schema) {
      if (typeof schema === 'string') schema = schemas[schema.replace(/#$/, '')];
      if (schema === undefined || schema === null) schema = {};
      const out = N.schema.validate(schema, data, { style: 'tv4' });
      const missing = out.missing.slice();
      for (const m of out.missing) missing[m] = m;
      return { errors: expand(out.errors), missing };
    },
    validate(data, schema) {
      const r = api._run(data, schema);
      api.error = r.errors[0] || null;
      api.missing = r.missing;
      api.valid = api.error === null;
      return api.valid;
    },
    validateResult(data, schema) {
      const r = api._run(data, schema);
      const error = r.errors[0] || null;
      return {
        toString() { return this.error ? this.error.message : 'valid'; },
        error,
        missing: r.missing,
        valid: error === null,
      };
    },
    validateMultiple(data, schema) {
      const r = api._run(data, schema);
      return {
        toString() { return this.errors.length ? this.errors.map((e) => e.message).join('\n') : 'valid'; },
        errors: r.errors,
        missing: r.missing,
        valid: r.errors.length === 0,
      };
    },
    addSchema(uri, schema) {
      if (typeof uri === 'object' && uri !== null) {
        schema = uri;
        uri = schema.id || schema.$id;
      }
      if (typeof uri === 'string') schemas[uri.replace(/#$/, '')] = schema;
      return api;
    },
    getSchema(uri) { return schemas[String(uri).replace(/#$/, '')]; },
    getSchemaMap() { return Object.assign({}, schemas); },
    getSchemaUris(filter) { return Object.keys(schemas).filter((u) => !filter || filter.test(u)); },
    getMissingUris(filter) { return api.missing.filter((u) => !filter || filter.test(u)); },
    dropSchemas() {
      for (const k of Object.keys(schemas)) delete schemas[k];
    },
    reset() {
      api.dropSchemas();
      api.error = null;
      api.missing = [];
    },
    addFormat() {},
    defineKeyword() {},
    defineError() {},
    language() { return 'en'; },
    addLanguage() {},
    setErrorReporter() {},
    normSchema: (s) => s,
    resolveUrl(base, href) {
      try { return new URL(href, base).toString(); } catch (e) { return href; }
    },
    freshApi: () => createApi(),
    tv4: null,
  };
  api.tv4 = api;
  return api;
}

export default createApi();
