#!/usr/bin/env python3
"""Checks the DOM of a rendered HTML report (Chromium's --dump-dom, taken
after the page's script ran) against the tidy matrix CSV of `gapmap matrix`
for the same inputs and options.

usage: report_dom_check.py DOM.html MATRIX.csv DIMENSION STANCE
           [--cell AGENCY CATEGORY] [--min-rows N]

Checks: the page's script finished (body[data-ready]); the heatmap shows
DIMENSION and STANCE; it has one row per agency with paragraphs in the stance
(as the CSV's `all` category says), no more, no fewer; every cell and row
total carries the CSV's count (0 where the CSV has no row) in its text and
data-count; every category of the CSV is a column; column coverage marks
(unaddressed, crowded at half of the rows, at least 3) agree with the counts; the gap view lists the
unaddressed categories; the drill-down list exists. With --cell: the
drill-down lists that cell's units, the same ids as the CSV's example_ids
(run `gapmap matrix --examples all`), with evidence highlighted.
"""
import csv
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
NEUTRALISE = ("=", "+", "-", "@", "\t", "\r", "'")
PAGE = 100  # units the drill-down draws at first


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def find_all(self, tag=None, **attrs):
        out = []
        for n in self.iter():
            if tag and n.tag != tag:
                continue
            ok = True
            for k, v in attrs.items():
                k = k.replace("_", "-")
                if k == "class-":
                    ok = ok and v in n.attrs.get("class", "").split()
                elif v is True:
                    ok = ok and k in n.attrs
                else:
                    ok = ok and n.attrs.get(k) == v
            if ok:
                out.append(n)
        return out

    def find(self, tag=None, **attrs):
        found = self.find_all(tag, **attrs)
        return found[0] if found else None


class Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def plain(value):
    return value[1:] if value[:1] == "'" and value[1:2] in NEUTRALISE else value


def main(argv):
    dom_path, csv_path, dim, stance = argv[1:5]
    cell = None
    if "--cell" in argv:
        i = argv.index("--cell")
        cell = (argv[i + 1], argv[i + 2])
    min_rows = int(argv[argv.index("--min-rows") + 1]) if "--min-rows" in argv else 1
    b = Builder()
    b.feed(open(dom_path, encoding="utf-8").read())
    doc = b.root
    errors = []

    def check(cond, message):
        if not cond:
            errors.append(message)

    cells, examples = {}, {}
    for r in csv.DictReader(open(csv_path, newline="", encoding="utf-8")):
        if r["dimension"] != dim or r["stance"] != stance:
            continue
        key = (plain(r["agency"]), plain(r["category"]))
        cells[key] = int(r["paragraphs"])
        examples[key] = r["example_ids"].split()
    agencies = sorted({a for (a, c), n in cells.items() if c == "all" and n > 0})
    categories = {c for (_, c) in cells if c != "all"}

    body = doc.find("body")
    check(body is not None and body.attrs.get("data-ready") == "true",
          "the page's script did not finish (body[data-ready] missing)")
    table = doc.find("table", id="heatmap")
    if table is None:
        print("report_dom_check: no table#heatmap in the DOM", file=sys.stderr)
        return 1
    check(table.attrs.get("data-dimension") == dim and table.attrs.get("data-stance") == stance,
          "heatmap shows %s/%s, expected %s/%s" % (table.attrs.get("data-dimension"),
                                                    table.attrs.get("data-stance"), dim, stance))
    headers = [th for th in table.find_all("th", class_="cat")]
    columns = [th.attrs.get("data-category") for th in headers]
    check(len(columns) == len(set(columns)), "duplicate category columns")
    check(categories <= set(columns), "categories missing from the heatmap: %s"
          % sorted(categories - set(columns)))
    tbody = table.find("tbody")
    rows = [tr for tr in tbody.find_all("tr")] if tbody else []
    row_names = [tr.attrs.get("data-agency") for tr in rows]
    check(row_names == agencies, "heatmap rows %s, expected one per agency with paragraphs %s"
          % (row_names, agencies))
    check(len(rows) >= min_rows, "only %d rows, expected at least %d" % (len(rows), min_rows))
    compared = 0
    column_agencies = {c: 0 for c in columns}
    for tr in rows:
        agency = tr.attrs.get("data-agency")
        th = tr.find("th", class_="agency")
        check(th is not None and th.text() == agency, "row header of %s is %r" % (agency, th and th.text()))
        total = tr.find("td", class_="total")
        want_total = cells.get((agency, "all"), 0)
        check(total is not None and total.attrs.get("data-count") == str(want_total)
              and total.text() == str(want_total),
              "%s: total %s, CSV %d" % (agency, total and total.text(), want_total))
        tds = tr.find_all("td", class_="cell")
        check([td.attrs.get("data-category") for td in tds] == columns,
              "%s: cells are not in column order" % agency)
        for td in tds:
            category = td.attrs.get("data-category")
            want = cells.get((agency, category), 0)
            got = td.attrs.get("data-count")
            check(got == str(want) and td.text() == str(want),
                  "%s x %s: cell shows %r (data-count %r), CSV %d" % (agency, category, td.text(), got, want))
            compared += 1
            if want > 0:
                column_agencies[category] += 1
    check(compared > 0, "no cell compared")
    # gapmap's default: half of the table's agencies (rounded up), at least 3.
    crowded = max(3, (len(rows) + 1) // 2)
    check(table.attrs.get("data-crowded") == str(crowded),
          "crowded threshold %s, expected %d" % (table.attrs.get("data-crowded"), crowded))
    for th in headers:
        c = th.attrs.get("data-category")
        n = column_agencies.get(c, 0)
        want = "unaddressed" if n == 0 else "crowded" if n >= crowded else "covered"
        check(th.attrs.get("data-coverage") == want,
              "column %s marked %s, %d agencies address it" % (c, th.attrs.get("data-coverage"), n))
    gap_list = doc.find("ul", data_list="unaddressed")
    listed = sorted(li.attrs.get("data-category") for li in gap_list.find_all("li")) if gap_list else []
    check(listed == sorted(c for c in columns if column_agencies.get(c, 0) == 0),
          "gap view lists %s as unaddressed" % listed)
    drill = doc.find("ol", id="drill-list")
    check(drill is not None, "no drill-down list (ol#drill-list)")
    if cell and drill is not None:
        want = cells.get(cell, 0)
        check(want > 0, "the CSV has no cell %s x %s" % cell)
        check(drill.attrs.get("data-count") == str(want),
              "drill-down of %s x %s counts %r, CSV %d" % (cell + (drill.attrs.get("data-count"), want)))
        ids = [li.attrs.get("data-unit") for li in drill.find_all("li", class_="unit")]
        check(ids == examples.get(cell, [])[:PAGE],
              "drill-down lists %s..., the matrix's example ids are %s..." % (ids[:3], examples.get(cell, [])[:3]))
        marks = drill.find_all("mark")
        check(len(marks) > 0, "no evidence highlighted in the drill-down")
        check(any("focus" in m.attrs.get("class", "") for m in marks),
              "no evidence of the selected category highlighted")
    if errors:
        for e in errors[:20]:
            print("report_dom_check: " + e, file=sys.stderr)
        return 1
    print("report_dom_check: %s/%s: %d rows, %d cells equal to the CSV%s"
          % (dim, stance, len(rows), compared, ", drill-down %s x %s ok" % cell if cell else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
