#!/usr/bin/env python3
"""Two instances of the service, each with its own database and log, witness each other (run by .ci/run).

Instance A signs with Ed25519, instance B with SM2 and SM3. Each is configured with the other as a
peer (doublerandom.log.peers) and as a witness (doublerandom.log.witnesses), and witnesses every two
seconds. Shows that each serves its checkpoint cosigned by the other, checked here with the auditors'
own code (audit/check_log.py), and that a record appended to A's log is cosigned by B at its new size.
Standard library only (and openssl for SM2).

Usage: two_logs.py http://localhost:PORT_A http://localhost:PORT_B A_VERIFIER_KEY B_VERIFIER_KEY
"""
import datetime
import json
import os
import sys
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "audit"))
import check_log  # noqa: E402

A, B = sys.argv[1], sys.argv[2]
KEY_A, KEY_B = check_log.parse_key(sys.argv[3]), check_log.parse_key(sys.argv[4])


def get(base, path, token=None):
    req = urllib.request.Request(base + path)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=60) as r:
        text = r.read().decode()
        return json.loads(text) if r.headers.get_content_type() == "application/json" else text


def cosigned(log_base, log_key, witness_key, at_least=0):
    """The size of log_base's latest checkpoint once it carries a valid line by witness_key; waits for it."""
    deadline = time.time() + 60
    while True:
        note = get(log_base, "/public/v1/log/checkpoint")
        _, size, root = check_log.open_checkpoint(note, log_key)
        try:
            _, witnessed, witnessed_root = check_log.open_checkpoint(note, witness_key)
            if witnessed == size and witnessed_root == root and size >= at_least:
                return size
        except ValueError:
            pass
        if time.time() > deadline:
            raise SystemExit("FAIL %s: no cosignature by %s at size >= %d; peers there: %s"
                             % (log_base, witness_key[0], at_least, get(log_base, "/public/v1/log/peers")))
        time.sleep(1)


size_a = cosigned(A, KEY_A, KEY_B)
print("ok   A's checkpoint of size %d carries B's SM2 cosignature" % size_a)
size_b = cosigned(B, KEY_B, KEY_A)
print("ok   B's checkpoint of size %d carries A's Ed25519 cosignature" % size_b)
for base, other in ((A, "b"), (B, "a")):
    peers = {p["peer"]: p for p in get(base, "/public/v1/log/peers")["items"]}
    assert peers[other]["outcome"] == "COSIGNED", peers
print("ok   each lists the other as a peer it cosigned")

# records appended to A's log: B cosigns A's tree at each new size, checking A's consistency proof
# from the size it cosigned before (the second step is the first with a non-empty proof)
today = datetime.date.today()
quarter = "%dQ%d" % (today.year, (today.month - 1) // 3 + 1)
before = size_a
for county in ("130123", "130121"):
    token = get(A, "/dev/tokens/operator-" + county)
    listed = get(A, "/public/v1/items?region=" + county)["items"]
    items = [i["id"] for i in listed if i.get("inspectingLevel") == "COUNTY_AND_ABOVE"][:1]
    req = urllib.request.Request(A + "/api/v1/draws", method="POST",
                                 data=json.dumps({"authority": county, "quarter": quarter, "items": items}).encode())
    req.add_header("Authorization", "Bearer " + token)
    req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=60) as r:
        assert r.status == 201, r.status
    grown = cosigned(A, KEY_A, KEY_B, at_least=before + 1)
    print("ok   after a prepare for %s on A, B cosigned A's tree at size %d (was %d)" % (county, grown, before))
    before = grown
print("two logs witness each other")
