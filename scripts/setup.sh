#!/usr/bin/env bash
# Installs everything whosaid needs to build, serve and test, idempotently:
#   - the wasm32 rustup target
#   - the wasm-bindgen CLI at exactly the version pinned in Cargo.lock
#   - Debian's Chromium and ChromeDriver (browser tests)
#   - npm packages from package-lock.json (Playwright core, binaryen's wasm-opt)
# Each step is skipped when what it installs is already there.
# Usage: scripts/setup.sh [--no-browser]
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=1
[ "${1:-}" = "--no-browser" ] && want_browser=0

log() { printf '[setup] %s\n' "$*" >&2; }

# 1. Rust target for the browser build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen CLI, same version as the crate in Cargo.lock (they must match to the patch).
wb_version=$(cargo pkgid --locked wasm-bindgen 2>/dev/null | sed 's/.*@//')
if [ -z "$wb_version" ]; then
  wb_version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p' | head -n1)
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$wb_version" ]; then
  log "installing wasm-bindgen-cli $wb_version (was: ${have:-none}); this takes several minutes the first time"
  # Not --locked: a locked dependency of the CLI is not served by the registry (see docs/TOOLCHAIN notes).
  cargo install wasm-bindgen-cli --version "=$wb_version" --no-default-features --force
fi

# 3. Chromium + ChromeDriver from Debian (no browser downloads from test tools).
if [ "$want_browser" = 1 ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing chromium and chromium-driver from Debian"
    export DEBIAN_FRONTEND=noninteractive
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-noto-color-emoji >/dev/null
  fi
fi

# 4. npm packages exactly as locked.
if [ -f package-lock.json ]; then
  stamp=node_modules/.whosaid-lock-stamp
  if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
    log "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json "$stamp"
  fi
fi
log "ready"
