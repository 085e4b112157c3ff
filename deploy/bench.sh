#!/usr/bin/env bash
# Runs one benchmark of issue 9 (or all): the services as processes from their packaged jars, on a
# broker and database of the run, beside the raw limits measured in the same run. Builds first when
# the bench jar is missing. Results: a table on stdout and deploy/bench/target/bench/NAME.json.
#   deploy/bench.sh raw | intake | e2e | sla-replay | analytics-rebuild | projection-lag | cost | all
#                   [--events N] [--rate N[,N...]] [--seconds S] [--saturate]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jar=deploy/bench/target/bench.jar
classpath=deploy/bench/target/bench.classpath
if [[ ! -f "$jar" || ! -f "$classpath" || ! -f intake-service/target/quarkus-app/quarkus-run.jar ]]; then
  echo "bench.sh: building: ./mvnw -B -q package -DskipTests"
  ./mvnw -B -q package -DskipTests
fi
exec java -Xmx1g -cp "$jar:$(cat "$classpath")" com.telco.complaints.bench.BenchMain "$@"
