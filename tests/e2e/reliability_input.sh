#!/usr/bin/env bash
# Reliability, input side (issue 6; docs/reliability.md): binary files, bad
# encodings, odd line ends, empty documents, missing and unreadable inputs.
# Every case checks exit status, stdout and stderr of the real binary.
source "$(dirname "$0")/lib.bash"

T="$E2E_TMP"
PARA1="The agency provides shelters and legal assistance to victims of trafficking."
PARA2="It also trains police officers and labour inspectors to identify victims."

# stdout must be well-formed UTF-8 whatever the input was.
expect_stdout_utf8() {
  iconv -f UTF-8 -t UTF-8 "$LAST_STDOUT" >/dev/null 2>&1 || fail "stdout is not valid UTF-8"
}
expect_stdout_empty() {
  [ ! -s "$LAST_STDOUT" ] || fail "stdout is not empty"
}
expect_stdout_lacks() {
  if grep -Eq -- "$1" "$LAST_STDOUT"; then fail "stdout matches /$1/"; fi
}
expect_stderr_lacks() {
  if grep -Eq -- "$1" "$LAST_STDERR"; then fail "stderr matches /$1/"; fi
}
expect_stdout_lines() {
  local n
  n=$(wc -l <"$LAST_STDOUT")
  [ "$n" -eq "$1" ] || fail "stdout has $n lines, expected $1"
}
expect_stderr_lines() {
  local n
  n=$(wc -l <"$LAST_STDERR")
  [ "$n" -eq "$1" ] || fail "stderr has $n lines, expected $1"
}

printf '%s\n%s\n\n%s\n' "$PARA1" "$PARA2" "$PARA1" >"$T/good.txt"

# --- NUL bytes / binary files ------------------------------------------------
printf '%%PDF-1.4\n\0\0\1\2stream\n' >"$T/pdf.txt"
run "$GAPMAP" segment "$T/pdf.txt" "$T/good.txt"
expect_status 0
expect_stderr_matches "^gapmap: $T/pdf.txt: warning: binary file \(NUL byte at byte offset 9\); skipped \(--binary=text reads it anyway\)$"
expect_stderr_lines 1
expect_stdout_lacks '"doc":"pdf"'
expect_stdout_matches '"doc":"good"'

# A NUL far past the first 64 KiB: the whole file is still skipped, none of
# the text before the NUL comes out.
{ for _ in $(seq 1500); do printf '%s\n\n' "$PARA1"; done; printf 'tail \0 end\n'; } >"$T/late-nul.txt"
late_offset=$(( $(stat -c %s "$T/late-nul.txt") - 6 ))  # "\0 end\n"
[ "$late_offset" -gt 65536 ] || fail "test file too small: NUL at $late_offset"
run "$GAPMAP" segment "$T/late-nul.txt" "$T/good.txt"
expect_status 0
expect_stderr_matches "^gapmap: $T/late-nul.txt: warning: binary file \(NUL byte at byte offset $late_offset\); skipped"
expect_stdout_lacks '"doc":"late-nul"'
expect_stdout_matches '"doc":"good"'

run "$GAPMAP" segment --binary=error "$T/late-nul.txt" "$T/good.txt"
expect_status 2
expect_stderr_matches "^gapmap: $T/late-nul.txt: binary file \(NUL byte at byte offset $late_offset\); rejected \(--binary=error\)$"
expect_stdout_lacks '"doc":"late-nul"'
expect_stdout_matches '"doc":"good"'

printf 'hello\0world\n' >"$T/nul.txt"
run "$GAPMAP" segment --binary=text "$T/nul.txt"
expect_status 0
expect_stdout_matches '"text":"hello�world"'
expect_stderr_matches "^gapmap: $T/nul.txt:1: warning: NUL byte at byte offset 5; replaced by U\+FFFD$"
expect_stdout_utf8

run "$GAPMAP" segment --binary=sometimes "$T/nul.txt"
expect_status 2
expect_stderr_matches "^gapmap: segment: --binary must be skip, text or error, not 'sometimes'$"
expect_stdout_empty

# A pipe cannot be scanned ahead: a NUL before any unit skips it all ...
run bash -c "cat '$T/pdf.txt' | '$GAPMAP' segment -"
expect_status 0
expect_stdout_empty
expect_stderr_matches '^gapmap: <stdin>: warning: binary file \(NUL byte at byte offset 9\); skipped'
# ... a late NUL stops it there and says what was already written.
run bash -c "cat '$T/late-nul.txt' | '$GAPMAP' segment -"
expect_status 0
expect_stderr_matches "^gapmap: <stdin>: warning: binary file \(NUL byte at byte offset $late_offset\); skipped \(--binary=text reads it anyway\); the [0-9]+ units before it were already written$"
expect_stdout_lacks 'tail'

# --- Encodings -----------------------------------------------------------------
# Invalid UTF-8 (Latin-1 text): repaired, warned with line and byte offset,
# the flood capped at 5 plus a count; output is valid UTF-8.
{ printf '%s\n' "$PARA1"; for _ in $(seq 40); do printf 'caf\xe9 cr\xe8me\n'; done; } >"$T/latin1.txt"
run "$GAPMAP" segment "$T/latin1.txt"
expect_status 0
expect_stdout_utf8
expect_stdout_matches 'caf� cr�me'
expect_stderr_matches "^gapmap: $T/latin1.txt:2: warning: invalid UTF-8 at byte offset $(( ${#PARA1} + 1 + 3 )); replaced by U\+FFFD$"
expect_stderr_matches "^gapmap: $T/latin1.txt: warning: 80 invalid UTF-8 bytes replaced by U\+FFFD in all; only the first 5 are shown"
expect_stderr_lines 6

# Truncated and overlong sequences, surrogates: never passed through.
printf 'a \xe2\x80 b \xc0\xaf c \xed\xa0\x80 d \xf4\x90\x80\x80\n' >"$T/bad-seq.txt"
run "$GAPMAP" segment "$T/bad-seq.txt"
expect_status 0
expect_stdout_utf8
expect_stdout_matches '"text":"a �� b �� c ��� d ����"'

# A file name that is not UTF-8: the document id (in every output) is repaired.
cp "$T/good.txt" "$T/$(printf 'caf\xe9').txt"
run "$GAPMAP" segment "$T/$(printf 'caf\xe9').txt"
expect_status 0
expect_stdout_utf8
expect_stdout_matches '"doc":"caf�","id":"caf�:0001"'
run "$GAPMAP" tag --format csv "$T/$(printf 'caf\xe9').txt"
expect_status 0
expect_stdout_utf8
expect_stdout_matches '^caf�:0001,caf�,'
run bash -c "'$GAPMAP' segment --name \$'x\\xff' - <'$T/good.txt'"
expect_status 0
expect_stdout_utf8
expect_stdout_matches '"doc":"x�"'

# A UTF-8 BOM is dropped.
printf '\xef\xbb\xbf%s\n' "$PARA1" >"$T/bom.txt"
run "$GAPMAP" segment "$T/bom.txt"
expect_status 0
expect_stdout_matches "\"text\":\"$PARA1\""
expect_stderr_empty

# UTF-16 with a BOM (LE and BE) gives exactly the units of the UTF-8 text.
mkdir -p "$T/utf8" "$T/utf16le" "$T/utf16be" "$T/utf32"
printf '%s\n%s\n\nCaf\xc3\xa9 \xe2\x80\x93 \xf0\x9f\x98\x80\n' "$PARA1" "$PARA2" >"$T/utf8/doc.txt"
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$T/utf8/doc.txt"; } >"$T/utf16le/doc.txt"
{ printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$T/utf8/doc.txt"; } >"$T/utf16be/doc.txt"
"$GAPMAP" segment "$T/utf8/doc.txt" >"$T/utf8.jsonl" 2>/dev/null
for enc in utf16le utf16be; do
  run "$GAPMAP" segment "$T/$enc/doc.txt"
  expect_status 0
  expect_stderr_empty
  expect_same_files "$LAST_STDOUT" "$T/utf8.jsonl"
done
grep -q '"text":"Café - 😀"' "$T/utf8.jsonl" || fail "UTF-8 reference output lacks the accented line"  # the en dash is normalised to '-'

# UTF-32 is refused with a clear error, never a silent empty result.
{ printf '\xff\xfe\x00\x00'; iconv -f UTF-8 -t UTF-32LE "$T/utf8/doc.txt"; } >"$T/utf32/doc.txt"
run "$GAPMAP" segment "$T/utf32/doc.txt" "$T/good.txt"
expect_status 2
expect_stderr_matches "^gapmap: $T/utf32/doc.txt: UTF-32LE text \(byte order mark\) is not supported; convert it to UTF-8, e.g. iconv -f UTF-32LE -t UTF-8$"
expect_stdout_lacks '"doc":"doc"'
expect_stdout_matches '"doc":"good"'

# --- Line ends, form feeds, tabs ---------------------------------------------------
mkdir -p "$T/lf" "$T/crlf" "$T/cr"
printf '%s\n%s\n\n%s\n' "$PARA1" "$PARA2" "$PARA1" >"$T/lf/doc.txt"
printf '%s\r\n%s\r\n\r\n%s\r\n' "$PARA1" "$PARA2" "$PARA1" >"$T/crlf/doc.txt"
printf '%s\r%s\r\r%s\r' "$PARA1" "$PARA2" "$PARA1" >"$T/cr/doc.txt"
"$GAPMAP" segment "$T/lf/doc.txt" >"$T/lf.jsonl" 2>/dev/null
[ "$(wc -l <"$T/lf.jsonl")" -eq 2 ] || fail "LF reference should have 2 units"
for style in crlf cr; do
  run "$GAPMAP" segment "$T/$style/doc.txt"
  expect_status 0
  expect_stderr_empty
  expect_same_files "$LAST_STDOUT" "$T/lf.jsonl"
done
expect_stdout_lacks '\\r'

# A form feed (pdftotext's page break) never reaches the output as a character.
printf '%s\n\n\f%s\n\fmore \f text\n' "$PARA1" "$PARA2" >"$T/ff.txt"
run "$GAPMAP" segment "$T/ff.txt"
expect_status 0
expect_stdout_lacks '\\f'
expect_stdout_matches "$PARA2"
expect_stdout_matches 'more +text'

# Tabs are whitespace: a tab-only line separates paragraphs; a tab in text is
# kept JSON-escaped or normalised to a space, never written raw.
printf '%s\n\t \n%s\twith a tab\n' "$PARA1" "$PARA2" >"$T/tabs.txt"
run "$GAPMAP" segment "$T/tabs.txt"
expect_status 0
expect_stdout_lines 2
expect_stdout_matches 'victims\.(\\t| )with a tab'
if grep -q "$(printf '\t')" "$LAST_STDOUT"; then fail "raw tab in JSONL output"; fi

# --- Empty and whitespace-only documents -----------------------------------------
: >"$T/empty.txt"
printf '  \n\t\n\n \r\n' >"$T/blank.txt"
printf '\xef\xbb\xbf' >"$T/bom-only.txt"
run "$GAPMAP" segment "$T/empty.txt" "$T/blank.txt" "$T/bom-only.txt"
expect_status 0
expect_stdout_empty
expect_stderr_matches "^gapmap: $T/empty.txt: warning: empty document; no units$"
expect_stderr_matches "^gapmap: $T/blank.txt: warning: document holds only whitespace; no units$"
expect_stderr_matches "^gapmap: $T/bom-only.txt: warning: empty document; no units$"
run bash -c "'$GAPMAP' segment - </dev/null"
expect_status 0
expect_stdout_empty
expect_stderr_matches '^gapmap: <stdin>: warning: empty document; no units$'

# --- A line that never ends (a 1 GiB file without a newline, scaled down) -------
# Cut into units of at most --max-unit-bytes, one warning, and memory bounded
# by the cap: 128 MiB of input through the whole pipeline (tag) under a 100 MB
# address-space limit. Sanitizer builds need a huge address space: no limit
# there, a smaller input.
limit="ulimit -v 100000;"
mib=128
if grep -q '^GAPMAP_SANITIZE:BOOL=ON' "${GAPMAP_BUILD_DIR:-.}/CMakeCache.txt" 2>/dev/null; then
  limit="" mib=8
fi
run bash -c "$limit head -c ${mib}M /dev/zero | tr '\\0' a | '$GAPMAP' tag --max-unit-bytes 65536 - |
  awk '{ n++; if (length(\$0) > max) max = length(\$0) } END { print n \" units, longest line \" max }'"
expect_status 0
expect_stdout_matches "^$((mib * 16)) units, longest line 6[5-6][0-9]{3}$"
expect_stderr_matches '^gapmap: <stdin>:1: warning: line longer than 65536 bytes \(--max-unit-bytes\); split into pieces$'
expect_stderr_lines 1

run "$GAPMAP" segment --max-unit-bytes 8 "$T/good.txt"
expect_status 2
expect_stderr_matches '^gapmap: segment: --max-unit-bytes must be at least 16, not 8$'

# --- Missing, unreadable, directory inputs: one message each, the rest go on ------
run "$GAPMAP" segment "$T/missing.txt" "$T/good.txt"
expect_status 2
expect_stderr_matches "^gapmap: $T/missing.txt: no such file or directory$"
expect_stdout_matches '"doc":"good"'

mkdir -p "$T/no-texts" "$T/docs.txt"
printf 'not a text file\n' >"$T/no-texts/readme.md"
run "$GAPMAP" segment "$T/no-texts" "$T/docs.txt" "$T/good.txt"
expect_status 2
expect_stderr_matches "^gapmap: $T/no-texts: directory holds no \*\.txt files$"
expect_stderr_matches "^gapmap: $T/docs.txt: directory holds no \*\.txt files$"
expect_stdout_matches '"doc":"good"'

cp "$T/good.txt" "$T/secret.txt"
chmod 000 "$T/secret.txt"
# As root, drop the capabilities that bypass file permissions.
unprivileged=()
if [ "$(id -u)" -eq 0 ]; then unprivileged=(setpriv --bounding-set=-dac_override,-dac_read_search); fi
if [ "$(id -u)" -ne 0 ] || command -v setpriv >/dev/null; then
  run "${unprivileged[@]}" "$GAPMAP" segment "$T/secret.txt" "$T/good.txt"
  expect_status 2
  expect_stderr_matches "^gapmap: $T/secret.txt: cannot open: Permission denied$"
  expect_stdout_matches '"doc":"good"'
  expect_stdout_lacks '"doc":"secret"'
fi
chmod 600 "$T/secret.txt"

# A file that fails while being read (EIO from /proc/self/mem at offset 0).
if [ -r /proc/self/mem ]; then
  run "$GAPMAP" segment /proc/self/mem "$T/good.txt"
  expect_status 2
  expect_stderr_matches '^gapmap: /proc/self/mem: read error: Input/output error$'
  expect_stdout_matches '"doc":"good"'
fi

finish
