// The library globals Postman's sandbox defines (`CryptoJS`, `_`, `atob`, …), each loaded lazily
// from its built-in module the first time a script touches it. One line per library.
import { lazyGlobal } from '../prelude/require.js';

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
}
