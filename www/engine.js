// The whosaid engine, shared by the Web Worker and the main-thread fallback.
//
// Three plain functions, no globals beyond their names, so that the page can also start a Worker from
// their own source text (a blob: URL) when it is opened from disk, where `new Worker("worker.js")` is
// refused. scripts/build-web.sh inserts the wasm-bindgen glue (`--target no-modules`) at the marker below.
"use strict";

/** The wasm module behind a small API; `init(source)` takes the .wasm URL or its bytes. */
function whosaidEngine() {
  /* @@WASM_BINDGEN_GLUE@@ */
  const glue = wasm_bindgen; // eslint-disable-line no-undef
  return {
    init: (source) => glue({ module_or_path: source }),
    analyze: (text) => glue.analyze(text),
    hasStory: () => typeof glue.analyze_story === "function",
    version: () => glue.version(),
    memoryBytes: () => glue.memory_bytes(),
  };
}

/**
 * Analyses a paste of one or more articles. A line that starts with "===" separates articles. Each
 * article is analysed on its own (no pronoun reaches across articles); offsets are shifted into the
 * whole text (UTF-16 units, so `text.slice(q.start, q.end) === q.text`) and speakers are matched across
 * articles by name until the core's story API (whosaid::story) is exposed.
 */
function whosaidAnalyzeAll(engine, text) {
  const docs = [];
  const sep = /^===.*$/gm;
  let from = 0;
  const space = (i) => {
    const c = text.charCodeAt(i);
    return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
  };
  const push = (start, end) => {
    while (start < end && space(start)) start++;
    while (end > start && space(end - 1)) end--;
    if (start < end) {
      const head = text.slice(start, Math.min(end, start + 400)).split("\n")[0].trim();
      docs.push({ index: docs.length, start, end, title: head.length > 90 ? head.slice(0, 89) + "…" : head });
    }
  };
  for (let m; (m = sep.exec(text)) !== null; ) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);

  const out = { docs, quotes: [], speakers: [] };
  const byName = new Map();
  const shift = (span, by) => (span ? { start: span.start + by, end: span.end + by, text: span.text } : null);
  const addAll = (into, items) => {
    for (const x of items) if (!into.includes(x)) into.push(x);
  };
  for (const doc of docs) {
    const r = engine.analyze(text.slice(doc.start, doc.end));
    const ids = r.speakers.map((s) => {
      const key = s.name.trim().toLowerCase() || "#" + doc.index + ":" + s.id;
      let g = byName.get(key);
      if (!g) {
        g = { id: out.speakers.length, name: s.name, kind: s.kind, gender: s.gender, aliases: [], descriptions: [], quotes: 0, docs: [] };
        byName.set(key, g);
        out.speakers.push(g);
      }
      addAll(g.aliases, s.aliases);
      addAll(g.descriptions, s.descriptions);
      g.quotes += s.quotes;
      if (!g.docs.includes(doc.index)) g.docs.push(doc.index);
      return g.id;
    });
    for (const q of r.quotes) {
      out.quotes.push({
        id: out.quotes.length,
        doc: doc.index,
        kind: q.kind,
        start: q.start + doc.start,
        end: q.end + doc.start,
        text: q.text,
        cue: shift(q.cue, doc.start),
        speaker: shift(q.speaker, doc.start),
        speaker_id: q.speaker_id === null || q.speaker_id === undefined ? null : ids[q.speaker_id],
        confidence: q.confidence,
        sieve: q.sieve,
      });
    }
  }
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
      scope.postMessage({ type: "result", id: msg.id, result, ms, memory: engine.memoryBytes() });
    } catch (e) {
      scope.postMessage({ type: "error", id: msg.id, message: String((e && e.message) || e) });
    }
  };
}
