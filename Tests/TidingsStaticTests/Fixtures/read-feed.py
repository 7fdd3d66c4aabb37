#!/usr/bin/env python3
"""Prints what Python's feedparser reads from an Atom/RSS file (or, for .json, what the
json module reads from a JSON Feed: feedparser 6.0 has no JSON Feed support) as JSON:
{"bozo": bool, "title": str, "entries": [{"id", "title", "link", "published", "updated"}]}."""
import json, sys, time, calendar

def stamp(struct):
    return None if struct is None else time.strftime("%Y-%m-%dT%H:%M:%SZ", struct)

path = sys.argv[1]
if path.endswith(".json"):
    feed = json.load(open(path, encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    out = {"bozo": False, "title": feed["title"], "entries": [
        {"id": i["id"], "title": i.get("title"), "link": i.get("url"),
         "published": i.get("date_published"), "updated": i.get("date_modified")} for i in feed["items"]]}
else:
    import feedparser
    d = feedparser.parse(path)
    out = {"bozo": bool(d.bozo), "title": d.feed.get("title"), "entries": [
        {"id": e.get("id"), "title": e.get("title"), "link": e.get("link"),
         "published": stamp(e.get("published_parsed")), "updated": stamp(e.get("updated_parsed"))} for e in d.entries]}
    if d.bozo:
        out["error"] = str(d.bozo_exception)
print(json.dumps(out, ensure_ascii=False))
