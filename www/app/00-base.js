// Base: the page's elements, DOM helpers, wording, and the notice line. Every other module uses these.
//
// The modules of www/app/ are classic-script fragments: scripts/build-web.sh joins them in file-name order
// into dist/app.js, inside one function, so that they share one scope (and work from file://, where
// browsers refuse ES modules). Each file starts by saying what it provides and what it uses.
//   00-base.js          elements, DOM helpers, wording, the notice line, long lists drawn a part at a time
//   10-state.js         the result on screen and what the reader picked (speaker filter, article)
//   20-engine-client.js the analyser: a Web Worker (or its fallbacks) and the jobs sent to it
//   30-text-view.js     the annotated text
//   40-panels.js        status line, Article menu, speaker list, quote list
//   50-story-view.js    several articles: the speaker × article table and the statements in several articles
//   60-export.js        the analysis as JSON and CSV files
//   70-input.js         the text box, large pastes, files, Clear and the sample story
//   90-main.js          puts a result on screen, redraws after a pick, starts the page
// Pasted text is only ever set as text (textContent / text nodes), never parsed as HTML.

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
  earlierText: $("earlier-text"),
  docFind: $("doc-find"),
  speakers: $("speakers"),
  speakersNote: $("speakers-note"),
  speakersFind: $("speakers-find"),
  moreSpeakers: $("more-speakers"),
  quotesFind: $("quotes-find"),
  groupsFind: $("groups-find"),
  moreGroups: $("more-groups"),
  moreRows: $("more-rows"),
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
  exportMarks: $("export-marks"),
  exports: $("exports"),
  marks: $("marks"),
  marksCount: $("marks-count"),
};

const plural = (n, one, many) => n + " " + (n === 1 ? one : many);

function formatSize(units) {
  if (units < 1024) return units + " characters";
  if (units < 1048576) return Math.round(units / 1024) + " K characters";
  return (units / 1048576).toFixed(1) + " M characters";
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Replaces `parent`'s children with `items` (any number: no argument spreading), or adds them (`add`). */
function fill(parent, items, add) {
  const frag = document.createDocumentFragment();
  for (const item of items) frag.append(item);
  if (add) parent.append(frag);
  else parent.replaceChildren(frag);
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error("cannot load " + src));
    document.head.appendChild(s);
  });
}

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

function fatal(e) {
  showError("whosaid cannot run here: " + ((e && e.message) || e));
}

/**
 * A list drawn a part at a time: `step` items, then `step` more each time its "more" button is pressed (the focus
 * going to the first of them), so that the page never builds thousands of elements at once. `more(left)` words the
 * button. set(items, draw) starts over with `items`, `draw(item)` making one element.
 */
function pager(list, button, step, more) {
  const p = { items: [], shown: 0, draw: null };
  p.set = (items, draw) => {
    p.items = items;
    p.draw = draw;
    p.shown = 0;
    list.replaceChildren();
    p.next();
  };
  p.next = () => {
    fill(list, p.items.slice(p.shown, p.shown + step).map(p.draw), true);
    p.shown = Math.min(p.items.length, p.shown + step);
    const left = p.items.length - p.shown;
    button.hidden = left <= 0;
    if (left > 0) button.textContent = more(left);
  };
  button.addEventListener("click", () => {
    const first = p.shown;
    p.next();
    const b = list.children[first] && list.children[first].querySelector("button");
    if (b) b.focus();
  });
  return p;
}

/**
 * A search box over a long list: shown only when the list has more than FIND_FROM items, it calls `update` as
 * the reader types (lists of thousands are drawn a part at a time, but finding one needs more than scrolling).
 */
const FIND_FROM = 30;
function finder(input, update) {
  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  });
  return {
    /** Shows the box when `n` items would be listed; the words typed, lower-cased ("" when hidden). */
    words(n) {
      input.hidden = n <= FIND_FROM && !input.value;
      return this.typed();
    },
    /** The words typed, lower-cased ("" when the box is hidden). */
    typed: () => (input.hidden ? "" : input.value.trim().toLowerCase()),
    clear() {
      input.value = "";
    },
  };
}

/** Whether `item`'s text (any of `texts`) contains `words` (lower-cased); true when there are none. */
const found = (words, ...texts) => !words || texts.some((t) => t && t.toLowerCase().includes(words));

/**
 * How much work laying `text[from, to)` out is, in characters of prose: a line break counts as `line` characters,
 * and (`runs`) a run without a space longer than 1,000 characters grows with its square (browsers lay such a run out in
 * time that grows with its square: 200,000 quotation marks took a text box 4.5 s). Measured in headless Chromium
 * on the development machine: a text box lays out about 2.5 M characters of prose a second, a line break costs
 * it as much as 40 characters; the annotated view (another font, highlights) about 0.7 M, a line break 4.
 */
function layoutCost(text, from, to, line, runs) {
  let cost = to - from;
  let run = 0;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 32;
    if (c === 10) cost += line;
    if (c > 32) run++;
    else {
      if (runs && run > 1000) cost += (run * run) / 2200;
      run = 0;
    }
  }
  return cost;
}
