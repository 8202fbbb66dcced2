// whosaid page: paste text, see who said what. Plain DOM; pasted text is only ever set as text
// (textContent / text nodes), never parsed as HTML. The analysis runs in a Web Worker.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const ui = {
    text: $("text"),
    big: $("big"),
    bigInfo: $("big-info"),
    bigEdit: $("big-edit"),
    status: $("status"),
    notice: $("notice"),
    annotated: $("annotated"),
    moreText: $("more-text"),
    docPick: $("doc-pick"),
    doc: $("doc"),
    speakers: $("speakers"),
    speakersNote: $("speakers-note"),
    showAll: $("show-all"),
    quotes: $("quotes"),
    groupsSec: $("groups-sec"),
    groups: $("groups"),
    moreQuotes: $("more-quotes"),
    sample: $("sample"),
    clear: $("clear"),
    version: $("version"),
    engineMode: $("engine-mode"),
    files: $("files"),
    filesMsg: $("files-msg"),
    storySec: $("story-sec"),
    matrixHead: $("matrix-head"),
    matrixBody: $("matrix-body"),
    matrixMore: $("matrix-more"),
    toGroups: document.querySelectorAll(".to-groups"),
    groupsH: $("groups-h"),
    exportJson: $("export-json"),
    exportCsv: $("export-csv"),
  };

  /** Above this many UTF-16 units the text is not analysed (the worker would need gigabytes). */
  const MAX_TEXT = 32 * 1024 * 1024;
  /**
   * Pastes longer than this (UTF-16 units) are kept out of the text box: laying out a 10 MB textarea
   * blocks the page for seconds in any browser. The text is analysed and shown annotated all the same.
   */
  const LARGE = 1024 * 1024;
  /** The annotated view renders this much text at first, then more on request. */
  const TEXT_CHUNK = 200000;
  /** The quote list renders this many items at first, then more on request. */
  const QUOTE_CHUNK = 300;
  /** A job running longer than this is abandoned (worker restarted) when newer text arrives. */
  const SUPERSEDE_MS = 250;
  const PALETTE = 8;
  /** Statements quoted in several articles: at most this many are listed at once. */
  const MAX_GROUPS = 100;
  /** The speaker × article table shows at most this many rows and article columns. */
  const MAX_ROWS = 60;
  const MAX_COLS = 30;
  /** Larger files are refused (a news article is a few dozen KB). */
  const MAX_FILE = 10 * 1024 * 1024;

  // ---------------------------------------------------------------------------------------------
  // Engine: a Worker when possible; from file:// a Worker built from engine.js's own source; else
  // the main thread. Only the latest text's result is ever shown.

  const engine = {
    mode: null,
    worker: null,
    wasm: null, // what "init" gets: the .wasm URL, or its bytes when opened from disk
    busy: null, // {id, since}
    queued: null, // {id, text}
    latest: 0,
    nextId: 1,
    texts: new Map(), // id -> text, for the jobs in flight
  };

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = () => reject(new Error("cannot load " + src));
      document.head.appendChild(s);
    });
  }

  /** A stand-in for a Worker that runs the same message loop on the main thread. */
  function inlineWorker() {
    const scope = { onmessage: null, postMessage: null };
    const w = {
      onmessage: null,
      onerror: null,
      postMessage(data) {
        setTimeout(() => scope.onmessage({ data }), 0);
      },
      terminate() {
        scope.postMessage = () => {};
      },
    };
    scope.postMessage = (data) => w.onmessage && w.onmessage({ data });
    whosaidWorker(scope); // eslint-disable-line no-undef
    return w;
  }

  async function ensureInlineEngine() {
    if (typeof whosaidWorker !== "function") await loadScript("engine.js");
    // wasm-inline.js sets self.WHOSAID_WASM to a Promise of the module's bytes, then to the bytes (see
    // scripts/wasm-inline.cjs).
    if (!self.WHOSAID_WASM) await loadScript("wasm-inline.js");
    const bytes = await self.WHOSAID_WASM;
    if (!(bytes instanceof Uint8Array)) throw new Error("wasm-inline.js did not yield the module");
    engine.wasm = bytes.buffer;
  }

  let blobUrl = null;

  /** A worker whose script is engine.js's own functions, from a blob: URL (made once, kept for restarts). */
  function blobWorker() {
    if (blobUrl === null) {
      // eslint-disable-next-line no-undef
      const src = [whosaidEngine, whosaidAnalyzeAll, whosaidWorker].map(String).join("\n") +
        "\nwhosaidWorker(self);\n";
      blobUrl = URL.createObjectURL(new Blob([src], { type: "text/javascript" }));
    }
    return new Worker(blobUrl);
  }

  function makeWorker(mode) {
    if (mode === "worker") return new Worker("worker.js");
    if (mode === "blob-worker") return blobWorker();
    return inlineWorker();
  }

  /** Starts a worker in `mode`; resolves with its version once the wasm module is running. */
  function startWorker(mode) {
    return new Promise((resolve, reject) => {
      let w;
      try {
        w = makeWorker(mode);
      } catch (e) {
        reject(e);
        return;
      }
      let ready = false;
      w.onerror = (e) => {
        if (e && e.preventDefault) e.preventDefault();
        if (!ready) {
          w.terminate();
          reject(new Error((e && e.message) || "worker failed to start"));
        } else {
          onEngineError(w, (e && e.message) || "the analyser stopped");
        }
      };
      w.onmessage = (e) => {
        const msg = e.data;
        if (!ready) {
          if (msg.type === "ready") {
            ready = true;
            engine.worker = w;
            engine.mode = mode;
            resolve(msg.version);
          } else {
            w.terminate();
            reject(new Error(msg.message || "worker failed to start"));
          }
          return;
        }
        onEngineMessage(w, msg);
      };
      const wasm = engine.wasm instanceof ArrayBuffer ? engine.wasm.slice(0) : engine.wasm;
      w.postMessage({ type: "init", wasm }, wasm instanceof ArrayBuffer ? [wasm] : []);
    });
  }

  async function startEngine() {
    const attempts = [];
    // ?engine=blob-worker or ?engine=main-thread forces a fallback (to test them over http).
    const forced = new URLSearchParams(location.search).get("engine");
    if (forced === "main-thread" || forced === "blob-worker") {
      await ensureInlineEngine();
      return startWorker(forced);
    }
    if (location.protocol !== "file:") {
      engine.wasm = "whosaid_bg.wasm";
      try {
        return await startWorker("worker");
      } catch (e) {
        attempts.push("worker: " + e.message);
      }
    }
    await ensureInlineEngine();
    try {
      return await startWorker("blob-worker");
    } catch (e) {
      attempts.push("blob worker: " + e.message);
    }
    if (attempts.length) console.warn("whosaid: analysing on the main thread (" + attempts.join("; ") + ")");
    return startWorker("main-thread");
  }

  async function restartEngine() {
    const old = engine.worker;
    engine.worker = null;
    if (old) old.terminate();
    engine.busy = null;
    await startWorker(engine.mode);
  }

  function send(id, text) {
    engine.busy = { id, since: performance.now() };
    engine.worker.postMessage({ type: "analyze", id, text });
  }

  /** Asks for an analysis of `text`; earlier requests that have not started are dropped. */
  function request(text) {
    const id = engine.nextId++;
    engine.latest = id;
    document.documentElement.dataset.requested = String(id);
    engine.texts.set(id, text);
    for (const old of engine.texts.keys()) if (old !== id && (!engine.busy || old !== engine.busy.id)) engine.texts.delete(old);
    if (!engine.worker) {
      engine.queued = { id, text };
      return;
    }
    if (!engine.busy) {
      send(id, text);
    } else if (engine.mode !== "main-thread" && performance.now() - engine.busy.since > SUPERSEDE_MS) {
      // A long job for outdated text: drop it rather than wait.
      engine.texts.delete(engine.busy.id);
      engine.queued = { id, text };
      restartEngine().then(drain, fatal);
    } else {
      engine.queued = { id, text };
    }
  }

  function drain() {
    if (!engine.busy && engine.queued && engine.worker) {
      const q = engine.queued;
      engine.queued = null;
      send(q.id, q.text);
    }
  }

  function onEngineMessage(w, msg) {
    if (w !== engine.worker) return;
    if (engine.busy && engine.busy.id === msg.id) engine.busy = null;
    const text = engine.texts.get(msg.id);
    engine.texts.delete(msg.id);
    if (msg.type === "result" && msg.id === engine.latest && text !== undefined) {
      show(text, msg.result, msg.ms, msg.memory);
    } else if (msg.type === "error" && msg.id === engine.latest) {
      showError("The analyser failed on this text: " + msg.message);
      // A trap can leave the wasm instance in a bad state: start a fresh one.
      restartEngine().then(drain, fatal);
      return;
    }
    drain();
  }

  function onEngineError(w, message) {
    if (w !== engine.worker) return;
    showError("The analyser stopped (" + message + "); restarting it.");
    if (engine.busy) engine.texts.delete(engine.busy.id);
    restartEngine().then(() => {
      if (!engine.queued && engine.latest) {
        request(currentText());
      }
      drain();
    }, fatal);
  }

  function fatal(e) {
    showError("whosaid cannot run here: " + ((e && e.message) || e));
  }

  // ---------------------------------------------------------------------------------------------
  // State and rendering

  const state = {
    text: "",
    result: null,
    order: [], // speaker ids, most quoted first
    number: new Map(), // speaker id -> 1-based number shown in the UI
    filter: null, // null | speaker id | "none" (unattributed)
    result_names: null, // speaker names of the result on screen (the filter is kept by name)
    doc: "all",
    textLimit: TEXT_CHUNK,
    quoteLimit: QUOTE_CHUNK,
  };

  const plural = (n, one, many) => n + " " + (n === 1 ? one : many);

  function setStatus(message) {
    if (ui.status.textContent !== message) ui.status.textContent = message;
  }

  function showError(message) {
    ui.notice.textContent = message;
    ui.notice.hidden = false;
    ui.notice.classList.add("error");
  }

  function clearNotice() {
    ui.notice.hidden = true;
    ui.notice.textContent = "";
    ui.notice.classList.remove("error");
  }

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

  function show(text, result, ms, memory) {
    setResult(text, result);
    renderAll();
    // For benchmarks and tests: how long the analysis took and how much memory the module holds.
    const root = document.documentElement.dataset;
    root.ms = ms.toFixed(1);
    root.memory = String(memory);
    root.analysed = String(engine.latest);
  }

  /** Makes `result` (the analysis of `text`) the one on screen, keeping the filter when it still applies. */
  function setResult(text, result) {
    const docChanged = !state.result || state.result.docs.length !== result.docs.length;
    state.text = text;
    state.result = result;
    state.textLimit = TEXT_CHUNK;
    state.quoteLimit = QUOTE_CHUNK;
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
    // Export files are made when asked for (see exportClick), from the result on screen.
    for (const a of [ui.exportJson, ui.exportCsv]) {
      if (a.href.startsWith("blob:")) URL.revokeObjectURL(a.href);
      a.href = "#";
    }
    clearNotice();
    renderDocPick();
  }

  function renderAll() {
    renderStatus();
    renderMatrix();
    renderSpeakers();
    renderGroups();
    renderQuotes();
    renderAnnotated();
  }

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

  /** Gives an export link its file (a blob: URL) as it is followed: nothing is built until asked for. */
  function exportClick(e) {
    const a = e.currentTarget;
    const r = state.result;
    if (!r || !r.json) {
      e.preventDefault();
      return;
    }
    if (!a.href.startsWith("blob:")) {
      const csv = a === ui.exportCsv;
      const blob = csv ? new Blob(["\ufeff", storyCsv(r)], { type: "text/csv;charset=utf-8" }) : new Blob([r.json], { type: "application/json" });
      a.href = URL.createObjectURL(blob);
    }
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

  /** Replaces `parent`'s children with `items` (any number: no argument spreading). */
  function fill(parent, items) {
    const frag = document.createDocumentFragment();
    for (const item of items) frag.append(item);
    parent.replaceChildren(frag);
  }

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
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
    for (const q of shown.slice(0, state.quoteLimit)) {
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
    const rest = shown.length - Math.min(shown.length, state.quoteLimit);
    ui.moreQuotes.hidden = rest <= 0;
    if (rest > 0) ui.moreQuotes.textContent = "Show more quotes (" + rest + " more)";
  }

  /** The text of a span of the analysed text (results carry offsets, not copies of the text). */
  const spanText = (span) => state.text.slice(span.start, span.end);

  /** The ranges a quote highlights: its quoted parts when its cue interrupts it, else the whole span. */
  const rangesOf = (q) => (q.parts && q.parts.length ? q.parts : [q]);

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
    const limit = Math.min(to, from + state.textLimit);
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

  function formatSize(units) {
    if (units < 1024) return units + " characters";
    if (units < 1048576) return Math.round(units / 1024) + " K characters";
    return (units / 1048576).toFixed(1) + " M characters";
  }

  // ---------------------------------------------------------------------------------------------
  // Input

  let timer = 0;
  let lastSent = null;
  let big = null; // a large pasted text kept out of the text box, or null

  const currentText = () => (big !== null ? big : ui.text.value);

  function setBig(text, origin) {
    big = text;
    ui.text.value = "";
    ui.text.hidden = true;
    ui.big.hidden = false;
    ui.bigInfo.textContent = "Large text " + origin + ": " + formatSize(text.length) + ".";
    state.filter = null;
    analyseNow();
    ui.bigEdit.focus();
  }

  function leaveBig(keepInBox) {
    if (big === null) return;
    ui.text.value = keepInBox ? big : "";
    big = null;
    ui.big.hidden = true;
    ui.text.hidden = false;
  }

  /** The text after inserting `data` at the text box's selection (or instead of the large text). */
  function afterInsert(data, target) {
    if (big !== null || target !== ui.text) return data;
    const v = ui.text.value;
    return v.slice(0, ui.text.selectionStart) + data + v.slice(ui.text.selectionEnd);
  }

  document.addEventListener("paste", (e) => {
    if (big === null && e.target !== ui.text) return;
    const data = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
    const next = afterInsert(data, e.target);
    if (next.length >= LARGE) {
      e.preventDefault();
      setBig(next, "pasted");
    } else if (big !== null) {
      e.preventDefault();
      leaveBig(false);
      ui.text.value = next;
      analyseNow();
      ui.text.focus();
    }
  });

  // Dropping text: large text goes the same way as large pastes (files: see addFiles).
  ui.text.addEventListener("drop", (e) => {
    const dt = e.dataTransfer;
    if (!dt || hasFiles(e)) return;
    const data = dt.getData("text/plain");
    if (data && afterInsert(data, ui.text).length >= LARGE) {
      e.preventDefault();
      setBig(afterInsert(data, ui.text), "dropped");
    }
  });

  /**
   * Adds each file as one article after the text ("=== name ===" before it), read here with
   * File.arrayBuffer, never uploaded. Refused, with the reason: non-text types, files over MAX_FILE,
   * binary content (NUL bytes), text that is not UTF-8, empty files.
   */
  async function addFiles(list) {
    const added = [];
    const names = [];
    const problems = [];
    const notes = [];
    for (const f of list) {
      const name = f.name.replace(/[\u0000-\u001f\u007f]+/g, " ").trim() || "untitled";
      try {
        if (f.type && !f.type.startsWith("text/")) throw "is not a text file (" + f.type + ")";
        if (f.size > MAX_FILE) throw "is " + (f.size / 1048576).toFixed(1) + " MB; files up to " + MAX_FILE / 1048576 + " MB are read";
        const bytes = new Uint8Array(await f.arrayBuffer());
        if (bytes.includes(0)) throw "is not a text file";
        let t;
        try {
          t = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        } catch (_) {
          throw "is not UTF-8 text";
        }
        if (!/\S/.test(t)) throw "is empty";
        if (/^===/m.test(t)) notes.push(name + " has lines starting with ===, which split it into several articles");
        added.push("=== " + name.replace(/\.te?xt$/i, "") + " ===\n\n" + t.replace(/\r\n?/g, "\n").trim() + "\n");
        names.push(name);
      } catch (err) {
        problems.push(name + " " + (typeof err === "string" ? err : "cannot be read (" + err + ")"));
      }
    }
    const msg = [];
    if (names.length) msg.push("Added " + plural(names.length, "article", "articles") + ": " + names.join(", ") + ".");
    if (problems.length) msg.push("Not added: " + problems.join("; ") + ".");
    if (notes.length) msg.push("Note: " + notes.join("; ") + ".");
    ui.filesMsg.textContent = msg.join(" ");
    ui.filesMsg.hidden = !msg.length;
    ui.filesMsg.classList.toggle("error", problems.length > 0);
    if (!added.length) return;
    const cur = currentText().replace(/\s+$/, "");
    const next = (cur ? cur + "\n\n" : "") + added.join("\n");
    state.doc = "all";
    if (next.length >= LARGE) {
      setBig(next, "from files");
    } else {
      leaveBig(false);
      ui.text.value = next;
      analyseNow();
    }
  }

  const hasFiles = (e) => !!e.dataTransfer && [...e.dataTransfer.types].includes("Files");

  ui.files.addEventListener("change", () => {
    const files = [...ui.files.files];
    ui.files.value = ""; // the same file can be picked again
    addFiles(files);
  });

  // Files dropped anywhere on the page become articles (the browser would otherwise open them).
  document.addEventListener("dragover", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
    document.body.classList.add("dropping");
  });
  document.addEventListener("dragleave", (e) => {
    if (!e.relatedTarget) document.body.classList.remove("dropping");
  });
  document.addEventListener("drop", (e) => {
    document.body.classList.remove("dropping");
    if (!hasFiles(e)) return;
    e.preventDefault();
    addFiles([...e.dataTransfer.files]);
  });

  ui.bigEdit.addEventListener("click", () => {
    leaveBig(true);
    ui.text.focus();
  });

  function analyseNow() {
    clearTimeout(timer);
    const text = currentText();
    if (text === lastSent) return;
    lastSent = text;
    if (text.length > MAX_TEXT) {
      engine.latest = engine.nextId++; // drop anything in flight
      document.documentElement.dataset.requested = document.documentElement.dataset.analysed = String(engine.latest);
      setResult("", { docs: [], quotes: [], speakers: [] });
      renderAll();
      showError("This text is " + formatSize(text.length) + " long; whosaid analyses up to " + formatSize(MAX_TEXT) + ". Paste less text.");
      return;
    }
    if (!/\S/.test(text)) {
      engine.latest = engine.nextId++;
      document.documentElement.dataset.requested = document.documentElement.dataset.analysed = String(engine.latest);
      state.filter = null;
      setResult(text, { docs: [], quotes: [], speakers: [] });
      renderAll();
      return;
    }
    if (text.length > 1000000) setStatus("Analysing " + formatSize(text.length) + "…");
    request(text);
  }

  function schedule() {
    clearTimeout(timer);
    const n = ui.text.textLength;
    timer = setTimeout(analyseNow, n < 100000 ? 120 : 400);
  }

  ui.text.addEventListener("input", schedule);
  // Leaving the field analyses at once.
  ui.text.addEventListener("change", analyseNow);

  ui.clear.addEventListener("click", () => {
    leaveBig(false);
    ui.filesMsg.hidden = true;
    ui.text.value = "";
    state.filter = null;
    analyseNow();
    ui.text.focus();
  });

  async function loadSample() {
    try {
      if (!Array.isArray(self.WHOSAID_SAMPLES)) await loadScript("samples.js");
    } catch (e) {
      showError("The sample story is missing from this build.");
      return;
    }
    const samples = self.WHOSAID_SAMPLES;
    leaveBig(false);
    ui.text.value = samples
      .map((s, i) => "=== Article " + (i + 1) + " of " + samples.length + " ===\n\n" + s.text.trim() + "\n")
      .join("\n");
    state.filter = null;
    state.doc = "all";
    analyseNow();
  }

  ui.sample.addEventListener("click", () => {
    loadSample();
  });

  // Selecting a speaker, in the speaker list or the table, filters everything; again to undo.
  for (const list of [ui.speakers, ui.matrixBody]) {
    list.addEventListener("click", (e) => {
      const b = e.target.closest("button[data-speaker]");
      if (!b) return;
      const id = b.dataset.speaker === "none" ? "none" : Number(b.dataset.speaker);
      state.filter = state.filter === id ? null : id;
      state.quoteLimit = QUOTE_CHUNK;
      renderAll();
      const again = list.querySelector('button[data-speaker="' + b.dataset.speaker + '"]');
      if (again) again.focus();
    });
  }

  for (const b of ui.toGroups) {
    b.addEventListener("click", () => {
      ui.groupsH.scrollIntoView({ block: "start" });
      ui.groupsH.focus({ preventScroll: true });
    });
  }

  ui.exportJson.addEventListener("click", exportClick);
  ui.exportCsv.addEventListener("click", exportClick);

  ui.showAll.addEventListener("click", () => {
    state.filter = null;
    renderAll();
    const first = ui.speakers.querySelector("button");
    (first || ui.text).focus();
  });

  ui.doc.addEventListener("change", () => {
    state.doc = ui.doc.value;
    state.textLimit = TEXT_CHUNK;
    state.quoteLimit = QUOTE_CHUNK;
    renderStatus();
    renderGroups();
    renderQuotes();
    renderAnnotated();
  });

  ui.moreText.addEventListener("click", () => {
    state.textLimit += TEXT_CHUNK * 5;
    renderAnnotated();
  });

  ui.moreQuotes.addEventListener("click", () => {
    const next = ui.quotes.children.length;
    state.quoteLimit += QUOTE_CHUNK;
    renderQuotes();
    const b = ui.quotes.children[next] && ui.quotes.children[next].querySelector("button");
    if (b) b.focus();
  });

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
      state.textLimit = Math.max(state.textLimit, q.end - from + TEXT_CHUNK);
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

  // ---------------------------------------------------------------------------------------------
  // Start

  startEngine().then(
    (version) => {
      ui.version.textContent = version;
      document.documentElement.dataset.engine = engine.mode;
      const note = {
        worker: "",
        "blob-worker": "",
        "main-thread": " (on the main thread: very large texts may pause the page)",
      }[engine.mode];
      ui.engineMode.textContent = note;
      drain();
    },
    (e) => {
      document.documentElement.dataset.engine = "failed";
      fatal(e);
    },
  );

  if (new URLSearchParams(location.search).has("sample")) loadSample();
  else if (ui.text.value) analyseNow(); // text the browser restored on reload
})();
