#include "lib/rules/rule_set.h"

#include <filesystem>

#include <fmt/format.h>

namespace gapmap {

std::shared_ptr<const RuleSet> LoadRuleSet(const std::string& dir, const RuleSetOptions& options,
                                           std::vector<Diagnostic>* errors) {
  auto rules = std::make_shared<RuleSet>();
  size_t before = errors->size();
  if (!std::filesystem::is_directory(dir)) {
    errors->push_back(Diagnostic{SourceLocation{dir, 0, 0}, "rule directory not found"});
    return nullptr;
  }
  std::string agencies = dir + "/agencies.yaml";
  LoadAgencyRegistry(agencies, &rules->agencies, errors);
  rules->files.push_back(agencies);
  std::string structure = dir + "/structure.yaml";
  if (std::filesystem::exists(structure)) {
    LoadStructureRules(structure, &rules->structure, errors);
    rules->files.push_back(structure);
  }
  if (errors->size() != before) return nullptr;
  return rules;
}

}  // namespace gapmap
