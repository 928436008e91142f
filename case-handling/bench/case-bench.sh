#!/usr/bin/env bash
# Case lifecycle benchmark (not a test): lifecycles/s (submit → accept → start review → approve, completing a DOCUMENT
# result → read own list) and p95 latency per call, with 10,000 and then 100,000 cases already stored, plus each
# call's time in the Mongo wire-protocol stand-in versus OneWindow's own time. Runs the real service in-process
# against the test kit's KRaft broker and Mongo stand-in, with an in-process WireMock service-catalog.
# The stand-in is the test kit's indexed memory backend, which uses the _id index for Spring Data's versioned saves
# ({_id, version}) and keeps secondary indexes, as MongoDB does; STAND_IN=plain runs the same benchmark on
# mongo-java-server's plain memory backend, which scans the collection for both, for comparison.
# Usage: [STAND_IN=plain] case-handling/bench/case-bench.sh [preStoredSizes=10000,100000] [lifecycles=1500]
#        [clientThreads=8]
set -euo pipefail
cd "$(dirname "$0")/../.."
# 100,000 stored cases live in the stand-in's memory, inside the Maven JVM that exec:java uses
export MAVEN_OPTS="${MAVEN_OPTS:-} -Xmx6g -Duser.timezone=UTC -Donewindow.mongo-stand-in=${STAND_IN:-indexed}"
./mvnw -B -q -pl case-handling -am install -DskipTests -Dapi-lint.skip=true
./mvnw -B -q -pl case-handling test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
  -Dexec.classpathScope=test -Dexec.mainClass=dev.onewindow.casehandling.bench.CaseLifecycleBenchmark \
  -Dexec.args="${1:-10000,100000} ${2:-1500} ${3:-8}" -Dexec.cleanupDaemonThreads=false
