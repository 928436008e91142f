#!/usr/bin/env bash
# Gateway benchmark (not a test): the same authenticated GET sent directly to a backend, through the gateway, through
# a default Spring Cloud Gateway route (no filters, no security: the issue's "default route" reference) and through
# nginx (reverse proxy with upstream keep-alive, the lean-proxy reference), in one run, with wrk.
#
#   gateway/bench/gateway-bench.sh                 build if needed, then measure (about 2.5 minutes)
#
# Tunables (environment):
#   DURATION=15s  CONNECTIONS=16  THREADS=2                  wrk settings of each measured run
#   WARMUP=20s  GATEWAY_WARMUP=120s  warm-up runs (not reported); a Spring gateway needs about two minutes of load
#                                on 2 cores before its JIT compiler settles (measured: ~95 s of C2 time)
#   ROUNDS=1                     measure direct/gateway/nginx this many times, interleaved; the median is reported
#   BACKEND=boot|tomcat          boot (default): a trivial Spring Boot MVC app, like the services (bench/backend);
#                                tomcat: bare embedded Tomcat servlet (BenchBackend.java), a much cheaper backend
#   BACKEND_KEEPALIVE=-1         backend Tomcat's maxKeepAliveRequests. Default -1 (no limit) = what the OneWindow
#                                services run with (platform starter's onewindow-defaults.properties); 100 = the
#                                Tomcat/Spring Boot default, which closes a kept-alive connection every 100 requests
#   GATEWAY_JAVA_OPTS="..."      JVM options of the gateway and of the default-route reference (512 MB heap, G1,
#                                full JIT). The gateway runs half as many event loops as CPUs (1 here) unless
#                                -Dreactor.netty.ioWorkerCount is given; the default route keeps Reactor Netty's 4
#   BACKEND_JAVA_OPTS="..."      JVM options of the Spring Boot backend (default 256 MB heap, full JIT; deploy/local
#                                starts the services with -XX:TieredStopAtLevel=1 -XX:+UseSerialGC, try that too)
#   BASELINE=1                   also measure the default Spring Cloud Gateway route (0 to skip)
#   TOKEN_KIND=user|partner      which token wrk sends (default user)
#   KEEP=1                       leave the processes running afterwards (ports below) for profiling
#
# What runs (all on 127.0.0.1): a trivial backend on :19081 (GET /api/v1/cases/ping -> small JSON, checks nothing), a tiny token issuer (the platform test kit's TokenMinter, serving JWKS) on a random
# port, the gateway jar on :19080 with every protection of the gateway on (token validation against the issuer's JWKS,
# rate limiting with limits raised so the run is not refused, circuit breaker with time limit, request id, tracing,
# access log to a file, body-size limit, CORS, security headers, metrics), a default Spring Cloud Gateway with one
# route (bench/baseline) on :19084, and nginx on :19082.
# The machine is shared: wrk, the backend and the proxy under test compete for the same cores, as in the issue.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE="$(cd "$HERE/.." && pwd)"
ROOT="$(cd "$MODULE/.." && pwd)"
WORK="${BENCH_WORK:-$MODULE/target/bench}"
DURATION="${DURATION:-15s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-20s}"
GATEWAY_WARMUP="${GATEWAY_WARMUP:-120s}"
ROUNDS="${ROUNDS:-1}"
BACKEND="${BACKEND:-boot}"
BACKEND_KEEPALIVE="${BACKEND_KEEPALIVE:--1}"
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseG1GC}"
BACKEND_JAVA_OPTS="${BACKEND_JAVA_OPTS:--Xms256m -Xmx256m}"
BASELINE="${BASELINE:-1}"
BASELINE_PORT=19084
TOKEN_KIND="${TOKEN_KIND:-user}"
BACKEND_PORT=19081
GATEWAY_PORT=19080
NGINX_PORT=19082
PATH_UNDER_TEST=/api/v1/cases/ping

log() { printf '[bench] %s\n' "$*" >&2; }

# ------------------------------------------------------------------------------------------------ tools
need_install=()
command -v wrk > /dev/null || need_install+=(wrk)
command -v nginx > /dev/null || [[ -x /usr/sbin/nginx ]] || need_install+=(nginx)
if (( ${#need_install[@]} )); then
  log "installing ${need_install[*]} (Debian packages)"
  if [[ $(id -u) == 0 ]]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need_install[@]}" > /dev/null
fi
NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"

# ------------------------------------------------------------------------------------------------ build
mkdir -p "$WORK"
cd "$ROOT"
if [[ ! -f "$MODULE/target/gateway.jar" || ! -d "$MODULE/target/test-classes/dev/onewindow/gateway/bench" ]]; then
  log "building the gateway (./mvnw -pl gateway -am install -DskipTests)"
  ./mvnw -B -q -o -pl gateway -am install -DskipTests
fi
if [[ ! -s "$WORK/test-classpath.txt" ]]; then
  ./mvnw -B -q -o -pl gateway dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$WORK/test-classpath.txt"
fi
TOMCAT_JAR="$(tr ':' '\n' < "$WORK/test-classpath.txt" | grep -m1 'tomcat-embed-core' || true)"
if [[ -z "$TOMCAT_JAR" ]]; then
  TOMCAT_JAR="$(ls ~/.m2/repository/org/apache/tomcat/embed/tomcat-embed-core/*/tomcat-embed-core-*.jar | sort | tail -1)"
fi

# ------------------------------------------------------------------------------------------------ processes
PIDS=()
cleanup() {
  if [[ "${KEEP:-0}" == 1 ]]; then
    log "KEEP=1: left running: pids ${PIDS[*]} (gateway :$GATEWAY_PORT, backend :$BACKEND_PORT, nginx :$NGINX_PORT)"
    return
  fi
  for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
  [[ -f "$WORK/nginx/nginx.pid" ]] && kill "$(cat "$WORK/nginx/nginx.pid")" 2> /dev/null || true
}
trap cleanup EXIT

wait_http() { # URL SECONDS
  for _ in $(seq 1 "$2"); do
    curl -s -o /dev/null -m 2 "$1" && return 0
    sleep 1
  done
  log "not answering: $1"; return 1
}

if [[ "$BACKEND" == boot ]]; then
  if [[ ! -s "$WORK/boot-classpath.txt" ]]; then
    ./mvnw -B -q -o -f "$HERE/backend/pom.xml" dependency:build-classpath -Dmdep.outputFile="$WORK/boot-classpath.txt"
  fi
  mkdir -p "$WORK/boot-classes"
  javac -d "$WORK/boot-classes" -cp "$(cat "$WORK/boot-classpath.txt")" "$HERE/backend/BenchBootBackend.java"
  log "backend: trivial Spring Boot MVC app on :$BACKEND_PORT (maxKeepAliveRequests=$BACKEND_KEEPALIVE)"
  # shellcheck disable=SC2086
  java $BACKEND_JAVA_OPTS -cp "$WORK/boot-classes:$(cat "$WORK/boot-classpath.txt")" dev.onewindow.bench.BenchBootBackend \
    --server.port="$BACKEND_PORT" --server.address=127.0.0.1 \
    --server.tomcat.max-keep-alive-requests="$BACKEND_KEEPALIVE" > "$WORK/backend.log" 2>&1 &
else
  log "backend: bare embedded Tomcat servlet on :$BACKEND_PORT (maxKeepAliveRequests=$BACKEND_KEEPALIVE)"
  java -Xms128m -Xmx256m -cp "$TOMCAT_JAR" "$HERE/BenchBackend.java" "$BACKEND_PORT" "$BACKEND_KEEPALIVE" \
    > "$WORK/backend.log" 2>&1 &
fi
PIDS+=($!)

log "issuer: test-kit token minter"
rm -f "$WORK/issuer"
java -Xmx128m -cp "$MODULE/target/test-classes:$(cat "$WORK/test-classpath.txt")" \
  dev.onewindow.gateway.bench.BenchIssuer "$WORK" > "$WORK/issuer.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 60); do [[ -s "$WORK/issuer" ]] && break; sleep 1; done
ISSUER="$(cat "$WORK/issuer")"
TOKEN="$(cat "$WORK/token-$TOKEN_KIND")"

log "gateway: java $GATEWAY_JAVA_OPTS -jar gateway.jar on :$GATEWAY_PORT"
# shellcheck disable=SC2086
java $GATEWAY_JAVA_OPTS -jar "$MODULE/target/gateway.jar" \
  --server.port="$GATEWAY_PORT" \
  --onewindow.security.issuer-uri="$ISSUER" \
  --onewindow.gateway.services.case-handling.uri="http://127.0.0.1:$BACKEND_PORT" \
  --onewindow.gateway.rate-limit.user.requests-per-second=1000000 \
  --onewindow.gateway.rate-limit.user.burst=1000000 \
  --onewindow.gateway.rate-limit.partner.requests-per-second=1000000 \
  --onewindow.gateway.rate-limit.partner.burst=1000000 \
  > "$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
PIDS+=($GATEWAY_PID)

TARGETS=(direct:$BACKEND_PORT gateway:$GATEWAY_PORT)
if [[ "$BASELINE" == 1 ]]; then
  if [[ ! -s "$WORK/baseline-classpath.txt" ]]; then
    ./mvnw -B -q -o -f "$HERE/baseline/pom.xml" dependency:build-classpath -Dmdep.outputFile="$WORK/baseline-classpath.txt"
  fi
  mkdir -p "$WORK/baseline-classes"
  javac -d "$WORK/baseline-classes" -cp "$(cat "$WORK/baseline-classpath.txt")" "$HERE/baseline/BaselineGateway.java"
  log "default-route reference: plain Spring Cloud Gateway, one route, no filters, on :$BASELINE_PORT"
  # shellcheck disable=SC2086
  java $GATEWAY_JAVA_OPTS -cp "$WORK/baseline-classes:$(cat "$WORK/baseline-classpath.txt")" \
    dev.onewindow.bench.BaselineGateway --server.port="$BASELINE_PORT" --spring.main.banner-mode=off \
    --spring.cloud.gateway.server.webflux.routes[0].id=case-handling \
    --spring.cloud.gateway.server.webflux.routes[0].uri="http://127.0.0.1:$BACKEND_PORT" \
    --spring.cloud.gateway.server.webflux.routes[0].predicates[0]="Path=/api/v1/cases/**" \
    > "$WORK/baseline.log" 2>&1 &
  PIDS+=($!)
  TARGETS+=(default-route:$BASELINE_PORT)
fi
TARGETS+=(nginx:$NGINX_PORT)

mkdir -p "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  upstream backend {
    server 127.0.0.1:$BACKEND_PORT;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
}
NGINX
log "nginx: :$NGINX_PORT -> :$BACKEND_PORT (upstream keepalive 32)"
"$NGINX_BIN" -c "$WORK/nginx/nginx.conf" -g 'daemon on;' 2> "$WORK/nginx/start.log"

wait_http "http://127.0.0.1:$BACKEND_PORT$PATH_UNDER_TEST" 60
wait_http "http://127.0.0.1:$NGINX_PORT$PATH_UNDER_TEST" 10
wait_http "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness" 120
[[ "$BASELINE" == 1 ]] && wait_http "http://127.0.0.1:$BASELINE_PORT$PATH_UNDER_TEST" 120
status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST")"
[[ "$status" == 200 ]] || { log "gateway answered $status for an authenticated GET; see $WORK/gateway.log"; exit 1; }
status="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST")"
[[ "$status" == 401 ]] || { log "gateway answered $status without a token (expected 401)"; exit 1; }

# ------------------------------------------------------------------------------------------------ measure
run_wrk() { # NAME PORT DURATION -> wrk output file
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --latency -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$2$PATH_UNDER_TEST" > "$WORK/wrk-$1.txt" 2>&1
}
for target in "${TARGETS[@]}"; do
  warmup="$WARMUP"; [[ "${target%%:*}" == gateway || "${target%%:*}" == default-route ]] && warmup="$GATEWAY_WARMUP"
  log "warm-up ${target%%:*} ($warmup)"
  run_wrk "warmup-${target%%:*}" "${target##*:}" "$warmup"
done
for round in $(seq 1 "$ROUNDS"); do
  for target in "${TARGETS[@]}"; do
    log "round $round: measuring ${target%%:*} ($DURATION, $CONNECTIONS connections, $THREADS threads)"
    before="$(awk '{print $14 + $15}' "/proc/$GATEWAY_PID/stat")"
    run_wrk "${target%%:*}-$round" "${target##*:}" "$DURATION"
    after="$(awk '{print $14 + $15}' "/proc/$GATEWAY_PID/stat")"
    [[ "${target%%:*}" == gateway ]] && echo "$((after - before))" > "$WORK/gateway-cpu-ticks-$round.txt"
  done
done
backend_time_wait="$(ss -tan state time-wait "( dport = :$BACKEND_PORT or sport = :$BACKEND_PORT )" 2> /dev/null | tail -n +2 | wc -l)"

python3 - "$WORK" "$backend_time_wait" "$BACKEND_KEEPALIVE" "$TOKEN_KIND" "$ROUNDS" "$BACKEND" "$(cat /proc/loadavg)" \
  "$(getconf CLK_TCK)" "$BASELINE" <<'PY'
import re, sys
work, time_wait, keepalive, token_kind, rounds, backend, load, clk_tck, baseline = sys.argv[1:10]
names = ["direct", "gateway"] + (["default-route"] if baseline == "1" else []) + ["nginx"]
rounds = int(rounds)

def ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]

def parse(name):
    out = open(f"{work}/wrk-{name}.txt").read()
    total = int(re.search(r"(\d+) requests in", out).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: (.*)", out)
    return rps, p50, p99, int(errors.group(1)) if errors else 0, socket.group(1) if socket else "", total

print()
print(f"authenticated GET /api/v1/cases/ping, {token_kind} token, backend={backend} "
      f"(maxKeepAliveRequests={keepalive}), load average at the end: {load}")
print(f"{'round':<6} {'target':<13} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}  socket errors")
per_round = []
for r in range(1, rounds + 1):
    rows = {name: parse(f"{name}-{r}") for name in names}
    per_round.append(rows)
    for name, (rps, p50, p99, errors, socket, total) in rows.items():
        print(f"{r:<6} {name:<13} {rps:>10.0f} {p50:>8.2f} {p99:>8.2f} {errors:>8}  {socket}")
    ticks = int(open(f"{work}/gateway-cpu-ticks-{r}.txt").read())
    print(f"       gateway CPU: {ticks / int(clk_tck) * 1e6 / rows['gateway'][5]:.0f} us per request")
# the round with the median gateway/direct ratio
per_round.sort(key=lambda rows: rows["gateway"][0] / rows["direct"][0])
rows = per_round[len(per_round) // 2]
d, g, n = rows["direct"], rows["gateway"], rows["nginx"]
print()
if rounds > 1:
    print("median round:")
print(f"gateway / direct throughput: {g[0] / d[0]:.2f}   added p50 {g[1] - d[1]:+.2f} ms   added p99 {g[2] - d[2]:+.2f} ms")
if "default-route" in rows:
    b = rows["default-route"]
    print(f"default route / direct throughput: {b[0] / d[0]:.2f}   added p50 {b[1] - d[1]:+.2f} ms   added p99 "
          f"{b[2] - d[2]:+.2f} ms   (gateway / default route: {g[0] / b[0]:.2f})")
print(f"nginx   / direct throughput: {n[0] / d[0]:.2f}   added p50 {n[1] - d[1]:+.2f} ms   added p99 {n[2] - d[2]:+.2f} ms")
print(f"backend connections in TIME_WAIT after the run: {time_wait}")
PY
