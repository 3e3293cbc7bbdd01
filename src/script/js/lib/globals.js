// The library globals Postman's sandbox defines (`CryptoJS`, `_`, `atob`, …), each loaded lazily
// from its built-in module the first time a script touches it. One line per library.
import { lazyGlobal, requireModule } from '../prelude/require.js';

export function installLibraries() {
  lazyGlobal('CryptoJS', 'crypto-js');
  lazyGlobal('atob', 'atob');
  lazyGlobal('btoa', 'btoa');
  lazyGlobal('Buffer', 'buffer', (m) => m.Buffer);
  lazyGlobal('crypto', 'platform/webcrypto', (m) => m.crypto);
  lazyGlobal('TextEncoder', 'platform/encoding', (m) => m.TextEncoder);
  lazyGlobal('TextDecoder', 'platform/encoding', (m) => m.TextDecoder);
  lazyGlobal('structuredClone', 'platform/clone');
  lazyGlobal('URL', 'url', (m) => m.URL);
  lazyGlobal('URLSearchParams', 'url', (m) => m.URLSearchParams);
  // Postman's `_` is lodash 3; `require('lodash')` is lodash 4.
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
