#!/usr/bin/env python3
"""Replay of DRAW-1 sections 1-3 (standard library only).

Usage: python3 replay_draw1.py SNAPSHOT_FILE SEED
Prints the execute record's result lines: target, team and relaxed lines.
On failure prints "fail <uscc> ..." lines and exits with status 1.
E and K lines (object kinds) play no part in sections 1-3; where a snapshot
has them, every T target must carry a K kind that an E line's item inspects.
"""
import hashlib
import sys


def sha256_int(text):
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest(), "big")


def ticket(seed, uscc):  # section 1
    h = hashlib.sha256(seed.encode("utf-8")).hexdigest()
    d = str(sha256_int(h + uscc)).rjust(64, "0")
    return "0." + d[::-1]


def sequence(u, n):  # section 3: Rivest's draw order over items 1..n
    met, count = set(), 0
    while len(met) < n:
        count += 1
        item = 1 + sha256_int(u + "," + str(count)) % n
        if item not in met:
            met.add(item)
            yield item


def byte_order(text):  # sort key: UTF-8 byte order
    return text.encode("utf-8")


def main(snapshot_path, seed):
    T, I, A, N, R, P, Q, team_size = {}, [], {}, [], set(), set(), {}, 2
    E, K = {}, {}  # object kinds: kind -> items inspecting it; uscc -> kinds it carries
    with open(snapshot_path, encoding="utf-8", newline="\n") as f:
        for line in f.read().splitlines():
            kind, *fields = line.split(" ")
            if kind == "T": T.setdefault(fields[0], []).append(fields[1])
            if kind == "I": I.append(fields[0])
            if kind == "A": A.setdefault(fields[1], []).append(fields[0])
            if kind == "N": N.append(fields[0])
            if kind == "R": R.add((fields[0], fields[1]))
            if kind == "P": P.add((fields[0], fields[1]))
            if kind == "Q": Q[fields[0]] = int(fields[1])
            if kind == "Z": team_size = max(2, int(fields[1]))
            if kind == "E": E.setdefault(fields[1], []).append(fields[0])
            if kind == "K": K.setdefault(fields[0], []).append(fields[1])

    # The pool rule, checked only where the draw's items name kinds (E lines): an item applies to each target.
    no_item = [u for ids in T.values() for u in ids if E and not any(k in E for k in K.get(u, []))]
    if no_item:
        print("\n".join("fail pool %s no item applies" % u for u in no_item))
        return 1

    # Section 2: per stratum, the first k ids in ticket order (ties: id byte order).
    order = lambda uscc: (ticket(seed, uscc), byte_order(uscc))
    selected = []  # (class, uscc, rank)
    for cls in set(T) | set(Q):
        pool = sorted(T.get(cls, []), key=order)[: Q.get(cls, 0)]
        selected += [(cls, uscc, rank) for rank, uscc in enumerate(pool, 1)]
    selected.sort(key=lambda s: order(s[1]))  # section 3 step 1

    # Section 3 steps 2-7.
    L = sorted(I, key=byte_order)
    if not L:
        print("fail no certified inspector (I = 0)")
        return 1
    cap = -(-team_size * len(selected) // len(L))  # exact integer ceiling
    load = {code: 0 for code in L}
    teams, relaxed, failures = [], [], []
    for _, t, _ in selected:
        ok = lambda code: (code, t) not in R and (code, t) not in P
        team, cap_only = [], []
        for item in sequence(seed + "/" + t, len(L)):
            code = L[item - 1]
            if ok(code) and load[code] < cap:
                team.append(code)
                load[code] += 1
            elif ok(code):
                cap_only.append(code)
            if len(team) == team_size:
                break
        if len(team) < team_size and cap_only:  # step 4
            for code in cap_only[: team_size - len(team)]:
                team.append(code)
                load[code] += 1
            relaxed.append(t)
        if len(team) < team_size:
            failures.append("fail %s certified %d of %d" % (t, len(team), team_size))
        for specialty in sorted(N, key=byte_order):  # step 6
            holders = sorted(A.get(specialty, []), key=byte_order)
            found = None
            if holders:
                for item in sequence(seed + "/" + t + "/" + specialty, len(holders)):
                    code = holders[item - 1]
                    if code not in team and ok(code):
                        found = code
                        break
            if found is None:
                failures.append("fail %s specialty %s" % (t, specialty))
            else:
                team.append(found)
        teams.append((t, team))

    if failures:
        print("\n".join(failures))
        return 1
    for cls, uscc, rank in selected:
        print("target %s %s %d" % (cls, uscc, rank))
    for uscc, team in teams:
        print("team %s %s" % (uscc, ",".join(team)))
    for uscc in relaxed:
        print("relaxed " + uscc)
    return 0


if __name__ == "__main__":
    # An empty seed (an unset shell variable) would replay some other draw, not this one.
    if len(sys.argv) != 3 or not sys.argv[2]:
        sys.stderr.write("usage: replay_draw1.py SNAPSHOT_FILE SEED (the export's seed; it must not be empty)\n")
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
