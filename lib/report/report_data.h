// ReportData: the JSON document the HTML report's script reads — the gap
// matrix as one table per (dimension, stance), the gap view of each table,
// the units behind every cell, and the provenance of the run.
//
// Counts come from the GapMatrix itself (through BuildGapView, as `gapmap
// gaps` does), so a report cell equals the matrix CSV's cell for the same
// inputs and options. The unit list of a cell is the matrix's example ids,
// which is why the matrix must keep all of them (max_examples < 0): the list
// and the count are then the same set.
//
// Compactness (a corpus of dozens of documents is thousands of units): names
// are interned in tables and referred to by index; each unit is one array,
// its text stored once and its evidence as (begin, end, label, rule) spans
// into that text; cells refer to units by index; only units some cell lists
// are written.
//
// Layout (version 1; indices are 0-based, -1 is null):
//   {"version":1, "title", "tool", "rulesHash", "by", "normalize",
//    "crowded" (the option; 0: half of each table's agencies, at least 3),
//    "minParagraphs", "contentUnits", "withoutOwner",
//    "inputs": [[name, bytes, sha256]...],
//    "docs", "kinds", "agencies", "parts", "sections", "dims", "rules": [names],
//    "labels": [[dim, name]...],
//    "units": [[doc, ordinal, kind, lineStart, lineEnd, agency, part, section,
//               [label...], text, [begin, end, label, rule, ...]]...],
//    "rows": [row agency names],
//    "views": [{"dim", "stance", "cats": [names], "crowded": agencies that
//               make a category crowded in this table, "cover": [0 unaddressed |
//               1 covered | 2 crowded per category], "agencies": [row...],
//               "totals": [paragraphs in the stance per agency],
//               "counts": [[per category]...], "units": [[[unit...]...]...]}],
//    "rowUnits": [{"stance", "agencies": [row...], "units": [[unit...]...]}]}
// Every string is written html_safe, so the document can sit inside a
// <script> element whatever the inputs contain.
#ifndef GAPMAP_REPORT_REPORT_DATA_H_
#define GAPMAP_REPORT_REPORT_DATA_H_

#include <string>

#include "lib/aggregate/gap_matrix.h"
#include "lib/aggregate/gap_view.h"
#include "lib/aggregate/provenance.h"
#include "lib/core/status.h"
#include "lib/report/report_units.h"

namespace gapmap {

struct ReportDataOptions {
  std::string title;
  GapViewOptions gaps;
};

// `units` must be Finish()ed and hold every unit the matrix counted.
// Internal error if the matrix does not keep every example id, or a cell
// names a unit the store does not have.
Result<std::string> FormatReportData(const GapMatrix& matrix, const MatrixProvenance& provenance,
                                     const ReportUnits& units, const ReportDataOptions& options);

}  // namespace gapmap

#endif  // GAPMAP_REPORT_REPORT_DATA_H_
