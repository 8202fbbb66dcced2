// Story view, for several articles: who is quoted where (speakers × articles) and the statements quoted in
// several articles, each version with its word diff. Provides renderMatrix, renderGroups.
// Uses state (10-state.js); the table's names filter like the speaker list (90-main.js).

/** Statements quoted in several articles: at most this many are listed at once. */
const MAX_GROUPS = 100;
/** The speaker × article table shows at most this many rows and article columns. */
const MAX_ROWS = 60;
const MAX_COLS = 30;

/** Statements that several articles quote, each version with its word diff. */
function renderGroups() {
  const r = state.result;
  const groups = r && r.groups ? r.groups : [];
  const shown = groups.filter((g) =>
    g.versions.some((v) => matchesFilter(r.quotes[v.quote])) && g.versions.some((v) => inDoc(r.quotes[v.quote])),
  );
  const items = shown.slice(0, MAX_GROUPS).map((g) => {
    const li = el("li", "group");
    li.dataset.group = String(g.id);
    const names = [...new Set(g.versions.map((v) => speakerName(v.speaker === null ? null : v.speaker)))];
    const head = el("p", "group-head");
    head.append(el("span", "who", names.join(" / ")));
    const docs = [...new Set(g.versions.map((v) => v.doc + 1))];
    head.append(el("span", "meta", "articles " + docs.join(", ") + " · " + Math.round(g.similarity * 100) + "% alike"));
    if (g.conflict) head.append(el("span", "conflict", "attributed to different speakers"));
    li.append(head);
    const list = el("ul", "versions");
    g.versions.forEach((v, i) => {
      const item = el("li", "version " + colour(v.speaker));
      const label = el("p", "version-head");
      label.append(el("span", "badge", badge(v.speaker)));
      label.append(el("span", "meta", "article " + (v.doc + 1) + " (" + short(r.docs[v.doc].title) + ") · " + speakerName(v.speaker) + " · " + v.kind + (i === g.reference ? " · reference" : "")));
      item.append(label);
      const words = el("p", "version-text");
      for (const op of v.diff) {
        if (op.op === "same") words.append(op.text);
        else words.append(el(op.op === "add" ? "ins" : "del", "", op.text));
      }
      item.append(words);
      const go = el("button", "linkish goto", "Show in text");
      go.type = "button";
      go.dataset.quote = String(v.quote);
      go.setAttribute("aria-label", "Show article " + (v.doc + 1) + "’s version in the text");
      item.append(go);
      list.append(item);
    });
    li.append(list);
    return li;
  });
  fill(ui.groups, items);
  for (const b of ui.toGroups) {
    b.hidden = typeof state.filter !== "number" || !shown.length;
    if (!b.hidden) b.textContent = "Compare " + speakerName(state.filter) + "’s " + plural(shown.length, "statement", "statements") + " across articles";
  }
  if (shown.length > MAX_GROUPS) items.push(el("li", "hint", "… and " + (shown.length - MAX_GROUPS) + " more; pick an article or a speaker to narrow the list."));
  ui.groupsSec.hidden = items.length === 0;
}

/** An article's title cut to fit a column head. */
const short = (t) => (!t ? "Untitled" : t.length > 24 ? t.slice(0, 23) + "…" : t);

/** Who is quoted where: story speakers × articles, with the number of quotes in each. */
function renderMatrix() {
  const r = state.result;
  const docs = r ? r.docs : [];
  ui.storySec.hidden = docs.length < 2;
  if (docs.length < 2) {
    ui.matrixHead.replaceChildren();
    ui.matrixBody.replaceChildren();
    return;
  }
  const cols = docs.slice(0, MAX_COLS);
  const cell = (tag, text, scope) => {
    const c = el(tag, "", text);
    if (scope) c.scope = scope;
    return c;
  };
  const head = el("tr");
  head.append(cell("th", "Speaker", "col"));
  for (const d of cols) {
    const h = cell("th", "", "col");
    h.title = d.title;
    h.append(el("span", "n", String(d.index + 1)), " ", el("span", "t", short(d.title)));
    head.append(h);
  }
  head.append(cell("th", "All", "col"));
  const ids = state.order.filter((id) => r.speakers[id].quotes > 0);
  const none = r.quotes.filter((q) => q.speaker_id === null);
  if (none.length) ids.push("none");
  const rows = ids.slice(0, MAX_ROWS).map((id) => {
    const s = id === "none" ? null : r.speakers[id];
    const counts = new Map();
    if (s) for (const c of s.counts) counts.set(c.article, c.quotes);
    else for (const q of none) counts.set(q.doc, (counts.get(q.doc) || 0) + 1);
    const tr = el("tr", id === "none" ? "cu" : colour(id));
    const th = cell("th", "", "row");
    const b = el("button", "linkish pick", s ? s.name : "No speaker found");
    b.type = "button";
    b.dataset.speaker = String(id);
    b.setAttribute("aria-pressed", String(state.filter === id));
    th.append(b);
    if (s && s.affiliation && s.affiliation !== s.name) th.append(" ", el("span", "side-of", s.affiliation));
    tr.append(th);
    for (const d of cols) {
      const n = counts.get(d.index);
      if (n) tr.append(cell("td", String(n)));
      else {
        const c = el("td", "none");
        c.append(el("span", "", "–"), el("span", "visually-hidden", " none"));
        c.firstChild.setAttribute("aria-hidden", "true");
        tr.append(c);
      }
    }
    tr.append(cell("td", String(s ? s.quotes : none.length)));
    return tr;
  });
  ui.matrixHead.replaceChildren(head);
  fill(ui.matrixBody, rows);
  const more = [];
  if (ids.length > MAX_ROWS) more.push(plural(ids.length - MAX_ROWS, "more speaker", "more speakers") + " (see the speaker list)");
  if (docs.length > MAX_COLS) more.push(plural(docs.length - MAX_COLS, "more article", "more articles") + " (pick one in the Article menu)");
  ui.matrixMore.hidden = !more.length;
  ui.matrixMore.textContent = more.length ? "Not shown: " + more.join("; ") + "." : "";
}


for (const b of ui.toGroups) {
  b.addEventListener("click", () => {
    ui.groupsH.scrollIntoView({ block: "start" });
    ui.groupsH.focus({ preventScroll: true });
  });
}
