#!/usr/bin/env bash
# Throughput and peak memory of `gapmap segment` (issue 2): the ICAT report
# (200 KB) and a ~100 MB input made of the report repeated, written under
# $TMPDIR and removed afterwards. Streaming means the two peak RSS figures
# stay within 2x of each other; the script exits 1 if they do not.
# Usage: bench/segment.sh [GAPMAP] [MB]
set -euo pipefail
cd "$(dirname "$0")/.."
gapmap=${1:-build/cli/gapmap}
mb=${2:-100}
corpus=corpus/icat-2010-analytical-review.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
big="$tmp/icat-repeated.txt"
size=$(stat -c %s "$corpus")
for ((i = 0; i < (mb * 1000000 + size - 1) / size; ++i)); do cat "$corpus"; done >"$big"

measure() {  # FILE -> "peak_kb user_s"
  /usr/bin/time -f '%M %U' "$gapmap" segment -q "$1" 2>"$tmp/time" >/dev/null
  tail -1 "$tmp/time"
}
read -r small_kb small_s < <(measure "$corpus")
read -r big_kb big_s < <(measure "$big")
big_bytes=$(stat -c %s "$big")
python3 - "$size" "$small_kb" "$small_s" "$big_bytes" "$big_kb" "$big_s" <<'PY'
import sys
size, skb, ss, bbytes, bkb, bs = sys.argv[1:]
size, skb, ss, bbytes, bkb, bs = int(size), int(skb), float(ss), int(bbytes), int(bkb), float(bs)
print(f"segment {size / 1e6:7.1f} MB: peak RSS {skb / 1024:6.1f} MB, {ss:5.2f} s user")
mbps = bbytes / 1e6 / bs if bs > 0 else float("inf")
print(f"segment {bbytes / 1e6:7.1f} MB: peak RSS {bkb / 1024:6.1f} MB, {bs:5.2f} s user, {mbps:.0f} MB/s")
ratio = bkb / skb
print(f"peak RSS ratio {ratio:.2f} (limit 2.00)")
sys.exit(0 if ratio <= 2.0 else 1)
PY
