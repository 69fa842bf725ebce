#!/usr/bin/env bash
# The transparency log's goals (issue 20), one command: bench/transparency.sh
# 1. LogBenchmark (a QuarkusTest on the embedded PostgreSQL): the ledger follower's work per record and per county draw (prepare + execute)
#    (leaf, completed subtrees, a signed checkpoint) and inclusion / consistency proofs in a synthetic
#    tree of 10,000,000 leaves (building it takes about two minutes the first time).
# 2. VerifierBenchmark (a plain main): the portal's /verifier.js replaying a 100,000-target public draw
#    in headless Chromium (needs /usr/bin/chromium and /usr/bin/chromedriver).
# Prints the BENCH lines with the load average before and after each, and adds them as a section to
# bench/results/transparency-log-<date>.md. BENCH_SKIP=log or BENCH_SKIP=verifier leaves one out.
# Runs Maven offline (the wrapper, -o); set BENCH_ONLINE=1 to let it resolve.
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=(./mvnw -B -ntp -q)
[ "${BENCH_ONLINE:-}" = 1 ] || MVN+=(-o)
SKIP="${BENCH_SKIP:-}"
OUT="bench/results/transparency-log-$(date -u +%F).md"
LINES=$(mktemp)
trap 'rm -f "$LINES"' EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
cpus=$(nproc)

"${MVN[@]}" test-compile
if [ "$SKIP" != log ]; then
  echo "load before LogBenchmark: $(load)" | tee -a "$LINES"
  ./mvnw -B -ntp $([ "${BENCH_ONLINE:-}" = 1 ] || echo -o) test -Dtest=LogBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    | grep '^BENCH' | tee -a "$LINES"
  echo "load after LogBenchmark: $(load)" | tee -a "$LINES"
fi
if [ "$SKIP" != verifier ]; then
  # the dependency plugin may be missing from an offline repository: then run once with BENCH_ONLINE=1
  "${MVN[@]}" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null \
    || { echo "the test classpath needs maven-dependency-plugin: run once with BENCH_ONLINE=1"; exit 1; }
  echo "load before VerifierBenchmark: $(load)" | tee -a "$LINES"
  java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" cn.doublerandom.benchmark.VerifierBenchmark \
    | grep '^BENCH' | tee -a "$LINES"
  echo "load after VerifierBenchmark: $(load)" | tee -a "$LINES"
fi

# a day's file keeps every run: the first writes the heading and the goals, each run adds its section
if [ ! -f "$OUT" ]; then
  {
    echo "# Transparency log benchmark, $(date -u +%F)"
    echo
    echo "Goals: appending a record and issuing a checkpoint adds < 5 ms to a county draw (two records: prepare"
    echo "and execute); an inclusion proof at 10,000,000 records < 10 ms; the browser verifier on a"
    echo "100,000-target public draw < 2 s in headless Chromium. The load averages (1, 5, 15 min) are printed"
    echo "beside each benchmark: a load above the core count means other work shared the machine, and the"
    echo "figures are upper bounds."
  } > "$OUT"
fi
{
  echo
  echo "## bench/transparency.sh, $(date -u '+%F %H:%M') UTC"
  echo
  echo "$cpus cores ($(uname -m)), commit $(git rev-parse --short HEAD)."
  echo
  echo '```'
  cat "$LINES"
  echo '```'
} >> "$OUT"
echo "written: $OUT"
