// Matrix writers: the gap matrix in the three forms of FORMATS.md.
//
// - Tidy CSV: header `agency,dimension,category,stance,paragraphs,share,
//   example_ids`, one row per non-empty cell in GapMatrix::Rows() order;
//   `share` has three decimals (empty with --normalize none); example ids are
//   space-separated. The `all` category rows carry each agency's content
//   units per stance (the share's denominator), which makes the CSV merge
//   exactly.
// - Wide CSV: one table for one dimension and one stance: `agency,
//   paragraphs, <category>...` with agencies as rows (those with content
//   units in that stance) and every known category as a column, including
//   categories nobody addresses; cells hold the share (row/col) or the
//   paragraph count (none).
// - JSON: provenance, the options, the known dimensions, categories, stances
//   and agencies, and the same cells as the tidy CSV, one per line so that a
//   committed matrix diffs well.
// All three are deterministic: no timestamps, sorted rows, fixed decimals.
#ifndef GAPMAP_SINKS_MATRIX_WRITER_H_
#define GAPMAP_SINKS_MATRIX_WRITER_H_

#include <string>
#include <string_view>

#include "lib/aggregate/gap_matrix.h"
#include "lib/aggregate/provenance.h"
#include "lib/core/status.h"

namespace gapmap {

inline constexpr std::string_view kTidyHeader =
    "agency,dimension,category,stance,paragraphs,share,example_ids";

std::string FormatTidyCsv(const GapMatrix& matrix, Normalize normalize);

// Usage error if the matrix has no such dimension or stance.
Result<std::string> FormatWideCsv(const GapMatrix& matrix, Normalize normalize,
                                  std::string_view dimension, std::string_view stance);

std::string FormatMatrixJson(const GapMatrix& matrix, const MatrixProvenance& provenance);

// Which form `gapmap matrix` and `gapmap merge` write.
struct MatrixFormat {
  bool json = false;  // --format json (else CSV)
  bool wide = false;  // --layout wide (CSV only)
  // Wide only; empty: the matrix's only dimension / the only stance kept, or
  // "all".
  std::string dimension;
  std::string stance;
};

// The whole output in the chosen form; a usage error when the wide layout
// cannot pick one dimension and stance.
Result<std::string> FormatMatrix(const GapMatrix& matrix, const MatrixProvenance& provenance,
                                 const MatrixFormat& format);

// "0.250": the fixed three decimals of every share.
std::string FormatShare(double share);

}  // namespace gapmap

#endif  // GAPMAP_SINKS_MATRIX_WRITER_H_
