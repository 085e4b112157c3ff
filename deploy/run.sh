#!/usr/bin/env bash
# Runs the complaint suite on this machine. Builds first when a service jar or the launcher is
# missing or older than the sources, then becomes the launcher (deploy/suite, SuiteMain) through
# exec, so Ctrl-C and `kill <pid of run.sh>` reach it directly; it stops everything it started.
# When the suite is ready the launcher prints every address, the web console's (analytics' /console/) with
# the command that mints a token to sign in with.
# Options: deploy/run.sh --help (the text lives in deploy/suite, shared with the launcher); --demo adds
# a traffic simulator with a live summary line and a closing KPI report.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
suite="$root/deploy/suite"
usage="$suite/src/main/resources/com/telco/complaints/deploy/suite/usage.txt"
launcher_jar="$suite/target/suite.jar"
launcher_classpath="$suite/target/suite.classpath"
services=(intake-service routing-service sla-service survey-service analytics-service)

build=true
launcher_args=()
# deploy/run.sh token --role ROLE ...: a bearer token for the suite's doors (see deploy/run.sh token --help).
command_name=run
if [[ "${1:-}" == token ]]; then command_name=token; shift; fi
for arg in "$@"; do
  if [[ $command_name == token ]]; then launcher_args+=("$arg"); continue; fi
  case "$arg" in
    -h|--help) cat "$usage"; exit 0 ;;
    --no-build) build=false ;;
    # The launcher runs the traffic simulator (deploy/suite, package demo) once the suite is ready.
    --demo) launcher_args+=("$arg") ;;
    *) launcher_args+=("$arg") ;;
  esac
done

java_bin="java"
if [[ -n "${JAVA_HOME:-}" ]]; then java_bin="$JAVA_HOME/bin/java"; fi
command -v "$java_bin" >/dev/null || { echo "run.sh: no java found; the suite needs a JDK 17 or later" >&2; exit 1; }

# Prints why a build is needed, or fails when everything is built and newer than the sources.
# `./mvnw package` rewrites every quarkus-run.jar and the launcher jar, so a source newer than the
# oldest of them means a build is due. (The class-path file is rewritten only when it changes.)
why_build() {
  local artifacts=("$launcher_jar") artifact oldest="" newer
  for s in "${services[@]}"; do artifacts+=("$root/$s/target/quarkus-app/quarkus-run.jar"); done
  if [[ ! -f "$launcher_classpath" ]]; then echo "${launcher_classpath#"$root"/} is missing"; return 0; fi
  for artifact in "${artifacts[@]}"; do
    if [[ ! -f "$artifact" ]]; then echo "${artifact#"$root"/} is missing"; return 0; fi
    if [[ -z "$oldest" || "$artifact" -ot "$oldest" ]]; then oldest="$artifact"; fi
  done
  newer=$(find "$root" \( -name target -o -name run-data -o -name .git \) -prune -o \
    -type f \( -name pom.xml -o -path '*/src/main/*' \) -newer "$oldest" -print -quit)
  if [[ -n "$newer" ]]; then echo "${newer#"$root"/} changed since the last build"; return 0; fi
  return 1
}

# The token alone goes to stdout: anything a build prints goes to stderr. Minting needs only the
# launcher, which is built (with what it uses) when it is missing.
if [[ $command_name == token ]]; then
  exec 3>&1 1>&2
  build=false
  if [[ ! -f "$launcher_jar" || ! -f "$launcher_classpath" ]]; then
    echo "run.sh: building the launcher: ./mvnw -B -q package -DskipTests -pl deploy/suite -am"
    (cd "$root" && ./mvnw -B -q package -DskipTests -pl deploy/suite -am) || { echo "run.sh: the build failed" >&2; exit 1; }
  fi
fi
if $build && reason=$(why_build); then
  echo "run.sh: building, as $reason: ./mvnw -B -q package -DskipTests"
  # In the background, so a SIGTERM to run.sh can stop the build instead of leaving it running.
  (cd "$root" && exec ./mvnw -B -q package -DskipTests) &
  build_pid=$!
  trap 'kill "$build_pid" 2>/dev/null; wait "$build_pid" 2>/dev/null; exit 130' INT
  trap 'kill "$build_pid" 2>/dev/null; wait "$build_pid" 2>/dev/null; exit 143' TERM
  if ! wait "$build_pid"; then echo "run.sh: the build failed (see above)" >&2; exit 1; fi
  trap - INT TERM
fi

if [[ ! -f "$launcher_jar" || ! -f "$launcher_classpath" ]]; then
  echo "run.sh: the launcher is not built; run ./mvnw -B -q package -DskipTests in $root" >&2
  exit 1
fi

# The launcher mostly watches the others: the quick C1 compiler suffices, and the heap needs room
# only for unpacking the embedded PostgreSQL binaries when it starts one.
if [[ $command_name == token ]]; then
  exec 1>&3 3>&-
  exec "$java_bin" -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -cp "$launcher_jar:$(cat "$launcher_classpath")" \
    com.telco.complaints.deploy.suite.SuiteMain token --repo-root "$root" ${launcher_args[@]+"${launcher_args[@]}"}
fi
exec "$java_bin" -Xms16m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -cp "$launcher_jar:$(cat "$launcher_classpath")" \
  com.telco.complaints.deploy.suite.SuiteMain --repo-root "$root" ${launcher_args[@]+"${launcher_args[@]}"}
