// The library globals Postman's sandbox defines (`CryptoJS`, `_`, `atob`, …), each loaded lazily
// from its built-in module the first time a script touches it. One line per library.
// eslint-disable-next-line no-unused-vars
import { lazyGlobal } from '../prelude/require.js';

export function installLibraries() {
  // lazyGlobal('CryptoJS', 'crypto-js');
  lazyGlobal('_', 'lodash3/index');
  lazyGlobal('tv4', 'tv4');
  lazyGlobal('cheerio', 'cheerio');
  lazyGlobal('xml2Json', 'xml2js', (m) => m.xml2Json);
}
