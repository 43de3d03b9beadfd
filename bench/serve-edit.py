#!/usr/bin/env python3
"""serve, one edit: time from the write to the page and to the search index in the browser.

Usage: bench/serve-edit.py JAR ARCHIVE EDITS [DISPATCH] [PAGE]

Starts `java $JAVA_OPTIONS -jar JAR serve --source ARCHIVE --port 0`, asks once for /en/search/ (which waits for the first
index), then EDITS times: appends a paragraph with a new word to DISPATCH, and polls (two threads, no pause) the
dispatch's PAGE until it has the word and /en/search/ until its data-search-manifest names another manifest, then
until that manifest is served; prints both times from the write, then waits 2 s. Restores the file at the end and
prints the server's own lines (rebuilds, search index).
"""
import os
import re
import subprocess
import sys
import threading
import time
import urllib.request

jar, archive, edits = sys.argv[1], sys.argv[2], int(sys.argv[3])
dispatch = sys.argv[4] if len(sys.argv) > 4 else "content/en/2024/12/29-n109995.md"
page = sys.argv[5] if len(sys.argv) > 5 else "/en/2024/12/foreign-and-expatriates-minister-walid-al-109995/"
path = f"{archive}/{dispatch}"
original = open(path, "rb").read()

java_options = os.environ.get("JAVA_OPTIONS", "").split()
server = subprocess.Popen(["java", *java_options, "-jar", jar, "serve", "--source", archive, "--port", "0"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
lines = []
url = None
started = time.monotonic()
for line in server.stdout:
    lines.append(line.rstrip())
    m = re.search(r"at (http://127\.0\.0\.1:\d+)/", line)
    if m:
        url = m.group(1)
        break
threading.Thread(target=lambda: [lines.append(l.rstrip()) for l in server.stdout], daemon=True).start()


def family_pids():
    """The server's process and its descendants (the second JVM), from /proc."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parents[int(entry)] = int(open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
    family, grew = {server.pid}, True
    while grew:
        grew = False
        for pid, ppid in parents.items():
            if ppid in family and pid not in family:
                family.add(pid)
                grew = True
    return family


def cpu_seconds():
    """CPU time so far (user + system) of the server and its second JVM (its descendants), from /proc."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"))
    family, total, grew = {server.pid}, 0.0, True
    while grew:
        grew = False
        for pid, (ppid, _) in parents.items():
            if ppid in family and pid not in family:
                family.add(pid)
                grew = True
    return sum(parents[p][1] for p in family if p in parents)


def get(p):
    with urllib.request.urlopen(url + p, timeout=600) as r:
        return r.read()


def manifest():
    m = re.search(rb'data-search-manifest="([^"]+)"', get("/en/search/"))
    return m.group(1).decode() if m else None


try:
    t = time.monotonic()
    first = manifest()
    print(f"serving after {t - started:.1f} s; first /en/search/ answered after {time.monotonic() - t:.1f} s", flush=True)
    for i in range(edits):
        word = f"zeppelinedit{i}x{int(time.time())}"
        before = manifest()
        result = {}

        def poll_page():
            while word.encode() not in get(page):
                pass
            result["page"] = time.monotonic() - t0

        def poll_search():
            while True:
                now = manifest()
                if now != before:
                    get(now)  # the new manifest file itself is served
                    result["search"] = time.monotonic() - t0
                    return

        with open(path, "ab") as f:
            f.write(f"\nA paragraph about {word}.\n".encode())
        t0 = time.monotonic()
        c0 = cpu_seconds()
        threads = [threading.Thread(target=poll_page), threading.Thread(target=poll_search)]
        [th.start() for th in threads]
        [th.join() for th in threads]
        cpu = cpu_seconds() - c0
        print(f"edit {i}: page {result['page'] * 1000:.0f} ms, search index {result['search'] * 1000:.0f} ms;"
              f" server CPU meanwhile {cpu * 1000:.0f} ms; load {os.getloadavg()[0]:.1f}", flush=True)
        time.sleep(2)
    rss = []
    for pid in sorted(family_pids()):
        try:
            status = dict(l.split(":", 1) for l in open(f"/proc/{pid}/status").read().splitlines() if ":" in l)
            rss.append(f"pid {pid}: RSS {int(status['VmRSS'].split()[0]) // 1024} MB,"
                       f" peak {int(status['VmHWM'].split()[0]) // 1024} MB")
        except (OSError, KeyError):
            pass
    print("server memory: " + "; ".join(rss), flush=True)
finally:
    open(path, "wb").write(original)
    time.sleep(1)
    server.terminate()
    server.wait(30)
    for l in lines:
        if "Rebuilt" in l or "Search index" in l or "Loaded" in l or "rebuilding failed" in l:
            print("  | " + l)
