// The library globals Postman's sandbox defines (`CryptoJS`, `_`, `atob`, …), each loaded lazily
// from its built-in module the first time a script touches it. One line per library.
import { lazyGlobal } from '../prelude/require.js';

export function installLibraries() {
  lazyGlobal('CryptoJS', 'crypto-js');
}
