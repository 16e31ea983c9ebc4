#!/usr/bin/env bash
# The benchmark command (docs/performance.md): ./bench.sh [--size smoke|small|full]
# Builds what is out of date (tests skipped), then runs every scenario on an embedded PostgreSQL: the bare Camunda
# engine and the Drools scorer in the benchmark's JVM, Salesflow's jar in a JVM of its own driven over HTTP.
# Prints a table and writes bench/target/bench/results.json. Maven reads extra options from MAVEN_ARGS (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")"
jar=engine/target/salesflow-engine-0.1.0-SNAPSHOT.jar
stamp=bench/target/classpath.txt
if [ ! -f "$jar" ] || [ ! -f "$stamp" ] \
    || [ -n "$(find pom.xml */pom.xml */src webapp/index.html webapp/package.json -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  echo "Building Salesflow and the benchmark (tests skipped)..."
  ./mvnw -B -q -ntp -DskipTests -Djacoco.skip=true package
fi
exec java -Xmx1g -cp "bench/target/classes:$(cat "$stamp")" -Dbench.app.jar="$jar" io.salesflow.bench.Bench \
  --out bench/target/bench "$@"
