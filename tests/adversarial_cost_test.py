#!/usr/bin/env python3
"""Hang guard against quadratic cost (issue 11): runs `quotegraph extract`
on one document of every kind of scripts/make_adversarial.py (each a single
paragraph of SIZE bytes, with the paragraph limit raised) and fails when a
run uses more than GUARD seconds of CPU.

Usage: adversarial_cost_test.py QUOTEGRAPH_CLI MAKE_ADVERSARIAL SIZE GUARD

A linear run of every kind at 12 MB takes 2 to 9 s of CPU on the 2-core
development machine; a look-back over the whole document (one claim or
mention against every earlier one) takes minutes there, as main c42d084 did
(docs/PERFORMANCE_HISTORY.md, Stop 19). The guard is a limit on CPU time
(RLIMIT_CPU), not on the wall clock, so that a loaded machine does not trip
it (a run niced on a machine at load 8 took 15 times its CPU time on the
wall clock); a wall-clock limit of half an hour a kind stops a run that
hangs without computing. It is a hang guard, not a timing assertion: it is meant to sit
several times above the linear cost and several times below the quadratic
one. Prints the CPU seconds of each kind; exits 0, or 1 naming the kinds
that went past the guard or failed.
"""
import importlib.util
import os
import resource
import signal
import subprocess
import sys
import tempfile


def load_generator(path):
    spec = importlib.util.spec_from_file_location("make_adversarial", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


WALL_LIMIT_SECONDS = 1800


def run_guarded(cmd, guard):
    """(returncode, CPU seconds, timed out on the wall clock) of `cmd` with
    RLIMIT_CPU at `guard` seconds."""
    def limit():
        resource.setrlimit(resource.RLIMIT_CPU, (guard, guard + 5))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=limit)
    try:
        _, err = proc.communicate(timeout=WALL_LIMIT_SECONDS)
        timed_out = False
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        timed_out = True
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return proc.returncode, cpu, timed_out, err.decode("utf-8", "replace")


def main():
    if len(sys.argv) != 5:
        raise SystemExit(__doc__)
    cli, generator_path = sys.argv[1:3]
    generator = load_generator(generator_path)
    size, guard = generator.parse_size(sys.argv[3]), int(sys.argv[4])
    failures = []
    with tempfile.TemporaryDirectory(prefix="quotegraph_adversarial_") as work:
        for kind in generator.KINDS:
            doc = os.path.join(work, kind + ".txt")
            with open(doc, "wb") as f:
                f.write(generator.document(kind, size))
            claims = os.path.join(work, kind + ".jsonl")
            rc, cpu, timed_out, err = run_guarded(
                [cli, "extract", doc, "--claims", claims, "-q", "--max-paragraph-chars", "100000000"], guard)
            os.remove(doc)
            print(f"adversarial_cost_test: {kind}: {cpu:.2f} s of CPU, exit {rc}", flush=True)
            if timed_out:
                failures.append(f"{kind}: still running after {WALL_LIMIT_SECONDS} s on the wall clock")
            elif rc in (-signal.SIGXCPU, -signal.SIGKILL):
                failures.append(f"{kind}: stopped at the guard of {guard} s of CPU (quadratic cost?)")
            elif rc != 0:
                failures.append(f"{kind}: extract exits {rc}: {err[-500:]!r}")
            elif os.path.getsize(claims) == 0:
                failures.append(f"{kind}: no claim")
    if failures:
        print("\n".join("adversarial_cost_test: " + f for f in failures), file=sys.stderr)
        return 1
    print(f"adversarial_cost_test: {len(generator.KINDS)} kinds of {size:,} bytes, each under {guard} s of CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
