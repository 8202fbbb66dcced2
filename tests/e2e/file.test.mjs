// The built page opened straight from disk (file://): no server, no ES modules, no fetch of .wasm.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useBrowser, openReady, paste, waitAnalysed, readResults, fixture, DIST } from "./helpers.mjs";

const BASE = "file://" + DIST + "/";
const env = useBrowser({ serve: false });

/** The page from disk; every request stays in its directory (blob: URLs are the page's own). */
function open(query) {
  return openReady(env.browser.context, BASE + "index.html" + query, (u) => u.startsWith(BASE) || u.startsWith("blob:null/"));
}

test("from disk: the sample story is analysed in a background worker", async () => {
  const p = await open("?sample");
  assert.equal(p.engine, "blob-worker");
  await p.page.waitForFunction(() => document.getElementById("text").value.length > 0);
  await waitAnalysed(p.page);
  const r = await readResults(p.page);
  assert.match(r.status, /^\d+ quotes, \d+ speakers in 5 articles\.$/);
  const wait = r.highlights.find((h) => h.text.includes("I suggest we wait for the talks"));
  assert.ok(wait, "quote “I suggest we wait for the talks” not highlighted");
  assert.match(wait.title, /^Dmitry Peskov/);
  // Across the story a speaker goes by one name, with the other spellings listed ("also: …").
  for (const surname of ["Peskov", "Medinsky", "Podoliak", "Herashchenko", "Bachelet"]) {
    assert.ok(r.speakers.some((s) => (s.name + " " + s.facts).includes(surname)), surname);
  }
  // Files the page loaded: its own scripts (no worker.js: file:// refuses it), the inlined wasm, the samples.
  const files = p.requests.filter((u) => u.startsWith(BASE)).map((u) => u.slice(BASE.length).replace(/\?.*/, "")).sort();
  assert.deepEqual(files, ["app.js", "engine.js", "index.html", "samples.js", "style.css", "wasm-inline.js"]);
  p.assertClean();
  await p.page.close();
});

/** FNV-1a over bytes (the same function runs in the page). */
function fnv1a(bytes) {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  return h;
}

test("from disk: the module decoded from wasm-inline.js is whosaid_bg.wasm, and a pasted passage is analysed", async () => {
  const p = await open("");
  assert.equal(p.engine, "blob-worker");
  const wasm = fs.readFileSync(path.join(DIST, "whosaid_bg.wasm"));
  const inPage = await p.page.evaluate(`(${fnv1a.toString()})(self.WHOSAID_WASM)`);
  assert.equal(await p.page.evaluate(() => self.WHOSAID_WASM.length), wasm.length);
  assert.equal(inPage, fnv1a(wasm), "the decoded module differs from whosaid_bg.wasm");
  // A passage of seed 004 pasted: the quote and its speaker, as the worker built from disk finds them.
  const passage = fixture("004_").split("\n").find((l) => l.includes("Dmytro Kuleba"));
  await paste(p.page, passage);
  const r = await readResults(p.page);
  assert.equal(r.status, "1 quote, 1 speaker.");
  assert.deepEqual(r.speakers.map((s) => s.name), ["Dmytro Kuleba"]);
  assert.equal(r.quotes.length, 1);
  assert.equal(r.quotes[0].who, "Dmytro Kuleba");
  assert.match(r.quotes[0].quoted, /^“We will not surrender, we will not capitulate, .*territory,”$/);
  assert.match(r.quotes[0].meta, /^direct · cue: said/);
  p.assertClean();
  await p.page.close();
});

test("from disk: the main-thread fallback works too and agrees with the worker", async () => {
  const a = await open("");
  await paste(a.page, fixture("002_"));
  const b = await open("?engine=main-thread");
  assert.equal(b.engine, "main-thread");
  await paste(b.page, fixture("002_"));
  const [ra, rb] = [await readResults(a.page), await readResults(b.page)];
  assert.ok(ra.quotes.length > 0);
  assert.deepEqual(rb.quotes, ra.quotes);
  a.assertClean();
  b.assertClean();
  await a.page.close();
  await b.page.close();
});
