#!/usr/bin/env bash
# Runs every benchmark of the project and prints the table of ratios; a few minutes on a 2-core machine.
#
#   benchmarks/run-benchmarks.sh            # everything: latency, 16-thread throughput, decorations,
#                                           # Spring Cloud OpenFeign mode per call, start-up (baseline, the
#                                           # starter with initialization default/eager/lazy, Spring Cloud
#                                           # OpenFeign alone, and with the starter)
#   benchmarks/run-benchmarks.sh --quick    # fewer iterations and start-up runs, for a smoke run
#
# Options:
#   --quick             2 warm-up + 3 measured JMH iterations, 5 start-up runs per side
#   --full              the 16-thread throughput of runWorkflow too
#   --startup-runs N    start-up runs per side (default 15)
#   --skip LIST         comma-separated parts to leave out:
#                         latency      one-thread latency of (a) starter, (b) plain, (c) jdk
#                         throughput   16-thread throughput of the same
#                         decorations  the starter's interceptors alone
#                         cloud        Spring Cloud OpenFeign mode: the (d) cloud client's latency of getWorkflow
#                                      and runWorkflow, and the two Spring Cloud start-up sides
#                         startup      every start-up side
#   --results DIR       where summary.md and the JMH JSON files go (default benchmarks/target/benchmark-results)
# The class path options of BenchmarkMain (--baseline-classpath, --starter-classpath, --spring-cloud-classpath,
# --spring-cloud-baseline-classpath) are set by this script.
#
# Results: benchmarks/target/benchmark-results/summary.md (the table) and the JMH JSON files beside it.
# Extra Maven options (e.g. -o for offline) can be passed in MVN_ARGS.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Build the client, auto-configuration, starter, Spring Cloud integration and the benchmarks (tests are not run)
# and write the class paths: benchmark-, starter- and spring-cloud-classpath.txt from the benchmarks pom, the two
# applications without the starter from startup-baseline/pom.xml.
./mvnw -B -q ${MVN_ARGS:-} -Pbenchmarks -pl benchmarks -am package -DskipTests
./mvnw -B -q ${MVN_ARGS:-} -f benchmarks/startup-baseline/pom.xml dependency:build-classpath \
  -Dmdep.outputFile="$root/benchmarks/target/baseline-classpath.txt"
./mvnw -B -q ${MVN_ARGS:-} -f benchmarks/startup-baseline/pom.xml -Pspring-cloud-openfeign \
  dependency:build-classpath -Dmdep.outputFile="$root/benchmarks/target/spring-cloud-baseline-classpath.txt"

classes="$root/benchmarks/target/classes"
exec "$java_cmd" -Xmx512m \
  -cp "$classes:$(cat benchmarks/target/benchmark-classpath.txt)" \
  io.github.formancecommunity.orchestration.benchmarks.BenchmarkMain \
  --baseline-classpath "$classes:$(cat benchmarks/target/baseline-classpath.txt)" \
  --starter-classpath "$classes:$(cat benchmarks/target/starter-classpath.txt)" \
  --spring-cloud-classpath "$(cat benchmarks/target/spring-cloud-classpath.txt)" \
  --spring-cloud-baseline-classpath "$classes:$(cat benchmarks/target/spring-cloud-baseline-classpath.txt)" \
  --results "$root/benchmarks/target/benchmark-results" \
  "$@"
