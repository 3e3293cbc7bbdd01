// `require('ajv/lib/refs/json-schema-draft-07.json')`. Our validator knows draft-07 by
// `$schema`; this object only names it.
export default {
  $id: 'http://json-schema.org/draft-07/schema#',
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Core schema meta-schema',
  type: ['object', 'boolean'],
};
