// Loading the rule set for a command, printing every problem as
// "gapmap: file:line:col: message".
#ifndef GAPMAP_CLI_RULE_LOADING_H_
#define GAPMAP_CLI_RULE_LOADING_H_

#include <memory>

#include "cli/options.h"
#include "lib/core/diagnostics.h"
#include "lib/rules/rule_set.h"

namespace gapmap::cli {

// Null if the rules could not be loaded (the errors are printed).
std::shared_ptr<const RuleSet> LoadRulesOrReport(const InputOptions& options,
                                                 Diagnostics* diagnostics);

}  // namespace gapmap::cli

#endif  // GAPMAP_CLI_RULE_LOADING_H_
