// whosaid_bg.wasm as a classic script, dist/wasm-inline.js, for the page opened from disk (file://), where
// fetch() of a .wasm is refused. Used by scripts/build-web.sh; tested by tests/node/wasm-inline.test.mjs.
//
// Encoding: one character per wasm byte in a UTF-8 string literal, the byte values sorted by frequency and
// given characters in that order: the 123 most frequent bytes printable or control ASCII (U+0001-U+007F
// without NUL, LF, CR, " and \, so the literal needs no escape at all), the other 133 U+0080-U+0104 (two
// bytes in UTF-8). The file starts with the 256-character alphabet (alphabet[b] stands for byte b) and
// the byte count, and decodes itself into self.WHOSAID_WASM (a Uint8Array), refusing anything that does
// not map back exactly. A UTF-8 byte-order mark makes browsers decode the file as UTF-8 whatever the
// page's or the script element's charset.
//
// Measured on the 550,562-byte module (rustc opt-level s, wasm-opt -O3), file bytes and `gzip -9 -c | wc -c`:
//   raw .wasm (what the served page fetches)                          550,562   218,567
//   base64 (before)                                                    734,095   293,820
//   one char per byte, same value (Latin-1), escapes \\ \" \n \r \0    667,930   232,313
//   one char per byte, by frequency, as here                          569,943   224,135
//   the same without any control character (U+0020-U+007E, U+00A0-)   582,545   226,301
//   base64 of the gzipped module, for DecompressionStream             295,555   223,422
// Base64 cuts the bytes into 6-bit pieces, so gzip finds few of the module's repeats; a character per byte
// keeps every repeat. In byte order, 15 % of the bytes need an escape (NUL alone is 9 %, then LF, " and CR)
// and 5.6 % take two UTF-8 bytes; in frequency order none needs an escape and 3.4 % take two bytes. The
// gzip-in-base64 variant is 0.7 KB smaller but needs DecompressionStream (Safari 16.4, Firefox 113) and an
// async decode; this needs nothing beyond charCodeAt.
"use strict";

/** The characters, in order, that stand for the bytes from the most frequent to the least. */
const CODES = (() => {
  const codes = [];
  for (let c = 1; c < 0x80; c++) if (c !== 0x0a && c !== 0x0d && c !== 0x22 && c !== 0x5c) codes.push(c);
  for (let c = 0x80; codes.length < 256; c++) codes.push(c);
  return codes;
})();

/** bytes -> {alphabet, text}: alphabet[b] is the character for byte b; text has one character per byte. */
function encodeBytes(bytes) {
  const freq = new Array(256).fill(0);
  for (const b of bytes) freq[b]++;
  const order = [...Array(256).keys()].sort((a, b) => freq[b] - freq[a] || a - b);
  const char = new Array(256);
  order.forEach((b, i) => (char[b] = String.fromCharCode(CODES[i])));
  const parts = new Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) parts[i] = char[bytes[i]];
  return { alphabet: char.join(""), text: parts.join("") };
}

/**
 * The inverse, run by the page (its source is copied into wasm-inline.js): throws unless `text` has
 * `size` characters, each in `alphabet`, as when the file was read as anything but UTF-8.
 */
function whosaidDecodeWasm(alphabet, text, size) {
  const fail = () => {
    throw new Error("wasm-inline.js did not decode to the module (not read as UTF-8?)");
  };
  if (alphabet.length !== 256 || text.length !== size) fail();
  const byte = new Int16Array(0x10000).fill(-1);
  for (let b = 0; b < 256; b++) byte[alphabet.charCodeAt(b)] = b;
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    const b = byte[text.charCodeAt(i)];
    if (b < 0) fail();
    out[i] = b;
  }
  return out;
}

/** The source of wasm-inline.js for `bytes`; run, it sets self.WHOSAID_WASM to a copy of `bytes`. */
function inlineScript(bytes) {
  const { alphabet, text } = encodeBytes(bytes);
  for (const s of [alphabet, text]) if (/["\\\n\r\0\u2028\u2029]/.test(s)) throw new Error("character needing an escape");
  return (
    "\ufeff// whosaid_bg.wasm for pages opened from disk, one character per byte (see scripts/wasm-inline.cjs).\n" +
    "self.WHOSAID_WASM = (" + whosaidDecodeWasm.toString() + ")(\n\"" + alphabet + "\",\n\"" + text + "\",\n" +
    bytes.length + ");\n"
  );
}

module.exports = { encodeBytes, whosaidDecodeWasm, inlineScript };
