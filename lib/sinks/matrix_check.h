// MatrixCheck: `gapmap matrix --check EXPECTED` — does a freshly computed
// matrix still equal the committed one, and if not, what changed.
//
// Equal means byte-identical output (outputs are deterministic, so any
// difference is a real one). When they differ and EXPECTED can be read as a
// matrix (JSON or tidy CSV), the report lists the changed cells with old ->
// new paragraphs and shares and the unit ids that entered or left; if no
// cell changed, it says what else did (rules, inputs, options).
#ifndef GAPMAP_SINKS_MATRIX_CHECK_H_
#define GAPMAP_SINKS_MATRIX_CHECK_H_

#include <string>

#include "lib/aggregate/gap_matrix.h"
#include "lib/aggregate/provenance.h"
#include "lib/core/status.h"

namespace gapmap {

struct CheckReport {
  bool equal = false;
  int changed_cells = 0;
  std::string summary;  // one line: "3 cells changed" / "cells unchanged; ..."
  std::string details;  // the cell-by-cell diff (may be empty)
};

// `rendered` is what the command would write; `matrix` and `provenance` are
// what it was rendered from. An unreadable EXPECTED is an input error.
Result<CheckReport> CheckMatrix(const std::string& expected_path, const std::string& rendered,
                                const GapMatrix& matrix, const MatrixProvenance& provenance);

}  // namespace gapmap

#endif  // GAPMAP_SINKS_MATRIX_CHECK_H_
