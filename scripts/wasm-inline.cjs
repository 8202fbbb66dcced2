// whosaid_bg.wasm as a classic script, dist/wasm-inline.js, for the page opened from disk (file://), where
// fetch() of a .wasm is refused. Used by scripts/build-web.sh; tested by tests/node/wasm-inline.test.mjs.
//
// Encoding: one byte of the file per wasm byte, in a string literal of a file the page loads as windows-1252
// (`charset` on the script element it adds: file:// sends no Content-Type to override it), where each of the 256
// byte values is one character. The wasm byte values, sorted by frequency, get the file's bytes 1-255 except LF,
// CR, " and \ (the 251 most frequent), and the 5 rarest get \x00 \n \r \" \\. The file starts with
// the 256-character alphabet (alphabet[b] stands for byte b, as the browser decodes it) and the byte count, and
// decodes itself into self.WHOSAID_WASM (a Uint8Array), refusing anything that does not map back exactly (as the
// file read as UTF-8 would).
//
// Measured on the 532,210-byte module (file bytes, then `gzip -9 -c | wc -c`; the .wasm itself: 224,016):
//   one character per byte in UTF-8, by frequency (before: 133 byte values took two bytes)    554,313   232,534
//   one byte per byte read as windows-1252, as here                                            533,619   225,113
// gzip sees the module's own sequence of byte values, renamed, and a few escapes: 1.1 KB more than the .wasm.
// Over http the page fetches the .wasm instead (a server's Content-Type charset would override the element's).
"use strict";

/** The file bytes, in order, that stand for the wasm bytes from the most frequent to the least. */
const CODES = (() => {
  const codes = [];
  for (let c = 1; c < 0x100; c++) if (c !== 0x0a && c !== 0x0d && c !== 0x22 && c !== 0x5c) codes.push([c]);
  for (const e of ["\\x00", "\\n", "\\r", '\\"', "\\\\"]) codes.push([...Buffer.from(e)]);
  return codes;
})();

/** bytes -> {alphabet, text}: file bytes; alphabet holds the code of byte b at its b-th place, text one code per byte. */
function encodeBytes(bytes) {
  const freq = new Array(256).fill(0);
  for (const b of bytes) freq[b]++;
  const order = [...Array(256).keys()].sort((a, b) => freq[b] - freq[a] || a - b);
  const code = new Array(256);
  order.forEach((b, i) => (code[b] = CODES[i]));
  const out = [];
  for (let i = 0; i < bytes.length; i++) out.push(...code[bytes[i]]);
  return { alphabet: Buffer.from(code.flat()), text: Buffer.from(out) };
}

/**
 * The inverse, run by the page (its source is copied into wasm-inline.js): throws unless `alphabet` has 256 distinct
 * characters and `text` `size` characters, each in `alphabet` (not so when the file was read as, say, UTF-8).
 */
function whosaidDecodeWasm(alphabet, text, size) {
  const fail = () => {
    throw new Error("wasm-inline.js did not decode to the module (not read as windows-1252?)");
  };
  if (alphabet.length !== 256 || text.length !== size) fail();
  const byte = new Int16Array(0x10000).fill(-1);
  for (let b = 0; b < 256; b++) byte[alphabet.charCodeAt(b)] = b;
  for (let b = 0; b < 256; b++) if (byte[alphabet.charCodeAt(b)] !== b) fail(); // 256 distinct characters
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    const b = byte[text.charCodeAt(i)];
    if (b < 0) fail();
    out[i] = b;
  }
  return out;
}

/** wasm-inline.js (bytes, to be read as windows-1252) for `bytes`; run, it sets self.WHOSAID_WASM to a copy of them. */
function inlineScript(bytes) {
  const { alphabet, text } = encodeBytes(bytes);
  return Buffer.concat([
    Buffer.from(
      "// whosaid_bg.wasm for pages opened from disk, one byte per byte, read as windows-1252 (see scripts/wasm-inline.cjs).\n" +
        "self.WHOSAID_WASM = (" + whosaidDecodeWasm.toString() + ')(\n"',
    ),
    alphabet,
    Buffer.from('",\n"'),
    text,
    Buffer.from('",\n' + bytes.length + ");\n"),
  ]);
}

module.exports = { encodeBytes, whosaidDecodeWasm, inlineScript };
