// Matrix reader: a gap matrix read back from its JSON or tidy CSV form (the
// writers of matrix_writer.h), for `gapmap merge`, `gapmap gaps` and
// `gapmap matrix --check`.
//
// JSON carries its options and provenance. Tidy CSV carries neither: the
// caller says how it was made (MatrixOptions: `by` and the number of example
// ids), and the file itself (name, size, SHA-256) becomes the provenance's
// one input. In both, the `all` category rows give the row totals; they are
// repeated per dimension, so they are taken from one dimension and the
// others must agree (a hand-edited file that does not is an input error).
// Shares are not read: they are recomputed from the counts.
#ifndef GAPMAP_SINKS_MATRIX_READER_H_
#define GAPMAP_SINKS_MATRIX_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "lib/aggregate/gap_matrix.h"
#include "lib/aggregate/provenance.h"
#include "lib/core/status.h"

namespace gapmap {

struct LoadedMatrix {
  GapMatrix matrix;
  MatrixProvenance provenance;
  bool from_json = false;
};

// True if `head` (the first bytes of a file) looks like a matrix in JSON or
// tidy CSV form rather than tagged JSONL or a document.
bool LooksLikeMatrix(std::string_view head);

// Parses a file's bytes holding one or more matrices: JSON documents one
// after another (e.g. one per line, as a Hadoop or Spark reducer receives
// its mappers' output), or tidy CSVs each starting with its header line
// (`cat shard-*.csv`). `name` is used in messages.
Result<std::vector<LoadedMatrix>> ParseMatrices(std::string_view data, const std::string& name,
                                                const MatrixOptions& csv_options);

// Exactly one matrix (an input error otherwise).
Result<LoadedMatrix> ParseMatrix(std::string_view data, const std::string& name,
                                 const MatrixOptions& csv_options);

// Reads `path` ("-": stdin) and parses the matrices it holds.
Result<std::vector<LoadedMatrix>> ReadMatrixFile(const std::string& path,
                                                 const MatrixOptions& csv_options);

// Reads all of `path` ("-": stdin) into memory (matrix files are small).
Result<std::string> ReadWholeFile(const std::string& path);

}  // namespace gapmap

#endif  // GAPMAP_SINKS_MATRIX_READER_H_
