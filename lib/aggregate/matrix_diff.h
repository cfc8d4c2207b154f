// MatrixDiff: what changed between a committed matrix and a fresh one, cell
// by cell, for `gapmap matrix --check` — so a reviewer sees not only that the
// matrix moved but why: old -> new paragraphs and shares, and the unit ids
// that entered or left each cell.
//
// Ids come from the cells' example lists, so they are complete only when the
// matrices keep every id (`--examples all`); otherwise they are the changes
// among the first N ids, and FormatDiff says so.
#ifndef GAPMAP_AGGREGATE_MATRIX_DIFF_H_
#define GAPMAP_AGGREGATE_MATRIX_DIFF_H_

#include <optional>
#include <string>
#include <vector>

#include "lib/aggregate/gap_matrix.h"

namespace gapmap {

struct CellChange {
  std::string agency, dimension, category, stance;
  int64_t old_paragraphs = 0;  // 0: the cell did not exist
  int64_t new_paragraphs = 0;  // 0: the cell is gone
  std::optional<double> old_share, new_share;
  std::vector<ExampleId> entered;  // in the new example ids, not the old
  std::vector<ExampleId> left;     // in the old example ids, not the new
  // Both example lists held every unit of their cell.
  bool ids_complete = true;
};

// Both inputs sorted as GapMatrix::Rows() returns them. A cell changed when
// its paragraphs, its share (to three decimals) or its example ids differ.
std::vector<CellChange> DiffRows(const std::vector<MatrixRow>& old_rows,
                                 const std::vector<MatrixRow>& new_rows);

// Human-readable, one cell per line with its ids below:
//   IOM fourp protection recommendation: 4 -> 5 paragraphs, share 0.250 -> 0.294
//       entered: icat:0051
std::string FormatDiff(const std::vector<CellChange>& changes);

}  // namespace gapmap

#endif  // GAPMAP_AGGREGATE_MATRIX_DIFF_H_
