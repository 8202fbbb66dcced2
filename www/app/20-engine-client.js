// Engine client: the analyser runs in a Worker when possible; from file:// in a Worker built from engine.js's
// own source; else on the main thread. Only the latest text's result is ever shown.
// Provides `engine` (its mode, for the footer), startEngine, request, drain, cancelPending, release, storyJson.
// Uses (at run time) show (main), currentText (input), showError and fatal (base).

/** A job running longer than this is abandoned (worker restarted) when newer text arrives. */
const SUPERSEDE_MS = 250;
/**
 * On Clear, a worker that analysed a text longer than this (UTF-16 units) is replaced: its wasm memory never
 * shrinks, and its heap keeps the text and the result's garbage until it collects (not soon, idle).
 */
const RELEASE_UNITS = 1024 * 1024;

const engine = {
  mode: null,
  worker: null,
  wasm: null, // what "init" gets: the module's bytes (from wasm-inline.js)
  busy: null, // {id, since}
  queued: null, // {id, text}
  latest: 0,
  nextId: 1,
  texts: new Map(), // id -> text, for the jobs in flight
  size: 0, // the length of the longest text sent to the worker
  json: new Map(), // id -> {resolve, reject}, for the story exports asked for
};

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

/**
 * The module's bytes from wasm-inline.js, served or opened from disk: it holds the module gzipped by zopfli (in
 * base64), about 10 KB less to download than the .wasm gzipped by a server, and it loads from file:// too.
 */
async function loadWasmBytes() {
  // wasm-inline.js sets self.WHOSAID_WASM to a Promise of the module's bytes, then to the bytes (see
  // scripts/wasm-inline.cjs).
  if (!self.WHOSAID_WASM) await loadScript("wasm-inline.js");
  const bytes = await self.WHOSAID_WASM;
  if (!(bytes instanceof Uint8Array)) throw new Error("wasm-inline.js did not yield the module");
  engine.wasm = bytes.buffer;
}

async function ensureInlineEngine() {
  if (typeof whosaidWorker !== "function") await loadScript("engine.js");
  await loadWasmBytes();
}

let blobUrl = null;

/** A worker whose script is engine.js's own functions, from a blob: URL (made once, kept for restarts). */
function blobWorker() {
  if (blobUrl === null) {
    // eslint-disable-next-line no-undef
    const src = [whosaidEngine, whosaidArticles, whosaidAnalyzeAll, whosaidTransfer, whosaidStoryJson, whosaidWorker].map(String).join("\n") +
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
    await loadWasmBytes();
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
  engine.size = 0;
  for (const p of engine.json.values()) p.reject(new Error("the analyser was restarted"));
  engine.json.clear();
  await startWorker(engine.mode);
}

/**
 * After Clear: a job still running, or a worker that had a long text, is dropped for a fresh worker, so that the
 * memory a big text took is given back (not on the main thread, where starting again would pause the page).
 */
function release() {
  if (engine.worker && engine.mode !== "main-thread" && (engine.busy || engine.size > RELEASE_UNITS)) {
    engine.texts.clear();
    restartEngine().then(drain, fatal);
  }
}

/** The core's story output (analyze_story) for the articles of `text`, as JSON: a Promise. */
function storyJson(text) {
  return new Promise((resolve, reject) => {
    if (!engine.worker) {
      reject(new Error("the analyser is not running"));
      return;
    }
    const id = "json" + engine.nextId++;
    engine.json.set(id, { resolve, reject });
    engine.worker.postMessage({ type: "json", id, text });
  });
}

function send(id, text) {
  engine.busy = { id, since: performance.now() };
  engine.size = Math.max(engine.size, text.length);
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
  const asked = engine.json.get(msg.id);
  if (asked) {
    engine.json.delete(msg.id);
    if (msg.type === "json") asked.resolve(msg.json);
    else asked.reject(new Error(msg.message));
    return;
  }
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

/** Drops anything in flight: the result on screen is for a text that needs no analysis (empty, too long). */
function cancelPending() {
  engine.queued = null;
  engine.latest = engine.nextId++;
  document.documentElement.dataset.requested = document.documentElement.dataset.analysed = String(engine.latest);
}
