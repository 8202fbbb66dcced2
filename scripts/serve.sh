#!/usr/bin/env bash
# Builds the page and serves it on http://127.0.0.1:${PORT:-8000}/ with the five sample articles loaded.
# Usage: scripts/serve.sh            (Ctrl-C stops the server)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-web.sh
port=${PORT:-8000}
printf '\nwhosaid: open http://127.0.0.1:%s/?sample (sample story loaded); dist/index.html also works from disk.\n\n' "$port"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
