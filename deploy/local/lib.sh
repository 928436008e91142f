# Shared by up.sh, down.sh and smoke.sh (sourced, not run). Bash only.
#
# Every process the local stack starts is a java process whose command line carries the marker
# -Donewindow.local=<name>, and whose PID is written to .run/<name>.pid. A PID file only counts when that PID is
# alive AND carries its marker, so a stale file (crash, reboot, PID reused by something else) is never acted on.

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$LOCAL_DIR/../.." && pwd)"
RUN="$LOCAL_DIR/.run"
# the shared clock offset of the local stack, in seconds (SharedOffsetClock; deploy/local/clock.sh)
CLOCK_OFFSET_FILE="$RUN/clock-offset"
MVNW="$ROOT/mvnw"

KC_PORT=8180            # Keycloak HTTP (issuer http://localhost:8180/realms/onewindow)
KC_MGMT_PORT=9180       # Keycloak management interface: /health/ready, /metrics
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
MONGO_PORT=27018
GATEWAY_PORT=8080
KC_URL="http://localhost:$KC_PORT"
KC_REALM_URL="$KC_URL/realms/onewindow"
GATEWAY_URL="http://localhost:$GATEWAY_PORT"

# Stop order (down.sh, and up.sh's clean-up): each tier gets TERM together, then the next tier.
STOP_TIERS=("gateway service-catalog case-handling e-license data-exchange supervision hotline-12345 evaluation"
            "keycloak kafka"
            "mongo")

log() { printf '[%s %s] %s\n' "${LOG_TAG:-local}" "$(date +%H:%M:%S)" "$*"; }
warn() { printf '[%s %s] WARNING: %s\n' "${LOG_TAG:-local}" "$(date +%H:%M:%S)" "$*" >&2; }

pid_file() { echo "$RUN/$1.pid"; }

# pid_of NAME -> prints the recorded PID if that process is alive and is ours; non-zero otherwise
pid_of() {
  local f pid
  f="$(pid_file "$1")"
  [[ -f "$f" ]] || return 1
  pid="$(tr -dc '0-9' < "$f")"
  [[ -n "$pid" ]] || return 1
  has_marker "$pid" "$1" || return 1
  echo "$pid"
}

# has_marker PID NAME: the process exists and its command line contains -Donewindow.local=NAME
has_marker() {
  local cmdline
  [[ -n "$1" && -r "/proc/$1/cmdline" ]] || return 1
  cmdline="$( { tr '\0' '\n' < "/proc/$1/cmdline"; } 2>/dev/null )" || return 1   # it may exit meanwhile
  [[ $'\n'"$cmdline"$'\n' == *$'\n'"-Donewindow.local=$2"$'\n'* ]]
}

is_up() { pid_of "$1" > /dev/null; }

# port_open PORT: something accepts TCP connections on 127.0.0.1:PORT
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# http_status URL -> prints the HTTP status code (000 when nothing answers)
http_status() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true; }

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# stop_names NAME... : TERM every live process of these names, wait up to STOP_TIMEOUT s (default 20), then KILL.
# Removes their PID files. Never touches a PID that does not carry its marker.
stop_names() {
  local name pid f deadline left=()
  local -A pids=()
  for name in "$@"; do
    f="$(pid_file "$name")"
    [[ -f "$f" ]] || continue
    if pid="$(pid_of "$name")"; then
      log "stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pids[$name]="$pid"
    else
      log "$name: stale PID file (process gone), removing it"
      rm -f "$f"
    fi
  done
  deadline=$(( $(date +%s) + ${STOP_TIMEOUT:-20} ))
  while :; do
    left=()
    for name in "${!pids[@]}"; do
      has_marker "${pids[$name]}" "$name" && left+=("$name")
    done
    (( ${#left[@]} == 0 )) && break
    if (( $(date +%s) >= deadline )); then
      for name in "${left[@]}"; do
        warn "$name (pid ${pids[$name]}) did not stop within ${STOP_TIMEOUT:-20}s, sending KILL"
        kill -KILL "${pids[$name]}" 2>/dev/null || true
      done
      sleep 1
      break
    fi
    sleep 0.5
  done
  for name in "${!pids[@]}"; do rm -f "$(pid_file "$name")"; done
}

# take_lock: one up.sh/down.sh at a time (fd 9; children must be started with 9>&- so they do not inherit it)
take_lock() {
  mkdir -p "$RUN"
  exec 9> "$RUN/.lock"
  if ! flock -n 9; then
    echo "another deploy/local/up.sh or down.sh is running (lock $RUN/.lock); interrupt it first" >&2
    exit 1
  fi
}
