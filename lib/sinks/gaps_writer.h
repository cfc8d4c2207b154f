// Gaps writers: the gap view (lib/aggregate/gap_view.h) for a terminal, as
// CSV (one row per dimension, stance and category) and as JSON.
//
// Text, per dimension and stance: the categories nobody addresses, the
// crowded ones, the `top` most thinly covered others, and a table of each
// agency's share (agencies as rows, categories as columns; transposed when
// that is much narrower, so it stays readable on a terminal).
// CSV: dimension,stance,category,coverage,agency_count,paragraphs,agencies,shares
// where `agencies` lists those addressing the category and `shares` holds
// "AGENCY:0.250" for every agency with a paragraph in it.
#ifndef GAPMAP_SINKS_GAPS_WRITER_H_
#define GAPMAP_SINKS_GAPS_WRITER_H_

#include <string>
#include <vector>

#include "lib/aggregate/gap_view.h"

namespace gapmap {

struct GapsTextOptions {
  int top = 3;        // thinnest-covered categories listed
  bool table = true;  // print the share table
};

std::string FormatGapsText(const std::vector<GapTable>& tables, const GapsTextOptions& options);
std::string FormatGapsCsv(const std::vector<GapTable>& tables);
std::string FormatGapsJson(const std::vector<GapTable>& tables, const GapViewOptions& options);

}  // namespace gapmap

#endif  // GAPMAP_SINKS_GAPS_WRITER_H_
