#!/usr/bin/env bash
# The build's API lint (see README.md here): installs the pinned Spectral once (npm ci), then lints one service's
# exported OpenAPI document. Usage: tools/api-lint/lint.sh <service> <openapi.json>
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v node > /dev/null && command -v npm > /dev/null || {
  echo "[api-lint] Node.js 18+ with npm is needed to lint the API documents (see README.md)" >&2; exit 2; }
if [[ ! -f "$here/node_modules/.installed" || "$here/package-lock.json" -nt "$here/node_modules/.installed" ]]; then
  echo "[api-lint] installing the pinned Spectral (npm ci) ..."
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error > /dev/null) && touch "$here/node_modules/.installed"
fi
exec node "$here/lint.mjs" "$@"
