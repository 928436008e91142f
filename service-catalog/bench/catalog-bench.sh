#!/usr/bin/env bash
# Catalog benchmark (not a test): loads N published entries (default 10,000) into the test kit's in-process Mongo
# stand-in, then prints public search latency over HTTP (p50/p95/p99 per query and overall; target p95 <= 50 ms),
# reads per second of one published entry, and how much of each is time spent waiting for the Mongo stand-in.
# Usage: service-catalog/bench/catalog-bench.sh [entries=10000] [requests-per-query=50]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl service-catalog -am install -DskipTests -Dapi-lint.skip=true
./mvnw -B -q -pl service-catalog test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
  -Dexec.classpathScope=test -Dexec.mainClass=dev.onewindow.catalog.bench.CatalogBenchmark \
  -Dexec.args="${1:-10000} ${2:-50}" -Dexec.cleanupDaemonThreads=false
