#!/usr/bin/env python3
"""corpus-titles.py - compare `tidings parse` titles with the bench corpus.

  corpus-titles.py [--corpus DIR] [--bench DIR] [--tidings PATH] [--jobs N]

Parses every feed of a bench corpus (default /tmp/tidings-bench/corpus/s0)
with `tidings parse --base-url http://127.0.0.1:8080/<path>` and compares each
entry's title with the title the corpus generator wrote (regenerated from the
manifest's seed with the bench's gen-corpus.py), matching entries by link as
check-output.py does. Titles are compared after NFC and whitespace
normalisation, like check-output.py's "exact". Prints counts per encoding and
the first mismatches. Exit status 1 when any title differs.
"""
import argparse
import concurrent.futures
import importlib.util
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def load_generator(bench):
    sys.dont_write_bytecode = True
    spec = importlib.util.spec_from_file_location("gencorpus", os.path.join(bench, "gen-corpus.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def norm(s):
    return " ".join(unicodedata.normalize("NFC", s or "").split())


def link_key(link):
    link = (link or "").strip()
    m = re.match(r"^https?://(127\.0\.0\.1|localhost)(:\d+)?(/.*)$", link)
    return m.group(3) if m else link


def default_tidings():
    for p in (".build/release/tidings", ".build/debug/tidings", ".build-parse/release/tidings", ".build-parse/debug/tidings"):
        if os.path.exists(os.path.join(REPO, p)):
            return os.path.join(REPO, p)
    return "tidings"


def parse(tidings, corpus, path):
    out = subprocess.run([tidings, "parse", "--base-url", "http://127.0.0.1:8080/" + path, os.path.join(corpus, path)],
                         capture_output=True)
    if out.returncode != 0:
        return path, None, out.stderr.decode("utf-8", "replace").strip()
    return path, json.loads(out.stdout), None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="/tmp/tidings-bench/corpus/s0")
    ap.add_argument("--bench", default="/work/shared/bench")
    ap.add_argument("--tidings", default=default_tidings())
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--examples", type=int, default=10)
    a = ap.parse_args()

    gen = load_generator(a.bench)
    m = gen.load_manifest(a.corpus)
    params = gen.all_params(m)
    probes = gen.probe_feeds(params)
    expected = {}
    for p in params:
        probe = probes.get(p["id"])
        for j in range(0, m["totals"][p["id"]]):
            it = gen.make_item(m["seed"], p, j, probe if j == p["window"] - 1 else None)
            expected[link_key(it["link"])] = (p["id"], p["encoding"], it["title"])

    paths = ["feeds/%s.%s" % (p["id"], p["ext"]) for p in params]
    per_enc, bad, failures, unmatched = {}, [], [], 0
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        for path, feed, err in pool.map(lambda x: parse(a.tidings, a.corpus, x), paths):
            if feed is None:
                failures.append((path, err))
                continue
            for e in feed["entries"]:
                k = link_key(e["link"])
                if k not in expected:
                    unmatched += 1
                    continue
                fid, enc, title = expected[k]
                s = per_enc.setdefault(enc, {"compared": 0, "exact": 0})
                s["compared"] += 1
                if norm(e["title"]) == norm(title):
                    s["exact"] += 1
                else:
                    bad.append({"feed": path, "expected": title, "got": e["title"]})
    total = sum(s["compared"] for s in per_enc.values())
    exact = sum(s["exact"] for s in per_enc.values())
    print(json.dumps({"tidings": a.tidings, "feeds": len(paths), "parse_failures": len(failures),
                      "failure_examples": failures[:3], "entries_unmatched_by_link": unmatched,
                      "titles_compared": total, "titles_exact": exact, "titles_wrong": total - exact,
                      "by_encoding": per_enc, "wrong_examples": bad[:a.examples]},
                     ensure_ascii=False, indent=1))
    return 1 if bad or failures else 0


if __name__ == "__main__":
    sys.exit(main())
