#!/usr/bin/env bash
# Stops exactly the processes deploy/local/up.sh started (by their PID files in deploy/local/.run/), data kept.
#
#   deploy/local/down.sh          stop: gateway + services, then Keycloak + Kafka, then Mongo (TERM, KILL after 20 s)
#   deploy/local/down.sh --wipe   stop, then delete the data: Kafka log dirs, the Mongo file, Keycloak's dev
#                                 database, the generated local secrets and the logs. Caches are kept: the
#                                 unpacked Keycloak distribution (its first start after unpacking re-augments,
#                                 ~30 s more) and .run/app (extracted service jars + CDS archives, rebuilt when a
#                                 jar changes). Full reset: deploy/local/down.sh && rm -rf deploy/local/.run
# Safe to run when nothing is up.
set -euo pipefail

LOG_TAG=down
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

WIPE=0
for arg in "$@"; do
  case "$arg" in
    --wipe) WIPE=1 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

[[ -d "$RUN" ]] || { log "nothing to stop ($RUN does not exist)"; exit 0; }
take_lock

# PID files of parts this script does not know (a newer up.sh) are stopped with the services, before the infra
known=" ${STOP_TIERS[*]} "
extra=""
for f in "$RUN"/*.pid; do
  [[ -f "$f" ]] || continue
  name="$(basename "$f" .pid)"
  [[ "$known" == *" $name "* ]] || extra+=" $name"
done
tiers=("${STOP_TIERS[0]}$extra" "${STOP_TIERS[@]:1}")

stopped_any=0
for tier in "${tiers[@]}"; do
  names=()
  for name in $tier; do [[ -f "$(pid_file "$name")" ]] && names+=("$name"); done
  if (( ${#names[@]} > 0 )); then stop_names "${names[@]}"; stopped_any=1; fi
done
(( stopped_any )) || log "nothing was running"

if (( WIPE )); then
  log "wiping data under $RUN (keeping the caches: unpacked Keycloak, .run/app)"
  for kc in "$RUN"/keycloak-*/; do
    [[ -d "$kc" ]] && rm -rf "$kc/data"
  done
  rm -rf "$RUN/kafka" "$RUN/mongo" "$RUN/local-secrets.properties" "$RUN/keycloak.realm.sha256" \
         "$RUN"/*.log "$RUN/download" "$RUN/keycloak-unpack.tmp"
fi
log "done"
