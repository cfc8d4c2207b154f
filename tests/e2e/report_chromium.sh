#!/usr/bin/env bash
# gapmap report of the ICAT corpus, rendered by headless Chromium: the DOM
# after the page's script ran has one heatmap row per agency with paragraphs,
# cells equal to `gapmap matrix` for the same inputs, a drill-down listing the
# matrix's unit ids with evidence highlighted; the screenshot is not blank.
# Skipped (77) only when no Chromium is installed (`make deps` installs it).
source "$(dirname "$0")/lib.bash"
source "$(dirname "$0")/chromium.bash"
need_chromium
T="$E2E_TMP"
CORPUS=corpus/

# Rows are the owner chapters (the default --by agency), as in out/matrix.csv.
run "$GAPMAP" matrix "$CORPUS" -o "$T/matrix.csv"
expect_status 0
run "$GAPMAP" matrix "$CORPUS" --examples all -o "$T/examples.csv"
expect_status 0
run "$GAPMAP" report "$CORPUS" --title "ICAT 2010 analytical review" -o "$T/report.html"
expect_status 0
[ -s "$T/report.html" ] || { fail "no report written"; finish; }

# The largest cell of the default view (fourp, all stances) is opened through
# the page's URL fragment, as a click would.
read -r AGENCY CATEGORY < <(python3 - "$T/matrix.csv" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], newline="")) if r["dimension"] == "fourp"
        and r["stance"] == "all" and r["category"] != "all"]
best = max(rows, key=lambda r: (int(r["paragraphs"]), r["agency"], r["category"]))
print(best["agency"], best["category"])
PY
)
[ -n "$AGENCY" ] || { fail "no fourp cell in the matrix"; finish; }
FRAGMENT=$(python3 -c 'import sys, urllib.parse as u; print("#d=fourp&s=all&a=%s&c=%s" % (u.quote(sys.argv[1]), u.quote(sys.argv[2])))' "$AGENCY" "$CATEGORY")

# Three renderings in parallel: a cell opened, another view, a screenshot.
chromium_run --dump-dom "$(file_url "$T/report.html" "$FRAGMENT")" >"$T/cell.dom" &
chromium_run --dump-dom "$(file_url "$T/report.html" "#d=rectype&s=recommendation")" >"$T/rectype.dom" &
chromium_run --screenshot="$T/report.png" --window-size=1200,900 --virtual-time-budget=2000 \
  "$(file_url "$T/report.html" "$FRAGMENT")" >/dev/null &
wait
[ -s "$T/cell.dom" ] || fail "Chromium wrote no DOM: $(tail -5 "$T/chromium.log")"

python3 tests/e2e/report_dom_check.py "$T/cell.dom" "$T/examples.csv" fourp all \
  --cell "$AGENCY" "$CATEGORY" --min-rows 5 || fail "fourp DOM disagrees with the matrix"
python3 tests/e2e/report_dom_check.py "$T/rectype.dom" "$T/matrix.csv" rectype recommendation \
  || fail "rectype/recommendation DOM disagrees with the matrix"
python3 tests/e2e/png_check.py "$T/report.png" --min-width 1200 --min-height 900 \
  || fail "the screenshot is blank or unreadable"
finish
