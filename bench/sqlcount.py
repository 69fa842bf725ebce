#!/usr/bin/env python3
"""Counts the hand-written SQL in src/main/java: statements, positional binds (?) and the files holding them.

A string literal (plain or text block) is SQL when it starts a statement (select, insert into, update .. set,
delete from, with .. as, copy, create temp ..) or carries a clause (where, values, order by, join, on conflict,
returning) or a bind ("= ?", "?, ?", "any(?"). A statement is a literal that starts one; a bind is a '?' inside
an SQL literal. Entity queries (Panache's "regionCode = :region" on mapped fields) start no statement and bind
by name, so they count only where they write a statement of their own ("delete from ..") or a '?'.

usage: bench/sqlcount.py [root=src/main/java] [-v]
"""
import os
import re
import sys

VERB = re.compile(r'^\s*(select\s|select$|insert\s+into\b|update\s+\w+\s+set\b|update\s+\w+\s*$|delete\s+from\b|with\s+(recursive\s+)?\w+\s*(\(|as\b)'
                  r'|copy\s+(\(|\w+\s*(\(|from\b|to\b))|lock\s+table\b|merge\s+into\b|truncate\b|create\s+(temp|temporary|table|unique|index|or\s+replace)\b'
                  r'|alter\s+table\b|drop\s+table\b|analyze\s+\w|vacuum\b|set\s+(local|session|transaction)\b)', re.I)
CLAUSE = re.compile(r'\b(where|values|order by|group by|join|on conflict|returning|from\s+\w+\s+where)\b|\w\s*(=|<>|<=|>=|<|>)\s*\?|\?\s*,\s*\?|\bin\s*\(\s*\?|any\s*\(\s*\?', re.I)


def literals(src):
    # comments are dropped first, but not inside string literals: scan both at once
    out = []
    pat = re.compile(r'"""(.*?)"""|"((?:[^"\\\n]|\\.)*)"|//[^\n]*|/\*.*?\*/|\'(?:[^\'\\]|\\.)+\'', re.S)
    for m in pat.finditer(src):
        if m.group(1) is not None:
            out.append(m.group(1))
        elif m.group(2) is not None:
            out.append(m.group(2))
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('-')]
    verbose = '-v' in sys.argv
    root = args[0] if args else 'src/main/java'
    statements = binds = 0
    files = {}
    for d, _, names in os.walk(root):
        for n in sorted(names):
            if not n.endswith('.java'):
                continue
            p = os.path.join(d, n)
            with open(p, encoding='utf-8') as f:
                src = f.read()
            s = b = 0
            for lit in literals(src):
                if VERB.match(lit):
                    s += 1
                    b += lit.count('?')
                elif CLAUSE.search(lit):
                    b += lit.count('?')
            if s or b:
                files[os.path.relpath(p, root)] = (s, b)
                statements += s
                binds += b
    if verbose:
        for p, (s, b) in sorted(files.items(), key=lambda kv: -kv[1][1]):
            print(f'{s:4d} {b:5d}  {p}')
    print(f'statements={statements} binds={binds} files={len(files)}')


if __name__ == '__main__':
    main()
