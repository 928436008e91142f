#!/usr/bin/env bash
# Outbox benchmark (not a test): events published per second and save→published latency (p50/p95/p99) through the
# real relay, against the in-process KRaft broker and Mongo wire-protocol server of the test kit.
# Usage: bench/outbox.sh [aggregates=20000] [writer-threads=4]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl platform/starter -am install -DskipTests
./mvnw -B -q -pl platform/starter test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.onewindow.platform.sample.OutboxBenchmark -Dexec.args="${1:-20000} ${2:-4}" \
  -Dexec.cleanupDaemonThreads=false
