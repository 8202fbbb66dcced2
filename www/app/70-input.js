// Input: the text box, large texts kept out of it, .txt files (picked or dropped), Clear and the sample story;
// each change of text is sent to the analyser. Provides currentText, analyseNow.
// Uses the engine client (20-engine-client.js) and present (90-main.js).

/** Above this many UTF-16 units the text is not analysed (the worker would need gigabytes). */
const MAX_TEXT = 32 * 1024 * 1024;
/**
 * Pastes that take a text box long to lay out are kept out of it: longer than LARGE (UTF-16 units), or more than
 * BOX characters of prose by layoutCost (00-base.js: a line break costs a text box as much as 40 characters, a long
 * run without a space grows with its square). Laying out a 10 MB textarea blocks the page for seconds in any
 * browser, and so do 200,000 lines or 200,000 quotation marks in a row at a fifth of the length. The text is
 * analysed and shown annotated all the same.
 */
const LARGE = 1024 * 1024;
const BOX = 250000;
const tooBig = (text) => text.length >= LARGE || layoutCost(text, 0, text.length, 40, true) > BOX;
/** Larger files are refused (a news article is a few dozen KB). */
const MAX_FILE = 10 * 1024 * 1024;

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
  if (tooBig(next)) {
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
  if (data && tooBig(afterInsert(data, ui.text))) {
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
  if (tooBig(next)) {
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
    cancelPending();
    present("", { docs: [], quotes: [], speakers: [] });
    showError("This text is " + formatSize(text.length) + " long; whosaid analyses up to " + formatSize(MAX_TEXT) + ". Paste less text.");
    return;
  }
  if (!/\S/.test(text)) {
    cancelPending();
    state.filter = null;
    present(text, { docs: [], quotes: [], speakers: [] });
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
  release();
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
