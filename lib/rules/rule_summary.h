// What a loaded rule set holds, for `gapmap rules check`: per file its
// dimension, labels, patterns and examples, and the size of the compiled
// matcher (distinct terms and their word variants, regexes and their RE2
// program size).
#ifndef GAPMAP_RULES_RULE_SUMMARY_H_
#define GAPMAP_RULES_RULE_SUMMARY_H_

#include <string>

#include "lib/rules/rule_set.h"

namespace gapmap {

std::string FormatRuleSummary(const RuleSet& rules);

}  // namespace gapmap

#endif  // GAPMAP_RULES_RULE_SUMMARY_H_
