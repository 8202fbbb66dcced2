// The page under big inputs (issue 14), in headless Chromium through the built page (dist/, served, its worker):
// each input is pasted for real (the clipboard, Ctrl+V in the text box) and measured as a user meets it.
// Not a test: scripts/bench.sh runs it and prints each figure beside its budget.
//
// Inputs:
//   article5mb    one 5 MB article (the seed articles repeated, no separator);
//   articles5000  5,000 articles of 1,000 characters, each after a line "===" (5 MB): the seed articles cut
//                 into 1,000-character pieces, in turn;
//   marks200k     200,000 quotation marks (“”, 100,000 pairs in one run with no space: the text a browser lays out
//                 slowest per character, see www/app/70-input.js).
// Figures per input:
//   result_ms     from the paste event to the result on screen (the page's data-analysed set);
//   worker_ms     the analysis inside the worker (whosaidAnalyzeAll, the page's data-ms);
//   paste_task_ms the longest main-thread task from the paste until the worker's result arrives
//                 (PerformanceObserver "longtask": tasks of 50 ms and more; 0 when there was none);
//   after_ms      the longest main-thread task from the result's arrival to 1.5 s after it is on screen;
//   clear_ms      Clear pressed (a real click) at five moments — while the worker analyses, about when the
//                 result arrives (three offsets) and after it is on screen: the longest time from the click to
//                 the next frame after its handler ran (Event Timing `duration`, in steps of 8 ms);
//   mem_before_mb / mem_after_mb  the browser's memory (the proportional set size of all its processes, after
//                 a garbage collection in the page) once the page is ready, and after the paste, its result
//                 and Clear (2 s later).
// Each input in a fresh browser (its memory its own, the wasm not yet tiered up: a first paste). The story stage's
// growth, time(5,000 articles) / time(500), is measured on the warm engine by scripts/bench-web.mjs.
// Prints one line per input and `RESULT name key=value ...` lines for scripts/bench.sh.
//
// Usage: node scripts/bench-page.mjs [--only NAME[,NAME]]   (dist/ must be built: scripts/build-web.sh)
import fs from "node:fs";
import path from "node:path";
import { launch, openPage, startServer, engineReady, FIXTURES } from "../tests/e2e/helpers.mjs";

const onlyArg = process.argv.indexOf("--only");
const ONLY = onlyArg > 0 ? process.argv[onlyArg + 1].split(",") : null;

const seeds = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => fs.readFileSync(path.join(FIXTURES, f), "utf8").trim());

/** The inputs, as functions of the seeds (and `articles`, below): built in the page (sending megabytes over the DevTools protocol is slow). */
const INPUTS = {
  article5mb: (seeds) => {
    const parts = [];
    for (let n = 0, i = 0; n < 5e6; i++) {
      parts.push(seeds[i % seeds.length]);
      n += seeds[i % seeds.length].length + 2;
    }
    return parts.join("\n\n").slice(0, 5e6);
  },
  articles5000: (seeds, articles) => articles(seeds, 5000),
  marks200k: () => "“”".repeat(100000),
};
/** `n` articles of 1,000 characters cut from the seeds in turn, each after a line "===". */
const articles = (seeds, n) => {
  const stream = seeds.join("\n\n") + "\n\n";
  const out = [];
  for (let i = 0; i < n; i++) {
    let piece = "";
    for (let at = (i * 1000) % stream.length; piece.length < 1000; at = 0) piece += stream.slice(at, at + 1000 - piece.length);
    out.push("===\n" + piece);
  }
  return out.join("\n");
};

/** Proportional set size, in MB, of every process of the browser started with `profile`. */
function browserMemoryMb(profile) {
  let kb = 0;
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmd.includes(profile)) continue;
      const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** In the page: observers for long tasks, long animation frames and the events of a click on Clear. */
function instrument() {
  const w = window;
  w.__bench = { long: [], loaf: [], events: [], paste: null, analysed: null };
  new PerformanceObserver((l) => w.__bench.long.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: "longtask" });
  try {
    new PerformanceObserver((l) => w.__bench.loaf.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: "long-animation-frame" });
  } catch {
    // not in this browser
  }
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (e.target && e.target.id === "clear") w.__bench.events.push({ name: e.name, start: e.startTime, duration: e.duration, delay: e.processingStart - e.startTime });
  }).observe({ type: "event", durationThreshold: 16 });
  document.addEventListener("paste", (e) => (w.__bench.paste = e.timeStamp), true);
  new MutationObserver(() => {
    const d = document.documentElement.dataset;
    if (d.analysed && d.analysed === d.requested && w.__bench.paste !== null && w.__bench.analysed === null) w.__bench.analysed = performance.now();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-analysed"] });
}

/** Puts the input on the clipboard (built in the page), clears the page's state of the last round. */
async function prepare(page, name) {
  await page.evaluate(
    async ({ src, seeds, articlesSrc }) => {
      const articles = (0, eval)("(" + articlesSrc + ")"); // eslint-disable-line no-eval
      const make = (0, eval)("(" + src + ")"); // eslint-disable-line no-eval
      const text = make(seeds, articles);
      window.__bench.length = text.length;
      await navigator.clipboard.writeText(text);
      Object.assign(window.__bench, { long: [], loaf: [], events: [], paste: null, analysed: null });
    },
    { src: INPUTS[name].toString(), seeds, articlesSrc: articles.toString() },
  );
}

/** Ctrl+V in the text box (or, when a large text is shown instead of it, on the page). */
async function pasteNow(page) {
  await page.evaluate(() => {
    const t = document.getElementById("text");
    if (!t.hidden) t.focus();
    else document.getElementById("big-edit").focus();
  });
  await page.keyboard.press("Control+V");
}

const waitResult = (page, timeout = 120000) => page.waitForFunction(() => window.__bench.analysed !== null, null, { timeout, polling: 50 });

async function clickClear(page) {
  const box = await page.locator("#clear").boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Waits until Clear has taken effect and the page is idle again. */
async function cleared(page) {
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Paste an article") && !document.getElementById("text").value, null, { timeout: 60000 });
  await sleep(300);
}

async function measure(context, profile, origin, name) {
  const { page, errors } = await openPage(context, (u) => u.startsWith(origin));
  await page.goto(origin + "/");
  await engineReady(page);
  await page.evaluate(instrument);
  const cdp = await context.newCDPSession(page);
  const gcMem = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    await sleep(1000);
    await cdp.send("HeapProfiler.collectGarbage");
    return browserMemoryMb(profile);
  };
  const out = { name };
  out.mem_before_mb = await gcMem();

  // Round 1: paste, result, 1.5 s of quiet, Clear.
  await prepare(page, name);
  await pasteNow(page);
  await waitResult(page);
  await sleep(1500);
  const r1 = await page.evaluate(() => {
    const b = window.__bench;
    const d = document.documentElement.dataset;
    // The task that handled the result: the last long task starting before the result was on screen and
    // ending after it, else the result's own time.
    const arrival = Math.min(b.analysed, ...b.long.filter((t) => t.start <= b.analysed && t.start + t.duration >= b.analysed - 1).map((t) => t.start));
    const max = (xs) => xs.reduce((m, t) => Math.max(m, t.duration), 0);
    return {
      length: b.length,
      result_ms: b.analysed - b.paste,
      worker_ms: Number(d.ms),
      paste_task_ms: max(b.long.filter((t) => t.start + t.duration >= b.paste - 1 && t.start < arrival)),
      after_ms: max(b.long.filter((t) => t.start >= arrival)),
      after_frame_ms: max(b.loaf.filter((t) => t.start + t.duration >= arrival)),
      status: document.getElementById("status").textContent,
    };
  });
  Object.assign(out, r1);
  await clickClear(page);
  await cleared(page);
  await sleep(1700);
  out.mem_after_mb = await gcMem();

  // Clear at five moments: while analysing, about when the result arrives, after it is on screen.
  const moments = [["busy", 0.3], ["arrival-150", 1], ["arrival", 1], ["arrival+100", 1], ["after", 1]];
  const offsets = { busy: 0, "arrival-150": -150, arrival: 0, "arrival+100": 100, after: 0 };
  out.clear = {};
  for (const [moment, f] of moments) {
    await prepare(page, name);
    const t0 = Date.now();
    await pasteNow(page);
    if (moment === "after") {
      await waitResult(page);
      await sleep(500);
    } else {
      await sleep(Math.max(0, r1.result_ms * f + offsets[moment] - (Date.now() - t0)));
    }
    await clickClear(page);
    await cleared(page);
    const ev = await page.evaluate(() => window.__bench.events);
    out.clear[moment] = ev.reduce((m, e) => Math.max(m, e.duration), 0);
  }
  out.clear_ms = Math.max(...Object.values(out.clear));
  if (errors.length) throw new Error(name + ": page errors: " + errors.join("; "));
  await page.close();
  return out;
}

const server = await startServer();
const results = [];
try {
  for (const name of Object.keys(INPUTS)) {
    if (ONLY && !ONLY.includes(name)) continue;
    // A fresh browser per input, so that its memory is its own.
    const { context, close, profile } = await launch();
    try {
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
      results.push(await measure(context, profile, server.origin, name));
    } finally {
      await close();
    }
    const r = results[results.length - 1];
    console.log(
      `${name} (${r.length} characters; ${r.status}): result ${r.result_ms.toFixed(0)} ms after the paste (worker ${r.worker_ms.toFixed(0)} ms); ` +
        `longest task: ${r.paste_task_ms.toFixed(0)} ms before the result, ${r.after_ms.toFixed(0)} ms after (longest frame after: ${r.after_frame_ms.toFixed(0)} ms); ` +
        `Clear ${Object.entries(r.clear).map(([k, v]) => k + " " + v.toFixed(0)).join(", ")} ms; ` +
        `memory ${r.mem_before_mb.toFixed(0)} MB before, ${r.mem_after_mb.toFixed(0)} MB after Clear`,
    );
    const keys = ["result_ms", "worker_ms", "paste_task_ms", "after_ms", "after_frame_ms", "clear_ms", "mem_before_mb", "mem_after_mb"];
    console.log(`RESULT ${name} ` + keys.map((k) => `${k}=${r[k].toFixed(1)}`).join(" "));
  }
} finally {
  await server.close();
}
