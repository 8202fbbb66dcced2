// What a browser app imports, bundled by esbuild in the package test (platform browser: package.json "exports" gives
// the default entry, whosaid.js). The bundle keeps new URL("whosaid_bg.wasm", import.meta.url): the module is served
// beside it, as esbuild users copy it.
import { init, analyze, version } from "whosaid";

window.whosaidBundle = { init, analyze, version };
