#!/usr/bin/env bash
# Builds the static site into dist/ (gitignored):
#   scripts/build-npm.sh (release wasm -> wasm-bindgen -> wasm-opt, into npm/wasm/) -> the package's module and its
#   classic-script glue (--target no-modules) + www/ + samples.
# The same dist/ works from any static server and opened from disk (file://).
# Env: WASM_RUST_OPT, WASM_OPT, WASM_STABLE_FLAGS (see scripts/build-npm.sh), MINIFY=1|0 (default 1: app.js, engine.js and style.css are
# minified, terser for the scripts, comments and indentation out of the CSS), WHOSAID_MAX_GZIP (bytes,
# default 260000: 250 KB plus the 10 KB issue 12 allows for every quotation and text as pasted).
# Fails when what the page loads (gzip -9) exceeds WHOSAID_MAX_GZIP, served (the binary .wasm) or opened from
# disk (wasm-inline.js instead of the .wasm and worker.js).
set -euo pipefail
cd "$(dirname "$0")/.."

max_gzip=${WHOSAID_MAX_GZIP:-260000}
log() { printf '[build-web] %s\n' "$*" >&2; }
die() { printf '[build-web] FAILED: %s\n' "$*" >&2; exit 1; }

export MINIFY=${MINIFY:-1}
[ "$MINIFY" = 0 ] || [ -d node_modules/terser ] || die "node_modules/terser missing: run scripts/setup.sh"
[ -d node_modules/@gfx/zopfli ] || die "node_modules/@gfx/zopfli missing: run scripts/setup.sh"

# The wasm module and its classic-script glue come from the npm package's build (npm/wasm/whosaid_bg.wasm and
# npm/wasm/script.js, wasm-bindgen --target no-modules): the page runs the very files the package ships.
bash scripts/build-npm.sh

log "assembling dist/"
rm -rf dist && mkdir -p dist
cp www/index.html www/style.css www/worker.js dist/
cp npm/wasm/whosaid_bg.wasm dist/
node - <<'NODE'
const fs = require("fs");
const path = require("path");
// app.js: the page's modules (www/app/*.js, one job each) joined in one classic script (see scripts/app-bundle.cjs).
fs.writeFileSync("dist/app.js", require(path.resolve("scripts/app-bundle.cjs")).bundle("www/app"));
// engine.js with the package's classic-script glue inside whosaidEngine() (the page rebuilds a worker from its source).
const glue = fs.readFileSync("npm/wasm/script.js", "utf8");
const template = fs.readFileSync("www/engine.js", "utf8");
const marker = "/* @@WASM_BINDGEN_GLUE@@ */";
if (!template.includes(marker)) throw new Error("www/engine.js lacks " + marker);
if (!/^let whosaid = /m.test(glue)) throw new Error("unexpected glue in npm/wasm/script.js (need --target no-modules, global whosaid)");
fs.writeFileSync("dist/engine.js", template.replace(marker, () => glue));
// The seed articles as the "Sample story".
const dir = "tests/fixtures";
const samples = fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()
  .map((f) => ({ id: f.replace(/\.txt$/, ""), text: fs.readFileSync(path.join(dir, f), "utf8") }));
if (samples.length === 0) throw new Error("no sample articles in " + dir);
fs.writeFileSync("dist/samples.js", "// The sample story: seed articles from tests/fixtures.\nself.WHOSAID_SAMPLES = " +
  JSON.stringify(samples, null, 1) + ";\n");
(async () => {
  // The wasm as a classic script (gzipped, in base64): fetch() of a .wasm is refused from file://.
  const { inlineScript } = require(path.resolve("scripts/wasm-inline.cjs"));
  fs.writeFileSync("dist/wasm-inline.js", await inlineScript(fs.readFileSync("dist/whosaid_bg.wasm")));
  // Minified scripts and CSS: the wasm takes most of the size budget. Top-level names are kept (the
  // scripts are classic scripts that share globals, and the page stringifies engine.js's functions).
  if (process.env.MINIFY !== "0") {
    const { minify } = require("terser");
    for (const f of ["dist/app.js", "dist/engine.js"]) {
      const out = await minify(fs.readFileSync(f, "utf8"), { compress: { passes: 2 }, mangle: true, format: { comments: false } });
      fs.writeFileSync(f, out.code + "\n");
    }
    // CSS: comments and spaces out, strings untouched.
    const css = fs.readFileSync("dist/style.css", "utf8").replace(/\/\*[\s\S]*?\*\//g, "").split(/("[^"\n]*"|'[^'\n]*')/);
    const tight = (t) => t.replace(/\s+/g, " ").replace(/ ?([{};,>]) ?/g, "$1").replace(/: /g, ":").replace(/;}/g, "}");
    fs.writeFileSync("dist/style.css", css.map((t, i) => (i % 2 ? t : tight(t))).join("").trim() + "\n");
    fs.writeFileSync("dist/index.html", fs.readFileSync("dist/index.html", "utf8").replace(/^[ \t]+/gm, ""));
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
NODE

# Sizes: what a browser loads when served (with the worker script) and from disk: both take the module from
# wasm-inline.js (the wasm gzipped by zopfli, in base64, see scripts/wasm-inline.cjs; about 10 KB less than the
# .wasm gzipped by a server). whosaid_bg.wasm stays in dist/ for other hosts of the engine (engine.init takes a URL
# too). samples.js loads only on "Sample story".
gz() { gzip -9 -c "$1" | wc -c; }
raw() { wc -c < "$1"; }
served=(index.html style.css app.js worker.js engine.js wasm-inline.js)
fromdisk=(index.html style.css app.js engine.js wasm-inline.js)
total() { local t=0 f; for f in "$@"; do t=$((t + $(gz "dist/$f"))); done; echo "$t"; }
printf '[build-web] %-18s %9s %9s\n' file bytes gzip >&2
for f in dist/*; do printf '[build-web] %-18s %9d %9d\n' "${f#dist/}" "$(raw "$f")" "$(gz "$f")" >&2; done
served_gz=$(total "${served[@]}")
disk_gz=$(total "${fromdisk[@]}")
log "page payload, gzip -9: served $served_gz bytes, from disk $disk_gz bytes (limit $max_gzip each); + samples.js $(gz dist/samples.js) on demand"
[ "$served_gz" -le "$max_gzip" ] || die "served payload $served_gz > $max_gzip bytes gzipped"
[ "$disk_gz" -le "$max_gzip" ] || die "from-disk payload $disk_gz > $max_gzip bytes gzipped"
log "dist/ ready"
