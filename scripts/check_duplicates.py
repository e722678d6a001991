#!/usr/bin/env python3
"""Fails when a block of six or more lines stands twice in src/ or tests/.

Lines are compared with their white space folded; blank lines, comment
lines, lone punctuation (braces, `});`), #include, using and namespace
lines are passed over,
as they say nothing on their own. Every window of MIN_LINES such lines is
hashed; a window seen in two places (in one file or two) is reported as
`file:line ~ file:line`, once per run of overlapping windows. Exit status 1
when any is found, 0 otherwise. Usage: check_duplicates.py [ROOT]
(default: the repository above this script); `--self-test` checks that a
planted duplicate is found.
"""
import pathlib
import re
import sys
import tempfile

MIN_LINES = 6
FOLDERS = ("src", "tests")
SUFFIXES = {".cpp", ".h", ".hpp", ".py"}
TRIVIAL = re.compile(r"^[\s{}()\[\];,]*$")


def significant_lines(path):
    """(line number, folded text) of the lines that count."""
    out = []
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return out
    for number, raw in enumerate(text.splitlines(), 1):
        line = " ".join(raw.split())
        if not line or TRIVIAL.match(line) or line.startswith(("//", "#", "*", "/*", "using ", "namespace ")):
            continue
        out.append((number, line))
    return out


def find_duplicates(root):
    seen = {}  # window text -> (file, first line)
    found = []
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in SUFFIXES or "data" in path.relative_to(root).parts:
                continue
            lines = significant_lines(path)
            last_reported = -10
            for i in range(len(lines) - MIN_LINES + 1):
                window = "\n".join(text for _, text in lines[i:i + MIN_LINES])
                here = (path.relative_to(root), lines[i][0])
                if window in seen:
                    if i > last_reported + 1:  # one report per run of windows
                        found.append((here, seen[window]))
                    last_reported = i
                else:
                    seen[window] = here
    return found


def self_test():
    block = "".join(f"int value_{k} = compute({k}) + offset;\n" for k in range(MIN_LINES))
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        (root / "src").mkdir()
        (root / "tests").mkdir()
        (root / "src" / "a.cpp").write_text("void f() {\n" + block + "}\n")
        (root / "tests" / "b.cpp").write_text("// other\n" + block)
        found = find_duplicates(root)
        if len(found) != 1:
            print(f"self-test: expected one duplicate, found {found}")
            return 1
        (root / "tests" / "b.cpp").write_text(block.replace("offset", "other"))
        if find_duplicates(root):
            print("self-test: different blocks reported as duplicates")
            return 1
    print("self-test: ok")
    return 0


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--self-test":
        return self_test()
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
    found = find_duplicates(root.resolve())
    for (file, line), (first_file, first_line) in found:
        print(f"{file}:{line} ~ {first_file}:{first_line}: {MIN_LINES} or more lines repeated")
    if found:
        print(f"{len(found)} repeated blocks: factor them into one function or helper")
        return 1
    print("no block of six or more lines repeated in " + ", ".join(FOLDERS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
