#!/usr/bin/env python3
"""Scores a rule directory per gold file AND per group of units inside each
file (ICAT dev: the introduction, each agency's mandate chapter, each gap
analysis/recommendations chapter; the other files as one group), so that a
rule change can be checked for how it moves figures on the parts it was NOT
written for (held-out discipline, docs/accuracy.md).

Usage: bench/eval-groups.py [RULES] [--gapmap PATH] [--groups] [--save F] [--compare F]
Alignment as in FORMATS.md (innermost tagged unit containing line_start).
Figures: stance accuracy, 4P and type micro-F1 over gold content units."""
import argparse, json, os, subprocess, sys, glob

from gold_align import align

ap = argparse.ArgumentParser()
ap.add_argument('rules', nargs='?', default='rules')
ap.add_argument('--gapmap', default='build/cli/gapmap')
ap.add_argument('--groups', action='store_true', help='also print per-chapter groups of ICAT')
ap.add_argument('--save', help='write the figures as JSON to this file')
ap.add_argument('--compare', help='print differences against figures saved with --save')
a = ap.parse_args()
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
shared = os.environ.get('SHARED_DIR', '../shared')

def tag(src):
    out = subprocess.run([a.gapmap, 'tag', '-q', '--no-evidence', '--rules', a.rules,
                          '--manifest', 'corpus/manifest.yaml', src],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(l) for l in out.splitlines()]

class Acc:
    def __init__(s): s.n = s.ok = 0; s.c = {'fourp': [0, 0, 0], 'rectype': [0, 0, 0]}
    def add(s, g, t):
        s.n += 1; s.ok += (t is not None and g['stance'] == t['stance'])
        for d in s.c:
            gs, ts = set(g[d]), set(t[d] if t else [])
            s.c[d][0] += len(gs & ts); s.c[d][1] += len(ts - gs); s.c[d][2] += len(gs - ts)
    def f1(s, d):
        tp, fp, fn = s.c[d]
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
    def row(s): return [s.ok / s.n if s.n else 0, s.f1('fourp'), s.f1('rectype'), s.n]

res = {}
for gold in sorted(glob.glob(f'{shared}/gold/*.jsonl')):
    G = [json.loads(l) for l in open(gold)]
    doc = G[0]['doc']
    src = f'{shared}/corpus/{doc}.txt'
    if not os.path.exists(src): src = f'{shared}/corpus-extra/{doc}.txt'
    T = tag(src)
    name = os.path.basename(gold)[:-6]
    groups = {name: Acc()}
    for g in G:
        if g['kind'] not in ('text', 'bullet'): continue
        t = align(T, g['line_start'])
        groups[name].add(g, t)
        if g.get('agency') and a.groups:
            key = '  ' + (g['agency'] + '/' + (g['part'] or '-'))
            key = key.replace('gap_analysis', 'gaprec').replace('recommendations', 'gaprec')
            groups.setdefault(key, Acc()).add(g, t)
    for k, v in groups.items(): res[k] = v.row()

old = json.load(open(a.compare)) if a.compare else {}
print('%-34s %6s %6s %6s %4s' % ('group', 'stance', '4P', 'type', 'n'))
for k, r in res.items():
    line = '%-34s %6.3f %6.3f %6.3f %4d' % (k, *r)
    if k in old:
        o = old[k]
        d = ['%+6.3f' % (r[i] - o[i]) if abs(r[i] - o[i]) > 1e-9 else '     .' for i in range(3)]
        line += '   ' + ' '.join(d)
    print(line)
if a.save: json.dump(res, open(a.save, 'w'), indent=0)
