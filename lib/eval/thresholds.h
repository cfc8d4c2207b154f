// Thresholds: `--min metric=value` / `--max metric=value` for `gapmap eval`,
// so that CI can hold the tool to its floors (exit 1 when one fails).
//
// Metric names are those of NamedFigures() (kind, agency, part, stance,
// fourp_micro_f1, ..., unaligned); `fourp`, `rectype` and `mentions` alone
// mean their micro-F1. A threshold on a figure that was not scored (no labels
// in the tagged units) or is not defined fails: a floor that cannot be
// checked is not met.
#ifndef GAPMAP_EVAL_THRESHOLDS_H_
#define GAPMAP_EVAL_THRESHOLDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "lib/core/status.h"
#include "lib/eval/metrics.h"

namespace gapmap {

struct Threshold {
  std::string metric;  // canonical name
  double value = 0;
  bool is_max = false;  // --max: the figure must not exceed `value`
};

// Parses "name=value"; a usage error names the valid metrics.
Result<Threshold> ParseThreshold(std::string_view spec, bool is_max);

// One message per threshold that does not hold, e.g.
// "stance 0.812 < 0.850 (--min stance=0.85)"; empty when all hold.
std::vector<std::string> CheckThresholds(const std::vector<Threshold>& thresholds,
                                         const std::vector<NamedFigure>& figures);

}  // namespace gapmap

#endif  // GAPMAP_EVAL_THRESHOLDS_H_
