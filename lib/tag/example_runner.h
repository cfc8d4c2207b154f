// ExampleRunner: runs every `examples:` entry of the rule files (`gapmap
// rules test`). Each example becomes a unit (kind, part, section and an
// optional lead-in paragraph as given), is tagged with the whole rule set,
// and must (match) or must not (no_match) get its label.
#ifndef GAPMAP_TAG_EXAMPLE_RUNNER_H_
#define GAPMAP_TAG_EXAMPLE_RUNNER_H_

#include <string>
#include <vector>

#include "lib/core/status.h"
#include "lib/rules/rule_set.h"

namespace gapmap {

struct ExampleFailure {
  SourceLocation where;  // the example in its file
  std::string rule;      // "<dim>/<label>"
  bool should_match = true;
  std::string report;    // multi-line: text, the rules that fired, why
};

struct ExampleResults {
  int total = 0;
  std::vector<ExampleFailure> failures;
};

// Fails only on an internal matcher error.
Result<ExampleResults> RunExamples(const RuleSet& rules);

}  // namespace gapmap

#endif  // GAPMAP_TAG_EXAMPLE_RUNNER_H_
