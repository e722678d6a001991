#!/usr/bin/env python3
"""Registers every Catch2 test case of a test executable as one CTest test.

Usage: register_catch_tests.py EXE WORKDIR OUTPUT.cmake

Runs `EXE --list-test-names-only` and writes OUTPUT.cmake, which CTest
includes: one add_test() per test case. Names are written as CMake bracket
arguments, so any character (`;` included) reaches CTest intact, and each
test runs `EXE <spec> --warn NoTests`, where <spec> is the name with every
character that is not a letter or digit escaped with a backslash
(Catch2's test-spec escape), so `,`, `[`, `~`, `"` and `\\` match literally.
`--warn NoTests` makes Catch2 fail when the spec matches nothing, so a test
that does not run can never pass. Names that Catch2's spec syntax cannot
match exactly (leading or trailing white space, a `*` at either end, which
Catch2 always reads as a wildcard) are refused: the script prints them and
exits 1, which fails the build.
"""
import os
import subprocess
import sys


def bracket(text):
    """`text` as a CMake bracket argument that no character can end early."""
    level = 0
    while "]" + "=" * level + "]" in text:
        level += 1
    eq = "=" * level
    return "[" + eq + "[" + text + "]" + eq + "]"


def spec_of(name):
    # Spaces are escaped too: Catch2 drops an unescaped space that follows an
    # escaped character at the start of a spec ("\\~ a" would match "~a").
    return "".join(c if c.isalnum() else "\\" + c for c in name)


def list_names(exe):
    # Catch2 2.13 exits with the number of test cases listed: not an error.
    out = subprocess.run([exe, "--list-test-names-only"], stdout=subprocess.PIPE)
    if out.returncode < 0:
        raise SystemExit(f"register_catch_tests: {exe} died listing its tests")
    names = []
    for line in out.stdout.decode("utf-8").splitlines():
        if not line:
            continue
        # Catch2 2.13 quotes a name that starts with '#'.
        if line.startswith('"#') and line.endswith('"'):
            line = line[1:-1]
        names.append(line)
    return names


def main():
    exe, workdir, output = sys.argv[1:4]
    names = list_names(exe)
    bad = [n for n in names if n != n.strip() or n.startswith("*") or n.endswith("*")]
    if bad:
        for n in bad:
            print(f"register_catch_tests: test name {n!r} cannot be matched exactly by "
                  "Catch2 (white space or '*' at an end): rename it", file=sys.stderr)
        return 1
    lines = []
    for n in names:
        lines.append(f"add_test({bracket(n)} {bracket(exe)} {bracket(spec_of(n))} --warn NoTests)")
        lines.append(f"set_tests_properties({bracket(n)} PROPERTIES WORKING_DIRECTORY "
                     f"{bracket(workdir)} LABELS catch2)")
    with open(output + ".part", "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    # The .part file is ours, so replacing OUTPUT with it is safe.
    os.replace(output + ".part", output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
