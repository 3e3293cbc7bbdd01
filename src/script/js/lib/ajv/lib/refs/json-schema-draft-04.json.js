// `require('ajv/lib/refs/json-schema-draft-04.json')`, for `ajv.addMetaSchema(...)` as Postman
// snippets do. Our validator knows draft-04 by `$schema`; this object only names it.
export default {
  id: 'http://json-schema.org/draft-04/schema#',
  $schema: 'http://json-schema.org/draft-04/schema#',
  description: 'Core schema meta-schema',
  type: 'object',
};
