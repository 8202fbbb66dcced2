// The encoding of dist/wasm-inline.js (scripts/wasm-inline.cjs): every byte comes back exactly, through the file's
// bytes and the script run as the page runs it; a damaged file is refused, never turned into wrong bytes.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { inlineScript } = createRequire(import.meta.url)(path.join(ROOT, "scripts/wasm-inline.cjs"));

/**
 * Runs wasm-inline.js given as file bytes, decoded as a browser would with `encoding`, with the browser functions
 * the decoder uses; returns the bytes it yields, after checking that self.WHOSAID_WASM then holds them too.
 */
async function run(fileBytes, encoding = "utf-8") {
  const source = new TextDecoder(encoding).decode(fileBytes);
  const context = { self: {}, atob, Response, DecompressionStream, Uint8Array, Error };
  vm.runInNewContext(source, context);
  assert.equal(typeof context.self.WHOSAID_WASM.then, "function", "a Promise until decoded");
  const out = await context.self.WHOSAID_WASM;
  assert.equal(context.self.WHOSAID_WASM, out, "then the bytes themselves");
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

const file = async (bytes) => Buffer.from(await inlineScript(bytes), "utf8");
const roundTrip = async (bytes) => run(await file(bytes));

/** Every byte value, in three frequency patterns, and a pseudo-random stretch. */
function samples() {
  const all = Buffer.from([...Array(256).keys()]);
  const rising = Buffer.concat([...Array(256).keys()].map((b) => Buffer.alloc(b + 1, b)));
  let x = 12345;
  const random = Buffer.alloc(100000).map(() => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 16) & 0xff);
  return { all, rising, random, "rising+all": Buffer.concat([rising, all]) };
}

test("every byte value round-trips exactly", async () => {
  for (const [name, bytes] of Object.entries(samples())) {
    assert.ok((await roundTrip(bytes)).equals(bytes), name);
  }
  assert.equal((await roundTrip(Buffer.alloc(0))).length, 0, "empty");
});

test("the file is plain ASCII, so any ASCII-compatible charset reads it the same", async () => {
  const bytes = samples().random;
  const f = await file(bytes);
  assert.ok(f.every((b) => b >= 0x20 && b < 0x7f || b === 0x0a), "printable ASCII and newlines only");
  for (const encoding of ["utf-8", "windows-1252", "iso-8859-2"]) {
    assert.ok((await run(f, encoding)).equals(bytes), encoding);
  }
});

test("a damaged file is refused, not turned into wrong bytes", async () => {
  const bytes = samples().random;
  const f = (await file(bytes)).toString("latin1");
  // The payload: the string literal after the decoder's source, `)(\n"…"`.
  const start = f.indexOf(')(\n"') + 4;
  const end = f.indexOf('"', start);
  assert.ok(start > 4 && end - start > 1000);
  // One base64 character changed in the middle of the payload: the gzip check fails.
  const mid = Math.floor((start + end) / 2);
  const flipped = f.slice(0, mid) + (f[mid] === "A" ? "B" : "A") + f.slice(mid + 1);
  await assert.rejects(run(Buffer.from(flipped, "latin1")));
  // The payload cut short (by a multiple of 4 characters, so it is still base64).
  await assert.rejects(run(Buffer.from(f.slice(0, end - 400) + f.slice(end), "latin1")));
  // A byte count that is not the module's.
  const wrongSize = f.replace(/,\n(\d+)\);\n$/, (_, n) => ",\n" + (Number(n) + 1) + ");\n");
  assert.notEqual(wrongSize, f);
  await assert.rejects(run(Buffer.from(wrongSize, "latin1")), /did not decode to the module/);
});

const dist = path.join(ROOT, "dist");
const built = fs.existsSync(path.join(dist, "wasm-inline.js"));
test("dist/wasm-inline.js decodes to dist/whosaid_bg.wasm, byte for byte", { skip: !built && "dist/ not built" }, async () => {
  const wasm = fs.readFileSync(path.join(dist, "whosaid_bg.wasm"));
  const decoded = await run(fs.readFileSync(path.join(dist, "wasm-inline.js")));
  assert.equal(decoded.length, wasm.length);
  assert.ok(decoded.equals(wasm));
  assert.ok(WebAssembly.validate(decoded), "a valid module");
});
