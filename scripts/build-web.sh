#!/usr/bin/env bash
# Builds the static site into dist/ (gitignored):
#   release wasm -> wasm-bindgen (--target no-modules) -> wasm-opt (npm binaryen) -> www/ + samples.
# The same dist/ works from any static server and opened from disk (file://).
# Env: WASM_RUST_OPT (rustc opt-level for the wasm build, default s; the native CLI keeps Cargo.toml's 3),
# WASM_OPT=-O3|-Oz|none (default -O3), MINIFY=1|0 (default 1: app.js, engine.js and style.css are
# minified, terser for the scripts, comments and indentation out of the CSS), WHOSAID_MAX_GZIP (bytes,
# default 250000).
# Fails when what the page loads (gzip -9) exceeds WHOSAID_MAX_GZIP, served (the binary .wasm) or opened from
# disk (wasm-inline.js instead of the .wasm and worker.js).
set -euo pipefail
cd "$(dirname "$0")/.."

opt_level=${WASM_OPT:--O3}
# opt-level "s" makes the module about 12 KB smaller gzipped than "3" (234,067 -> 221,901 bytes when measured);
# alternating the two in tests/e2e/bench.mjs on a loaded 2-core machine showed no difference in
# throughput beyond the noise (best of 4: typical articles 7.4 vs 6.3 MB/s, 1 MB document 129 vs 122 ms).
# "z" is 47 KB smaller but 2.5-3x slower.
rust_opt=${WASM_RUST_OPT:-s}
max_gzip=${WHOSAID_MAX_GZIP:-250000}
log() { printf '[build-web] %s\n' "$*" >&2; }
die() { printf '[build-web] FAILED: %s\n' "$*" >&2; exit 1; }

command -v wasm-bindgen >/dev/null || die "wasm-bindgen CLI missing: run scripts/setup.sh"
[ -x node_modules/.bin/wasm-opt ] || [ "$opt_level" = none ] || die "node_modules/.bin/wasm-opt missing: run scripts/setup.sh"
export MINIFY=${MINIFY:-1}
[ "$MINIFY" = 0 ] || [ -d node_modules/terser ] || die "node_modules/terser missing: run scripts/setup.sh"

# --lib: the CLI binary has the same name and would overwrite whosaid.wasm.
# Two size flags of rustc that stable Rust does not expose yet, enabled for this build only with RUSTC_BOOTSTRAP
# (the machine's one toolchain; cargo-fuzz needs the same switch): no file/line strings in panic messages and no
# Debug formatting code in the module. Together 7.2 KB gzipped (244,495 -> 237,332 bytes when measured), which the
# page's 250 KB budget needs; the analysis itself is unchanged. WASM_STABLE_FLAGS=1 builds without them.
flags=${RUSTFLAGS:-}
if [ "${WASM_STABLE_FLAGS:-0}" != 1 ]; then
  flags="$flags -Zlocation-detail=none -Zfmt-debug=none"
  export RUSTC_BOOTSTRAP=1
fi
log "cargo build (wasm-release profile, rustc opt-level $rust_opt, wasm32)"
# A separate target dir: other RUSTFLAGS would rebuild everything in target/ for every other cargo command.
RUSTFLAGS="$flags" CARGO_TARGET_DIR=target/web-build CARGO_PROFILE_WASM_RELEASE_OPT_LEVEL=$rust_opt \
  cargo build --locked --profile wasm-release --target wasm32-unknown-unknown --lib --quiet

work=target/web
rm -rf "$work" && mkdir -p "$work/bindgen"
wasm-bindgen --target no-modules --no-typescript --out-dir "$work/bindgen" --out-name whosaid \
  target/web-build/wasm32-unknown-unknown/wasm-release/whosaid.wasm

# Debian's binaryen corrupts wasm-bindgen output; only the npm build is used (see TOOLCHAIN.md).
if [ "$opt_level" = none ]; then
  cp "$work/bindgen/whosaid_bg.wasm" "$work/whosaid_bg.wasm"
else
  log "wasm-opt $opt_level"
  # --converge repeats the passes while they still shrink the module: 0.3 % smaller gzipped, ~8 s longer.
  node_modules/.bin/wasm-opt "$opt_level" --converge --strip-debug --strip-producers \
    --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-multivalue \
    "$work/bindgen/whosaid_bg.wasm" -o "$work/whosaid_bg.wasm"
fi

log "assembling dist/"
rm -rf dist && mkdir -p dist
cp www/index.html www/style.css www/worker.js dist/
cp "$work/whosaid_bg.wasm" dist/
node - "$work" <<'NODE'
const fs = require("fs");
const path = require("path");
const work = process.argv[2];
// app.js: the page's modules (www/app/*.js, one job each) joined in one classic script (see scripts/app-bundle.cjs).
fs.writeFileSync("dist/app.js", require(path.resolve("scripts/app-bundle.cjs")).bundle("www/app"));
// engine.js with the wasm-bindgen glue inside whosaidEngine() (the page rebuilds a worker from its source).
const glue = fs.readFileSync(path.join(work, "bindgen/whosaid.js"), "utf8");
const template = fs.readFileSync("www/engine.js", "utf8");
const marker = "/* @@WASM_BINDGEN_GLUE@@ */";
if (!template.includes(marker)) throw new Error("www/engine.js lacks " + marker);
if (!/^let wasm_bindgen = /m.test(glue)) throw new Error("unexpected wasm-bindgen glue (need --target no-modules)");
fs.writeFileSync("dist/engine.js", template.replace(marker, () => glue));
// The wasm as a classic script, one character per byte: fetch() of a .wasm is refused from file://.
const { inlineScript } = require(path.resolve("scripts/wasm-inline.cjs"));
fs.writeFileSync("dist/wasm-inline.js", inlineScript(fs.readFileSync("dist/whosaid_bg.wasm")));
// The seed articles as the "Sample story".
const dir = "tests/fixtures";
const samples = fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()
  .map((f) => ({ id: f.replace(/\.txt$/, ""), text: fs.readFileSync(path.join(dir, f), "utf8") }));
if (samples.length === 0) throw new Error("no sample articles in " + dir);
fs.writeFileSync("dist/samples.js", "// The sample story: seed articles from tests/fixtures.\nself.WHOSAID_SAMPLES = " +
  JSON.stringify(samples, null, 1) + ";\n");
// Minified scripts and CSS: the wasm takes most of the size budget. Top-level names are kept (the
// scripts are classic scripts that share globals, and the page stringifies engine.js's functions).
if (process.env.MINIFY !== "0") {
  (async () => {
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
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
NODE

# Sizes: what a browser loads when served (the worker fetches the binary .wasm) and from disk
# (wasm-inline.js instead, see scripts/wasm-inline.cjs). samples.js loads only on "Sample story".
gz() { gzip -9 -c "$1" | wc -c; }
raw() { wc -c < "$1"; }
served=(index.html style.css app.js worker.js engine.js whosaid_bg.wasm)
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
