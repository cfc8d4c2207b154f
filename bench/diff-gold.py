#!/usr/bin/env python3
"""Lists the gold units where the tool disagrees with the gold labels, with the
evidence the tool used, to find which *concepts* the rules miss (not to fit
sentences). Usage:
  bench/diff-gold.py GOLD.jsonl TAGGED.jsonl [--field stance|fourp|rectype|mentions|kind] [--label L] [--fp|--fn]
TAGGED is `gapmap tag --evidence` output for the gold's document. Alignment as in
FORMATS.md: the innermost tagged unit whose line span contains the gold unit's
line_start."""
import argparse, json

from gold_align import align

ap = argparse.ArgumentParser()
ap.add_argument('gold'); ap.add_argument('tagged')
ap.add_argument('--field', default='stance'); ap.add_argument('--label')
ap.add_argument('--fp', action='store_true'); ap.add_argument('--fn', action='store_true')
ap.add_argument('--width', type=int, default=220)
a = ap.parse_args()
tagged = [json.loads(l) for l in open(a.tagged)]
for l in open(a.gold):
    g = json.loads(l)
    if a.field != 'kind' and g['kind'] not in ('text', 'bullet') and not (a.field == 'mentions' and g['kind'] == 'heading'):
        continue
    t = align(tagged, g['line_start'])
    if t is None:
        print(f"[{g['line_start']}] UNALIGNED"); continue
    gv, tv = g[a.field], t.get(a.field)
    ev = [e for e in t.get('evidence', []) if e['field'] == a.field]
    if isinstance(gv, list):
        gs, ts = set(gv), set(tv or [])
        if a.label:
            fp, fn = (a.label in ts and a.label not in gs), (a.label in gs and a.label not in ts)
            if not ((fp and not a.fn) or (fn and not a.fp)): continue
            ev = [e for e in ev if e['label'] == a.label]
        elif gs == ts: continue
        diff = f"miss={sorted(gs - ts)} extra={sorted(ts - gs)}"
    else:
        if gv == tv: continue
        if a.label and a.label not in (gv, tv): continue
        diff = f"{gv} -> {tv}"
    evs = ', '.join(f"{e['label']}:{e['rule'].split('/')[-1]}:{e['match']!r}" for e in ev)
    text = ' '.join(t['text'].split())[:a.width]
    print(f"[{g['line_start']}] {t['kind']} {t.get('part')} {diff}\n    {text}\n    ev: {evs[:400]}")
