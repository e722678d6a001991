#!/usr/bin/env python3
"""Splits the fr-litbank quotation set (../shared/litbank: NAME.txt and
NAME.gold.json for nine public-domain French novels) into the tune and test
halves the dialogue rules were developed with: the sorted names are
shuffled with random.Random(2024) and the first five are the tune half, the
other four the test half. The split was drawn once, before any error of
either half was read; rules were written against tune only, and only the
aggregate figures of test were looked at.

    scripts/litbank_split.py ../shared/litbank /tmp/litbank
    quotegraph eval --gold /tmp/litbank/tune --errors
    quotegraph eval --gold /tmp/litbank/test

Copies the files (the corpus keeps its CC BY-SA 4.0 licence) into OUT/tune
and OUT/test, creating them; exits 1 when LITBANK has no gold file."""
import glob
import os
import random
import shutil
import sys

SEED = 2024
TUNE_SIZE = 5


def split(names):
    names = sorted(names)
    random.Random(SEED).shuffle(names)
    return sorted(names[:TUNE_SIZE]), sorted(names[TUNE_SIZE:])


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    litbank, out = argv[1], argv[2]
    names = [os.path.basename(p)[: -len(".gold.json")] for p in glob.glob(os.path.join(litbank, "*.gold.json"))]
    if not names:
        print(f"{litbank}: no NAME.gold.json file", file=sys.stderr)
        return 1
    for half, members in zip(("tune", "test"), split(names)):
        folder = os.path.join(out, half)
        os.makedirs(folder, exist_ok=True)
        for name in members:
            for ext in (".txt", ".gold.json"):
                shutil.copyfile(os.path.join(litbank, name + ext), os.path.join(folder, name + ext))
        print(f"{half}: {' '.join(members)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
