// Big pastes and long sessions: the page answers while the worker analyses 10 MB, and memory stays flat over many
// analyses. How long the page takes is measured by scripts/bench.sh (its page benchmark), not asserted here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openReady, paste, waitAnalysed, readResults, fixture, DIST } from "./helpers.mjs";

const SEEDS = ["000_", "001_", "002_", "003_", "004_"].map(fixture);

const env = useBrowser();

function open(url) {
  return openReady(env.browser.context, url, (u) => u.startsWith(env.server.origin + "/") || u.startsWith("file://" + DIST + "/") || u.startsWith("blob:"));
}

const quoteCount = (status) => Number((/^(\d+) quotes?/.exec(status) || [])[1]);

/**
 * Pastes `copies` copies of `article` (+ `tail`) as the user would: a paste event on the focused
 * element, replacing its selection. The text is built in the page: sending 10 MB over the DevTools
 * protocol would itself stall the page.
 */
function pasteEvent(page, article, copies, tail = "") {
  return page.evaluate(([a, n, tail]) => {
    const t = Array(n).fill(a).join("\n\n") + tail;
    const target = document.activeElement || document.body;
    if (target.select) target.select();
    const data = new DataTransfer();
    data.setData("text/plain", t);
    target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    return document.documentElement.dataset.requested;
  }, [article, copies, tail]);
}

for (const where of ["http", "file"]) {
  test(`a 10 MB paste is kept out of the text box and analysed in full while the page answers (${where})`, async () => {
    const p = await open(where === "http" ? env.server.origin + "/" : "file://" + DIST + "/index.html");
    assert.equal(p.engine, where === "http" ? "worker" : "blob-worker");
    // One article's quote count, then ~10 MB of that article with no separator (one huge document).
    const article = SEEDS[2];
    await paste(p.page, article);
    const perCopy = quoteCount(await p.page.textContent("#status"));
    assert.ok(perCopy > 0, "seed 002 has quotes");
    const copies = Math.ceil((10 * 1024 * 1024) / (article.length + 2));
    const bigLength = copies * (article.length + 2) - 2;
    await p.page.evaluate(() => {
      window.__gaps = [];
      let last = performance.now();
      window.__beat = setInterval(() => {
        const now = performance.now();
        window.__gaps.push(now - last);
        last = now;
      }, 20);
    });
    await p.page.focus("#text");
    const first = await pasteEvent(p.page, article, copies);
    // The worker is now busy with 10 MB. The page answers at once, and a second paste (the same text
    // and a little more) supersedes the first job.
    const t0 = Date.now();
    const probe = await p.page.evaluate((id) => ({
      busy: document.documentElement.dataset.analysed !== id,
      info: document.getElementById("big-info").textContent,
      boxHidden: document.getElementById("text").hidden,
    }), first);
    const responseMs = Date.now() - t0;
    // The page answered while the worker was still busy (how fast is a figure of scripts/bench.sh, not a test).
    assert.ok(probe.busy, "the analysis finished before the page was probed; the probe proves nothing");
    assert.match(probe.info, /^Large text pasted: 10\.\d M characters\.$/);
    assert.equal(probe.boxHidden, true);
    const second = await pasteEvent(p.page, article, copies, "\n\nThe end.");
    assert.notEqual(second, first);
    await waitAnalysed(p.page, second, 120000);
    const status = await p.page.textContent("#status");
    assert.equal(quoteCount(status), copies * perCopy, status);
    const gaps = await p.page.evaluate(() => {
      clearInterval(window.__beat);
      return window.__gaps;
    });
    const worst = Math.max(...gaps);
    const ms = await p.page.evaluate(() => document.documentElement.dataset.ms);
    console.log(`# ${where}: ${(bigLength / 1048576).toFixed(1)} M chars analysed in ${ms} ms; page answered in ${responseMs} ms while busy; longest main-thread stall ${worst.toFixed(0)} ms`);
    // The annotated view shows the start of the text and offers the rest.
    const view = await p.page.evaluate(() => [document.getElementById("annotated").textContent.length, document.getElementById("more-text").hidden]);
    assert.ok(view[0] > 0 && view[0] < bigLength && view[1] === false, String(view));
    // Clear brings the empty text box back.
    await p.page.click("#clear");
    assert.equal(await p.page.evaluate(() => [document.getElementById("text").hidden, document.getElementById("text").value].join()), "false,");
    assert.deepEqual(p.errors, []);
    await p.page.close();
  });
}

test("a paste over the 32 M character limit is refused with a clear message, not analysed", async () => {
  const p = await open(env.server.origin + "/");
  await paste(p.page, SEEDS[2]);
  await p.page.focus("#text");
  const copies = Math.ceil((33 * 1024 * 1024) / (SEEDS[2].length + 2));
  await pasteEvent(p.page, SEEDS[2], copies);
  const seen = await p.page.evaluate(() => ({
    notice: document.getElementById("notice").textContent,
    status: document.getElementById("status").textContent,
    quotes: document.querySelectorAll("#quotes li").length,
    marks: document.querySelectorAll("#annotated mark").length,
    pending: document.documentElement.dataset.requested !== document.documentElement.dataset.analysed,
  }));
  assert.match(seen.notice, /^This text is 33\.\d M characters long; whosaid analyses up to 32\.0 M characters\./);
  assert.deepEqual([seen.quotes, seen.marks, seen.pending], [0, 0, false]);
  assert.equal(seen.status, "Paste an article to see who said what.");
  // A normal paste afterwards works again.
  await p.page.click("#clear");
  await paste(p.page, SEEDS[2]);
  assert.ok(quoteCount(await p.page.textContent("#status")) > 0);
  assert.equal(await p.page.evaluate(() => document.getElementById("notice").hidden), true);
  assert.deepEqual(p.errors, []);
  await p.page.close();
});

test("memory stays flat over 200 analyses", async () => {
  const p = await open(env.server.origin + "/");
  const cdp = await env.browser.context.newCDPSession(p.page);
  await cdp.send("Performance.enable");
  const measure = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const wasm = Number(await p.page.evaluate(() => document.documentElement.dataset.memory));
    return { heap: m.JSHeapUsedSize, nodes: m.Nodes, listeners: m.JSEventListeners, wasm };
  };
  // Different texts each time (an unchanged text is not re-analysed): the seeds with a counter.
  const run = async (from, to) => {
    for (let i = from; i < to; i++) await paste(p.page, SEEDS[i % SEEDS.length] + "\n\nRun " + i + ".");
  };
  await run(0, 20);
  const warm = await measure();
  await run(20, 220);
  const end = await measure();
  console.log("# memory after 20 runs:", JSON.stringify(warm), "after 220:", JSON.stringify(end));
  const r = await readResults(p.page);
  assert.ok(r.quotes.length > 0, "the last run found quotes");
  assert.ok(end.heap - warm.heap < 2 * 1024 * 1024, `JS heap grew by ${end.heap - warm.heap} bytes`);
  assert.ok(end.nodes <= warm.nodes * 1.5 + 200, `DOM nodes ${warm.nodes} -> ${end.nodes}`);
  assert.ok(end.listeners <= warm.listeners + 10, `listeners ${warm.listeners} -> ${end.listeners}`);
  assert.ok(end.wasm <= warm.wasm + 1024 * 1024, `wasm memory ${warm.wasm} -> ${end.wasm}`);
  assert.deepEqual(p.errors, []);
  await p.page.close();
});
