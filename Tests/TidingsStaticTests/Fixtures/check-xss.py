#!/usr/bin/env python3
"""Reads every page and feed of a static site with real parsers (html.parser, ElementTree,
json) and prints one line per thing that could run script: a script/object/form element, an
on* handler, a style attribute, a javascript:/vbscript:/data: URL (data: images excepted),
an iframe from a host that is not a known video player, more than one <style>. Exit 1 if any."""
import json, os, re, sys
from html.parser import HTMLParser
from urllib.parse import urlsplit
import xml.etree.ElementTree as ET

FORBIDDEN = {"script", "object", "embed", "applet", "form", "input", "button", "textarea", "select",
             "base", "frame", "frameset", "svg", "math", "template", "noscript"}
URL_ATTRS = {"href", "src", "poster", "action", "formaction", "xlink:href", "data", "srcset", "cite", "background"}
EMBED_HOSTS = {"youtube.com", "www.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com", "player.vimeo.com"}
PAGE_META = {"viewport", "color-scheme", "referrer", "generator"}

def bad_url(tag, attr, value):
    compact = re.sub(r"[\x00-\x20]", "", value).lower()
    if attr == "srcset":
        return any(bad_url(tag, "src", part.strip().split(" ")[0]) for part in value.split(","))
    if compact.startswith(("javascript:", "vbscript:", "livescript:")):
        return True
    if compact.startswith("data:"):
        return not (tag == "img" and attr == "src" and re.match(r"data:image/(png|gif|jpeg|webp|avif)", compact))
    return False

class Checker(HTMLParser):
    def __init__(self, where, page):
        super().__init__(convert_charrefs=True)
        self.where, self.page, self.problems, self.styles = where, page, [], 0
    def handle_starttag(self, tag, attrs):
        self.check(tag, attrs)
    def handle_startendtag(self, tag, attrs):
        self.check(tag, attrs)
    def check(self, tag, attrs):
        say = lambda what: self.problems.append(f"{self.where}: <{tag}> {what}")
        if tag in FORBIDDEN:
            say("element not allowed")
        if tag == "style":
            self.styles += 1
            if not self.page or self.styles > 1:
                say("style element from content")
        if tag == "meta":
            names = dict(attrs)
            if not (self.page and ("charset" in names or names.get("name") in PAGE_META
                                   or names.get("http-equiv") == "Content-Security-Policy")):
                say("meta not allowed")
        if tag == "link" and not (self.page and dict(attrs).get("rel") == "alternate"):
            say("link element not allowed")
        for name, value in attrs:
            if name.startswith("on"):
                say(f"event handler {name}")
            if name == "style":
                say("style attribute")
            if name in URL_ATTRS and value is not None and bad_url(tag, name, value):
                say(f"{name}={value!r}")
        if tag == "iframe":
            src = dict(attrs).get("src") or ""
            if urlsplit(src).hostname not in EMBED_HOSTS:
                say(f"iframe from {src!r}")

def check_html(where, text, page):
    checker = Checker(where, page)
    checker.feed(text)
    checker.close()
    return checker.problems

def check_url(where, value):
    return [f"{where}: url {value!r}"] if value and bad_url("a", "href", value) else []

def main(root):
    problems = []
    for directory, _, files in os.walk(root):
        for name in files:
            path = os.path.join(directory, name)
            where = os.path.relpath(path, root)
            text = open(path, encoding="utf-8").read()
            if re.search(r"javascript:", text, re.I):
                problems.append(f"{where}: contains 'javascript:'")
            if name.endswith(".html"):
                problems += check_html(where, text, page=True)
            elif name.endswith(".xml"):
                ns = {"a": "http://www.w3.org/2005/Atom"}
                tree = ET.fromstring(text.encode("utf-8"))
                for element in tree.iter():
                    # type="text" is shown as text by every reader; type="html" is markup.
                    if (element.tag.endswith("}content") or element.tag.endswith("}summary")) \
                            and element.get("type") in ("html", "xhtml"):
                        problems += check_html(where, element.text or "", page=False)
                    if element.tag.endswith("}link"):
                        problems += check_url(where, element.get("href"))
            elif name.endswith(".json"):
                feed = json.load(open(path, encoding="utf-8"))
                for item in feed.get("items", []):
                    problems += check_html(where, item.get("content_html", ""), page=False)
                    problems += check_url(where, item.get("url"))
    for problem in problems:
        print(problem)
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
