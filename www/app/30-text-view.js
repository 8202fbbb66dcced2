// Text view: the annotated text, each quote a <mark> coloured and numbered by speaker, its speaker and cue
// marked too; on request (ui.marks), every pair of quotation marks too, a line over it styled and labelled by
// kind. It is drawn a part at a time (about a screenful of layout work each: see layoutCost), the next
// part when the reader scrolls to the end of the view or asks for it; a quote far ahead is shown with the part
// around it, the text before it on request. Provides renderAnnotated, reveal.
// Uses state (10-state.js); a click on a highlight flashes the quote's item in the quote list (40-panels.js).

/** Layout work per part of the view, in characters of prose (layoutCost: a line break as 4; long runs get <wbr>s). */
const PART = 30000;
/** Runs without a space longer than this get a line break opportunity (<wbr>) every so many characters. */
const RUN = 200;

/**
 * What the view shows: `result`'s article `doc`, [from, to), drawn [start, end); `started`: quotes whose first mark
 * is drawn; `index`: see quotesIn.
 */
let view = { from: 0, to: 0, start: 0, end: 0, started: new Set(), index: null };

/** The article on show from its start; for the same result and article, only which highlights are dimmed. */
function renderAnnotated() {
  const r = state.result;
  if (view.result === r && view.doc === state.doc) {
    for (const m of ui.annotated.querySelectorAll("[data-quote]")) m.classList.toggle("dim", !matchesFilter(r.quotes[m.dataset.quote]));
    return;
  }
  let from = 0;
  let to = state.text.length;
  if (r && state.doc !== "all") {
    const d = r.docs[Number(state.doc)];
    from = d.start;
    to = d.end;
  }
  view = { from, to, start: from, end: from, started: new Set(), index: view.result === r ? view.index : null, result: r, doc: state.doc };
  ui.annotated.replaceChildren();
  drawAfter();
  const c = [0, 0, 0];
  const Q = r ? r.quotations : [];
  for (let k = 7; k < Q.length; k += 8) c[Q[k]]++;
  ui.marksCount.textContent = Q.length ? "(" + Q.length / 8 + ": " + r.kinds.map((k, i) => c[i] + " " + k).join(", ") + ")" : "";
}

/** The view's text again, from where it starts to where it ends (the pairs of quotation marks shown or not). */
ui.marks.addEventListener("change", () => {
  view.started = new Set();
  ui.annotated.replaceChildren(drawPart(view.start, view.end));
  if (view.end < view.to) ui.annotated.append(sentinel);
});

/** The pairs of quotation marks (indexes into state.result.quotations) that reach into [a, b). */
function pairsIn(a, b) {
  const Q = state.result.quotations;
  const n = Q.length / 8;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (Q[8 * mid] < a) lo = mid + 1;
    else hi = mid;
  }
  // Pairs nest: one that starts before `a` and reaches past it holds the last pair to start before `a`.
  const out = [];
  for (let i = lo - 1; i >= 0 && i < n; i = Q[8 * i + 5]) if (Q[8 * i + 1] > a) out.push(i);
  for (let i = lo; i < n && Q[8 * i] < b; i++) out.push(i);
  return out;
}

/** Where a part that starts at `at` ends: after PART of layout work, at the end of a line when one is near. */
function partEnd(at) {
  const text = state.text;
  let end = Math.min(view.to, at + PART);
  while (end < view.to && layoutCost(text, at, end, 4, false) > PART) end = at + ((end - at) >> 1);
  const line = text.indexOf("\n", end);
  return line >= 0 && line < Math.min(view.to, end + 2000) ? line + 1 : end;
}

/** Where a part that ends at `at` starts (the same, backwards). */
function partStart(at) {
  const text = state.text;
  let start = Math.max(view.from, at - PART);
  while (start > view.from && layoutCost(text, start, at, 4, false) > PART) start = at - ((at - start) >> 1);
  const line = text.lastIndexOf("\n", start);
  return line >= Math.max(view.from, start - 2000) ? line + 1 : start;
}

/** Draws the next part of the view. */
function drawAfter() {
  if (view.end >= view.to && view.end > view.from) return;
  const end = partEnd(view.end);
  sentinel.remove();
  ui.annotated.append(drawPart(view.end, end));
  view.end = end;
  if (end < view.to) ui.annotated.append(sentinel);
  showButtons();
}

/** Draws the part before the view. */
function drawBefore() {
  const start = partStart(view.start);
  ui.annotated.prepend(drawPart(start, view.start));
  view.start = start;
  showButtons();
}

function showButtons() {
  const after = view.to - view.end;
  ui.moreText.hidden = after <= 0;
  if (after > 0) ui.moreText.textContent = "Show more of the text (" + formatSize(after) + " more)";
  ui.earlierText.hidden = view.start <= view.from;
  if (view.start > view.from) ui.earlierText.textContent = "Show the text before (" + formatSize(view.start - view.from) + ")";
}

/** Marks the end of what is drawn: scrolled into view, the next part is drawn. */
const sentinel = el("span", "end");
new IntersectionObserver((seen) => {
  if (seen.some((e) => e.isIntersecting) && sentinel.isConnected) drawAfter();
}, { root: ui.annotated }).observe(sentinel);

/**
 * The quotes whose highlights (the quote, its speaker as named, its cue) reach into [a, b): from an index of the
 * quotes by where their highlights start, with the furthest end so far, made once per result.
 */
function quotesIn(a, b) {
  const r = state.result;
  if (!r || !r.quotes.length) return [];
  if (!view.index) {
    const ext = r.quotes.map((q) => {
      let s = q.start;
      let e = q.end;
      for (const p of [q.cue, q.speaker]) if (p) [s, e] = [Math.min(s, p.start), Math.max(e, p.end)];
      return { q, s, e };
    });
    ext.sort((x, y) => x.s - y.s);
    let reach = 0;
    for (const x of ext) x.reach = reach = Math.max(reach, x.e);
    view.index = ext;
  }
  const ext = view.index;
  const first = (ok) => {
    let lo = 0;
    let hi = ext.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ok(ext[mid])) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const out = [];
  for (let i = first((x) => x.reach > a), end = first((x) => x.s >= b); i < end; i++) if (ext[i].e > a) out.push(ext[i].q);
  return out;
}

/**
 * The view's text [from, to) as text nodes and <mark>s built from offsets. A quote inside another (an indirect
 * quote inside a mixed one) nests inside it; crossing quotes are split where they cross.
 */
function drawPart(from, limit) {
  const text = state.text;
  const ranges = [];
  const seen = new Set();
  const add = (q, type, p) => {
    const start = Math.max(p.start, from);
    const end = Math.min(p.end, limit);
    const key = type + start + ":" + end;
    if (start >= end || (type !== "quote" && seen.has(key))) return;
    seen.add(key);
    ranges.push({ q, type, start, end, len: p.end - p.start });
  };
  for (const q of quotesIn(from, limit)) {
    for (const p of rangesOf(q)) add(q, "quote", p);
    // The words that attribute it: the speaker as named there, and the cue.
    if (q.speaker) add(q, "source", q.speaker);
    if (q.cue) add(q, "cue", q.cue);
  }
  const Q = state.result && ui.marks.checked ? state.result.quotations : null;
  if (Q) for (const i of pairsIn(from, limit)) add({ id: i }, "pair", { start: Q[8 * i], end: Q[8 * i + 1] });
  // Outer ranges first: by start, then longest.
  ranges.sort((a, b) => a.start - b.start || b.len - a.len || a.q.id - b.q.id);
  const points = [from, limit];
  for (const g of ranges) points.push(g.start, g.end);
  points.sort((a, b) => a - b);
  const root = document.createDocumentFragment();
  let active = []; // ranges covering the current segment, outermost first
  let chain = []; // open <mark>s: [{range, el}], outermost first
  let next = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (a === b) continue;
    active = active.filter((g) => g.end > a);
    while (next < ranges.length && ranges[next].start <= a) active.push(ranges[next++]);
    active.sort((x, y) => x.start - y.start || y.end - x.end || x.q.id - y.q.id);
    let k = 0;
    while (k < chain.length && k < active.length && chain[k].range === active[k]) k++;
    chain = chain.slice(0, k);
    let parent = k ? chain[k - 1].el : root;
    for (let j = k; j < active.length; j++) {
      const g = active[j];
      const m = g.type === "quote" ? markFor(g.q, view.started, j > 0) : g.type === "pair" ? pairFor(g.q.id) : attributionFor(g);
      parent.append(m);
      chain.push({ range: g, el: m });
      parent = m;
    }
    appendText(parent, text.slice(a, b));
  }
  return root;
}

/** Appends `s` as text, with a <wbr> every RUN characters of a longer run without a space. */
function appendText(parent, s) {
  const re = new RegExp("\\S{" + RUN + "}", "g");
  if (s.length <= RUN || !re.test(s)) {
    parent.append(s);
    return;
  }
  let run = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    run = s.charCodeAt(i) <= 32 ? 0 : run + 1;
    if (run === RUN) {
      parent.append(s.slice(from, i + 1), document.createElement("wbr"));
      from = i + 1;
      run = 0;
    }
  }
  parent.append(s.slice(from));
}

/** A pair of quotation marks: its kind as a class, a label on the part where it starts (not for speech). */
function pairFor(i) {
  const kind = state.result.kinds[state.result.quotations[8 * i + 7]];
  const e = el("span", "qm qm-" + kind);
  e.title = "quotation marks: " + kind;
  if (kind !== "speech" && !view.started.has("m" + i)) {
    view.started.add("m" + i);
    e.dataset.kind = kind;
  }
  return e;
}

function attributionFor(g) {
  const q = g.q;
  const e = el("span", g.type + " " + colour(q.speaker_id) + (matchesFilter(q) ? "" : " dim"));
  e.dataset.quote = String(q.id);
  e.title = g.type === "cue" ? "cue of a quote by " + speakerName(q.speaker_id) : speakerName(q.speaker_id) + " (as named here)";
  return e;
}

function markFor(q, started, nested) {
  const m = el("mark", "q " + colour(q.speaker_id) + " k-" + q.kind + (matchesFilter(q) ? "" : " dim") + (nested ? " nested" : ""));
  m.dataset.quote = String(q.id);
  if (!started.has(q.id)) {
    started.add(q.id);
    m.id = "q-" + q.id;
    m.tabIndex = -1;
    m.classList.add("first");
    m.dataset.badge = badge(q.speaker_id);
    m.title = speakerName(q.speaker_id) + " · " + q.kind + (q.cue ? " · " + spanText(q.cue) : "");
  }
  return m;
}

/** Shows quote `id` in the text: in the part drawn, else drawn with the part after it (in its article). */
function reveal(id) {
  let m = document.getElementById("q-" + id);
  if (!m) {
    const q = state.result.quotes[id];
    if (state.doc !== "all" && q.doc !== Number(state.doc)) {
      state.doc = "all";
      ui.doc.value = "all";
      renderAnnotated();
    }
    if (q.start >= view.end && partEnd(view.end) > q.start) drawAfter();
    else {
      // Far from what is drawn: the view starts at the quote's line (or a little before the quote).
      const line = state.text.lastIndexOf("\n", q.start - 1);
      const start = line >= Math.max(view.from, q.start - 2000) ? line + 1 : Math.max(view.from, q.start - 200);
      view = { ...view, start, end: start, started: new Set() };
      ui.annotated.replaceChildren();
      drawAfter();
    }
    m = document.getElementById("q-" + id);
  }
  if (!m) return;
  m.scrollIntoView({ block: "center" });
  m.focus({ preventScroll: true });
  m.classList.remove("flash");
  void m.offsetWidth; // restart the animation
  m.classList.add("flash");
}

ui.moreText.addEventListener("click", drawAfter);
ui.earlierText.addEventListener("click", drawBefore);

// "Show in text", in the quote list and in the statement groups.
for (const list of [ui.quotes, ui.groups]) {
  list.addEventListener("click", (e) => {
    const b = e.target.closest("button.goto");
    if (b) reveal(Number(b.dataset.quote));
  });
}

ui.annotated.addEventListener("click", (e) => {
  const m = e.target.closest("[data-quote]");
  if (!m) return;
  const item = ui.quotes.querySelector('li[data-quote="' + m.dataset.quote + '"]');
  if (item) {
    item.scrollIntoView({ block: "nearest" });
    item.classList.remove("flash");
    void item.offsetWidth;
    item.classList.add("flash");
  }
});
