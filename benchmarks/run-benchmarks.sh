#!/usr/bin/env bash
# Runs every benchmark of the project and prints the table of ratios; a few minutes on a 2-core machine.
#
#   benchmarks/run-benchmarks.sh            # everything: latency, 16-thread throughput, decorations, start-up
#                                           # (baseline, and the starter with initialization default/eager/lazy)
#   benchmarks/run-benchmarks.sh --quick    # fewer iterations and start-up runs, for a smoke run
#   other options: --full, --startup-runs N, --skip latency,throughput,decorations,startup, --results DIR
#
# Results: benchmarks/target/benchmark-results/summary.md (the table) and the JMH JSON files beside it.
# Extra Maven options (e.g. -o for offline) can be passed in MVN_ARGS.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Build the client, auto-configuration, starter and the benchmarks (tests are not run) and write the class paths.
./mvnw -B -q ${MVN_ARGS:-} -Pbenchmarks -pl benchmarks -am package -DskipTests
./mvnw -B -q ${MVN_ARGS:-} -f benchmarks/startup-baseline/pom.xml dependency:build-classpath \
  -Dmdep.outputFile="$root/benchmarks/target/baseline-classpath.txt"

classes="$root/benchmarks/target/classes"
exec "$java_cmd" -Xmx512m \
  -cp "$classes:$(cat benchmarks/target/benchmark-classpath.txt)" \
  io.github.formancecommunity.orchestration.benchmarks.BenchmarkMain \
  --baseline-classpath "$classes:$(cat benchmarks/target/baseline-classpath.txt)" \
  --starter-classpath "$classes:$(cat benchmarks/target/starter-classpath.txt)" \
  --results "$root/benchmarks/target/benchmark-results" \
  "$@"
