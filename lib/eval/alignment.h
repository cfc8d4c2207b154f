// Alignment: which tagged unit each gold unit is compared with.
//
// Gold units are blank-line-separated blocks of the source and need not
// coincide with the tool's units. FORMATS.md fixes the rule: a gold unit is
// compared with the *innermost* tagged unit (smallest line span) of the same
// `doc` whose [line_start, line_end] contains the gold unit's line_start.
// Ties (two units with the same span, e.g. two units on one line) go to the
// one that comes first in document order (smaller ordinal, then input order),
// so the result never depends on how the candidates happen to be stored.
// A gold unit no tagged unit contains is unaligned.
#ifndef GAPMAP_EVAL_ALIGNMENT_H_
#define GAPMAP_EVAL_ALIGNMENT_H_

#include <vector>

#include "lib/eval/eval_unit.h"

namespace gapmap {

struct Alignment {
  // tagged_index[g]: index into the tagged units for gold unit g, or -1.
  std::vector<int> tagged_index;
  // Indices of the unaligned gold units, in gold order.
  std::vector<int> unaligned;
};

// O((G + T) log T) for T tagged and G gold units.
Alignment Align(const std::vector<EvalUnit>& gold, const std::vector<EvalUnit>& tagged);

}  // namespace gapmap

#endif  // GAPMAP_EVAL_ALIGNMENT_H_
