// TypeScript from CommonJS (tsconfig.json, nodenext): require("whosaid") gets whosaid.d.cts.
import whosaid = require("whosaid");

const a: whosaid.Analysis = whosaid.analyze("“Soon,” he said.");
const s: whosaid.StoryAnalysis = whosaid.analyzeStory(["a", "b"]);
const v: string = whosaid.version();
const ready: Promise<void> = whosaid.init();
use(a.quotes.length, s.documents.length, v, ready);
// @ts-expect-error: analyze takes a string
whosaid.analyze(["not", "a", "string"]);

/** Marks values as used (no console in the ES library these configs use). */
function use(...values: unknown[]): void {
  void values;
}
