#!/usr/bin/env bash
# OneWindow local stack: Keycloak 26 (dev mode, realm "onewindow"), a real Kafka broker (KRaft), a Mongo
# wire-protocol server (H2 file store), then every service module present, then the gateway.
# Needs only JDK 17, curl and python3; everything else comes through ./mvnw from Maven Central (cached in ~/.m2).
#
#   deploy/local/up.sh            start what is not running yet (safe to repeat)
#   deploy/local/up.sh --build    rebuild the service jars first (stop the services first: deploy/local/down.sh)
#   deploy/local/up.sh --infra    only Keycloak, Kafka and Mongo (run the services from your IDE)
#
# Logs and PID files: deploy/local/.run/<name>.log / <name>.pid. Stop: deploy/local/down.sh [--wipe].
# Tunables (environment): ONEWINDOW_SERVICE_JAVA_OPTS, ONEWINDOW_GATEWAY_JAVA_OPTS, ONEWINDOW_KEYCLOAK_JAVA_OPTS, ONEWINDOW_SERVICE_TIMEOUT (s, default 180),
# ONEWINDOW_KEYCLOAK_TIMEOUT (s, default 240).
set -euo pipefail

LOG_TAG=up
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

START_NS=$(date +%s%N)
FORCE_BUILD=0
INFRA_ONLY=0
for arg in "$@"; do
  case "$arg" in
    --build) FORCE_BUILD=1 ;;
    --infra) INFRA_ONLY=1 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

# Service modules in start order (name:port). A module is started when its directory has a pom.xml; add new
# modules here. The gateway always starts last.
SERVICES=(service-catalog:8081 case-handling:8082 e-license:8083 data-exchange:8084 supervision:8085
          hotline-12345:8086 evaluation:8087)
GATEWAY=gateway:$GATEWAY_PORT

KC_VERSION="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
KC_VERSION="${KC_VERSION:-26.7.3}"
KC_HOME="$RUN/keycloak-$KC_VERSION"
REALM_FILE="$LOCAL_DIR/../keycloak/onewindow-realm.json"
INFRA_DIR="$LOCAL_DIR/infra"
INFRA_JAR="$INFRA_DIR/target/local-infra-0.1.0-SNAPSHOT.jar"
INFRA_CP_FILE="$RUN/infra.classpath"
SECRETS_FILE="$RUN/local-secrets.properties"

SERVICE_JAVA_OPTS="${ONEWINDOW_SERVICE_JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=48m -XX:+ExitOnOutOfMemoryError}"
# the gateway carries every request: full JIT (C2), which the small-machine C1-only flags above would forbid
GATEWAY_JAVA_OPTS="${ONEWINDOW_GATEWAY_JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=192m -XX:+ExitOnOutOfMemoryError}"
KEYCLOAK_JAVA_OPTS="${ONEWINDOW_KEYCLOAK_JAVA_OPTS:--Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -Xss512k -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8 -Djava.security.egd=file:/dev/urandom}"
INFRA_JAVA_BASE="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:+ExitOnOutOfMemoryError"

declare -a STARTED=()          # names started by this run, in order
declare -A STARTED_PID=()      # name -> PID we launched (for Keycloak: the kc.sh PID until java is resolved)
SUCCESS=0

# ------------------------------------------------------------------------------------------------ failure handling

cleanup() {
  local status=$?
  if (( SUCCESS == 0 && ${#STARTED[@]} > 0 )); then
    warn "stopping what this run started: ${STARTED[*]}"
    local i name pid child
    for (( i=${#STARTED[@]}-1; i>=0; i-- )); do
      name="${STARTED[$i]}"
      pid="${STARTED_PID[$name]:-}"
      # the recorded java process, or the launcher we started (kc.sh forwards TERM to its java child)
      if [[ -n "$pid" ]] && ! has_marker "$pid" "$name"; then
        for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do
          has_marker "$child" "$name" && echo "$child" > "$(pid_file "$name")"
        done
        kill -TERM "$pid" 2>/dev/null || true
      elif [[ -n "$pid" ]]; then
        echo "$pid" > "$(pid_file "$name")"
      fi
      stop_names "$name"
    done
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'warn "interrupted"; exit 130' INT TERM

# fail NAME MESSAGE: print the tail of NAME's log and exit non-zero (the EXIT trap stops what we started)
fail() {
  local name="$1"; shift
  printf '\n[up] FAILED: %s: %s\n' "$name" "$*" >&2
  if [[ -f "$RUN/$name.log" ]]; then
    printf -- '----- last 40 lines of %s -----\n' "$RUN/$name.log" >&2
    tail -n 40 "$RUN/$name.log" >&2
    printf -- '-----\n' >&2
  fi
  exit 1
}

# launch NAME WORKDIR COMMAND...: start COMMAND in its own session, output appended to .run/NAME.log.
# COMMAND must exec java (directly or, for kc.sh, eventually) with -Donewindow.local=NAME on its command line.
launch() {
  local name="$1" dir="$2"; shift 2
  printf '\n===== %s starting %s =====\n' "$(date '+%F %T')" "$name" >> "$RUN/$name.log"
  ( cd "$dir" && exec setsid "$@" ) >> "$RUN/$name.log" 2>&1 < /dev/null 9>&- &
  STARTED+=("$name")
  STARTED_PID[$name]=$!
}

# record_pid NAME: write the PID file with the java process (the launched PID itself, or its java child)
record_pid() {
  local name="$1" pid="${STARTED_PID[$1]}" child
  if ! has_marker "$pid" "$name"; then
    for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do
      if has_marker "$child" "$name"; then pid="$child"; break; fi
    done
  fi
  has_marker "$pid" "$name" || fail "$name" "cannot find its java process (launched as pid ${STARTED_PID[$name]})"
  echo "$pid" > "$(pid_file "$name")"
}

# alive NAME: the launched process (or its java child) still runs
alive() { kill -0 "${STARTED_PID[$1]}" 2>/dev/null; }

# wait_until NAME TIMEOUT_S DESCRIPTION PROBE...: poll PROBE every second until it succeeds
wait_until() {
  local name="$1" timeout="$2" what="$3"; shift 3
  local deadline=$(( $(date +%s) + timeout ))
  until "$@"; do
    alive "$name" || fail "$name" "process exited before it was ready ($what)"
    (( $(date +%s) < deadline )) || fail "$name" "not ready after ${timeout}s ($what)"
    sleep 1
  done
}

# refuse to start on a port something else already holds (we would otherwise "see" a foreign server as ours)
require_free_port() {
  local name="$1" port
  shift
  for port in "$@"; do
    port_open "$port" && fail "$name" "port $port is already in use by a process up.sh did not start (stop it, or run deploy/local/down.sh)"
  done
  return 0
}

elapsed() { echo $(( ($(date +%s%N) - START_NS) / 1000000 )) | awk '{printf "%.1f", $1/1000}'; }

# ------------------------------------------------------------------------------------------------ build

take_lock
mkdir -p "$RUN"
command -v curl > /dev/null || { echo "curl is required" >&2; exit 1; }
command -v python3 > /dev/null || { echo "python3 is required" >&2; exit 1; }

present_modules() {
  local entry
  (( INFRA_ONLY )) && return 0
  for entry in "${SERVICES[@]}" "$GATEWAY"; do
    [[ -f "$ROOT/${entry%%:*}/pom.xml" ]] || continue
    if grep -q "<module>${entry%%:*}</module>" "$ROOT/pom.xml"; then
      echo "$entry"
    else
      warn "${entry%%:*}/ exists but is not a <module> of the root pom yet: not started" >&2
    fi
  done
  return 0
}
mapfile -t MODULES < <(present_modules)

to_build=()
for entry in "${MODULES[@]}"; do
  m="${entry%%:*}"
  if (( FORCE_BUILD )) || [[ ! -f "$ROOT/$m/target/$m.jar" ]]; then
    is_up "$m" && { warn "$m is running; not rebuilding it (stop it first: deploy/local/down.sh)"; continue; }
    to_build+=("$m")
  fi
done
if (( ${#to_build[@]} > 0 )); then
  log "building ${to_build[*]} (./mvnw -DskipTests package -pl ... -am) ..."
  (cd "$ROOT" && "$MVNW" -B -q -DskipTests package -pl "$(IFS=,; echo "${to_build[*]}")" -am) \
    || { echo "[up] build failed" >&2; exit 1; }
fi

# the local-infra module: Mongo wire server main + the Kafka broker's runtime classpath
infra_stale() {
  [[ ! -f "$INFRA_JAR" || ! -f "$INFRA_CP_FILE" || "$INFRA_DIR/pom.xml" -nt "$INFRA_CP_FILE" ]] && return 0
  [[ -n "$(find "$INFRA_DIR/src" "$INFRA_DIR/pom.xml" -newer "$INFRA_JAR" -print -quit)" ]]
}
if infra_stale; then
  log "building deploy/local/infra (Mongo wire server, Kafka classpath) ..."
  "$MVNW" -B -q -f "$INFRA_DIR/pom.xml" -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$INFRA_CP_FILE" -Dmdep.includeScope=runtime || { echo "[up] infra build failed" >&2; exit 1; }
fi
INFRA_CP="$INFRA_JAR:$(cat "$INFRA_CP_FILE")"

# Keycloak server distribution, through Maven (so it is cached in ~/.m2 like any artifact), unpacked once
if [[ ! -x "$KC_HOME/bin/kc.sh" ]]; then
  log "fetching org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz through Maven ..."
  rm -rf "$RUN/download" "$RUN/keycloak-unpack.tmp"
  "$MVNW" -B -q -f "$INFRA_DIR/pom.xml" dependency:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz" -DoutputDirectory="$RUN/download" \
    || { echo "[up] could not fetch the Keycloak distribution" >&2; exit 1; }
  mkdir -p "$RUN/keycloak-unpack.tmp"
  tar --no-same-owner -xzf "$RUN/download/keycloak-quarkus-dist-$KC_VERSION.tar.gz" -C "$RUN/keycloak-unpack.tmp"
  mv "$RUN/keycloak-unpack.tmp/keycloak-$KC_VERSION" "$KC_HOME"
  rm -rf "$RUN/download" "$RUN/keycloak-unpack.tmp"   # the tar.gz stays in ~/.m2
fi

# Local-only secrets, generated once and kept with the data they protect (down.sh --wipe deletes both).
# Property names follow platform/test-kit's TestInfrastructure.
if [[ ! -f "$SECRETS_FILE" ]]; then
  (umask 077 && python3 - "$SECRETS_FILE") <<'PY'
import base64, os, sys
key = lambda: base64.b64encode(os.urandom(32)).decode()
with open(sys.argv[1], "w") as f:
    f.write("# generated by deploy/local/up.sh for this machine's local stack only; deleted by down.sh --wipe\n")
    f.write(f"onewindow.personal-data.encryption-keys.local={key()}\n")
    f.write("onewindow.personal-data.primary-key-id=local\n")
    f.write(f"onewindow.personal-data.lookup-key={key()}\n")
PY
fi

# ------------------------------------------------------------------------------------------------ Keycloak

# The realm is imported only into an empty Keycloak database (Keycloak skips existing realms). When the realm file
# changed since the last import, the dev database (.run/keycloak-*/data/h2: holds nothing but this realm) is wiped
# so the import runs again; a running Keycloak is restarted for that. Realm keys are regenerated: old tokens die.
REALM_SHA="$(sha256sum "$REALM_FILE" | cut -d' ' -f1)"
REALM_SHA_FILE="$RUN/keycloak.realm.sha256"
if [[ "$(cat "$REALM_SHA_FILE" 2>/dev/null || true)" != "$REALM_SHA" ]]; then
  if is_up keycloak; then
    log "realm file changed since the last import: restarting Keycloak with a fresh dev database"
    stop_names keycloak
  fi
  [[ -d "$KC_HOME/data/h2" ]] && log "realm file changed: wiping Keycloak's dev database for a fresh import"
  rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/transaction-logs"
fi

KC_STARTING=0
if is_up keycloak; then
  log "keycloak already running (pid $(pid_of keycloak))"
else
  require_free_port keycloak "$KC_PORT" "$KC_MGMT_PORT"
  mkdir -p "$KC_HOME/data/import"
  rm -f "$KC_HOME/data/import/"*.json
  cp "$REALM_FILE" "$KC_HOME/data/import/onewindow-realm.json"
  log "starting keycloak $KC_VERSION on :$KC_PORT (dev mode, realm import) ..."
  # JAVA_OPTS replaces kc.sh's defaults (which select G1); marker via JAVA_OPTS_APPEND
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  JAVA_OPTS="$KEYCLOAK_JAVA_OPTS" \
  JAVA_OPTS_APPEND="-Donewindow.local=keycloak" \
  launch keycloak "$KC_HOME" bin/kc.sh start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" \
    --http-management-port="$KC_MGMT_PORT" --hostname="$KC_URL" --health-enabled=true --import-realm
  KC_STARTING=1
fi

# ------------------------------------------------------------------------------------------------ Mongo, Kafka
# (started while Keycloak boots: both are light and up in a few seconds)

if is_up mongo; then
  log "mongo already running (pid $(pid_of mongo))"
else
  require_free_port mongo "$MONGO_PORT"
  mkdir -p "$RUN/mongo"
  log "starting mongo wire-protocol server on :$MONGO_PORT (H2 file .run/mongo/onewindow.mv) ..."
  # shellcheck disable=SC2086
  launch mongo "$ROOT" java -Xms16m -Xmx256m -XX:MaxMetaspaceSize=96m $INFRA_JAVA_BASE -Donewindow.local=mongo \
    -cp "$INFRA_CP" dev.onewindow.localinfra.MongoWireServer --host 127.0.0.1 --port "$MONGO_PORT" \
    --file "$RUN/mongo/onewindow.mv"
  wait_until mongo 60 "TCP :$MONGO_PORT" port_open "$MONGO_PORT"
  record_pid mongo
  log "mongo ready ($(elapsed)s)"
fi

KAFKA_DIR="$RUN/kafka"
kafka_ready() {
  port_open "$KAFKA_PORT" || return 1
  # a real client: metadata answers with a registered broker and topics can be listed
  java -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=off \
    -cp "$INFRA_CP" dev.onewindow.localinfra.KafkaReady "127.0.0.1:$KAFKA_PORT" > /dev/null 2>&1 9>&-
}
if is_up kafka; then
  log "kafka already running (pid $(pid_of kafka))"
else
  require_free_port kafka "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
  mkdir -p "$KAFKA_DIR/data"
  cat > "$KAFKA_DIR/server.properties" <<EOF
# generated by deploy/local/up.sh: single-node KRaft (combined broker + controller), local development only
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
num.network.threads=2
num.io.threads=2
num.recovery.threads.per.data.dir=1
log.retention.hours=168
EOF
  if [[ ! -f "$KAFKA_DIR/data/meta.properties" ]]; then
    # a random id, but never one starting with "-": kafka-storage would read it as an option (1 run in 64 failed)
    cluster_id="$(python3 -c 'import base64,uuid
while True:
    i = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
    if not i.startswith("-"): print(i); break')"
    log "formatting kafka storage (cluster id $cluster_id) ..."
    java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$INFRA_CP" kafka.tools.StorageTool format \
      -t "$cluster_id" -c "$KAFKA_DIR/server.properties" >> "$RUN/kafka.log" 2>&1 9>&- \
      || fail kafka "storage format failed"
  fi
  log "starting kafka (KRaft) on :$KAFKA_PORT ..."
  # shellcheck disable=SC2086
  launch kafka "$ROOT" java -Xms32m -Xmx256m -XX:MaxMetaspaceSize=128m $INFRA_JAVA_BASE -Donewindow.local=kafka \
    -Dorg.slf4j.simpleLogger.showDateTime=true "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS" \
    -Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config=warn \
    -cp "$INFRA_CP" kafka.Kafka "$KAFKA_DIR/server.properties"
  wait_until kafka 90 "TCP :$KAFKA_PORT and a broker registered" kafka_ready
  record_pid kafka
  log "kafka ready ($(elapsed)s)"
fi

if (( KC_STARTING )); then
  kc_ready() { [[ "$(http_status "$KC_REALM_URL/.well-known/openid-configuration")" == 200 ]]; }
  wait_until keycloak "${ONEWINDOW_KEYCLOAK_TIMEOUT:-240}" "$KC_REALM_URL/.well-known/openid-configuration -> 200" kc_ready
  record_pid keycloak
  echo "$REALM_SHA" > "$REALM_SHA_FILE"
  log "keycloak ready ($(elapsed)s)"
fi

# ------------------------------------------------------------------------------------------------ services

# Services run from their extracted form (java -Djarmode=tools extract: faster class loading than the nested fat
# jar) with a dynamic AppCDS archive: the first run records it (-XX:ArchiveClassesAtExit, written when down.sh
# stops the service), later runs map it (-XX:SharedArchiveFile) and start about twice as fast. A rebuilt jar is
# re-extracted and re-recorded; an unusable archive is dropped. Set ONEWINDOW_CDS=0 to run the plain jar.
APP_DIR="$RUN/app"
CDS_QUIET="-Xlog:cds=off -Xlog:cds+dynamic=off"

# app_launch_args NAME -> prints the java arguments that run NAME (after the JVM options)
app_launch_args() {
  local name="$1" jar="$ROOT/$1/target/$1.jar" dest="$APP_DIR/$1" jsa="$APP_DIR/$1.jsa" stamp
  if [[ "${ONEWINDOW_CDS:-1}" == 0 ]]; then echo "-jar $jar"; return; fi
  stamp="$(stat -c '%s %Y' "$jar")"
  if [[ ! -f "$dest/$name.jar" || "$(cat "$dest.stamp" 2>/dev/null || true)" != "$stamp" ]]; then
    rm -rf "$dest" "$dest.stamp" "$jsa"
    mkdir -p "$APP_DIR"
    if ! java -Djarmode=tools -jar "$jar" extract --destination "$dest" > /dev/null 2>&1 9>&-; then
      rm -rf "$dest"; echo "-jar $jar"; return   # not a Boot 3.3+ jar with jarmode tools: plain jar
    fi
    echo "$stamp" > "$dest.stamp"
  fi
  if [[ -f "$jsa" ]] && ! java -XX:SharedArchiveFile="$jsa" -Xshare:on -XX:ErrorFile=/dev/null \
      -XX:-CreateCoredumpOnCrash -cp "$dest/$name.jar" -version > /dev/null 2>&1 9>&-; then
    rm -f "$jsa"   # truncated (killed while writing) or stale
  fi
  if [[ -f "$jsa" ]]; then
    echo "-XX:SharedArchiveFile=$jsa $CDS_QUIET -jar $dest/$name.jar"
  else
    echo "-XX:ArchiveClassesAtExit=$jsa $CDS_QUIET -jar $dest/$name.jar"
  fi
}

# The local stack is a demo: service-catalog loads its demo entries, departments and the 出生一件事 bundle (an
# idempotent upsert by code, safe on every start).
export ONEWINDOW_CATALOG_DEMO_DATA_ENABLED="${ONEWINDOW_CATALOG_DEMO_DATA_ENABLED:-true}"

start_service() {
  local name="$1" port="$2" jar="$ROOT/$1/target/$1.jar" args
  if is_up "$name"; then
    log "$name already running (pid $(pid_of "$name"))"
    return 0
  fi
  [[ -f "$jar" ]] || fail "$name" "missing $jar"
  require_free_port "$name" "$port"
  args="$(app_launch_args "$name")"
  log "starting $name on :$port$([[ "$args" == *SharedArchiveFile* ]] && echo ' (CDS archive)') ..."
  # shellcheck disable=SC2086
  # each service calls others in the background as its own Keycloak client (dev realm secret "<client>-secret")
  local java_opts="$SERVICE_JAVA_OPTS"
  [[ "$name" == gateway ]] && java_opts="$GATEWAY_JAVA_OPTS"
  # shellcheck disable=SC2086
  # the local profile: development values of settings that have no default in production (secrets fail closed);
  # the keys generated above for this machine take precedence over the platform's development keys;
  # every service reads "now" as real time plus the offset in $CLOCK_OFFSET_FILE (deploy/local/clock.sh moves it)
  launch "$name" "$ROOT" java $java_opts -Donewindow.local="$name" -Dspring.profiles.active=local \
    -Dspring.config.additional-location="optional:file:$SECRETS_FILE" \
    -Donewindow.time.shared-offset-file="$CLOCK_OFFSET_FILE" \
    -Donewindow.security.service-account.client-id="$name" \
    -Donewindow.security.service-account.client-secret="$name-secret" $args
  svc_ready() { [[ "$(http_status "http://localhost:$port/actuator/health/readiness")" == 200 ]]; }
  wait_until "$name" "${ONEWINDOW_SERVICE_TIMEOUT:-180}" "http://localhost:$port/actuator/health/readiness -> 200" svc_ready
  record_pid "$name"
  log "$name ready ($(elapsed)s)"
}

for entry in "${MODULES[@]}"; do   # one at a time: 2 cores are not thrashed; the gateway is last in MODULES
  start_service "${entry%%:*}" "${entry##*:}"
done

SUCCESS=1   # from here on nothing is stopped on error: the stack is up
READY_S="$(elapsed)"

# ------------------------------------------------------------------------------------------------ demo data

demo_failed=0
export ONEWINDOW_GATEWAY_URL="$GATEWAY_URL" ONEWINDOW_KEYCLOAK_REALM_URL="$KC_REALM_URL" ONEWINDOW_LOCAL_RUN="$RUN"
for hook in "$LOCAL_DIR"/demo-data/*.sh; do
  [[ -f "$hook" ]] || continue
  log "demo data: $(basename "$hook")"
  if ! bash "$hook" >> "$RUN/demo-data.log" 2>&1 9>&-; then
    warn "demo data hook $(basename "$hook") failed; see $RUN/demo-data.log (the stack stays up)"
    tail -n 20 "$RUN/demo-data.log" >&2
    demo_failed=1
  fi
done

# ------------------------------------------------------------------------------------------------ summary

total_kib=0
rss_lines=""
for f in "$RUN"/*.pid; do
  [[ -f "$f" ]] || continue
  name="$(basename "$f" .pid)"
  pid="$(pid_of "$name")" || continue
  kib="$(rss_kib "$pid")"
  total_kib=$(( total_kib + kib ))
  rss_lines+="$(printf '    %-16s pid %-8s %6d MiB' "$name" "$pid" $(( kib / 1024 )))"$'\n'
done

if (( ${#STARTED[@]} == 0 )); then
  started_note="everything was already running; nothing started"
else
  started_note="started ${STARTED[*]}; all ready ${READY_S} s after up.sh began"
fi
gateway_note=""
is_up gateway || gateway_note="   (not running$( (( INFRA_ONLY )) && echo ': --infra'))"

cat <<EOF

OneWindow local stack is up — $started_note

  Gateway           $GATEWAY_URL$gateway_note
  API docs          $GATEWAY_URL/swagger-ui.html
  Keycloak admin    $KC_URL/admin   (admin / admin; realm "onewindow")
  Keycloak health   http://localhost:$KC_MGMT_PORT/health/ready
  Kafka             127.0.0.1:$KAFKA_PORT      Mongo   mongodb://127.0.0.1:$MONGO_PORT
  Logs, PIDs        $RUN/<name>.log, <name>.pid

Demo accounts (password "onewindow" for all; DEV realm only):
EOF
python3 - "$REALM_FILE" <<'PY'
import json, sys
realm = json.load(open(sys.argv[1], encoding="utf-8"))
print(f"    {'user':<14} {'roles':<36} {'dept':<8} {'region':<7}")
for u in realm["users"]:
    if u.get("serviceAccountClientId"):
        continue
    roles = ",".join(r for r in u.get("realmRoles", []) if not r.startswith("default-roles"))
    a = u.get("attributes", {})
    print(f"    {u['username']:<14} {roles:<36} {a.get('dept', ['-'])[0]:<8} {a.get('region', ['-'])[0]:<7}")
PY
cat <<EOF
    clients: onewindow-app (public, PKCE + password grant), gateway / partner-demo / prometheus / <service> (secret "<client>-secret")

Open311 GeoReport v2 (hotline-12345): $GATEWAY_URL/open311/v2/services.json · file requests as the demo partner
    (partner-demo) with api_key=onewindow-demo-open311-key (local profile only), e.g.
    curl -s -d api_key=onewindow-demo-open311-key -d service_code=CITY-ROAD \\
      --data-urlencode address_string=宿州市埇桥区淮海路 --data-urlencode description=井盖缺失 \\
      $GATEWAY_URL/open311/v2/requests.json

data-exchange (数据共享交换): the demo catalog (RSJ-SBJL pushed by 人社, SCJGJ-QYDJ answered by the demo 市场监管
    system, GAJ-HJXX not shared) and two grants to 卫健委 (WSJKW) come with the service. Query as WSJKW's system:
    token=\$(curl -s -d grant_type=client_credentials -d client_id=wsjkw-exchange -d client_secret=wsjkw-exchange-secret \\
      $KC_REALM_URL/protocol/openid-connect/token | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
    curl -s -H "Authorization: Bearer \$token" $GATEWAY_URL/api/v1/exchange/grants      # then POST /api/v1/exchange/queries
    Stewards steward1 (RSJ), steward2 (SCJGJ), steward3 (WSJKW), steward4 (GAJ); auditor1 verifies the access log.

Token for officer1 (password grant, dev realm only):
    curl -s -d grant_type=password -d client_id=onewindow-app -d username=officer1 -d password=onewindow \\
      $KC_REALM_URL/protocol/openid-connect/token | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])'

Memory (VmRSS):
${rss_lines}    total                            $(( total_kib / 1024 )) MiB

Stop: deploy/local/down.sh (data kept) · deploy/local/down.sh --wipe (data deleted) · check: deploy/local/smoke.sh
EOF
exit "$demo_failed"
