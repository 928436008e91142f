#!/usr/bin/env bash
# Re-runs a published 双随机 draw from its public record, with nothing but a JDK 17 (no build, no token):
#
#   supervision/bin/verify-draw.sh <inspection-id>        reads http://localhost:8080/api/v1/supervision/inspections/<id>/record
#   supervision/bin/verify-draw.sh --file record.txt       reads a record saved earlier (or published elsewhere)
#
# ONEWINDOW_GATEWAY (default http://localhost:8080) names the gateway. It compiles DrawAlgorithm and DrawVerifier
# (JDK-only sources of this module) into a temporary directory and runs the verifier: it checks that the seed matches
# the SHA-256 published before the draw, that both rosters match their snapshot hashes, and that onewindow-draw-v1
# gives exactly the published selection. Exit status 0 = MATCH, 1 = MISMATCH, 2 = usage or download error.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SRC="$HERE/../src/main/java/dev/onewindow/supervision/inspections"
GATEWAY="${ONEWINDOW_GATEWAY:-http://localhost:8080}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

case "${1:-}" in
  --file) [ -n "${2:-}" ] || { echo "usage: $0 --file record.txt" >&2; exit 2; }; cp "$2" "$WORK/record.txt" ;;
  ""|-h|--help) sed -n '2,11p' "$0"; exit 2 ;;
  *) curl -fsS "$GATEWAY/api/v1/supervision/inspections/$1/record" -o "$WORK/record.txt" \
       || { echo "could not read the record of inspection $1 from $GATEWAY" >&2; exit 2; } ;;
esac

javac -d "$WORK/classes" "$SRC/DrawAlgorithm.java" "$SRC/DrawVerifier.java"
java -cp "$WORK/classes" dev.onewindow.supervision.inspections.DrawVerifier "$WORK/record.txt"
