#!/usr/bin/env bash
# The local stack's shared clock: every service reads "now" as real time plus one offset (SharedOffsetClock, local
# and e2e profiles only), so deadlines can fall due in seconds for all services together — for the end-to-end
# scenarios and for demos. Services see a change within a fraction of a second.
#
#   deploy/local/clock.sh                 print the offset and the stack's "now"
#   deploy/local/clock.sh advance 3d12h   move every service's clock on (d, h, m, s; e.g. 5d, 90m, 1h30m)
#   deploy/local/clock.sh reset           back to real time
set -euo pipefail
. "$(dirname "$0")/lib.sh"

seconds_of() {
  local spec="$1" total=0 rest="$1"
  [[ "$spec" =~ ^([0-9]+[dhms])+$ ]] || { echo "not a duration: $spec (e.g. 3d, 12h, 1h30m)" >&2; exit 2; }
  while [[ "$rest" =~ ^([0-9]+)([dhms])(.*)$ ]]; do
    case "${BASH_REMATCH[2]}" in
      d) total=$((total + BASH_REMATCH[1] * 86400)) ;;
      h) total=$((total + BASH_REMATCH[1] * 3600)) ;;
      m) total=$((total + BASH_REMATCH[1] * 60)) ;;
      s) total=$((total + BASH_REMATCH[1])) ;;
    esac
    rest="${BASH_REMATCH[3]}"
  done
  echo "$total"
}

current() { [[ -s "$CLOCK_OFFSET_FILE" ]] && cat "$CLOCK_OFFSET_FILE" || echo 0; }

mkdir -p "$RUN"
case "${1:-show}" in
  show) ;;
  advance)
    [[ $# -eq 2 ]] || { echo "usage: $0 advance DURATION" >&2; exit 2; }
    by="$(seconds_of "$2")" || exit 2
    # written whole, then renamed: a service never reads half a number
    echo $(( $(current) + by )) > "$CLOCK_OFFSET_FILE.tmp"
    mv "$CLOCK_OFFSET_FILE.tmp" "$CLOCK_OFFSET_FILE" ;;
  reset) rm -f "$CLOCK_OFFSET_FILE" ;;
  *) sed -n '2,8p' "$0" >&2; exit 2 ;;
esac
offset="$(current)"
echo "offset ${offset}s; the stack's now: $(date -u -d "@$(( $(date +%s) + offset ))" +%Y-%m-%dT%H:%M:%SZ)"
