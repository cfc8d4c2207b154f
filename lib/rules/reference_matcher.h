// ReferenceMatcher: the slow, obviously-correct way to find every hit of a
// compiled rule set — one pattern at a time, each term through its regex
// translation (TermToRegex) tried at every word start, each raw regex on its
// own. The property test holds the one-pass UnitMatcher to it; nothing in
// the pipeline uses it.
#ifndef GAPMAP_RULES_REFERENCE_MATCHER_H_
#define GAPMAP_RULES_REFERENCE_MATCHER_H_

#include <string_view>
#include <vector>

#include "lib/core/status.h"
#include "lib/rules/compiled_rules.h"
#include "lib/rules/match_types.h"

namespace gapmap {

class ReferenceMatcher {
 public:
  // Fails if a term's regex translation does not compile (a bug).
  static Result<ReferenceMatcher> Create(const CompiledRules& rules);
  // Every hit, normalised like UnitMatcher::Match (NormalizeHits).
  std::vector<Hit> Match(std::string_view text) const;

 private:
  ReferenceMatcher() = default;
  const CompiledRules* rules_ = nullptr;
  std::vector<Regex> anchored_;  // per pattern; terms only (raw regexes use rules_->regexes)
  std::vector<std::vector<Regex>> alternatives_;  // per pattern: one per alternative
};

}  // namespace gapmap

#endif  // GAPMAP_RULES_REFERENCE_MATCHER_H_
