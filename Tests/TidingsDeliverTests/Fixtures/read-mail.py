#!/usr/bin/env python3
"""Reads messages with Python's email package (a real MIME parser) and prints a JSON summary.

Usage: read-mail.py FILE        -> one summary object
       read-mail.py MAILDIR     -> {"new": [...], "cur": [...], "tmp": [names]} (summaries sorted by file name)

A summary holds the decoded headers (policy.default decodes RFC 2047 and unfolds), the parts
with their content type, charset, transfer encoding and decoded text, every defect Python found,
and the longest raw line, so the Swift tests can assert on what a mail reader would see.
"""
import email
import email.policy
import json
import os
import sys


def summarize(raw):
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    defects = [repr(d) for d in msg.defects]
    headers = []
    for name, value in msg.items():
        headers.append([name, str(value)])
        defects.extend(repr(d) for d in getattr(value, "defects", []))
    parts = []
    for part in msg.walk():
        defects.extend(repr(d) for d in part.defects)
        if part.is_multipart():
            continue
        parts.append({
            "type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "encoding": part.get("Content-Transfer-Encoding"),
            "text": part.get_content(),
        })
    lines = raw.split(b"\n")
    return {
        "headers": headers,
        "contentType": msg.get_content_type(),
        "boundary": msg.get_boundary(),
        "parts": parts,
        "defects": defects,
        "longestLine": max(len(line) for line in lines),
        "hasCR": b"\r" in raw,
    }


def read(path):
    with open(path, "rb") as f:
        return summarize(f.read())


def main():
    path = sys.argv[1]
    if os.path.isdir(path):
        out = {}
        for sub in ("new", "cur"):
            names = sorted(os.listdir(os.path.join(path, sub)))
            out[sub] = [dict(read(os.path.join(path, sub, n)), file=n) for n in names]
        out["tmp"] = sorted(os.listdir(os.path.join(path, "tmp")))
    else:
        out = read(path)
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
