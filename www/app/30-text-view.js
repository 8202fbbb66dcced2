// Text view: the annotated text, each quote a <mark> coloured and numbered by speaker, its speaker and cue
// marked too; long texts are drawn a part at a time. Provides renderAnnotated, resetTextView, reveal.
// Uses state (10-state.js); a click on a highlight flashes the quote's item in the quote list (40-panels.js).
//
// Issue 12's "every quotation mark pair" layer belongs here: its spans go into `ranges` in renderAnnotated
// beside the quotes' ranges (a type of their own, styled apart from speech, not by colour alone), and its
// switch into the legend above the text.

/** The annotated view renders this much text at first, then more on request. */
const TEXT_CHUNK = 200000;
let textLimit = TEXT_CHUNK;

/** Back to the first part of the text (a new result, another article). */
function resetTextView() {
  textLimit = TEXT_CHUNK;
}

/**
 * The annotated view: text nodes and <mark>s built from offsets. A quote inside another (an indirect
 * quote inside a mixed one) nests inside it; crossing quotes are split where they cross.
 */
function renderAnnotated() {
  const r = state.result;
  const text = state.text;
  let from = 0;
  let to = text.length;
  if (r && state.doc !== "all") {
    const d = r.docs[Number(state.doc)];
    from = d.start;
    to = d.end;
  }
  const limit = Math.min(to, from + textLimit);
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
  if (r) {
    for (const q of r.quotes) {
      for (const p of rangesOf(q)) add(q, "quote", p);
      // The words that attribute it: the speaker as named there, and the cue.
      if (q.speaker) add(q, "source", q.speaker);
      if (q.cue) add(q, "cue", q.cue);
    }
  }
  // Outer ranges first: by start, then longest.
  ranges.sort((a, b) => a.start - b.start || b.len - a.len || a.q.id - b.q.id);
  const points = [from, limit];
  for (const g of ranges) points.push(g.start, g.end);
  points.sort((a, b) => a - b);
  const root = document.createDocumentFragment();
  let active = []; // ranges covering the current segment, outermost first
  let chain = []; // open <mark>s: [{range, el}], outermost first
  let next = 0;
  const started = new Set();
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
      const m = g.type === "quote" ? markFor(g.q, started, j > 0) : attributionFor(g);
      parent.append(m);
      chain.push({ range: g, el: m });
      parent = m;
    }
    parent.append(text.slice(a, b));
  }
  ui.annotated.replaceChildren(root);
  const rest = to - limit;
  ui.moreText.hidden = rest <= 0;
  if (rest > 0) ui.moreText.textContent = "Show more of the text (" + formatSize(rest) + " more)";
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

function reveal(id) {
  let m = document.getElementById("q-" + id);
  if (!m) {
    // Outside the rendered part of the text, or in another article: render enough to show it.
    const q = state.result.quotes[id];
    if (state.doc !== "all" && q.doc !== Number(state.doc)) {
      state.doc = "all";
      ui.doc.value = "all";
    }
    const from = state.doc === "all" ? 0 : state.result.docs[Number(state.doc)].start;
    textLimit = Math.max(textLimit, q.end - from + TEXT_CHUNK);
    renderAnnotated();
    m = document.getElementById("q-" + id);
  }
  if (!m) return;
  m.scrollIntoView({ block: "center" });
  m.focus({ preventScroll: true });
  m.classList.remove("flash");
  void m.offsetWidth; // restart the animation
  m.classList.add("flash");
}

ui.moreText.addEventListener("click", () => {
  textLimit += TEXT_CHUNK * 5;
  renderAnnotated();
});

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
