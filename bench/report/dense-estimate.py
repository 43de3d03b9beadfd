#!/usr/bin/env python3
# Per-query bytes if the dense lists were written as dense-lists.py's alternatives (w13-dense, issue 13).
#
#   node generator/core/src/test/js/bench/query-cost.mjs --words=3 --trace SITE/LANG/search > TRACE
#   python3 bench/report/dense-estimate.py ROWS.json TRACE
#
# From each query's traced requests (cold and warm), takes away, for every tail member a range of a tail bundle
# holds whole and whose list is at least a share `th` of the documents, the member's bytes less its alternative's;
# prints median / p90 / max in KB, now and per (alternative, th). An estimate: the ranges stay as they were.
import sys, json, re, collections
rows = json.load(open(sys.argv[1])); docs = rows['docs']
mem = collections.defaultdict(list)
for f, off, n, v in rows['rows']: mem[f].append((off, n, v))
trace = open(sys.argv[2]).read().splitlines()
VAR = {'V1': 4, 'V2': 5, 'V3': 6, 'V4': 8, 'V5': 9, 'V0': 7, 'V6': 10}
def saving(f, a, z, var, th):
    s = 0
    for off, n, v in mem.get(f, []):
        if v and off >= a and off + n - 1 <= z and v[0] / docs >= th:
            s += n - min(n, v[VAR[var]])
    return s
meas = {}
cur = None; sav = collections.defaultdict(lambda: collections.defaultdict(int))
for l in trace:
    m = re.match(r'^(cold|warm): (.*)$', l)
    if m: cur = (m.group(1), m.group(2)); continue
    m = re.match(r'^  206 (u\.\w+\.bin) bytes=(\S+) (\d+)$', l)
    if m and cur:
        for r in m.group(2).split(','):
            a, z = map(int, r.split('-'))
            for var in VAR:
                for th in (0.05, 0.1, 0.2):
                    sav[(var, th)][cur] += saving(m.group(1), a, z, var, th)
    m = re.match(r'^q:\w+:(.*):(cold|warm)_bytes\t(\d+)$', l)
    if m: meas[(m.group(2), m.group(1))] = int(m.group(3))
def stat(a):
    s = sorted(a); return '%.1f / %.1f / %.1f' % (s[(len(s) - 1) // 2] / 1000, s[int(0.9 * (len(s) - 1))] / 1000, s[-1] / 1000)
for kind in ('cold', 'warm'):
    base = [v for (k, q), v in meas.items() if k == kind]
    print(kind, 'now', stat(base))
    for key in sorted(sav):
        new = [v - sav[key][(k, q)] for (k, q), v in meas.items() if k == kind]
        print(kind, key, stat(new))
