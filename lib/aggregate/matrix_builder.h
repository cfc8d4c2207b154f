// MatrixBuilder: one gap matrix from whatever the command line names —
// documents (tagged on the fly, streaming, nothing written), tagged JSONL
// (from `gapmap tag`) and matrix files (JSON or tidy CSV, e.g. shards) —
// with the provenance of every input. Documents and their JSONL give the
// same cells; matrix files are added exactly (GapMatrix::operator+=).
//
// How an input is read:
//   directory         every *.txt below it, as documents (sorted)
//   *.txt             a document
//   *.jsonl           tagged units
//   *.json, *.csv     a matrix
//   other files       sniffed: a matrix, tagged units ('{' first), else a document
//   -  (stdin)        sniffed: a matrix or tagged units; a document only with
//                     InputFormat::kText (stdin cannot be read twice)
// `from` other than kAuto forces one reading for every input.
//
// This module sits above the pipeline and the sinks: it drives both.
#ifndef GAPMAP_AGGREGATE_MATRIX_BUILDER_H_
#define GAPMAP_AGGREGATE_MATRIX_BUILDER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/aggregate/gap_matrix.h"
#include "lib/aggregate/matrix_sink.h"
#include "lib/aggregate/provenance.h"
#include "lib/core/diagnostics.h"
#include "lib/pipeline/run_documents.h"
#include "lib/rules/rule_set.h"
#include "lib/source/input_list.h"

namespace gapmap {

enum class InputFormat : uint8_t { kAuto, kText, kJsonl, kMatrix };
std::optional<InputFormat> ParseInputFormat(std::string_view name);  // auto|text|jsonl|matrix

struct MatrixBuildOptions {
  MatrixOptions matrix;
  Normalize normalize = Normalize::kRow;
  RunOptions run;  // for documents
  std::string stdin_name = "-";
  InputFormat from = InputFormat::kAuto;
  // Take the matrix options (and normalisation) from the first JSON matrix
  // input instead of `matrix` (for `gapmap merge`, and for commands whose
  // only inputs are matrices and whose options were not given).
  bool adopt_matrix_options = false;
  // Sees every unit counted from documents and tagged JSONL (not owned; may
  // be null).
  UnitObserver* observer = nullptr;
  // Record each document's and JSONL input's size and SHA-256 in the
  // provenance. Off when nothing the command writes reads them (a CSV
  // matrix), as hashing every input byte is not free (~2 % of `matrix`).
  bool digest_inputs = true;
};

// The inputs sorted by how they will be read. Stdin in kAuto mode is in
// `sniff` (decided when read).
struct ClassifiedInputs {
  std::vector<InputSpec> documents;
  std::vector<std::string> jsonl;
  std::vector<std::string> matrices;
  std::vector<std::string> sniff;
  std::vector<Status> errors;  // missing or unreadable inputs
};
ClassifiedInputs ClassifyInputs(const std::vector<std::string>& args, InputFormat from,
                                const std::string& stdin_name);

struct BuiltMatrix {
  GapMatrix matrix;
  MatrixProvenance provenance;
  int json_matrices = 0;  // matrix inputs read from JSON
  int csv_matrices = 0;   // matrix inputs read from tidy CSV
};

// Builds the matrix. `rules` may be null if no input is a document; when
// given, its schema declares the categories and its content hash goes into
// the provenance. Problems with single inputs are reported to `diagnostics`
// and skipped (the caller exits 2 if diagnostics has errors); a returned
// error stops the command.
Result<BuiltMatrix> BuildMatrix(const ClassifiedInputs& inputs, const RuleSet* rules,
                                const MatrixBuildOptions& options, Diagnostics* diagnostics);

}  // namespace gapmap

#endif  // GAPMAP_AGGREGATE_MATRIX_BUILDER_H_
