// gapmap merge [options] MATRIX...  — adds partial matrices (JSON or tidy CSV)
// into one: the reducer of a sharded run.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/matrix_options.h"
#include "lib/sinks/matrix_writer.h"

namespace gapmap::cli {

int RunMerge(const Args& args) {
  InputOptions input;
  MatrixCliOptions matrix_options;
  std::string layout = "tidy";
  std::string format;
  std::string output_path;
  std::string dimension;
  std::string stance;
  bool quiet = false;
  po::options_description desc("options");
  // clang-format off
  desc.add_options()
      ("format", po::value(&format), "csv or json (default: json if any input is JSON, else csv)")
      ("layout", po::value(&layout)->default_value("tidy"), "CSV layout: tidy or wide")
      ("dimension", po::value(&dimension), "wide layout: the dimension shown")
      ("stance", po::value(&stance), "wide layout: the stance shown (default all)")
      ("normalize", po::value(&matrix_options.normalize),
       "share: row, col or none (default: as the JSON inputs, else row)")
      ("by", po::value(&matrix_options.by),
       "CSV inputs: how their rows were counted, agency (default) or mentions")
      ("examples", po::value(&matrix_options.examples),
       "CSV inputs: unit ids kept per cell when they were written (default 5, or all)")
      ("output,o", po::value(&output_path), "write to FILE atomically (default stdout)")
      ("quiet,q", po::bool_switch(&quiet), "no warnings on stderr");
  // clang-format on
  const char* usage =
      "gapmap merge [options] MATRIX...\n"
      "MATRIX: partial matrices from `gapmap matrix --format json` (or tidy CSV), - for stdin";
  if (auto exit = ParseCommandLine("merge", usage, args, desc, &input.inputs)) return *exit;
  if (input.inputs.empty()) return UsageError("merge", "no matrices to merge");
  if (!format.empty() && format != "csv" && format != "json") {
    return UsageError("merge", "--format must be csv or json");
  }
  if (layout != "tidy" && layout != "wide")
    return UsageError("merge", "--layout must be tidy or wide");
  matrix_options.from = "matrix";
  Result<MatrixBuildOptions> options = ResolveMatrixOptions(matrix_options, input);
  if (!options.ok()) return UsageError("merge", options.status().message());
  options->adopt_matrix_options = matrix_options.by.empty() && matrix_options.examples.empty();

  Diagnostics diagnostics;
  diagnostics.set_quiet(quiet);
  ClassifiedInputs inputs = ClassifyInputs(input.inputs, InputFormat::kMatrix, "-");
  Result<BuiltMatrix> built = BuildMatrix(inputs, nullptr, *options, &diagnostics);
  if (!built.ok()) {
    diagnostics.Error(built.status());
    return 2;
  }
  if (diagnostics.error_count() > 0) return 2;
  if (!matrix_options.normalize.empty()) built->provenance.normalize = options->normalize;
  MatrixFormat output_format;
  output_format.json = format.empty() ? built->json_matrices > 0 : format == "json";
  output_format.wide = layout == "wide";
  output_format.dimension = dimension;
  output_format.stance = stance;
  Result<std::string> rendered = FormatMatrix(built->matrix, built->provenance, output_format);
  if (!rendered.ok()) return UsageError("merge", rendered.status().message());
  return WriteOutput(output_path, *rendered, &diagnostics);
}

}  // namespace gapmap::cli
