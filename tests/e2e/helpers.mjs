// Shared set-up for the page tests: an in-process static server for dist/, Debian's Chromium driven by
// playwright-core, and a recorder of every request and every console error.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = path.join(ROOT, "dist");
export const FIXTURES = path.join(ROOT, "tests/fixtures");

export function fixture(prefix) {
  const name = fs.readdirSync(FIXTURES).find((f) => f.startsWith(prefix) && f.endsWith(".txt"));
  if (!name) throw new Error("no fixture " + prefix);
  return fs.readFileSync(path.join(FIXTURES, name), "utf8");
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
};

/** Serves dist/ on 127.0.0.1 at a free port; `served` lists every path asked for. */
export async function startServer() {
  if (!fs.existsSync(path.join(DIST, "index.html"))) throw new Error("dist/ is not built: run scripts/build-web.sh");
  const served = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    served.push(url.pathname);
    let file = path.normalize(path.join(DIST, decodeURIComponent(url.pathname)));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    if (url.pathname.endsWith("/")) file = path.join(file, "index.html");
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
        return;
      }
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file)] || "application/octet-stream",
        "cache-control": "no-store",
      });
      res.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, served, close: () => new Promise((r) => server.close(r)) };
}

export function chromiumPath() {
  for (const p of [process.env.CHROMIUM, "/usr/lib/chromium/chromium", "/usr/bin/chromium"]) {
    if (p && fs.existsSync(p)) return p;
  }
  throw new Error("Chromium not found: run scripts/setup.sh (Debian package chromium)");
}

/** Headless Chromium with a throw-away profile (`profile`: its directory, which the browser's processes name). */
export async function launch(options = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "whosaid-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      "--no-sandbox",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-default-apps",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
      "--no-default-browser-check",
      "--enable-precise-memory-info",
      "--js-flags=--expose-gc",
    ],
    ...options,
  });
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, close, profile };
}

/**
 * The set-up of a test file: before its tests, headless Chromium and (unless `serve` is false) the server
 * for dist/; after them, both closed. Returns {browser, server}, filled in when the `before` hook has run.
 */
export function useBrowser({ serve = true } = {}) {
  const env = { browser: null, server: null };
  before(async () => {
    if (serve) env.server = await startServer();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * openPage, then `url` loaded and its engine started: the page's `engine` is set, and `assertClean()`
 * asserts no console errors and no request outside `own(url)`.
 */
export async function openReady(context, url, own) {
  const p = await openPage(context, own);
  await p.page.goto(url);
  p.engine = await engineReady(p.page);
  p.assertClean = () => {
    assert.deepEqual(p.errors, [], "console errors");
    assert.deepEqual(p.requests.filter((u) => !own(u)), [], "requests outside the page's own files");
  };
  return p;
}

/**
 * A fresh page that records every request (the page's and its workers') and every console error.
 * Requests never reach the network: anything outside `allowed(url)` is aborted (and recorded).
 */
export async function openPage(context, allowed) {
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push("console: " + m.text());
  });
  page.on("pageerror", (e) => errors.push("pageerror: " + e.message));
  page.on("worker", (w) => w.on("console", (m) => m.type() === "error" && errors.push("worker: " + m.text())));
  await page.route("**/*", (route) => (allowed(route.request().url()) ? route.continue() : route.abort()));
  return { page, requests, errors };
}

/** Waits until the page has started its engine (worker, blob-worker or main-thread). */
export async function engineReady(page) {
  await page.waitForFunction(() => document.documentElement.dataset.engine, null, { timeout: 20000 });
  return page.evaluate(() => document.documentElement.dataset.engine);
}

/**
 * Replaces the paste area's text as a paste would (input event), makes the page analyse it at once
 * (change event, as when the field loses focus) and waits for the result for exactly that text.
 */
export async function paste(page, text, { timeout = 60000 } = {}) {
  const id = await page.evaluate((t) => {
    const ta = document.getElementById("text");
    ta.value = t;
    ta.dispatchEvent(new Event("input", { bubbles: true }));
    ta.dispatchEvent(new Event("change", { bubbles: true }));
    return document.documentElement.dataset.requested;
  }, text);
  await waitAnalysed(page, id, timeout);
}

/** Waits until the result of request `id` (default: the latest request) is on screen. */
export async function waitAnalysed(page, id, timeout = 60000) {
  await page.waitForFunction(
    (want) => {
      const d = document.documentElement.dataset;
      return d.analysed !== undefined && d.analysed === (want || d.requested);
    },
    id,
    { timeout },
  );
}

/** The page's results as the user sees them. */
export function readResults(page) {
  return page.evaluate(() => {
    const marks = [...document.querySelectorAll("#annotated mark[data-quote]")];
    const byQuote = new Map();
    for (const m of marks) byQuote.set(m.dataset.quote, (byQuote.get(m.dataset.quote) || "") + m.textContent);
    return {
      status: document.getElementById("status").textContent,
      annotatedText: document.getElementById("annotated").textContent,
      highlights: [...byQuote].map(([id, text]) => {
        const first = document.getElementById("q-" + id);
        return { id, text, badge: first && first.dataset.badge, title: first && first.title, kind: first && [...first.classList].find((c) => c.startsWith("k-")), dim: first && first.classList.contains("dim") };
      }),
      speakers: [...document.querySelectorAll("#speakers li")].map((li) => ({
        number: li.querySelector(".badge").textContent,
        name: li.querySelector(".name").textContent,
        count: li.querySelector(".count").textContent,
        facts: (li.querySelector(".facts") || {}).textContent || "",
        pressed: li.querySelector("button").getAttribute("aria-pressed"),
      })),
      quotes: [...document.querySelectorAll("#quotes li")].map((li) => ({
        id: li.dataset.quote,
        badge: li.querySelector(".badge").textContent,
        who: li.querySelector(".who").textContent,
        meta: li.querySelector(".meta").textContent,
        text: li.querySelector(".quote-text").textContent,
        // The quoted words only (a quote interrupted by its cue lists its parts).
        quoted: [...li.querySelectorAll(".quote-text .part")].map((p) => p.textContent).join(""),
      })),
    };
  });
}
