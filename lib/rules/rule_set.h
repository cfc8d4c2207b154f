// RuleSet: everything a run knows from a rule directory, loaded and compiled
// once, then shared read-only by all documents (and threads).
//
// PLACEHOLDER: loads agencies.yaml and structure.yaml only; the rule engine
// adds the dimension files and the compiled matcher.
#ifndef GAPMAP_RULES_RULE_SET_H_
#define GAPMAP_RULES_RULE_SET_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lib/core/diagnostics.h"
#include "lib/core/schema.h"
#include "lib/rules/agency_registry.h"
#include "lib/segment/structure_rules.h"

namespace gapmap {

struct RuleSetOptions {
  int64_t regex_mem = 64LL << 20;  // budget of the compiled rule set, bytes
};

struct RuleSet {
  AgencyRegistry agencies;
  StructureRules structure;
  Schema schema;
  std::vector<std::string> files;  // the rule files read, sorted
  std::string content_hash;        // over file names and bytes: provenance of a run
};

// Loads every rule file of `dir`. Returns null (with all problems appended to
// `errors`) if any file is wrong.
std::shared_ptr<const RuleSet> LoadRuleSet(const std::string& dir, const RuleSetOptions& options,
                                           std::vector<Diagnostic>* errors);

}  // namespace gapmap

#endif  // GAPMAP_RULES_RULE_SET_H_
