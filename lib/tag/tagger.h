// Tagger: applies the compiled rules to one unit at a time and decides its
// labels, recording the evidence behind each.
//
// One Tagger per document: it remembers list context (the lead-in paragraph
// of the current list) across units. Tag() must see units in document order.
//
// PLACEHOLDER implementation: assigns no labels.
#ifndef GAPMAP_TAG_TAGGER_H_
#define GAPMAP_TAG_TAGGER_H_

#include "lib/core/status.h"
#include "lib/core/tagged_unit.h"
#include "lib/rules/rule_set.h"

namespace gapmap {

class Tagger {
 public:
  explicit Tagger(const RuleSet& rules) : rules_(rules) {}
  // Moves `unit` into `out` and fills its labels and evidence.
  Status Tag(Unit unit, TaggedUnit* out);

 private:
  const RuleSet& rules_;
};

}  // namespace gapmap

#endif  // GAPMAP_TAG_TAGGER_H_
