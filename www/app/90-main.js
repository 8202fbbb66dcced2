// Main: puts a result on screen, redraws every view after a pick, starts the engine and the page.
// Provides show, present, renderAll. Uses every other module.

/** Shows the engine's result for `text` (the latest request). */
function show(text, result, ms, memory) {
  const id = engine.latest;
  present(text, result, () => {
    // For benchmarks and tests: how long the analysis took, how much memory the module holds, and that the result
    // is on screen.
    const root = document.documentElement.dataset;
    root.ms = ms.toFixed(1);
    root.memory = String(memory);
    root.analysed = String(id);
  });
}

let drawing = 0;

/**
 * Makes `result` (the analysis of `text`) the one on screen, keeping the filter when it still applies. With `done`,
 * the status, the Article menu and the text come first, then each list in a task of its own (its layout done
 * there too), so that no task takes long and a click (Clear) between them is answered; `done` runs at the end,
 * unless another result came first.
 */
function present(text, result, done) {
  const id = ++drawing;
  setResult(text, result);
  // Export files are made when asked for (see exportClick), from the result on screen.
  resetExports();
  clearNotice();
  renderDocPick();
  renderStatus();
  renderAnnotated();
  const steps = [renderSpeakers, renderMatrix, renderGroups, renderQuotes];
  if (!done) {
    for (const step of steps) step();
    return;
  }
  const next = () => {
    if (id !== drawing) return;
    const step = steps.shift();
    if (!step) {
      done();
      return;
    }
    step();
    void document.body.offsetHeight; // its layout now, in this task
    setTimeout(next, 0);
  };
  void document.body.offsetHeight;
  setTimeout(next, 0);
}

function renderAll() {
  renderStatus();
  renderSpeakers();
  renderMatrix();
  renderGroups();
  renderQuotes();
  renderAnnotated();
}

// Selecting a speaker, in the speaker list or the table, filters everything; again to undo.
for (const list of [ui.speakers, ui.matrixBody]) {
  list.addEventListener("click", (e) => {
    const b = e.target.closest("button[data-speaker]");
    if (!b) return;
    const id = b.dataset.speaker === "none" ? "none" : Number(b.dataset.speaker);
    state.filter = state.filter === id ? null : id;
    renderAll();
    const again = list.querySelector('button[data-speaker="' + b.dataset.speaker + '"]');
    if (again) again.focus();
  });
}

// Start.
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
