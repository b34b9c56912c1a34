#!/usr/bin/env bash
# Runs the JMH benchmarks of the predictor module. Extra arguments go to JMH, e.g.
#   src/bench/jmh.sh -f 1 -wi 2 -i 3 PredictionBenchmark
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn -B -q -DskipTests install -pl predictor -am >&2
cp_file="$root/predictor/target/jmh-classpath.txt"
mvn -B -q -pl predictor dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
exec java -cp "$root/predictor/target/test-classes:$root/predictor/target/classes:$(cat "$cp_file")" \
  org.openjdk.jmh.Main "$@"
