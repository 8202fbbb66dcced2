#!/usr/bin/env bash
# Benchmarks whosaid and prints each figure beside its budget, PASS or FAIL (a report, not a test: exit 0 unless
# a step could not run; --strict exits 1 when a budget fails).
#   1. native: analyze on the seed articles repeated to 1 MB and 10 MB, MB/s, beside one bare UAX #29 word-boundary
#      pass (unicode-segmentation split_word_bounds) over the same text in the same run (examples/bench.rs);
#   2. wasm in headless Chromium through the page's own engine (dist/), 1 MB and 10 MB, one 5.6 KB article, and the
#      story of 500 and 5,000 articles of 1,000 characters (scripts/bench-web.mjs); then the page itself under big
#      pastes, pasted for real (scripts/bench-page.mjs): a 5 MB article, 5,000 articles of 1,000 characters, 200,000
#      quotation marks: time to the result, the longest main-thread task after it (PerformanceObserver "longtask"),
#      Clear's response, the browser's memory after Clear;
#   3. batch CLI: a 100 MB JSON-lines corpus made from the seeds (target/bench/, not committed) through
#      `whosaid --json --input jsonl`: MB/s and peak memory (/usr/bin/time -v, max RSS);
#   4. size: raw and gzipped bytes of everything the page loads (dist/), served (the binary .wasm) and opened
#      from disk (wasm-inline.js, the wasm as one character per byte, see scripts/wasm-inline.cjs).
# Budgets: native >= 50 MB/s and <= 3x the segmentation pass; wasm >= 20 MB/s; one article <= 1 ms in the page;
# 10 MB <= 12x the time of 1 MB; the story of 5,000 articles <= 12x that of 500; in the page, 5,000 articles from paste
# to result <= 3 s, no main-thread task over 100 ms after a result, Clear answered within 100 ms, the browser's memory
# after Clear within 20 % of before the paste; batch peak memory <= 64 MB; page payload <= 250,000 bytes gzipped.
# Usage: scripts/bench.sh [--strict] [--runs N] [--no-web]
# Needs: scripts/setup.sh done (Chromium, npm packages); builds dist/ with scripts/build-web.sh if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=7
web=1
strict=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --no-web) web=0; shift ;;
    --strict) strict=1; shift ;;
    *) echo "usage: scripts/bench.sh [--strict] [--runs N] [--no-web]" >&2; exit 2 ;;
  esac
done

log() { printf '[bench] %s\n' "$*" >&2; }
failed=0
# budget NAME VALUE OP LIMIT UNIT: prints one budget line; OP is <= or >=.
budget() {
  local name=$1 value=$2 op=$3 limit=$4 unit=$5 ok
  if [ -z "$value" ]; then
    failed=$((failed + 1))
    printf '  %-4s %-52s %12s     (budget %s %s %s)\n' FAIL "$name" "no figure" "$op" "$limit" "$unit"
    return
  fi
  ok=$(awk -v v="$value" -v l="$limit" -v op="$op" 'BEGIN { print ((op == "<=") ? (v <= l) : (v >= l)) }')
  local verdict=PASS
  [ "$ok" = 1 ] || { verdict=FAIL; failed=$((failed + 1)); }
  printf '  %-4s %-52s %12s %s  (budget %s %s %s)\n' "$verdict" "$name" "$value" "$unit" "$op" "$limit" "$unit"
}
num() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" | tail -n1; }
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }

printf 'whosaid bench, %s, %s, %s cores\n' "$(git rev-parse --short HEAD 2>/dev/null || echo '?')" \
  "$(uname -m)" "$(nproc)"
printf 'load average before: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"

# 1. Native.
log "cargo build --release (bench example, CLI)"
cargo build --locked --release --quiet --example bench --bin whosaid
native=$(target/release/examples/bench --runs "$runs" 1 10)
echo
echo "== native (analyze; median of $((runs * 3)) runs at 1 MB, $runs at 10 MB; text = seeds repeated)"
grep -v '^RESULT' <<<"$native"
r1=$(grep '^RESULT size=1000000 ' <<<"$native")
r10=$(grep '^RESULT size=10000000 ' <<<"$native")
an1=$(num analyze_s <<<"$r1"); seg1=$(num segment_s <<<"$r1")
an10=$(num analyze_s <<<"$r10"); seg10=$(num segment_s <<<"$r10")
budget "native analyze, 1 MB" "$(calc "1 / $an1" 1)" '>=' 50 MB/s
budget "native analyze, 10 MB" "$(calc "10 / $an10" 1)" '>=' 50 MB/s
budget "native analyze / split_word_bounds, 1 MB" "$(calc "$an1 / $seg1")" '<=' 3 x
budget "native analyze / split_word_bounds, 10 MB" "$(calc "$an10 / $seg10")" '<=' 3 x
budget "native time(10 MB) / time(1 MB)" "$(calc "$an10 / $an1")" '<=' 12 x

# 2. wasm in Chromium, through dist/ (the page's engine).
if [ "$web" = 1 ]; then
  if [ ! -f dist/index.html ] || [ -n "$(find src www tests/fixtures Cargo.toml Cargo.lock scripts/build-web.sh -newer dist/index.html -print -quit)" ]; then
    log "building dist/ (scripts/build-web.sh)"
    bash scripts/build-web.sh >&2 || log "build-web.sh reported a failure (see above); dist/ is measured as built"
  fi
  webout=$(node scripts/bench-web.mjs --runs "$runs")
  echo
  echo "== wasm in headless Chromium (dist/engine.js + whosaid_bg.wasm, the page's code path)"
  grep -v '^RESULT' <<<"$webout"
  w=$(grep '^RESULT' <<<"$webout")
  budget "wasm in Chromium, 1 MB" "$(calc "$(num mb1_bytes <<<"$w") / 1000 / $(num mb1_ms <<<"$w")" 1)" '>=' 20 MB/s
  budget "wasm in Chromium, 10 MB" "$(calc "$(num mb10_bytes <<<"$w") / 1000 / $(num mb10_ms <<<"$w")" 1)" '>=' 20 MB/s
  budget "wasm, one $(num article_bytes <<<"$w")-byte article" "$(num article_ms <<<"$w")" '<=' 1 ms
  budget "wasm time(10 MB) / time(1 MB)" "$(calc "$(num mb10_ms <<<"$w") / $(num mb1_ms <<<"$w")")" '<=' 12 x
  budget "wasm story time(5,000 articles) / time(500)" "$(calc "$(num story5000_ms <<<"$w") / $(num story500_ms <<<"$w")")" '<=' 12 x

  pageout=$(node scripts/bench-page.mjs)
  echo
  echo "== the page under big pastes (dist/, served, headless Chromium, Ctrl+V; a fresh browser per paste)"
  grep -v '^RESULT' <<<"$pageout"
  p() { grep "^RESULT $1 " <<<"$pageout"; }
  budget "page, 5,000 articles: paste to result" "$(num result_ms <<<"$(p articles5000)")" '<=' 3000 ms
  for input in article5mb articles5000 marks200k; do
    r=$(p "$input")
    printf '  %-4s %-52s %12s %s  (no budget: mostly the browser reading the clipboard)\n' info "page, $input: longest task before the result" "$(num paste_task_ms <<<"$r")" ms
    budget "page, $input: longest task after the result" "$(num after_ms <<<"$r")" '<=' 100 ms
    budget "page, $input: Clear answered (worst of 5 moments)" "$(num clear_ms <<<"$r")" '<=' 100 ms
    budget "page, $input: memory after Clear / before paste" "$(calc "$(num mem_after_mb <<<"$r") / $(num mem_before_mb <<<"$r")")" '<=' 1.2 x
  done
fi

# 3. Batch CLI over 100 MB of JSON lines.
corpus=target/bench/corpus-100mb.jsonl
if [ ! -s "$corpus" ]; then
  log "writing $corpus (the seeds as JSON lines, repeated to 100 MB)"
  mkdir -p target/bench
  node - "$corpus" <<'NODE'
const fs = require("fs");
const path = require("path");
const dir = "tests/fixtures";
const seeds = fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()
  .map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
const out = fs.openSync(process.argv[2], "w");
let n = 0;
for (let i = 0; n < 100e6; i++) {
  const line = JSON.stringify({ id: "doc-" + i, text: seeds[i % seeds.length] }) + "\n";
  fs.writeSync(out, line);
  n += Buffer.byteLength(line);
}
fs.closeSync(out);
NODE
fi
size=$(stat -c %s "$corpus")
log "whosaid --json --input jsonl over $((size / 1000000)) MB"
tv=$(mktemp)
trap 'rm -f "$tv"' EXIT
start=$(date +%s.%N)
/usr/bin/time -v target/release/whosaid --json --input jsonl "$corpus" 2>"$tv" >/dev/null
end=$(date +%s.%N)
secs=$(calc "$end - $start" 3)
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tv")
echo
echo "== batch CLI: whosaid --json --input jsonl, $size bytes in $(wc -l <"$corpus") lines"
printf '  %.2f s, %.1f MB/s, peak RSS %.1f MB\n' "$secs" "$(calc "$size / 1000000 / $secs" 3)" "$(calc "$rss_kb / 1024" 3)"
printf '  %-4s %-52s %12s %s  (no budget)\n' "info" "batch CLI throughput" "$(calc "$size / 1000000 / $secs" 1)" MB/s
budget "batch CLI peak memory (max RSS)" "$(calc "$rss_kb / 1024" 1)" '<=' 64 MB

# 4. Size of what the page loads.
if [ -f dist/index.html ]; then
  echo
  echo "== size of dist/ (gzip -9)"
  gz() { gzip -9 -c "dist/$1" | wc -c; }
  served=(index.html style.css app.js worker.js engine.js whosaid_bg.wasm)
  fromdisk=(index.html style.css app.js engine.js wasm-inline.js)
  printf '  %-18s %10s %10s\n' file bytes gzip
  for f in "${served[@]}" wasm-inline.js samples.js; do
    [ -f "dist/$f" ] && printf '  %-18s %10d %10d\n' "$f" "$(stat -c %s "dist/$f")" "$(gz "$f")"
  done
  total() { local t=0 f; for f in "$@"; do t=$((t + $(gz "$f"))); done; echo "$t"; }
  budget "page payload served (html, css, js, wasm), gzip" "$(total "${served[@]}")" '<=' 250000 bytes
  budget "page payload from disk (wasm-inline.js), gzip" "$(total "${fromdisk[@]}")" '<=' 250000 bytes
fi

printf '\nload average after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$failed" -gt 0 ]; then
  echo "$failed budget(s) FAIL"
  [ "$strict" = 1 ] && exit 1
else
  echo "all budgets PASS"
fi
exit 0
