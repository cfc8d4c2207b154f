// MatrixProvenance: what a matrix was computed from, written beside its cells
// in the JSON form so a reader (or CI) can tell whether a committed matrix
// still describes the files at hand: tool version, the rules' content hash,
// every input's name, size and SHA-256, and the options (MatrixOptions and
// the normalisation). No timestamps: the same inputs give the same bytes.
#ifndef GAPMAP_AGGREGATE_PROVENANCE_H_
#define GAPMAP_AGGREGATE_PROVENANCE_H_

#include <string>
#include <vector>

#include "lib/aggregate/gap_matrix.h"
#include "lib/core/status.h"
#include "lib/source/digesting_source.h"

namespace gapmap {

struct MatrixProvenance {
  std::string tool_version;         // e.g. "0.1.0"
  std::string rules_hash;           // empty: no rules were used (matrix files merged)
  std::vector<InputDigest> inputs;  // sorted by name, then hash (see SortInputs)
  Normalize normalize = Normalize::kRow;
};

// Inputs are listed in a canonical order, so that a matrix merged from shards
// carries the same provenance as one run over all inputs.
void SortInputs(std::vector<InputDigest>* inputs);

// Adds `other` (the provenance of a partial matrix) to `into`: inputs are
// joined; rules hashes and tool versions must agree, since a sum of matrices
// computed by different rules is not a matrix of either.
Status MergeProvenance(MatrixProvenance* into, const MatrixProvenance& other);

}  // namespace gapmap

#endif  // GAPMAP_AGGREGATE_PROVENANCE_H_
