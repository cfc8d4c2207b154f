// ReportUnits: the content units a report can show in its drill-down, kept
// in a compact, schema-independent form while the matrix is being counted.
//
// The store is a UnitObserver (lib/aggregate/matrix_sink.h): the matrix
// builder feeds it the very units it counts, so a cell's unit list and its
// count come from one pass. Units arrive with indices into different schemas
// (one per tagged JSONL input), so every name — document, agency, part,
// kind, label, rule, heading path — is interned into tables of the store's
// own, and evidence keeps only its span and two indices.
//
// Evidence spans are converted from byte offsets (the UTF-8 text of the
// pipeline) to UTF-16 code units, which is what JavaScript strings index;
// an ill-formed byte counts as one unit, as the U+FFFD that replaces it on
// output. Spans of zero length (default rules) are dropped: they highlight
// nothing.
//
// Memory: a report shows text, so the store holds the text of every content
// unit (not of headings, footnotes or furniture) — proportional to the
// report's own size, which is the point of the output.
#ifndef GAPMAP_REPORT_REPORT_UNITS_H_
#define GAPMAP_REPORT_REPORT_UNITS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lib/aggregate/gap_matrix.h"
#include "lib/aggregate/matrix_sink.h"

namespace gapmap {

// Interned names: index <-> string, in first-seen order.
class NameTable {
 public:
  uint32_t Intern(std::string_view name);
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, uint32_t> index_;
};

struct ReportUnit {
  static constexpr uint32_t kNone = UINT32_MAX;  // a null agency or part
  uint32_t doc = 0;                              // ReportUnits::docs()
  uint32_t ordinal = 0;
  uint32_t kind = 0;  // kinds()
  uint32_t line_start = 0;
  uint32_t line_end = 0;
  uint32_t agency = kNone;       // agencies(): the owner chapter
  uint32_t part = kNone;         // parts()
  uint32_t section = 0;          // sections(): the heading path, joined
  std::vector<uint32_t> labels;  // labels(), sorted
  std::string text;
  // (begin, end, label, rule) per evidence span, flattened; begin/end in
  // UTF-16 code units of `text`.
  std::vector<uint32_t> evidence;
};

// One interned label: its dimension (dimensions()) and name.
struct ReportLabel {
  uint32_t dimension = 0;
  std::string name;
};

class ReportUnits : public UnitObserver {
 public:
  ReportUnits();

  // Keeps `unit` if it is a content unit.
  Status Observe(const TaggedUnit& unit, const Schema& schema) override;

  // Sorts the units by (document name, ordinal), the order of the matrix's
  // example ids; call once after the last Observe().
  void Finish();

  // Index of unit {doc, ordinal} after Finish(), or -1. With two units of
  // the same id (one document given twice), the first.
  int64_t Find(const ExampleId& id) const;

  const std::vector<ReportUnit>& units() const { return units_; }
  const std::vector<std::string>& docs() const { return docs_.names(); }
  const std::vector<std::string>& kinds() const { return kinds_.names(); }
  const std::vector<std::string>& agencies() const { return agencies_.names(); }
  const std::vector<std::string>& parts() const { return parts_.names(); }
  const std::vector<std::string>& sections() const { return sections_.names(); }
  const std::vector<std::string>& dimensions() const { return dimensions_.names(); }
  const std::vector<ReportLabel>& labels() const { return labels_; }
  const std::vector<std::string>& rules() const { return rules_.names(); }

  // The separator of heading paths in sections().
  static constexpr std::string_view kPathSeparator = " \xE2\x80\xBA ";  // " › "

 private:
  // Our index of a schema label / rule. The caches map schema indices to
  // ours and are checked by name on every hit: consecutive inputs bring
  // different schemas, possibly at the same address.
  uint32_t Label(const Schema& schema, int dimension, int label);
  uint32_t Rule(const Schema& schema, uint32_t rule);

  std::vector<ReportUnit> units_;
  NameTable docs_, kinds_, agencies_, parts_, sections_, dimensions_, rules_;
  std::vector<ReportLabel> labels_;
  std::unordered_map<std::string, uint32_t> label_index_;  // "dimension\0name" -> labels_
  std::vector<std::vector<uint32_t>> label_cache_;         // [dimension][label] -> labels_
  std::vector<uint32_t> rule_cache_;                       // schema rule -> rules_
  std::string path_;                                       // scratch for heading paths
};

}  // namespace gapmap

#endif  // GAPMAP_REPORT_REPORT_UNITS_H_
