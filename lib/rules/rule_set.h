// RuleSet: everything a run knows from a rule directory, loaded and compiled
// once, then shared read-only by all documents (and threads).
//
// A rule directory holds:
//   agencies.yaml   the agency registry (required); also yields the
//                   `mentions` dimension (names any case, acronyms exact
//                   case, `not` vetoes; unit kinds text, bullet, heading)
//   structure.yaml  line recognisers for the segmenter (optional)
//   *.yaml / *.yml  one dimension file each, loaded in file-name order
// docs/rules.md describes the files for users.
#ifndef GAPMAP_RULES_RULE_SET_H_
#define GAPMAP_RULES_RULE_SET_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lib/core/diagnostics.h"
#include "lib/core/schema.h"
#include "lib/rules/agency_registry.h"
#include "lib/rules/compiled_rules.h"
#include "lib/rules/rule_model.h"
#include "lib/rules/yaml_tree.h"
#include "lib/segment/structure_rules.h"

namespace gapmap {

struct RuleSetOptions {
  int64_t regex_mem = 64LL << 20;  // budget of the compiled regex set, bytes
  int max_program_size = 20000;    // RE2 instructions allowed per regex
  YamlLimits limits;               // per rule file: size, depth, node count
  bool simulate_set_out_of_memory = false;  // tests only (UnitMatcher)
};

struct RuleSet {
  std::string dir;
  AgencyRegistry agencies;
  StructureRules structure;
  Schema schema;
  std::vector<DimensionSpec> dimensions;  // the dimension files, as loaded
  CompiledRules compiled;
  std::vector<std::string> files;  // the rule files read, sorted
  std::string content_hash;        // SHA-256 over file names and bytes: provenance of a run
};

// Loads every rule file of `dir`. Returns null (with all problems appended to
// `errors`) if any file is wrong.
std::shared_ptr<const RuleSet> LoadRuleSet(const std::string& dir, const RuleSetOptions& options,
                                           std::vector<Diagnostic>* errors);

}  // namespace gapmap

#endif  // GAPMAP_RULES_RULE_SET_H_
