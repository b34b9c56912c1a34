#!/usr/bin/env bash
# Runs the JMH benchmarks of the predictor module (kept apart from the unit tests: speed is
# measured here, never asserted in tests). Extra arguments go to JMH, e.g.
#   src/bench/jmh.sh -f 1 -wi 2 -i 3 PredictionBenchmark
#   src/bench/jmh.sh SweepBenchmark
# Builds in the reactor without installing anything into the shared local Maven repository.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
cp_file="$root/predictor/target/jmh-classpath.txt"
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file" -pl predictor -am >&2
exec java -Djava.awt.headless=true \
  -cp "$root/predictor/target/test-classes:$root/predictor/target/classes:$(cat "$cp_file")" \
  org.openjdk.jmh.Main "$@"
