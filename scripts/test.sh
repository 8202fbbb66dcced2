#!/usr/bin/env bash
# Runs every test step, each one even after another has failed, so that one failure hides no other:
#   setup, cargo fmt --check, clippy (native and wasm32, -D warnings), cargo test (native: unit, seed acceptance,
#   story, CLI, eval agreement with the reference scorer's recorded figures; the live reference checks too where
#   ../shared is there), the wasm API tests in headless Chromium, the web build (with its size budgets; it builds the
#   npm package in npm/ too), the node tests of the from-disk wasm encoding, the npm package (npm pack, installed in
#   an empty project: Node.js ESM and CommonJS, tsc --noEmit, an esbuild bundle, its browser entries in headless
#   Chromium), the page tests in headless Chromium (served over http and opened from disk), the Python package
#   (fmt, clippy, its wheel built and installed into target/venv, pytest) and the Spark example (pytest, local[2]).
# Ends with each step's time and result, the line of tests/eval.rs saying which reference checks ran, and one line
# "N passed, N failed": tests counted from cargo's, node's and pytest's result lines; a step that fails without a failed test
# (fmt, clippy, a build) counts as one failure, and so does a step not run because a step it needs failed (the page,
# dist/ and package tests need the web build: they would otherwise test an old build). Exit status 1 on any failure.
# Usage: scripts/test.sh        (CI runs it through .ci/run)
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

started=$SECONDS
summary=()
passed=0
failed=0
declare -A ok=()
# Every step's output is also kept, for the closing lines.
log=$(mktemp)
out=$(mktemp)
trap 'rm -f "$log" "$out"' EXIT

# count passed|failed FILE: tests counted by cargo's ("test result: ok. 3 passed; 1 failed; …", also from the wasm
# test runner), node's ("# pass 3", "# fail 1") and pytest's ("1 failed, 23 passed in 3.1s") closing lines.
count() {
  { grep -oE "test result: [A-Za-z]+\. [0-9]+ passed; [0-9]+ failed" "$2" | grep -oE "[0-9]+ $1"
    grep -E "^# ${1%ed} [0-9]+$" "$2" | grep -oE '[0-9]+'
    grep -E '^(=+ )?[0-9]+ [a-z]+(, [0-9]+ [a-z]+)* in [0-9.]+s' "$2" | grep -oE "[0-9]+ $1"
  } | grep -oE '^[0-9]+' | awk '{ n += $1 } END { print n + 0 }'
}

# step NAME [--needs STEP] COMMAND...: runs COMMAND, tees its output, and records the result.
step() {
  local name=$1 needs=""
  shift
  if [ "${1:-}" = --needs ]; then needs=$2; shift 2; fi
  printf '\n=== %s\n' "$name"
  if [ -n "$needs" ] && [ "${ok[$needs]:-0}" != 1 ]; then
    printf '=== NOT RUN: %s (needs "%s", which failed)\n' "$name" "$needs" >&2
    ok[$name]=0
    failed=$((failed + 1))
    summary+=("$(printf '%-36s %5s  not run (needs %s)' "$name" - "$needs")")
    return
  fi
  local t0=$SECONDS
  "$@" 2>&1 | tee "$out"
  local rc=${PIPESTATUS[0]}
  cat "$out" >>"$log"
  local p f
  p=$(count passed "$out")
  f=$(count failed "$out")
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
  passed=$((passed + p))
  failed=$((failed + f))
  local verdict=ok
  if [ "$rc" != 0 ]; then
    ok[$name]=0
    verdict="FAILED (exit $rc)"
    printf '\n=== FAILED: %s (after %ss)\n    command: %s\n' "$name" "$((SECONDS - t0))" "$*" >&2
  else
    ok[$name]=1
  fi
  summary+=("$(printf '%-36s %4ss  %s' "$name" "$((SECONDS - t0))" "$verdict")")
}

e2e() {
  local flags=()
  # One browser at a time on a 2-core machine (the flag exists from Node 20.10 / 18.19).
  node --test-concurrency=1 -e 0 2>/dev/null && flags+=(--test-concurrency=1)
  node --test "${flags[@]}" tests/e2e/*.test.mjs
}

step "setup" bash scripts/setup.sh
step "cargo fmt --check" cargo fmt --all -- --check
step "clippy (native)" cargo clippy --locked --all-targets -- -D warnings
step "clippy (wasm32)" cargo clippy --locked --target wasm32-unknown-unknown --all-targets -- -D warnings
# --no-fail-fast: a failing test binary does not stop the others.
step "cargo test (native)" cargo test --locked --no-fail-fast
CHROMEDRIVER=${CHROMEDRIVER:-$(command -v chromedriver || true)}
export CHROMEDRIVER
step "wasm API tests (headless Chromium)" cargo test --locked --target wasm32-unknown-unknown --test wasm_api
step "web build" bash scripts/build-web.sh
step "node tests (wasm-inline encoding)" --needs "web build" node --test tests/node/
step "npm package (pack, node, tsc)" --needs "web build" node --test tests/npm/
step "page tests (headless Chromium)" --needs "web build" e2e
step "python: fmt, clippy, wheel" bash scripts/python.sh check wheel
step "python: package tests (pytest)" --needs "python: fmt, clippy, wheel" bash scripts/python.sh test
step "spark example (pytest, local[2])" --needs "python: fmt, clippy, wheel" bash scripts/python.sh spark

printf '\n=== summary: %ss\n' "$((SECONDS - started))"
printf '    %s\n' "${summary[@]}"
grep -m1 '^eval: reference checks' "$log" | sed 's/^/    /'
printf '%s passed, %s failed\n' "$passed" "$failed"
[ "$failed" = 0 ]
