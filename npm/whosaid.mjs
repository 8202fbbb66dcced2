// whosaid for Node.js as an ES module: the CommonJS entry re-exported, so that `import` and `require` in one program
// share one wasm instance (Node's own advice for packages that offer both). Types: whosaid.d.ts.
import whosaid from "./whosaid.cjs";

export const { analyze, analyzeStory, version, init, initSync } = whosaid;
