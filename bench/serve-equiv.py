#!/usr/bin/env python3
"""serve vs build: after edits in serve, the served search manifests are those of a fresh build of the same files.

Usage: bench/serve-equiv.py JAR ARCHIVE (edits ARCHIVE, restores it at the end)
"""
# serve the bench copy, edit an English and an Arabic dispatch (3 edits), then compare the served manifests' names
# (content-hashed: equal names, equal index) with a fresh build's of the same files; restore the files.
import re, subprocess, sys, time, urllib.request, glob, os
jar, archive = sys.argv[1], sys.argv[2]
files = ["content/en/2024/12/29-n109995.md", "content/ar/2024/12/" + sorted(os.listdir(archive + "/content/ar/2024/12"))[-1], "content/en/2024/12/29-n109995.md"]
originals = {f: open(f"{archive}/{f}", "rb").read() for f in set(files)}
server = subprocess.Popen(["java", "-jar", jar, "serve", "--source", archive, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
lines = []
def wait_for(prefix, count):
    while sum(1 for l in lines if l.startswith(prefix) or (" " + prefix) in l) < count:
        l = server.stdout.readline()
        if not l: raise SystemExit("server ended: " + "\n".join(lines))
        lines.append(l.rstrip())
wait_for("Serving", 1)
url = re.search(r"at (http://127\.0\.0\.1:\d+)/", [l for l in lines if "Serving" in l][0]).group(1)
wait_for("Search index ready", 1)
try:
    for i, f in enumerate(files):
        with open(f"{archive}/{f}", "ab") as out:
            out.write(f"\nA paragraph about zeppelinequiv{i}.\n".encode())
        wait_for("Search index updated", i + 1)
    served = {}
    for lang in ("ar", "en"):
        page = urllib.request.urlopen(f"{url}/{lang}/search/").read().decode()
        served[lang] = re.search(r'data-search-manifest="([^"]+)"', page).group(1).rsplit("/", 1)[1]
    server.terminate(); server.wait(60)
    out = archive + "-eq-out"
    subprocess.run(["java", "-jar", jar, "build", "--source", archive, "--output", out, "--base-url", url + "/", "--drafts"], check=True, stdout=subprocess.DEVNULL)
    built = {lang: os.path.basename(glob.glob(f"{out}/{lang}/search/manifest.*")[0]) for lang in ("ar", "en")}
    print("served", served); print("built ", built); print("EQUAL" if served == built else "DIFFERENT")
    subprocess.run(["rm", "-rf", out])
finally:
    for f, b in originals.items():
        open(f"{archive}/{f}", "wb").write(b)
    if server.poll() is None: server.terminate()
    for l in lines:
        if "Search index" in l: print("  | " + l)
