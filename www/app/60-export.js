// Export: the story as JSON (the core's analyze_story output, which the engine makes when asked: storyJson) and
// CSV (made here), each made as its link is followed. Provides resetExports; its links' listeners.
// Uses state (10-state.js), spanText, the engine client (20-engine-client.js).

/** One row per quote, RFC 4180, offsets into the quote's article; cells that a spreadsheet would take
 * for a formula (= + - @, tab, CR first) get a leading apostrophe. */
function storyCsv(r) {
  const groupOf = new Map();
  for (const g of r.groups) for (const v of g.versions) groupOf.set(v.quote, (groupOf.has(v.quote) ? groupOf.get(v.quote) + " " : "") + g.id);
  const cell = (v) => {
    v = String(v);
    if (/^[=+\-@\t\r]/.test(v)) v = "'" + v;
    return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  };
  const rows = [["article", "title", "quote", "kind", "speaker", "cue", "start", "end", "text", "group"]];
  for (const q of r.quotes) {
    const d = r.docs[q.doc];
    rows.push([q.doc + 1, d.title, q.n, q.kind, q.speaker_id === null ? "" : r.speakers[q.speaker_id].name, q.cue ? spanText(q.cue) : "", q.start - d.start, q.end - d.start, spanText(q), groupOf.has(q.id) ? groupOf.get(q.id) : ""]);
  }
  return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

/**
 * Gives an export link its file (a blob: URL) as it is followed: nothing is built until asked for. The JSON comes
 * from the engine, so the link is followed again once it is there.
 */
function exportClick(e) {
  const a = e.currentTarget;
  const r = state.result;
  if (a.href.startsWith("blob:")) return;
  if (!r || !r.story) {
    e.preventDefault();
    return;
  }
  if (a === ui.exportCsv) {
    a.href = URL.createObjectURL(new Blob(["\ufeff", storyCsv(r)], { type: "text/csv;charset=utf-8" }));
    return;
  }
  e.preventDefault();
  if (a.getAttribute("aria-busy")) return;
  a.setAttribute("aria-busy", "true");
  setStatus("Preparing the story as JSON…");
  storyJson(state.text).then(
    (json) => {
      a.removeAttribute("aria-busy");
      renderStatus();
      if (state.result !== r) return; // another text meanwhile
      a.href = URL.createObjectURL(new Blob([json], { type: "application/json" }));
      a.click();
    },
    (err) => {
      a.removeAttribute("aria-busy");
      renderStatus();
      if (state.result === r) showError("The story could not be exported: " + ((err && err.message) || err));
    },
  );
}

/** Forgets the files made for the previous result (a new result gets new files). */
function resetExports() {
  for (const a of [ui.exportJson, ui.exportCsv]) {
    if (a.href.startsWith("blob:")) URL.revokeObjectURL(a.href);
    a.href = "#";
  }
}

ui.exportJson.addEventListener("click", exportClick);
ui.exportCsv.addEventListener("click", exportClick);
