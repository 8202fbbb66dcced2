// Base: the page's elements, DOM helpers, wording, and the notice line. Every other module uses these.
//
// The modules of www/app/ are classic-script fragments: scripts/build-web.sh joins them in file-name order
// into dist/app.js, inside one function, so that they share one scope (and work from file://, where
// browsers refuse ES modules). Each file starts by saying what it provides and what it uses.
//   00-base.js          elements, DOM helpers, wording, the notice line
//   10-state.js         the result on screen and what the reader picked (speaker filter, article)
//   20-engine-client.js the analyser: a Web Worker (or its fallbacks) and the jobs sent to it
//   30-text-view.js     the annotated text
//   40-panels.js        status line, Article menu, speaker list, quote list
//   50-story-view.js    several articles: the speaker × article table and the statements in several articles
//   60-export.js        the story as JSON and CSV files
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

/** Replaces `parent`'s children with `items` (any number: no argument spreading). */
function fill(parent, items) {
  const frag = document.createDocumentFragment();
  for (const item of items) frag.append(item);
  parent.replaceChildren(frag);
}

/** Loads a classic script (read as `charset` when given: a Content-Type header overrides it, file:// sends none). */
function loadScript(src, charset) {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    if (charset) s.charset = charset;
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
