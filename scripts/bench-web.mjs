// Throughput of the page's own engine in headless Chromium: dist/engine.js (the wasm-bindgen glue and
// whosaidAnalyzeAll, what the page's worker runs) with dist/whosaid_bg.wasm, served from dist/ and driven by
// playwright-core in Debian's Chromium as tests/e2e/helpers.mjs does. Not a test: scripts/bench.sh runs it.
//
// Prints, medians of several runs after a warm-up (see below): MB/s on the seed articles repeated to 1 MB and 10 MB,
// the first 1 MB analysis on its own (cold), and the time to analyse one typical article (seed 001, 5.6 KB), timed in
// batches of 20 so that Chromium's coarse clock (0.1 ms) does not blur it; and the story of 500 and of 5,000 articles
// of 1,000 characters (analyzeStorySpans: every article analysed, then the story across them). The last lines are
// machine-readable: `RESULT key=value ...`.
//
// Usage: node scripts/bench-web.mjs [--runs N]   (dist/ must be built: scripts/build-web.sh)
import fs from "node:fs";
import path from "node:path";
import { launch, openPage, startServer, engineReady, FIXTURES } from "../tests/e2e/helpers.mjs";

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Math.max(1, parseInt(process.argv[runsArg + 1], 10)) : 5;

const seeds = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => fs.readFileSync(path.join(FIXTURES, f), "utf8"));
const article = seeds[1];

const server = await startServer();
const { context, close } = await launch();
try {
  const { page, errors } = await openPage(context, (url) => url.startsWith(server.origin));
  // main-thread: the page loads engine.js itself, so its functions can be timed from here.
  await page.goto(server.origin + "/index.html?engine=main-thread");
  await engineReady(page);
  const result = await page.evaluate(
    async ({ seeds, article, runs }) => {
      const engine = whosaidEngine(); // eslint-disable-line no-undef
      await engine.init(await (await fetch("whosaid_bg.wasm")).arrayBuffer());
      const analyse = (t) => whosaidAnalyzeAll(engine, t); // eslint-disable-line no-undef
      // Its quotes are numbers (the page makes objects of those it shows): counts[a] quotes in article a.
      const quotes = (r) => r.counts.reduce((n, c) => n + c, 0);
      const corpus = (bytes) => {
        // The seeds repeated, a blank line between copies, to `bytes` UTF-8 bytes (as the native bench).
        const enc = new TextEncoder();
        const parts = [];
        let n = 0;
        for (let i = 0; n < bytes; i++) {
          const s = seeds[i % seeds.length].trimEnd() + "\n\n";
          parts.push(s);
          n += enc.encode(s).length;
        }
        let t = parts.join("");
        let b = enc.encode(t);
        t = new TextDecoder().decode(b.slice(0, bytes)).replace(/\uFFFD$/, "");
        return { text: t, bytes: enc.encode(t).length };
      };
      const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
      const out = {};
      // V8 runs wasm first as baseline (Liftoff) code and compiles the hot functions again, optimised (TurboFan), in
      // the background: on this 2-core machine the first 1 MB analyses took 135, 66, 63, 63, 52 ms and every later
      // one about 33 ms. The first analysis is reported on its own (cold); the timed runs start once 2 s of 1 MB
      // analyses (at least 8) have let the tier-up finish, so that they measure the engine the page runs after its
      // first seconds.
      {
        const { text } = corpus(1e6);
        let t0 = performance.now();
        analyse(text);
        out.cold = performance.now() - t0;
        t0 = performance.now();
        for (let r = 0; r < 8 || performance.now() - t0 < 2000; r++) analyse(text);
      }
      // 1 MB and 10 MB take turns, round after round, so that both meet the same spells of a busy machine (their
      // ratio would otherwise compare one spell with another).
      const sizes = [1, 10].map((mb) => {
        const { text, bytes } = corpus(mb * 1e6);
        const warm = analyse(text);
        return { mb, text, bytes, warm, times: [] };
      });
      for (let r = 0; r < runs; r++) {
        for (const z of sizes) {
          for (let k = 0; k < (z.mb === 1 ? 2 : 1); k++) {
            const t0 = performance.now();
            analyse(z.text);
            z.times.push(performance.now() - t0);
          }
        }
      }
      for (const z of sizes) {
        out["mb" + z.mb] = { bytes: z.bytes, ms: median(z.times), quotes: quotes(z.warm), speakers: z.warm.speakers.length };
      }
      // The story stage: 500 and 5,000 articles of 1,000 characters (the page benchmark's input, scripts/bench-page.mjs)
      // through analyzeStorySpans, taking turns, after one warm-up each.
      {
        const stream = seeds.map((s) => s.trim()).join("\n\n") + "\n\n";
        const pieces = (n) => Array.from({ length: n }, (_, i) => {
          let p = "";
          for (let at = (i * 1000) % stream.length; p.length < 1000; at = 0) p += stream.slice(at, at + 1000 - p.length);
          return p.trim();
        });
        const sets = [500, 5000].map((n) => ({ n, texts: pieces(n), times: [] }));
        for (const z of sets) engine.analyzeStorySpans(z.texts);
        for (let r = 0; r < Math.max(2, Math.ceil(runs / 2)); r++) {
          for (const z of sets) {
            const t0 = performance.now();
            engine.analyzeStorySpans(z.texts);
            z.times.push(performance.now() - t0);
          }
        }
        out.story = sets.map((z) => ({ n: z.n, ms: median(z.times), runs: z.times.length }));
      }
      // One article: 25 batches of 20 analyses, after a warm-up.
      for (let i = 0; i < 50; i++) analyse(article);
      const per = [];
      for (let b = 0; b < 25; b++) {
        const t0 = performance.now();
        for (let i = 0; i < 20; i++) analyse(article);
        per.push((performance.now() - t0) / 20);
      }
      out.article = { bytes: new TextEncoder().encode(article).length, ms: median(per), quotes: quotes(analyse(article)) };
      return out;
    },
    { seeds, article, runs: RUNS },
  );
  if (errors.length) throw new Error("page errors: " + errors.join("; "));
  const { version } = await page.evaluate(() => ({ version: navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] }));
  for (const k of ["mb1", "mb10"]) {
    const r = result[k];
    console.log(
      `wasm in ${version} ${(r.bytes / 1e6).toFixed(2)} MB: ${r.ms.toFixed(1)} ms (${(r.bytes / 1e6 / (r.ms / 1e3)).toFixed(1)} MB/s), ` +
        `${r.quotes} quotes, ${r.speakers} speakers, median of ${k === "mb1" ? RUNS * 2 : RUNS}`,
    );
  }
  console.log(`wasm first 1 MB analysis after loading (cold: baseline code, before the optimising tier): ${result.cold.toFixed(1)} ms`);
  for (const z of result.story) console.log(`wasm story of ${z.n} articles of 1,000 characters (analyzeStorySpans): ${z.ms.toFixed(0)} ms, median of ${z.runs}`);
  const a = result.article;
  console.log(`wasm one article (${a.bytes} bytes, ${a.quotes} quotes): ${a.ms.toFixed(3)} ms, median of 25 batches of 20`);
  console.log(
    `RESULT mb1_bytes=${result.mb1.bytes} mb1_ms=${result.mb1.ms.toFixed(3)} mb10_bytes=${result.mb10.bytes} ` +
      `mb10_ms=${result.mb10.ms.toFixed(3)} article_bytes=${a.bytes} article_ms=${a.ms.toFixed(4)} ` +
      `story500_ms=${result.story[0].ms.toFixed(1)} story5000_ms=${result.story[1].ms.toFixed(1)}`,
  );
} finally {
  await close();
  await server.close();
}
