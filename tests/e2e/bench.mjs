// Browser benchmark (not a test): throughput of the built wasm in headless Chromium, and the page's payload.
//   bash scripts/build-web.sh && node tests/e2e/bench.mjs
// Targets (from the project's issues): >= 20 MB/s on typical articles, page payload <= 260 KB gzipped.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { startServer, launch, openPage, engineReady, waitAnalysed, fixture, DIST } from "./helpers.mjs";

const SEEDS = ["000_", "001_", "002_", "003_", "004_"].map(fixture);
const utf8 = (s) => Buffer.byteLength(s, "utf8");

const server = await startServer();
const browser = await launch();
try {
  const { page } = await openPage(browser.context, (u) => u.startsWith(server.origin + "/"));
  await page.goto(server.origin + "/");
  await engineReady(page);
  await page.addScriptTag({ url: "engine.js" });
  const results = await page.evaluate(async (seeds) => {
    const engine = whosaidEngine(); // eslint-disable-line no-undef
    await engine.init("whosaid_bg.wasm");
    const bytes = (s) => new TextEncoder().encode(s).length;
    const out = {};
    // Typical articles, one call each, repeated for at least 3 s after a warm-up.
    for (const s of seeds) engine.analyze(s);
    let n = 0;
    let size = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 3000) {
      for (const s of seeds) {
        n += engine.analyze(s).quotes.length;
        size += bytes(s);
      }
    }
    out.articles = { bytes: size, ms: performance.now() - t0, quotes: n };
    // One long document made of copies of seed 002.
    for (const mb of [1, 10]) {
      const copies = Math.ceil((mb * 1048576) / (seeds[2].length + 2));
      const big = Array(copies).fill(seeds[2]).join("\n\n");
      const t = performance.now();
      const q = engine.analyze(big).quotes.length;
      out["doc" + mb] = { bytes: bytes(big), ms: performance.now() - t, quotes: q };
    }
    // The five seeds as one story.
    const t1 = performance.now();
    let groups = 0;
    for (let i = 0; i < 20; i++) groups = engine.analyzeStory(seeds).story.quote_groups.length;
    out.story = { bytes: 20 * seeds.reduce((a, s) => a + bytes(s), 0), ms: performance.now() - t1, groups };
    out.memory = engine.memoryBytes();
    return out;
  }, SEEDS);

  // The page itself: "Sample story" pressed -> highlights on screen, through the worker.
  const t = Date.now();
  await page.goto(server.origin + "/?sample");
  await page.waitForFunction(() => document.getElementById("text").value.length > 0);
  await waitAnalysed(page);
  const pageMs = Date.now() - t;
  await page.close();

  const mbps = (r) => (r.bytes / 1e6 / (r.ms / 1000)).toFixed(1);
  console.log("whosaid in headless Chromium " + (await browser.context.browser()?.version?.() ?? ""));
  console.log(`  typical articles (5 seeds, ${(results.articles.bytes / 1e6).toFixed(1)} MB in all): ${mbps(results.articles)} MB/s`);
  console.log(`  one 1 MB document:  ${results.doc1.ms.toFixed(0)} ms, ${mbps(results.doc1)} MB/s`);
  console.log(`  one 10 MB document: ${results.doc10.ms.toFixed(0)} ms, ${mbps(results.doc10)} MB/s`);
  console.log(`  story of the 5 seeds: ${(results.story.ms / 20).toFixed(1)} ms each, ${mbps(results.story)} MB/s`);
  console.log(`  page: sample story loaded and shown in ${pageMs} ms (cold start, worker included)`);
  console.log(`  wasm linear memory after the 10 MB document: ${(results.memory / 1048576).toFixed(0)} MiB`);

  const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length;
  const raw = (f) => fs.statSync(path.join(DIST, f)).size;
  const served = ["index.html", "style.css", "app.js", "worker.js", "engine.js", "wasm-inline.js"];
  const total = served.reduce((a, f) => a + gz(f), 0);
  console.log(`  whosaid_bg.wasm: ${raw("whosaid_bg.wasm")} bytes, ${gz("whosaid_bg.wasm")} gzipped`);
  console.log(`  page payload (served): ${total} bytes gzipped (${served.join(", ")})`);
  const missed = [];
  if (Number(mbps(results.articles)) < 20) missed.push(">= 20 MB/s on typical articles");
  if (total > 260000) missed.push("<= 260000 bytes gzipped");
  console.log(missed.length ? "  TARGETS NOT MET: " + missed.join(", ") : "  targets met");
} finally {
  await browser.close();
  await server.close();
}
