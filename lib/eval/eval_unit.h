// EvalUnit: the part of a unit that evaluation compares — position, kind,
// owner, part and the labels of the four scored dimensions, as names — for
// both sides: the tool's tagged units and the hand-labelled gold units.
//
// Labels are kept as names, not Schema indices, so that units tagged in
// process (the rule set's schema) and gold units (a schema of their own)
// compare directly. The text is not kept (only a short head, for listings),
// so a whole corpus of tagged units fits in little memory.
#ifndef GAPMAP_EVAL_EVAL_UNIT_H_
#define GAPMAP_EVAL_EVAL_UNIT_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/core/schema.h"
#include "lib/core/status.h"
#include "lib/core/tagged_unit.h"
#include "lib/sinks/sink.h"

namespace gapmap {

// The label dimensions FORMATS.md scores, in report order.
enum class EvalDimension : uint8_t { kStance, kFourp, kRectype, kMentions };
inline constexpr int kEvalDimensionCount = 4;
std::string_view EvalDimensionName(EvalDimension d);  // "stance", "fourp", ...

// Which of the scored dimensions a source of units carries at all: tagged
// JSONL written by `gapmap segment` carries none, and scoring its (absent)
// labels would report meaningless zeros.
using DimensionPresence = std::array<bool, kEvalDimensionCount>;

struct EvalUnit {
  std::string doc;
  uint32_t ordinal = 0;  // the tool's unit ordinal, or the gold file's `unit`
  UnitKind kind = UnitKind::kText;
  std::optional<UnitKind> kind_alt;  // gold only: a second acceptable kind
  uint32_t line_start = 0;
  uint32_t line_end = 0;
  std::string agency;  // empty = null
  std::string part;    // empty = null
  // labels[d]: sorted label names; a single-valued dimension (stance) holds at
  // most one, none meaning null.
  std::array<std::vector<std::string>, kEvalDimensionCount> labels;
  std::string text_head;  // the first characters of the text, for listings
};

// The scored dimensions of `schema` that exist.
DimensionPresence PresenceIn(const Schema& schema);

// Converts a tagged unit; dimensions missing from `schema` give no labels.
EvalUnit ToEvalUnit(const TaggedUnit& unit, const Schema& schema);

// A UnitSink that keeps every unit it is given as an EvalUnit, in order.
class EvalUnitCollector : public UnitSink {
 public:
  // `schema` is not owned and may grow while units arrive (JSONL reading).
  explicit EvalUnitCollector(const Schema* schema) : schema_(schema) {}
  Status Write(const TaggedUnit& unit) override;
  std::vector<EvalUnit>& units() { return units_; }

 private:
  const Schema* schema_;
  std::vector<EvalUnit> units_;
};

// Reads tagged units (JSONL of `gapmap tag` or `gapmap segment`) from `path`
// ("-": stdin). `presence` tells which scored dimensions the file carries.
Status LoadTaggedUnits(const std::string& path, std::vector<EvalUnit>* units,
                       DimensionPresence* presence);

// Reads a gold file (FORMATS.md, "Gold files"), kind_alt included.
Status LoadGoldUnits(const std::string& path, std::vector<EvalUnit>* units);

}  // namespace gapmap

#endif  // GAPMAP_EVAL_EVAL_UNIT_H_
