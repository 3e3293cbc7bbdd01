// `require('btoa')` and the `btoa` global as Newman has them (the npm `btoa` package's
// behaviour): each character's low byte, base64-encoded; a Buffer is encoded as is.
const B = globalThis.__postie.bytes;

export default function btoa(str) {
  if (str instanceof Uint8Array) return B.base64Encode(str);
  const s = String(str);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i) & 0xff;
  return B.base64Encode(bytes);
}
