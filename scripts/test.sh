#!/usr/bin/env bash
# Runs every test of whosaid, stopping at the first failure:
#   set-up (idempotent installs), formatting, lints, native unit/acceptance/CLI/eval tests,
#   wasm API tests in headless Chromium, the web build, and the page's end-to-end browser tests.
# Usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*" >&2; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }

step "set-up"
bash scripts/setup.sh || fail "set-up"

step "cargo fmt --check"
cargo fmt --check || fail "formatting (run cargo fmt)"

step "cargo clippy --all-targets"
cargo clippy --locked --all-targets -- -D warnings || fail "clippy"

step "native tests (unit, seeds acceptance, story, CLI, eval agreement with score.py)"
cargo test --locked || fail "native tests"

step "wasm API tests in headless Chromium"
CHROMEDRIVER=${CHROMEDRIVER:-$(command -v chromedriver)} \
  cargo test --locked --target wasm32-unknown-unknown --test wasm_api || fail "wasm tests"

step "web build"
bash scripts/build-web.sh || fail "web build"

step "page end-to-end tests in headless Chromium"
node --test tests/e2e/ || fail "end-to-end tests"

printf '\nAll tests passed.\n' >&2
