// RuleCompiler: loaded rule files (DimensionSpecs and the agency registry)
// into CompiledRules and the Schema.
//
// Checks what needs all files at once or the matchers: a dimension defined
// twice (both places named), term syntax (`*` placement, edge punctuation),
// regex syntax (RE2's own message), regexes that match the empty string or
// compile to programs over the size limit, `implies` targets, the combined
// regex set's memory budget. Every problem is reported; nothing is compiled
// halfway: on failure `out` must not be used.
#ifndef GAPMAP_RULES_RULE_COMPILER_H_
#define GAPMAP_RULES_RULE_COMPILER_H_

#include <cstdint>
#include <vector>

#include "lib/core/diagnostics.h"
#include "lib/core/schema.h"
#include "lib/rules/agency_registry.h"
#include "lib/rules/compiled_rules.h"
#include "lib/rules/rule_model.h"

namespace gapmap {

struct CompileOptions {
  int64_t regex_mem = 64LL << 20;    // budget of the combined regex set, bytes
  int64_t per_regex_mem = 8LL << 20;  // budget of each regex on its own, bytes
  int max_program_size = 20000;       // RE2 instructions allowed per regex
  bool simulate_set_out_of_memory = false;  // tests only: see UnitMatcher
};

// The unit kinds the `mentions` dimension applies to.
inline const std::vector<UnitKind>& MentionKinds() {
  static const std::vector<UnitKind> kKinds = {UnitKind::kText, UnitKind::kBullet,
                                               UnitKind::kHeading};
  return kKinds;
}

// `agencies` may be null (no `mentions` dimension). Returns false (with all
// problems appended to `errors`) if anything is wrong.
bool CompileRules(const AgencyRegistry* agencies, const std::vector<DimensionSpec>& dimensions,
                  const CompileOptions& options, Schema* schema, CompiledRules* out,
                  std::vector<Diagnostic>* errors);

// "any", "weak", "exact", "regex", "not", "unless", "near a", "near b".
std::string_view CueListName(CueList list);

}  // namespace gapmap

#endif  // GAPMAP_RULES_RULE_COMPILER_H_
