// whosaid for browsers and bundlers, an ES module. Load the wasm module once, `await init()`, then analyse.
// init() fetches wasm/whosaid_bg.wasm from beside wasm/web.js (wasm-bindgen's web glue names it with
// `new URL("whosaid_bg.wasm", import.meta.url)`, which webpack, Vite, Parcel and browsers resolve); give init() a URL,
// a Response, the bytes or a WebAssembly.Module to load it from elsewhere, or call initSync(bytes) where compiling
// synchronously is allowed (workers). Node.js gets whosaid.cjs / whosaid.mjs instead (package.json "exports").
// The argument checks are the same as in whosaid.cjs (the package test compares their messages). Types: whosaid.d.ts.
import load, { initSync as loadSync, analyze as wasmAnalyze, analyzeStory as wasmStory, version as wasmVersion } from "./wasm/web.js";

let loaded = false;

const what = (value) => (value === null ? "null" : Array.isArray(value) ? "an array" : typeof value);

function text(value) {
  if (typeof value !== "string") throw new TypeError(`whosaid: analyze(text) needs a string, got ${what(value)}`);
  return value;
}

function texts(value) {
  if (!Array.isArray(value)) throw new TypeError(`whosaid: analyzeStory(texts) needs an array of strings, got ${what(value)}`);
  value.forEach((t, i) => {
    if (typeof t !== "string") throw new TypeError(`whosaid: analyzeStory(texts): texts[${i}] is ${what(t)}, not a string`);
  });
  return value;
}

function ready(name) {
  if (!loaded) throw new Error(`whosaid: ${name}() before the wasm module is loaded: call \`await init()\` first`);
}

export async function init(source) {
  await load(source === undefined ? undefined : { module_or_path: source });
  loaded = true;
}

export function initSync(module) {
  loadSync({ module });
  loaded = true;
}

export function analyze(value) {
  ready("analyze");
  return wasmAnalyze(text(value));
}

export function analyzeStory(value) {
  ready("analyzeStory");
  return wasmStory(texts(value));
}

export function version() {
  ready("version");
  return wasmVersion();
}
