// What the page's engine (www/engine.js, as built into dist/) hands to the page about every pair of quotation
// marks: result.quotations, offsets into the whole paste, ids remapped across the articles of a story.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openReady } from "./helpers.mjs";

const env = useBrowser();

/** whosaidAnalyzeAll and the engine's analyze on `texts` in the served page, as the worker runs them. */
async function run(texts) {
  const origin = env.server.origin + "/";
  const p = await openReady(env.browser.context, origin, (url) => url.startsWith(origin));
  await p.page.addScriptTag({ url: "engine.js" });
  const out = await p.page.evaluate(async (texts) => {
    const engine = whosaidEngine(); // eslint-disable-line no-undef
    await engine.init("whosaid_bg.wasm");
    return texts.map((t) => ({
      all: whosaidAnalyzeAll(engine, t), // eslint-disable-line no-undef
      spans: engine.analyzeSpans(t).quotations,
      full: engine.analyze(t).quotations,
    }));
  }, texts);
  p.assertClean();
  await p.page.close();
  return out;
}

test("one article: every pair, nested and unattributed ones too, with the same fields as analyze", async () => {
  const text = "😀 “She told me ‘no’,” Ann said.\n\nThe “experts” came late.";
  const [r] = await run([text]);
  assert.deepEqual(
    r.all.quotations.map((q) => [text.slice(q.start, q.end), q.id, q.n, q.doc, q.depth, q.parent, q.quote, q.kind]),
    [
      ["“She told me ‘no’,”", 0, 0, 0, 0, null, 0, "speech"],
      ["‘no’", 1, 1, 0, 1, 0, 0, "speech"],
      ["“experts”", 2, 2, 0, 0, null, null, "term"],
    ],
  );
  assert.equal(text.slice(r.all.quotes[0].start, r.all.quotes[0].end), "“She told me ‘no’,”");
  // analyzeSpans gives analyze's quotations without their texts.
  assert.deepEqual(
    r.spans,
    r.full.map((q) => ({ ...q, text: "" })),
  );
});

test("several articles: offsets into the paste, parent and quote ids into the whole lists", async () => {
  const a = "“One,” Ann said.";
  const b = "The “so-called ‘plan’” failed, Bo said. “Two,” Bo added.";
  const paste = `${a}\n=== second ===\n${b}`;
  const [r] = await run([paste]);
  const got = r.all.quotations.map((q) => [paste.slice(q.start, q.end), q.doc, q.n, q.parent, q.quote, q.kind]);
  // The second article's quotes are 1 (the reported clause holding the first pair) and 2 in the whole list.
  assert.deepEqual(got, [
    ["“One,”", 0, 0, null, 0, "speech"],
    ["“so-called ‘plan’”", 1, 0, null, 1, "speech"],
    ["‘plan’", 1, 1, 1, 1, "term"],
    ["“Two,”", 1, 2, null, 2, "speech"],
  ]);
  // A quotation's quote is the quote of its own article that holds it.
  for (const q of r.all.quotations.filter((q) => q.quote !== null)) {
    const quote = r.all.quotes[q.quote];
    assert.equal(quote.doc, q.doc);
    assert.ok(quote.start <= q.start && q.end <= quote.end, JSON.stringify([q, quote]));
  }
});
