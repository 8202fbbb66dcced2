// The whosaid engine, shared by the Web Worker and the main-thread fallback.
//
// Three plain functions, no globals beyond their names, so that the page can also start a Worker from
// their own source text (a blob: URL) when it is opened from disk, where `new Worker("worker.js")` is
// refused. scripts/build-web.sh inserts the npm package's classic-script glue (npm/wasm/script.js, wasm-bindgen
// `--target no-modules`, which defines `whosaid`) at the marker below.
"use strict";

/** The wasm module behind a small API; `init(source)` takes the .wasm URL or its bytes. */
function whosaidEngine() {
  /* @@WASM_BINDGEN_GLUE@@ */
  const glue = whosaid; // eslint-disable-line no-undef
  /**
   * The result of the wasm `analyzeSpans` as `analyze` gives it, every span text empty: its quotes come as numbers
   * (src/output.rs, FlatQuotes: 11 per quote, then 2 per part; kind and sieve index `names`; confidence as the bits
   * of an f32; 0xffffffff for none), made into objects here, which is faster than making them from Rust. Its
   * quotations stay numbers (6 each: start, end, depth, parent, quote, kind, which indexes `names`), for
   * whosaidAnalyzeAll.
   */
  function flatQuotes(r) {
    const n = r.quotes;
    const f = new Float32Array(n.buffer, n.byteOffset, n.length);
    const NONE = 0xffffffff;
    const span = (k) => (n[k] === NONE ? null : { start: n[k], end: n[k + 1], text: "" });
    const quotes = [];
    for (let k = 0; k < n.length; ) {
      const parts = [];
      for (let p = 0; p < n[k + 10]; p++) parts.push(span(k + 11 + 2 * p));
      quotes.push({
        id: quotes.length,
        kind: r.names[n[k]],
        start: n[k + 1],
        end: n[k + 2],
        text: "",
        cue: span(k + 3),
        speaker: span(k + 5),
        speaker_id: n[k + 7] === NONE ? null : n[k + 7],
        confidence: f[k + 8],
        sieve: r.names[n[k + 9]],
        parts,
      });
      k += 11 + 2 * parts.length;
    }
    return { id: r.id, quotes, speakers: r.speakers, quotations: r.quotations, names: r.names };
  }
  return {
    init: (source) => glue({ module_or_path: source }),
    analyze: (text) => glue.analyze(text),
    // The same without the span texts, which the page slices from its own copy; quotations as numbers (see above).
    analyzeSpans: (text) => flatQuotes(glue.analyzeSpans(text)),
    analyzeStory: (texts) => glue.analyzeStory(texts),
    version: () => glue.version(),
    memoryBytes: () => glue.memoryBytes(),
  };
}

/**
 * Analyses a paste of one or more articles. A line that starts with "===" separates articles. One
 * article goes through `analyze`; several go through `analyze_story`, which analyses each on its own (no
 * pronoun reaches across articles) and merges speakers across them however each outlet spells them.
 * The page gets one result with offsets into the whole paste, in UTF-16 units as JS strings count:
 *   {docs: [{index, start, end, title}],   (title: the separator's label, e.g. "=== reuters.txt ===", else
 *                                            the article's first line; a label "Article 2 of 5" only numbers it)
 *    quotes: [{id, n, doc, kind, start, end, parts, cue, speaker, speaker_id, confidence, sieve}],
 *      (n: the quote's id in its article, as in the core's output)
 *      (spans are {start, end} only: text.slice(start, end) is their text)
 *    speakers: [{id, name, kind, gender, aliases, descriptions, affiliation, quotes, docs, counts, possibly_same}],
 *      (counts: [{article, quotes}], quotes per article)
 *    quotations: Uint32Array, 8 numbers for each pair of quotation marks, attributed or not, in
 *      text order (an outer pair before the pairs inside it):
 *        start, end   from the opening to the closing mark, offsets into the paste
 *        doc, n       its article, and its id there (as in the core's `quotations`)
 *        depth        0 for a pair inside no other
 *        parent       the pair it is inside, counted in this list (its numbers start at 8 × parent), or 0xffffffff
 *        quote        the id in `quotes` of the attributed quote it is part of, or 0xffffffff
 *        kind         an index into quotationKinds
 *      (numbers, not objects: a 10 MB paste has tens of thousands, which the worker hands over without a copy)
 *    quotationKinds: ["speech", "term", "title"],
 *    groups: [{id, similarity, conflict, versions: [{doc, quote, speaker, kind, text, similarity, diff}]}],
 *    json: the core's story output ({documents, story}) as a JSON string, for export; null for one article}
 */
function whosaidAnalyzeAll(engine, text) {
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

  const kinds = ["speech", "term", "title"];
  const out = { docs, quotes: [], speakers: [], quotations: new Uint32Array(0), quotationKinds: kinds, groups: [], json: null };
  if (docs.length === 0) return out;
  const texts = docs.map((d) => text.slice(d.start, d.end));
  let documents;
  let speakerOf; // (doc index, speaker id in that document) -> id in out.speakers
  let groups = [];
  if (docs.length === 1) {
    documents = [engine.analyzeSpans(texts[0])];
    for (const s of documents[0].speakers) {
      out.speakers.push({ id: s.id, name: s.name, kind: s.kind, gender: s.gender, aliases: s.aliases, descriptions: s.descriptions, affiliation: null, quotes: s.quotes, docs: [0], counts: [{ article: 0, quotes: s.quotes }], possibly_same: [] });
    }
    speakerOf = (d, id) => id;
  } else {
    const story = engine.analyzeStory(texts);
    documents = story.documents;
    const map = documents.map(() => new Map());
    for (const s of story.story.speakers) {
      for (const [a, id] of s.members) map[a].set(id, s.id);
      out.speakers.push({ id: s.id, name: s.name, kind: s.kind, gender: s.gender, aliases: s.aliases, descriptions: s.descriptions, affiliation: s.affiliation, quotes: s.total_quotes, docs: s.articles, counts: s.quotes, possibly_same: s.possibly_same });
    }
    speakerOf = (d, id) => (map[d].has(id) ? map[d].get(id) : null);
    groups = story.story.quote_groups;
    // One string crosses to the page far faster than the object graph; the page only downloads it.
    out.json = JSON.stringify(story);
  }
  // Spans carry offsets only: the page slices its own copy of the text (a 10 MB paste's result would
  // otherwise copy most of the text again through postMessage).
  const shift = (span, by) => (span ? { start: span.start + by, end: span.end + by } : null);
  const base = [];
  // Quotations: numbers from analyzeSpans (6 each), objects from analyzeStory.
  const NONE = 0xffffffff;
  const flat = (r) => ArrayBuffer.isView(r.quotations);
  const rows = documents.map((r) => (flat(r) ? r.quotations.length / 6 : r.quotations.length));
  const qs = (out.quotations = new Uint32Array(8 * rows.reduce((a, b) => a + b, 0)));
  let at = 0;
  documents.forEach((r, d) => {
    const by = docs[d].start;
    const first = at;
    const up = (x, b) => (x === null || x === NONE ? NONE : x + b);
    for (let i = 0; i < rows[d]; i++, at++) {
      const q = flat(r) ? r.quotations.subarray(6 * i, 6 * i + 6) : r.quotations[i];
      const [start, end, depth, parent, quote, kind] = flat(r) ? [...q.slice(0, 5), r.names[q[5]]] : [q.start, q.end, q.depth, q.parent, q.quote, q.kind];
      qs.set([start + by, end + by, d, i, depth, up(parent, first), up(quote, out.quotes.length), kinds.indexOf(kind)], 8 * at);
    }
    base.push(out.quotes.length);
    for (const q of r.quotes) {
      out.quotes.push({
        id: out.quotes.length,
        n: q.id,
        doc: d,
        kind: q.kind,
        start: q.start + by,
        end: q.end + by,
        parts: (q.parts || []).map((p) => shift(p, by)),
        cue: shift(q.cue, by),
        speaker: shift(q.speaker, by),
        speaker_id: q.speaker_id === null || q.speaker_id === undefined ? null : speakerOf(d, q.speaker_id),
        confidence: q.confidence,
        sieve: q.sieve,
      });
    }
  });
  out.groups = groups.map((g) => ({
    id: g.id,
    similarity: g.similarity,
    conflict: g.conflict,
    reference: g.reference,
    versions: g.versions.map((v) => ({ doc: v.article, quote: base[v.article] + v.quote, speaker: v.speaker, kind: v.kind, text: v.text, similarity: v.similarity, diff: v.diff })),
  }));
  return out;
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
  scope.onmessage = async (event) => {
    const msg = event.data;
    if (msg.type === "init") {
      ready = engine.init(msg.wasm).then(
        () => scope.postMessage({ type: "ready", version: engine.version() }),
        (e) => {
          scope.postMessage({ type: "error", id: null, message: "cannot start the analyser: " + e });
          throw e;
        },
      );
      return;
    }
    if (msg.type !== "analyze") return;
    try {
      await ready;
      const t0 = performance.now();
      const result = whosaidAnalyzeAll(engine, msg.text);
      const ms = performance.now() - t0;
      // The quotations' numbers are handed over, not copied.
      scope.postMessage({ type: "result", id: msg.id, result, ms, memory: engine.memoryBytes() }, [result.quotations.buffer]);
    } catch (e) {
      scope.postMessage({ type: "error", id: msg.id, message: String((e && e.message) || e) });
    }
  };
}
