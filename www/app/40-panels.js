// Panels: the status line, the Article menu, the speaker list and the quote list.
// Provides renderStatus, renderDocPick, renderSpeakers, renderQuotes, resetPanels.
// Uses state (10-state.js); picking an article redraws the text view (30-text-view.js) and the statement groups
// (50-story-view.js).

/** The quote list renders this many items at first, then more on request. */
const QUOTE_CHUNK = 300;
let quoteLimit = QUOTE_CHUNK;

/** Back to the first items of the quote list (a new result, another filter or article). */
function resetPanels() {
  quoteLimit = QUOTE_CHUNK;
}

function renderStatus() {
  const r = state.result;
  if (!r || r.docs.length === 0) {
    setStatus("Paste an article to see who said what.");
    return;
  }
  const attributed = r.speakers.filter((s) => s.quotes > 0).length;
  let message = plural(r.quotes.length, "quote", "quotes") + ", " + plural(attributed, "speaker", "speakers");
  if (r.docs.length > 1) message += " in " + r.docs.length + " articles";
  const where = state.doc === "all" ? "" : " in article " + (Number(state.doc) + 1);
  if (state.filter !== null) {
    const shown = r.quotes.filter((q) => matchesFilter(q) && inDoc(q)).length;
    message += ". Showing " + plural(shown, "quote", "quotes") + " by " + speakerName(state.filter === "none" ? null : state.filter) + where;
  } else if (where) {
    message += ". Showing " + plural(r.quotes.filter(inDoc).length, "quote", "quotes") + where;
  }
  setStatus(message + ".");
}

function renderDocPick() {
  const docs = state.result ? state.result.docs : [];
  ui.docPick.hidden = docs.length < 2;
  const options = [new Option("All articles (" + docs.length + ")", "all")];
  for (const d of docs) options.push(new Option(d.index + 1 + ". " + (d.title || "Untitled"), String(d.index)));
  fill(ui.doc, options);
  ui.doc.value = state.doc;
}

function renderSpeakers() {
  const r = state.result;
  const items = [];
  if (r) {
    const unattributed = r.quotes.filter((q) => q.speaker_id === null).length;
    const entries = state.order.map((id) => [id, r.speakers[id]]);
    if (unattributed) entries.push(["none", null]);
    for (const [id, s] of entries) {
      const li = el("li", "speaker");
      const b = el("button", "speaker-button " + (s ? colour(id) : "cu"));
      b.type = "button";
      b.dataset.speaker = String(id);
      b.setAttribute("aria-pressed", String(state.filter === id));
      b.append(el("span", "badge", s ? badge(id) : "?"));
      b.append(el("span", "name", s ? s.name : "No speaker found"));
      const n = s ? s.quotes : unattributed;
      b.append(el("span", "count", plural(n, "quote", "quotes")));
      li.append(b);
      if (s) {
        const facts = [];
        if (s.descriptions.length) facts.push(s.descriptions.slice(0, 3).join("; ") + (s.descriptions.length > 3 ? "; …" : ""));
        const aliases = s.aliases.filter((a) => a !== s.name);
        if (aliases.length) facts.push("also: " + aliases.join(", "));
        if (s.kind && s.kind !== "person" && s.kind !== "unknown") facts.push(s.kind);
        if (s.affiliation) facts.push("side: " + s.affiliation);
        if (r.docs.length > 1) facts.push((s.docs.length === 1 ? "article " : "articles ") + s.docs.map((d) => d + 1).join(", "));
        const same = (s.possibly_same || []).map((o) => r.speakers[o] && r.speakers[o].name).filter(Boolean);
        if (same.length) facts.push("possibly the same person as " + same.join(", "));
        if (facts.length) li.append(el("p", "facts", facts.join(" · ")));
      }
      items.push(li);
    }
  }
  fill(ui.speakers, items);
  ui.speakersNote.hidden = items.length === 0;
  ui.showAll.hidden = state.filter === null;
}

function renderQuotes() {
  const r = state.result;
  const shown = r ? r.quotes.filter((q) => matchesFilter(q) && inDoc(q)) : [];
  const items = [];
  for (const q of shown.slice(0, quoteLimit)) {
    const li = el("li", "quote " + colour(q.speaker_id) + " k-" + q.kind);
    li.dataset.quote = String(q.id);
    const head = el("p", "quote-head");
    head.append(el("span", "badge", badge(q.speaker_id)));
    head.append(el("span", "who", speakerName(q.speaker_id)));
    const meta = [q.kind];
    if (q.cue) meta.push("cue: " + spanText(q.cue));
    if (q.speaker && q.speaker_id !== null && spanText(q.speaker) !== r.speakers[q.speaker_id].name) meta.push("as “" + spanText(q.speaker) + "”");
    if (r.docs.length > 1) meta.push("article " + (q.doc + 1));
    head.append(el("span", "meta", meta.join(" · ")));
    li.append(head);
    const body = el("blockquote", "quote-text");
    rangesOf(q).forEach((p, i) => {
      if (i) body.append(el("span", "gap", " … "));
      body.append(el("span", "part", spanText(p)));
    });
    li.append(body);
    const go = el("button", "linkish goto", "Show in text");
    go.type = "button";
    go.dataset.quote = String(q.id);
    go.setAttribute("aria-label", "Show quote " + (q.id + 1) + " in the text");
    li.append(go);
    items.push(li);
  }
  fill(ui.quotes, items);
  const rest = shown.length - Math.min(shown.length, quoteLimit);
  ui.moreQuotes.hidden = rest <= 0;
  if (rest > 0) ui.moreQuotes.textContent = "Show more quotes (" + rest + " more)";
}

ui.showAll.addEventListener("click", () => {
  state.filter = null;
  renderAll();
  const first = ui.speakers.querySelector("button");
  (first || ui.text).focus();
});

ui.doc.addEventListener("change", () => {
  state.doc = ui.doc.value;
  resetTextView();
  resetPanels();
  renderStatus();
  renderGroups();
  renderQuotes();
  renderAnnotated();
});

ui.moreQuotes.addEventListener("click", () => {
  const next = ui.quotes.children.length;
  quoteLimit += QUOTE_CHUNK;
  renderQuotes();
  const b = ui.quotes.children[next] && ui.quotes.children[next].querySelector("button");
  if (b) b.focus();
});
