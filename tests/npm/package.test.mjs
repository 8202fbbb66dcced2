// The npm package as a user gets it: `npm pack` of npm/ (built by scripts/build-npm.sh), the tarball installed into
// an empty temporary project (offline: the package has no dependencies), then from that project
//   - Node.js: CommonJS (consumer/cjs.cjs) and an ES module (consumer/esm.mjs), both running consumer/checks.cjs;
//   - TypeScript: tsc --noEmit (the TypeScript pinned in the root package.json) with Node's resolution (ESM and CJS),
//     a bundler's resolution, and the DOM library; real output checked against the types (consumer/contract.mjs);
//   - a bundler: esbuild (pinned in the root package.json) bundles consumer/bundle-entry.mjs for browsers, from the
//     package's browser entry and none of its Node.js files;
//   - headless Chromium: the ES module entry a bundler or browser gets (package.json "exports" default) with init()
//     fetching the wasm beside it, that bundle, and the classic script (whosaid/script), all giving Node's result.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { launch } from "../e2e/helpers.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const NPM = path.join(ROOT, "npm");
const CONSUMER = path.join(ROOT, "tests/npm/consumer");
const SEEDS = path.join(ROOT, "tests/fixtures");
const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");

let tmp;
let project;
let pack;

function run(cmd, args, options = {}) {
  try {
    return execFileSync(cmd, args, { cwd: project, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...options });
  } catch (e) {
    assert.fail(`${cmd} ${args.join(" ")} failed (${e.status}):\n${e.stdout}\n${e.stderr}`);
  }
}

before(() => {
  if (!fs.existsSync(path.join(NPM, "wasm/whosaid_bg.wasm"))) {
    throw new Error("npm/ is not built: run scripts/build-npm.sh (scripts/build-web.sh runs it)");
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "whosaid-npm-"));
  project = path.join(tmp, "project");
  fs.mkdirSync(project);
  [pack] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", tmp, "--loglevel=error"], { cwd: NPM }));
  for (const f of fs.readdirSync(CONSUMER)) fs.copyFileSync(path.join(CONSUMER, f), path.join(project, f));
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "whosaid-consumer", private: true }));
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", path.join(tmp, pack.filename)]);
});

after(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test("npm pack: the tarball holds the entries, their types, the glue and the module, and nothing else", (t) => {
  const size = fs.statSync(path.join(tmp, pack.filename)).size;
  t.diagnostic(`${pack.filename}: ${size} bytes, ${pack.unpackedSize} bytes unpacked, ${pack.entryCount} files`);
  const files = pack.files.map((f) => f.path).sort();
  assert.deepEqual(files, [
    "README.md", "package.json",
    "wasm/node.cjs", "wasm/script.js", "wasm/web.js", "wasm/whosaid_bg.wasm",
    "whosaid.cjs", "whosaid.d.cts", "whosaid.d.mts", "whosaid.d.ts", "whosaid.js", "whosaid.mjs",
  ]);
  const cargo = fs.readFileSync(path.join(ROOT, "Cargo.toml"), "utf8").match(/^version = "(.*)"/m)[1];
  assert.equal(pack.version, cargo, "the package's version is the crate's");
  // The module is the page's (scripts/build-web.sh copies npm/wasm/whosaid_bg.wasm to dist/).
  const installed = path.join(project, "node_modules/whosaid");
  assert.ok(fs.readFileSync(path.join(installed, "wasm/whosaid_bg.wasm")).equals(fs.readFileSync(path.join(NPM, "wasm/whosaid_bg.wasm"))));
});

test("Node.js, CommonJS: require('whosaid')", () => {
  assert.match(run(process.execPath, ["cjs.cjs"]), /cjs: ok/);
});

test("Node.js, ES module: import 'whosaid' (the same instance as require)", () => {
  assert.match(run(process.execPath, ["esm.mjs"]), /esm: ok/);
});

test("TypeScript: tsc --noEmit against the installed types (nodenext ESM and CJS, bundler, DOM)", () => {
  const seeds = fs.readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort().map((f) => path.join(SEEDS, f));
  fs.writeFileSync(path.join(project, "contract.mts"), run(process.execPath, ["contract.mjs", ...seeds]));
  for (const config of ["tsconfig.json", "tsconfig.bundler.json", "tsconfig.dom.json", "tsconfig.contract.json"]) {
    run(process.execPath, [TSC, "--noEmit", "-p", config]);
  }
  // The check can fail: a field the types lack, in real output, is an error.
  const contract = fs.readFileSync(path.join(project, "contract.mts"), "utf8");
  fs.writeFileSync(path.join(project, "contract.mts"), contract.replace('"quotes":[{"id":0,', '"quotes":[{"id":0,"extra":1,'));
  assert.throws(
    () => execFileSync(process.execPath, [TSC, "--noEmit", "-p", "tsconfig.contract.json"], { cwd: project, stdio: "pipe" }),
    (e) => /'"extra"' does not exist in type 'Quote'/.test(String(e.stdout)),
  );
  fs.writeFileSync(path.join(project, "contract.mts"), contract);
});

/** Serves the consumer project (its node_modules included) on 127.0.0.1. */
async function serve(root) {
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!file.startsWith(root + path.sep)) return void res.writeHead(403).end();
    fs.readFile(file, (err, body) => {
      if (err) return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" }).end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

test("bundlers: esbuild bundles the browser entry for a browser app, without the Node.js files", async () => {
  const result = await build({
    absWorkingDir: project,
    entryPoints: ["bundle-entry.mjs"],
    bundle: true,
    format: "esm",
    platform: "browser",
    outdir: "bundle",
    metafile: true,
    logLevel: "silent",
  });
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.warnings, []);
  const inputs = Object.keys(result.metafile.inputs).sort();
  assert.deepEqual(inputs, ["bundle-entry.mjs", "node_modules/whosaid/wasm/web.js", "node_modules/whosaid/whosaid.js"]);
  fs.copyFileSync(path.join(project, "node_modules/whosaid/wasm/whosaid_bg.wasm"), path.join(project, "bundle/whosaid_bg.wasm"));
});

test("browsers and bundlers: the ES module entry, the bundle and the classic script in headless Chromium", async () => {
  const checks = (await import(path.join(project, "checks.cjs"))).default;
  const json = path.join(tmp, "node.json");
  run(process.execPath, ["esm.mjs", json]);
  const fromNode = JSON.parse(fs.readFileSync(json, "utf8"));
  const manifest = JSON.parse(fs.readFileSync(path.join(project, "node_modules/whosaid/package.json"), "utf8"));
  const entry = "/node_modules/whosaid/" + manifest.exports["."].default.replace(/^\.\//, "");
  const script = "/node_modules/whosaid/" + manifest.exports["./script"].replace(/^\.\//, "");
  const wasmUrl = "/node_modules/whosaid/" + manifest.exports["./whosaid_bg.wasm"].replace(/^\.\//, "");
  fs.writeFileSync(path.join(project, "module.html"),
    `<!doctype html><link rel="icon" href="data:,"><script type="importmap">{"imports": {"whosaid": "${entry}"}}</script>` +
    `<script type="module">import * as w from "whosaid"; window.whosaidModule = w;</script>`);
  fs.writeFileSync(path.join(project, "bundle.html"),
    `<!doctype html><link rel="icon" href="data:,"><script type="module" src="/bundle/bundle-entry.js"></script>`);
  fs.writeFileSync(path.join(project, "script.html"), `<!doctype html><link rel="icon" href="data:,"><script src="${script}"></script>`);
  const server = await serve(project);
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(String(e)));

    await page.goto(server.origin + "/module.html");
    await page.waitForFunction(() => window.whosaidModule);
    const viaModule = await page.evaluate(async (text) => {
      const w = window.whosaidModule;
      let early = null;
      try {
        w.analyze(text);
      } catch (e) {
        early = e.message;
      }
      await w.init(); // fetches whosaid_bg.wasm from beside wasm/web.js
      return { early, version: w.version(), result: w.analyze(text) };
    }, checks.ARTICLE_A);
    assert.equal(viaModule.early, "whosaid: analyze() before the wasm module is loaded: call `await init()` first");
    assert.equal(viaModule.version, manifest.version);
    assert.deepEqual(viaModule.result, fromNode);

    await page.goto(server.origin + "/bundle.html");
    await page.waitForFunction(() => window.whosaidBundle);
    const viaBundle = await page.evaluate(async (text) => {
      await window.whosaidBundle.init(); // fetches whosaid_bg.wasm from beside the bundle
      return window.whosaidBundle.analyze(text);
    }, checks.ARTICLE_A);
    assert.deepEqual(viaBundle, fromNode);

    await page.goto(server.origin + "/script.html");
    const viaScript = await page.evaluate(async ([text, wasm]) => {
      await whosaid({ module_or_path: wasm }); // eslint-disable-line no-undef
      return whosaid.analyze(text); // eslint-disable-line no-undef
    }, [checks.ARTICLE_A, wasmUrl]);
    assert.deepEqual(viaScript, fromNode);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
