#!/usr/bin/env python3
"""Prints the README's accuracy table: one column per gold set.

Usage: accuracy_table.py [BINARY]   (default build/quotegraph)

Runs `quotegraph eval --gold DIR --json` on seeds/, tests/data/dev,
tests/data/corpus/tune, tests/data/corpus/test and ../shared/litbank (when
present) and prints a Markdown table of detection P/R/F1, strict F1,
speaker accuracy, attribution F1, target P/R/F1 and recall by kind.
"""
import json
import os
import subprocess
import sys

SETS = [("seeds", "seeds"), ("dev", "tests/data/dev"), ("corpus tune", "tests/data/corpus/tune"),
        ("corpus test", "tests/data/corpus/test"), ("litbank", "../shared/litbank")]


def figures(binary, folder):
    out = subprocess.run([binary, "eval", "--gold", folder, "--json"], capture_output=True, text=True)
    if out.returncode not in (0, 1) or not out.stdout.strip():
        return None
    return json.loads(out.stdout)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "build/quotegraph"
    cols = [(name, figures(binary, folder)) for name, folder in SETS if os.path.isdir(folder)]
    cols = [(n, f) for n, f in cols if f]
    def fmt(v):
        return "%.3f" % v if isinstance(v, (int, float)) else "–"
    def row(label, fn):
        print("| %s | %s |" % (label, " | ".join(fn(f) for _, f in cols)))
    print("| figure | %s |" % " | ".join(n for n, _ in cols))
    print("| --- |%s" % (" --- |" * len(cols)))
    row("gold quotes", lambda f: "%d" % f.get("gold", 0))
    row("detection P / R / F1", lambda f: " / ".join(fmt(f.get(k)) for k in
                                                     ("detection_p", "detection_r", "detection_f1")))
    row("strict F1", lambda f: fmt(f.get("strict_f1")))
    row("speaker accuracy", lambda f: fmt(f.get("speaker_accuracy")))
    row("attribution F1", lambda f: fmt(f.get("attribution_f1")))
    row("target P / R / F1", lambda f: " / ".join(fmt(f.get(k)) for k in
                                                  ("target_p", "target_r", "target_f1")))
    def by_kind(f):
        r = f.get("recall_by_kind", {})
        return " / ".join(fmt(r[k]) if k in r else "–" for k in ("direct", "indirect", "mixed"))
    row("recall d / i / m", by_kind)
    return 0


if __name__ == "__main__":
    sys.exit(main())
