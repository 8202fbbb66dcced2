// The encoding of dist/wasm-inline.js (scripts/wasm-inline.cjs): every byte value comes back exactly, through
// the file's bytes read as windows-1252 and the script run as the page runs it; a file read otherwise is refused.
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
function run(fileBytes, encoding = "windows-1252") {
  const source = new TextDecoder(encoding).decode(fileBytes);
  const context = { self: {} };
  vm.runInNewContext(source, context);
  const out = context.self.WHOSAID_WASM;
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

const roundTrip = (bytes) => run(inlineScript(bytes));

/** Every byte value, in three frequency patterns (each value lands in each class of character at least once). */
function samples() {
  const all = Buffer.from([...Array(256).keys()]);
  const rising = Buffer.concat([...Array(256).keys()].map((b) => Buffer.alloc(b + 1, b))); // 255 most frequent
  const falling = Buffer.concat([...Array(256).keys()].map((b) => Buffer.alloc(256 - b, b))); // 0 most frequent
  let x = 12345;
  const random = Buffer.alloc(100000).map(() => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
  return { all, rising, falling, random, "rising+all": Buffer.concat([rising, all, falling.subarray(0, 1000)]) };
}

test("all 256 byte values round-trip exactly through the windows-1252 file", () => {
  for (const [name, bytes] of Object.entries(samples())) {
    assert.ok(new Set(bytes).size === 256, name + " holds every byte value");
    assert.ok(roundTrip(bytes).equals(bytes), name);
  }
  assert.equal(roundTrip(Buffer.alloc(0)).length, 0, "empty");
});

test("one file byte per wasm byte but for the 5 rarest values, escaped; no raw NUL, LF, CR, quote or backslash", () => {
  const escape = /\\x00|\\n|\\r|\\"|\\\\/g;
  for (const [name, bytes] of Object.entries(samples())) {
    const { alphabet, text } = encodeBytes(bytes);
    const letters = vm.runInNewContext('"' + new TextDecoder("windows-1252").decode(alphabet) + '"');
    assert.equal(letters.length, 256, name + ": one character per byte value");
    assert.equal(new Set(letters).size, 256, name + ": distinct");
    const escapes = alphabet.toString("latin1").match(escape) || [];
    assert.equal(escapes.length, 5, name);
    // The escaped values are the rarest: their extra bytes are as few as can be.
    const freq = new Array(256).fill(0);
    for (const b of bytes) freq[b]++;
    const escaped = [...Array(256).keys()].filter((b) => "\0\n\r\"\\".includes(letters[b]));
    assert.equal(escaped.length, 5, name);
    const rarest = [...freq].sort((x, y) => x - y).slice(0, 5).reduce((n, f) => n + f, 0);
    assert.equal(escaped.reduce((n, b) => n + freq[b], 0), rarest, name + ": the escaped values are the rarest");
    const longer = escaped.reduce((n, b) => n + freq[b] * (letters[b] === "\0" ? 3 : 1), 0);
    assert.equal(text.length, bytes.length + longer, name);
    const raw = Buffer.concat([alphabet, text]).toString("latin1").replace(escape, "");
    assert.doesNotMatch(raw, /["\\\n\r\0]/, name);
  }
});

test("a file decoded as anything but windows-1252 is refused, not turned into wrong bytes", () => {
  const file = inlineScript(samples().all);
  assert.throws(() => run(file, "utf-8"), /did not decode to the module/);
  assert.throws(() => run(file, "utf-16le"));
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
