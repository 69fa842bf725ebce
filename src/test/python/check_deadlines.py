#!/usr/bin/env python3
"""Independent cross-check of the expected dates used in the Java tests.
Reads the same holiday-cn JSON files; not part of the build."""
import datetime as dt, json, sys
from pathlib import Path

DIR = Path(sys.argv[1] if len(sys.argv) > 1 else "src/main/resources/reference/holidays")
listed, years = {}, set()
for f in sorted(DIR.glob("20*.json")):
    d = json.loads(f.read_text(encoding="utf-8"))
    years.add(d["year"])
    for e in d["days"]:
        listed[dt.date.fromisoformat(e["date"])] = e["isOffDay"]

def working(d):
    if d.year not in years:
        raise LookupError(d.year)
    return (not listed[d]) if d in listed else d.weekday() < 5

def nth(start, n):
    d, c = start, 0
    while c < n:
        d += dt.timedelta(days=1)
        c += working(d)
    return d

def between(a, b):
    return sum(working(a + dt.timedelta(days=i)) for i in range(1, (b - a).days + 1))

D = dt.date.fromisoformat
for s in ["2025-01-20", "2024-09-20", "2025-01-10", "2025-01-06", "2024-12-27", "2024-12-28",
          "2024-10-01", "2025-01-29", "2024-02-04", "2025-12-15", "2026-11-30", "2026-02-06",
          "2026-12-15", "2026-12-03", "2026-12-02"]:
    try:
        r = nth(D(s), 20)
        print(s, D(s).strftime("%a"), "->", r, r.strftime("%a"))
    except LookupError as e:
        print(s, "-> missing year", e)
for a, b in [("2025-01-24", "2025-02-05"), ("2024-09-27", "2024-10-08"), ("2025-12-31", "2026-01-05"),
             ("2024-02-09", "2024-02-18"), ("2020-01-01", "2026-12-31")]:
    print("between", a, b, between(D(a), D(b)))
for s in ["2024-02-04", "2024-02-09", "2024-02-18", "2025-01-26", "2025-02-08", "2025-02-09",
          "2026-01-04", "2026-02-14", "2026-02-28", "2024-09-29", "2024-10-12", "2025-09-28",
          "2025-10-11", "2020-02-03", "2022-12-31", "2023-01-28", "2023-01-29", "2025-03-15", "2025-03-17"]:
    print("working", s, D(s).strftime("%a"), working(D(s)))
