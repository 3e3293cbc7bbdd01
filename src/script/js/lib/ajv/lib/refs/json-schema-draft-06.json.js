// `require('ajv/lib/refs/json-schema-draft-06.json')`, for `ajv.addMetaSchema(...)`. Our
// validator knows draft-06 by `$schema`; this object only names it.
export default {
  $id: 'http://json-schema.org/draft-06/schema#',
  $schema: 'http://json-schema.org/draft-06/schema#',
  title: 'Core schema meta-schema',
  type: ['object', 'boolean'],
};
