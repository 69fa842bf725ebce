#!/usr/bin/env python3
"""Startup to readiness, the way bench/province.py measures it, for one or more packaged builds side by side.

    python3 bench/startup.py [-n RUNS] CHECKOUT[=LABEL] ...

Each CHECKOUT is a clone or worktree with a packaged build (target/quarkus-app, with the app-cds.jsa of
deploy/class-archive.sh). The service starts there as `java ... -jar target/quarkus-app/quarkus-run.jar`,
as bench/province.py starts it. Each gets its own database on the machine's PostgreSQL (127.0.0.1:5432, user postgres), dropped at the end.
The first start of each migrates its empty database and is reported apart; then the builds restart in
turn, RUNS times each, so that a loaded machine slows them alike. Prints each start (seconds from
`java -jar` to 200 on /q/health/ready, and the "started in" Quarkus logs) and the medians.
BENCH_JVM_OPTIONS adds JVM options (a flight recording, say).
"""
import argparse
import os
import re
import signal
import statistics
import sys
import subprocess
import time
import urllib.request

PORT = int(os.environ.get("BENCH_PORT", "18491"))
running = []   # the service started and not yet stopped, for the cleanup on an interrupted run


def cpu_seconds(pid):
    """The process's CPU time so far (user + system, all threads): on a machine others load, the steadier figure."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start(app, db, log_path):
    env = dict(os.environ, QUARKUS_PROFILE="demo", QUARKUS_HTTP_PORT=str(PORT),
               QUARKUS_DATASOURCE_JDBC_URL=f"jdbc:postgresql://127.0.0.1:5432/{db}",
               QUARKUS_DATASOURCE_USERNAME="postgres", QUARKUS_DATASOURCE_PASSWORD="postgres",
               DOUBLERANDOM_DEMO_ENABLED="false", DOUBLERANDOM_PUBLICATION_CRON="*/5 * * * * ?")
    archive = "target/quarkus-app/app-cds.jsa"
    jvm = ["-Xmx512m", "-XX:+UseParallelGC"] + (["-XX:SharedArchiveFile=" + archive] if os.path.exists(os.path.join(app, archive)) else [])
    jvm += os.environ.get("BENCH_JVM_OPTIONS", "").split()
    log = open(log_path, "w")
    t0 = time.monotonic()
    p = subprocess.Popen(["java"] + jvm + ["-jar", "target/quarkus-app/quarkus-run.jar"], cwd=app, env=env,
                         stdout=log, stderr=subprocess.STDOUT)
    running.append(p)
    while True:
        try:
            with urllib.request.urlopen(f"http://localhost:{PORT}/q/health/ready", timeout=2) as r:
                if r.status == 200:
                    took = time.monotonic() - t0
                    cpu = cpu_seconds(p.pid)
                    break
        except Exception:
            pass
        if p.poll() is not None:
            raise SystemExit(f"{app} stopped; see {log_path}")
        time.sleep(0.02)
    p.terminate()
    try:
        p.wait(30)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait(10)
    running.remove(p)
    log.close()
    text = open(log_path, encoding="utf-8", errors="replace").read()
    if "Unable to use shared archive" in text:
        raise SystemExit(f"{app}: the class-data archive was not used; see {log_path}")
    m = re.search(r"started in ([0-9.]+)s", text)
    return took, cpu, float(m.group(1)) if m else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=5)
    ap.add_argument("apps", nargs="+")
    args = ap.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("interrupted"))
    builds = []
    for i, a in enumerate(args.apps):
        app, _, label = a.partition("=")
        builds.append((os.path.abspath(app), label or app, f"bench_startup_{os.getpid()}_{i}"))
    psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c"]
    try:
        for app, label, db in builds:
            subprocess.run(psql + [f"create database {db}"], check=True)
            took, cpu, quarkus = start(app, db, f"/tmp/{db}.log")
            print(f"{label}: first start (migrations) {took:.2f} s, CPU {cpu:.2f} s (Quarkus: started in {quarkus:.3f}s)", flush=True)
        runs = {label: [] for _, label, _ in builds}
        for r in range(args.n):
            for app, label, db in builds:
                took, cpu, quarkus = start(app, db, f"/tmp/{db}.log")
                runs[label].append((took, cpu, quarkus))
                print(f"{label}: restart {r + 1} {took:.2f} s, CPU {cpu:.2f} s (Quarkus: started in {quarkus:.3f}s)", flush=True)
        for label, rs in runs.items():
            print(f"{label}: median of {len(rs)} restarts {statistics.median(t for t, _, _ in rs):.2f} s to ready "
                  f"({', '.join(f'{t:.2f}' for t, _, _ in rs)}); CPU to ready median {statistics.median(c for _, c, _ in rs):.2f} s "
                  f"({', '.join(f'{c:.2f}' for _, c, _ in rs)}); Quarkus 'started in' median {statistics.median(q for _, _, q in rs):.3f} s")
    finally:
        for p in running:
            p.kill()
            p.wait(10)
        for _, _, db in builds:
            subprocess.run(psql + [f"drop database if exists {db}"])


if __name__ == "__main__":
    main()
