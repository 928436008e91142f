#!/usr/bin/env bash
# The watch's benchmark (not a test): projection lag (event committed → projection updated) p50/p95/p99 at a steady
# rate of case events for a while (default 500 events/s for 120 s; target p99 ≤ 500 ms), and with N open clocks
# (default 10,000 then 100,000) how long after their due instant 500 clocks get their RED alert (target ≤ 60 s) and
# the time of one sweep run at each N (it reads only the index of next-fire instants, so it should not grow with N).
# The topics are created and every listener has its partitions before anything is sent, and a warm-up load (10 s at the
# rate) is applied and left out of the figures.
# Runs the real service in-process against the test kit's KRaft broker and Mongo stand-in; prints the machine load
# at the start and end of each part — run it on a quiet machine (load < 1.5).
# Usage: [XMX=4g] [INSTALL=0] [OFFLINE=1] supervision/bench/supervision-bench.sh [eventsPerSecond=500]
#        [seconds=120] [openClocks=10000,100000]
# By default it first installs the modules supervision needs (-am); INSTALL=0 builds supervision alone against what
# the local Maven repository holds, offline with OFFLINE=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
export MAVEN_OPTS="${MAVEN_OPTS:-} -Xmx${XMX:-4g} -Duser.timezone=UTC -Donewindow.mongo-stand-in=${STAND_IN:-indexed}"
offline=()
[[ "${OFFLINE:-0}" == 1 ]] && offline=(-o)
if [[ "${INSTALL:-1}" == 1 ]]; then
  ./mvnw -B -q "${offline[@]}" -pl supervision -am install -DskipTests -Dapi-lint.skip=true
fi
./mvnw -B -q "${offline[@]}" -pl supervision test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
  -Dexec.classpathScope=test -Dexec.mainClass=dev.onewindow.supervision.bench.SupervisionBenchmark \
  -Dexec.args="${1:-500} ${2:-120} ${3:-10000,100000}" -Dexec.cleanupDaemonThreads=false
