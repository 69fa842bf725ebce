#!/usr/bin/env python3
"""Rivest's consistent_sampler, its first-ticket order, transcribed (standard library only).

consistent_sampler gives every id a first ticket from SHA-256 of the seed's hash and the id, and
samples in ticket order; DRAW-1 §1 takes that ticket verbatim. This is the computation an auditor
or a bureau would run with the package instead of the service: every target's ticket, then the
order. Usage: python3 first_tickets.py SNAPSHOT_FILE SEED  (prints the first ten ids in ticket order)
"""
import hashlib
import sys


def first_ticket(seed_hash, uscc):
    n = int.from_bytes(hashlib.sha256((seed_hash + uscc).encode("utf-8")).digest(), "big")
    return "0." + str(n).rjust(64, "0")[::-1]


def main(path, seed):
    seed_hash = hashlib.sha256(seed.encode("utf-8")).hexdigest()
    with open(path, encoding="utf-8") as f:
        ids = [line.split()[2] for line in f if line.startswith("T ")]
    ordered = sorted(ids, key=lambda x: (first_ticket(seed_hash, x), x.encode("utf-8")))
    print(len(ordered), "ids;", " ".join(ordered[:10]))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
