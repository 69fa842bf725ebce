#!/usr/bin/env bash
# The province benchmark harness (issue 7), one command: bench/run.sh
# Builds the packaged service, creates a database on the machine's PostgreSQL (127.0.0.1:5432,
# user postgres), runs bench/province.py (startup, imports, 200 concurrent county draws, a
# 1,000,000-target draw against its floors and the Python alternatives, results and publication,
# reports, the portal with wrk), prints the table and writes bench/results/province-<date>.md.
# Needs wrk (apt-get install wrk). Size with BENCH_COUNTIES, BENCH_TARGETS (defaults 200, 1000000).
# Takes about 15 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
./mvnw -q -B -DskipTests package test-compile
# the service starts with a class-data archive, as the container image does (deploy/Dockerfile)
deploy/class-archive.sh target/quarkus-app
export BENCH_DB="bench_province_$$"
psql -h 127.0.0.1 -U postgres -q -c "create database $BENCH_DB"
trap 'psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $BENCH_DB" >/dev/null 2>&1 || true' EXIT
python3 bench/province.py
