#!/usr/bin/env python3
"""Checks that CTest runs every Catch2 test case, each exactly once.

Usage: check_test_count.py TEST_EXE BUILD_DIR

Compares the names `TEST_EXE --list-test-names-only` prints with the tests
labelled catch2 that `ctest --show-only=json-v1` lists for BUILD_DIR: the
two counts must be equal, every Catch2 name must be a CTest test, and each
CTest test must run TEST_EXE with `--warn NoTests`. Prints what differs and
exits 1, or prints the count and exits 0.
"""
import json
import subprocess
import sys


def main():
    exe, build = sys.argv[1:3]
    listed = subprocess.run([exe, "--list-test-names-only"],
                            stdout=subprocess.PIPE).stdout.decode("utf-8").splitlines()
    names = [n[1:-1] if n.startswith('"#') and n.endswith('"') else n for n in listed if n]
    shown = subprocess.run(["ctest", "--test-dir", build, "--show-only=json-v1"], check=True,
                           stdout=subprocess.PIPE).stdout.decode("utf-8")
    tests = json.loads(shown)["tests"]
    catch = {}
    for t in tests:
        labels = [p["value"] for p in t.get("properties", []) if p["name"] == "LABELS"]
        if labels and "catch2" in labels[0]:
            catch[t["name"]] = t.get("command", [])
    problems = []
    if len(catch) != len(names):
        problems.append(f"Catch2 lists {len(names)} test cases but CTest registers {len(catch)}")
    for n in names:
        if n not in catch:
            problems.append(f"Catch2 test case {n!r} is not a CTest test")
        elif "--warn" not in catch[n] or "NoTests" not in catch[n]:
            problems.append(f"CTest test {n!r} does not fail when it matches no test case")
    for p in problems:
        print("check_test_count: " + p, file=sys.stderr)
    if problems:
        return 1
    print(f"check_test_count: {len(names)} Catch2 test cases, {len(catch)} CTest tests")
    return 0


if __name__ == "__main__":
    sys.exit(main())
