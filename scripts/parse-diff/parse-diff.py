#!/usr/bin/env python3
"""parse-diff.py - differential test: Python feedparser vs `tidings parse`.

  parse-diff.py DIR [--tidings PATH] [--jobs N] [--examples N] [--json]

Parses every feed file under DIR (*.xml *.rss *.atom *.rdf *.json, recursively;
golden `*.expected.json` files are skipped) with feedparser (in-process, one
worker per core) and with `tidings parse FILE` (the binary: --tidings, else
.build/debug/tidings, .build-parse/debug/tidings, ...), and prints how often
they agree, per field:

  feed title      normalised text (NFC, whitespace collapsed)
  entry count     number of entries
  entry titles    pairwise by position; "markup-only" counts titles that agree
                  once tags are dropped and entities decoded (feedparser keeps
                  sanitised HTML in titles, Tidings makes them plain text)
  entry links     the entry's link (both resolve relative links against the
                  same base: the fixture's .url file, else http://127.0.0.1:8080/<path>)
  entry ids       guid / id / rdf:about
  entry published feedparser published_parsed vs Tidings "published", to the second, UTC

Entry fields are compared over min(count) entries of each file; files where one
side fails count as disagreeing on the feed fields. The first few
disagreements per field follow the table. A `.content-type` next to a fixture
is ignored (the CLI reads files without HTTP headers), so fixtures that rely
on an HTTP charset differ from their golden output here.
"""
import argparse
import calendar
import concurrent.futures
import html
import json
import os
import re
import subprocess
import sys
import time
import unicodedata

try:
    import feedparser
except ImportError:  # a pyenv python3 first in PATH does not see Debian's python3-feedparser
    sys.path.append("/usr/lib/python3/dist-packages")
    import feedparser

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
EXTS = (".xml", ".rss", ".atom", ".rdf", ".json")
FIELDS = ["feed title", "entry count", "entry titles", "entry links", "entry ids", "entry published"]


def default_tidings():
    for p in (".build/debug/tidings", ".build/release/tidings", ".build-parse/debug/tidings", ".build-parse/release/tidings"):
        if os.path.exists(os.path.join(REPO, p)):
            return os.path.join(REPO, p)
    return "tidings"


def norm(s):
    return " ".join(unicodedata.normalize("NFC", s or "").split()) or None


def plain(s):
    return norm(html.unescape(re.sub(r"<[^>]+>", "", s or "")))


def files_under(root):
    out = []
    for d, _, names in os.walk(root):
        for n in names:
            if n.endswith(EXTS) and not n.endswith(".expected.json"):
                out.append(os.path.join(d, n))
    return sorted(out)


def base_for(root, path):
    url_file = os.path.splitext(path)[0] + ".url"
    if os.path.exists(url_file):
        with open(url_file) as f:
            return f.read().strip()
    return "http://127.0.0.1:8080/" + os.path.relpath(path, root)


def iso(struct):
    if not struct:
        return None
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(calendar.timegm(struct)))
    except (ValueError, OverflowError):
        # feedparser turns "0000-00-00" into year -1: no usable date.
        return None


def run_feedparser(args):
    path, base = args
    with open(path, "rb") as f:
        data = f.read()
    try:
        d = feedparser.parse(data, response_headers={"content-location": base})
    except Exception as e:  # feedparser itself crashing is a result too
        return {"error": "feedparser raised %s" % type(e).__name__}
    if not d.get("version") and not d.entries:
        return {"error": "not a feed (bozo: %s)" % d.get("bozo_exception")}
    return {"title": d.feed.get("title"),
            "entries": [{"title": e.get("title"), "link": e.get("link"), "id": e.get("id"),
                         "published": iso(e.get("published_parsed"))} for e in d.entries]}


def run_tidings(tidings, path, base):
    p = subprocess.run([tidings, "parse", "--base-url", base, path], capture_output=True)
    if p.returncode != 0:
        return {"error": p.stderr.decode("utf-8", "replace").strip()[:200]}
    d = json.loads(p.stdout)
    return {"title": d.get("title"),
            "entries": [{"title": e["title"], "link": e["link"], "id": e["id"], "published": e["published"]}
                        for e in d["entries"]]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("--tidings", default=default_tidings())
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--examples", type=int, default=5)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    a = ap.parse_args()

    root = os.path.abspath(a.dir)
    paths = files_under(root)
    bases = [base_for(root, p) for p in paths]
    with concurrent.futures.ProcessPoolExecutor(a.jobs) as pool:
        fp_results = list(pool.map(run_feedparser, zip(paths, bases), chunksize=8))
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        td_results = list(pool.map(lambda pb: run_tidings(a.tidings, *pb), zip(paths, bases)))

    stats = {f: {"compared": 0, "agree": 0, "markup_only": 0, "examples": []} for f in FIELDS}
    both_failed = 0

    def record(field, ok, where, fp_value, td_value, markup_only=False):
        s = stats[field]
        s["compared"] += 1
        if ok:
            s["agree"] += 1
        elif markup_only:
            s["markup_only"] += 1
        if not ok and len(s["examples"]) < a.examples:
            s["examples"].append({"where": where, "feedparser": fp_value, "tidings": td_value})

    for path, fp, td in zip(paths, fp_results, td_results):
        rel = os.path.relpath(path, root)
        if "error" in fp and "error" in td:
            both_failed += 1
            continue
        fpe, tde = fp.get("entries", []), td.get("entries", [])
        ft, tt = fp.get("title"), td.get("title")
        record("feed title", norm(ft) == norm(tt), rel, ft if "error" not in fp else fp["error"],
               tt if "error" not in td else td["error"], plain(ft) == norm(tt))
        record("entry count", len(fpe) == len(tde), rel, len(fpe), len(tde))
        for i, (f, t) in enumerate(zip(fpe, tde)):
            where = "%s #%d" % (rel, i)
            record("entry titles", norm(f["title"]) == norm(t["title"]), where, f["title"], t["title"],
                   plain(f["title"]) == norm(t["title"]))
            record("entry links", (f["link"] or None) == t["link"], where, f["link"], t["link"])
            record("entry ids", norm(f["id"]) == norm(t["id"]), where, f["id"], t["id"])
            record("entry published", f["published"] == t["published"], where, f["published"], t["published"])

    if a.json:
        print(json.dumps({"dir": root, "files": len(paths), "both_failed": both_failed, "fields": stats},
                         ensure_ascii=False, indent=1))
        return 0
    print("%s: %d files (%d rejected by both), tidings = %s, feedparser %s" %
          (root, len(paths), both_failed, a.tidings, feedparser.__version__))
    print()
    print("| field | compared | agree | % | + markup-only | % |")
    print("|---|---:|---:|---:|---:|---:|")
    for f in FIELDS:
        s = stats[f]
        n = s["compared"] or 1
        print("| %s | %d | %d | %.1f%% | %d | %.1f%% |" % (f, s["compared"], s["agree"], 100.0 * s["agree"] / n,
                                                      s["agree"] + s["markup_only"],
                                                      100.0 * (s["agree"] + s["markup_only"]) / n))
    for f in FIELDS:
        if stats[f]["examples"]:
            print("\n%s - first disagreements:" % f)
            for e in stats[f]["examples"]:
                print("  %s\n    feedparser: %r\n    tidings:    %r" % (e["where"], e["feedparser"], e["tidings"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
