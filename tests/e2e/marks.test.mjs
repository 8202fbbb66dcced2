// Every pair of quotation marks on request (issue 12's page part): "Show every pair of quotation marks" adds the
// core's quotations to the annotated text, term and title pairs styled apart from speech by line style and a label
// (never by colour alone), and the JSON and the quotation-mark CSV export them (kind, offsets, text, quote).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { useBrowser, openReady, paste, readResults } from "./helpers.mjs";

const env = useBrowser();

// A scare quote, a film title inside reported speech, an attributed quote; markup that must stay text.
const PASSAGE =
  "The so-called “reform” passed the council on Tuesday. Ms. Lopez said the plan reminded her of the film “Brazil”. " +
  "“This law will hurt families in every district,” said Maria Lopez, a teacher in Leeds.\n\n" +
  "Posters read <b>No</b> <img src=x>.";

/** Follows an export link and returns the text the browser saved. */
async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  assert.match(dl.url(), /^blob:/);
  return fs.readFileSync(await dl.path(), "utf8");
}

/** RFC 4180 rows (fields quoted with "", records ended by CRLF). */
function parseCsv(s) {
  const rows = [[]];
  let field = "";
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '"') {
      for (i++; i < s.length && !(s[i] === '"' && s[i + 1] !== '"'); i++) field += s[i] === '"' ? s[i++] : s[i];
    } else if (s[i] === ",") {
      rows[rows.length - 1].push(field);
      field = "";
    } else if (s[i] === "\r" && s[i + 1] === "\n") {
      rows[rows.length - 1].push(field);
      field = "";
      rows.push([]);
      i++;
    } else field += s[i];
  }
  assert.deepEqual(rows.pop(), [], "the last record ends with CRLF");
  return rows;
}

/** The pairs drawn in the annotated text: text, classes, label, line style. */
function readPairs(page) {
  return page.$$eval("#annotated .qm", (spans) =>
    spans.map((s) => ({
      text: s.textContent,
      cls: s.className,
      label: s.dataset.kind || null,
      before: getComputedStyle(s, "::before").content,
      line: getComputedStyle(s).textDecorationStyle,
    })),
  );
}

test("every pair of quotation marks: shown on request, kinds told apart without colour, and exported", async () => {
  const origin = env.server.origin;
  const own = (u) => u.startsWith(origin + "/") || u.startsWith("blob:" + origin + "/");
  const p = await openReady(env.browser.context, origin + "/", own);
  await paste(p.page, PASSAGE);
  const before = await readResults(p.page);
  assert.equal(await p.page.isChecked("#marks"), false);
  assert.deepEqual(await readPairs(p.page), [], "no pairs until asked for");
  assert.equal(await p.page.textContent("#marks-count"), "(3: 1 speech, 1 term, 1 title)");

  await p.page.check("#marks");
  const pairs = await readPairs(p.page);
  assert.deepEqual(
    pairs.map(({ text, cls, label }) => [text, cls, label]),
    [
      ["“reform”", "qm qm-term", "term"],
      ["“Brazil”", "qm qm-title", "title"],
      ["“This law will hurt families in every district,”", "qm qm-speech", null],
    ],
  );
  // Told apart by the line's style and a visible label, not only by colour.
  assert.deepEqual(pairs.map((x) => x.line), ["dotted", "double", "solid"]);
  assert.notEqual(pairs[0].before, "none");
  assert.notEqual(pairs[1].before, "none");
  assert.equal(pairs[2].before, "none");
  // The quotes' own highlights are unchanged, the text is still the paste, and the markup in it stayed text.
  const after = await readResults(p.page);
  assert.deepEqual(after.highlights, before.highlights);
  assert.equal(after.annotatedText, PASSAGE);
  assert.equal(await p.page.$$eval("#annotated b, #annotated img", (e) => e.length), 0);

  // The exports: the JSON's quotations (kind, offsets, text, quote id), and the same as CSV, one row per pair.
  assert.equal(await p.page.isVisible("#exports"), true);
  const doc = JSON.parse(await download(p.page, "#export-json")).documents[0];
  assert.deepEqual(
    doc.quotations.map((q) => [q.kind, q.text, PASSAGE.slice(q.start, q.end), q.quote === null ? null : doc.quotes[q.quote].text.includes(q.text)]),
    [
      ["term", "“reform”", "“reform”", null],
      ["title", "“Brazil”", "“Brazil”", true],
      ["speech", pairs[2].text, pairs[2].text, true],
    ],
  );
  const csv = await download(p.page, "#export-marks");
  assert.equal(csv[0], "\ufeff");
  const [head, ...rows] = parseCsv(csv.slice(1));
  assert.deepEqual(head, ["article", "title", "quotation", "kind", "start", "end", "text", "quote", "depth", "parent"]);
  const id = (x) => (x === null ? "" : String(x));
  assert.deepEqual(
    rows.map((r) => [r[0], ...r.slice(2)]),
    doc.quotations.map((q) => ["1", String(q.id), q.kind, String(q.start), String(q.end), q.text, id(q.quote), String(q.depth), id(q.parent)]),
  );
  assert.ok(rows.every((r) => r[1].length > 10 && PASSAGE.startsWith(r[1].replace(/…$/, ""))), "the article's title");

  // Off again: the pairs go, the quotes stay.
  await p.page.uncheck("#marks");
  assert.deepEqual(await readPairs(p.page), []);
  assert.deepEqual((await readResults(p.page)).highlights, before.highlights);
  p.assertClean();
  await p.page.close();
});
