#!/usr/bin/env python3
# What each complete list (tail member) of a search index would weigh in other encodings (w13-dense, issue 13).
#
#   python3 bench/report/dense-lists.py SITE/LANG/search ROWS.json
#
# Reads the tail bundles u.*.bin (one gzip member per list), decodes each list's postings, and gzips (level 4, as
# the writer does) these alternatives; writes every member's figures to ROWS.json (for dense-estimate.py) and
# prints the sums by density (df / docs) and the 8 longest lists:
#   now  the member as written: VLQ((gap << 3) | (impact - 1))
#   V1   a body level stored once (the list's most common), VLQ((gap << 1) | title), then the title levels
#   V2   as V1, each title level right after its posting
#   V3   a bitmap over document ids (6 a character), title flags over postings, then the title levels
#   V0   gaps only, no levels (the floor of any list of gaps)
#   V4   as V3 without title levels (title or not)
#   V5   VLQ((gap << 1) | title), no levels
#   V6   the title postings only: VLQ((gap << 2) | (title level - 5)) (the frequent word optional for matching)
import sys, os, glob, zlib, gzip, json, collections
A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
IDX = {c: i for i, c in enumerate(A)}
def vlq_dec(s):
    out = []; v = 0; sh = 0
    for c in s:
        d = IDX[c]; v |= (d & 31) << sh; sh += 5
        if not d & 32: out.append(v); v = 0; sh = 0
    return out
def vlq(n):
    s = []
    while True:
        d = n & 31; n >>= 5
        if n: s.append(A[d | 32])
        else: s.append(A[d]); return ''.join(s)
def gz(s, level=4):
    c = zlib.compressobj(level, zlib.DEFLATED, 31)
    return len(c.compress(s.encode()) + c.flush())
def members(b):
    out = []; off = 0
    while off < len(b):
        d = zlib.decompressobj(31); data = d.decompress(b[off:]); n = len(b) - off - len(d.unused_data)
        out.append((off, n, data.decode())); off += n
    return out
def enc_variants(text, docs):
    v = vlq_dec(text); ids = []; lv = []; d = 0
    for x in v: d += x >> 3; ids.append(d); lv.append((x & 7) + 1)
    body = [l for l in lv if l <= 4]
    mode = collections.Counter(body).most_common(1)[0][0] if body else 1
    # V1: VLQ((gap<<1)|title), then title levels (level-5) as chars, after
    s1 = [A[mode - 1]]; tl = []; prev = 0
    for i, l in zip(ids, lv):
        t = l >= 5; s1.append(vlq(((i - prev) << 1) | t)); prev = i
        if t: tl.append(A[l - 5])
    v1 = ''.join(s1) + '.' + ''.join(tl)
    # V2: interleaved
    s2 = [A[mode - 1]]; prev = 0
    for i, l in zip(ids, lv):
        t = l >= 5; s2.append(vlq(((i - prev) << 1) | t)); prev = i
        if t: s2.append(A[l - 5])
    v2 = ''.join(s2)
    # V3: bitmap over ids (6/char) + title flags over postings (6/char) + title levels
    bm = [0] * ((ids[-1] + 6) // 6)
    for i in ids: bm[i // 6] |= 1 << (i % 6)
    tf = [0] * ((len(ids) + 5) // 6)
    for j, l in enumerate(lv):
        if l >= 5: tf[j // 6] |= 1 << (j % 6)
    v3 = ''.join(A[x] for x in bm) + '.' + ''.join(A[x] for x in tf) + '.' + ''.join(tl)
    # V0: gaps only, no levels at all (lower bound)
    s0 = []; prev = 0
    for i in ids: s0.append(vlq(i - prev)); prev = i
    v0 = ''.join(s0)
    ntitle = len(tl)
    v4 = ''.join(A[x] for x in bm) + '.' + ''.join(A[x] for x in tf)
    s5 = []; prev = 0
    for i, l in zip(ids, lv):
        s5.append(vlq(((i - prev) << 1) | (l >= 5))); prev = i
    v5 = ''.join(s5)
    s6 = []; prev = 0
    for i, l in zip(ids, lv):
        if l >= 5: s6.append(vlq(((i - prev) << 2) | (l - 5))); prev = i
    v6 = ''.join(s6) or 'A'
    return len(ids), ntitle, mode, gz(text), gz(v1), gz(v2), gz(v3), gz(v0), gz(v4), gz(v5), gz(v6)
def main(sd):
    man = [f for f in os.listdir(sd) if f.startswith('manifest.')][0]
    m = json.loads(gzip.open(os.path.join(sd, man)).read())
    docs = m['docs']
    rows = []
    for f in sorted(glob.glob(os.path.join(sd, 'u.*.bin'))):
        b = open(f, 'rb').read()
        for off, n, text in members(b):
            if text.startswith('~'):
                rows.append((os.path.basename(f), off, n, None)); continue
            rows.append((os.path.basename(f), off, n, enc_variants(text, docs)))
    json.dump({'docs': docs, 'rows': rows}, open(sys.argv[2], 'w'))
    # summary by density band
    bands = [(0, .02), (.02, .05), (.05, .1), (.1, .2), (.2, .3), (.3, .5), (.5, 1.01)]
    print('docs', docs, 'members', len(rows))
    print('density   lists  titles%  actual  now(py)  V1 sep  V2 inter  V3 bitmap  V0 gaps-only (bytes sums)')
    for lo, hi in bands:
        rs = [r for r in rows if r[3] and lo <= r[3][0] / docs < hi]
        if not rs: continue
        s = lambda k: sum(r[3][k] for r in rs)
        print(f'{lo:.2f}-{hi:.2f} {len(rs):6d} {100*s(1)/max(1,s(0)):6.1f} {sum(r[2] for r in rs):8d} {s(3):8d} {s(4):8d} {s(5):8d} {s(6):8d} {s(7):8d} V4 {s(8):8d} V5 {s(9):8d} V6 {s(10):8d}')
    top = sorted([r for r in rows if r[3]], key=lambda r: -r[3][0])[:8]
    for r in top: print('top', r[0], r[1], 'df', r[3][0], 'titles', r[3][1], 'mode', r[3][2], 'actual', r[2], 'V1', r[3][4], 'V2', r[3][5], 'V3', r[3][6], 'V0', r[3][7], 'V4', r[3][8], 'V5', r[3][9], 'V6', r[3][10])
main(sys.argv[1])
