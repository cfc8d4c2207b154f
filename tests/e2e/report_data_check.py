#!/usr/bin/env python3
"""Compares the data embedded in an HTML report with the tidy matrix CSV of
`gapmap matrix --examples all` for the same inputs and options, in every
view (dimension x stance): the agencies shown, every cell's count, every
cell's unit ids, and each agency's paragraphs in the stance.

usage: report_data_check.py REPORT.html MATRIX.csv
"""
import csv
import json
import re
import sys

NEUTRALISE = ("=", "+", "-", "@", "\t", "\r", "'")


def plain(value):
    return value[1:] if value[:1] == "'" and value[1:2] in NEUTRALISE else value


def main(report_path, csv_path):
    html = open(report_path, encoding="utf-8").read()
    blocks = re.findall(r'<script type="application/json" id="gapmap-data">(.*?)</script>', html, re.S)
    if len(blocks) != 1:
        print("report_data_check: %d data blocks" % len(blocks), file=sys.stderr)
        return 1
    d = json.loads(blocks[0])
    cells = {}
    for r in csv.DictReader(open(csv_path, newline="", encoding="utf-8")):
        key = (plain(r["agency"]), r["dimension"], plain(r["category"]), r["stance"])
        cells[key] = (int(r["paragraphs"]), r["example_ids"].split())

    def unit_id(i):
        u = d["units"][i]
        return "%s:%04d" % (d["docs"][u[0]], u[1])

    errors, compared = [], 0
    seen_views = set()
    for v in d["views"]:
        dim, stance = v["dim"], v["stance"]
        seen_views.add((dim, stance))
        agencies = [d["rows"][a] for a in v["agencies"]]
        expected = sorted(a for (a, dd, c, s), (n, _) in cells.items()
                          if dd == dim and s == stance and c == "all" and n > 0)
        if agencies != expected:
            errors.append("%s/%s: agencies %s, matrix %s" % (dim, stance, agencies, expected))
            continue
        for i, agency in enumerate(agencies):
            total = cells.get((agency, dim, "all", stance), (0, []))[0]
            if v["totals"][i] != total:
                errors.append("%s/%s %s: total %d, matrix %d" % (dim, stance, agency, v["totals"][i], total))
            for j, cat in enumerate(v["cats"]):
                n, ids = cells.get((agency, dim, cat, stance), (0, []))
                got = [unit_id(u) for u in v["units"][i][j]]
                if v["counts"][i][j] != n or got != ids:
                    errors.append("%s/%s %s x %s: %d %s, matrix %d %s"
                                  % (dim, stance, agency, cat, v["counts"][i][j], got[:3], n, ids[:3]))
                compared += 1
        for cat in {c for (a, dd, c, s) in cells if dd == dim and s == stance and c != "all"}:
            if cat not in v["cats"]:
                errors.append("%s/%s: category %s missing" % (dim, stance, cat))
    matrix_views = {(dd, s) for (a, dd, c, s) in cells}
    if matrix_views != seen_views:
        errors.append("views %s, matrix %s" % (sorted(seen_views), sorted(matrix_views)))
    for r in d["rowUnits"]:
        for i, a in enumerate(r["agencies"]):
            agency = d["rows"][a]
            ids = [unit_id(u) for u in r["units"][i]]
            some_dim = next(dd for (x, dd, c, s) in cells if x == agency and s == r["stance"])
            want = cells[(agency, some_dim, "all", r["stance"])][1]
            if ids != want:
                errors.append("row %s/%s: %s, matrix %s" % (agency, r["stance"], ids[:3], want[:3]))
    if compared == 0:
        errors.append("no cell compared")
    if errors:
        for e in errors[:20]:
            print("report_data_check: " + e, file=sys.stderr)
        return 1
    print("report_data_check: %d views, %d cells and their unit ids equal to the matrix"
          % (len(d["views"]), compared))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
