#!/usr/bin/env bash
# Runs Salesflow: builds it when the sources are newer than the last build, then starts the engine with an
# embedded PostgreSQL (kept in .salesflow/pgdata) and the demo data. Arguments go to the application,
# e.g. ./run.sh --server.port=9090
set -euo pipefail
cd "$(dirname "$0")"
jar=engine/target/salesflow-engine-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml */pom.xml */src webapp/index.html webapp/package.json -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "Building Salesflow (tests skipped; run them with ./mvnw verify)..."
  ./mvnw -B -q -ntp -DskipTests package
fi
exec java -jar "$jar" "$@"
