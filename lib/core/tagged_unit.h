// TaggedUnit: a unit with its labels per dimension and the evidence behind them.
#ifndef GAPMAP_CORE_TAGGED_UNIT_H_
#define GAPMAP_CORE_TAGGED_UNIT_H_

#include <cstdint>
#include <vector>

#include "lib/core/schema.h"
#include "lib/core/unit.h"

namespace gapmap {

// One matched span that supports a label: rule `rule` matched
// unit.text[begin, end) and contributed to `label` of `dimension`.
// Implied labels (declared with `implies:` in the rules) carry the span of the
// hit that implied them and the implying rule's id.
struct Evidence {
  uint16_t dimension = 0;
  uint16_t label = 0;
  uint32_t rule = 0;  // Schema::rule_id
  uint32_t begin = 0;
  uint32_t end = 0;
  friend bool operator==(const Evidence&, const Evidence&) = default;
};

struct TaggedUnit {
  Unit unit;
  // labels[d]: label indices assigned in dimension d, sorted by label *name*.
  // A single-valued dimension holds 0 or 1 label; 0 means null (the dimension
  // does not apply to this unit's kind). Sized Schema::dimension_count().
  std::vector<std::vector<uint16_t>> labels;
  // Only evidence for assigned labels, in (begin, end, dimension, label, rule)
  // order so that output is deterministic.
  std::vector<Evidence> evidence;
};

}  // namespace gapmap

#endif  // GAPMAP_CORE_TAGGED_UNIT_H_
