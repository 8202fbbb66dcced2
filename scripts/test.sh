#!/usr/bin/env bash
# Runs every test, stopping at the first failure:
#   setup, cargo fmt --check, clippy (native and wasm32, -D warnings), cargo test (native: unit, seed
#   acceptance, story, CLI, eval agreement with ../shared/tools/score.py),
#   the wasm API tests in headless Chromium, the web build (with its size budgets), the node tests of the
#   from-disk wasm encoding, the page tests in headless Chromium (served over http and opened from disk), the Python
#   package (its wheel built and installed into target/venv, pytest) and the Spark example (pytest, local[2]).
# Usage: scripts/test.sh        (CI runs it through .ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

started=$SECONDS
summary=()
# Every step's output is also kept, to count the tests for one closing "N passed, N failed" line.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
step() {
  local name=$1
  shift
  local t0=$SECONDS
  printf '\n=== %s\n' "$name"
  set +e
  "$@" 2>&1 | tee -a "$log"
  local rc=${PIPESTATUS[0]}
  set -e
  if [ "$rc" != 0 ]; then
    printf '\n=== FAILED: %s (after %ss)\n    command: %s\n' "$name" "$((SECONDS - t0))" "$*" >&2
    exit 1
  fi
  summary+=("$(printf '%-34s %4ss' "$name" "$((SECONDS - t0))")")
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
step "cargo test (native)" cargo test --locked
CHROMEDRIVER=${CHROMEDRIVER:-$(command -v chromedriver || true)}
export CHROMEDRIVER
step "wasm API tests (headless Chromium)" cargo test --locked --target wasm32-unknown-unknown --test wasm_api
step "web build" bash scripts/build-web.sh
step "node tests (wasm-inline encoding)" node --test tests/node/
step "page tests (headless Chromium)" e2e
step "python: fmt, clippy, wheel" bash scripts/python.sh check wheel
step "python: package tests (pytest)" bash scripts/python.sh test
step "spark example (pytest, local[2])" bash scripts/python.sh spark

printf '\n=== all tests passed in %ss\n' "$((SECONDS - started))"
printf '    %s\n' "${summary[@]}"
passed=$(grep -hoE '(test result: ok\. [0-9]+ passed|^# pass [0-9]+|^[0-9]+ passed)' "$log" | grep -oE '[0-9]+' | awk '{ n += $1 } END { print n + 0 }')
printf '%s passed, 0 failed\n' "$passed"
