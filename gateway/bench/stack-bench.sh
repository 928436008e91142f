#!/usr/bin/env bash
# Gateway benchmark on the local stack's real services (not a test). In one run, interleaved round by round, the same
# wrk load goes directly to a service and through the gateway, for:
#   (a) cached public reads: a calendar day and a published entry (the gateway's response cache warm)
#   (b) a citizen's own case list, with a real Keycloak token
#   (c) catalog search (营业执照): anonymous (a public read, so cached for its 60 s), and with a token (never cached:
#       the uncached path of a read)
#   (d) case submission (POST /api/v1/cases, 公共数据开放申请 with an uploaded file)
# and prints per target req/s, p50/p99, gateway ÷ direct, the p99 the gateway adds, the gateway process's CPU
# microseconds per request, non-2xx answers (which would invalidate a row) and the machine's load average.
# Targets: (a) ≥ 2× direct, (b)–(d) ≥ 0.8× direct, added p99 ≤ 5 ms.
#
# The stack is started here (deploy/local/up.sh) with the gateway's rate limits raised for the run, and stopped
# afterwards (KEEP=1 leaves it running). A stack that is already up is stopped first, so the limits apply.
# Usage: gateway/bench/stack-bench.sh
#   DURATION=15s CONNECTIONS=16 THREADS=2 ROUNDS=3 WARMUP=10s   wrk settings
#   ONLY="a-calendar a-entry b-cases c-search c-search-token d-submit"   targets to run
#   KEEP=1                                                       leave the stack running afterwards
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
DURATION="${DURATION:-15s}"; CONNECTIONS="${CONNECTIONS:-16}"; THREADS="${THREADS:-2}"; ROUNDS="${ROUNDS:-3}"
WARMUP="${WARMUP:-10s}"
ONLY="${ONLY:-a-calendar a-entry b-cases c-search c-search-token d-submit}"
GATEWAY=http://localhost:8080
CATALOG=http://localhost:8081
CASES=http://localhost:8082
TOKEN_URL=http://localhost:8180/realms/onewindow/protocol/openid-connect/token
WORK="$(mktemp -d /tmp/stack-bench.XXXXXX)"

log() { printf '[stack-bench] %s\n' "$*" >&2; }

if ! command -v wrk > /dev/null; then
  log "installing wrk (Debian package)"
  if [[ $(id -u) == 0 ]]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk > /dev/null
fi

# ------------------------------------------------------------------------------------------------ the stack
for module in service-catalog case-handling e-license gateway; do
  if [[ ! -f "$module/target/$module.jar" ]]; then
    log "building the service jars (./mvnw package -DskipTests)"
    ./mvnw -B -q package -DskipTests -Dapi-lint.skip=true
    break
  fi
done
deploy/local/down.sh > /dev/null
# Spring's relaxed binding reads these in every process up.sh starts; only the gateway has these settings
export ONEWINDOW_GATEWAY_RATELIMIT_USER_REQUESTSPERSECOND=1000000 ONEWINDOW_GATEWAY_RATELIMIT_USER_BURST=1000000
export ONEWINDOW_GATEWAY_RATELIMIT_ANONYMOUS_REQUESTSPERSECOND=1000000 ONEWINDOW_GATEWAY_RATELIMIT_ANONYMOUS_BURST=1000000
export ONEWINDOW_GATEWAY_RATELIMIT_PARTNER_REQUESTSPERSECOND=1000000 ONEWINDOW_GATEWAY_RATELIMIT_PARTNER_BURST=1000000
log "starting the local stack with the gateway's rate limits raised"
deploy/local/up.sh > "$WORK/up.log" 2>&1 || { tail -30 "$WORK/up.log"; exit 1; }
trap '[[ "${KEEP:-0}" == 1 ]] || deploy/local/down.sh > /dev/null' EXIT
GATEWAY_PID="$(tr -dc '0-9' < deploy/local/.run/gateway.pid)"

# citizen_token [USER] → an access token of a demo citizen (citizen1 reads; citizen2 submits, so that the list
# citizen1 reads does not grow with every submission of the run)
citizen_token() {
  curl -s -m 10 -d grant_type=password -d client_id=onewindow-app -d "username=${1:-citizen1}" -d password=onewindow \
    "$TOKEN_URL" | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])'
}

# ------------------------------------------------------------------------------------------------ the data
TOKEN="$(citizen_token citizen2)"
OWN_CASES="$(curl -s -m 60 -H "Authorization: Bearer $(citizen_token)" "$CASES/api/v1/cases/mine?size=1" \
  | python3 -c 'import sys,json; print(json.load(sys.stdin)["totalElements"])')"
log "citizen1 has $OWN_CASES cases (the list read in b-cases; a fresh stack: deploy/local/down.sh --wipe first)"
ENTRY_CODE="$(curl -s -m 10 -G "$CATALOG/api/v1/catalog/items" --data-urlencode 'q=公共数据开放申请' \
  | python3 -c 'import sys,json; d=json.load(sys.stdin); d=d.get("content",d) if isinstance(d,dict) else d; print(d[0]["implementationCode"])')"
printf '%%PDF-1.4\n%% stack-bench material\n' > "$WORK/material.pdf"
FILE_ID="$(curl -s -m 10 -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/material.pdf;type=application/pdf" \
  "$CASES/api/v1/cases/files" | python3 -c 'import sys,json; d=json.load(sys.stdin); print(d.get("fileId") or d["id"])')"
SEARCH="/api/v1/catalog/items?q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("营业执照"))')"
# a working day of the demo calendar, and the entry read of the item submitted below
CALENDAR_DAY=/api/v1/catalog/calendar/days/2026-12-07
ENTRY="/api/v1/catalog/entries/$ENTRY_CODE"
cat > "$WORK/submit.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"implementationCode":"$ENTRY_CODE","channel":"MOBILE_APP","applicant":{"type":"NATURAL_PERSON","name":"张伟"},"formData":{},"materials":[{"code":"M01","fileId":"$FILE_ID"},{"code":"M02","fileId":"$FILE_ID"}]}'
LUA
status() { curl -s -o /dev/null -w '%{http_code}' -m 10 "$@"; }
[[ "$(status -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  --data "$(sed -n "s/^wrk.body = '\(.*\)'$/\1/p" "$WORK/submit.lua")" "$GATEWAY/api/v1/cases")" == 201 ]] \
  || { log "a test submission of $ENTRY_CODE was not accepted (201)"; exit 1; }

# target name → "service-url path credentials(none|citizen|citizen2) script"
declare -A TARGET=(
  [a-calendar]="$CATALOG $CALENDAR_DAY none -"
  [a-entry]="$CATALOG $ENTRY none -"
  [b-cases]="$CASES /api/v1/cases/mine citizen -"
  [c-search]="$CATALOG $SEARCH none -"
  [c-search-token]="$CATALOG $SEARCH citizen -"
  [d-submit]="$CASES /api/v1/cases citizen2 $WORK/submit.lua"
)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$GATEWAY_PID/stat"; }

# run NAME BASE PATH CREDENTIALS SCRIPT DURATION → wrk output in $WORK/NAME.txt (+ gateway CPU ticks)
run() {
  local name="$1" base="$2" path="$3" credentials="$4" script="$5" duration="$6" args=()
  [[ "$credentials" == citizen ]] && args+=(-H "Authorization: Bearer $(citizen_token)")
  [[ "$credentials" == citizen2 ]] && args+=(-H "Authorization: Bearer $(citizen_token citizen2)")
  [[ "$script" != - ]] && args+=(-s "$script")
  local before; before="$(cpu_ticks)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency "${args[@]}" "$base$path" > "$WORK/$name.txt" 2>&1
  echo $(( $(cpu_ticks) - before )) > "$WORK/$name.cpu"
}

log "warming up ($WARMUP per target and path)"
for target in $ONLY; do
  read -r base path credentials script <<< "${TARGET[$target]}"
  run warm "$base" "$path" "$credentials" "$script" "$WARMUP"
  run warm "$GATEWAY" "$path" "$credentials" "$script" "$WARMUP"
done

# reads first, round by round, then the submissions: each submission adds a case, and a growing case collection
# would slow the reads of later rounds (both paths alike, but no longer the same load round to round)
READS=""; WRITES=""
for target in $ONLY; do if [[ "$target" == d-* ]]; then WRITES+=" $target"; else READS+=" $target"; fi; done
for phase in "$READS" "$WRITES"; do
  for round in $(seq 1 "$ROUNDS"); do
    for target in $phase; do
      read -r base path credentials script <<< "${TARGET[$target]}"
      log "round $round: $target direct, then through the gateway ($DURATION each, load $(cut -d' ' -f1-3 /proc/loadavg))"
      run "$target-$round-direct" "$base" "$path" "$credentials" "$script" "$DURATION"
      run "$target-$round-gateway" "$GATEWAY" "$path" "$credentials" "$script" "$DURATION"
      cut -d' ' -f1-3 /proc/loadavg > "$WORK/$target-$round.load"
    done
  done
done

python3 - "$WORK" "$ROUNDS" "$(getconf CLK_TCK)" $ONLY <<'PY'
import re, statistics, sys
work, rounds, hz, targets = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
goal = {"a": 2.0, "b": 0.8, "c": 0.8, "d": 0.8}

def ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]

def parse(name):
    out = open(f"{work}/{name}.txt").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    # the latency distribution's lines (the thread stats end in percentages too)
    p50 = ms(re.search(r"^\s*50%\s+(\S+)", out, re.M).group(1))
    p99 = ms(re.search(r"^\s*99%\s+(\S+)", out, re.M).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return dict(rps=rps, total=total, p50=p50, p99=p99, bad=int(bad.group(1)) if bad else 0,
                errors=errors.group(1) if errors else "")

print(f"\n{'target':<11} {'round':>5} {'direct req/s':>12} {'gw req/s':>9} {'gw÷direct':>9} {'p50 d/gw ms':>12} "
      f"{'p99 d/gw ms':>14} {'+p99 ms':>8} {'gw CPU µs/req':>13} {'non-2xx d/gw':>12}  load")
summary = []
for target in targets:
    ratios, added, cpu = [], [], []
    for r in range(1, rounds + 1):
        d, g = parse(f"{target}-{r}-direct"), parse(f"{target}-{r}-gateway")
        ticks = int(open(f"{work}/{target}-{r}-gateway.cpu").read())
        cpu_us = ticks / hz * 1e6 / max(g["total"], 1)
        load = open(f"{work}/{target}-{r}.load").read().strip()
        ratio = g["rps"] / d["rps"]
        ratios.append(ratio); added.append(g["p99"] - d["p99"]); cpu.append(cpu_us)
        print(f"{target:<11} {r:>5} {d['rps']:>12.0f} {g['rps']:>9.0f} {ratio:>9.2f} "
              f"{d['p50']:>5.2f}/{g['p50']:<6.2f} {d['p99']:>6.2f}/{g['p99']:<7.2f} {g['p99'] - d['p99']:>8.2f} "
              f"{cpu_us:>13.0f} {d['bad']:>5}/{g['bad']:<6}  {load}"
              + (f"  socket errors d={d['errors']} gw={g['errors']}" if d["errors"] or g["errors"] else ""))
    summary.append((target, statistics.median(ratios), statistics.median(added), statistics.median(cpu)))
print("\nmedian of the rounds, against the targets:")
for target, ratio, plus, cpu in summary:
    need = goal[target[0]]
    ok = ratio >= need and plus <= 5
    print(f"  {target:<11} gateway ÷ direct {ratio:.2f} (target ≥ {need}), added p99 {plus:.2f} ms (target ≤ 5), "
          f"gateway CPU {cpu:.0f} µs/request — {'met' if ok else 'MISSED'}")
PY
log "wrk outputs in $WORK"
