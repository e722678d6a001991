#!/usr/bin/python3
"""Independent scorer for quote attribution, written from docs/GOLD_FORMAT.md.

    score_gold.py --gold DIR --claims FILE [--json]

DIR holds NAME.txt documents and their NAME.gold.json annotations; FILE is a
claims JSONL (one object per claim with document, start, end, kind, speaker,
targets). Prints the same figures as `quotegraph eval --json` under the same
keys, so the two implementations can be checked against each other. Python
3 standard library only.

Where GOLD_FORMAT.md leaves a choice open, this script decides as
include/quotegraph/evaluator.h documents:
  * spans pair only when they overlap by at least one code point;
  * strict pairs are matched one to one on their own, and a span that is
    empty once trimmed never pairs strictly;
  * a name may resolve to several entities; the speaker is right when any of
    them is accepted; the entity's name counts as one of its aliases;
  * a name that normalises to nothing is no name (no speaker, no target);
  * targets: gold targets reached by some system target are true positives;
    the other system targets are false positives, once per resolved entity
    set, or per normalised name when they resolve to nothing;
  * a ratio over zero is 1.0 when there was nothing to find and nothing was
    found, else 0.0; overall figures sum the counts of all documents.

Exit status: 0 ok, 1 bad gold or claims input (the valid rest is scored),
2 usage.
"""

import argparse
import json
import os
import sys
import unicodedata
from fractions import Fraction

KINDS = ("direct", "mixed", "indirect")
ENTITY_TYPES = ("person", "organization", "country", "group")
LEADING_WORDS = {"le", "la", "les", "l", "un", "une", "des", "du", "de",
                 "m", "mme", "mlle", "mm", "dr", "pr", "me", "mgr"}
HYPHENS = "-\u2010\u2011"
# Trimmed at both ends of a span before the strict comparison, with white space.
STRICT_TRIM = set("«»\"“”„‘’'.,;:!?…()[]-–—")
GOLD_SUFFIX = ".gold.json"


# ---------------------------------------------------------------- names

def _word_char(c):
    # Letters and decimal digits. U+02BC is a Unicode letter but serves as an
    # apostrophe in French text, and apostrophes separate words.
    if c == "\u02bc":
        return False
    cat = unicodedata.category(c)
    return cat.startswith("L") or cat == "Nd"


def normalize_name(name):
    """« M. Peskov » -> 'peskov'; see GOLD_FORMAT.md, "Names"."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    s = s.casefold()
    words, cur = [], []
    for i, c in enumerate(s):
        if _word_char(c):
            cur.append(c)
        elif (c in HYPHENS and 0 < i < len(s) - 1
              and _word_char(s[i - 1]) and _word_char(s[i + 1])):
            cur.append("-")
        elif cur:
            words.append("".join(cur))
            cur = []
    if cur:
        words.append("".join(cur))
    while words and words[0] in LEADING_WORDS:
        words.pop(0)
    return " ".join(words)


class Resolver:
    """Resolves names to the entity ids of one gold document."""

    def __init__(self, entities):
        self.forms = []  # (id, [normalised name and aliases])
        for e in entities:
            forms = [normalize_name(x) for x in [e["name"]] + list(e["aliases"])]
            self.forms.append((e["id"], [f for f in forms if f]))

    def resolve(self, norm):
        if not norm:
            return []
        exact = [eid for eid, forms in self.forms if norm in forms]
        if exact:
            return exact
        padded = " %s " % norm
        found = []
        for eid, forms in self.forms:
            lengths = [len(f) for f in forms
                       if len(f) >= 4 and (" %s " % f) in padded]
            if lengths:
                found.append((max(lengths), eid))
        if not found:
            return []
        best = max(n for n, _ in found)
        return [eid for n, eid in found if n == best]


# ---------------------------------------------------------------- input

def fail(errors, message):
    errors.append(message)


def load_gold(directory, errors):
    docs = []
    names = sorted(f for f in os.listdir(directory) if f.endswith(GOLD_SUFFIX))
    if not names:
        fail(errors, "%s: error: no NAME.gold.json file" % directory)
    for fname in names:
        gpath = os.path.join(directory, fname)
        tpath = os.path.join(directory, fname[: -len(GOLD_SUFFIX)] + ".txt")
        try:
            with open(tpath, encoding="utf-8", newline="") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as e:
            fail(errors, "%s: error: cannot read %s: %s" % (gpath, tpath, e))
            continue
        try:
            with open(gpath, encoding="utf-8") as f:
                gold = json.load(f)
        except json.JSONDecodeError as e:
            fail(errors, "%s:%d: error: bad JSON: %s" % (gpath, e.lineno, e.msg))
            continue
        except (OSError, UnicodeDecodeError) as e:
            fail(errors, "%s: error: %s" % (gpath, e))
            continue
        doc = check_gold(gpath, gold, text, errors)
        if doc is not None:
            doc["text"] = text
            docs.append(doc)
    return docs


def check_gold(gpath, gold, text, errors):
    before = len(errors)
    if not isinstance(gold, dict):
        fail(errors, "%s: error: not a JSON object" % gpath)
        return None
    for key in ("document", "entities", "quotes"):
        if key not in gold:
            fail(errors, "%s: error: missing field %r" % (gpath, key))
    if len(errors) > before:
        return None
    ids = set()
    for n, e in enumerate(gold["entities"], 1):
        for key in ("id", "name", "type", "aliases"):
            if key not in e:
                fail(errors, "%s: error: entity %d: missing field %r" % (gpath, n, key))
        if e.get("type") not in ENTITY_TYPES:
            fail(errors, "%s: error: entity %d: unknown type %r" % (gpath, n, e.get("type")))
        if e.get("id") in ids:
            fail(errors, "%s: error: entity %d: duplicate id %r" % (gpath, n, e.get("id")))
        ids.add(e.get("id"))
    for n, q in enumerate(gold["quotes"], 1):
        where = "%s: error: quote %d (%s-%s)" % (gpath, n, q.get("start"), q.get("end"))
        missing = [k for k in ("kind", "start", "end", "text", "speaker",
                               "speaker_also", "cue", "targets") if k not in q]
        if missing:
            fail(errors, "%s: missing fields %s" % (where, ", ".join(missing)))
            continue
        if q["kind"] not in KINDS:
            fail(errors, "%s: unknown kind %r" % (where, q["kind"]))
        s, e = q["start"], q["end"]
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            fail(errors, "%s: offsets out of range" % where)
        elif text[s:e] != q["text"]:
            fail(errors, "%s: text differs from the document" % where)
        for eid in ([q["speaker"]] if q["speaker"] is not None else []) \
                + list(q["speaker_also"]) + list(q["targets"]):
            if eid not in ids:
                fail(errors, "%s: unknown entity id %r" % (where, eid))
    if len(errors) > before:
        return None
    return gold


def load_claims(path, errors):
    claims = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                for key in ("start", "end"):
                    v = obj[key]
                    if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                        raise ValueError("%s is not a non-negative integer" % key)
                claim = {
                    "document": os.path.basename(obj["document"]),
                    "start": obj["start"],
                    "end": obj["end"],
                    "kind": obj["kind"],
                    "speaker": obj.get("speaker"),
                    "targets": [t for t in (obj.get("targets") or []) if isinstance(t, str)],
                }
                if claim["speaker"] is not None and not isinstance(claim["speaker"], str):
                    raise ValueError("speaker is not a string")
                if not isinstance(claim["kind"], str):
                    raise ValueError("kind is not a string")
            except (ValueError, KeyError, TypeError) as e:
                fail(errors, "%s:%d: error: bad claim: %s" % (path, lineno, e))
                continue
            claims.append(claim)
    return claims


# ---------------------------------------------------------------- scoring

def is_ws(c):
    return c.isspace() or c in "\u200b\ufeff"


def trim(text, start, end):
    n = len(text)
    s, e = min(max(start, 0), n), min(max(end, 0), n)
    e = max(e, s)
    while s < e and (text[s] in STRICT_TRIM or is_ws(text[s])):
        s += 1
    while e > s and (text[e - 1] in STRICT_TRIM or is_ws(text[e - 1])):
        e -= 1
    return s, e


def greedy(cands, n_gold, n_sys):
    """cands: (overlap, union, right, gi, si). One-to-one, best first."""
    order = sorted(cands, key=lambda c: (-Fraction(c[0], c[1]), not c[2], c[3], c[4]))
    g2s, used = [None] * n_gold, [False] * n_sys
    for _, _, _, gi, si in order:
        if g2s[gi] is None and not used[si]:
            g2s[gi], used[si] = si, True
    return g2s


def new_counts():
    return dict(gold=0, system=0, matched=0, strict_matched=0, speaker_right=0,
                target_tp=0, target_fp=0, target_fn=0)


def new_kind():
    return dict(gold=0, system=0, matched=0, system_matched=0,
                strict_matched=0, speaker_right=0)


def score_document(doc, claims, by_kind):
    text = doc["text"]
    res = Resolver(doc["entities"])
    gq = doc["quotes"]
    sysq = []
    for c in claims:
        snorm = normalize_name(c["speaker"]) if c["speaker"] else ""
        sysq.append(dict(claim=c, has_speaker=bool(snorm), speaker_ids=res.resolve(snorm),
                         targets=[t for t in (normalize_name(x) for x in c["targets"]) if t]))
    counts = new_counts()
    counts["gold"], counts["system"] = len(gq), len(sysq)

    def right(g, s):
        if g["speaker"] is None:
            return not s["has_speaker"]
        accepted = {g["speaker"]} | set(g["speaker_also"])
        return any(i in accepted for i in s["speaker_ids"])

    lenient, strict = [], []
    for gi, g in enumerate(gq):
        gs, ge = g["start"], g["end"]
        gt = trim(text, gs, ge)
        for si, s in enumerate(sysq):
            ss, se = s["claim"]["start"], s["claim"]["end"]
            glen, slen = ge - gs, max(0, se - ss)
            ov = max(0, min(ge, se) - max(gs, ss))
            cand = (ov, glen + slen - ov, right(g, s), gi, si)
            if ov > 0 and 2 * ov >= min(glen, slen):
                lenient.append(cand)
            if gt[0] < gt[1] and trim(text, ss, se) == gt:
                strict.append(cand)
    pairs = greedy(lenient, len(gq), len(sysq))
    spairs = greedy(strict, len(gq), len(sysq))

    paired = [False] * len(sysq)
    for gi, g in enumerate(gq):
        k = by_kind.setdefault(g["kind"], new_kind())
        k["gold"] += 1
        if spairs[gi] is not None:
            counts["strict_matched"] += 1
            k["strict_matched"] += 1
        si = pairs[gi]
        if si is None:
            continue
        paired[si] = True
        counts["matched"] += 1
        k["matched"] += 1
        by_kind.setdefault(sysq[si]["claim"]["kind"], new_kind())["system_matched"] += 1
        if right(g, sysq[si]):
            counts["speaker_right"] += 1
            k["speaker_right"] += 1
    for s in sysq:
        by_kind.setdefault(s["claim"]["kind"], new_kind())["system"] += 1

    def targets(gold_targets, s):
        wanted = set(gold_targets)
        found, wrong = set(), set()
        for norm in (s["targets"] if s else []):
            ids = res.resolve(norm)
            hits = wanted.intersection(ids)
            if hits:
                found |= hits
            elif ids:
                wrong.add(("entities",) + tuple(sorted(ids)))
            else:
                wrong.add(("name", norm))
        counts["target_tp"] += len(found)
        counts["target_fp"] += len(wrong)
        counts["target_fn"] += len(wanted - found)

    for gi, g in enumerate(gq):
        targets(g["targets"], sysq[pairs[gi]] if pairs[gi] is not None else None)
    for si, s in enumerate(sysq):
        if not paired[si]:
            targets([], s)
    return counts


def ratio(num, den, vacuous):
    if den == 0:
        return 1.0 if vacuous else 0.0
    return num / den


def f1(p, r):
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def figures(c):
    none = c["gold"] == 0 and c["system"] == 0
    out = {}
    out["detection_p"] = ratio(c["matched"], c["system"], none)
    out["detection_r"] = ratio(c["matched"], c["gold"], none)
    out["detection_f1"] = f1(out["detection_p"], out["detection_r"])
    out["strict_p"] = ratio(c["strict_matched"], c["system"], none)
    out["strict_r"] = ratio(c["strict_matched"], c["gold"], none)
    out["strict_f1"] = f1(out["strict_p"], out["strict_r"])
    out["speaker_accuracy"] = ratio(c["speaker_right"], c["matched"], none)
    out["attribution_p"] = ratio(c["speaker_right"], c["system"], none)
    out["attribution_r"] = ratio(c["speaker_right"], c["gold"], none)
    out["attribution_f1"] = f1(out["attribution_p"], out["attribution_r"])
    no_targets = c["target_tp"] + c["target_fp"] + c["target_fn"] == 0
    out["target_p"] = ratio(c["target_tp"], c["target_tp"] + c["target_fp"], no_targets)
    out["target_r"] = ratio(c["target_tp"], c["target_tp"] + c["target_fn"], no_targets)
    out["target_f1"] = f1(out["target_p"], out["target_r"])
    return out


def score(docs, claims):
    by_doc = {d["document"]: [] for d in docs}
    act = without_gold = 0
    unknown = set()
    for c in claims:
        if c["kind"] == "act":
            act += 1
        elif c["document"] in by_doc:
            by_doc[c["document"]].append(c)
        else:
            without_gold += 1
            unknown.add(c["document"])
    total, by_kind, documents = new_counts(), {}, []
    for d in docs:
        c = score_document(d, by_doc[d["document"]], by_kind)
        for k in total:
            total[k] += c[k]
        row = {"document": d["document"]}
        row.update(c)
        row.update(figures(c))
        documents.append(row)
    report = figures(total)
    report.update(total)
    report["act_claims"] = act
    report["claims_without_gold"] = without_gold
    report["documents_without_gold"] = sorted(unknown)
    report["recall_by_kind"] = {k: v["matched"] / v["gold"]
                                for k, v in sorted(by_kind.items()) if v["gold"] > 0}
    kinds = {}
    for k, v in sorted(by_kind.items()):
        none = v["gold"] == 0 and v["system"] == 0
        p = ratio(v["system_matched"], v["system"], none)
        r = ratio(v["matched"], v["gold"], none)
        entry = dict(v)
        entry.update(precision=p, recall=r, f1=f1(p, r),
                     strict_recall=ratio(v["strict_matched"], v["gold"], none),
                     speaker_accuracy=ratio(v["speaker_right"], v["matched"], none),
                     attribution_recall=ratio(v["speaker_right"], v["gold"], none))
        kinds[k] = entry
    report["by_kind"] = kinds
    report["documents"] = documents
    return report


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", required=True, help="directory of NAME.txt + NAME.gold.json")
    ap.add_argument("--claims", required=True, help="claims JSONL")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    if not os.path.isdir(args.gold):
        ap.error("--gold %s: not a directory" % args.gold)
    errors = []
    docs = load_gold(args.gold, errors)
    try:
        claims = load_claims(args.claims, errors)
    except OSError as e:
        print("%s: error: %s" % (args.claims, e), file=sys.stderr)
        return 1
    for e in errors:
        print(e, file=sys.stderr)
    report = score(docs, claims)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for key in ("detection_p", "detection_r", "detection_f1", "strict_p", "strict_r",
                    "strict_f1", "speaker_accuracy", "attribution_p", "attribution_r",
                    "attribution_f1", "target_p", "target_r", "target_f1"):
            print("%-18s %.3f" % (key, report[key]))
        for k, v in report["recall_by_kind"].items():
            print("recall %-11s %.3f" % (k, v))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
