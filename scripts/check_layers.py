#!/usr/bin/env python3
"""Checks that every pipeline stage includes only the stages below it.

The stages, lowest first, are the folders of include/quotegraph/ and src/:
a file of stage S may include quotegraph/<T>/... only when T comes before S
in STAGES (or T is S). quotegraph/status.h, the result and diagnostics
types, sits under every stage. Prints each violation as
file:line: message and exits 1 when there is one, 0 otherwise.
"""
import pathlib
import re
import sys

STAGES = ["text", "lexicon", "structure", "syntax", "quotes", "attribution",
          "entities", "pipeline", "graph", "export", "eval", "cli"]
INCLUDE = re.compile(r'^\s*#\s*include\s+"quotegraph/([a-z_]+)/')


def stage_of(path, root):
    rel = path.relative_to(root).parts
    if rel[0] == "include":
        return rel[2] if len(rel) > 3 else None
    return rel[1] if len(rel) > 2 else None


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    files = sorted(list((root / "include" / "quotegraph").rglob("*.h")) +
                   list((root / "src").rglob("*.h")) + list((root / "src").rglob("*.cpp")))
    problems = 0
    for f in files:
        stage = stage_of(f, root)
        if stage is None:
            continue
        if stage not in STAGES:
            print(f"{f}:1: folder '{stage}' is not a known stage {STAGES}")
            problems += 1
            continue
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            m = INCLUDE.match(line)
            if m and m.group(1) in STAGES and STAGES.index(m.group(1)) > STAGES.index(stage):
                print(f"{f}:{n}: stage '{stage}' includes the later stage '{m.group(1)}'")
                problems += 1
            elif m and m.group(1) not in STAGES:
                print(f"{f}:{n}: includes unknown stage '{m.group(1)}'")
                problems += 1
    if not files:
        print(f"{root}: no sources found")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
