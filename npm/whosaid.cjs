"use strict";
// whosaid for Node.js, CommonJS. whosaid.mjs re-exports this file, so that `import` and `require` in one program
// share one wasm instance. The wasm module is compiled synchronously when this file is first loaded (wasm/node.cjs,
// wasm-bindgen's nodejs glue, reads wasm/whosaid_bg.wasm), so analyze() works at once; init() and initSync() are
// here so that code written for browsers (see whosaid.js) runs unchanged. Types: whosaid.d.ts.
const wasm = require("./wasm/node.cjs");

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

exports.analyze = function analyze(value) {
  return wasm.analyze(text(value));
};
exports.analyzeStory = function analyzeStory(value) {
  return wasm.analyzeStory(texts(value));
};
exports.version = function version() {
  return wasm.version();
};
exports.init = async function init() {};
exports.initSync = function initSync() {};
