// Metrics: the figures of FORMATS.md ("Gold files"), computed over aligned
// gold units.
//
// - kind: accuracy in three classes (content = text|bullet, heading, noise =
//   footnote|furniture) over all gold units; the class of `kind_alt`, where a
//   gold unit has one, also counts as right.
// - agency, part, stance: accuracy over gold content units.
// - fourp, rectype: micro- and macro-F1 over gold content units.
// - mentions: micro-F1 over gold content and heading units.
// An unaligned gold unit stays in every denominator and counts as wrong (its
// gold labels are all missed): a unit the tool lost is an error, not an
// absence of evidence.
//
// F1 is computed as 2·TP / (2·TP + FP + FN), which equals the harmonic mean of
// precision and recall and is defined whenever anything was predicted or
// expected. Macro-F1 averages the per-label F1 over the labels that occur in
// the gold or the tagged labels of the scored units. A figure with an empty
// denominator is "not defined" rather than 0 or 1.
#ifndef GAPMAP_EVAL_METRICS_H_
#define GAPMAP_EVAL_METRICS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lib/eval/alignment.h"
#include "lib/eval/eval_unit.h"

namespace gapmap {

// numerator / denominator, with the counts kept for reports.
struct Ratio {
  int64_t numerator = 0;
  int64_t denominator = 0;
  bool defined() const { return denominator > 0; }
  double value() const { return defined() ? static_cast<double>(numerator) / denominator : 0.0; }
};

struct LabelCounts {
  int64_t tp = 0;
  int64_t fp = 0;
  int64_t fn = 0;
  Ratio precision() const { return {tp, tp + fp}; }
  Ratio recall() const { return {tp, tp + fn}; }
  Ratio f1() const { return {2 * tp, 2 * tp + fp + fn}; }
  int64_t support() const { return tp + fn; }  // gold occurrences
};

// Figures of one label dimension.
struct DimensionScores {
  bool scored = false;  // the tagged units carry this dimension
  Ratio accuracy;       // single-valued (stance): exact label match
  LabelCounts micro;    // summed over labels
  std::map<std::string, LabelCounts> per_label;
  Ratio micro_f1() const { return micro.f1(); }
  // Mean of the per-label F1; nullopt when there is no label at all.
  std::optional<double> macro_f1() const;
};

// The three classes of `kind`: "content", "heading", "noise".
std::string KindClass(UnitKind kind);

struct EvalScores {
  int64_t gold_units = 0;
  int64_t gold_content = 0;  // text|bullet
  int64_t gold_headings = 0;
  int64_t gold_noise = 0;  // footnote|furniture
  int64_t tagged_units = 0;
  std::vector<int> unaligned;  // gold indices

  Ratio kind;
  Ratio agency;
  Ratio part;
  // Rows: gold class, columns: tagged class ("-" for an unaligned unit).
  std::map<std::string, std::map<std::string, int64_t>> kind_confusion;
  DimensionScores stance;
  // Rows: gold stance, columns: tagged stance ("null" when the tool gave none,
  // "-" for an unaligned unit).
  std::map<std::string, std::map<std::string, int64_t>> stance_confusion;
  DimensionScores fourp;
  DimensionScores rectype;
  DimensionScores mentions;

  bool labels_scored() const {
    return stance.scored || fourp.scored || rectype.scored || mentions.scored;
  }
};

// Scores `gold` against `tagged` under `alignment`. `presence` says which label
// dimensions the tagged units carry; absent ones are left unscored.
EvalScores Score(const std::vector<EvalUnit>& gold, const std::vector<EvalUnit>& tagged,
                 const Alignment& alignment, const DimensionPresence& presence);

// The named figures that --min/--max and the JSON report use, in report order:
// kind, agency, part, stance, fourp_micro_f1, fourp_macro_f1, rectype_micro_f1,
// rectype_macro_f1, mentions_micro_f1, unaligned. Undefined or unscored
// figures are nullopt.
struct NamedFigure {
  std::string name;
  std::optional<double> value;
  std::string missing;  // why there is no value, e.g. "not scored: no stance labels"
};
std::vector<NamedFigure> NamedFigures(const EvalScores& scores);

}  // namespace gapmap

#endif  // GAPMAP_EVAL_METRICS_H_
