// What the page's engine (www/engine.js, as built into dist/) hands to the page about every pair of quotation
// marks: result.quotations, offsets into the whole paste, ids remapped across the articles of a story.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openReady } from "./helpers.mjs";

const env = useBrowser();

const NONE = 0xffffffff;

/** The page's quotations (8 numbers each) as rows [text, id, n, doc, depth, parent, quote, kind]. */
function rows(all, text) {
  const q = all.quotations;
  const out = [];
  for (let k = 0; k < q.length; k += 8) {
    const id = (x) => (x === NONE ? null : x);
    out.push([text.slice(q[k], q[k + 1]), k / 8, q[k + 3], q[k + 2], q[k + 4], id(q[k + 5]), id(q[k + 6]), all.quotationKinds[q[k + 7]]]);
  }
  return out;
}

/** whosaidAnalyzeAll and the engine's analyze on `texts` in the served page, as the worker runs them. */
async function run(texts) {
  const origin = env.server.origin + "/";
  const p = await openReady(env.browser.context, origin, (url) => url.startsWith(origin));
  await p.page.addScriptTag({ url: "engine.js" });
  const out = await p.page.evaluate(async (texts) => {
    const engine = whosaidEngine(); // eslint-disable-line no-undef
    await engine.init("whosaid_bg.wasm");
    return texts.map((t) => {
      const all = whosaidAnalyzeAll(engine, t); // eslint-disable-line no-undef
      const spans = engine.analyzeSpans(t);
      // The quotes' articles and offsets into the paste, from the numbers (FlatQuotes, counts[a] for article a).
      const quotes = [];
      let k = 0;
      all.docs.forEach((d, a) => {
        for (let i = 0; i < all.counts[a]; i++, k += 11 + 2 * all.quotes[k + 10]) {
          quotes.push({ doc: a, start: all.quotes[k + 1] + d.start, end: all.quotes[k + 2] + d.start });
        }
      });
      // Typed arrays come back from the page as objects: hand them over as arrays.
      return {
        all: { quotes, quotationKinds: all.quotationKinds, quotations: Array.from(all.quotations), typed: all.quotations instanceof Uint32Array },
        spans: { quotations: Array.from(spans.quotations), names: spans.names },
        full: engine.analyze(t).quotations,
      };
    });
  }, texts);
  p.assertClean();
  await p.page.close();
  return out;
}

test("one article: every pair, nested and unattributed ones too, with the same fields as analyze", async () => {
  const text = "😀 “She told me ‘no’,” Ann said.\n\nThe “experts” came late.";
  const [r] = await run([text]);
  assert.equal(r.all.typed, true);
  assert.deepEqual(r.all.quotationKinds, ["speech", "term", "title"]);
  assert.deepEqual(
    rows(r.all, text),
    [
      ["“She told me ‘no’,”", 0, 0, 0, 0, null, 0, "speech"],
      ["‘no’", 1, 1, 0, 1, 0, 0, "speech"],
      ["“experts”", 2, 2, 0, 0, null, null, "term"],
    ],
  );
  assert.equal(text.slice(r.all.quotes[0].start, r.all.quotes[0].end), "“She told me ‘no’,”");
  // analyzeSpans gives analyze's quotations as numbers, six each.
  assert.deepEqual(
    r.spans.quotations,
    r.full.flatMap((q) => [q.start, q.end, q.depth, q.parent ?? NONE, q.quote ?? NONE, r.spans.names.indexOf(q.kind)]),
  );
  assert.deepEqual(
    r.full.map((q) => q.text),
    r.full.map((q) => text.slice(q.start, q.end)),
  );
});

test("several articles: offsets into the paste, parent and quote ids into the whole lists", async () => {
  const a = "“One,” Ann said.";
  const b = "The “so-called ‘plan’” failed, Bo said. “Two,” Bo added.";
  const paste = `${a}\n=== second ===\n${b}`;
  const [r] = await run([paste]);
  const got = rows(r.all, paste).map(([t, , n, doc, , parent, quote, kind]) => [t, doc, n, parent, quote, kind]);
  // The second article's quotes are 1 (the reported clause holding the first pair) and 2 in the whole list.
  assert.deepEqual(got, [
    ["“One,”", 0, 0, null, 0, "speech"],
    ["“so-called ‘plan’”", 1, 0, null, 1, "speech"],
    ["‘plan’", 1, 1, 1, 1, "term"],
    ["“Two,”", 1, 2, null, 2, "speech"],
  ]);
  // A quotation's quote is the quote of its own article that holds it.
  const q = r.all.quotations;
  for (let k = 0; k < q.length; k += 8) {
    if (q[k + 6] === NONE) continue;
    const quote = r.all.quotes[q[k + 6]];
    assert.equal(quote.doc, q[k + 2]);
    assert.ok(quote.start <= q[k] && q[k + 1] <= quote.end, JSON.stringify([q.slice(k, k + 8), quote]));
  }
});
