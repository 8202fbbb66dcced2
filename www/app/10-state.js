// State: the result on screen (its text and analysis, made into objects from the engine's numbers), the speakers'
// numbers and colours, and what the reader picked (a speaker to filter by, one article). Provides `state`,
// `setResult`, diffOf, and the questions every view asks of a quote or speaker: colour, badge, speakerName,
// matchesFilter, inDoc, spanText, rangesOf.

const PALETTE = 8;

const state = {
  text: "",
  result: null,
  order: [], // speaker ids, most quoted first
  number: new Map(), // speaker id -> 1-based number shown in the UI
  filter: null, // null | speaker id | "none" (unattributed)
  result_names: null, // speaker names of the result on screen (the filter is kept by name)
  doc: "all",
};

function colour(speakerId) {
  if (speakerId === null) return "cu";
  return "c" + ((state.number.get(speakerId) - 1) % PALETTE);
}

function badge(speakerId) {
  return speakerId === null ? "?" : String(state.number.get(speakerId));
}

function speakerName(speakerId) {
  return speakerId === null ? "No speaker found" : state.result.speakers[speakerId].name;
}

function matchesFilter(q) {
  if (state.filter === null) return true;
  if (state.filter === "none") return q.speaker_id === null;
  return q.speaker_id === state.filter;
}

function inDoc(q) {
  return state.doc === "all" || q.doc === Number(state.doc);
}

/** The text of a span of the analysed text (results carry offsets, not copies of the text). */
const spanText = (span) => state.text.slice(span.start, span.end);

/** The ranges a quote highlights: its quoted parts when its cue interrupts it, else the whole span. */
const rangesOf = (q) => (q.parts && q.parts.length ? q.parts : [q]);

const NONE = 0xffffffff;

/**
 * The engine's result (www/engine.js, whosaidAnalyzeAll) as the views read it: quotes as objects, with offsets
 * into the whole text, {id, n (its id in its article), doc, kind, start, end, parts, cue, speaker (spans {start,
 * end}), speaker_id, confidence, sieve}; statement groups {id, similarity, conflict, reference, versions: [{doc,
 * quote (its id), speaker, kind, similarity}]}, each version's word diff made when shown (diffOf). A loop over
 * numbers: tens of thousands of quotes take milliseconds (quotations stay numbers, 8 a pair: see www/engine.js), where copying them as objects from the worker took the
 * page's main thread most of a second.
 */
function decode(raw) {
  const r = { docs: raw.docs, quotes: [], speakers: raw.speakers, groups: [], ops: raw.ops, diff: raw.diff, story: raw.story, quotations: raw.quotations || new Uint32Array(0), kinds: raw.quotationKinds };
  if (!raw.counts) return r;
  const f32 = (a) => new Float32Array(a.buffer, a.byteOffset, a.length);
  const n = raw.quotes;
  const f = f32(n);
  const base = [];
  let k = 0;
  raw.docs.forEach((d, a) => {
    base.push(r.quotes.length);
    const by = d.start;
    const span = (i) => (n[i] === NONE ? null : { start: n[i] + by, end: n[i + 1] + by });
    for (let left = raw.counts[a]; left > 0; left--) {
      const parts = [];
      for (let p = 0; p < n[k + 10]; p++) parts.push(span(k + 11 + 2 * p));
      r.quotes.push({
        id: r.quotes.length,
        n: r.quotes.length - base[a],
        doc: a,
        kind: raw.names[n[k]],
        start: n[k + 1] + by,
        end: n[k + 2] + by,
        parts,
        cue: span(k + 3),
        speaker: span(k + 5),
        speaker_id: n[k + 7] === NONE ? null : n[k + 7],
        confidence: f[k + 8],
        sieve: raw.names[n[k + 9]],
      });
      k += 11 + 2 * parts.length;
    }
  });
  const g = raw.groups;
  const gf = f32(g);
  let op = 0;
  let at = 0;
  for (let i = 0; i < g.length; ) {
    const group = { id: g[i], similarity: gf[i + 1], conflict: g[i + 2] === 1, reference: g[i + 3], versions: [] };
    const versions = g[i + 4];
    for (i += 5; group.versions.length < versions; i += 6) {
      group.versions.push({ doc: g[i], quote: base[g[i]] + g[i + 1], speaker: g[i + 2] === NONE ? null : g[i + 2], kind: raw.names[g[i + 3]], similarity: gf[i + 4], op, ops: g[i + 5], at });
      for (let j = 0; j < g[i + 5]; j++) at += raw.ops[2 * op++ + 1];
    }
    r.groups.push(group);
  }
  return r;
}

/** A statement version's word diff against its group's reference: [{op: "same" | "del" | "add", text}]. */
function diffOf(v) {
  const r = state.result;
  const out = [];
  for (let j = v.op, at = v.at; j < v.op + v.ops; j++) {
    const len = r.ops[2 * j + 1];
    out.push({ op: ["same", "del", "add"][r.ops[2 * j]], text: r.diff.slice(at, at + len) });
    at += len;
  }
  return out;
}

/** Makes `raw` (the engine's analysis of `text`) the state, keeping the filter when it still applies. */
function setResult(text, raw) {
  const result = decode(raw);
  const docChanged = !state.result || state.result.docs.length !== result.docs.length;
  state.text = text;
  state.result = result;
  const counts = new Map();
  for (const q of result.quotes) if (q.speaker_id !== null) counts.set(q.speaker_id, (counts.get(q.speaker_id) || 0) + 1);
  state.order = result.speakers
    .map((s) => s.id)
    .sort((a, b) => (counts.get(b) || 0) - (counts.get(a) || 0) || a - b);
  state.number = new Map(state.order.map((id, i) => [id, i + 1]));
  // Speaker ids change as the text changes: the filter follows the speaker's name.
  if (typeof state.filter === "number") {
    const name = state.result_names ? state.result_names[state.filter] : null;
    const same = result.speakers.find((s) => s.name === name);
    state.filter = same ? same.id : null;
  }
  state.result_names = result.speakers.map((s) => s.name);
  if (state.filter === "none" && !result.quotes.some((q) => q.speaker_id === null)) state.filter = null;
  if (docChanged || (state.doc !== "all" && Number(state.doc) >= result.docs.length)) state.doc = "all";
}
