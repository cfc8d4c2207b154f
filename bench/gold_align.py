"""The alignment of ../shared/FORMATS.md, shared by the bench's gold scripts:
a gold unit belongs to the innermost tagged unit whose line span contains the
gold unit's line_start (what `gapmap eval` does in C++)."""


def align(tagged, line):
    """The innermost unit of `tagged` (dicts with line_start/line_end) whose
    span contains `line`, or None."""
    best = None
    for t in tagged:
        if t['line_start'] <= line <= t['line_end']:
            if best is None or t['line_end'] - t['line_start'] < best['line_end'] - best['line_start']:
                best = t
    return best
