// The page served over http: results, speaker filter, keyboard, safety, privacy.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openReady, paste, readResults, fixture } from "./helpers.mjs";

const SEED_002 = fixture("002_");
const SURNAMES = ["Peskov", "Medinsky", "Podoliak", "Herashchenko", "Bachelet"];

const env = useBrowser();

/** A page on the test server; every request must stay on the server's origin. */
function open(query = "") {
  const origin = env.server.origin + "/";
  return openReady(env.browser.context, origin + query, (url) => url.startsWith(origin));
}

test("starts the analyser in a Web Worker with a strict CSP and no foreign requests", async () => {
  const p = await open();
  assert.equal(p.engine, "worker");
  const csp = await p.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(csp, /connect-src 'self'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/);
  assert.match(await p.page.textContent("#version"), /^\d+\.\d+\.\d+/);
  assert.equal(await p.page.textContent("#status"), "Paste an article to see who said what.");
  // Everything the page loaded is its own: html, css, scripts, the worker and the wasm (in wasm-inline.js).
  const paths = p.requests.map((u) => new URL(u).pathname).sort();
  assert.deepEqual(paths, ["/", "/app.js", "/engine.js", "/style.css", "/wasm-inline.js", "/worker.js"]);
  p.assertClean();
  await p.page.close();
});

test("seed 002: quotes highlighted and attributed, speaker panel lists the speakers", async () => {
  const p = await open();
  await paste(p.page, SEED_002);
  const r = await readResults(p.page);
  // The annotated view is the pasted text, character for character.
  assert.equal(r.annotatedText, SEED_002);
  // The list and the highlights show the same quotes, word for word (a quote interrupted by its cue is
  // highlighted part by part, without the cue).
  assert.ok(r.highlights.length > 0, "no highlighted quotes");
  const byId = (xs) => xs.map((x) => [x.id, x.text]).sort((a, b) => a[0] - b[0]);
  assert.deepEqual(byId(r.highlights), byId(r.quotes.map((q) => ({ id: q.id, text: q.quoted }))));
  const wait = r.highlights.find((h) => h.text.includes("I suggest we wait for the talks"));
  assert.ok(wait, "quote “I suggest we wait for the talks” not highlighted");
  assert.match(wait.title, /^Dmitry Peskov · direct/);
  assert.equal(wait.kind, "k-direct");
  const peskov = r.speakers.find((s) => s.name === "Dmitry Peskov");
  assert.ok(peskov, "Dmitry Peskov missing from the speaker panel");
  assert.equal(wait.badge, peskov.number, "the highlight carries the speaker's number");
  const listed = r.quotes.find((q) => q.text.includes("I suggest we wait for the talks"));
  assert.equal(listed.who, "Dmitry Peskov");
  assert.match(listed.meta, /^direct · cue: told/);
  for (const surname of SURNAMES) {
    assert.ok(r.speakers.some((s) => s.name.includes(surname)), `${surname} missing from ${r.speakers.map((s) => s.name)}`);
  }
  // Counts in the panel agree with the list; the status sums them up.
  for (const s of r.speakers) {
    const n = r.quotes.filter((q) => q.badge === s.number).length;
    assert.equal(s.count, `${n} ${n === 1 ? "quote" : "quotes"}`, s.name);
  }
  const attributed = r.speakers.filter((s) => s.number !== "?").length;
  assert.equal(r.status, `${r.quotes.length} quotes, ${attributed} speakers.`);
  p.assertClean();
  await p.page.close();
});

test("clicking a speaker filters the quotes, clicking again shows all", async () => {
  const p = await open();
  await paste(p.page, SEED_002);
  const all = await readResults(p.page);
  const peskov = all.speakers.find((s) => s.name === "Dmitry Peskov");
  assert.ok(peskov, "Dmitry Peskov missing");
  await p.page.click(`#speakers li:nth-child(${all.speakers.indexOf(peskov) + 1}) button`);
  const filtered = await readResults(p.page);
  assert.ok(filtered.quotes.length > 0 && filtered.quotes.length < all.quotes.length);
  assert.ok(filtered.quotes.every((q) => q.who === "Dmitry Peskov"));
  assert.ok(filtered.quotes.some((q) => q.text.includes("I suggest we wait for the talks")));
  assert.equal(filtered.speakers.find((s) => s.name === "Dmitry Peskov").pressed, "true");
  assert.match(filtered.status, /Showing \d+ quotes? by Dmitry Peskov\.$/);
  // Other speakers' highlights stay in the text, dimmed.
  const dimmed = filtered.highlights.filter((h) => h.dim);
  assert.equal(dimmed.length, all.quotes.length - filtered.quotes.length);
  assert.ok(filtered.highlights.filter((h) => !h.dim).every((h) => h.title.startsWith("Dmitry Peskov")));
  // The focus stays on the button that was pressed.
  assert.equal(await p.page.evaluate(() => document.activeElement.getAttribute("aria-pressed")), "true");
  // Editing the text (a new speaker first, so every speaker's number changes) keeps the filter on Peskov.
  await paste(p.page, "“We are ready,” said John Smith, a local official.\n\n" + SEED_002);
  const edited = await readResults(p.page);
  assert.equal(edited.speakers.find((s) => s.pressed === "true")?.name, "Dmitry Peskov");
  assert.deepEqual(edited.quotes.map((q) => q.text), filtered.quotes.map((q) => q.text));
  await paste(p.page, SEED_002);
  await p.page.focus(`#speakers button[aria-pressed="true"]`);
  await p.page.keyboard.press("Enter");
  const again = await readResults(p.page);
  assert.equal(again.quotes.length, all.quotes.length);
  assert.ok(again.speakers.every((s) => s.pressed === "false"));
  p.assertClean();
  await p.page.close();
});

test("keyboard: focus order, visible focus, speaker filter and jump to a quote without a mouse", async () => {
  const p = await open();
  await paste(p.page, SEED_002);
  const focused = () =>
    p.page.evaluate(() => {
      const a = document.activeElement;
      return a.id || a.getAttribute("aria-label") || a.className || a.tagName;
    });
  const order = [];
  for (let i = 0; i < 9; i++) {
    await p.page.keyboard.press("Tab");
    order.push(await focused());
  }
  assert.deepEqual(order.slice(0, 8), ["skip", "sample", "clear", "text", "files", "marks", "legend-summary", "annotated"]);
  assert.equal(order[8].split(" ")[0], "speaker-button", "after the text come the speakers");
  // Focus is visible: a real outline on the focused control.
  const outline = await p.page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none");
  // Space on a speaker filters; the quote list follows.
  await p.page.keyboard.press("Space");
  const filtered = await readResults(p.page);
  const pressed = filtered.speakers.find((s) => s.pressed === "true");
  assert.ok(pressed, "no speaker pressed by keyboard");
  assert.ok(filtered.quotes.every((q) => q.who === pressed.name));
  // "Show in text" moves focus to the quote in the annotated text.
  await p.page.focus("#quotes li:first-child button.goto");
  await p.page.keyboard.press("Enter");
  const target = await p.page.evaluate(() => [document.activeElement.tagName, document.activeElement.textContent]);
  assert.equal(target[0], "MARK");
  assert.ok(filtered.quotes[0].text.startsWith(target[1]));
  // The skip link leads to the quote list.
  await p.page.focus(".skip");
  await p.page.keyboard.press("Enter");
  assert.equal(await focused(), "quotes-h");
  p.assertClean();
  await p.page.close();
});

test("landmarks, labels and a live status", async () => {
  const p = await open();
  const a11y = await p.page.evaluate(() => ({
    banner: !!document.querySelector("header.top"),
    main: document.querySelectorAll("main").length,
    aside: document.querySelector("aside")?.getAttribute("aria-label"),
    label: document.querySelector('label[for="text"]')?.textContent,
    live: [document.getElementById("status").getAttribute("role"), document.getElementById("status").getAttribute("aria-live")],
    lang: document.documentElement.lang,
    unlabelled: [...document.querySelectorAll("button, select, textarea")].filter((e) => !e.labels?.length && !e.textContent.trim() && !e.getAttribute("aria-label")).length,
  }));
  assert.deepEqual(a11y, {
    banner: true,
    main: 1,
    aside: "Speakers and quotes",
    label: a11y.label,
    live: ["status", "polite"],
    lang: "en",
    unlabelled: 0,
  });
  assert.match(a11y.label, /Paste one or more articles/);
  await paste(p.page, SEED_002);
  assert.match(await p.page.textContent("#status"), /^\d+ quotes, \d+ speakers\.$/);
  await paste(p.page, "   \n\n ");
  const r = await readResults(p.page);
  assert.equal(r.status, "Paste an article to see who said what.");
  assert.deepEqual([r.highlights.length, r.speakers.length, r.quotes.length], [0, 0, 0]);
  p.assertClean();
  await p.page.close();
});

test("follows the system colour scheme", async () => {
  const colours = {};
  for (const scheme of ["light", "dark"]) {
    const p = await open();
    await p.page.emulateMedia({ colorScheme: scheme });
    colours[scheme] = await p.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    p.assertClean();
    await p.page.close();
  }
  assert.notEqual(colours.light, colours.dark);
});

test("pasted HTML and script are shown as text and run nothing, request nothing", async () => {
  const p = await open();
  const payload = [
    '<img src=x onerror="window.__pwned = 1; fetch(\'https://attacker.invalid/i\')">',
    "<script>window.__pwned = 2</script>",
    '“<img src=/x.png onerror=window.__pwned=3>,” said <b onmouseover="window.__pwned=4">Eve Example</b>.',
    '<iframe src="javascript:parent.__pwned=5"></iframe><svg onload="window.__pwned=6"></svg>',
    "<style>body{display:none}</style><a href=\"javascript:window.__pwned=7\">link</a>",
  ].join("\n\n");
  await paste(p.page, payload);
  await p.page.hover("#annotated");
  await p.page.waitForTimeout(300);
  const r = await readResults(p.page);
  assert.equal(r.annotatedText, payload);
  const injected = await p.page.evaluate(() => ({
    pwned: window.__pwned,
    elements: document.querySelectorAll("#annotated img, #annotated script, #annotated b, #annotated iframe, #annotated svg, #annotated style, #annotated a, #quotes img, #quotes b").length,
    bodyVisible: getComputedStyle(document.body).display !== "none",
  }));
  assert.deepEqual(injected, { pwned: undefined, elements: 0, bodyVisible: true });
  for (const q of r.quotes) assert.ok(payload.includes(q.text));
  const paths = p.requests.map((u) => new URL(u).pathname);
  assert.ok(!paths.includes("/x") && !paths.includes("/x.png"), "the payload made a request");
  p.assertClean();
  await p.page.close();
});

test("the CSP blocks inline script and string timers", async () => {
  const p = await open();
  await p.page.evaluate(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective));
    const s = document.createElement("script");
    s.textContent = "window.__inline = 1";
    document.body.append(s);
    setTimeout("window.__timer = 1", 0); // eslint-disable-line no-implied-eval
  });
  await p.page.waitForTimeout(200);
  const seen = await p.page.evaluate(() => [window.__inline, window.__timer, window.__violations]);
  assert.deepEqual(seen.slice(0, 2), [undefined, undefined]);
  assert.ok(seen[2].length === 2 && seen[2].every((d) => d.startsWith("script-src")), String(seen[2]));
  // The refusals are the only console errors, and they name the CSP.
  assert.ok(p.errors.length > 0 && p.errors.every((e) => /Content Security Policy/.test(e)), p.errors.join("\n"));
  await p.page.close();
});

test("text with emoji, accents and odd characters before quotes is highlighted at the right place", async () => {
  const p = await open();
  const text =
    "Zürich 🇺🇦 😀 — señor Brăila.\u00a0\u200b Café\r\n\r\n" +
    "“I suggest we wait for the talks,” Kremlin spokesman Dmitry Peskov told reporters. 😀\n\n" +
    "Lone surrogate \ud800 here: “We will see,” Peskov said.";
  await paste(p.page, text);
  const r = await readResults(p.page);
  // A textarea normalises line breaks to \n; the view shows exactly what the textarea holds.
  assert.equal(r.annotatedText, text.replace(/\r\n?/g, "\n"));
  const wait = r.highlights.find((h) => h.text.includes("I suggest"));
  assert.ok(wait, "quote not found");
  assert.equal(wait.text, "“I suggest we wait for the talks,”");
  assert.match(wait.title, /^Dmitry Peskov/);
  p.assertClean();
  await p.page.close();
});

test("sample story: five articles, analysed one by one, one can be picked", async () => {
  const p = await open("?sample");
  await p.page.waitForFunction(() => document.getElementById("text").value.length > 0);
  const { waitAnalysed } = await import("./helpers.mjs");
  await waitAnalysed(p.page);
  const value = await p.page.inputValue("#text");
  assert.equal((value.match(/^=== Article \d of 5 ===$/gm) || []).length, 5);
  for (const id of ["000_", "001_", "002_", "003_", "004_"]) assert.ok(value.includes(fixture(id).trim()), id);
  const all = await readResults(p.page);
  assert.match(all.status, / in 5 articles\.$/);
  assert.equal(all.annotatedText, value);
  const options = await p.page.$$eval("#doc option", (o) => o.map((x) => x.textContent));
  assert.equal(options.length, 6);
  assert.equal(options[3], "3. US News");
  // Picking article 3 (seed 002) shows its text and its quotes only.
  await p.page.selectOption("#doc", "2");
  const one = await readResults(p.page);
  assert.equal(one.annotatedText, fixture("002_").trim());
  assert.ok(one.quotes.length > 0 && one.quotes.length < all.quotes.length);
  assert.ok(one.quotes.every((q) => q.meta.endsWith("article 3")));
  assert.ok(one.quotes.some((q) => q.text.includes("I suggest we wait for the talks") && q.who === "Dmitry Peskov"));
  // Speakers are matched across articles by name.
  const medinsky = all.speakers.find((s) => s.name === "Vladimir Medinsky");
  assert.ok(medinsky, "Vladimir Medinsky missing from the story's speakers");
  assert.match(medinsky.facts, /articles \d(, \d)+/);
  p.assertClean();
  await p.page.close();
});

test("the main-thread fallback gives the same results", async () => {
  const worker = await open();
  await paste(worker.page, SEED_002);
  const a = await readResults(worker.page);
  const main = await open("?engine=main-thread");
  assert.equal(main.engine, "main-thread");
  await paste(main.page, SEED_002);
  const b = await readResults(main.page);
  assert.deepEqual(b.quotes, a.quotes);
  assert.deepEqual(b.speakers, a.speakers);
  worker.assertClean();
  main.assertClean();
  await worker.page.close();
  await main.page.close();
});
