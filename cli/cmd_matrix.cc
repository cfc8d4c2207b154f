// gapmap matrix [options] INPUT...  — the gap matrix (lib/aggregate, lib/sinks).
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/matrix_options.h"
#include "lib/sinks/matrix_check.h"
#include "lib/sinks/matrix_writer.h"

namespace gapmap::cli {

int RunMatrix(const Args& args) {
  InputOptions input;
  MatrixCliOptions matrix_options;
  std::string layout = "tidy";
  std::string format = "csv";
  std::string output_path;
  std::string check_path;
  bool allow_empty = false;
  po::options_description desc("options");
  AddMatrixOptions(&desc, &matrix_options);
  // clang-format off
  desc.add_options()
      ("layout", po::value(&layout)->default_value("tidy"),
       "CSV layout: tidy (one row per cell) or wide (agencies x categories for one dimension "
       "and stance)")
      ("format", po::value(&format)->default_value("csv"), "csv or json (with provenance)")
      ("output,o", po::value(&output_path), "write to FILE atomically (default stdout)")
      ("check", po::value(&check_path),
       "compare with a committed matrix EXPECTED: exit 0 if equal, else 1 and the changed cells")
      ("allow-empty", po::bool_switch(&allow_empty),
       "write a matrix without cells instead of failing (a shard whose documents have no "
       "agency chapters, in a sharded run)");
  // clang-format on
  AddInputOptions(&desc, &input);
  const char* usage =
      "gapmap matrix [options] INPUT...\n"
      "INPUT: documents or directories of *.txt (tagged on the fly), tagged JSONL (*.jsonl, or -\n"
      "from `gapmap tag`), or matrices (*.json, *.csv) to add";
  if (auto exit = ParseCommandLine("matrix", usage, args, desc, &input.inputs)) return *exit;
  if (input.inputs.empty())
    return UsageError("matrix", "no inputs (documents, tagged JSONL or matrices)");
  if (layout != "tidy" && layout != "wide")
    return UsageError("matrix", "--layout must be tidy or wide");
  if (format != "csv" && format != "json")
    return UsageError("matrix", "--format must be csv or json");
  Result<MatrixBuildOptions> options = ResolveMatrixOptions(matrix_options, input);
  if (!options.ok()) return UsageError("matrix", options.status().message());
  MatrixFormat output_format;
  output_format.json = format == "json";
  output_format.wide = layout == "wide";
  // Only JSON output and --check's report read the inputs' digests.
  options->digest_inputs = output_format.json || !check_path.empty();

  Diagnostics diagnostics;
  diagnostics.set_quiet(input.quiet);
  ClassifiedInputs inputs = ClassifyInputs(input.inputs, options->from, input.stdin_name);
  for (const Status& e : inputs.errors) diagnostics.Error(e);
  options->adopt_matrix_options = inputs.documents.empty() && inputs.jsonl.empty() &&
                                  inputs.sniff.empty() && !MatrixOptionsGiven(matrix_options);
  std::shared_ptr<const RuleSet> rules;
  if (!LoadRulesFor(inputs, input, &diagnostics, &rules)) return 2;
  if (rules != nullptr) {
    if (Status s = CheckMatrixOptions(options->matrix, rules->schema); !s.ok()) {
      return UsageError("matrix", s.message());
    }
  }
  Result<BuiltMatrix> built = BuildMatrix(inputs, rules.get(), *options, &diagnostics);
  if (!built.ok()) {
    diagnostics.Error(built.status());
    return 2;
  }
  // A matrix missing some inputs would look complete: write nothing.
  if (diagnostics.error_count() > 0) return 2;
  if (built->matrix.Rows(Normalize::kNone).empty() && !allow_empty) {
    if (built->matrix.content_units() > 0) {
      diagnostics.Error(Status::Input(fmt::format(
          "matrix: none of the {} content units has an owner agency{} (--allow-empty writes the "
          "empty matrix)",
          built->matrix.content_units(),
          options->matrix.by == MatrixBy::kAgency ? "; try --by mentions" : "")));
    } else {
      diagnostics.Error(Status::Input("matrix: the inputs hold no content units"));
    }
    return 2;
  }
  Result<std::string> rendered = FormatMatrix(built->matrix, built->provenance, output_format);
  if (!rendered.ok()) return UsageError("matrix", rendered.status().message());

  if (check_path.empty() || !output_path.empty()) {
    if (int exit = WriteOutput(output_path, *rendered, &diagnostics); exit != 0) return exit;
  }
  if (check_path.empty()) return 0;
  Result<CheckReport> report = CheckMatrix(check_path, *rendered, built->matrix, built->provenance);
  if (!report.ok()) {
    diagnostics.Error(report.status());
    return 2;
  }
  if (report->equal) {
    if (!input.quiet) fmt::print(stderr, "gapmap: matrix: {} is up to date\n", check_path);
    return 0;
  }
  fmt::print(stderr, "gapmap: matrix: {} is out of date: {}\n", check_path, report->summary);
  if (!report->details.empty() && WriteOutput("", report->details, &diagnostics) != 0) return 2;
  return 1;
}

}  // namespace gapmap::cli
