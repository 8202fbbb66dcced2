"use strict";
// The checks every entry of the installed package must pass (run by esm.mjs, cjs.cjs and, in headless Chromium,
// by the browser test): the API, UTF-16 offsets, the story, and the argument errors. Passages written for this test.
const assert = require("node:assert/strict");

const ARTICLE_A =
  "Kyiv bridge to open before winter 🇺🇦\n\n" +
  "Olena Kovalenko, Ukraine’s deputy minister for reconstruction, said on Tuesday that the new bridge would open " +
  "before winter. “We have the steel, we have the engineers,” she told reporters. “What we need now is time.”\n\n" +
  "“It is a question of weeks,” Kovalenko said, “not months.”\n\n" +
  "The city council said repairs would cost €4.5 million.";

const ARTICLE_B =
  "Minister: bridge ready in weeks\n\n" +
  "Deputy minister Olena Kovalenko told journalists in Zaporizhzhia: “We have the steel and we have the " +
  "engineers.” The work, she said, was “a question of weeks”.";

/** Every span of an analysis slices back out of its text (offsets in UTF-16 code units). */
function assertSpans(text, analysis) {
  const spans = [];
  for (const q of analysis.quotes) spans.push(q, q.cue, q.speaker, ...q.parts);
  spans.push(...analysis.quotations);
  for (const s of spans) {
    if (s === null) continue;
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start <= s.end && s.end <= text.length);
    assert.equal(text.slice(s.start, s.end), s.text);
  }
}

/** Runs the checks on one entry's API; returns the analysis of ARTICLE_A (to compare entries). */
async function check(w, expectedVersion) {
  assert.deepEqual(Object.keys(w).sort(), ["analyze", "analyzeStory", "init", "initSync", "version"]);
  await w.init(); // portable code calls it; in Node.js the module is already loaded
  assert.equal(w.version(), expectedVersion);

  const a = w.analyze(ARTICLE_A);
  assert.deepEqual(Object.keys(a), ["id", "quotes", "speakers", "quotations"]);
  // Every pair of quotation marks, attributed ("speech", linked to its quote) or not.
  const weeksMark = a.quotations.find((p) => p.text === "“It is a question of weeks,”");
  assert.ok(weeksMark && weeksMark.kind === "speech" && weeksMark.quote !== null);
  assert.equal(a.id, "");
  assertSpans(ARTICLE_A, a);
  const speakerOf = (q) => (q.speaker_id === null ? null : a.speakers[q.speaker_id].name);
  // A quote interrupted by its cue is one quote with two parts; the second part comes after an emoji flag (four
  // UTF-16 units) and a curly apostrophe in the text.
  const time = a.quotes.find((q) => q.parts.some((p) => p.text === "“What we need now is time.”"));
  assert.ok(time, "the direct quote after the emoji is found");
  assert.equal(time.kind, "direct");
  assert.equal(time.parts.length, 2);
  assert.equal(speakerOf(time), "Olena Kovalenko");
  const weeks = a.quotes.find((q) => q.text.startsWith("“It is a question of weeks,”"));
  assert.deepEqual(weeks.parts.map((p) => p.text), ["“It is a question of weeks,”", "“not months.”"]);
  assert.equal(weeks.cue.text, "said");
  assert.equal(speakerOf(weeks), "Olena Kovalenko");
  assert.ok(a.quotes.some((q) => q.kind === "indirect" && q.text.includes("the new bridge would open")));

  const s = w.analyzeStory([ARTICLE_A, ARTICLE_B]);
  assert.deepEqual(Object.keys(s), ["documents", "story"]);
  assert.deepEqual(s.documents.map((d) => d.id), ["0", "1"]);
  assertSpans(ARTICLE_A, s.documents[0]);
  assertSpans(ARTICLE_B, s.documents[1]);
  const kovalenko = s.story.speakers.filter((p) => p.name === "Olena Kovalenko");
  assert.equal(kovalenko.length, 1, "one story speaker across both articles");
  assert.deepEqual(kovalenko[0].articles, [0, 1]);
  assert.deepEqual(w.analyzeStory([]).documents, []);

  assert.deepEqual(w.analyze(""), { id: "", quotes: [], speakers: [], quotations: [] });
  const typeError = (message) => ({ name: "TypeError", message });
  assert.throws(() => w.analyze(42), typeError("whosaid: analyze(text) needs a string, got number"));
  assert.throws(() => w.analyze(null), typeError("whosaid: analyze(text) needs a string, got null"));
  assert.throws(() => w.analyze(), typeError("whosaid: analyze(text) needs a string, got undefined"));
  assert.throws(() => w.analyzeStory(ARTICLE_A), typeError("whosaid: analyzeStory(texts) needs an array of strings, got string"));
  assert.throws(() => w.analyzeStory(["a", 7]), typeError("whosaid: analyzeStory(texts): texts[1] is number, not a string"));
  // Bad arguments never reach the module: it still gives the same answer.
  assert.deepEqual(w.analyze(ARTICLE_A), a);
  return a;
}

module.exports = { check, ARTICLE_A, ARTICLE_B };
