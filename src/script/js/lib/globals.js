// The library globals Postman's sandbox defines (`CryptoJS`, `_`, `atob`, …), each loaded lazily
// from its built-in module the first time a script touches it. One line per library.
// eslint-disable-next-line no-unused-vars
import { lazyGlobal, requireModule } from '../prelude/require.js';

export function installLibraries() {
  // lazyGlobal('CryptoJS', 'crypto-js');
  lazyGlobal('_', 'lodash3/index');
  lazyGlobal('tv4', 'tv4');
  lazyGlobal('cheerio', 'cheerio');
  lazyGlobal('xml2Json', 'xml2js', (m) => m.xml2Json);
  // pm.response.to.have.jsonSchema's validator (Ajv, allErrors): {valid, errors: [text…]}.
  Object.defineProperty(globalThis, '__postie_validateSchema', {
    value: (schema, data, options) => requireModule('ajv').__forAssertion(schema, data, options),
    enumerable: false,
    writable: false,
    configurable: false,
  });
}
