#!/usr/bin/env python3
"""Reads an HTML page of the quotegraph reader (a file, or Chromium's
--dump-dom output) and prints, as one JSON object, what it highlights:
{"claims": {"<data-claim>": {"text", "speaker", "kind", "relation"}},
 "side": <number of items in the side list>}. The text of a claim is the
concatenated text content of every element carrying its data-claim (a
claim crossing another is split in fragments). Standard library only.
"""
import html.parser
import json
import sys


class Reader(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []    # (tag, claim id or None)
        self.claims = {}
        self.side = 0
        self.in_aside = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        claim = a.get("data-claim")
        if claim is not None:
            entry = self.claims.setdefault(claim, {"text": "", "speaker": a.get("data-speaker", ""),
                                                   "kind": a.get("data-kind", ""),
                                                   "relation": a.get("data-relation", "")})
        if tag == "aside":
            self.in_aside = True
        if tag == "li" and self.in_aside:
            self.side += 1
        if tag not in ("meta", "br", "img", "input", "link"):
            self.stack.append((tag, claim))

    def handle_endtag(self, tag):
        if tag == "aside":
            self.in_aside = False
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        for _, claim in self.stack:
            if claim is not None:
                self.claims[claim]["text"] += data


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        r = Reader()
        r.feed(f.read())
    print(json.dumps({"claims": r.claims, "side": r.side}, ensure_ascii=False))


if __name__ == "__main__":
    main()
