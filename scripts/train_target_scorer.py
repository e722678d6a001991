#!/usr/bin/env python3
"""Trains the learned target scorer (data/target_scorer.tsv) by logistic regression.

The binary, run with QUOTEGRAPH_TARGET_DUMP=1, adds every candidate target of
every claim (the entities its content or reporting sentence names that the
rules did not take) and writes one row of clues per candidate to stderr
(src/attribution/target_scorer.cpp). Each candidate's label is what `quotegraph
eval` says of it: a target of the paired gold quote, or a spurious one. The
figures of the rules alone come from a run without the scorer file.

Usage:
  python3 scripts/train_target_scorer.py BIN --folds DIR... [--extra DIR...]
      [--min-precision 0.75] [--out data/target_scorer.tsv]

Each --folds directory is held out in turn (trained on the others, scored on
it) to choose the threshold and report held-out figures; the weights written
are then trained once on every fold and --extra directory. Pure Python (no
numpy): Newton's method on the L2-penalised log-likelihood.
"""
import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

RIDGE = 1.0  # L2 penalty on the weights (not on the bias)
NEVER = 1000.0  # TargetScorer::kOff: the scorer is off, adds nothing
CURVE = (1.0, 0.5, 0.0, -0.5, -1.0, -1.5, -2.0)  # thresholds whose held-out figures are printed


def feature_names(data_dir):
    """The clue names, in the binary's order, from the scorer file's header."""
    for line in open(os.path.join(data_dir, 'target_scorer.tsv'), encoding='utf-8'):
        if line.startswith('# features:'):
            return line.split(':', 1)[1].split()
    sys.exit('target_scorer.tsv: no "# features:" line')


def run(binary, data_dir, gold, env_extra):
    """Claims (JSONL lines), stderr and eval report of BIN over GOLD."""
    env = dict(os.environ, QUOTEGRAPH_DATA=data_dir, **env_extra)
    with tempfile.NamedTemporaryFile('r', suffix='.jsonl') as claims:
        p = subprocess.run([binary, 'extract', gold, '--claims', claims.name, '-q'], env=env,
                           capture_output=True, text=True, check=True)
        lines = [json.loads(x) for x in open(claims.name, encoding='utf-8') if x.strip()]
        e = subprocess.run([binary, 'eval', '--gold', gold, '--claims', claims.name, '--json', '--errors'],
                           env=env, capture_output=True, text=True)
    return lines, p.stderr, json.loads(e.stdout)


def labelled_rows(binary, data_dir, gold, n_features):
    """The candidates of GOLD: (claim key, target name, features, label)."""
    claims, stderr, report = run(binary, data_dir, gold, {'QUOTEGRAPH_TARGET_DUMP': '1'})
    feats = {}
    for line in stderr.splitlines():
        f = line.split('\t')
        if f[0] != 'TGTCAND' or len(f) != 7 + n_features:
            continue
        feats[(os.path.basename(f[1]), int(f[2]), int(f[3]), int(f[4]), int(f[5]))] = [float(x) for x in f[7:]]
    spurious = {}
    for err in report['errors']:
        if err.get('system_start') is not None:
            key = (err['document'], err['system_start'], err['system_end'])
            spurious.setdefault(key, set()).update(err['spurious_targets'])
    rows = []
    for c in claims:
        if c['kind'] == 'act':
            continue
        key = (c['document'], c['start'], c['end'])
        for name, m in zip(c['targets'], c['target_mentions']):
            f = feats.get(key + (m['start'], m['end']))
            if f is not None:
                rows.append((key, name, f, 0 if name in spurious.get(key, ()) else 1))
    return rows


def base_counts(binary, bare_data, gold):
    """Target tp, fp, fn of the rules alone."""
    _, _, report = run(binary, bare_data, gold, {})
    return report['target_tp'], report['target_fp'], report['target_fn']


def solve(a, b):
    """x with a x = b, by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        for r in range(n):
            if r != col and m[col][col]:
                k = m[r][col] / m[col][col]
                m[r] = [x - k * y for x, y in zip(m[r], m[col])]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def train(rows, n_features, iterations=12):
    """Bias and weights of the logistic regression over `rows`."""
    d = n_features + 1
    w = [0.0] * d
    xs = [[1.0] + r[2] for r in rows]
    ys = [r[3] for r in rows]
    for _ in range(iterations):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for x, y in zip(xs, ys):
            z = sum(wi * xi for wi, xi in zip(w, x))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - y
            s = p * (1 - p)
            for i in range(d):
                if x[i]:
                    grad[i] += g * x[i]
                    sx = s * x[i]
                    hi = hess[i]
                    for j in range(d):
                        if x[j]:
                            hi[j] += sx * x[j]
        for i in range(1, d):
            grad[i] += RIDGE * w[i]
            hess[i][i] += RIDGE
        hess[0][0] += 1e-6
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
    return w[0], w[1:]


def score(model, f):
    bias, weights = model
    return bias + sum(w * x for w, x in zip(weights, f))


def figures(base, scored, threshold):
    """P, R, F1, tp, fp, fn once the candidates above `threshold` are added,
    each entity counted once per claim (as eval does)."""
    tp, fp, fn = base
    pos, neg = set(), set()
    for s, (key, name, _, label) in scored:
        if s > threshold:
            (pos if label else neg).add((key, name))
    tp, fp, fn = tp + len(pos), fp + len(neg), fn - len(pos)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), tp, fp, fn


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('binary')
    ap.add_argument('--folds', nargs='+', required=True)
    ap.add_argument('--extra', nargs='*', default=[])
    ap.add_argument('--data', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data'))
    ap.add_argument('--min-precision', type=float, default=0.75)
    ap.add_argument('--out', default=None)
    a = ap.parse_args()
    names = feature_names(a.data)
    with tempfile.TemporaryDirectory() as bare:
        shutil.copytree(a.data, bare, dirs_exist_ok=True)
        os.remove(os.path.join(bare, 'target_scorer.tsv'))
        rows = {d: labelled_rows(a.binary, bare, d, len(names)) for d in a.folds + a.extra}
        base = {d: base_counts(a.binary, bare, d) for d in a.folds + a.extra}
    held = {}
    for d in a.folds:
        model = train([r for o in a.folds if o != d for r in rows[o]], len(names))
        held[d] = [(score(model, r[2]), r) for r in rows[d]]
    pooled_base = tuple(sum(base[d][i] for d in a.folds) for i in range(3))
    pooled = [x for d in a.folds for x in held[d]]
    # The threshold of the best held-out F1 among those that keep the
    # precision; none when no threshold beats the rules alone (then the
    # scorer file's threshold is NEVER: it adds nothing).
    best = None
    rules_f1 = figures(pooled_base, pooled, NEVER)[2]
    for t in sorted({round(s, 3) for s, _ in pooled}):
        p, r, f1, *_ = figures(pooled_base, pooled, t)
        if p >= a.min_precision and f1 > rules_f1 and (best is None or f1 > best[1]):
            best = (t, f1)
    threshold = best[0] if best else NEVER
    print('held out, pooled, by threshold:')
    for t in CURVE:
        print('  %6.2f  P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)' % ((t,) + figures(pooled_base, pooled, t)))
    print('rules alone, then held out at threshold %.3f%s:' % (threshold, ' (none gains: adds nothing)' if best is None else ''))
    for d in a.folds + ['pooled']:
        b, s = (pooled_base, pooled) if d == 'pooled' else (base[d], held[d])
        print('  %-28s rules P %.3f R %.3f F1 %.3f | scorer P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)' %
              ((os.path.basename(d.rstrip('/')),) + figures(b, s, NEVER)[:3] + figures(b, s, threshold)))
    model = train([r for d in a.folds + a.extra for r in rows[d]], len(names))
    print('candidates %d, positive %d' % (sum(len(rows[d]) for d in rows),
                                          sum(r[3] for d in rows for r in rows[d])))
    out = open(a.out, 'w', encoding='utf-8') if a.out else sys.stdout
    header = [x for x in open(os.path.join(a.data, 'target_scorer.tsv'), encoding='utf-8') if x.startswith('#')]
    out.write(''.join(header))
    out.write('threshold\t%.4f\nbias\t%.4f\n' % (threshold, model[0]))
    for n, w in zip(names, model[1]):
        out.write('%s\t%.4f\n' % (n, w))


if __name__ == '__main__':
    main()
