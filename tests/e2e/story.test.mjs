// Several articles, one story: the speaker × article table, one speaker however each outlet spells him,
// one statement as each outlet worded it, articles added from files, and the story exported as JSON and CSV.
// Expected numbers come from the core's own output (the exported JSON) and from the article texts, never
// from constants: what is asserted is that the page shows what the core found, and that the core merges.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { useBrowser, openReady, waitAnalysed, fixture } from "./helpers.mjs";

const SEEDS = ["000_", "001_", "002_", "003_", "004_"].map(fixture);
// Each person once, however the outlets spell them (Podoliak / Podolyak, Zelensky / Zelenskyy, …): a name
// ending in the surname is the person ("Zelenskyy’s administration" is not); the text naming them at all.
const STEMS = { Podolyak: "Podol[iy]a?k", Medinsky: "Medinsk", Zelensky: "Zelensk", Peskov: "Peskov" };
const PEOPLE = Object.fromEntries(Object.entries(STEMS).map(([k, v]) => [k, new RegExp("\\b" + v + "\\w*$")]));
const NAMED = Object.fromEntries(Object.entries(STEMS).map(([k, v]) => [k, new RegExp(v)]));

const env = useBrowser();

/** A page on the test server: every request stays on its origin (blob: URLs of the page are its own files). */
function open(query = "") {
  const { origin } = env.server;
  const own = (u) => u.startsWith(origin + "/") || u.startsWith("blob:" + origin + "/");
  return openReady(env.browser.context, origin + "/" + query, own);
}

/** Follows an export link and returns [file name, text] of what the browser saved. */
async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  assert.match(dl.url(), /^blob:/);
  const text = fs.readFileSync(await dl.path(), "utf8");
  return [dl.suggestedFilename(), text];
}

/** The table as shown: column heads and, per row, the speaker, side and cells ("" for an empty cell). */
function readMatrix(page) {
  return page.evaluate(() => {
    const sec = document.getElementById("story-sec");
    const cellText = (c) => (c.classList.contains("none") ? "" : c.textContent);
    return {
      hidden: sec.hidden,
      caption: sec.querySelector("caption").textContent,
      heads: [...document.querySelectorAll("#matrix-head th")].map((th) => ({ text: th.textContent, scope: th.scope, title: th.title })),
      rows: [...document.querySelectorAll("#matrix-body tr")].map((tr) => {
        const th = tr.querySelector("th");
        const tds = [...tr.querySelectorAll("td")];
        return {
          scope: th.scope,
          name: th.querySelector("button").textContent,
          speaker: th.querySelector("button").dataset.speaker,
          pressed: th.querySelector("button").getAttribute("aria-pressed"),
          side: (th.querySelector(".side-of") || {}).textContent || "",
          cells: tds.slice(0, -1).map(cellText),
          empty: tds.slice(0, -1).filter((c) => c.classList.contains("none")).map((c) => c.textContent),
          total: tds[tds.length - 1].textContent,
        };
      }),
    };
  });
}

/** RFC 4180, strictly: CRLF line ends, quotes only around whole fields; throws on anything else. */
function parseCsv(s) {
  const rows = [];
  let row = [];
  let i = 0;
  while (i < s.length) {
    let field = "";
    if (s[i] === '"') {
      for (i++; ; i++) {
        if (i >= s.length) throw new Error("unterminated quoted field");
        if (s[i] === '"') {
          if (s[i + 1] !== '"') break;
          i++;
        }
        field += s[i];
      }
      i++;
    } else {
      while (i < s.length && s[i] !== "," && s[i] !== "\r") {
        if (s[i] === '"' || s[i] === "\n") throw new Error(`bare ${JSON.stringify(s[i])} in an unquoted field at ${i}`);
        field += s[i++];
      }
    }
    row.push(field);
    if (s[i] === ",") i++;
    else if (s[i] === "\r" && s[i + 1] === "\n") {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  if (row.length) throw new Error("the last line does not end with CRLF");
  return rows;
}

/** The story speaker of document `d`'s speaker `id` in the core's output. */
const storySpeaker = (story, d, id) => story.story.speakers.find((s) => s.members.some(([a, m]) => a === d && m === id));

/** Checks the CSV against the core's JSON, row by row; returns the rows as objects. */
function checkCsv(csv, story, titles) {
  assert.equal(csv[0], "\ufeff", "a byte-order mark, so that spreadsheets read UTF-8");
  const [head, ...rows] = parseCsv(csv.slice(1));
  assert.deepEqual(head, ["article", "title", "quote", "kind", "speaker", "cue", "start", "end", "text", "group"]);
  const quotes = story.documents.flatMap((doc, d) => doc.quotes.map((q) => [d, q]));
  assert.ok(quotes.length > 0);
  assert.equal(rows.length, quotes.length, "one row per quote");
  const objects = rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
  objects.forEach((row, i) => {
    const [d, q] = quotes[i];
    const sp = q.speaker_id === null ? null : storySpeaker(story, d, q.speaker_id);
    const groups = story.story.quote_groups.filter((g) => g.versions.some((v) => v.article === d && v.quote === q.id)).map((g) => g.id);
    const expected = {
      article: String(d + 1),
      title: titles[d],
      quote: String(q.id),
      kind: q.kind,
      speaker: sp ? sp.name : "",
      cue: q.cue ? q.cue.text : "",
      start: String(q.start),
      end: String(q.end),
      text: q.text,
      group: groups.join(" "),
    };
    // Spreadsheet formulas are neutralised: a leading = + - @ gets an apostrophe.
    for (const k of Object.keys(expected)) if (/^[=+\-@]/.test(expected[k])) expected[k] = "'" + expected[k];
    assert.deepEqual(row, expected, `row ${i + 1}`);
  });
  for (const row of objects) for (const v of Object.values(row)) assert.doesNotMatch(v, /^[=+\-@\t\r]/);
  return objects;
}

test("sample story: one row per person in the speaker × article table, with the core's counts", async () => {
  const p = await open("?sample");
  await p.page.waitForFunction(() => document.getElementById("text").value.length > 0);
  await waitAnalysed(p.page);
  const [name, json] = await download(p.page, "#export-json");
  assert.equal(name, "whosaid-story.json");
  const story = JSON.parse(json);
  assert.equal(story.documents.length, 5);
  const m = await readMatrix(p.page);
  assert.equal(m.hidden, false);
  assert.match(m.caption, /– means none/);
  // Column heads: the speaker, the five articles by number and title, the total; all scope="col".
  assert.deepEqual(m.heads.map((h) => h.scope), Array(7).fill("col"));
  const titles = await p.page.$$eval("#doc option", (o) => o.slice(1).map((x) => x.textContent.replace(/^\d+\. /, "")));
  m.heads.slice(1, 6).forEach((h, i) => {
    assert.ok(h.text.startsWith(String(i + 1)), h.text);
    assert.equal(h.title, titles[i]);
  });
  // The table is the core's story: every quoted story speaker once, with its quotes per article.
  const quoted = story.story.speakers.filter((s) => s.total_quotes > 0);
  const unattributed = story.documents.flatMap((d) => d.quotes).filter((q) => q.speaker_id === null).length;
  assert.equal(m.rows.length, quoted.length + (unattributed ? 1 : 0));
  for (const s of quoted) {
    const row = m.rows.find((r) => r.speaker === String(s.id));
    assert.ok(row, s.name);
    assert.equal(row.name, s.name);
    assert.equal(row.scope, "row");
    const cells = [0, 1, 2, 3, 4].map((a) => String((s.quotes.find((x) => x.article === a) || {}).quotes || ""));
    assert.deepEqual(row.cells, cells, s.name);
    assert.equal(row.total, String(s.total_quotes));
    if (s.affiliation && s.affiliation !== s.name) assert.equal(row.side, s.affiliation);
  }
  // Empty cells say so in words for screen readers ("–" is hidden from them), never "0".
  const empty = m.rows.flatMap((r) => r.empty);
  assert.ok(empty.length > 0 && empty.every((t) => t === "– none"), String(empty));
  assert.ok(!m.rows.some((r) => r.cells.includes("0")));
  // One row per person however the outlets spell the name, and every spelling in every article's own
  // analysis is a member of that row's story speaker.
  const rowOf = {};
  for (const [person, re] of Object.entries(PEOPLE)) {
    const rows = m.rows.filter((r) => re.test(r.name));
    assert.equal(rows.length, 1, `${person}: ${rows.map((r) => r.name)}`);
    rowOf[person] = rows[0];
    const spellings = new Set();
    story.documents.forEach((doc, d) => {
      for (const sp of doc.speakers.filter((x) => x.quotes > 0 && re.test(x.name))) {
        spellings.add(sp.name);
        assert.equal(String(storySpeaker(story, d, sp.id).id), rows[0].speaker, `${person}: “${sp.name}” in article ${d + 1}`);
      }
    });
    // Quotes only in articles that name the person at all.
    rows[0].cells.forEach((c, a) => c && assert.match(SEEDS[a], NAMED[person], `${person} quoted in article ${a + 1}, which does not name him`));
    if (person === "Podolyak" || person === "Zelensky") assert.ok(spellings.size > 1, `${person}: one spelling only (${[...spellings]}); the test proves no merge`);
  }
  // Medinsky and Peskov are quoted in every article that names them (today: Medinsky 1–4, Peskov 3).
  for (const person of ["Medinsky", "Peskov"]) {
    const named = SEEDS.map((t, a) => (NAMED[person].test(t) ? a : -1)).filter((a) => a >= 0);
    const withQuotes = rowOf[person].cells.map((c, a) => (c ? a : -1)).filter((a) => a >= 0);
    assert.deepEqual(withQuotes, named, person);
  }
  p.assertClean();
  await p.page.close();
});

test("sample story: Medinsky from the table, his statements as each outlet worded them", async () => {
  const p = await open("?sample");
  await p.page.waitForFunction(() => document.getElementById("text").value.length > 0);
  await waitAnalysed(p.page);
  const story = JSON.parse((await download(p.page, "#export-json"))[1]);
  const medinsky = story.story.speakers.find((s) => PEOPLE.Medinsky.test(s.name));
  // By keyboard: the row's name is a toggle button, like the speaker list's.
  await p.page.focus(`#matrix-body button[data-speaker="${medinsky.id}"]`);
  await p.page.keyboard.press("Enter");
  const focused = await p.page.evaluate(() => [document.activeElement.closest("#matrix-body") !== null, document.activeElement.getAttribute("aria-pressed")]);
  assert.deepEqual(focused, [true, "true"]);
  assert.match(await p.page.textContent("#status"), new RegExp(`Showing ${medinsky.total_quotes} quotes by ${medinsky.name}\\.$`));
  const list = await p.page.$$eval("#quotes .who", (w) => w.map((x) => x.textContent));
  assert.equal(list.length, medinsky.total_quotes);
  assert.ok(list.every((w) => w === medinsky.name));
  assert.equal(await p.page.getAttribute(`#speakers button[data-speaker="${medinsky.id}"]`, "aria-pressed"), "true");
  // The statement groups he takes part in, reached from the table.
  const his = story.story.quote_groups.filter((g) => g.versions.some((v) => v.speaker === medinsky.id));
  assert.ok(his.length > 0);
  const link = "#story-sec .to-groups";
  assert.equal(await p.page.textContent(link), `Compare ${medinsky.name}’s ${his.length} statements across articles`);
  await p.page.click(link);
  assert.equal(await p.page.evaluate(() => document.activeElement.id), "groups-h");
  const shown = await p.page.evaluate(() =>
    [...document.querySelectorAll("#groups > li.group")].map((li) => ({
      id: Number(li.dataset.group),
      conflict: (li.querySelector(".conflict") || {}).textContent || "",
      versions: [...li.querySelectorAll(".version")].map((v) => ({
        meta: v.querySelector(".meta").textContent,
        ins: [...v.querySelectorAll(".version-text ins")].map((e) => e.textContent),
        del: [...v.querySelectorAll(".version-text del")].map((e) => e.textContent),
        text: v.querySelector(".version-text").textContent,
      })),
    })),
  );
  assert.deepEqual(shown.map((g) => g.id), his.map((g) => g.id));
  const titles = await p.page.$$eval("#doc option", (o) => o.slice(1).map((x) => x.textContent.replace(/^\d+\. /, "")));
  const names = new Map(story.story.speakers.map((s) => [s.id, s.name]));
  for (const g of his) {
    const el = shown.find((x) => x.id === g.id);
    // Groups whose outlets name different speakers are flagged.
    assert.equal(el.conflict, g.conflict ? "attributed to different speakers" : "", `group ${g.id}`);
    g.versions.forEach((v, i) => {
      const e = el.versions[i];
      // Each version: its article (number and title), speaker and kind; the word diff as <ins>/<del>.
      assert.ok(e.meta.startsWith(`article ${v.article + 1} (${titles[v.article].slice(0, 10)}`), e.meta);
      assert.ok(e.meta.includes(` · ${v.speaker === null ? "No speaker found" : names.get(v.speaker)} · ${v.kind}`), e.meta);
      assert.deepEqual(e.ins, v.diff.filter((d) => d.op === "add").map((d) => d.text));
      assert.deepEqual(e.del, v.diff.filter((d) => d.op === "del").map((d) => d.text));
      assert.equal(e.text, v.diff.map((d) => d.text).join(""));
    });
  }
  // "The next meeting will take place …": one group, versions from three articles, differences marked.
  const next = shown.filter((g) => g.versions.some((v) => v.text.includes("next meeting will take place")));
  assert.equal(next.length, 1, "the “next meeting” statement is one group");
  const articles = new Set(next[0].versions.map((v) => v.meta.match(/^article (\d+)/)[1]));
  assert.equal(articles.size, 3, [...articles].join());
  assert.ok(next[0].versions.every((v) => v.meta.includes(medinsky.name)));
  assert.ok(next[0].versions.some((v) => v.ins.length + v.del.length > 0), "no difference marked");
  p.assertClean();
  await p.page.close();
});

test("articles from files: picked and dropped .txt files, refusals, CSV export checked against the JSON", async () => {
  const p = await open();
  assert.equal(await p.page.evaluate(() => document.getElementById("story-sec").hidden), true);
  const loaded = p.requests.length;
  // Two files picked with the file input: two articles, titled by their names.
  await p.page.setInputFiles("#files", [
    { name: "us-news.txt", mimeType: "text/plain", buffer: Buffer.from(SEEDS[2]) },
    { name: "=2+3 security council.txt", mimeType: "text/plain", buffer: Buffer.from(SEEDS[3].replace(/\n/g, "\r\n")) },
  ]);
  await p.page.waitForFunction(() => document.querySelectorAll("#doc option").length === 3);
  await waitAnalysed(p.page);
  assert.equal(await p.page.textContent("#files-msg"), "Added 2 articles: us-news.txt, =2+3 security council.txt.");
  let options = await p.page.$$eval("#doc option", (o) => o.map((x) => x.textContent));
  assert.deepEqual(options, ["All articles (2)", "1. us-news", "2. =2+3 security council"]);
  assert.match(await p.page.textContent("#status"), / in 2 articles\.$/);
  let m = await readMatrix(p.page);
  assert.equal(m.hidden, false);
  assert.equal(m.heads.length, 4);
  const peskov = m.rows.filter((r) => PEOPLE.Peskov.test(r.name));
  assert.equal(peskov.length, 1);
  assert.equal(peskov[0].cells[1], "", "Peskov is not in the second file");
  assert.match(peskov[0].cells[0], /^[1-9]\d*$/);
  // The files' text, line breaks normalised, is what is analysed.
  const annotated = await p.page.textContent("#annotated");
  assert.ok(annotated.includes(SEEDS[2].trim()) && annotated.includes(SEEDS[3].trim()));
  // Dropped on the page: one more article; an image, a binary file, an empty one and a huge one are refused.
  await p.page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "al-jazeera.txt", { type: "text/plain" }));
    dt.items.add(new File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0])], "photo.png", { type: "image/png" }));
    dt.items.add(new File([new Uint8Array([104, 105, 0, 1, 2])], "data.txt", { type: "text/plain" }));
    dt.items.add(new File([" \n "], "blank.txt", { type: "text/plain" }));
    dt.items.add(new File([new Uint8Array(11 * 1024 * 1024).fill(65)], "huge.txt", { type: "text/plain" }));
    document.getElementById("annotated").dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    window.__dropping = document.body.classList.contains("dropping");
    const drop = new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true });
    document.getElementById("annotated").dispatchEvent(drop);
    window.__dropHandled = drop.defaultPrevented;
  }, SEEDS[0]);
  await p.page.waitForFunction(() => document.querySelectorAll("#doc option").length === 4);
  await waitAnalysed(p.page);
  assert.deepEqual(await p.page.evaluate(() => [window.__dropping, window.__dropHandled, document.body.classList.contains("dropping")]), [true, true, false]);
  assert.equal(
    await p.page.textContent("#files-msg"),
    "Added 1 article: al-jazeera.txt. Not added: photo.png is not a text file (image/png); data.txt is not a text file; blank.txt is empty; huge.txt is 11.0 MB; files up to 10 MB are read.",
  );
  options = await p.page.$$eval("#doc option", (o) => o.map((x) => x.textContent));
  assert.equal(options[3], "3. al-jazeera");
  // Files are read in the page: adding them made no request at all.
  assert.deepEqual(p.requests.slice(loaded), []);
  // Exports: the JSON is the core's story; the CSV one row per quote, checked cell by cell against it.
  const [jsonName, json] = await download(p.page, "#export-json");
  assert.equal(jsonName, "whosaid-story.json");
  const story = JSON.parse(json);
  assert.equal(story.documents.length, 3);
  assert.deepEqual(Object.keys(story.story), ["speakers", "quote_groups", "articles"]);
  const [csvName, csv] = await download(p.page, "#export-csv");
  assert.equal(csvName, "whosaid-story.csv");
  const rows = checkCsv(csv, story, ["us-news", "=2+3 security council", "al-jazeera"]);
  // The title that looks like a formula is neutralised; quotes spanning lines stay one field.
  assert.ok(rows.some((r) => r.title === "'=2+3 security council"));
  assert.ok(rows.some((r) => r.text.includes(",")) && csv.includes('""'), "no field needed quoting; the test proves little");
  const status = await p.page.textContent("#status");
  assert.equal(Number(status.match(/^(\d+) quotes/)[1]), rows.length);
  // A new result gets new files: the links are reset, and the next export is the new story.
  await p.page.setInputFiles("#files", [{ name: "un.txt", mimeType: "text/plain", buffer: Buffer.from(SEEDS[4]) }]);
  await p.page.waitForFunction(() => document.querySelectorAll("#doc option").length === 5);
  await waitAnalysed(p.page);
  assert.deepEqual(await p.page.$$eval(".export a", (a) => a.map((x) => x.getAttribute("href"))), ["#", "#", "#"]);
  assert.equal(JSON.parse((await download(p.page, "#export-json"))[1]).documents.length, 4);
  await p.page.click("#clear");
  assert.equal(await p.page.evaluate(() => document.getElementById("story-sec").hidden), true);
  assert.equal(await p.page.evaluate(() => document.getElementById("files-msg").hidden), true);
  p.assertClean();
  await p.page.close();
});
