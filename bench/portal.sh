#!/usr/bin/env bash
# Portal benchmark (issue 4): 1,000,000 published results, the packaged service, wrk on loopback.
# Needs the machine's PostgreSQL on 127.0.0.1:5432 and wrk (apt-get install wrk).
# Usage: bench/portal.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN=${1:-30}
CONNECTIONS=${2:-32}
DB=bench_portal_$$
PORT=18381
psql -h 127.0.0.1 -U postgres -q -c "create database $DB"
trap 'kill $PID 2>/dev/null || true; sleep 1; psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB" >/dev/null' EXIT
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B -DskipTests package
QUARKUS_PROFILE=demo QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres DOUBLERANDOM_PUBLICATION_CRON=off \
DOUBLERANDOM_PORTAL_RATE_LIMIT_BURST=1000000000 DOUBLERANDOM_PORTAL_RATE_LIMIT_PER_MINUTE=1000000000 \
  java -Xmx512m -XX:+UseParallelGC -jar target/quarkus-app/quarkus-run.jar > target/bench-portal.log 2>&1 &
PID=$!
for _ in $(seq 1 120); do curl -fsS "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
start=$(date +%s)
psql -h 127.0.0.1 -U postgres -q -d "$DB" -f bench/portal-data.sql
echo "loaded 1,000,000 published results in $(( $(date +%s) - start )) s"
# the name index was built at start (empty); the first search sees a million new rows and rebuilds it
curl -fsS "http://localhost:$PORT/public/v1/results?q=%E5%8D%8E%E5%8C%97&limit=1" > /dev/null
start=$(date +%s)
for _ in $(seq 1 120); do
  names=$(curl -fsS "http://localhost:$PORT/q/metrics" | awk '/^doublerandom_portal_search_names/ {print int($2)}')
  [ "${names:-0}" -ge 1000000 ] && break
  sleep 1
done
echo "name index: ${names:-?} names after $(( $(date +%s) - start )) s"
# warm-up: on 2 cores the JIT's C2 queue takes about a minute to drain; measuring earlier measures the compiler
wrk -t2 -c8 -d${WARMUP:-60}s -s bench/portal.lua "http://localhost:$PORT" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency -s bench/portal.lua "http://localhost:$PORT"
