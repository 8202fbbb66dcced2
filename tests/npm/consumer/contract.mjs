// Writes contract.mts: the installed package's real output on the given articles, as object literals that must
// `satisfies` the package's types. tsc then fails on a field the analyser emits that the types lack (an excess
// property), on a declared field it does not emit, and on a value outside a declared union.
// Usage: node contract.mjs ARTICLE.txt... > contract.mts
import fs from "node:fs";
import { analyze, analyzeStory } from "whosaid";
import checks from "./checks.cjs";

const texts = [checks.ARTICLE_A, checks.ARTICLE_B, ...process.argv.slice(2).map((f) => fs.readFileSync(f, "utf8"))];
const analyses = texts.map((t) => analyze(t));
const story = analyzeStory(texts);
// The output covers the shapes: every quote kind, parts, quote groups.
const kinds = new Set(analyses.flatMap((a) => a.quotes.map((q) => q.kind)));
if (kinds.size !== 3) throw new Error("the articles give only the quote kinds " + [...kinds]);
if (!analyses.some((a) => a.quotes.some((q) => q.parts.length > 0))) throw new Error("no quote with parts");
if (story.story.quote_groups.length === 0) throw new Error("no quote group in the story");
const out = [
  "// Written by contract.mjs: the package's output on real articles, checked against its types.",
  'import type { Analysis, StoryAnalysis } from "whosaid";',
  `export const analyses = ${JSON.stringify(analyses)} satisfies Analysis[];`,
  `export const story = ${JSON.stringify(story)} satisfies StoryAnalysis;`,
];
process.stdout.write(out.join("\n") + "\n");
