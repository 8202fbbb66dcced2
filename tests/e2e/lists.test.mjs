// Big results drawn in proportion to what is on screen: long lists show a first part, more on request, and a search
// box; the Article menu lists a part of many articles and finds the others; the annotated text is drawn a part at a
// time, a quote far ahead with the text around it; a text that a text box lays out slowly is kept out of it.
// Expected numbers come from the page's own status line and from the texts written here, not from constants.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openReady, paste, waitAnalysed, fixture } from "./helpers.mjs";

const env = useBrowser();

function open() {
  const { origin } = env.server;
  return openReady(env.browser.context, origin + "/", (u) => u.startsWith(origin + "/") || u.startsWith("blob:" + origin + "/"));
}

const FIRST = ["John", "Mary", "David", "Sarah", "Michael", "Anna", "Peter", "Laura", "Thomas", "Emma", "James", "Julia"];
const LAST = ["Smith", "Jones", "Brown", "Wilson", "Taylor", "Clarke", "Walker", "Wright", "Hughes", "Green"];
/** The i-th of 120 distinct people. */
const person = (i) => FIRST[i % FIRST.length] + " " + LAST[Math.floor(i / FIRST.length) % LAST.length];

/** Pastes `text` as the user would (a paste event on the focused text box), built in the page. */
function pasteEvent(page, text) {
  return page.evaluate((t) => {
    const target = document.getElementById("text");
    target.focus();
    const data = new DataTransfer();
    data.setData("text/plain", t);
    target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    return document.documentElement.dataset.requested;
  }, text);
}

/** Types into a search box as the user would; the list (`items`) follows after a pause, to `n` items. */
async function search(page, selector, words, items, n) {
  await page.fill(selector, words);
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [items, n]);
}

const count = (page, selector) => page.$$eval(selector, (e) => e.length);

test("120 speakers: the lists show a first part, more on request, and a search box", async () => {
  const p = await open();
  const text = Array.from({ length: 120 }, (_, i) => `“Statement number ${i + 1} is clear,” said ${person(i)}, an official.`).join("\n\n");
  await paste(p.page, text);
  const status = await p.page.textContent("#status");
  const [, quotes, speakers] = status.match(/^(\d+) quotes, (\d+) speakers\.$/).map(Number);
  assert.equal(quotes, 120);
  assert.equal(speakers, 120, "one speaker a statement");
  // The first 50 of each list, and a button for the rest.
  assert.equal(await count(p.page, "#speakers li"), 50);
  assert.equal(await p.page.textContent("#more-speakers"), "Show more speakers (70 more)");
  assert.equal(await count(p.page, "#quotes li"), 50);
  assert.equal(await p.page.textContent("#more-quotes"), "Show more quotes (70 more)");
  assert.match(await p.page.textContent("#speakers-note"), /^120 speakers\./);
  // More on request: the next 50, and the focus on the first of them.
  await p.page.click("#more-speakers");
  assert.equal(await count(p.page, "#speakers li"), 100);
  assert.equal(await p.page.evaluate(() => document.activeElement.closest("li") === document.querySelectorAll("#speakers li")[50]), true);
  // A search box finds one among them, by name.
  assert.equal(await p.page.isVisible("#speakers-find"), true);
  await search(p.page, "#speakers-find", person(117).toLowerCase(), "#speakers li", 1);
  const found = await p.page.$$eval("#speakers li .name", (n) => n.map((x) => x.textContent));
  assert.deepEqual(found, [person(117)]);
  assert.match(await p.page.textContent("#speakers-note"), /^120 speakers, 1 found\./);
  // The quote list's box searches the quotes' words.
  await search(p.page, "#quotes-find", "number 77 ", "#quotes li", 1);
  const q = await p.page.$$eval("#quotes li .quote-text", (n) => n.map((x) => x.textContent));
  assert.deepEqual(q, ["“Statement number 77 is clear,”"]);
  // Cleared, the list is whole again (a first part).
  await search(p.page, "#quotes-find", "", "#quotes li", 50);
  p.assertClean();
  await p.page.close();
});

test("120 articles: the Article menu lists 50 and finds the others; the table and the statements come in parts", async () => {
  const p = await open();
  const shared = "The next meeting will take place on Friday in Geneva, and both delegations have agreed to it";
  // 15 statements with words of their own, each in 8 articles, each time by that article's own speaker.
  const NOUN = ["harbour", "railway", "pipeline", "bridge", "airport", "dam", "refinery", "tunnel", "highway", "canal", "reactor", "mine", "factory", "border", "port"];
  const PLACE = ["Odesa", "Kharkiv", "Lviv", "Dnipro", "Mykolaiv", "Kherson", "Poltava", "Sumy", "Chernihiv", "Zhytomyr", "Vinnytsia", "Rivne", "Lutsk", "Uzhhorod", "Ternopil"];
  const DEED = ["rebuilt", "inspected", "reopened", "guarded", "repaired", "modernised", "demined", "insured", "expanded", "surveyed", "restored", "secured", "financed", "cleared", "lit"];
  const own = (k) => `The ${NOUN[k]} near ${PLACE[k]} must be ${DEED[k]} quickly`;
  const articles = Array.from({ length: 120 }, (_, i) =>
    `=== Outlet ${i + 1} ===\n\n“${shared},” said ${person(0)}, the envoy.\n\n“${own(i % 15)},” said ${person(i + 1)}, an official.`,
  );
  await paste(p.page, articles.join("\n\n"));
  assert.match(await p.page.textContent("#status"), / in 120 articles\.$/);
  // The Article menu: all, the first 50, and a line for the rest; a search box finds one by title or number.
  let options = await p.page.$$eval("#doc option", (o) => o.map((x) => [x.textContent, x.disabled]));
  assert.equal(options.length, 52);
  assert.deepEqual(options[0], ["All articles (120)", false]);
  assert.deepEqual(options[50], ["50. Outlet 50", false]);
  assert.deepEqual(options[51], ["… 70 more: type in the search box to find them", true]);
  await p.page.fill("#doc-find", "outlet 117");
  await p.page.waitForFunction(() => document.querySelectorAll("#doc option").length === 2);
  options = await p.page.$$eval("#doc option", (o) => o.map((x) => x.textContent));
  assert.deepEqual(options, ["All articles (120)", "117. Outlet 117"]);
  await p.page.selectOption("#doc", "116");
  assert.match(await p.page.textContent("#status"), /Showing 2 quotes in article 117\.$/);
  assert.ok((await p.page.textContent("#annotated")).startsWith(`“${shared},”`));
  await p.page.selectOption("#doc", "all");
  // The table: 40 speakers at first (each article has its own), then more on request.
  assert.equal(await count(p.page, "#matrix-body tr"), 40);
  assert.match(await p.page.textContent("#more-rows"), /^Show more speakers \(\d+ more\)$/);
  await p.page.click("#more-rows");
  assert.equal(await count(p.page, "#matrix-body tr"), 80);
  assert.match(await p.page.textContent("#matrix-more"), /^Not shown: 100 more articles \(pick one in the Article menu\)\.$/);
  // The statements: 10 groups at first; the one all 120 articles carry shows 6 versions, then all on request.
  assert.equal(await count(p.page, "#groups > li.group"), 10);
  assert.equal(await p.page.isVisible("#more-groups"), true);
  const big = await p.page.$$eval("#groups > li.group", (g) => g.findIndex((x) => x.querySelector(".versions").textContent.includes("Geneva")));
  assert.ok(big >= 0, "the shared statement is listed first among the groups");
  const group = `#groups > li.group:nth-child(${big + 1})`;
  assert.equal(await count(p.page, group + " .version"), 6);
  assert.equal(await p.page.textContent(group + " > button"), "Show all 120 versions");
  await p.page.click(group + " > button");
  assert.equal(await count(p.page, group + " .version"), 120);
  p.assertClean();
  await p.page.close();
});

test("a paste a text box lays out slowly is kept out of it; the text view draws it a part at a time", async () => {
  const p = await open();
  // 200,000 quotation marks in a row (a text box takes seconds over them at a fifth of the length limit).
  const marks = "“”".repeat(100000);
  await waitAnalysed(p.page, await pasteEvent(p.page, marks));
  const seen = await p.page.evaluate(() => ({
    box: document.getElementById("text").hidden,
    info: document.getElementById("big-info").textContent,
    shown: document.getElementById("annotated").textContent.length,
    breaks: document.querySelectorAll("#annotated wbr").length,
    more: document.getElementById("more-text").hidden,
  }));
  assert.equal(seen.box, true, "kept out of the text box");
  assert.equal(seen.info, "Large text pasted: 195 K characters.");
  assert.ok(seen.shown > 0 && seen.shown < marks.length, String(seen.shown));
  assert.ok(seen.breaks >= seen.shown / 200 - 1, "a line break opportunity every 200 characters of the run");
  assert.equal(seen.more, false);
  await p.page.click("#more-text");
  const more = await p.page.evaluate(() => document.getElementById("annotated").textContent);
  assert.ok(more.length > seen.shown && marks.startsWith(more), "the next part, after the first");
  // 100,000 short lines, the same; an ordinary 100 K article stays in the box.
  await p.page.click("#clear");
  const lines = "a\n".repeat(100000);
  await waitAnalysed(p.page, await pasteEvent(p.page, lines));
  assert.equal(await p.page.evaluate(() => document.getElementById("text").hidden), true);
  await p.page.click("#clear");
  const article = (fixture("002_") + "\n\n").repeat(16);
  assert.ok(article.length > 100000);
  const requested = await p.page.evaluate(() => document.documentElement.dataset.requested);
  assert.equal(await pasteEvent(p.page, article), requested, "left to the browser to insert into the text box");
  assert.equal(await p.page.evaluate(() => [document.getElementById("text").hidden, document.getElementById("big").hidden].join()), "false,true");
  p.assertClean();
  await p.page.close();
});

test("Show in text reaches a quote far ahead: the view starts near it, the text before on request", async () => {
  const p = await open();
  const filler = "The talks went on through the night, and the delegations met again in the morning to compare notes.\n\n";
  const text = filler.repeat(4000) + "“This is the last word on the matter,” said John Smith, the envoy.\n";
  await waitAnalysed(p.page, await pasteEvent(p.page, text));
  assert.equal(await p.page.textContent("#status"), "1 quote, 1 speaker.");
  const before = await p.page.evaluate(() => document.getElementById("annotated").textContent.length);
  assert.ok(before < text.length / 2, "the first part only");
  await p.page.click("#quotes li button.goto");
  const target = await p.page.evaluate(() => [document.activeElement.tagName, document.activeElement.textContent, document.getElementById("earlier-text").hidden]);
  assert.deepEqual(target, ["MARK", "“This is the last word on the matter,”", false]);
  const shown = await p.page.evaluate(() => document.getElementById("annotated").textContent);
  assert.ok(text.endsWith(shown), "the view is the end of the text");
  await p.page.click("#earlier-text");
  const earlier = await p.page.evaluate(() => document.getElementById("annotated").textContent);
  assert.ok(earlier.length > shown.length && text.endsWith(earlier), "the part before, added in front");
  p.assertClean();
  await p.page.close();
});
