// `require('atob')` and the `atob` global as Newman has them (the npm `atob` package's
// behaviour): forgiving base64 decode (either alphabet, stray characters skipped), result as a
// binary (latin1) string. The browser's strict atob would reject a JWT's base64url segments.
const B = globalThis.__postie.bytes;

export default function atob(str) {
  return B.latin1Decode(B.base64Decode(String(str)));
}
