#!/usr/bin/env python3
"""Splits annotated articles into tests/data/corpus/tune and test, at random.

Usage: split_corpus.py INCOMING_DIR CORPUS_DIR PREFIX...

For each annotation batch (the file-name prefix of one annotator, such as
"a"), the batch's documents (NAME.txt with NAME.gold.json) are sorted by
name, shuffled with a fixed seed, and the first half (rounded up for even
batch index) goes to CORPUS_DIR/tune, the rest to CORPUS_DIR/test. The seed
is fixed so the split can be checked, and each batch is split before any
rule is written against it. Files are moved, never overwritten: an existing
destination is an error. Prints one line per document.
"""
import pathlib
import random
import shutil
import sys

SEED = 20261125


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    incoming, corpus = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    for prefix in sys.argv[3:]:
        names = sorted(p.stem for p in incoming.glob(prefix + "[0-9][0-9]_*.txt"))
        names = [n for n in names if (incoming / (n + ".gold.json")).exists()]
        if not names:
            print(f"{incoming}: no annotated documents with prefix {prefix!r}")
            return 1
        random.Random(f"{SEED}-{prefix}").shuffle(names)
        half = (len(names) + 1) // 2
        for i, name in enumerate(names):
            half_name = "tune" if i < half else "test"
            dest = corpus / half_name
            dest.mkdir(parents=True, exist_ok=True)
            for suffix in (".txt", ".gold.json"):
                target = dest / (name + suffix)
                if target.exists():
                    print(f"{target}: already exists")
                    return 1
                shutil.move(str(incoming / (name + suffix)), str(target))
            print(f"{half_name}\t{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
