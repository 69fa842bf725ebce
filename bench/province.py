#!/usr/bin/env python3
"""The province benchmark harness (issue 7). Standard library only; run through bench/run.sh.

Starts the packaged service on a fresh PostgreSQL database, builds a synthetic province through the
service's own API (200 county bureaus, their targets with realistic tag mixes and their inspectors,
a province bureau), then measures, in one run:

  startup                  cold start (migrations) and restart, to /q/health/ready
  registry import          one county's targets (CSV) per request, all counties, 2 clients
  county draws             every county prepares and executes its quarter's draw at once (8 clients)
  province draw            one draw over the whole province's pool, against its floors:
                           PostgreSQL reading the pool's ids alone, the DRAW-1 tickets alone (Java),
                           and the alternatives: the auditors' Python replay and a transcription of
                           Rivest's consistent_sampler first-ticket order, on the same pool; the draw is
                           timed to its answers' last byte, and this client's parse of them shown apart
  results                  recording results (2 clients), and the publication job publishing them
  portal                   1,000,000 published results, the portal mix with wrk
  reports                  each oversight report for the province's data (when the service has them)

and samples the service's heap (/q/metrics) every 0.25 s, reporting the peak of each phase.
Writes a Markdown table to stdout and to bench/results/province-<date>.md.
"""
import concurrent.futures
import csv
import hashlib
import io
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORT = int(os.environ.get("BENCH_PORT", "18481"))
BASE = f"http://localhost:{PORT}"
DB = os.environ["BENCH_DB"]
PG = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", DB, "-v", "ON_ERROR_STOP=1", "-q"]
COUNTIES = int(os.environ.get("BENCH_COUNTIES", "200"))
BUREAUS = int(os.environ.get("BENCH_BUREAUS", "200"))
CITY_INSPECTORS = 60
TARGETS = int(os.environ.get("BENCH_TARGETS", "1000000"))
INSPECTORS_PER_COUNTY = int(os.environ.get("BENCH_INSPECTORS", "30"))
PROVINCE_INSPECTORS = int(os.environ.get("BENCH_PROVINCE_INSPECTORS", "4000"))
RESULTS = int(os.environ.get("BENCH_RESULTS", "2000"))
HEAP = os.environ.get("BENCH_HEAP", "512m")
# the collector the deployment names (deploy/kubernetes/configmap.yaml, deploy/Dockerfile)
SERVICE_JVM = ["-XX:+UseParallelGC"]
GC_LOG = os.path.join(ROOT, "target", "bench-province-gc.log")
service_started = 0.0
# set while the service answers; the heap sampler waits on it, so that its scrape of /q/metrics does not
# race the readiness probe of a start being timed
service_ready = threading.Event()


def service_jvm():
    """The service's JVM options: the heap, the deployment's collector, and BENCH_JVM_OPTIONS (a flight recording, say)."""
    return [f"-Xmx{HEAP}"] + SERVICE_JVM + os.environ.get("BENCH_JVM_OPTIONS", "").split()


def gc_pauses(since, until):
    """The service's collection pauses between two moments of the harness's clock: count, longest (ms), sum (ms)."""
    pauses = []
    try:
        for line in open(GC_LOG, encoding="utf-8", errors="replace"):
            m = re.match(r"\[([0-9.]+)s\].*Pause.* ([0-9.]+)ms$", line.strip())
            if m and since <= service_started + float(m.group(1)) <= until:
                pauses.append(float(m.group(2)))
    except OSError:
        pass
    return len(pauses), max(pauses, default=0.0), sum(pauses)
QUARTER = os.environ.get("BENCH_QUARTER", "2026Q4")
ARCHIVE = "target/quarkus-app/app-cds.jsa"

rows = []          # the table: (operation, size, figure, p50, p99, peak heap MiB, goal, verdict)
tokens = {}
service = None
# when the last answer's body had been read, before the client parsed it: a draw is timed to the service's last
# byte, as its floors are, and Python's parse of a 14 MB answer is reported beside it
last_read = threading.local()


# ---------------------------------------------------------------- HTTP and the service

def http(method, path, body=None, token=None, content_type="application/json", timeout=600):
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", content_type)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw = r.read()
            last_read.at = time.monotonic()
            return r.status, (json.loads(raw) if raw[:1] in (b"{", b"[") else raw)
    except urllib.error.HTTPError as e:
        raw = e.read()
        return e.code, (json.loads(raw) if raw[:1] in (b"{", b"[") else raw)


def ok(method, path, body=None, token=None, content_type="application/json", expect=(200, 201)):
    status, out = http(method, path, body, token, content_type)
    if status not in expect:
        raise SystemExit(f"{method} {path}: {status} {str(out)[:600]}")
    return out


def token(who):
    if who not in tokens:
        with urllib.request.urlopen(f"{BASE}/dev/tokens/{who}") as r:
            tokens[who] = r.read().decode()
    return tokens[who]


def start_service():
    global service
    env = dict(os.environ, QUARKUS_PROFILE="demo", QUARKUS_HTTP_PORT=str(PORT),
               QUARKUS_DATASOURCE_JDBC_URL=f"jdbc:postgresql://127.0.0.1:5432/{DB}",
               QUARKUS_DATASOURCE_USERNAME="postgres", QUARKUS_DATASOURCE_PASSWORD="postgres",
               DOUBLERANDOM_DEMO_ENABLED="false", DOUBLERANDOM_PUBLICATION_CRON="*/5 * * * * ?",
               DOUBLERANDOM_IMPORT_MAX_ROWS="200000",
               # wrk is one client address; the per-address limit would answer it 429 (a portal's
               # load comes from many addresses)
               DOUBLERANDOM_PORTAL_RATE_LIMIT_BURST="1000000000",
               DOUBLERANDOM_PORTAL_RATE_LIMIT_PER_MINUTE="1000000000")
    global service_started
    service_ready.clear()
    log = open(os.path.join(ROOT, "target", "bench-province-service.log"), "a")
    t0 = service_started = time.monotonic()
    # the class-data archive bench/run.sh writes (deploy/class-archive.sh), as the container image has it
    archive = ["-XX:SharedArchiveFile=" + ARCHIVE] if os.path.exists(os.path.join(ROOT, ARCHIVE)) else []
    # the collector's pauses, to tell a slow phase's cause (each start writes the file anew)
    gc_log = [f"-Xlog:gc:file={GC_LOG}"]
    service = subprocess.Popen(["java"] + service_jvm() + gc_log + archive + ["-jar", "target/quarkus-app/quarkus-run.jar"], cwd=ROOT, env=env,
                               stdout=log, stderr=subprocess.STDOUT)
    while True:
        try:
            with urllib.request.urlopen(BASE + "/q/health/ready", timeout=2) as r:
                if r.status == 200:
                    took = time.monotonic() - t0
                    service_ready.set()
                    return took
        except Exception:
            pass
        if service.poll() is not None:
            raise SystemExit("the service stopped; see target/bench-province-service.log")
        time.sleep(0.05)


def stop_service():
    service_ready.clear()
    if service and service.poll() is None:
        service.terminate()
        try:
            service.wait(30)
        except subprocess.TimeoutExpired:
            # a service that does not stop (out of memory, say) must not hold the port for the next run
            service.kill()
            service.wait(10)


class HeapSampler:
    """Polls the service's heap in use (all heap pools) and keeps the peak since the last reset; also the
    peak of the old generation as the last collection left it (the live set), over the whole run."""

    def __init__(self):
        self.peak = 0
        self.live_peak = 0
        self.stop = False
        threading.Thread(target=self.run, daemon=True).start()

    def run(self):
        pattern = re.compile(r'^jvm_memory_used_bytes\{[^}]*area="heap"[^}]*\} ([0-9.Ee+]+)', re.M)
        after_gc = re.compile(r'^jvm_memory_usage_after_gc\{[^}]*area="heap"[^}]*\} ([0-9.Ee+]+)', re.M)
        max_data = re.compile(r'^jvm_gc_max_data_size_bytes ([0-9.Ee+]+)', re.M)
        while not self.stop:
            service_ready.wait()
            try:
                with urllib.request.urlopen(BASE + "/q/metrics", timeout=5) as r:
                    text = r.read().decode()
                    used = sum(float(v) for v in pattern.findall(text))
                    self.peak = max(self.peak, used)
                    share, size = after_gc.findall(text), max_data.findall(text)
                    if share and size:
                        self.live_peak = max(self.live_peak, float(share[0]) * float(size[0]))
            except Exception:
                pass
            time.sleep(0.25)

    def take(self):
        p, self.peak = self.peak, 0
        return round(p / 2 ** 20)


def pct(values, q):
    if not values:
        return None
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q / 100 * (len(s) - 1))))]


def ms(seconds):
    return None if seconds is None else f"{seconds * 1000:,.0f} ms"


def add(operation, size, figure, p50=None, p99=None, heap=None, goal="", met=None):
    verdict = "" if met is None else ("met" if met else "NOT met")
    rows.append((operation, size, figure, p50 or "", p99 or "", f"{heap} MiB" if heap else "", goal, verdict))
    print("  " + " | ".join(str(c) for c in rows[-1]), flush=True)


# ---------------------------------------------------------------- the synthetic province

def counties():
    with open(os.path.join(ROOT, "src/main/resources/reference/regions/areas.csv"), encoding="utf-8") as f:
        codes = [r[0] for r in csv.reader(f) if r and r[0].startswith("13") and not r[0].endswith("00")]
    return codes[:COUNTIES]


def cities(county_codes):
    """City bureaus that draw beside the counties, so that the bureaus number BENCH_BUREAUS (Hebei has
    190 county-level units in the national codes and 11 cities: 200 bureaus = all counties + 10 cities)."""
    wanted = max(0, BUREAUS - len(county_codes))
    with open(os.path.join(ROOT, "src/main/resources/reference/regions/cities.csv"), encoding="utf-8") as f:
        codes = [r[0] + "00" for r in csv.reader(f) if r and r[0].startswith("13")]
    return codes[:wanted]


def uscc(county, i):
    # GB 32100: 18 characters, the last a check character over the first 17 (weights 3^(k-1) mod 31)
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "91" + county + f"{i:09d}"
    total = sum(alphabet.index(c) * pow(3, k, 31) for k, c in enumerate(body))
    return body + alphabet[(31 - total % 31) % 31]


TRADE = "恒达华北冀中正元金石新源宏泰鑫磊永盛天诚瑞丰德润盛世隆兴博远嘉禾"
INDUSTRY = ["化学原料和化学制品制造业", "金属制品业", "非金属矿物制品业", "纺织业", "医药制造业", "黑色金属冶炼和压延加工业",
            "农副食品加工业", "汽车制造业", "电力、热力生产和供应业", "橡胶和塑料制品业"]
SUFFIX = ["有限公司", "有限责任公司", "股份有限公司", "厂", "分公司"]


def target_csv(county, n, rnd):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["统一社会信用代码", "单位名称", "行政区划代码", "乡镇（街道）", "行业类别", "污染物类型", "监控类型",
                "排污许可管理类别", "重点排污单位", "环境信用等级", "重污染天气绩效分级", "正面清单起始日期", "运营状态"])
    for i in range(n):
        industry = rnd.choice(INDUSTRY)
        permit = rnd.choices(["重点管理", "简化管理", "登记管理"], [15, 25, 60])[0]
        name = county + rnd.choice(TRADE) + rnd.choice(TRADE) + industry[:2] + str(i) + rnd.choice(SUFFIX)
        monitoring = "、".join(sorted(rnd.sample(["在线监测", "分表计电", "视频监控"], rnd.choice([0, 0, 1, 2]))))
        w.writerow([uscc(county, i), name, county, f"{county}乡镇{rnd.randint(1, 12)}", industry,
                    rnd.choice(["废气", "废水", "废气、废水", "固体废物", "噪声"]), monitoring, permit,
                    "是" if permit == "重点管理" and rnd.random() < 0.4 else "否",
                    rnd.choices("ABCDE", [20, 60, 12, 6, 2])[0], rnd.choice("ABCD"),
                    "2026-01-01" if rnd.random() < 0.05 else "", rnd.choices(["生产", "停产", "关闭"], [92, 6, 2])[0]])
    return out.getvalue().encode("utf-8")


def inspector_csv(region, n, prefix):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["人员编号", "姓名", "行政区划代码", "执法证号", "执法证有效期至", "状态", "持证执法人员", "辅助检查人员"])
    for i in range(n):
        certified = i % 10 != 9
        w.writerow([f"{prefix}{region}-{i}", f"执法员{i}", region, f"冀环执{region}{i}" if certified else "",
                    "2030-12-31" if certified else "", "在岗", "是" if certified else "否", "否"])
    return out.getvalue().encode("utf-8")


def timed_parallel(work, items, clients):
    times = []
    lock = threading.Lock()

    def one(item):
        t = time.monotonic()
        out = work(item)
        with lock:
            times.append(time.monotonic() - t)
        return out

    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(clients) as pool:
        outs = list(pool.map(one, items))
    return time.monotonic() - t0, times, outs


# ---------------------------------------------------------------- phases

def phase_startup(heap):
    cold = start_service()
    restarts = []
    for _ in range(3):
        stop_service()
        restarts.append(start_service())
    heap.take()
    warm = sorted(restarts)[1]
    archive = "with the class-data archive" if os.path.exists(os.path.join(ROOT, ARCHIVE)) else "no class-data archive"
    add("startup, first (migrations on an empty database)", archive, f"{cold:.2f} s")
    add("startup, restart (to /q/health/ready), median of 3", archive,
        f"{warm:.2f} s ({', '.join(f'{r:.2f}' for r in restarts)})", goal="< 3 s", met=warm < 3)


def phase_registries(heap, codes):
    admin = token("admin-130000")
    ok("PUT", "/api/v1/policies/130000/2026", {}, admin)
    item = ok("POST", "/api/v1/items", {"regionCode": "130000", "seqNo": "B1", "name": "排污许可执行情况检查（基准）",
                                        "category": "GENERAL", "targetType": "排污单位", "inspectingLevel": "COUNTY_AND_ABOVE",
                                        "legalBasis": "《中华人民共和国环境保护法》", "content": "排污许可执行情况",
                                        "methods": ["ON_SITE", "TECHNOLOGY"], "jointInspection": False}, admin)["id"]
    per = TARGETS // len(codes)
    rnd = random.Random(20261123)
    bodies = {c: target_csv(c, per, rnd) for c in codes}
    heap.take()
    wall, times, _ = timed_parallel(
        lambda c: ok("POST", "/api/v1/targets/import", bodies[c], token(f"operator-{c}"), "text/csv"), codes, 2)
    add("import targets (CSV, one county per request)", f"{len(codes)} × {per:,} = {per * len(codes):,}",
        f"{wall:.1f} s, {per * len(codes) / wall:,.0f} rows/s", ms(pct(times, 50)), ms(pct(times, 99)), heap.take())
    wall, times, _ = timed_parallel(
        lambda c: ok("POST", "/api/v1/inspectors/import", inspector_csv(c, INSPECTORS_PER_COUNTY, "I"),
                     token(f"operator-{c}"), "text/csv"), codes, 2)
    ok("POST", "/api/v1/inspectors/import", inspector_csv("130000", PROVINCE_INSPECTORS, "P"), token("city-130000"), "text/csv")
    for c in cities(codes):
        ok("POST", "/api/v1/inspectors/import", inspector_csv(c, CITY_INSPECTORS, "C"), token(f"city-{c}"), "text/csv")
    add("import inspectors", f"{len(codes)} × {INSPECTORS_PER_COUNTY} + cities + {PROVINCE_INSPECTORS:,}", f"{wall:.1f} s",
        ms(pct(times, 50)), ms(pct(times, 99)), heap.take())
    # what autovacuum would do after a bulk load (it may be off, as on the benchmark machine): statistics
    # for the planner and the visibility map for index-only reads; then the checkpoint PostgreSQL's
    # checkpointer would have finished long before anyone draws. Without it the draws below ran while
    # the load's 1.6 GB of WAL was still being checkpointed, spread over half a minute, and the floors,
    # timed after them, did not: the draws and their floors then met different databases
    subprocess.run(PG + ["-c", "vacuum analyze"], check=True)
    subprocess.run(PG + ["-c", "checkpoint"], check=True)
    return item


def draw(authority, role, item, seed, replaces=None):
    t = token(f"{role}-{authority}")
    body = {"authority": authority, "quarter": QUARTER, "items": [item]}
    if replaces:
        body["replaces"] = replaces
    t0 = time.monotonic()
    d = ok("POST", "/api/v1/draws", body, t)
    t1, t1_read = time.monotonic(), last_read.at
    e = ok("POST", f"/api/v1/draws/{d['id']}/execute", {"seed": seed}, t)
    t2, t2_read = time.monotonic(), last_read.at
    e["drawDate"] = d["drawDate"]
    return d["id"], t1_read - t0, t2_read - t1, e, (t1 - t1_read) + (t2 - t2_read)


def phase_county_draws(heap, codes, city_codes, item):
    bureaus = [(c, "operator") for c in codes] + [(c, "city") for c in city_codes]
    wall, times, outs = timed_parallel(lambda b: draw(b[0], b[1], item, f"bench-{b[0]}-20261123"), bureaus, 8)
    selected = sum(len(o[3]["targets"]) for o in outs)
    add("bureau draws at once (prepare + execute, 8 clients)",
        f"{len(codes)} counties + {len(city_codes)} cities, {selected:,} selected",
        f"{wall:.1f} s in all", ms(pct(times, 50)), ms(pct(times, 99)), heap.take(), "< 60 s in all", wall < 60)
    return outs


def phase_province_draw(heap, item):
    # four draws, each replacing the one before it (voided by the auditor, as a redraw is). The first is
    # the service's first run of the province's own code (the registry copy's read, a 730,000-target
    # pool) with the JIT cold, and has a row of its own; the goal's figure is the median of the next
    # three, as the tickets' floor is the median of three passes after a warm-up pass
    runs, replaces = [], None
    for i in range(4):
        draw_id, prepare, execute, e, parse = draw("130000", "city", item, f"bench-province-20261123-{i}", replaces)
        runs.append((prepare + execute, prepare, execute, parse))
        if i < 3:
            ok("POST", f"/api/v1/draws/{draw_id}/void", {"reason": "benchmark: drawn again"}, token("auditor-130000"))
            replaces = draw_id
    peak = heap.take()
    first = runs[0]
    total, prepare, execute, parse = sorted(runs[1:])[1]
    export = ok("GET", f"/api/v1/draws/{draw_id}/export", token=token("auditor-ALL"))
    snapshot_file = os.path.join(ROOT, "target", "bench-province-snapshot.txt")
    with open(snapshot_file, "w", encoding="utf-8", newline="\n") as f:
        f.write(export["snapshot"])
    pool = sum(1 for line in export["snapshot"].splitlines() if line.startswith("T "))
    # floor 1: PostgreSQL reading the pool's ids alone (median of 3, as the draw)
    reads = []
    for _ in range(3):
        t0 = time.monotonic()
        subprocess.run(PG + ["-c", "\\copy (select uscc from target where region_code >= '130000' and region_code < '140000'"
                                    " and operating_status <> 'CLOSED') to '/dev/null'"], check=True)
        reads.append(time.monotonic() - t0)
    read = sorted(reads)[1]
    # floor 2: the DRAW-1 tickets alone (Java, the service's engine; median of three warm passes), and the snapshot's hash
    floors = json.loads(subprocess.run(
        ["java", "-Xmx" + HEAP, "-cp", "target/classes:target/test-classes", "cn.doublerandom.benchmark.Floors",
         snapshot_file, export["seed"]], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
    tickets = floors["ticketsSeconds"]
    floor = read + tickets
    each = ", ".join(f"{r[1]:.2f} + {r[2]:.2f}" for r in runs[1:])
    add("province draw: prepare (pool snapshot from the registries)", f"{pool:,} targets", f"{prepare:.2f} s", heap=peak)
    add("province draw: execute (DRAW-1, teams, ledger)", f"{len(e['targets']):,} selected", f"{execute:.2f} s")
    add("floor: PostgreSQL reads the pool's ids (median of 3)", f"{pool:,}", f"{read:.2f} s")
    add("floor: DRAW-1 tickets alone (Java)", f"{floors['n']:,}", f"{tickets:.2f} s")
    add("province draw, the first (JIT cold on the province's code) vs read-plus-hash floor", f"{pool:,}",
        f"{first[0]:.2f} s = {first[0] / floor:.2f} × floor; {first[1]:.2f} + {first[2]:.2f} s")
    add("province draw (prepare + execute, median of the next 3) vs read-plus-hash floor", f"{pool:,}",
        f"{total:.2f} s = {total / floor:.2f} × floor ({floor:.2f} s); each draw: {each} s", goal="≤ 2 × floor",
        met=total <= 2 * floor)
    add("province draw: execute alone (DRAW-1 over the committed pool) vs floor", f"{pool:,}",
        f"{execute:.2f} s = {execute / floor:.1f} × floor")
    add("the benchmark client's JSON parse of that draw's two answers (Python, after the last byte; not in the figures above)",
        f"{len(e['targets']):,} selected", f"{parse:.2f} s; with it the draw is {(total + parse) / floor:.2f} × floor")
    # the alternatives an auditor would run: the auditors' Python replay (docs/auditors.md), and consistent_sampler's first-ticket order
    t0 = time.monotonic()
    replay = subprocess.run(["python3", "audit/replay_draw1.py", snapshot_file, export["seed"]], cwd=ROOT,
                            capture_output=True, text=True)
    python_replay = time.monotonic() - t0
    t0 = time.monotonic()
    subprocess.run(["python3", "bench/first_tickets.py", snapshot_file, export["seed"]], cwd=ROOT, check=True,
                   capture_output=True)
    python_tickets = time.monotonic() - t0
    add("alternative: auditors' Python replay (stdlib)", f"{pool:,}",
        f"{python_replay:.2f} s = {python_replay / total:.1f} × the service's draw", goal="same result",
        met=replay.returncode == 0)
    add("alternative: consistent_sampler first-ticket order (Python)", f"{pool:,}",
        f"{python_tickets:.2f} s = {python_tickets / tickets:.1f} × Java tickets")
    return draw_id


def phase_results(heap, outs):
    recorded = []
    for draw_id, _, _, e, _ in outs:
        for t in (e["targets"] if e["authority"][4:] != "00" else []):  # county results: recorded by the county
            recorded.append((draw_id, t, e["drawDate"]))
    rnd = random.Random(7)
    rnd.shuffle(recorded)
    recorded = recorded[:RESULTS]

    def record(pair):
        draw_id, t, day = pair
        county = t["uscc"][2:8]
        violation = rnd.random() < 0.2
        body = {"drawId": draw_id, "uscc": t["uscc"], "inspectionDate": day, "determinationDate": day,
                "wording": "CORRECTED" if violation else "NO_PROBLEM",
                "problems": [{"type": "DUST_CONTROL", "description": "料场未苫盖"}] if violation else [],
                "handling": ["IMMEDIATE_CORRECTION"] if violation else ["NONE"], "violationFound": violation,
                "nonSite": rnd.random() < 0.3, "team": t["team"][:2]}
        return ok("POST", "/api/v1/results", body, token(f"operator-{county}"))

    wall, times, _ = timed_parallel(record, recorded, 2)
    add("record results (2 clients)", f"{len(recorded):,}", f"{len(recorded) / wall:,.0f} results/s", ms(pct(times, 50)),
        ms(pct(times, 99)), heap.take())
    # the job runs every 5 s here (cron */5): time until every result is published
    t0 = time.monotonic()
    while time.monotonic() - t0 < 300:
        n = int(subprocess.run(PG + ["-tAc", "select count(*) from publication"], check=True, capture_output=True,
                               text=True).stdout.strip())
        if n >= len(recorded):
            break
        time.sleep(0.5)
    add("publication job: recorded → public", f"{n:,} of {len(recorded):,}", f"{time.monotonic() - t0:.1f} s (job every 5 s)",
        heap=heap.take(), goal="all", met=n >= len(recorded))


def phase_portal(heap):
    t0 = time.monotonic()
    subprocess.run(PG + ["-f", "bench/portal-data.sql"], cwd=ROOT, check=True)
    add("portal data: 1,000,000 published results (SQL)", "1,000,000", f"{time.monotonic() - t0:.0f} s")
    http("GET", "/public/v1/results?q=%E5%8D%8E%E5%8C%97&limit=1")
    t0 = time.monotonic()
    while time.monotonic() - t0 < 120:
        status, metrics = http("GET", "/q/metrics")
        m = re.search(r"^doublerandom_portal_search_names\S* ([0-9.Ee+]+)", metrics.decode() if isinstance(metrics, bytes) else "", re.M)
        if m and float(m.group(1)) >= 1_000_000:
            break
        time.sleep(0.5)
    add("portal name index rebuilt", "1,000,000 names", f"{time.monotonic() - t0:.1f} s", heap=heap.take())
    warm = os.environ.get("BENCH_PORTAL_WARMUP", "60")
    subprocess.run(["wrk", "-t2", "-c8", f"-d{warm}s", "-s", "bench/portal.lua", BASE], cwd=ROOT, check=True,
                   capture_output=True)
    heap.take()
    conns = os.environ.get("BENCH_PORTAL_CONNECTIONS", "16")
    measured = time.monotonic()
    out = subprocess.run(["wrk", "-t2", f"-c{conns}", "-d30s", "--latency", "-s", "bench/portal.lua", BASE], cwd=ROOT,
                         check=True, capture_output=True, text=True).stdout
    pauses = gc_pauses(measured, time.monotonic())
    rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))
    lat = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)

    def to_ms(v):
        return float(v[:-2]) if v.endswith("ms") else float(v[:-2]) / 1000 if v.endswith("us") else float(v[:-1]) * 1000

    p99 = to_ms(lat["99"])
    add(f"portal mix 50/30/20, wrk {conns} connections, 30 s", "1,000,000 published",
        f"{rps:,.0f} req/s{', ' + errors.group(1) + ' errors' if errors else ''}", lat["50"], lat["99"], heap.take(),
        "≥ 2,000 req/s, p99 < 50 ms", rps >= 2000 and p99 < 50 and not errors)
    add("collection pauses during the portal run", f"{pauses[0]} pauses", f"longest {pauses[1]:.0f} ms, {pauses[2]:.0f} ms in all")


def phase_reports(heap):
    auditor = token("auditor-ALL")
    status, spec = http("GET", "/q/openapi?format=json")
    paths = [p for p in (spec.get("paths", {}) if isinstance(spec, dict) else {}) if p.startswith("/api/v1/reports")]
    if not paths:
        add("reports", "-", "not in this build")
        return
    for path in sorted(paths):
        if "{" in path:
            continue
        answers = []
        for query in (f"region=130000&quarter={QUARTER}", f"region=130100&quarter={QUARTER}", f"region=130000&month=2026-11"):
            t0 = time.monotonic()
            status, _ = http("GET", f"{path}?{query}", token=auditor)
            took = time.monotonic() - t0
            if status == 200:
                add(f"report {path}", query.split("&")[0], f"{took:.2f} s", heap=heap.take(), goal="< 2 s", met=took < 2)
                break
            answers.append(f"{query.split('&')[0]} {status} after {took:.0f} s")
        else:
            # a report that answers no scope is a row of the table: a 5xx here is a failure, not a report to skip
            add(f"report {path}", "-", "; ".join(answers), heap=heap.take(), goal="< 2 s",
                met=False if any(a.split()[1].startswith("5") for a in answers) else None)


def main():
    os.makedirs(os.path.join(ROOT, "target"), exist_ok=True)
    heap = HeapSampler()
    codes = counties()
    print(f"province benchmark: {len(codes)} counties, {TARGETS:,} targets, heap -Xmx{HEAP}, database {DB}", flush=True)
    def phase(name, run, *args):
        # a failing phase is a row of the table, not the end of the run
        try:
            return run(*args)
        except BaseException as e:  # SystemExit from ok() included
            add(f"{name}: FAILED", "-", str(e)[:200].replace("|", "/"))
            return None

    try:
        phase("startup", phase_startup, heap)
        item = phase("registries", phase_registries, heap, codes)
        outs = phase("bureau draws", phase_county_draws, heap, codes, cities(codes), item) or []
        phase("province draw", phase_province_draw, heap, item)
        phase("results", phase_results, heap, outs)
        phase("reports", phase_reports, heap)
        if "portal" not in os.environ.get("BENCH_SKIP", ""):
            phase("portal", phase_portal, heap)
    finally:
        heap.stop = True
        stop_service()
    peak = max((int(r[5].split()[0]) for r in rows if r[5]), default=0)
    failed = [r[0] for r in rows if r[0].endswith("FAILED")]
    add("peak heap over the whole run", "-", f"{peak} MiB in use at most (the collector lets the heap fill before it collects); "
        f"{round(heap.live_peak / 2 ** 20)} MiB at most in the old generation after a collection", goal="< 512 MiB", met=peak < 512)
    lines = [f"# Province benchmark, {time.strftime('%Y-%m-%d %H:%M')}", "",
             f"{os.cpu_count()} cores; service `{' '.join(['java'] + service_jvm())}`"
             " (packaged, class-data archive, demo profile without demo data) on the "
             f"machine's PostgreSQL; clients on the same machine.", "",
             "| operation | size | time or throughput | p50 | p99 | peak heap | goal | |", "|---|---|---|---|---|---|---|---|"]
    lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    text = "\n".join(lines) + "\n"
    print("\n" + text)
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    with open(os.path.join(ROOT, "bench", "results", f"province-{time.strftime('%Y-%m-%d')}.md"), "w", encoding="utf-8") as f:
        f.write(text)
    if failed:
        raise SystemExit("failed phases: " + ", ".join(failed))


if __name__ == "__main__":
    main()
