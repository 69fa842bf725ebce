#!/usr/bin/env bash
# Writes a class-data archive (JDK 17 dynamic AppCDS) of every class the service loads up to
# readiness and while answering a few requests. A JVM started with
#   -XX:SharedArchiveFile=<archive>
# maps those ~9,600 classes instead of loading and verifying them: on 2 cores, startup to
# /q/health/ready goes from about 4 s to about 2.5 s.
# The archive is valid only for the JVM that wrote it and for the application at the same path:
# write it where the service will run (deploy/Dockerfile does, while building the image). A JVM
# that finds it stale or missing warns and starts without it.
# Usage: deploy/class-archive.sh [APP_DIR] [ARCHIVE]   (defaults: target/quarkus-app, APP_DIR/app-cds.jsa)
# The training start uses the embedded database of the demo profile (no demo data), never a real one.
set -euo pipefail
APP=${1:-target/quarkus-app}
OUT=${2:-$APP/app-cds.jsa}
PORT=${CLASS_ARCHIVE_PORT:-18599}
rm -f "$OUT"
env -u QUARKUS_DATASOURCE_JDBC_URL QUARKUS_PROFILE=demo DOUBLERANDOM_DEMO_ENABLED=false QUARKUS_HTTP_PORT="$PORT" \
  java -Xshare:auto -XX:ArchiveClassesAtExit="$OUT" -jar "$APP/quarkus-run.jar" > "${OUT}.log" 2>&1 &
pid=$!
get() { exec 3<>/dev/tcp/127.0.0.1/"$PORT" && printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3 && head -1 <&3; exec 3>&-; }
for _ in $(seq 1 600); do
  if (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && get /q/health/ready | grep -q " 200"; then break; fi
  kill -0 "$pid" 2>/dev/null || { cat "${OUT}.log"; echo "the training start stopped"; exit 1; }
  sleep 0.2
done
# a request of each kind, so that their classes are in the archive too
for path in /public/v1/results /public/v1/draws /results /q/openapi /q/metrics /api/v1/regions/130000; do get "$path" >/dev/null || true; done
kill -TERM "$pid"
wait "$pid" || true
[ -s "$OUT" ] || { cat "${OUT}.log"; echo "no archive written"; exit 1; }
rm -f "${OUT}.log"
echo "class archive: $OUT ($(du -h "$OUT" | cut -f1))"
