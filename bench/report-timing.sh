#!/usr/bin/env bash
# Measures an HTML report in headless Chromium: file size, and the page's own
# timings (performance.now(), ms since navigation start, which the page
# writes on <body> as data-* attributes):
#   script-start  HTML read and parsed up to the script (incl. the JSON data)
#   parse         JSON.parse of the embedded data
#   render        drawing the heatmap, gap view, drill-down and provenance
#   ready         script finished: the page is usable
#   load          the load event (after first layout)
# Each figure is the median of RUNS fresh browser starts (default 5), for the
# default view and with the largest cell's drill-down open.
# Usage: bench/report-timing.sh REPORT.html [RUNS]
# The figures of docs/report.md come from this script.
set -euo pipefail
report=$(realpath "$1")
runs=${2:-5}
chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The largest cell of the first view, opened through the URL fragment.
fragment=$(python3 - "$report" <<'PY'
import json, re, sys, urllib.parse as u
html = open(sys.argv[1], encoding="utf-8").read()
d = json.loads(re.search(r'id="gapmap-data">(.*?)</script>', html, re.S).group(1))
best = None
for v in d["views"]:
    if v["stance"] != "all":
        continue
    for a, row in enumerate(v["counts"]):
        for c, n in enumerate(row):
            if best is None or n > best[0]:
                best = (n, v["dim"], d["rows"][v["agencies"][a]], v["cats"][c])
n, dim, agency, cat = best
print("#d=%s&s=all&a=%s&c=%s" % (u.quote(dim), u.quote(agency), u.quote(cat)))
print("%d units, %d views, largest cell %s x %s: %d paragraphs" % (len(d["units"]), len(d["views"]), agency, cat, n), file=sys.stderr)
PY
)
printf '%s: %s bytes (%s KiB)\n' "$1" "$(stat -c %s "$report")" "$(( $(stat -c %s "$report") / 1024 ))"

measure() {  # label, fragment
  for i in $(seq "$runs"); do
    profile=$(mktemp -d "$tmp/profile.XXXXXX")
    start=$(date +%s%N)
    "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
      --disable-component-update --no-first-run --disable-sync --disable-quic \
      --user-data-dir="$profile" --dump-dom "file://$report$2" 2>/dev/null |
      grep -o '<body[^>]*>' | head -1 >"$tmp/body.$i"
    echo "wall=$(( ($(date +%s%N) - start) / 1000000 ))" >>"$tmp/body.$i"
  done
  python3 - "$1" "$tmp" "$runs" <<'PY'
import re, statistics, sys
label, tmp, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
keys = ["script-start-ms", "parse-ms", "render-ms", "ready-ms", "load-ms"]
values = {k: [] for k in keys + ["wall"]}
for i in range(1, runs + 1):
    text = open("%s/body.%d" % (tmp, i)).read()
    for k in keys:
        m = re.search(r'data-%s="([0-9.]+)"' % k, text)
        if m:
            values[k].append(float(m.group(1)))
    values["wall"].append(float(re.search(r"wall=(\d+)", text).group(1)))
def med(k):
    return "%7.1f" % statistics.median(values[k]) if values[k] else "    n/a"
print("%-14s script-start %s  parse %s  render %s  ready %s  load %s ms  (chromium wall %s ms, median of %d)"
      % (label, med("script-start-ms"), med("parse-ms"), med("render-ms"), med("ready-ms"), med("load-ms"), med("wall"), runs))
PY
}
measure "default view" ""
measure "cell opened" "$fragment"
