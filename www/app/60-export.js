// Export: the analysis as JSON (the core's analyze_story output, which the engine makes when asked: storyJson, every
// pair of quotation marks included) and CSV (made here: one row per quote, or per pair of quotation marks), each
// made as its link is followed. Provides resetExports; its links' listeners.
// Uses state (10-state.js), spanText, the engine client (20-engine-client.js).

/** One row per quote, RFC 4180, offsets into the quote's article; cells that a spreadsheet would take
 * for a formula (= + - @, tab, CR first) get a leading apostrophe. */
function storyCsv(r) {
  const groupOf = new Map();
  for (const g of r.groups) for (const v of g.versions) groupOf.set(v.quote, (groupOf.has(v.quote) ? groupOf.get(v.quote) + " " : "") + g.id);
  const rows = [["article", "title", "quote", "kind", "speaker", "cue", "start", "end", "text", "group"]];
  for (const q of r.quotes) {
    const d = r.docs[q.doc];
    rows.push([q.doc + 1, d.title, q.n, q.kind, q.speaker_id === null ? "" : r.speakers[q.speaker_id].name, q.cue ? spanText(q.cue) : "", q.start - d.start, q.end - d.start, spanText(q), groupOf.has(q.id) ? groupOf.get(q.id) : ""]);
  }
  return csv(rows);
}

/** One row per pair of quotation marks, as the JSON's `quotations`: ids and offsets in its article, `quote` the
 * attributed quote it is part of and `parent` the pair it is inside (empty for none). */
function marksCsv(r) {
  const Q = r.quotations;
  const rows = [["article", "title", "quotation", "kind", "start", "end", "text", "quote", "depth", "parent"]];
  for (let k = 0; k < Q.length; k += 8) {
    const d = r.docs[Q[k + 2]];
    rows.push([Q[k + 2] + 1, d.title, Q[k + 3], r.kinds[Q[k + 7]], Q[k] - d.start, Q[k + 1] - d.start, state.text.slice(Q[k], Q[k + 1]), Q[k + 6] === NONE ? "" : r.quotes[Q[k + 6]].n, Q[k + 4], Q[k + 5] === NONE ? "" : Q[8 * Q[k + 5] + 3]]);
  }
  return csv(rows);
}

/** RFC 4180 text of `rows`. */
function csv(rows) {
  const cell = (v) => {
    v = String(v);
    if (/^[=+\-@\t\r]/.test(v)) v = "'" + v;
    return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  };
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
  if (!r || !r.docs.length) {
    e.preventDefault();
    return;
  }
  if (a !== ui.exportJson) {
    a.href = URL.createObjectURL(new Blob(["\ufeff", a === ui.exportCsv ? storyCsv(r) : marksCsv(r)], { type: "text/csv;charset=utf-8" }));
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
  ui.exports.hidden = !state.result.docs.length;
  for (const a of [ui.exportJson, ui.exportCsv, ui.exportMarks]) {
    if (a.href.startsWith("blob:")) URL.revokeObjectURL(a.href);
    a.href = "#";
  }
}

for (const a of [ui.exportJson, ui.exportCsv, ui.exportMarks]) a.addEventListener("click", exportClick);
