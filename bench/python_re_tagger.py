#!/usr/bin/env python3
"""The competitor `make bench` measures gapmap against: a plain Python `re`
dictionary tagger, as an analyst would write it in an afternoon.

It reads the same rule files (rules/*.yaml: every label's cue terms and
regexes, the agency names and acronyms), compiles one case-insensitive regex
per label (an alternation of its cues, each term word-bounded, `*` a suffix
glob, spaces and dashes matching runs of spaces and dashes), splits each
document into paragraphs at blank lines and counts, per label, the paragraphs
whose text matches. No segmentation rules, no vetoes, no scores: it does less
than gapmap, so the ratio it gives is, if anything, generous to Python.

Usage: python_re_tagger.py RULES_DIR DOC... (prints label counts)
"""
import glob
import os
import re
import sys

import yaml

CUE_LISTS = ("any", "weak", "exact", "first", "regex")


def term_regex(term):
    """A rule term as a Python regex (word-bounded; see docs/rules.md)."""
    out = []
    i = 0
    while i < len(term):
        c = term[i]
        if c in "()|":  # alternatives: '(has|have) developed', 'victim(s|)'
            out.append(c if c != "(" else "(?:")
        elif c == "*":
            out.append(r"\w*")
        elif c == " ":
            out.append(r"[\s\-]+")
        elif c == "-":
            out.append(r"[\s\-]*")
        else:
            out.append(re.escape(c))
        i += 1
    return r"\b" + "".join(out) + r"\b"


def cue_patterns(entries, exact=False):
    for entry in entries or []:
        if isinstance(entry, dict):
            if "regex" in entry:
                yield entry["regex"], True
                continue
            entry = entry.get("term", "")
        entry = str(entry)
        if len(entry) > 2 and entry.startswith("/") and entry.endswith("/"):
            yield entry[1:-1], True
        elif entry:
            yield ("(?-i:" + term_regex(entry) + ")") if exact else term_regex(entry), False


def load_rules(rules_dir):
    """{label name: [regex source, ...]} from every dimension and the agencies."""
    labels = {}
    for path in sorted(glob.glob(os.path.join(rules_dir, "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        if not isinstance(doc, dict):
            continue
        if "agencies" in doc:
            for agency, spec in doc["agencies"].items():
                pats = [term_regex(n) for n in spec.get("names", [])]
                pats += ["(?-i:" + term_regex(a) + ")" for a in spec.get("acronyms", [])]
                labels["mentions/" + agency] = pats
            continue
        if "dimension" not in doc:
            continue
        for label, spec in (doc.get("labels") or {}).items():
            pats = []
            for cue in CUE_LISTS:
                for pattern, is_regex in cue_patterns(spec.get(cue), exact=cue == "exact"):
                    pats.append(pattern)
            labels[doc["dimension"] + "/" + str(label)] = pats
    return labels


def compile_labels(labels):
    compiled = {}
    for name, pats in labels.items():
        usable = []
        for p in pats:
            try:
                re.compile(p)
            except re.error:
                continue  # RE2-only syntax (\x{...}, \p{...})
            usable.append(p)
        if usable:
            compiled[name] = re.compile("|".join("(?:%s)" % p for p in usable), re.IGNORECASE)
    return compiled


def paragraphs(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        block = []
        for line in f:
            line = line.strip()
            if line:
                block.append(line)
            elif block:
                yield " ".join(block)
                block = []
        if block:
            yield " ".join(block)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    compiled = compile_labels(load_rules(sys.argv[1]))
    counts = dict.fromkeys(compiled, 0)
    units = 0
    for path in sys.argv[2:]:
        for text in paragraphs(path):
            units += 1
            for name, regex in compiled.items():
                if regex.search(text):
                    counts[name] += 1
    print("paragraphs", units)
    for name in sorted(counts):
        print(name, counts[name])


if __name__ == "__main__":
    main()
