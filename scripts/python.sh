#!/usr/bin/env bash
# The Python package and the Spark example, with the tools scripts/setup.sh put in target/venv:
#   scripts/python.sh check    fmt, clippy (-D warnings) and the Rust unit tests of python/
#   scripts/python.sh wheel    the wheel (maturin, release, abi3) into target/wheels, installed into target/venv
#   scripts/python.sh test     the package's tests (pytest python/tests)
#   scripts/python.sh spark    the Spark example's test (pytest examples/spark, local[2])
# Several in one call run in order: scripts/python.sh check wheel
# The tests compare with the CLI: WHOSAID_BIN (default: target/debug/whosaid, built here if missing or stale).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

venv=target/venv
[ -x "$venv/bin/python" ] || { echo "python.sh: no $venv (run scripts/setup.sh)" >&2; exit 1; }
# The binding's own build directory: its profile and PyO3 would otherwise rebuild the core's target/ artefacts.
export CARGO_TARGET_DIR="$PWD/target/python"
export PYO3_PYTHON="$PWD/$venv/bin/python"

cli() {
  if [ -z "${WHOSAID_BIN:-}" ]; then
    cargo build --locked --quiet --bin whosaid
    export WHOSAID_BIN="$PWD/target/debug/whosaid"
  fi
}

[ $# -gt 0 ] || set -- usage
for cmd in "$@"; do
case "$cmd" in
  check)
    cargo fmt --manifest-path python/Cargo.toml -- --check
    cargo clippy --locked --quiet --manifest-path python/Cargo.toml --all-targets -- -D warnings
    cargo test --locked --quiet --manifest-path python/Cargo.toml
    ;;
  wheel)
    rm -f target/wheels/whosaid-*.whl
    "$venv/bin/maturin" build --locked --release --quiet -m python/Cargo.toml -o target/wheels -i "$venv/bin/python"
    wheel=$(ls target/wheels/whosaid-*.whl)
    "$venv/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel"
    echo "installed $wheel ($(stat -c %s "$wheel") bytes)"
    ;;
  test)
    cli
    "$venv/bin/python" -m pytest -q -p no:cacheprovider python/tests
    ;;
  spark)
    cli
    "$venv/bin/python" -m pytest -q -p no:cacheprovider examples/spark
    ;;
  *)
    echo "usage: scripts/python.sh check|wheel|test|spark..." >&2
    exit 2
    ;;
esac
done
