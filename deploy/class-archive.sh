#!/usr/bin/env bash
# Writes a class-data archive (JDK 17 dynamic AppCDS) of every class the service loads up to
# readiness and while answering a few requests. A JVM started with
#   -XX:SharedArchiveFile=<archive>
# maps those classes instead of loading and verifying them from the jars.
# The archive is valid only for the JVM that wrote it and for the application jar it names (the
# absolute path of APP_DIR/quarkus-run.jar, so the service may start it by any path from any folder):
# write it where the service will run (deploy/Dockerfile does, while building the image). A JVM
# that finds it stale or missing warns and starts without it.
# JDK 17 leaves out of a dynamic archive every class of Quarkus' own class loader that was loaded but
# not yet linked when the JVM dumps; before it stops the training start, this script therefore
# attaches the agent in class-archive-agent/ (the jar named by CLASS_ARCHIVE_AGENT, else built here
# with javac), which links every loaded class. Without a JDK and without that jar, the archive is
# written without it (smaller, and the service starts slower).
# Usage: deploy/class-archive.sh [APP_DIR] [ARCHIVE]   (defaults: target/quarkus-app, APP_DIR/app-cds.jsa)
# The training start uses the embedded database of the demo profile (no demo data), never a real one.
# CLASS_ARCHIVE_JVM_OPTIONS adds options to the training JVM (-Xlog:cds, say); CLASS_ARCHIVE_KEEP_LOG=1 keeps its log.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
APP=$(cd "${1:-target/quarkus-app}" && pwd)
OUT=${2:-$APP/app-cds.jsa}
mkdir -p "$(dirname "$OUT")"
OUT=$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")
PORT=${CLASS_ARCHIVE_PORT:-18599}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
AGENT=${CLASS_ARCHIVE_AGENT:-}
if [ -z "$AGENT" ] && command -v javac >/dev/null && [ -f "$HERE/class-archive-agent/LinkLoadedClasses.java" ]; then
  javac -d "$WORK/agent" "$HERE/class-archive-agent/LinkLoadedClasses.java"
  printf 'Agent-Class: LinkLoadedClasses\n' > "$WORK/manifest"
  jar cfm "$WORK/link-agent.jar" "$WORK/manifest" -C "$WORK/agent" .
  AGENT=$WORK/link-agent.jar
fi
[ -n "$AGENT" ] || echo "class archive: no JDK and no CLASS_ARCHIVE_AGENT: the archive leaves out the classes not linked by then" >&2
rm -f "$OUT"
(cd "$APP" && exec env -u QUARKUS_DATASOURCE_JDBC_URL QUARKUS_PROFILE=demo DOUBLERANDOM_DEMO_ENABLED=false QUARKUS_HTTP_PORT="$PORT" \
  java -Xshare:auto -XX:ArchiveClassesAtExit="$OUT" ${CLASS_ARCHIVE_JVM_OPTIONS:-} -jar "$APP/quarkus-run.jar") > "${OUT}.log" 2>&1 &
pid=$!
get() { exec 3<>/dev/tcp/127.0.0.1/"$PORT" && printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3 && head -1 <&3; exec 3>&-; }
for _ in $(seq 1 600); do
  if (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && get /q/health/ready | grep -q " 200"; then break; fi
  kill -0 "$pid" 2>/dev/null || { cat "${OUT}.log"; echo "the training start stopped"; exit 1; }
  sleep 0.2
done
# a request of each kind, so that their classes are in the archive too
for path in /public/v1/results /public/v1/draws /results /q/openapi /q/metrics /api/v1/regions/130000; do get "$path" >/dev/null || true; done
if [ -n "$AGENT" ]; then
  # wake the JVM's attach listener (HotSpot's protocol: a .attach_pid file, then SIGQUIT), then load the agent
  if [ ! -S "/tmp/.java_pid$pid" ]; then
    touch "/proc/$pid/cwd/.attach_pid$pid"
    kill -QUIT "$pid"
    for _ in $(seq 1 100); do [ -S "/tmp/.java_pid$pid" ] && break; sleep 0.1; done
    rm -f "/proc/$pid/cwd/.attach_pid$pid"
  fi
  echo "class archive: $(java -cp "$AGENT" LinkLoadedClasses "$pid")"
fi
kill -TERM "$pid"
wait "$pid" || true
[ -s "$OUT" ] || { cat "${OUT}.log"; echo "no archive written"; exit 1; }
[ -n "${CLASS_ARCHIVE_KEEP_LOG:-}" ] || rm -f "${OUT}.log"
echo "class archive: $OUT ($(du -h "$OUT" | cut -f1))"
