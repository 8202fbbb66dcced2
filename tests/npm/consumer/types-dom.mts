// TypeScript in a browser project (tsconfig.dom.json: the DOM library, a bundler's resolution): init() takes what
// the DOM offers for the wasm module.
import { init, initSync } from "whosaid";
import type { InitInput } from "whosaid";

await init(new URL("whosaid_bg.wasm", "https://example.invalid/"));
await init(fetch("/whosaid_bg.wasm"));
await init(await WebAssembly.compile(new Uint8Array(0)));
initSync(new WebAssembly.Module(new Uint8Array(0)));
const input: InitInput = "/whosaid_bg.wasm";
await init(input);
// @ts-expect-error: not a source of a wasm module (WebAssembly.Module, an empty interface in the DOM's types, takes
// any other value, as it does in wasm-bindgen's own types)
await init(null);
