#!/usr/bin/env bash
# The README's two commands as a new user runs them: the committed HEAD cloned into a new temporary folder that holds
# nothing else (so no ../shared beside it), then, in the clone,
#   1. bash scripts/serve.sh   until the address it prints answers 200 with the page, then stopped;
#   2. bash scripts/test.sh    to its end.
# CI runs it after the normal run (.ci/run). Works as root with no stdin; the server runs in a process group of its
# own, which is stopped whatever happens (checked: nothing of it is left); the folder is removed afterwards (KEEP=1
# keeps it). Ends with "N passed, N failed": test.sh's counts, plus the serve check as one test.
# Env: SERVE_TIMEOUT (seconds for serve.sh to answer, set-up and web build included; default 1800), KEEP=1.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
started=$SECONDS
log() { printf '[fresh-clone] %s\n' "$*" >&2; }

base=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-fresh.XXXXXX")
logs=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-fresh-logs.XXXXXX")
clone="$base/whosaid"
server=""

stop_server() {
  [ -n "$server" ] || return 0
  if kill -0 -- "-$server" 2>/dev/null; then
    kill -TERM -- "-$server" 2>/dev/null
    for _ in $(seq 50); do kill -0 -- "-$server" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$server" 2>/dev/null
  fi
  wait "$server" 2>/dev/null
  if kill -0 -- "-$server" 2>/dev/null; then
    log "FAILED: the server's process group $server is still running"
    return 1
  fi
  server=""
}
cleanup() {
  stop_server
  if [ "${KEEP:-0}" = 1 ]; then
    log "kept $base (logs: $logs)"
  else
    rm -rf "$base" "$logs"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "cloning $(git -C "$root" rev-parse --short HEAD) into $clone"
git clone --quiet "$root" "$clone" || { log "FAILED: git clone"; echo "0 passed, 1 failed"; exit 1; }
cd "$clone" || exit 1
# The clone sees only itself: no pointer to a shared directory from this environment.
unset WHOSAID_SHARED WHOSAID_NO_SHARED

# 1. bash scripts/serve.sh, in a process group of its own (job control on for this one job).
serve_ok=0
t0=$SECONDS
set -m
bash scripts/serve.sh </dev/null >"$logs/serve.log" 2>&1 &
server=$!
set +m
log "bash scripts/serve.sh (process group $server); waiting for its address to answer"
url=""
while [ $((SECONDS - t0)) -lt "${SERVE_TIMEOUT:-1800}" ]; do
  if ! kill -0 "$server" 2>/dev/null; then
    log "FAILED: serve.sh ended before answering:"
    tail -n 30 "$logs/serve.log" >&2
    break
  fi
  url=$(sed -n 's/^\[serve\] whosaid with the sample story: \(http[^ ]*\).*/\1/p' "$logs/serve.log" | head -n1)
  if [ -n "$url" ] && node -e '
      fetch(process.argv[1]).then(async (r) => {
        const body = await r.text();
        process.exit(r.status === 200 && body.includes("<title>whosaid") ? 0 : 1);
      }, () => process.exit(1));' "$url" 2>/dev/null; then
    serve_ok=1
    log "serve.sh answered at $url after $((SECONDS - t0))s"
    break
  fi
  sleep 1
done
if [ "$serve_ok" != 1 ] && kill -0 "$server" 2>/dev/null; then
  log "FAILED: no answer from serve.sh within ${SERVE_TIMEOUT:-1800}s${url:+ (at $url)}:"
  tail -n 30 "$logs/serve.log" >&2
fi
stop_server || serve_ok=0
[ "$serve_ok" = 1 ] && log "server stopped"
serve_time=$((SECONDS - t0))

# 2. bash scripts/test.sh, to its end.
t0=$SECONDS
log "bash scripts/test.sh"
bash scripts/test.sh </dev/null 2>&1 | tee "$logs/test.log"
test_rc=${PIPESTATUS[0]}
test_time=$((SECONDS - t0))
counts=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$logs/test.log" | tail -n1)
passed=$(sed -E 's/^([0-9]+) passed.*/\1/' <<<"${counts:-0 passed, 1 failed}")
failed=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"${counts:-0 passed, 1 failed}")
[ "$test_rc" = 0 ] || [ "$failed" != 0 ] || failed=1

printf '\n=== fresh clone, nothing beside it: %ss\n' "$((SECONDS - started))"
printf '    %-36s %4ss  %s\n' "bash scripts/serve.sh" "$serve_time" "$([ "$serve_ok" = 1 ] && echo "answered 200, stopped" || echo FAILED)"
printf '    %-36s %4ss  %s\n' "bash scripts/test.sh" "$test_time" "${counts:-no summary line} (exit $test_rc)"
printf '%s passed, %s failed\n' "$((passed + serve_ok))" "$((failed + 1 - serve_ok))"
[ "$serve_ok" = 1 ] && [ "$test_rc" = 0 ]
