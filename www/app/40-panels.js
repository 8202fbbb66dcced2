// Panels: the status line, the Article menu, the speaker list and the quote list. Long lists are drawn a part at a
// time, with a search box from FIND_FROM items on (00-base.js); the Article menu lists at most MENU articles, those
// matching its search box. Provides renderStatus, renderDocPick, renderSpeakers, renderQuotes.
// Uses state (10-state.js); picking an article redraws the text view (30-text-view.js) and the statement groups
// (50-story-view.js).

/** The Article menu lists at most this many articles (a search box finds the others). */
const MENU = 50;

const speakerPager = pager(ui.speakers, ui.moreSpeakers, 50, (n) => "Show more speakers (" + n + " more)");
const quotePager = pager(ui.quotes, ui.moreQuotes, 50, (n) => "Show more quotes (" + n + " more)");
const speakerFind = finder(ui.speakersFind, () => {
  renderSpeakers();
  renderMatrix();
});
const quoteFind = finder(ui.quotesFind, () => renderQuotes());
const docFind = finder(ui.docFind, () => renderDocPick());

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
  const words = docFind.words(docs.length > MENU ? FIND_FROM + 1 : 0);
  const label = (d) => d.index + 1 + ". " + (d.title || "Untitled");
  const options = [new Option("All articles (" + docs.length + ")", "all")];
  const match = words ? docs.filter((d) => found(words, label(d))) : docs;
  for (const d of match.slice(0, MENU)) options.push(new Option(label(d), String(d.index)));
  // The article on show stays in the menu.
  if (state.doc !== "all" && !match.slice(0, MENU).some((d) => String(d.index) === state.doc)) options.push(new Option(label(docs[Number(state.doc)]), state.doc));
  if (match.length > MENU) {
    const rest = new Option("… " + (match.length - MENU) + " more: type in the search box to find them", "");
    rest.disabled = true;
    options.push(rest);
  }
  fill(ui.doc, options);
  ui.doc.value = state.doc;
}

function renderSpeakers() {
  const r = state.result;
  const entries = [];
  let unattributed = 0;
  if (r) {
    unattributed = r.quotes.filter((q) => q.speaker_id === null).length;
    for (const id of state.order) entries.push([id, r.speakers[id]]);
    if (unattributed) entries.push(["none", null]);
  }
  const words = speakerFind.words(entries.length);
  const shown = words ? entries.filter(([, s]) => s && found(words, s.name, ...s.aliases)) : entries;
  speakerPager.set(shown, ([id, s]) => {
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
      const few = (list, n) => list.slice(0, n).join(", ") + (list.length > n ? ", … (" + list.length + ")" : "");
      if (s.descriptions.length) facts.push(s.descriptions.slice(0, 3).join("; ") + (s.descriptions.length > 3 ? "; …" : ""));
      const aliases = s.aliases.filter((a) => a !== s.name);
      if (aliases.length) facts.push("also: " + few(aliases, 10));
      if (s.kind && s.kind !== "person" && s.kind !== "unknown") facts.push(s.kind);
      if (s.affiliation) facts.push("side: " + s.affiliation);
      if (r.docs.length > 1) facts.push((s.docs.length === 1 ? "article " : "articles ") + few(s.docs.map((d) => d + 1), 10));
      const same = (s.possibly_same || []).map((o) => r.speakers[o] && r.speakers[o].name).filter(Boolean);
      if (same.length) facts.push("possibly the same person as " + same.join(", "));
      if (facts.length) li.append(el("p", "facts", facts.join(" · ")));
    }
    return li;
  });
  ui.speakersNote.hidden = entries.length === 0;
  ui.speakersNote.textContent = entries.length > FIND_FROM ? plural(entries.length, "speaker", "speakers") + (words ? ", " + shown.length + " found" : "") + ". Select one to see only their quotes." : "Select a speaker to see only their quotes.";
  ui.showAll.hidden = state.filter === null;
}

function renderQuotes() {
  const r = state.result;
  const listed = r ? r.quotes.filter((q) => matchesFilter(q) && inDoc(q)) : [];
  const words = quoteFind.words(listed.length);
  const shown = words ? listed.filter((q) => found(words, speakerName(q.speaker_id), ...rangesOf(q).map(spanText), q.cue && spanText(q.cue))) : listed;
  ui.quotesFind.placeholder = "Find among " + plural(listed.length, "quote", "quotes");
  quotePager.set(shown, (q) => {
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
    return li;
  });
}

ui.showAll.addEventListener("click", () => {
  state.filter = null;
  renderAll();
  const first = ui.speakers.querySelector("button");
  (first || ui.text).focus();
});

ui.doc.addEventListener("change", () => {
  if (!ui.doc.value) return;
  state.doc = ui.doc.value;
  renderStatus();
  renderGroups();
  renderQuotes();
  renderAnnotated();
});
