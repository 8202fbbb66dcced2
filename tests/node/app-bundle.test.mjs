// dist/app.js from www/app/*.js (scripts/app-bundle.cjs): every module once, in file-name order, inside one
// function (strict mode: no module makes a global); a name declared in two modules is refused.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { bundle, topLevelNames } = createRequire(import.meta.url)(path.join(ROOT, "scripts/app-bundle.cjs"));
const APP = path.join(ROOT, "www/app");

test("the page's modules join into one script that parses, each once and in order", () => {
  const files = fs.readdirSync(APP).filter((f) => f.endsWith(".js")).sort();
  assert.ok(files.length >= 5, String(files));
  const src = bundle(APP);
  new vm.Script(src); // throws on a syntax error
  let at = -1;
  for (const f of files) {
    const body = fs.readFileSync(path.join(APP, f), "utf8");
    const i = src.indexOf(body);
    assert.ok(i > at, `${f} missing or out of order`);
    assert.equal(src.indexOf(body, i + 1), -1, `${f} twice`);
    at = i;
  }
  // Every module declares something, and nothing is declared twice across them.
  const names = files.flatMap((f) => topLevelNames(fs.readFileSync(path.join(APP, f), "utf8")));
  assert.equal(new Set(names).size, names.length);
});

test("a name declared in two modules is refused, naming both files", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "whosaid-app-"));
  try {
    fs.writeFileSync(path.join(dir, "10-a.js"), "const list = [];\nfunction draw() {\n  const inner = 1;\n}\n");
    fs.writeFileSync(path.join(dir, "20-b.js"), "// draw again\nasync function draw() {}\n");
    assert.throws(() => bundle(dir), /draw is declared in both 10-a\.js and 20-b\.js/);
    fs.writeFileSync(path.join(dir, "20-b.js"), "function redraw() {\n  const list = 2;\n}\n");
    // The same name inside a function of another module is no clash.
    assert.match(bundle(dir), /^\(\(\) => \{\n\/\/ ---- 10-a\.js\nconst list = \[\];[\s\S]*function redraw[\s\S]*\}\)\(\);\n$/m);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
