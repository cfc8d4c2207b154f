// GrepExport: the rule set's cue patterns as POSIX extended regexes, one per
// line, for `grep -E -i -f` (`gapmap rules export --format grep`): a quick way
// to see candidate lines of a document in any shell.
//
// An approximation by nature: grep sees lines, not units (a phrase broken
// across lines is missed), and -i ignores the case of `exact` terms. RE2
// constructs ERE cannot express (named groups, flags other than a leading
// (?i), \p classes, \x{...}) make a regex skipped, with the reason.
// Case flags ("(?-i:...)") are dropped: grep -i ignores case everywhere.
// Vetoes (`not`, `unless`) are exported only with `with_vetoes` (then grep
// runs every pattern the tagger runs: `make bench` compares the two). Never
// emits an empty line (which would make grep match everything).
#ifndef GAPMAP_RULES_GREP_EXPORT_H_
#define GAPMAP_RULES_GREP_EXPORT_H_

#include <string>
#include <vector>

#include "lib/rules/rule_set.h"

namespace gapmap {

struct GrepExport {
  std::vector<std::string> lines;    // distinct, in rule order
  std::vector<std::string> skipped;  // "<pattern>: <reason>"
};

GrepExport ExportGrep(const RuleSet& rules, bool with_vetoes = false);

// One RE2 regex as an ERE; false (with `reason`) if it cannot be expressed.
bool Re2ToEre(const std::string& re2, std::string* ere, std::string* reason);

}  // namespace gapmap

#endif  // GAPMAP_RULES_GREP_EXPORT_H_
