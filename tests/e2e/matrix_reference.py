#!/usr/bin/env python3
"""An independent reference for the gap matrix, for end-to-end tests.

usage: matrix_reference.py check TAGGED.jsonl MATRIX.csv [--by agency|mentions] [--examples N]
       matrix_reference.py gold2tagged GOLD.jsonl OUT.jsonl

`check` recomputes the tidy matrix of FORMATS.md from tagged units with plain
Python (no code shared with gapmap), reads gapmap's CSV with Python's csv
module and compares every cell. `gold2tagged` turns a gold file into tagged
JSONL (the labels of a perfect tagger) so matrix tests do not depend on the
rules' current quality.
"""
import csv
import json
import sys
from collections import defaultdict

NEUTRALISE = ("=", "+", "-", "@", "\t", "\r", "'")


def expected_field(value):
    """What a spreadsheet-safe CSV cell holds for `value`."""
    return "'" + value if value[:1] in NEUTRALISE else value


def reference(units, by, examples):
    cells = defaultdict(list)  # (agency, dim, cat, stance) -> [(doc, ordinal)]
    dims = set()
    for u in units:
        for key, value in u.items():
            if isinstance(value, list) and key not in ("section", "evidence", "mentions"):
                dims.add(key)
    for u in units:
        if u["kind"] not in ("text", "bullet"):
            continue
        owners = [u["agency"]] if by == "agency" else list(u.get("mentions", []))
        owners = [o for o in owners if o]
        doc, ordinal = u["id"].rsplit(":", 1)
        ref = (doc, int(ordinal))
        stances = ["all"] + ([u["stance"]] if u.get("stance") else [])
        for owner in owners:
            for stance in stances:
                for dim in dims:
                    cells[(owner, dim, "all", stance)].append(ref)
                    for cat in u.get(dim, []):
                        cells[(owner, dim, cat, stance)].append(ref)
    rows = []
    for key in sorted(cells):
        agency, dim, cat, stance = key
        refs = sorted(cells[key])
        total = len(cells[(agency, dim, "all", stance)])
        share = "%.3f" % (len(refs) / total)
        kept = refs if examples < 0 else refs[:examples]
        ids = " ".join("%s:%04d" % r for r in kept)
        rows.append([agency, dim, cat, stance, str(len(refs)), share, ids])
    return rows


def check(tagged, matrix_csv, by="agency", examples=5):
    units = [json.loads(line) for line in open(tagged, encoding="utf-8") if line.strip()]
    want = [[expected_field(f) for f in row] for row in reference(units, by, examples)]
    with open(matrix_csv, newline="", encoding="utf-8") as f:
        got = list(csv.reader(f))
    header = ["agency", "dimension", "category", "stance", "paragraphs", "share", "example_ids"]
    if got[0] != header:
        sys.exit("header %r" % got[0])
    got = got[1:]
    if len(got) != len(want):
        sys.exit("%d rows, expected %d" % (len(got), len(want)))
    for i, (g, w) in enumerate(zip(got, want)):
        for j, (gc, wc) in enumerate(zip(g, w)):
            if gc != wc:
                sys.exit("row %d column %s: %r, expected %r" % (i + 2, header[j], gc, wc))
        if len(g) != len(w):
            sys.exit("row %d: %d fields" % (i + 2, len(g)))
    print("%d rows, every cell as expected" % len(got))


def gold2tagged(gold, out):
    with open(gold, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
        for line in f:
            u = json.loads(line)
            u["id"] = "%s:%04d" % (u["doc"], u.pop("unit"))
            u.pop("kind_alt", None)
            o.write(json.dumps(u, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "check":
        args = sys.argv[2:]
        by, examples = "agency", 5
        if "--by" in args:
            by = args[args.index("--by") + 1]
        if "--examples" in args:
            v = args[args.index("--examples") + 1]
            examples = -1 if v == "all" else int(v)
        check(args[0], args[1], by, examples)
    elif sys.argv[1] == "gold2tagged":
        gold2tagged(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
