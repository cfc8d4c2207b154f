// Segmenter: lines in, units out, in one streaming pass.
//
// Contract: AddLine() is called with every line of a document in order, then
// Finish() once. Each call appends the units it completed to `out`, in
// document order (ordered by line_start), with `doc`, `ordinal` (1, 2, ...),
// `kind`, line and byte spans, `marker` and normalised `text` set. Memory is
// bounded by the longest unit (capped by max_unit_bytes), never the document.
//
// PLACEHOLDER implementation: blank-line-separated blocks become text units.
#ifndef GAPMAP_SEGMENT_SEGMENTER_H_
#define GAPMAP_SEGMENT_SEGMENTER_H_

#include <string>
#include <vector>

#include "lib/core/unit.h"
#include "lib/segment/structure_rules.h"
#include "lib/source/line_reader.h"

namespace gapmap {

struct SegmenterOptions {
  size_t max_unit_bytes = 1 << 20;  // longer units are split
};

class Segmenter {
 public:
  Segmenter(const StructureRules& rules, std::string doc_id, SegmenterOptions options = {});
  void AddLine(const Line& line, std::vector<Unit>* out);
  void Finish(std::vector<Unit>* out);

 private:
  void Flush(std::vector<Unit>* out);

  const StructureRules& rules_;
  std::string doc_id_;
  SegmenterOptions options_;
  uint32_t next_ordinal_ = 1;
  Unit pending_;
  bool has_pending_ = false;
};

}  // namespace gapmap

#endif  // GAPMAP_SEGMENT_SEGMENTER_H_
