#!/usr/bin/env python3
"""Every speaking noun of our own lexicons heads a speaker (issue 8).

Usage: speaking_nouns_frame_test.py QUOTEGRAPH_CLI DATA_DIR

Builds, for every person, group and organisation row of DATA_DIR/roles.tsv
and every row of DATA_DIR/speaking_nouns.tsv, the plainest frame of
indirect speech, « Le N a affirmé que la situation devenait intenable. »
(« La N » for a feminine role, « L'N » before a vowel or an h, « Les N ont
affirmé … » for a plural), one paragraph each, runs `extract --data
DATA_DIR` once over them all and checks that each frame's claim has a
speaker. A noun of our lexicons that cannot head the subject of « a
affirmé » is a hole of the tagger (a noun the dictionary reads as a
participle: enseignant), of the compound look-up (la haute autorité) or of
the noun-phrase reader (le metteur en scène). Prints each failure and exits
1, or prints the count and exits 0.
"""
import json
import os
import subprocess
import sys
import tempfile

FRAME_TAIL = " que la situation devenait intenable."

# Rows that are lexicon entries but no subject of « a affirmé » on their own,
# each with why; every other row must give a speaker.
ALLOWED = {
    # A noun of quantity, listed for « un grand nombre d'avocats », « la
    # plupart des experts » (the phrase after it names the source): alone
    # it names no one.
    "nombre": "quantity noun: un grand nombre de témoins",
    # Written with its periods in lower case, the abbreviation is cut at its
    # first period by the tokenizer; PDG, P-DG and « le président-directeur
    # général » head a speaker.
    "p.-d.g.": "abbreviation with inner periods",
}

VOWELS = "aâàeéèêëiîïoôuûùüyœh"


def read_rows(path):
    """The data rows of a TSV file of ours: lists of fields."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                rows.append(line.split("\t"))
    return rows


def frames_to_test(data_dir):
    """(noun, plural, feminine) for every row the frame must attribute."""
    out = []
    for f in read_rows(os.path.join(data_dir, "roles.tsv")):
        if f[1] in ("person", "group", "organization"):
            out.append((f[0], f[3] == "p", f[2] == "f"))
    for f in read_rows(os.path.join(data_dir, "speaking_nouns.tsv")):
        # The file lists singulars, and some plurals of groups (riverains,
        # journaux): a group noun ending in -s or -x is read as a plural.
        out.append((f[0], f[1] == "group" and f[0].split(" ")[0][-1] in "sx", False))
    return out


def frame(noun, plural, feminine):
    if plural:
        return "Les " + noun + " ont affirmé" + FRAME_TAIL
    if noun[0] in VOWELS:
        return "L'" + noun + " a affirmé" + FRAME_TAIL
    return ("La " if feminine else "Le ") + noun + " a affirmé" + FRAME_TAIL


def claims_by_sentence(cli, data_dir, sentences):
    """The claims of each sentence, one paragraph each, in one run of
    `extract`: a list per sentence of the claims whose start falls in it,
    with their offsets made relative to the sentence's start."""
    with tempfile.TemporaryDirectory() as tmp:
        text_path = os.path.join(tmp, "frames.txt")
        claims_path = os.path.join(tmp, "claims.jsonl")
        starts = []
        at = 0
        for s in sentences:
            starts.append(at)
            at += len(s) + 2  # code points: the paragraphs are joined by a blank line
        with open(text_path, "w", encoding="utf-8") as f:
            f.write("\n\n".join(sentences) + "\n")
        subprocess.run([cli, "extract", text_path, "--data", data_dir, "--claims", claims_path, "-q"],
                       check=True)
        with open(claims_path, encoding="utf-8") as f:
            claims = [json.loads(line) for line in f if line.strip()]
    found = [[] for _ in sentences]
    for c in claims:
        # The sentence holding the claim's start: starts are sorted.
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= c["start"]:
                lo = mid
            else:
                hi = mid - 1
        c["start"] -= starts[lo]
        c["end"] -= starts[lo]
        found[lo].append(c)
    return found


def speakers(cli, data_dir, sentences):
    """The speaker of the claim of each sentence (None when it has none)."""
    return [next((c["speaker"] for c in claims if c.get("speaker")), None)
            for claims in claims_by_sentence(cli, data_dir, sentences)]


def main():
    cli, data_dir = sys.argv[1:3]
    rows = frames_to_test(data_dir)
    sentences = [frame(*r) for r in rows]
    failures = []
    unused = set(ALLOWED)
    for (noun, _, _), sentence, speaker in zip(rows, sentences, speakers(cli, data_dir, sentences)):
        if speaker:
            continue
        if noun in ALLOWED:
            unused.discard(noun)
            continue
        failures.append(sentence)
    # An allowed exception that now gets a speaker, or left the data,
    # should leave the list too.
    return report(failures, sorted(unused), ("no speaker:", "allowed exception no longer needed:"),
                  f"{len(failures)} of {len(rows)} frames without a speaker, {len(unused)} stale exceptions",
                  f"{len(rows)} frames, each with a speaker ({len(ALLOWED)} allowed exceptions)")


def report(failures, stale, prefixes, failed_line, passed_line):
    """Prints each failure and stale exception; the exit status: 1 if any."""
    for f in failures:
        print(prefixes[0], f)
    for s in stale:
        print(prefixes[1], s)
    if failures or stale:
        print(failed_line)
        return 1
    print(passed_line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
