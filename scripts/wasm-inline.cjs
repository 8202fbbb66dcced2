// whosaid_bg.wasm as a classic script, dist/wasm-inline.js, for the page opened from disk (file://), where
// fetch() of a .wasm is refused. Used by scripts/build-web.sh; tested by tests/node/wasm-inline.test.mjs.
//
// Encoding: the module gzipped with zopfli (a deflate encoder that searches harder than gzip -9: 6 % smaller),
// in base64 in a string literal. The file is plain ASCII, so it reads the same whatever charset a browser
// assumes. The page decodes it with atob and DecompressionStream("gzip") (Chrome 80, Firefox 113, Safari
// 16.4): the script sets self.WHOSAID_WASM to a Promise of the bytes, and once they are decoded to the bytes
// themselves (a Uint8Array). The gzip CRC and the byte count refuse anything that does not decode to the module.
//
// Measured on the 509,087-byte module (rustc opt-level s, wasm-opt -O3), file bytes and `gzip -9 -c | wc -c`:
//   raw .wasm (what the served page fetches)                          509,087   219,335
//   one char per byte, by frequency, in UTF-8 (before)                529,542   225,461
//   base64 of the module gzipped by zlib level 9 (node's zlib)        296,444   224,032
//   base64 of the module gzipped by GNU gzip -9                       292,424   221,061
//   base64 of the module gzipped by zopfli (15 iterations), as here   274,512   207,460
// Base64 of compressed bytes gzips back to about their own size (64 equally likely symbols: 6 bits each), so the
// file costs what its payload does, and zopfli's payload is smaller than gzip -9 of the module itself: opened
// from disk, the page is now smaller than served. (One character per byte kept the module's repeats for gzip
// to find, but 133 byte values took two UTF-8 bytes: 2.8 % over the module.)
"use strict";

const { gzipAsync } = require("@gfx/zopfli");

/**
 * The inverse, run by the page (its source is copied into wasm-inline.js): the `size` bytes that `b64` (base64 of
 * a gzip stream) holds; rejects on a corrupt stream or a wrong length. Also sets self.WHOSAID_WASM to them.
 */
async function whosaidDecodeWasm(b64, size) {
  const packed = atob(b64);
  const bytes = new Uint8Array(packed.length);
  for (let i = 0; i < packed.length; i++) bytes[i] = packed.charCodeAt(i);
  const stream = new Response(bytes).body.pipeThrough(new DecompressionStream("gzip"));
  const out = new Uint8Array(await new Response(stream).arrayBuffer());
  if (out.length !== size) throw new Error("wasm-inline.js did not decode to the module");
  return (self.WHOSAID_WASM = out);
}

/** The source of wasm-inline.js for `bytes`; run, it sets self.WHOSAID_WASM (see above). */
async function inlineScript(bytes) {
  const b64 = Buffer.from(await gzipAsync(bytes, { numiterations: 15 })).toString("base64");
  return (
    "// whosaid_bg.wasm for pages opened from disk, gzipped, in base64 (see scripts/wasm-inline.cjs).\n" +
    "self.WHOSAID_WASM = (" + whosaidDecodeWasm.toString() + ")(\n\"" + b64 + "\",\n" + bytes.length + ");\n"
  );
}

module.exports = { whosaidDecodeWasm, inlineScript };
