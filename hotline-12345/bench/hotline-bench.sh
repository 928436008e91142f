#!/usr/bin/env bash
# Work-order lifecycle benchmark (not a test): lifecycles/s (register → dispatch → sign → reply → callback → close →
# read the caller's own list) and p50/p95/p99 latency per call, with 10,000 and then 100,000 work orders already
# stored, plus each call's time in the Mongo wire-protocol stand-in versus OneWindow's own time, the machine load at
# the start and end of each run, and the rate against the target (40 lifecycles/s on 2 cores at 10,000) and against
# DIGIT's grievance service (6.3/s on 16 vCPU at 1 M records = 0.39/s per vCPU). Runs the real service in-process
# against the test kit's KRaft broker and Mongo stand-in (its indexed memory backend; STAND_IN=plain for
# mongo-java-server's plain backend, which scans).
# Usage: [STAND_IN=plain] [INSTALL=0] [OFFLINE=1] hotline-12345/bench/hotline-bench.sh
#        [preStoredSizes=10000,100000] [lifecycles=1500] [clientThreads=8]
# By default it first installs the modules hotline-12345 needs (-am), as a fresh checkout needs; INSTALL=0 builds
# hotline-12345 alone against what the local Maven repository holds, offline with OFFLINE=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
# 100,000 stored orders live in the stand-in's memory, inside the Maven JVM that exec:java uses
export MAVEN_OPTS="${MAVEN_OPTS:-} -Xmx6g -Duser.timezone=UTC -Donewindow.mongo-stand-in=${STAND_IN:-indexed}"
offline=()
[[ "${OFFLINE:-0}" == 1 ]] && offline=(-o)
if [[ "${INSTALL:-1}" == 1 ]]; then
  ./mvnw -B -q "${offline[@]}" -pl hotline-12345 -am install -DskipTests -Dapi-lint.skip=true
fi
./mvnw -B -q "${offline[@]}" -pl hotline-12345 test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
  -Dexec.classpathScope=test -Dexec.mainClass=dev.onewindow.hotline.bench.HotlineLifecycleBenchmark \
  -Dexec.args="${1:-10000,100000} ${2:-1500} ${3:-8}" -Dexec.cleanupDaemonThreads=false
