#!/usr/bin/env bash
# e-license benchmark (not a test): issue throughput, and verifications/s through the HTTP verify endpoints divided by
# raw JDK ECDSA-P256 verifications/s in the same JVM with the same thread count (target ratio >= 0.5), against the
# test kit's in-process KRaft broker and Mongo wire-protocol server.
# Usage: e-license/bench/elicense-bench.sh [licences=2000] [client-threads=4] [seconds-per-phase=15]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl e-license -am install -DskipTests
./mvnw -B -q -pl e-license test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.onewindow.elicense.bench.ELicenseBenchmark -Dexec.args="${1:-2000} ${2:-4} ${3:-15}" \
  -Dexec.cleanupDaemonThreads=false
