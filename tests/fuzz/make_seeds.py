#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (tests/fuzz/<target>/).

Run from anywhere; rewrites the seed-* files (inputs saved from fuzzing
findings, crash-* / regress-*, are kept). Seeds are small slices of the real
corpus plus the edge cases of docs/reliability.md, so fuzzing starts from
inputs that reach deep into each parser.
"""
import os
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def write(target, name, data):
    d = HERE / target
    d.mkdir(exist_ok=True)
    (d / f"seed-{name}").write_bytes(data)


def clear(target):
    d = HERE / target
    if d.exists():
        for f in d.glob("seed-*"):
            f.unlink()


def corpus_slice(path, start, length):
    data = pathlib.Path(path).read_bytes()
    return data[start:start + length]


# --- segmenter: [chunk][knobs: max_unit (7 bits) | stop_at_nul (0x80)] document
clear("segmenter")
icat = ROOT / "corpus" / "icat-2010-analytical-review.txt"
write("segmenter", "icat-start", bytes([63, 0x7F]) + corpus_slice(icat, 0, 3000))
write("segmenter", "icat-middle", bytes([6, 0x7F]) + corpus_slice(icat, 60000, 3000))
write("segmenter", "icat-small-units", bytes([0, 2]) + corpus_slice(icat, 100000, 1500))
write("segmenter", "icat-nul-mode", bytes([31, 0xFF]) + corpus_slice(icat, 150000, 2500))
para = b"The agency provides shelters for victims.\nIt also trains police officers.\n"
write("segmenter", "crlf", bytes([3, 0x20]) + para.replace(b"\n", b"\r\n") + b"\r\n" + para)
write("segmenter", "lone-cr", bytes([1, 0x20]) + para.replace(b"\n", b"\r") + b"\r\r")
write("segmenter", "form-feeds", bytes([5, 0x20]) + para + b"\n\f12\n\fNEXT PAGE\n" + para + b"a\fb\n")
write("segmenter", "bullets", bytes([9, 0x40]) +
      "Recommendations:\n\n• Strengthen prevention\n• Protect victims\n\na) first\nb) second\n1.1.2. Numbered\n- dash item\n".encode())
write("segmenter", "bom", bytes([2, 0x20]) + b"\xef\xbb\xbf" + para)
write("segmenter", "utf16le", bytes([7, 0x20]) + b"\xff\xfe" + para.decode().encode("utf-16-le") + b"\x3d\xd8")
write("segmenter", "utf16be", bytes([4, 0x20]) + b"\xfe\xff" + "Caf\u00e9 \U0001F600\n\n".encode("utf-16-be"))
write("segmenter", "utf32", bytes([4, 0x20]) + b"\xff\xfe\x00\x00" + "hi\n".encode("utf-32-le"))
write("segmenter", "invalid-utf8", bytes([2, 0x20]) + b"caf\xe9 \xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80 \xe2\x80\n\n" + para)
write("segmenter", "nul-stop", bytes([8, 0xA0]) + para + b"\nbinary \x00 data\n" + para)
write("segmenter", "nul-text", bytes([8, 0x20]) + para + b"\nbinary \x00 data\n")
write("segmenter", "long-line", bytes([13, 0x00]) + b"x" * 200 + b"\xc3\xa9" * 40 + b"\n" + para)
write("segmenter", "empty", bytes([1, 0x00]))
write("segmenter", "whitespace", bytes([1, 0x00]) + b"  \n\t\n \r\n\f\n")

# --- rules: [file: 0 agencies.yaml, 1 structure.yaml, 2 fourp.yaml] yaml
clear("rules")
rules_dir = ROOT / "rules"
for i, name in enumerate(["agencies.yaml", "structure.yaml", "fourp.yaml"]):
    p = rules_dir / name
    if p.exists():
        data = p.read_bytes()
        if len(data) > 20000:  # keep seeds small: the head still parses as YAML often
            data = data[:20000]
        write("rules", name.replace(".yaml", ""), bytes([i]) + data)
for f in sorted(rules_dir.glob("*.yaml")):
    if f.name not in ("agencies.yaml", "structure.yaml") and f.stat().st_size < 20000:
        write("rules", "dim-" + f.stem, bytes([2]) + f.read_bytes())
write("rules", "duplicate-key", b"\x00agencies:\n  IOM:\n    name: a\n    name: b\n")
write("rules", "wrong-type", b"\x00agencies:\n  IOM:\n    names: {a: 1}\n    acronyms: 7\n")
write("rules", "unknown-key", b"\x00agencies:\n  IOM:\n    nmae: x\n")
write("rules", "syntax", b"\x00agencies:\n  IOM: [unclosed\n  - x\n")
write("rules", "tabs", b"\x00agencies:\n\tIOM:\n\t\tname: x\n")
write("rules", "deep-flow", b"\x02" + b"[" * 5000 + b"]" * 5000)
write("rules", "deep-block", b"\x02" + b"".join(b"  " * i + b"k:\n" for i in range(200)))
write("rules", "alias-bomb", b"\x02a: &a [x, x, x, x, x, x, x, x, x]\n" + b"".join(
    b"%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n" % ((98 + i,) * 2 + (97 + i,) * 9)
    for i in range(8)))
write("rules", "unknown-alias", b"\x02a: *nothing\n")
write("rules", "dimension-sketch", b"\x02" + b"""dimension: fourp
multi: true
labels:
  protection:
    any: [victim assistance, shelter*, reintegrat*]
    regex: ['\\bresidence permits?\\b']
    not: ['protection of (the )?environment']
    scope: {kind: [text, bullet]}
    examples:
      match: ["shelters and psychosocial support for victims"]
      no_match: ["data protection rules"]
""")
write("rules", "bad-regex", b"\x02dimension: fourp\nlabels:\n  p:\n    regex: ['(unclosed', 'a{1000}{1000}']\n")
write("rules", "invalid-utf8", b"\x00agencies:\n  I\xffM:\n    name: caf\xe9\n")
write("rules", "multi-doc", b"\x00agencies: {}\n---\nagencies: {}\n")

# --- writers: kind, ordinal(3), line_start(3), line_end+(3), schema?, path size,
# then doc, marker, agency, part, path... separated by 0xFF, schema strings, text
clear("writers")
def writer_seed(name, strings, text, schema=b""):
    head = bytes([0, 42, 0, 0, 7, 0, 0, 2, 0, 0, 1 if schema else 0, 2])
    write("writers", name, head + b"\xff".join(strings) + b"\xff" + schema + text)
writer_seed("plain", [b"icat", b"", b"IOM", b"gap_analysis", b"IOM", b"Gaps"], b"Plain text.")
writer_seed("escapes", [b'd"q', b"\xe2\x80\xa2", b"", b"", b"a\\b", b"\t"], b'quote " back \\ nl \n cr \r tab \t nul \x00 \x1f \xe2\x80\xa8 </script>')
writer_seed("invalid", [b"\xc0\xaf", b"\xed\xa0\x80", b"\xfe", b"", b"\xe2\x80", b""], b"caf\xe9 \xf4\x90\x80\x80")
writer_seed("schema", [b"doc", b"", b"", b"", b"", b""], b"shelters for victims",
            b"custom\xff\x01\x02\x02lab\xffgap\xff\x02rule\xffr2\xff\x01\x01\x01\x03\x00\x00\x00\x00\x00\x05\x00\x00")
print("seeds written under", HERE)
