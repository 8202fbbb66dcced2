#!/usr/bin/env bash
# Installs what whosaid needs to build, serve and test, idempotently (Debian 12; as root or with sudo):
#   - the wasm32-unknown-unknown rustup target;
#   - the wasm-bindgen CLI at exactly the version in Cargo.lock (wasm-bindgen, wasm-bindgen-test-runner);
#   - Node.js and npm if missing (Debian packages);
#   - Debian's Chromium, ChromeDriver and colour-emoji fonts (browser tests, screenshots);
#   - npm packages exactly as locked (playwright-core: no browser download; binaryen: wasm-opt);
#   - for the Python package and the Spark example: a virtual environment in target/venv with the tools pinned in
#     python/requirements-dev.txt (maturin, pytest, pyarrow, pyspark), Debian's python3-venv if venv is missing,
#     and Java (Debian's OpenJDK 17) if no Java 17 or later is there.
# Each step is skipped when what it installs is there; with everything present it prints nothing.
# Usage: scripts/setup.sh [--no-browser]     (--no-browser: enough to build and serve the page: no browser, no
#        Python tools)
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=1
[ "${1:-}" = "--no-browser" ] && want_browser=0

did=0
log() { printf '[setup] %s\n' "$*" >&2; did=1; }
die() { printf '[setup] FAILED: %s\n' "$*" >&2; exit 1; }
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root (or sudo) for: $*"
  fi
}

apt_updated=0
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ "$apt_updated" = 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing_debs() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || printf '%s ' "$p"
  done
}

# 0. Rust itself comes from rustup (Debian 12's rustc is too old for this crate).
command -v cargo >/dev/null && command -v rustup >/dev/null ||
  die "cargo and rustup are required (https://rustup.rs); install them, then run this again"

# 1. Rust target for the browser build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen CLI, same version as the crate in Cargo.lock (they must match to the patch).
wb_version=$(cargo pkgid --locked wasm-bindgen 2>/dev/null | sed 's/.*@//' || true)
if [ -z "$wb_version" ]; then
  wb_version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p' | head -n1)
fi
[ -n "$wb_version" ] || die "cannot find the wasm-bindgen version in Cargo.lock"
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
have_runner=$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$wb_version" ] || [ "$have_runner" != "$wb_version" ]; then
  log "installing wasm-bindgen-cli $wb_version (had: ${have:-none}); about 6 minutes the first time"
  # Not --locked: a dependency pinned in the CLI's own lock file is not served by the registry
  # (see TOOLCHAIN.md). --no-default-features drops TLS support the CLI does not need here.
  cargo install wasm-bindgen-cli --version "=$wb_version" --no-default-features --force --quiet
fi

# 3. Node.js and npm (Debian's are recent enough: playwright-core needs Node >= 18).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  log "installing nodejs and npm from Debian"
  apt_install nodejs npm
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 18 ] || die "Node.js >= 18 needed, found $(node --version)"

# 4. Chromium + ChromeDriver from Debian (test tools never download a browser).
if [ "$want_browser" = 1 ]; then
  debs=$(missing_debs chromium chromium-driver fonts-noto-color-emoji)
  if [ -n "$debs" ]; then
    log "installing from Debian: $debs"
    # shellcheck disable=SC2086
    apt_install $debs
  fi
fi

# 5. npm packages exactly as locked (.npmrc keeps registry addresses out of the lock file).
stamp=node_modules/.whosaid-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp" || [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/tsc ] || [ ! -x node_modules/.bin/esbuild ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null 2> >(grep -v "Unknown user config \"nodedir\"" >&2)
  cp package-lock.json "$stamp"
fi

# 6. Python tools in target/venv (pinned), and Java for Spark.
if [ "$want_browser" = 1 ]; then
  if ! command -v python3 >/dev/null || ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    log "installing python3 and python3-venv from Debian"
    apt_install python3 python3-venv
  fi
  venv=target/venv
  req=python/requirements-dev.txt
  if [ ! -x "$venv/bin/python" ] || ! cmp -s "$req" "$venv/.whosaid-req-stamp"; then
    log "Python tools into $venv (pinned in $req; pyspark is about 450 MB)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$req"
    cp "$req" "$venv/.whosaid-req-stamp"
  fi
  java_major=$(java -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n1 || true)
  if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then
    log "installing openjdk-17-jre-headless from Debian (Spark 4 needs Java 17 or later; found: ${java_major:-none})"
    apt_install openjdk-17-jre-headless
  fi
fi

[ "$did" = 0 ] || log "ready"
