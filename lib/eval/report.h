// Report: the evaluation figures for people (a terminal table) and for
// scripts (`--json`). Both hold the same content: the headline figures, the
// per-label precision/recall/F1, the kind and stance confusion tables, and
// the unaligned gold units. Output is deterministic (maps iterate in label
// order, numbers have fixed decimals).
#ifndef GAPMAP_EVAL_REPORT_H_
#define GAPMAP_EVAL_REPORT_H_

#include <string>
#include <vector>

#include "lib/eval/eval_unit.h"
#include "lib/eval/metrics.h"

namespace gapmap {

struct EvalSources {
  std::string tagged;  // the tagged JSONL, or the documents tagged in process
  std::string gold;
};

std::string FormatEvalText(const EvalScores& scores, const std::vector<EvalUnit>& gold,
                           const EvalSources& sources);

std::string FormatEvalJson(const EvalScores& scores, const std::vector<EvalUnit>& gold,
                           const EvalSources& sources);

}  // namespace gapmap

#endif  // GAPMAP_EVAL_REPORT_H_
