// The package from an ES module: import "whosaid" is whosaid.mjs, over the same instance as require("whosaid").
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import * as whosaid from "whosaid";
import checks from "./checks.cjs";

const require = createRequire(import.meta.url);
assert.match(import.meta.resolve("whosaid"), /\/whosaid\/whosaid\.mjs$/);
assert.equal(whosaid.analyze, require("whosaid").analyze, "import and require share one instance");
await checks.check({ ...whosaid }, require("whosaid/package.json").version);
// The analysis as JSON, for the browser test to compare with.
if (process.argv[2]) (await import("node:fs")).writeFileSync(process.argv[2], JSON.stringify(whosaid.analyze(checks.ARTICLE_A)));
console.log("esm: ok");
