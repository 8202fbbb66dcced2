// The encoding of dist/wasm-inline.js (scripts/wasm-inline.cjs): every byte value comes back exactly, through
// the file's UTF-8 bytes and the script run as the page runs it; a file read as anything but UTF-8 is refused.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { inlineScript, encodeBytes } = createRequire(import.meta.url)(path.join(ROOT, "scripts/wasm-inline.cjs"));

/** Runs wasm-inline.js given as file bytes, decoded as a browser would with `encoding`; returns the bytes. */
function run(fileBytes, encoding = "utf-8") {
  const source = new TextDecoder(encoding).decode(fileBytes); // strips the UTF-8 byte-order mark, as browsers do
  const context = { self: {} };
  vm.runInNewContext(source, context);
  const out = context.self.WHOSAID_WASM;
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

const roundTrip = (bytes) => run(Buffer.from(inlineScript(bytes), "utf8"));

/** Every byte value, in three frequency patterns (each value lands in each class of character at least once). */
function samples() {
  const all = Buffer.from([...Array(256).keys()]);
  const rising = Buffer.concat([...Array(256).keys()].map((b) => Buffer.alloc(b + 1, b))); // 255 most frequent
  const falling = Buffer.concat([...Array(256).keys()].map((b) => Buffer.alloc(256 - b, b))); // 0 most frequent
  let x = 12345;
  const random = Buffer.alloc(100000).map(() => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
  return { all, rising, falling, random, "rising+all": Buffer.concat([rising, all, falling.subarray(0, 1000)]) };
}

test("all 256 byte values round-trip exactly through the UTF-8 file", () => {
  for (const [name, bytes] of Object.entries(samples())) {
    assert.ok(new Set(bytes).size === 256, name + " holds every byte value");
    assert.ok(roundTrip(bytes).equals(bytes), name);
  }
  assert.equal(roundTrip(Buffer.alloc(0)).length, 0, "empty");
});

test("the string literals need no escape: no NUL, LF, CR, quote, backslash or line separator", () => {
  for (const [name, bytes] of Object.entries(samples())) {
    const { alphabet, text } = encodeBytes(bytes);
    assert.equal(new Set(alphabet).size, 256, name + ": one character per byte value");
    assert.equal(text.length, bytes.length, name);
    assert.doesNotMatch(alphabet + text, /["\\\n\r\0\u2028\u2029]/, name);
    assert.ok([...alphabet].every((c) => c.charCodeAt(0) <= 0x104), name + ": one or two UTF-8 bytes");
  }
  assert.ok(inlineScript(Buffer.from([1])).startsWith("\ufeff"), "starts with a UTF-8 byte-order mark");
});

test("a file decoded as anything but UTF-8 is refused, not turned into wrong bytes", () => {
  const file = Buffer.from(inlineScript(samples().all), "utf8");
  assert.throws(() => run(file.subarray(3), "windows-1252"), /did not decode to the module/);
  assert.throws(() => run(file.subarray(3), "utf-16le"));
});

const dist = path.join(ROOT, "dist");
const built = fs.existsSync(path.join(dist, "wasm-inline.js"));
test("dist/wasm-inline.js decodes to dist/whosaid_bg.wasm, byte for byte", { skip: !built && "dist/ not built" }, () => {
  const wasm = fs.readFileSync(path.join(dist, "whosaid_bg.wasm"));
  const decoded = run(fs.readFileSync(path.join(dist, "wasm-inline.js")));
  assert.equal(decoded.length, wasm.length);
  assert.ok(decoded.equals(wasm));
  assert.ok(WebAssembly.validate(decoded), "a valid module");
});
