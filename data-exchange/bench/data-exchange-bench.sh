#!/usr/bin/env bash
# data-exchange benchmark (not a test): (a) logged exchange queries per second through data-exchange (POST
# /api/v1/exchange/queries: grant, quota, the demo 市场监管 provider over HTTP through its Feign adapter, filtering and
# masking, the hash-chained access log, data.accessed) divided by queries per second straight to the demo provider
# (POST /demo-providers/scjgj/queries), in alternating rounds of the same run — target >= 0.7; (b) the verification
# time of a 1,000,000-entry chain (GET /api/v1/exchange/access-log/verification as an auditor) — target < 60 s on 2
# cores. Runs the real service in-process against the test kit's KRaft broker and Mongo stand-in (its indexed memory
# backend; STAND_IN=plain for mongo-java-server's plain backend), prints the machine load with every figure. Run it
# when nothing else builds on the machine (check `uptime`).
# Usage: [XMX=8g] [OFFLINE=1] data-exchange/bench/data-exchange-bench.sh [seconds=10] [rounds=3] [clientThreads=8]
#        [chainEntries=1000000] [providerLatenciesMs=0,20]
# The ratio is measured once per demo-provider latency: 0 ms (the provider answers at once from its registry) and
# 20 ms (standing in for a provider's system across the government network); both are printed.
# It compiles data-exchange with the platform modules of this checkout (-am, nothing installed) and runs the benchmark
# on the reactor's classpath, so it measures the platform as checked out, not what ~/.m2 holds.
set -euo pipefail
cd "$(dirname "$0")/../.."
offline=()
[[ "${OFFLINE:-0}" == 1 ]] && offline=(-o)
echo "[bench] load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
./mvnw -B -q "${offline[@]}" -pl data-exchange -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test -Dapi-lint.skip=true
java -Xmx${XMX:-8g} -Duser.timezone=UTC -Donewindow.mongo-stand-in=${STAND_IN:-indexed} \
  -cp "data-exchange/target/test-classes:data-exchange/target/classes:$(cat data-exchange/target/bench.classpath)" \
  dev.onewindow.dataexchange.bench.DataExchangeBenchmark "${1:-10}" "${2:-3}" "${3:-8}" "${4:-1000000}" "${5:-0,20}"
echo "[bench] load after: $(cut -d' ' -f1-3 /proc/loadavg)"
