#!/usr/bin/env bash
# Builds the npm package `whosaid` in npm/ (its generated files are gitignored; `npm pack` in npm/ packs it):
#   release wasm (wasm32) -> wasm-bindgen, three targets over one module -> wasm-opt (npm binaryen) -> npm/wasm/:
#     whosaid_bg.wasm   the module, shared by every entry and by the page (scripts/build-web.sh copies it to dist/)
#     node.cjs          --target nodejs: CommonJS, loads the module synchronously (npm/whosaid.cjs, whosaid.mjs)
#     web.js            --target web: an ES module, `init()` fetches the module (npm/whosaid.js: browsers, bundlers)
#     script.js         --target no-modules --no-modules-global whosaid: a classic script (the page, <script> tags)
#   and npm/whosaid.d.mts, npm/whosaid.d.cts: copies of npm/whosaid.d.ts for the ESM and CommonJS entries.
# wasm-bindgen 0.2.130 emits the same module for every target (imports built by __wbg_get_imports() in each glue);
# the build checks that, so the one optimised module serves them all.
# Env: WASM_RUST_OPT (rustc opt-level for the wasm build, default s; the native CLI keeps Cargo.toml's 3),
# WASM_OPT=-O3|-Oz|none (default -O3), WASM_STABLE_FLAGS=1 (no nightly-only size flags, see below).
set -euo pipefail
cd "$(dirname "$0")/.."

opt_level=${WASM_OPT:--O3}
# opt-level "s" makes the module about 12 KB smaller gzipped than "3" (234,067 -> 221,901 bytes when measured);
# alternating the two in tests/e2e/bench.mjs on a loaded 2-core machine showed no difference in
# throughput beyond the noise (best of 4: typical articles 7.4 vs 6.3 MB/s, 1 MB document 129 vs 122 ms).
# "z" is 47 KB smaller but 2.5-3x slower.
rust_opt=${WASM_RUST_OPT:-s}
log() { printf '[build-npm] %s\n' "$*" >&2; }
die() { printf '[build-npm] FAILED: %s\n' "$*" >&2; exit 1; }

command -v wasm-bindgen >/dev/null || die "wasm-bindgen CLI missing: run scripts/setup.sh"
[ -x node_modules/.bin/wasm-opt ] || [ "$opt_level" = none ] || die "node_modules/.bin/wasm-opt missing: run scripts/setup.sh"

crate_version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
npm_version=$(node -p 'require("./npm/package.json").version')
[ "$crate_version" = "$npm_version" ] || die "npm/package.json version $npm_version differs from Cargo.toml's $crate_version"

# --lib: the CLI binary has the same name and would overwrite whosaid.wasm.
# Two size flags of rustc that stable Rust does not expose yet, enabled for this build only with RUSTC_BOOTSTRAP
# (the machine's one toolchain; cargo-fuzz needs the same switch): no file/line strings in panic messages and no
# Debug formatting code in the module. Together 7.2 KB gzipped (244,495 -> 237,332 bytes when measured), which the
# page's 250 KB budget needs; the analysis itself is unchanged. And `--cfg whosaid_small`: the functions of the
# sieves, the story stage and the entry points of hard-wrap and furniture detection are optimised for size
# (`#[optimize(size)]`, as opt-level "z" would, which costs a third of the speed for the whole module): 8.0 KB gzipped
# (265,567 -> 257,579 bytes of page when measured) for no speed change the bench could tell from its noise.
# WASM_STABLE_FLAGS=1 builds without them.
flags=${RUSTFLAGS:-}
if [ "${WASM_STABLE_FLAGS:-0}" != 1 ]; then
  flags="$flags -Zlocation-detail=none -Zfmt-debug=none --cfg whosaid_small"
  export RUSTC_BOOTSTRAP=1
fi
log "cargo build (wasm-release profile, rustc opt-level $rust_opt, wasm32)"
# A separate target dir: other RUSTFLAGS would rebuild everything in target/ for every other cargo command.
RUSTFLAGS="$flags" CARGO_TARGET_DIR=target/web-build CARGO_PROFILE_WASM_RELEASE_OPT_LEVEL=$rust_opt \
  cargo build --locked --profile wasm-release --target wasm32-unknown-unknown --lib --quiet

work=target/web/bindgen
rm -rf "$work" && mkdir -p "$work"
for target in nodejs web no-modules; do
  extra=()
  [ "$target" = no-modules ] && extra=(--no-modules-global whosaid)
  wasm-bindgen --target "$target" "${extra[@]}" --no-typescript --out-dir "$work/$target" --out-name whosaid \
    target/web-build/wasm32-unknown-unknown/wasm-release/whosaid.wasm
done
cmp -s "$work/nodejs/whosaid_bg.wasm" "$work/web/whosaid_bg.wasm" &&
  cmp -s "$work/web/whosaid_bg.wasm" "$work/no-modules/whosaid_bg.wasm" ||
  die "wasm-bindgen made different modules for its targets: one whosaid_bg.wasm cannot serve them all"

out=npm/wasm
rm -rf "$out" && mkdir -p "$out"
# Debian's binaryen corrupts wasm-bindgen output; only the npm build is used (see TOOLCHAIN.md).
if [ "$opt_level" = none ]; then
  cp "$work/web/whosaid_bg.wasm" "$out/whosaid_bg.wasm"
else
  log "wasm-opt $opt_level"
  # --converge repeats the passes while they still shrink the module: 0.3 % smaller gzipped, ~8 s longer.
  # --low-memory-unused: the optimiser may fold `p + c` (c < 1024) into a load's or store's offset, which differs
  # only where the sum wraps past 2^32 to an address below 1 KB. rustc's wasm32 layout puts the stack first (it grows
  # down from 1 MB towards 0, `--stack-first`) and data above 1 MB, and Rust's pointer arithmetic never wraps, so no
  # access of the module is changed (emscripten passes the same flag when its data starts past 1 KB). 1.3 KB
  # smaller gzipped (251,763 -> 250,468 bytes when measured).
  node_modules/.bin/wasm-opt "$opt_level" --converge --low-memory-unused --strip-debug --strip-producers \
    --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-multivalue \
    "$work/web/whosaid_bg.wasm" -o "$out/whosaid_bg.wasm"
fi

# The glue, without wasm-bindgen's pointer to a .d.ts it did not write (the package's types are npm/whosaid.d.ts).
glue() { sed '1{/@ts-self-types/d}' "$work/$1/whosaid.js" >"$out/$2"; }
glue nodejs node.cjs
glue web web.js
glue no-modules script.js
grep -q "__dirname}/whosaid_bg.wasm" "$out/node.cjs" || die "unexpected nodejs glue: it must load whosaid_bg.wasm beside it"
grep -q "new URL('whosaid_bg.wasm', import.meta.url)" "$out/web.js" || die "unexpected web glue: no default module URL"
grep -q '^let whosaid = ' "$out/script.js" || die "unexpected no-modules glue: it must define the global whosaid"
cp npm/whosaid.d.ts npm/whosaid.d.mts
cp npm/whosaid.d.ts npm/whosaid.d.cts
log "npm/ ready: whosaid $npm_version ($(wc -c <"$out/whosaid_bg.wasm") bytes of wasm)"
