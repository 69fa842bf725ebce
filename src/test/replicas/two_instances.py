#!/usr/bin/env python3
"""Two replicas of the packaged service on one PostgreSQL (run by .ci/run).

Shows that concurrent prepares and executes for one authority and quarter yield one draw, that
either instance serves the other's data, and that the publication job, running every two seconds
on both instances, publishes each result exactly once. Standard library only.

Usage: two_instances.py http://localhost:PORT_A http://localhost:PORT_B JDBC_DATABASE_NAME
"""
import datetime
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

A, B, DB = sys.argv[1], sys.argv[2], sys.argv[3]
COUNTY = "130123"


def call(base, method, path, token=None, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            text = r.read().decode()
            return r.status, json.loads(text) if text.startswith(("{", "[")) else text
    except urllib.error.HTTPError as e:
        text = e.read().decode()
        return e.code, json.loads(text) if text.startswith("{") else text


def concurrently(requests):
    results = [None] * len(requests)

    def run(i, r):
        results[i] = call(*r)

    threads = [threading.Thread(target=run, args=(i, r)) for i, r in enumerate(requests)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    return results


def psql(sql):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", DB, "-tAc", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


token = call(A, "GET", "/dev/tokens/operator-" + COUNTY)[1]
today = datetime.date.today()
quarter = "%dQ%d" % (today.year, (today.month - 1) // 3 + 1)
items = [i["id"] for i in call(A, "GET", "/public/v1/items?region=" + COUNTY)[1]["items"] if i.get("inspectingLevel") == "COUNTY_AND_ABOVE"][:1]

prepare = {"authority": COUNTY, "quarter": quarter, "items": items}
answers = concurrently([(A if i % 2 == 0 else B, "POST", "/api/v1/draws", token, prepare) for i in range(8)])
created = [a for a in answers if a[0] == 201]
print("concurrent prepares:", sorted(a[0] for a in answers))
assert len(created) == 1 and all(a[0] == 409 for a in answers if a[0] != 201), answers
draw = created[0][1]["id"]

answers = concurrently([(A if i % 2 == 0 else B, "POST", "/api/v1/draws/%s/execute" % draw, token, {"seed": "replica-%d" % i})
                        for i in range(8)])
print("concurrent executes:", sorted(a[0] for a in answers))
assert sum(1 for a in answers if a[0] == 200) == 1 and all(a[0] in (200, 409) for a in answers), answers
assert psql("select count(*) from draw_execution where draw_id = '%s'" % draw) == "1"
assert psql("select count(*) from undirected_slot where authority = '%s' and quarter = '%s'" % (COUNTY, quarter)) == "1"

from_a = call(A, "GET", "/api/v1/draws/" + draw, token)[1]
from_b = call(B, "GET", "/api/v1/draws/" + draw, token)[1]
assert from_a == from_b and from_a["status"] == "EXECUTED", "either instance serves the other's data"
print("draw %s: %d targets, the same from both instances" % (draw, len(from_a["targets"])))

targets = from_a["targets"][:20]
day = from_a["drawDate"]  # business dates are Asia/Shanghai: the draw's own date, not this machine's
for n, t in enumerate(targets):
    status, body = call(A if n % 2 else B, "POST", "/api/v1/results", token, {
        "drawId": draw, "uscc": t["uscc"], "inspectionDate": day, "determinationDate": day,
        "wording": "NO_PROBLEM", "problems": [], "handling": ["NONE"], "violationFound": False,
        "nonSite": t["method"] == "TECHNOLOGY", "team": t["team"][:2], "confidential": False})
    assert status == 201, (status, body)

deadline = time.time() + 60
published = "0"
while time.time() < deadline:
    published = psql("select count(*) from publication p join result r on r.id = p.result_id where r.draw_id = '%s'" % draw)
    if published == str(len(targets)):
        break
    time.sleep(1)
time.sleep(5)  # a few more runs of both schedulers: nothing may be published twice
rows = psql("select count(*), count(distinct (p.result_id, p.version)) from publication p join result r on r.id = p.result_id "
            "where r.draw_id = '%s'" % draw)
print("results %d, publications (rows, distinct):" % len(targets), rows)
assert rows == "%d|%d" % (len(targets), len(targets)), rows
public = call(B, "GET", "/public/v1/results?q=" + targets[0]["uscc"])[1]
assert len(public["items"]) == 1, public
print("two replicas: one draw, each result published exactly once, shared data")
