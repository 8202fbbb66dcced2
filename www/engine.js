// The whosaid engine, shared by the Web Worker and the main-thread fallback.
//
// Plain functions, no globals beyond their names (whosaid…), so that the page can also start a Worker from
// their own source text (a blob: URL) when it is opened from disk, where `new Worker("worker.js")` is
// refused. scripts/build-web.sh inserts the npm package's classic-script glue (npm/wasm/script.js, wasm-bindgen
// `--target no-modules`, which defines `whosaid`) at the marker below.
"use strict";

/** The wasm module behind a small API; `init(source)` takes the .wasm URL or its bytes. */
function whosaidEngine() {
  /* @@WASM_BINDGEN_GLUE@@ */
  const glue = whosaid; // eslint-disable-line no-undef
  return {
    init: (source) => glue({ module_or_path: source }),
    analyze: (text) => glue.analyze(text),
    // The same as numbers, without the span texts, which the page slices from its own copy (src/wasm.rs).
    analyzeSpans: (text) => glue.analyzeSpans(text),
    analyzeStory: (texts) => glue.analyzeStory(texts),
    analyzeStorySpans: (texts) => glue.analyzeStorySpans(texts),
    version: () => glue.version(),
    memoryBytes: () => glue.memoryBytes(),
  };
}

/**
 * The articles of a paste: a line that starts with "===" separates them. [{index, start, end, title}], offsets in
 * UTF-16 units (title: the separator's label, e.g. "=== reuters.txt ===", else the article's first line; a label
 * "Article 2 of 5" only numbers it).
 */
function whosaidArticles(text) {
  const docs = [];
  const space = (i) => {
    const c = text.charCodeAt(i);
    return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
  };
  const push = (start, end, label) => {
    while (start < end && space(start)) start++;
    while (end > start && space(end - 1)) end--;
    if (start < end) {
      const head = label || text.slice(start, Math.min(end, start + 400)).split("\n")[0].trim();
      docs.push({ index: docs.length, start, end, title: head.length > 90 ? head.slice(0, 89) + "…" : head });
    }
  };
  const sep = /^===.*$/gm;
  let from = 0;
  let label = "";
  for (let m; (m = sep.exec(text)) !== null; ) {
    push(from, m.index, label);
    from = m.index + m[0].length;
    label = m[0].replace(/^=+|=+$/g, "").trim();
    if (/^article \d+( of \d+)?$/i.test(label)) label = "";
  }
  push(from, text.length, label);
  return docs;
}

/**
 * Analyses a paste of one or more articles (see whosaidArticles). One article goes through `analyzeSpans`;
 * several through `analyzeStorySpans`, which analyses each on its own (no pronoun reaches across articles) and
 * merges speakers across them however each outlet spells them. The result is mostly numbers, which the worker
 * hands to the page without copying (whosaidTransfer) and the page makes objects of as it shows them
 * (www/app/10-state.js):
 *   {docs: [{index, start, end, title}],
 *    names: [kind and sieve names],
 *    quotes: Uint32Array, counts: Uint32Array   (src/output.rs FlatQuotes of each article in turn, counts[a] quotes
 *                                                 of article a; offsets into the article; speaker ids: `speakers`)
 *    speakers: [{id, name, kind, gender, aliases, descriptions, affiliation, quotes, docs, counts, possibly_same}],
 *      (counts: [{article, quotes}], quotes per article)
 *    groups, ops: Uint32Array, diff: string      (statements in several articles, src/story/flat.rs; empty for one)
 *    quotations: Uint32Array, 8 numbers for each pair of quotation marks, attributed or not, in
 *      text order (an outer pair before the pairs inside it):
 *        start, end   from the opening to the closing mark, offsets into the paste
 *        doc, n       its article, and its id there (as in the core's `quotations`)
 *        depth        0 for a pair inside no other
 *        parent       the pair it is inside, counted in this list (its numbers start at 8 × parent), or 0xffffffff
 *        quote        the id of the attributed quote it is part of, counted over all articles' quotes, or 0xffffffff
 *        kind         an index into quotationKinds
 *    quotationKinds: ["speech", "term", "title"],
 *    story: whether there are several articles (the story can be exported: whosaidStoryJson)}
 */
function whosaidAnalyzeAll(engine, text) {
  const docs = whosaidArticles(text);
  const none = new Uint32Array(0);
  const kinds = ["speech", "term", "title"];
  const out = { docs, names: [], quotes: none, counts: none, speakers: [], groups: none, ops: none, diff: "", quotations: none, quotationKinds: kinds, story: docs.length > 1 };
  if (docs.length === 0) return out;
  let r;
  if (docs.length === 1) {
    r = engine.analyzeSpans(text.slice(docs[0].start, docs[0].end));
    let n = 0;
    for (let k = 0; k < r.quotes.length; k += 11 + 2 * r.quotes[k + 10]) n++; // FlatQuotes: 11 a quote, 2 a part
    out.counts = new Uint32Array([n]);
    r.quotationCounts = [r.quotations.length / 6];
    out.speakers = r.speakers.map((s) => ({ id: s.id, name: s.name, kind: s.kind, gender: s.gender, aliases: s.aliases, descriptions: s.descriptions, affiliation: null, quotes: s.quotes, docs: [0], counts: [{ article: 0, quotes: s.quotes }], possibly_same: [] }));
  } else {
    r = engine.analyzeStorySpans(docs.map((d) => text.slice(d.start, d.end)));
    Object.assign(out, { counts: r.counts, groups: r.groups, ops: r.ops, diff: r.diff });
    out.speakers = r.speakers.map((s) => ({ id: s.id, name: s.name, kind: s.kind, gender: s.gender, aliases: s.aliases, descriptions: s.descriptions, affiliation: s.affiliation, quotes: s.total_quotes, docs: s.articles, counts: s.quotes, possibly_same: s.possibly_same }));
  }
  out.names = r.names;
  out.quotes = r.quotes;
  // Quotations: 6 numbers each from the engine (start, end, depth, parent, quote, kind in `names`), ids in their
  // article, made 8 each with ids and offsets into the whole paste.
  const q = r.quotations;
  const qs = (out.quotations = new Uint32Array((q.length / 6) * 8));
  const NONE = 0xffffffff;
  const up = (x, by) => (x === NONE ? NONE : x + by);
  for (let a = 0, at = 0, quoteBase = 0; a < docs.length; quoteBase += out.counts[a++]) {
    const first = at;
    for (let i = 0; i < r.quotationCounts[a]; i++, at++) {
      const k = 6 * at;
      qs.set([q[k] + docs[a].start, q[k + 1] + docs[a].start, a, i, q[k + 2], up(q[k + 3], first), up(q[k + 4], quoteBase), kinds.indexOf(r.names[q[k + 5]])], 8 * at);
    }
  }
  return out;
}

/** The buffers of a whosaidAnalyzeAll result, to transfer rather than copy to the page. */
function whosaidTransfer(r) {
  return [r.quotes, r.counts, r.groups, r.ops, r.quotations].map((a) => a.buffer).filter((b, i, all) => b.byteLength && all.indexOf(b) === i);
}

/** The core's analyze_story output for the articles of `text`, as JSON (the page's story export). */
function whosaidStoryJson(engine, text) {
  const docs = whosaidArticles(text);
  return JSON.stringify(engine.analyzeStory(docs.map((d) => text.slice(d.start, d.end))));
}

/**
 * The message loop. `scope` is a worker's global scope or an object with the same two members
 * (`onmessage`, `postMessage`) for the main-thread fallback. Messages in:
 *   {type: "init", wasm: URL string | ArrayBuffer}      (first, exactly once)
 *   {type: "analyze", id, text}
 * Messages out:
 *   {type: "ready", version} | {type: "result", id, result, ms, memory} | {type: "error", id, message}
 */
function whosaidWorker(scope) {
  const engine = whosaidEngine();
  let ready = null;
  // Warm-up, in a worker only: V8 first runs wasm as baseline code and optimises the functions that run a lot, in
  // the background; a few small stories (about 0.3 s, a slice at a time, stopped by the first real job) let that
  // happen before the first paste, whose analysis took about a third less time then (5,000 articles).
  let warm = typeof WorkerGlobalScope === "function" ? 15 : 0; // eslint-disable-line no-undef
  const line = (i) => `“Talks on the ${i} corridor resume on Friday in Geneva,” said John Smith, the envoy. He added that they were “difficult”. According to Mary Jones, a plan is ready.\n\n`;
  const warmUp = () => {
    if (warm-- <= 0) return;
    engine.analyzeStorySpans([0, 1, 2].map((a) => Array.from({ length: 12 }, (_, i) => line(a * 12 + i)).join("")));
    setTimeout(warmUp, 0);
  };
  scope.onmessage = async (event) => {
    const msg = event.data;
    if (msg.type === "init") {
      ready = engine.init(msg.wasm).then(
        () => {
          scope.postMessage({ type: "ready", version: engine.version() });
          setTimeout(warmUp, 0);
        },
        (e) => {
          scope.postMessage({ type: "error", id: null, message: "cannot start the analyser: " + e });
          throw e;
        },
      );
      return;
    }
    if (msg.type !== "analyze" && msg.type !== "json") return;
    warm = 0;
    try {
      await ready;
      if (msg.type === "json") {
        scope.postMessage({ type: "json", id: msg.id, json: whosaidStoryJson(engine, msg.text) });
        return;
      }
      const t0 = performance.now();
      const result = whosaidAnalyzeAll(engine, msg.text);
      const ms = performance.now() - t0;
      scope.postMessage({ type: "result", id: msg.id, result, ms, memory: engine.memoryBytes() }, whosaidTransfer(result));
    } catch (e) {
      scope.postMessage({ type: "error", id: msg.id, message: String((e && e.message) || e) });
    }
  };
}
