#!/usr/bin/env python3
"""Checks that no French word list is written in the C++ sources (issue 9).

French words the rules need belong in data/words.tsv (read through
WordClasses) or in the other lexicons of data/, not in string literals.
This script reads every string literal of src/**/*.cpp, src/**/*.h and
include/**/*.h and reports, as file:line: message, each one that is a short
run of lower-case French words: one to four words of at least two letters,
each an entry of the lexicons in data/ (words.tsv, judgements.tsv and the
first column of roles.tsv and of the verb and nationality lists), or a word
with a French accent of the French Hunspell dictionary
(/usr/share/hunspell/fr_FR.dic or fr.dic; without it, any word with a
French accent). Technical English that French happens to share (document,
source, type) is no entry of these lexicons, so it passes. Exits 1 when it
reports something, 0 otherwise.

ALLOWED lists the literals that are French words by accident but no word
list: JSON keys, format and option names, and spellings that are rules of
transliteration rather than words.

Usage: check_french_words.py [SOURCE_ROOT]
       check_french_words.py --self-test [SOURCE_ROOT]
"""
import pathlib
import re
import sys
import tempfile
import unicodedata

DICTIONARIES = ["/usr/share/hunspell/fr_FR.dic", "/usr/share/hunspell/fr.dic"]

# Paths (relative to the source root, prefixes) not checked yet.
EXCLUDED = []

# Literals that are no word list: keys of the JSON, GraphML and GEXF formats
# and command-line words, in any file.
ALLOWED_ANYWHERE = {"document", "documents", "source", "start", "files", "--force", "--version"}

# Literals that are no word list, by file and literal.
ALLOWED = {
    # Transliteration spellings of single sounds (Poutine, Iouri).
    ("src/entities/entities.cpp", "ou"),
    # Class names of words.tsv (the file format), not the words themselves.
    ("src/lexicon/word_classes.cpp", "aux"),
    ("src/lexicon/word_classes.cpp", "leader"),
    ("src/lexicon/word_classes.cpp", "article"),
    # The lemma notation of the verb lists: "se " or "s'" marks a pronominal
    # verb, "en" and "y" the clitics of s'en prendre, s'y opposer.
    ("src/lexicon/lexicon.cpp", "se"),
    ("src/lexicon/lexicon.cpp", "s'"),
    ("src/lexicon/lexicon.cpp", "en"),
    ("src/lexicon/dialogue_verbs.cpp", "se"),
    ("src/lexicon/dialogue_verbs.cpp", "s'"),
    # Suffixes tested at the end of a word: -ment of manner adverbs, -ai of
    # the first person of the passé simple (dis-je: répondis, but pensai).
    ("src/attribution/target_judgement.cpp", "ment"),
    ("src/attribution/attribution_tokens.cpp", "ment"),
    ("src/quotes/dialogue.cpp", "ment"),
    ("src/quotes/dialogue.cpp", "ai"),
    # The paradigm names of irregular_verbs.tsv's third column (the file
    # format: "second" for the second group), not the ordinal of words.tsv.
    ("src/lexicon/morphology.cpp", "second"),
    # The plural ending -aux of nouns in -al (tribunaux: tribunal), tested at
    # the end of a word to find its singular.
    ("src/lexicon/gazetteer.cpp", "aux"),
}

# Lists written in C++ on purpose, by file and the name of the array that
# holds them (the literals of its initialiser are skipped), with the reason.
KEPT_LISTS = {
    # The leading words that normalize_name drops are part of the gold
    # format (docs/GOLD_FORMAT.md) and mirrored by scripts/score_gold.py:
    # scores must not move when data/words.tsv is tuned.
    ("src/eval/evaluator.cpp", "kWords"),
    # Infinitive endings and the noun suffixes that look like them, read
    # only without a dictionary of infinitives: rules of morphology.
    ("src/attribution/attribution_tokens.cpp", "kInfinitiveEndings"),
    ("src/attribution/attribution_tokens.cpp", "kNounEndingsLikeInfinitives"),
    # Conjugation endings: rules of the morphology, not words (ait is also
    # a word of words.tsv's pair « y ait »).
    ("src/lexicon/morphology.cpp", "kImperfectEndings"),
    ("src/lexicon/morphology.cpp", "kFutureEndings"),
    ("src/lexicon/morphology.cpp", "kPastA"),
    ("src/lexicon/morphology.cpp", "kMuteEndings"),
    # The frame names of speech_verbs.tsv's second column (the file format).
    ("src/lexicon/lexicon.cpp", "kFrameNames"),
}

# An ending appended to a stem or tested at the end of a word (stem + "es",
# ends("eux"), ends_with("en")): a rule of inflection, not a word.
ENDING = re.compile(r'(?:\+\s*|\bends(?:_with)?\(\s*)(?:u8|[uUL])?"$')

STRING = re.compile(r'(?:u8|[uUL])?"((?:\\.|[^"\\])*)"')
WORD = re.compile(r"[a-zàâäçéèêëîïôöùûüÿœæ]+(?:['’][a-zàâäçéèêëîïôöùûüÿœæ]*)?|[a-zàâäçéèêëîïôöùûüÿœæ]+")


def strip_accents(word):
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


# data/ files and the column holding their French words.
LEXICONS = [("words.tsv", 1), ("judgements.tsv", 1), ("roles.tsv", 0), ("speech_verbs.tsv", 0),
            ("dialogue_verbs.tsv", 0), ("irregular_verbs.tsv", 0), ("nationalities.tsv", 0)]
ACCENT = re.compile(r"[àâäçéèêëîïôöùûüÿœæ]")


def load_dictionary(root):
    """The French words of data/'s lexicons and the accented words of Hunspell's, or None
    when data/ holds none of the lexicons (then only the accent rule applies)."""
    words = set()
    for name, column in LEXICONS:
        try:
            lines = (root / "data" / name).read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        for line in lines:
            fields = line.split("\t")
            if line.startswith("#") or len(fields) <= column:
                continue
            for word in re.split(r"[\s-]+", fields[column].lower().replace("’", "'")):
                if word:
                    words.add(word)
                    words.update(w + "'" for w in re.findall(r"^([a-z]+)'", word))
    for path in DICTIONARIES:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                entries = f.read().splitlines()
        except OSError:
            continue
        for line in entries[1:]:
            entry = re.split(r"[/\s]", line, maxsplit=1)[0]
            if entry == entry.lower() and ACCENT.search(entry):
                words.add(entry)
        break
    return words or None


def is_french_word(word, dictionary):
    if len(word) < 2:
        return False
    if dictionary is None:
        return bool(ACCENT.search(word))
    if word in dictionary:
        return True
    return len(word) > 3 and word[-1] in "sx" and word[:-1] in dictionary


def french_literal(text, dictionary):
    """True when `text` (a literal's content) reads as 1-4 lower-case French words."""
    text = text.replace("\\'", "'").strip()
    if not re.search(r"[^\W\d_]", text) or text != text.lower() or len(text) > 60:
        return False
    if re.search(r"\\[xuUn0-7]", text) or re.search(r"[^\w\s'’.-]", text):
        return False
    parts = text.replace("-", " ").replace(".", " ").split()
    if not 1 <= len(parts) <= 4:
        return False
    for part in parts:
        for word in re.findall(r"[^'’]+['’]?", part):
            word = word.replace("’", "'")
            if not WORD.fullmatch(word) or not is_french_word(word, dictionary):
                return False
    return True


def code_lines(text):
    """The lines of a C++ file with comments blanked out, keeping literals."""
    out, in_block = [], False
    for line in text.splitlines():
        kept, i = [], 0
        while i < len(line):
            if in_block:
                end = line.find("*/", i)
                if end < 0:
                    i = len(line)
                    continue
                in_block, i = False, end + 2
                continue
            m = STRING.match(line, i)
            if m:
                kept.append(m.group(0))
                i = m.end()
            elif line.startswith("//", i):
                break
            elif line.startswith("/*", i):
                in_block, i = True, i + 2
            elif line[i] == "'" and i + 2 < len(line) and line.find("'", i + 1) >= 0:
                close = line.find("'", i + 2 if line[i + 1] == "\\" else i + 1)
                kept.append(" ")
                i = close + 1 if close >= 0 else len(line)
            else:
                kept.append(line[i])
                i += 1
        out.append("".join(kept))
    return out


def check(root, dictionary):
    files = sorted(list((root / "src").rglob("*.cpp")) + list((root / "src").rglob("*.h")) +
                   list((root / "include").rglob("*.h")))
    problems = []
    for f in files:
        rel = f.relative_to(root).as_posix()
        if any(rel.startswith(prefix) for prefix in EXCLUDED):
            continue
        kept = [name for path, name in KEPT_LISTS if path == rel]
        in_kept_list = False
        for n, line in enumerate(code_lines(f.read_text(encoding="utf-8")), 1):
            if any(re.search(r"\b" + name + r"\b[^;]*=\s*\{", line) for name in kept):
                in_kept_list = True
            if in_kept_list:
                in_kept_list = "};" not in line
                continue
            if line.lstrip().startswith("#include"):
                continue
            for m in STRING.finditer(line):
                literal = m.group(1)
                if ENDING.search(line[:m.start() + (m.group(0).index('"') + 1)]):
                    continue
                if (literal.strip() in ALLOWED_ANYWHERE or (rel, literal.strip()) in ALLOWED or
                        not french_literal(literal, dictionary)):
                    continue
                problems.append(f"{rel}:{n}: French word list in C++: \"{literal}\" "
                                "(move it to a data/words.tsv class)")
    return files, problems


def self_test(dictionary):
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        (root / "src" / "text").mkdir(parents=True)
        (root / "include").mkdir()
        (root / "src" / "text" / "planted.cpp").write_text(
            '// "le" in a comment is fine\n'
            'const char* kKey = "detection_p";\n'
            'bool det(std::string_view w) { return w == "la" || w == "cette"; }\n',
            encoding="utf-8")
        _, problems = check(root, dictionary)
    if len(problems) == 2 and all(p.startswith("src/text/planted.cpp:3:") for p in problems):
        print("self-test passed: the planted word list was found, the key and the comment were not")
        return 0
    print("self-test failed:", problems)
    return 1


def main():
    self_testing = len(sys.argv) > 1 and sys.argv[1] == "--self-test"
    root = pathlib.Path(sys.argv[2 if self_testing else 1] if len(sys.argv) > 1 + self_testing else ".").resolve()
    dictionary = load_dictionary(root)
    if self_testing:
        return self_test(dictionary)
    files, problems = check(root, dictionary)
    if not files:
        print(f"{root}: no sources found")
        return 1
    for p in problems:
        print(p)
    if dictionary is None:
        print("note: no lexicon found in data/; only words with a French accent were looked for")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
