#!/usr/bin/env python3
"""serve, one edit: time from the write to the page and to the search index in the browser.

Usage: bench/serve-edit.py [--wait=events|sleep|busy] [--word=PREFIX] [--pause=SECONDS] [--in-body] [--new-words=N] JAR ARCHIVE EDITS [DISPATCH] [PAGE]

Starts `java $JAVA_OPTIONS -jar JAR serve --source ARCHIVE --port 0`, asks once for the search page of PAGE's language
(/en/search/ by default; it waits for the first index), then EDITS times: appends a paragraph with a new word to
DISPATCH, and waits (two threads) until the dispatch's PAGE (percent-encoded) has the word and until that search page's
data-search-manifest names another manifest and that manifest is served; prints both times from the write, then waits 2 s. Restores the file at the end and prints the server's own
lines (rebuilds, search index). The new word is PREFIX (default zeppelinedit), the edit's number and the time: it
sorts where PREFIX does in the dictionary, which decides how many of the index's term shards follow it. --pause
waits that long between the first index and the first edit (default 0: at once), as a writer who opens the page
before editing it. --in-body puts the paragraph after the body's second paragraph (a wire `.txt` dispatch's
dateline lead) instead of at the end: such a dispatch ends with the agency's footer ("Follow us on …", "See also"
and teasers), which the page drops with whatever is appended to it, so an appended edit never shows and the run
waited forever.
--new-words=N (a layout-moving edit, on demand) puts N more new words in the paragraph, each starting with another
pair of letters (aa…, then spread over the alphabet) and ending with the edit's number and time: N new terms spread
over the whole dictionary grow many term shards at once, so the index's shard layout moves (the server's log says
how many term shards it took and encoded). 60 does it at 10,000 dispatches; without it, one edit in about nine moved
the layout, by chance.

How the two threads wait:
- events (the default): as a browser tab does, on the preview's reload events (/__arshif/events?path=..., one
  stream per page, opened before the edits); on each reload event the thread asks for the page once (and the search
  page's new manifest); it asks again only if the answer is not yet the new one. The server is asked 2-3 times per
  edit, so the figures are the server's; the resolution is one request (about 1-3 ms here).
- sleep: polls with a 2 ms pause between requests (resolution 2 ms plus one request).
- busy: polls with no pause, as before 2026-12-01 10:00Z (the w14-serve4 rows and earlier); the two threads then
  take about a core of a 2-core machine away from the server they measure.
"""
import http.client
import os
import queue
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

args = sys.argv[1:]
mode = "events"
prefix = "zeppelinedit"
pause = 0.0
in_body = False
new_words = 0
while args and args[0].startswith("--"):
    name, _, value = args.pop(0).partition("=")
    if name == "--wait" and value in ("events", "sleep", "busy"):
        mode = value
    elif name == "--word" and re.fullmatch("[a-z]+", value):
        prefix = value
    elif name == "--pause" and re.fullmatch(r"[0-9]+(\.[0-9]+)?", value):
        pause = float(value)
    elif name == "--in-body" and not value:
        in_body = True
    elif name == "--new-words" and re.fullmatch("[0-9]+", value):
        new_words = int(value)
    else:
        sys.exit(f"{name}={value}: --wait=events|sleep|busy, --word=[a-z]+, --pause=SECONDS, --in-body"
                 " or --new-words=N")
jar, archive, edits = args[0], args[1], int(args[2])
dispatch = args[3] if len(args) > 3 else "content/en/2024/12/29-n109995.md"
page = args[4] if len(args) > 4 else "/en/2024/12/foreign-and-expatriates-minister-walid-al-109995/"
SEARCH = "/" + page.strip("/").split("/")[0] + "/search/"  # the page's language's search page (its index changes)
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


THREAD_GROUPS = [("refresh", "arshif-search-r"), ("index pool", "arshif-search-i"), ("watch", "arshif-watch"),
                 ("http", "arshif-http"), ("gc", "GC Thread"), ("gc", "VM Thread"), ("jit", "C1 Compiler"),
                 ("jit", "C2 Compiler")]


def thread_cpu():
    """CPU time so far (user + system) of the server's threads, by group of thread names, from /proc."""
    groups = {}
    for pid in family_pids():
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                head, rest = open(f"/proc/{pid}/task/{tid}/stat").read().rsplit(")", 1)
            except OSError:
                continue
            name = head.split("(", 1)[1]
            fields = rest.split()
            group = next((g for g, prefix in THREAD_GROUPS if name.startswith(prefix)), "other")
            groups[group] = groups.get(group, 0.0) + (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return groups


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
    m = re.search(rb'data-search-manifest="([^"]+)"', get(SEARCH))
    return m.group(1).decode() if m else None


def listen(pathname):
    """A queue that gets one item per reload event of the tab showing pathname (a thread reads the stream)."""
    events = queue.Queue()
    host, port = url[len("http://"):].split(":")
    connected = threading.Event()

    def read():
        conn = http.client.HTTPConnection(host, int(port))
        conn.request("GET", "/__arshif/events?path=" + urllib.parse.quote(pathname, safe=""))
        stream = conn.getresponse()
        connected.set()
        while True:
            line = stream.readline()
            if not line:
                return
            if line.startswith(b"event: reload"):
                events.put(time.monotonic())

    threading.Thread(target=read, daemon=True).start()
    connected.wait(30)
    return events


def wait_until(done, events):
    """Asks done() until it is true: after each reload event in events mode, else in a loop (2 ms apart in sleep)."""
    while True:
        if mode == "events":
            try:
                events.get(timeout=5)
            except queue.Empty:
                pass  # no event in 5 s: ask anyway, so that a missed event costs time, not the run
        if done():
            return
        if mode == "sleep":
            time.sleep(0.002)


try:
    t = time.monotonic()
    first = manifest()
    print(f"serving after {t - started:.1f} s; first /en/search/ answered after {time.monotonic() - t:.1f} s;"
          f" waiting by {mode}", flush=True)
    page_events = listen(page) if mode == "events" else None
    search_events = listen(SEARCH) if mode == "events" else None
    time.sleep(pause)
    for i in range(edits):
        word = f"{prefix}{i}x{int(time.time())}"
        before = manifest()
        result = {}

        def poll_page():
            wait_until(lambda: word.encode() in get(page), page_events)
            result["page"] = time.monotonic() - t0

        def search_served():
            now = manifest()
            if now == before:
                return False
            get(now)  # the new manifest file itself is served
            return True

        def poll_search():
            wait_until(search_served, search_events)
            result["search"] = time.monotonic() - t0

        for events in (page_events, search_events):
            while events is not None and not events.empty():
                events.get()  # a late event of the last edit
        letters = "abcdefghijklmnopqrstuvwxyz"
        spread = [letters[(k * 7) % 26] + letters[(k * 11 + i) % 26] for k in range(new_words)]
        extra = "".join(f" {pair}{word[len(prefix):]}q{k}" for k, pair in enumerate(spread))
        paragraph = f"\nA paragraph about {word}{extra}.\n".encode()
        if in_body:
            now = open(path, "rb").read()
            body = now.index(b"\n---\n", 4) + 5  # after the front matter
            at = now.index(b"\n\n", now.index(b"\n\n", body) + 2)  # after the second paragraph
            with open(path, "wb") as f:
                f.write(now[:at] + b"\n" + paragraph + now[at:])
        else:
            with open(path, "ab") as f:
                f.write(paragraph)
        t0 = time.monotonic()
        c0 = cpu_seconds()
        g0 = thread_cpu()
        threads = [threading.Thread(target=poll_page), threading.Thread(target=poll_search)]
        [th.start() for th in threads]
        [th.join() for th in threads]
        cpu = cpu_seconds() - c0
        g1 = thread_cpu()
        by_group = ", ".join(f"{g} {(g1[g] - g0.get(g, 0.0)) * 1000:.0f}" for g in sorted(g1) if g1[g] > g0.get(g, 0.0))
        print(f"edit {i}: page {result['page'] * 1000:.0f} ms, search index {result['search'] * 1000:.0f} ms;"
              f" server CPU meanwhile {cpu * 1000:.0f} ms; load {os.getloadavg()[0]:.1f}", flush=True)
        print(f"  threads' CPU (ms): {by_group}", flush=True)
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
        if "Rebuilt" in l or "Search index" in l or "Loaded" in l or "rebuilding failed" in l or "Edit path" in l:
            print("  | " + l)
