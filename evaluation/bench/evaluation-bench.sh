#!/usr/bin/env bash
# Ratings and statistics benchmark (not a test): ratings per second over HTTP (POST /api/v1/evaluations/ratings on
# invitations the service created) with p50/p95 per rating, and p50/p95 of the department statistics query
# (GET /api/v1/evaluations/statistics?dimension=DEPARTMENT, month and day) and of the public summary, with 10,000 and
# then 1,000,000 ratings already stored (bulk-inserted with their counter documents), each call's time in the Mongo
# wire-protocol stand-in versus OneWindow's own, the machine load at the start and end of each run, and the ratio to
# the targets (≥ 200 ratings/s on 2 cores; statistics p95 ≤ 50 ms at 10 k and at 1 M). Runs the real service
# in-process against the test kit's KRaft broker and Mongo stand-in (its indexed memory backend; STAND_IN=plain for
# mongo-java-server's plain backend, which scans).
# Usage: [STAND_IN=plain] [XMX=12g] [INSTALL=0] [OFFLINE=1] evaluation/bench/evaluation-bench.sh
#        [storedSizes=10000,1000000] [ratings=2000] [clientThreads=8]
# By default it first installs the modules evaluation needs (-am), as a fresh checkout needs; INSTALL=0 builds
# evaluation alone against what the local Maven repository holds, offline with OFFLINE=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
# 1,000,000 stored ratings (and their counters) live in the stand-in's memory, inside the Maven JVM exec:java uses
export MAVEN_OPTS="${MAVEN_OPTS:-} -Xmx${XMX:-12g} -Duser.timezone=UTC -Donewindow.mongo-stand-in=${STAND_IN:-indexed}"
offline=()
[[ "${OFFLINE:-0}" == 1 ]] && offline=(-o)
if [[ "${INSTALL:-1}" == 1 ]]; then
  ./mvnw -B -q "${offline[@]}" -pl evaluation -am install -DskipTests -Dapi-lint.skip=true
fi
./mvnw -B -q "${offline[@]}" -pl evaluation test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
  -Dexec.classpathScope=test -Dexec.mainClass=dev.onewindow.evaluation.bench.EvaluationBenchmark \
  -Dexec.args="${1:-10000,1000000} ${2:-2000} ${3:-8}" -Dexec.cleanupDaemonThreads=false
