// Story view, for several articles: who is quoted where (speakers × articles) and the statements quoted in
// several articles, each version with its word diff; both drawn a part at a time (00-base.js, pager), the table's
// rows picked by the speaker list's search box. Provides renderMatrix, renderGroups.
// Uses state (10-state.js); the table's names filter like the speaker list (90-main.js).

/** The table shows at most this many article columns (the Article menu shows one article at a time). */
const MAX_COLS = 20;
/** A statement shows this many of its versions at first. */
const VERSIONS = 6;

const groupPager = pager(ui.groups, ui.moreGroups, 10, (n) => "Show more statements (" + n + " more)");
const rowPager = pager(ui.matrixBody, ui.moreRows, 40, (n) => "Show more speakers (" + n + " more)");
const groupFind = finder(ui.groupsFind, () => renderGroups());

/** Statements that several articles quote, each version with its word diff. */
function renderGroups() {
  const r = state.result;
  const groups = r && r.groups ? r.groups : [];
  const listed = groups.filter((g) =>
    g.versions.some((v) => matchesFilter(r.quotes[v.quote])) && g.versions.some((v) => inDoc(r.quotes[v.quote])),
  );
  const words = groupFind.words(listed.length);
  const shown = words ? listed.filter((g) => g.versions.some((v) => found(words, speakerName(v.speaker), spanText(r.quotes[v.quote])))) : listed;
  groupPager.set(shown, (g) => {
    const li = el("li", "group");
    li.dataset.group = String(g.id);
    const names = [...new Set(g.versions.map((v) => speakerName(v.speaker)))];
    const head = el("p", "group-head");
    head.append(el("span", "who", names.slice(0, 5).join(" / ") + (names.length > 5 ? " / …" : "")));
    const docs = [...new Set(g.versions.map((v) => v.doc + 1))];
    head.append(el("span", "meta", (docs.length > 10 ? docs.length + " articles" : "articles " + docs.join(", ")) + " · " + Math.round(g.similarity * 100) + "% alike"));
    if (g.conflict) head.append(el("span", "conflict", "attributed to different speakers"));
    li.append(head);
    const list = el("ul", "versions");
    const version = (v, i) => {
      const item = el("li", "version " + colour(v.speaker));
      const label = el("p", "version-head");
      label.append(el("span", "badge", badge(v.speaker)));
      label.append(el("span", "meta", "article " + (v.doc + 1) + " (" + short(r.docs[v.doc].title) + ") · " + speakerName(v.speaker) + " · " + v.kind + (i === g.reference ? " · reference" : "")));
      item.append(label);
      const text = el("p", "version-text");
      for (const op of diffOf(v)) {
        if (op.op === "same") text.append(op.text);
        else text.append(el(op.op === "add" ? "ins" : "del", "", op.text));
      }
      item.append(text);
      const go = el("button", "linkish goto", "Show in text");
      go.type = "button";
      go.dataset.quote = String(v.quote);
      go.setAttribute("aria-label", "Show article " + (v.doc + 1) + "’s version in the text");
      item.append(go);
      return item;
    };
    fill(list, g.versions.slice(0, VERSIONS).map(version));
    li.append(list);
    if (g.versions.length > VERSIONS) {
      const all = el("button", "linkish", "Show all " + g.versions.length + " versions");
      all.type = "button";
      all.addEventListener("click", () => {
        fill(list, g.versions.slice(VERSIONS).map((v, i) => version(v, i + VERSIONS)), true);
        all.remove();
        list.children[VERSIONS].querySelector("button").focus();
      });
      li.append(all);
    }
    return li;
  });
  for (const b of ui.toGroups) {
    b.hidden = typeof state.filter !== "number" || !listed.length;
    if (!b.hidden) b.textContent = "Compare " + speakerName(state.filter) + "’s " + plural(listed.length, "statement", "statements") + " across articles";
  }
  ui.groupsSec.hidden = listed.length === 0;
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
    rowPager.set([], String);
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
  // The speaker list's search box picks the rows too.
  const words = speakerFind.typed();
  const ids = state.order.filter((id) => r.speakers[id].quotes > 0 && found(words, r.speakers[id].name, ...r.speakers[id].aliases));
  const none = r.quotes.filter((q) => q.speaker_id === null);
  if (none.length && !words) ids.push("none");
  ui.matrixHead.replaceChildren(head);
  rowPager.set(ids, (id) => {
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
  const more = docs.length - MAX_COLS;
  ui.matrixMore.hidden = more <= 0;
  ui.matrixMore.textContent = more > 0 ? "Not shown: " + plural(more, "more article", "more articles") + " (pick one in the Article menu)." : "";
}


for (const b of ui.toGroups) {
  b.addEventListener("click", () => {
    ui.groupsH.scrollIntoView({ block: "start" });
    ui.groupsH.focus({ preventScroll: true });
  });
}
