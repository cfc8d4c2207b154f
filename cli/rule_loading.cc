#include "cli/rule_loading.h"

namespace gapmap::cli {

std::shared_ptr<const RuleSet> LoadRulesOrReport(const InputOptions& options,
                                                 Diagnostics* diagnostics) {
  std::vector<Diagnostic> errors;
  RuleSetOptions rule_options;
  rule_options.regex_mem = options.regex_mem;
  std::shared_ptr<const RuleSet> rules = LoadRuleSet(options.rules_dir, rule_options, &errors);
  for (const Diagnostic& d : errors) diagnostics->Report(d);
  return errors.empty() ? rules : nullptr;
}

}  // namespace gapmap::cli
