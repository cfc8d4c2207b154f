#include "cli/commands.h"

namespace gapmap::cli {

const std::vector<Command>& CommandTable() {
  static const std::vector<Command> kCommands = {
      {"segment", "split documents into units with kind, agency chapter and part (JSONL)", RunSegment},
      {"tag", "segment and tag documents: labels and evidence per unit (JSONL, CSV, TSV)", RunTag},
      {"matrix", "the gap matrix: agencies x categories (tidy/wide CSV, JSON); --check for CI", RunMatrix},
      {"gaps", "categories nobody addresses, crowded categories, each agency's share", RunGaps},
      {"merge", "add partial matrices (JSON or tidy CSV) into one", RunMerge},
      {"report", "self-contained HTML heatmap with drill-down to the evidence", RunReport},
      {"eval", "score tagged units against hand-labelled gold units", RunEval},
      {"explain", "show one unit, the rules that fired and why each label was decided", RunExplain},
      {"rules", "check, test or export the rule set (rules check|test|export)", RunRules},
  };
  return kCommands;
}

}  // namespace gapmap::cli
